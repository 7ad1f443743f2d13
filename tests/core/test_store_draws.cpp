// Draws kept in the campaign: append-only records and layers, superseding, lookup by id prefix,
// the audit entry, and old campaigns upgraded to hold draws.
#include "core/store/campaign.h"
#include "core/store/campaign_schema.h"
#include "core/store_test_support.h"
#include "core/util/error.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace core;

namespace {

DrawRecord record(const QString& id, std::uint64_t seed, const QString& streetName) {
    DrawRecord r;
    r.drawId = id;
    r.createdUtc = QStringLiteral("2027-03-15T02:00:00Z");
    r.operatorName = QStringLiteral("张三");
    r.software = QStringLiteral("PeriSurvey test");
    r.algorithm = QStringLiteral("test-algorithm");
    r.seed = seed;
    r.rulesName = QStringLiteral("test");
    r.workingCrs = QStringLiteral("EPSG:4547");
    r.inputs.push_back(
        {QStringLiteral("/data/x.gpkg"), {{QStringLiteral("roads"), 2, QStringLiteral("ab")}}});
    AnchorDraw a;
    a.id = QStringLiteral("market-1");
    a.kind = Role::Market;
    a.name = QStringLiteral("旭光街菜市场");
    a.key = QStringLiteral("k1");
    a.location = {615000, 3350000};
    a.order = 1;
    a.streets.candidates = 3;
    a.streets.asked = 1;
    DrawnItem street;
    street.key = streetName;
    street.name = streetName;
    street.measure = 320;
    street.distanceM = 812.5;
    a.streets.items.push_back(street);
    a.compounds.asked = 1;
    a.compounds.shortfall = 1;
    r.outcome.anchors.push_back(a);
    return r;
}

std::vector<LayerPtr> layers(const DrawRecord& r) {
    auto anchors = std::make_shared<LayerData>();
    anchors->name = QStringLiteral("anchors");
    anchors->kind = GeometryKind::Point;
    anchors->crsAuthId = QStringLiteral("EPSG:4547");
    anchors->fields = {{QStringLiteral("anchor_id"), FieldType::String},
                       {QStringLiteral("name"), FieldType::String},
                       {QStringLiteral("draw_id"), FieldType::String}};
    Feature a;
    a.fid = 1;
    a.geometry = Geometry::point(r.outcome.anchors[0].location);
    a.attributes = {r.outcome.anchors[0].id, r.outcome.anchors[0].name, r.drawId};
    anchors->features.push_back(a);
    auto streets = std::make_shared<LayerData>();
    streets->name = QStringLiteral("drawn_streets");
    streets->kind = GeometryKind::Line;
    streets->crsAuthId = QStringLiteral("EPSG:4547");
    streets->fields = {{QStringLiteral("anchor_id"), FieldType::String},
                       {QStringLiteral("name"), FieldType::String},
                       {QStringLiteral("length_m"), FieldType::Real}};
    Feature s;
    s.fid = 1;
    s.geometry = Geometry::line({{615500, 3350000}, {615800, 3350100}});
    s.attributes = {r.outcome.anchors[0].id, r.outcome.anchors[0].streets.items[0].name, 320.0};
    streets->features.push_back(s);
    return {anchors, streets};
}

} // namespace

TEST_CASE("A draw is kept whole in the campaign and read back", "[store][draw]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    Campaign c = Campaign::create(path, testing::campaignOptions());
    CHECK_THROWS_WITH(c.requireDraw(), Catch::Contains("holds no draw"));
    const DrawRecord r = record(QStringLiteral("11111111-aaaa"), 7, QStringLiteral("关帝巷"));
    c.recordDraw(r, layers(r), QStringLiteral("张三"));

    const auto all = c.draws();
    REQUIRE(all.size() == 1);
    CHECK(all[0].drawId == r.drawId);
    CHECK(all[0].seed == 7);
    CHECK(all[0].resultSha256() == r.resultSha256());
    CHECK(all[0].outcome.anchors[0].streets.items[0].name == QStringLiteral("关帝巷"));

    const LayerData streets = c.readDrawLayer(QStringLiteral("drawn_streets"), r.drawId);
    REQUIRE(streets.features.size() == 1);
    CHECK(streets.kind == GeometryKind::Line);
    CHECK(streets.text(0, streets.fieldIndex(QStringLiteral("name"))) == QStringLiteral("关帝巷"));
    CHECK(streets.text(0, streets.fieldIndex(QStringLiteral("draw_id"))) == r.drawId);
    CHECK(streets.features[0].geometry.points.back().x == Approx(615800));
    const LayerData anchors = c.readDrawLayer(QStringLiteral("anchors"), r.drawId);
    REQUIRE(anchors.features.size() == 1);
    CHECK(c.readDrawLayer(QStringLiteral("drawn_compounds"), r.drawId).features.empty());
    CHECK(
        c.readDrawLayer(QStringLiteral("drawn_streets"), QStringLiteral("other")).features.empty());

    // The draw is in the audit chain, and the file is sound.
    bool audited = false;
    for (const auto& e : c.auditTrail(r.drawId))
        audited =
            audited || (e.entity == QLatin1String("draw") && e.actor == QStringLiteral("张三"));
    CHECK(audited);
    CHECK(c.verifyAudit().ok);
    CHECK(c.check().isEmpty());
    CHECK_FALSE(c.layerTables().contains(QStringLiteral("drawn_streets")));
}

