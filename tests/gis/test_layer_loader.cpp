#include "core/model/roles.h"
#include "core/util/error.h"
#include "gis/layers/layer_loader.h"
#include "gis/proj/crs.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <map>

using core::Role;

namespace {

std::map<Role, int> roleCounts(const std::vector<core::LayerPtr>& layers,
                               const core::RuleSet& rules) {
    std::map<Role, int> counts;
    for (const auto& layer : layers)
        for (auto mask : rules.classify(*layer))
            for (std::size_t r = 0; r < core::kRoleCount; ++r)
                if (mask & core::roleBit(Role(r)))
                    ++counts[Role(r)];
    return counts;
}

core::ErrorCode errorCodeOf(const QString& path, const gis::OpenOptions& options = {}) {
    try {
        core::Feedback fb;
        gis::readDataset(path, options, fb);
    } catch (const core::Error& e) {
        return e.code();
    }
    return core::ErrorCode::Internal;
}

} // namespace

TEST_CASE("OSM XML through the project's configuration: tags are fields, roles match", "[loader]") {
    const QString path = testing::fixture(QStringLiteral("osm_six_kinds.osm"));
    const auto infos = gis::inspectDataset(path);
    REQUIRE_FALSE(infos.empty());
    bool sawAmenityOnPoints = false;
    for (const auto& info : infos) {
        CHECK(info.source.driver == QLatin1String("OSM"));
        CHECK(info.source.crsAuthId == QLatin1String("EPSG:4326"));
        CHECK(info.source.encoding == QLatin1String("UTF-8"));
        if (info.kind == core::GeometryKind::Point)
            sawAmenityOnPoints = info.fieldNames.contains(QStringLiteral("amenity")) &&
                                 info.fieldNames.contains(QStringLiteral("shop"));
    }
    CHECK(sawAmenityOnPoints);

    const gis::Crs working = gis::workingCrsFor(infos);
    CHECK(working.authId() == QLatin1String("EPSG:4547")); // CGCS2000 3-degree GK, CM 114E

    core::Feedback fb;
    const auto loaded = gis::loadDataset(path, working, {}, fb);
    CHECK(fb.progress() == Approx(100.0));
    const auto counts = roleCounts(loaded.layers, core::RuleSet::defaults());
    CHECK(counts.at(Role::Market) == 1);
    CHECK(counts.at(Role::Mall) == 2);     // supermarket point + mall polygon
    CHECK(counts.at(Role::School) == 2);   // school + kindergarten
    CHECK(counts.at(Role::Hospital) == 1); // the clinic is not one
    CHECK(counts.at(Role::Station) == 2);  // bus station point + railway station polygon
    CHECK(counts.at(Role::Community) == 1);
    CHECK(counts.at(Role::Toilet) == 1);
    CHECK(counts.at(Role::Compound) == 2); // the office building is not one
    CHECK(counts.at(Role::BackStreet) == 3);
    CHECK(counts.at(Role::MainRoad) == 2);
    CHECK(counts.at(Role::Subdistrict) == 1);

    for (const auto& layer : loaded.layers) {
        CHECK(layer->crsAuthId == QLatin1String("EPSG:4547"));
        // Gauss-Kruger CM 114E: eastings near the 500 km false easting, northings ~3.38e6 m.
        CHECK(layer->extent.minX > 450000);
        CHECK(layer->extent.maxX < 550000);
        CHECK(layer->extent.minY > 3.3e6);
        CHECK(layer->index.size() == layer->features.size());
    }
}

TEST_CASE("a cut-short OSM file is refused, or loaded with a warning when asked", "[loader]") {
    const QString path = testing::fixture(QStringLiteral("osm_six_kinds_truncated.osm"));
    CHECK(errorCodeOf(path) == core::ErrorCode::Incomplete);
    gis::OpenOptions partial;
    partial.allowPartial = true;
    core::Feedback fb;
    try {
        const auto ds = gis::readDataset(path, partial, fb);
        REQUIRE_FALSE(ds.warnings.isEmpty());
        CHECK(ds.warnings.front().contains(QLatin1String("osm_six_kinds_truncated.osm")));
    } catch (const core::FormatError&) {
        SUCCEED("GDAL could not parse anything from the cut file; refusing is also fine");
    }
}

