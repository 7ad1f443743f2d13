// The draw kept in a campaign, end to end through the CLI: `draw CAMPAIGN` records it, `draw
// verify CAMPAIGN` recomputes it, `--supersedes` replaces it, `route CAMPAIGN` routes through it.
#include "app/cli/commands.h"
#include "core/store/campaign.h"
#include "support/cli_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <set>

namespace {

using Result = testing::CliResult;

Result run(const QStringList& argv) {
    return testing::runCliCommand(argv);
}

// A campaign holding the demo district X区 (shipped in data/demo).
QString demoCampaign(const QTemporaryDir& dir) {
    return testing::makeDemoCampaign(dir.filePath(QStringLiteral("x.gpkg")));
}

std::set<QString> drawnNames(const QJsonObject& record) {
    std::set<QString> names;
    for (const auto& a : record.value(QLatin1String("anchors")).toArray())
        for (const char* unit : {"streets", "compounds"})
            for (const auto& item : a.toObject().value(QLatin1String(unit)).toArray())
                names.insert(a.toObject().value(QLatin1String("id")).toString() + QLatin1Char('/') +
                             item.toObject().value(QLatin1String("name")).toString());
    return names;
}

} // namespace

TEST_CASE("draw CAMPAIGN records the draw; verify and route use it", "[cli][draw][campaign]") {
    QTemporaryDir dir;
    const QString campaign = demoCampaign(dir);

    const Result first =
        run({QStringLiteral("draw"), campaign, QStringLiteral("--seed"), QStringLiteral("7"),
             QStringLiteral("--operator"), QStringLiteral("张三"), QStringLiteral("--json")});
    INFO(first.err.toStdString());
    REQUIRE(first.rc == 0);
    const QJsonObject rec = first.json();
    const QString drawId = rec.value(QLatin1String("draw_id")).toString();
    REQUIRE_FALSE(drawId.isEmpty());
    const auto names = drawnNames(rec);
    REQUIRE(names.size() > 10);

    {
        core::Campaign c = core::Campaign::open(campaign, core::OpenMode::ReadOnly);
        REQUIRE(c.draws().size() == 1);
        CHECK(c.requireDraw().drawId == drawId);
        CHECK(c.requireDraw().operatorName == QStringLiteral("张三"));
        // Every drawn street and compound of the record is a feature of the campaign's layers.
        const auto streets = c.readDrawLayer(QStringLiteral("drawn_streets"), drawId);
        const auto compounds = c.readDrawLayer(QStringLiteral("drawn_compounds"), drawId);
        std::set<QString> stored;
        for (const auto* l : {&streets, &compounds})
            for (std::size_t f = 0; f < l->features.size(); ++f)
                stored.insert(l->text(f, l->fieldIndex(QStringLiteral("anchor_id"))) +
                              QLatin1Char('/') + l->text(f, l->fieldIndex(QStringLiteral("name"))));
        CHECK(stored == names);
        CHECK(c.check().isEmpty());
        // The imported district layers are unchanged: the draw is not a district layer.
        CHECK_FALSE(c.layerTables().contains(QStringLiteral("drawn_streets")));
    }

    const Result verified = run({QStringLiteral("draw"), QStringLiteral("verify"), campaign});
    INFO(verified.out.toStdString() << verified.err.toStdString());
    CHECK(verified.rc == 0);
    CHECK(verified.out.contains(QStringLiteral("verified: draw ") + drawId));

    // Same seed from the same campaign: the same items.
    const Result again =
        run({QStringLiteral("draw"), campaign, QStringLiteral("--seed"), QStringLiteral("7"),
             QStringLiteral("--supersedes"), drawId.left(8), QStringLiteral("--json")});
    REQUIRE(again.rc == 0);
    CHECK(drawnNames(again.json()) == names);
    const QString secondId = again.json().value(QLatin1String("draw_id")).toString();
    {
        core::Campaign c = core::Campaign::open(campaign, core::OpenMode::ReadOnly);
        CHECK(c.draws().size() == 2);
        CHECK(c.requireDraw().drawId == secondId);
        CHECK(c.requireDraw().supersedes == drawId);
    }

    // The route visits every drawn street and compound of the current draw.
    const Result route = run({QStringLiteral("route"), campaign, QStringLiteral("--teams"),
                              QStringLiteral("2"), QStringLiteral("--json")});
    INFO(route.err.toStdString());
    REQUIRE(route.rc == 0);
    const QJsonObject plan = route.json();
    CHECK(plan.value(QLatin1String("draw_id")).toString() == secondId);
    CHECK(plan.value(QLatin1String("stops")).toArray().size() == static_cast<int>(names.size()));
    int routed = 0;
    for (const auto& t : plan.value(QLatin1String("teams")).toArray())
        routed += t.toObject().value(QLatin1String("stops")).toArray().size();
    CHECK(routed + plan.value(QLatin1String("unplaced")).toArray().size() +
              plan.value(QLatin1String("unreachable")).toArray().size() ==
          static_cast<int>(names.size()));

    // The route is kept in the campaign as layers and exports like a draw.
    const QString routeId = plan.value(QLatin1String("route_id")).toString();
    REQUIRE_FALSE(routeId.isEmpty());
    {
        core::Campaign c = core::Campaign::open(campaign, core::OpenMode::ReadOnly);
        REQUIRE(c.routes().size() == 1);
        CHECK(c.routes().front().drawId == secondId);
        const auto stops = c.readRouteLayer(QStringLiteral("route_stops"), routeId);
        CHECK(static_cast<int>(stops.features.size()) >= routed);
        CHECK_FALSE(c.readRouteLayer(QStringLiteral("route_legs"), routeId).features.empty());
        CHECK(c.check().isEmpty());
    }
    const QString exported = dir.filePath(QStringLiteral("route.geojson"));
    const Result ex =
        run({QStringLiteral("export"), campaign, QStringLiteral("--what"), QStringLiteral("route"),
             QStringLiteral("--out"), exported, QStringLiteral("--json")});
    INFO(ex.err.toStdString());
    REQUIRE(ex.rc == 0);
    CHECK(ex.json().value(QLatin1String("route_id")).toString() == routeId);
    CHECK(ex.json().value(QLatin1String("files")).toArray().size() == 3); // stops, legs, summary
}

TEST_CASE("draw on a campaign refuses what it cannot keep", "[cli][draw][campaign][fault]") {
    QTemporaryDir dir;
    const QString campaign = demoCampaign(dir);
    const Result unknown =
        run({QStringLiteral("draw"), campaign, QStringLiteral("--seed"), QStringLiteral("1"),
             QStringLiteral("--supersedes"), QStringLiteral("ffffffff")});
    CHECK(unknown.rc == cli::BadInput);
    CHECK(unknown.err.contains(QStringLiteral("holds no draw")));
    const Result crs =
        run({QStringLiteral("draw"), campaign, QStringLiteral("--seed"), QStringLiteral("1"),
             QStringLiteral("--crs"), QStringLiteral("EPSG:32650")});
    CHECK(crs.rc == cli::BadInput);
    CHECK(crs.err.contains(QStringLiteral("EPSG:4547")));
    const Result noCampaign = run({QStringLiteral("draw"),
                                   testing::sourcePath(QStringLiteral("data/demo/x_district.gpkg")),
                                   QStringLiteral("--supersedes"), QStringLiteral("abcd")});
    CHECK(noCampaign.rc == cli::BadInput);
    CHECK(noCampaign.err.contains(QStringLiteral("needs a campaign")));
    core::Campaign c = core::Campaign::open(campaign, core::OpenMode::ReadOnly);
    CHECK(c.draws().empty());
}