TEST_CASE("Draws are append-only and superseded, never edited", "[store][draw][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    Campaign c = Campaign::create(path, testing::campaignOptions());
    const DrawRecord first = record(QStringLiteral("aaaa1111-0001"), 7, QStringLiteral("关帝巷"));
    c.recordDraw(first, layers(first), QStringLiteral("张三"));

    // The same id again, an unknown superseded draw, another CRS: refused, nothing written.
    CHECK_THROWS_WITH(c.recordDraw(first, layers(first), QStringLiteral("张三")),
                      Catch::Contains("already holds draw"));
    DrawRecord orphan = record(QStringLiteral("bbbb2222-0002"), 8, QStringLiteral("黄豆街"));
    orphan.supersedes = QStringLiteral("no-such-draw");
    CHECK_THROWS_WITH(c.recordDraw(orphan, layers(orphan), QStringLiteral("张三")),
                      Catch::Contains("no-such-draw"));
    DrawRecord elsewhere = record(QStringLiteral("cccc3333-0003"), 9, QStringLiteral("黄豆街"));
    elsewhere.workingCrs = QStringLiteral("EPSG:32650");
    CHECK_THROWS_WITH(c.recordDraw(elsewhere, layers(elsewhere), QStringLiteral("张三")),
                      Catch::Contains("EPSG:4547"));
    CHECK(c.draws().size() == 1);
    CHECK(c.database().scalarInt("SELECT count(*) FROM drawn_streets") == 1);

    // Editing or deleting a stored draw or its layers is refused by the file itself.
    CHECK_THROWS_WITH(c.database().exec("UPDATE ps_draws SET seed='8'"),
                      Catch::Contains("append-only"));
    CHECK_THROWS_WITH(c.database().exec("DELETE FROM ps_draws"), Catch::Contains("append-only"));
    CHECK_THROWS_WITH(c.database().exec("UPDATE drawn_streets SET name='x'"),
                      Catch::Contains("append-only"));
    CHECK_THROWS_WITH(c.database().exec("DELETE FROM draw_anchors"),
                      Catch::Contains("append-only"));

    // A superseding draw becomes the current one; the old one stays readable.
    DrawRecord second = record(QStringLiteral("aaaa2222-0004"), 8, QStringLiteral("黄豆街"));
    second.supersedes = first.drawId;
    c.recordDraw(second, layers(second), QStringLiteral("李四"));
    CHECK(c.requireDraw().drawId == second.drawId);
    CHECK(c.requireDraw(QStringLiteral("aaaa1111")).drawId == first.drawId);
    CHECK_THROWS_WITH(c.requireDraw(QStringLiteral("aaaa")), Catch::Contains("several draws"));
    CHECK_THROWS_WITH(c.requireDraw(QStringLiteral("aa")), Catch::Contains("at least 4"));
    CHECK_THROWS_WITH(c.requireDraw(QStringLiteral("ffff")), Catch::Contains("no draw ffff"));
    const auto streetName = [&](const QString& drawId) {
        const LayerData l = c.readDrawLayer(QStringLiteral("drawn_streets"), drawId);
        return l.text(0, l.fieldIndex(QStringLiteral("name")));
    };
    CHECK(streetName(first.drawId) == QStringLiteral("关帝巷"));
    CHECK(streetName(second.drawId) == QStringLiteral("黄豆街"));

    // A draw that nobody supersedes stays current even if an older one is recorded later.
    const DrawRecord third = record(QStringLiteral("dddd4444-0005"), 10, QStringLiteral("白云路"));
    c.recordDraw(third, layers(third), QStringLiteral("李四"));
    CHECK(c.requireDraw().drawId == third.drawId);
    CHECK(c.check().isEmpty());
}

TEST_CASE("A campaign from before draws is upgraded to hold them", "[store][draw]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.gpkg"));
    { Campaign::create(path, testing::campaignOptions(2)); }
    Campaign c = Campaign::open(path);
    CHECK(c.schemaVersion() == latestCampaignSchemaVersion());
    CHECK(c.draws().empty());
    const DrawRecord r = record(QStringLiteral("eeee5555-0006"), 11, QStringLiteral("友邻路"));
    c.recordDraw(r, layers(r), QStringLiteral("张三"));
    CHECK(c.requireDraw().drawId == r.drawId);
}