TEST_CASE("bad input: one clear error naming the file", "[loader]") {
    CHECK(errorCodeOf(QStringLiteral("/nonexistent/district.gpkg")) == core::ErrorCode::NotFound);
    // A .txt may be a point table; one without a single number in it is not geodata.
    CHECK(errorCodeOf(testing::fixture(QStringLiteral("not_geodata.txt"))) ==
          core::ErrorCode::Format);
    try {
        core::Feedback fb;
        gis::readDataset(testing::fixture(QStringLiteral("not_geodata.txt")), {}, fb);
        FAIL("a text file was accepted");
    } catch (const core::Error& e) {
        CHECK(e.message().startsWith(QLatin1String("not_geodata.txt is not geodata")));
        CHECK_FALSE(e.message().contains(QLatin1Char('\n')));
    }

    QTemporaryDir dir;
    // A point table with a header and no rows is an empty layer, not a layer of no features.
    const QString headerOnly = dir.filePath(QStringLiteral("schools.csv"));
    {
        QFile f(headerOnly);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("name,lon,lat\n");
    }
    try {
        core::Feedback fb;
        gis::readDataset(headerOnly, {}, fb);
        FAIL("a table without rows was accepted");
    } catch (const core::Error& e) {
        CHECK(e.code() == core::ErrorCode::Format);
        CHECK(e.message().contains(QLatin1String("the table has a header but no rows")));
    }
    const QString empty = dir.filePath(QStringLiteral("empty.geojson"));
    QFile f(empty);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[]})");
    f.close();
    CHECK(errorCodeOf(empty) == core::ErrorCode::Format);
}

TEST_CASE("a layer without CRS is flagged with guesses and refused until declared", "[loader]") {
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("toilets.csv"));
    QFile f(csvPath);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QString::fromUtf8("名称,经度,纬度\n公厕一,114.301,30.581\n公厕二,114.302,30.582\n")
                .toUtf8());
    f.close();
    const auto infos = gis::inspectDataset(csvPath);
    REQUIRE(infos.size() == 1);
    CHECK(infos[0].crsMissing);
    REQUIRE_FALSE(infos[0].crsGuesses.empty());
    CHECK(infos[0].crsGuesses[0].code == QLatin1String("EPSG:4490"));

    const gis::Crs working = gis::Crs::fromEpsg(4547);
    core::Feedback fb;
    CHECK_THROWS_AS(gis::loadDataset(csvPath, working, {}, fb), core::CrsError);

    gis::OpenOptions declared;
    declared.crs = QStringLiteral("GCJ02");
    const auto loaded = gis::loadDataset(csvPath, working, declared, fb);
    REQUIRE(loaded.layers.size() == 1);
    const auto& layer = *loaded.layers[0];
    // GCJ-02 input keeps its original coordinates as attributes.
    const int srcLon = layer.fieldIndex(QStringLiteral("src_lon"));
    REQUIRE(srcLon >= 0);
    CHECK(layer.features[0].attributes[srcLon].toDouble() == Approx(114.301));
    CHECK(layer.text(0, layer.fieldIndex(QStringLiteral("src_crs"))) == QLatin1String("GCJ02"));
}

