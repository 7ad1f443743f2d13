// gis::exportDraw: a draw kept in a campaign written in lon/lat, one file for multi-layer
// formats or one per layer, with its record beside; nothing left on failure.

#include "core/report_test_support.h"
#include "core/util/error.h"
#include "gis/io/draw_export.h"
#include "gis/io/vector_reader.h"
#include "gis/layers/layer_loader.h"
#include "gis/proj/crs.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>

namespace {

const QString kDrawId = QStringLiteral("5d1e0c2a-7b7e-4c43-9a55-0f3c2b6d9e11");
const core::Point kAnchor{528900, 3383000};

void recordDraw(const QString& path) {
    core::Campaign c = core::Campaign::open(path);
    core::DrawRecord r;
    r.drawId = kDrawId;
    r.createdUtc = QStringLiteral("2027-03-01T00:00:00Z");
    r.operatorName = QStringLiteral("李四");
    r.seed = 20270301;
    r.workingCrs = QStringLiteral("EPSG:4547");
    auto anchors = std::make_shared<core::LayerData>();
    anchors->name = QStringLiteral("anchors");
    anchors->kind = core::GeometryKind::Point;
    anchors->crsAuthId = r.workingCrs;
    anchors->fields = {{QStringLiteral("anchor_id"), core::FieldType::String},
                       {QStringLiteral("name"), core::FieldType::String}};
    core::Feature a;
    a.geometry = core::Geometry::point(kAnchor);
    a.attributes = {QStringLiteral("market-1"), QStringLiteral("旭光街菜市场")};
    anchors->features = {a};
    auto streets = std::make_shared<core::LayerData>();
    streets->name = QStringLiteral("drawn_streets");
    streets->kind = core::GeometryKind::Line;
    streets->crsAuthId = r.workingCrs;
    streets->fields = {{QStringLiteral("anchor_id"), core::FieldType::String},
                       {QStringLiteral("name"), core::FieldType::String}};
    core::Feature s;
    s.geometry = core::Geometry::line({{529000, 3383100}, {529150, 3383120}});
    s.attributes = {QStringLiteral("market-1"), QStringLiteral("南天后巷")};
    streets->features = {s};
    c.recordDraw(r, {anchors, streets}, QStringLiteral("李四"));
}

} // namespace

TEST_CASE("a campaign's draw exports in lon/lat with its record", "[gis][export][draw]") {
    gis::initGdal();
    QTemporaryDir dir;
    const QString campaign = dir.filePath(QStringLiteral("c.gpkg"));
    testing::buildReportCampaign(campaign);
    core::Campaign c = core::Campaign::open(campaign, core::OpenMode::ReadOnly);
    core::Feedback fb;
    gis::ExportFileOptions o;
    CHECK_THROWS_AS(gis::exportDraw(c, {}, dir.filePath(QStringLiteral("none.gpkg")), o, fb),
                    core::Error);
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("none.gpkg"))));
    recordDraw(campaign);

    const gis::CoordinateTransform toLonLat(gis::Crs::fromEpsg(4547), gis::Crs::fromEpsg(4326));
    const core::Point expected = toLonLat.apply(kAnchor);

    const auto gpkg = gis::exportDraw(c, {}, dir.filePath(QStringLiteral("draw.gpkg")), o, fb);
    CHECK(gpkg.drawId == kDrawId);
    CHECK(gpkg.features == 2);
    const auto back = gis::readLayersRaw(dir.filePath(QStringLiteral("draw.gpkg")));
    REQUIRE(back.size() == 2);
    CHECK(back[0]->name == QStringLiteral("anchors"));
    CHECK(back[0]->crsAuthId == QStringLiteral("EPSG:4326"));
    const core::Point p = back[0]->features[0].geometry.points[0];
    CHECK(std::abs(p.x - expected.x) < 1e-9);
    CHECK(std::abs(p.y - expected.y) < 1e-9);
    CHECK(back[0]->text(0, back[0]->fieldIndex(QStringLiteral("name"))) ==
          QStringLiteral("旭光街菜市场"));
    QFile record(dir.filePath(QStringLiteral("draw_record.json")));
    REQUIRE(record.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(record.readAll()).object();
    CHECK(json.value(QLatin1String("draw_id")).toString() == kDrawId);
    CHECK(json.value(QLatin1String("seed")).toString() == QStringLiteral("20270301"));

    o.format = gis::ExportFormat::GeoJson;
    const auto files =
        gis::exportDraw(c, kDrawId.left(8), dir.filePath(QStringLiteral("d.geojson")), o, fb);
    CHECK(files.files.size() == 3); // two layers and the record
    const auto streets =
        gis::readLayersRaw(dir.filePath(QStringLiteral("d_drawn_streets.geojson")));
    REQUIRE(streets.size() == 1);
    CHECK(streets[0]->features[0].geometry.points.size() == 2);

    o.format = gis::ExportFormat::Xlsx;
    gis::exportDraw(c, {}, dir.filePath(QStringLiteral("draw.xlsx")), o, fb);
    const auto sheets = gis::readLayersRaw(dir.filePath(QStringLiteral("draw.xlsx")));
    REQUIRE(sheets.size() == 2);
    CHECK(
        std::abs(
            sheets[0]
                ->features[0]
                .attributes[static_cast<std::size_t>(sheets[0]->fieldIndex(QStringLiteral("lon")))]
                .toDouble() -
            expected.x) < 1e-9);

    core::Feedback stop;
    stop.cancel();
    o.format = gis::ExportFormat::Shapefile;
    const QString shp = dir.filePath(QStringLiteral("cancelled.shp"));
    CHECK_THROWS_AS(gis::exportDraw(c, {}, shp, o, stop), core::OperationCanceled);
    for (const QString& n :
         QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        CHECK_FALSE(n.contains(QStringLiteral("cancelled")));
}
