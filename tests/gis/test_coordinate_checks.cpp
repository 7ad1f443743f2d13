// Coordinates that contradict themselves: files named for a web map that declare WGS 84, and
// point layers whose lon/lat columns disagree with their geometry.
#include "core/util/feedback.h"
#include "gis/io/vector_writer.h"
#include "gis/layers/coordinate_checks.h"
#include "gis/layers/layer_loader.h"
#include "support/layer_fixture.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <functional>
#include <random>

namespace {

using gis::ChinaOffset;

// 300 stops scattered over central Shanghai (lon/lat, WGS 84).
std::vector<core::Point> shanghaiStops() {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(121.40, 121.55);
    std::uniform_real_distribution<double> lat(31.15, 31.30);
    std::vector<core::Point> out;
    for (int i = 0; i < 300; ++i)
        out.push_back({lon(rng), lat(rng)});
    return out;
}

// A point layer at `points` whose lon/lat columns hold `columns(point)`.
std::shared_ptr<core::LayerData> stopsLayer(const std::vector<core::Point>& points,
                                            const std::function<core::Point(core::Point)>& columns,
                                            const char* lonName = "lon",
                                            const char* latName = "lat") {
    auto layer = testing::emptyLayer(QStringLiteral("stops"), core::GeometryKind::Point,
                                     QStringLiteral("EPSG:4326"), {"name", lonName, latName});
    layer->source.path = QStringLiteral("/data/stops.geojson");
    layer->source.layerName = QStringLiteral("stops");
    for (std::size_t i = 0; i < points.size(); ++i) {
        core::Feature f;
        f.fid = static_cast<std::int64_t>(i);
        f.geometry.kind = core::GeometryKind::Point;
        f.geometry.points = {points[i]};
        const core::Point c = columns(points[i]);
        f.attributes = {QStringLiteral("站%1").arg(i), c.x, c.y};
        layer->features.push_back(std::move(f));
    }
    return layer;
}

const gis::Crs& wgs84() {
    static const gis::Crs crs = gis::Crs::fromEpsg(4326);
    return crs;
}

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

TEST_CASE("a file's name announces GCJ-02 or BD-09 only as a whole word", "[crs][offsets]") {
    auto hint = gis::offsetHintFromName(QStringLiteral("/data/poi_amap.csv"));
    CHECK(hint.offset == ChinaOffset::Gcj02);
    CHECK(hint.word == QStringLiteral("amap"));
    CHECK(gis::offsetHintFromName(QStringLiteral("districts_GCJ-02.shp")).offset ==
          ChinaOffset::Gcj02);
    CHECK(gis::offsetHintFromName(QStringLiteral("wuhan_bd09ll_2023.csv")).offset ==
          ChinaOffset::Bd09);
    CHECK(gis::offsetHintFromName(QStringLiteral("BaiduPOI.xlsx")).offset == ChinaOffset::None);
    CHECK(gis::offsetHintFromName(QStringLiteral("baidu_poi.xlsx")).offset == ChinaOffset::Bd09);
    CHECK(gis::offsetHintFromName(QString::fromUtf8("学校_百度.xlsx")).offset == ChinaOffset::Bd09);
    CHECK(gis::offsetHintFromName(QString::fromUtf8("高德小区.geojson")).offset ==
          ChinaOffset::Gcj02);
    // Part of a longer word, or only in the folder's name: says nothing.
    CHECK(gis::offsetHintFromName(QStringLiteral("amapola_farms.shp")).offset == ChinaOffset::None);
    CHECK(gis::offsetHintFromName(QStringLiteral("/exports/baidu/stops.csv")).offset ==
          ChinaOffset::None);
    CHECK(gis::offsetHintFromName(QStringLiteral("roads_2023.gpkg")).offset == ChinaOffset::None);
}

TEST_CASE("lon/lat columns that agree with the points raise nothing", "[crs][offsets]") {
    const auto points = shanghaiStops();
    // Columns rounded to 4 decimals are up to ~8 m off: still the same places.
    auto rounded = [](core::Point p) {
        return core::Point{std::round(p.x * 1e4) / 1e4, std::round(p.y * 1e4) / 1e4};
    };
    CHECK(gis::checkLonLatColumns(*stopsLayer(points, rounded), wgs84()).isEmpty());

    // Empty or non-degree columns are not a second set of coordinates.
    auto layer = stopsLayer(points, [](core::Point p) { return p; });
    for (auto& f : layer->features)
        f.attributes[1] = f.attributes[2] = QVariant();
    CHECK(gis::checkLonLatColumns(*layer, wgs84()).isEmpty());
    auto metres = stopsLayer(
        points,
        [](core::Point) {
            return core::Point{451234.5, 3456789.0};
        },
        "x", "y");
    CHECK(gis::checkLonLatColumns(*metres, wgs84()).isEmpty());
}

TEST_CASE("lon/lat columns in GCJ-02 beside WGS 84 points are named", "[crs][offsets]") {
    const auto points = shanghaiStops();
    const QString note = gis::checkLonLatColumns(
        *stopsLayer(points, gis::wgs84ToGcj02, "wgs_lng", "wgs_lat"), wgs84());
    INFO(note.toStdString());
    CHECK(note.startsWith(QStringLiteral("/data/stops.geojson, layer stops: ")));
    CHECK(note.contains(QStringLiteral("columns wgs_lng/wgs_lat hold the points in GCJ-02")));
    CHECK(note.contains(QStringLiteral("read as EPSG:4326")));
    CHECK_FALSE(note.contains(QStringLiteral("--crs")));
}

TEST_CASE("BD-09 columns that are GCJ-02 points converted expose a mis-declared geometry",
          "[crs][offsets]") {
    // The geometry was picked on Amap (GCJ-02) but the file says WGS 84; its columns are the
    // same points in Baidu's system.
    std::vector<core::Point> gcj;
    for (const auto& p : shanghaiStops())
        gcj.push_back(gis::wgs84ToGcj02(p));
    const QString warning = gis::checkLonLatColumns(*stopsLayer(gcj, gis::gcj02ToBd09), wgs84());
    INFO(warning.toStdString());
    CHECK(warning.contains(QStringLiteral("converted from GCJ-02 (Amap, Tencent) to BD-09")));
    CHECK(warning.contains(QStringLiteral("--crs GCJ02")));
    // The Shanghai offset of GCJ-02 is some 500 m; the warning says how far off the map is.
    const auto m = QRegularExpression(QStringLiteral("lie about (\\d+) m off")).match(warning);
    REQUIRE(m.hasMatch());
    CHECK(m.captured(1).toInt() > 300);
    CHECK(m.captured(1).toInt() < 800);

    // Declared as GCJ-02, the same file is consistent: the columns are only named.
    const QString note = gis::checkLonLatColumns(*stopsLayer(gcj, gis::gcj02ToBd09),
                                                 gis::Crs::fromUserInput(QStringLiteral("GCJ02")));
    CHECK(note.contains(QStringLiteral("hold the points in BD-09")));
    CHECK_FALSE(note.contains(QStringLiteral("--crs")));
}

TEST_CASE("columns from another source are reported with the size of the gap", "[crs][offsets]") {
    // Every column 300 m east of its point: no web-map offset looks like that.
    const QString warning = gis::checkLonLatColumns(
        *stopsLayer(
            shanghaiStops(),
            [](core::Point p) {
                return core::Point{p.x + 300.0 / (111320.0 * std::cos(p.y * M_PI / 180)), p.y};
            }),
        wgs84());
    INFO(warning.toStdString());
    CHECK(warning.contains(QStringLiteral("lie a median 300 m apart")));
    CHECK(warning.contains(QStringLiteral("300 points compared")));
    CHECK(warning.contains(QStringLiteral("not a GCJ-02 or BD-09 offset")));
}

TEST_CASE("points in a projected CRS are compared with their columns as lon/lat",
          "[crs][offsets]") {
    const auto lonLat = shanghaiStops();
    const gis::Crs gk = gis::Crs::fromEpsg(4549); // CGCS2000 GK CM 120E
    std::vector<core::Point> projected = lonLat;
    gis::CoordinateTransform(wgs84(), gk).apply(projected);
    // Columns hold the same places: nothing to say.
    std::size_t i = 0;
    auto same = [&](core::Point) {
        return lonLat[i++];
    };
    CHECK(gis::checkLonLatColumns(*stopsLayer(projected, same), gk).isEmpty());
    i = 0;
    auto gcj = [&](core::Point) {
        return gis::wgs84ToGcj02(lonLat[i++]);
    };
    CHECK(gis::checkLonLatColumns(*stopsLayer(projected, gcj), gk)
              .contains(QStringLiteral("hold the points in GCJ-02")));
}

TEST_CASE("loading: the name and the columns are checked and reported per layer",
          "[crs][offsets][loader]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A GeoJSON cut from Amap that claims CRS84, with its stops' WGS 84 places as columns.
    const QString geojson = dir.filePath(QStringLiteral("stops_amap.geojson"));
    QByteArray text = R"({"type":"FeatureCollection","crs":{"type":"name","properties":)"
                      R"({"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[)";
    const auto points = shanghaiStops();
    for (std::size_t i = 0; i < 20; ++i) {
        const core::Point g = gis::wgs84ToGcj02(points[i]);
        text += QStringLiteral(R"(%1{"type":"Feature","properties":{"lng":%2,"lat":%3},)"
                               R"("geometry":{"type":"Point","coordinates":[%4,%5]}})")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(points[i].x, 0, 'f', 8)
                    .arg(points[i].y, 0, 'f', 8)
                    .arg(g.x, 0, 'f', 8)
                    .arg(g.y, 0, 'f', 8)
                    .toUtf8();
    }
    text += "]}";
    writeText(geojson, text);
    core::Feedback quiet;
    const auto ds = gis::readDataset(geojson, {}, quiet);
    REQUIRE(ds.infos.size() == 1);
    const QStringList& w = ds.infos.front().warnings;
    INFO(w.join(QLatin1Char('\n')).toStdString());
    CHECK(w.filter(QStringLiteral("its name says \"amap\"")).size() == 1);
    CHECK(w.filter(QStringLiteral("--crs GCJ02")).size() == 2);
    CHECK(w.filter(QStringLiteral("converted from GCJ-02 (Amap, Tencent) to WGS 84")).size() == 1);

    // Declared by the user, the file is read as GCJ-02 and only the columns are named.
    gis::OpenOptions asGcj;
    asGcj.crs = QStringLiteral("GCJ02");
    const auto declared = gis::readDataset(geojson, asGcj, quiet);
    INFO(declared.warnings.join(QLatin1Char('\n')).toStdString());
    CHECK(declared.warnings.filter(QStringLiteral("name says")).isEmpty());
    CHECK(declared.warnings.filter(QStringLiteral("hold the points in WGS 84")).size() == 1);

    // A table without a CRS named for Baidu: BD-09 is the first guess.
    const QString csv = dir.filePath(QStringLiteral("schools_bd09.csv"));
    writeText(csv, "name,lng,lat\nA,114.371605,30.54416\nB,114.40,30.51\n");
    const auto table = gis::readDataset(csv, {}, quiet);
    REQUIRE(table.infos.size() == 1);
    REQUIRE(table.infos.front().crsMissing);
    REQUIRE_FALSE(table.infos.front().crsGuesses.empty());
    CHECK(table.infos.front().crsGuesses.front().code == QStringLiteral("BD09"));
    CHECK(table.infos.front().crsGuesses.front().reason.startsWith(
        QStringLiteral("The file's name says \"bd09\".")));
    CHECK(table.infos.front().crsGuesses.size() == 4);
}

TEST_CASE("the name is checked once per file, and never for OSM data", "[crs][offsets][loader]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    core::Feedback quiet;
    // A GeoPackage of two lon/lat layers cut from Amap: one warning, for the file.
    std::vector<core::LayerPtr> layers;
    for (const char* name : {"schools", "markets"}) {
        auto layer = testing::emptyLayer(QString::fromLatin1(name), core::GeometryKind::Point,
                                         QStringLiteral("EPSG:4326"), {"name"});
        core::Feature f;
        f.geometry = core::Geometry::point({121.47, 31.23});
        f.attributes = {QStringLiteral("甲")};
        layer->features.push_back(std::move(f));
        layer->buildIndex();
        layers.push_back(layer);
    }
    const QString gpkg = dir.filePath(QStringLiteral("poi_amap.gpkg"));
    gis::writeVector(gpkg, layers, {}, quiet);
    const auto ds = gis::readDataset(gpkg, {}, quiet);
    REQUIRE(ds.layers.size() == 2);
    INFO(ds.warnings.join(QLatin1Char('\n')).toStdString());
    CHECK(ds.warnings.filter(QStringLiteral("its name says \"amap\"")).size() == 1);

    // OSM data is WGS 84 by definition, whatever the file is called.
    const QString osm = dir.filePath(QStringLiteral("six_kinds_amap.osm"));
    REQUIRE(QFile::copy(testing::fixture(QStringLiteral("osm_six_kinds.osm")), osm));
    const auto fromOsm = gis::readDataset(osm, {}, quiet);
    CHECK(fromOsm.warnings.filter(QStringLiteral("name says")).isEmpty());
}

TEST_CASE("shanghai: the bus stops' columns and geometry come from different sources",
          "[crs][offsets][realdata]") {
    REQUIRE_REAL_DATA();
    core::Feedback quiet;
    const auto stops =
        gis::readDataset(testing::realData(QStringLiteral(
                             "shanghai-huangpu/shanghai_busline71_stops_mixedcrs.geojson")),
                         {}, quiet);
    const QStringList w = stops.warnings;
    INFO(w.join(QLatin1Char('\n')).toStdString());
    // SOURCE.md: each stop's geometry and lon/lat differ by 250-420 m, not by a plain offset.
    REQUIRE(w.filter(QStringLiteral("columns lon/lat lie a median")).size() == 1);
    CHECK(w.filter(QStringLiteral("49 points compared")).size() == 1);
    CHECK(w.filter(QStringLiteral("not a GCJ-02 or BD-09 offset")).size() == 1);

    const auto outline = gis::readDataset(
        testing::realData(QStringLiteral("shanghai-huangpu/shanghai_boundary_amap_gcj02.geojson")),
        {}, quiet);
    CHECK(outline.warnings.filter(QStringLiteral("its name says \"amap\"")).size() == 1);
}