TEST_CASE("a large layer is reprojected whole and exactly (split over two threads)", "[loader]") {
    // 30,000 points (the loader splits layers above 20,000 features) on a grid over Wuhan.
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("grid.csv"));
    QFile f(csvPath);
    REQUIRE(f.open(QIODevice::WriteOnly));
    QByteArray text = "name,lon,lat\n";
    std::vector<core::Point> lonLat;
    for (int i = 0; i < 30000; ++i) {
        const core::Point p{114.0 + (i % 200) * 0.001, 30.4 + (i / 200) * 0.001};
        lonLat.push_back(p);
        text += "p" + QByteArray::number(i) + ',' + QByteArray::number(p.x, 'f', 3) + ',' +
                QByteArray::number(p.y, 'f', 3) + '\n';
    }
    f.write(text);
    f.close();
    gis::OpenOptions declared;
    declared.crs = QStringLiteral("EPSG:4490");
    const gis::Crs working = gis::Crs::fromEpsg(4545); // CGCS2000 / 3-degree GK CM 114E
    core::Feedback fb;
    const auto loaded = gis::loadDataset(csvPath, working, declared, fb);
    REQUIRE(loaded.layers.size() == 1);
    const auto& layer = *loaded.layers[0];
    REQUIRE(layer.features.size() == lonLat.size());
    const gis::CoordinateTransform one(gis::Crs::fromEpsg(4490), working);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < lonLat.size(); ++i) {
        const core::Point want = one.apply(lonLat[i]);
        const core::Point got = layer.features[i].geometry.points.front();
        if (std::fabs(got.x - want.x) > 1e-6 || std::fabs(got.y - want.y) > 1e-6)
            ++differing;
    }
    CHECK(differing == 0);
    CHECK(layer.crsAuthId == QLatin1String("EPSG:4545"));
}

TEST_CASE("lines that run out and back along their own vertices are read once", "[loader]") {
    // Unit: palindromic parts are cut to their outward half, others are left as they are.
    core::Geometry multi;
    multi.kind = core::GeometryKind::Line;
    for (const std::vector<core::Point>& part :
         {std::vector<core::Point>{{0, 0}, {10, 0}, {0, 0}},
          std::vector<core::Point>{{0, 0}, {5, 5}, {9, 9}, {5, 5}, {0, 0}},
          std::vector<core::Point>{{0, 0}, {10, 0}, {10, 10}, {0, 0}},
          std::vector<core::Point>{{1, 1}, {2, 2}}}) {
        multi.beginPart();
        multi.points.insert(multi.points.end(), part.begin(), part.end());
    }
    CHECK(core::cutRetracedLines(multi) == 2);
    REQUIRE(multi.partCount() == 4);
    CHECK(std::vector<core::Point>(multi.points.begin(), multi.points.begin() + multi.partEnd(0)) ==
          std::vector<core::Point>{{0, 0}, {10, 0}});
    CHECK(multi.partEnd(1) - multi.partBegin(1) == 3);
    CHECK(multi.points[multi.partEnd(1) - 1] == core::Point{9, 9});
    CHECK(multi.partEnd(2) - multi.partBegin(2) == 4); // a closed loop is not retraced
    CHECK(multi.partEnd(3) - multi.partBegin(3) == 2);
    core::Geometry ring = core::Geometry::polygon({{0, 0}, {1, 0}, {0, 0}});
    CHECK(core::cutRetracedLines(ring) == 0);

    // Loading: the file's retraced streets come out once, with a warning that counts them.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("streets.geojson"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"甲巷"},"geometry":{"type":"LineString",
 "coordinates":[[116.30,39.90],[116.301,39.90],[116.30,39.90]]}},
{"type":"Feature","properties":{"name":"乙巷"},"geometry":{"type":"LineString",
 "coordinates":[[116.30,39.90],[116.30,39.901]]}}]})");
    f.close();
    core::Feedback quiet;
    const auto ds = gis::readDataset(path, {}, quiet);
    REQUIRE(ds.layers.size() == 1);
    const auto& features = ds.layers.front()->features;
    REQUIRE(features.size() == 2);
    CHECK(features[0].geometry.points.size() == 2);
    CHECK(features[1].geometry.points.size() == 2);
    INFO(ds.warnings.join(QLatin1Char('\n')).toStdString());
    CHECK(ds.warnings.filter(QStringLiteral("1 lines run out and back")).size() == 1);
}
