// Real data: the andorra PBF (counts checked against ogrinfo with the same tag filters) and its
// truncated copy, which GDAL opens without an error.
#include "core/model/roles.h"
#include "core/util/error.h"
#include "gis/layers/layer_loader.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QProcess>
#include <QRegularExpression>

namespace {

const QString kAndorra = QStringLiteral("andorra/andorra-2021-06-22.osm.pbf");

// Counts features with ogrinfo (GDAL's own tool) and the same OSM configuration.
long ogrCount(const QString& layer, const QString& where) {
    QProcess p;
    p.start(QStringLiteral("ogrinfo"),
            {QStringLiteral("-q"), QStringLiteral("-oo"),
             QStringLiteral("CONFIG_FILE=") + gis::osmConfigPath(), testing::realData(kAndorra),
             QStringLiteral("-dialect"), QStringLiteral("sqlite"), QStringLiteral("-sql"),
             QStringLiteral("SELECT COUNT(*) AS n FROM %1 WHERE %2").arg(layer, where)});
    REQUIRE(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const auto m = QRegularExpression(QStringLiteral(R"(n \(Integer\) = (\d+))")).match(out);
    REQUIRE(m.hasMatch());
    return m.captured(1).toLong();
}

} // namespace

TEST_CASE("andorra: per-kind anchor counts equal ogrinfo's with the same tag filters",
          "[loader][realdata]") {
    REQUIRE_REAL_DATA();
    core::Feedback fb;
    const auto ds = gis::readDataset(testing::realData(kAndorra), {}, fb);
    CHECK(ds.warnings.filter(QStringLiteral("PARTIAL")).isEmpty());
    const core::RuleSet rules = core::RuleSet::preset(QStringLiteral("osm"));
    std::map<core::Role, long> counts;
    for (const auto& layer : ds.layers)
        for (auto mask : rules.classify(*layer))
            for (std::size_t r = 0; r < core::kRoleCount; ++r)
                if (mask & core::roleBit(core::Role(r)))
                    ++counts[core::Role(r)];

    auto pointsAndPolygons = [&](const QString& where) {
        return ogrCount(QStringLiteral("points"), where) +
               ogrCount(QStringLiteral("multipolygons"), where);
    };
    CHECK(counts[core::Role::Market] ==
          pointsAndPolygons(QStringLiteral("amenity = 'marketplace'")));
    CHECK(counts[core::Role::Mall] ==
          pointsAndPolygons(QStringLiteral("shop IN ('mall','department_store','supermarket')")));
    CHECK(counts[core::Role::School] ==
          pointsAndPolygons(QStringLiteral("amenity IN ('school','kindergarten')")));
    CHECK(counts[core::Role::Hospital] ==
          pointsAndPolygons(QStringLiteral("amenity = 'hospital'")));
    CHECK(counts[core::Role::Station] ==
          pointsAndPolygons(QStringLiteral(
              "amenity = 'bus_station' OR railway = 'station' OR (public_transport = 'station' "
              "AND (train = 'yes' OR station IN ('subway','light_rail','train')))")));
    CHECK(counts[core::Role::BackStreet] ==
          ogrCount(QStringLiteral("lines"),
                   QStringLiteral("(highway IN ('residential','living_street','unclassified',"
                                  "'pedestrian') OR (highway = 'service' AND (service = 'alley' "
                                  "OR name IS NOT NULL))) AND (service IS NULL OR service NOT IN "
                                  "('parking_aisle','driveway','drive-through'))")));
    CHECK(counts[core::Role::Compound] ==
          ogrCount(QStringLiteral("multipolygons"),
                   QStringLiteral("landuse = 'residential' OR residential IS NOT NULL")));
    for (auto role : core::kAnchorRoles)
        CHECK(counts[role] > 0);
    CHECK(counts[core::Role::Market] == 1);
    CHECK(counts[core::Role::Mall] == 58);
}

TEST_CASE("andorra truncated PBF: GDAL reads it without error, PeriSurvey refuses it",
          "[loader][realdata]") {
    REQUIRE_REAL_DATA();
    const QString path =
        testing::realData(QStringLiteral("andorra/derived/andorra-truncated-700k.osm.pbf"));
    core::Feedback fb;
    try {
        gis::readDataset(path, {}, fb);
        FAIL("the truncated file was taken as whole");
    } catch (const core::Error& e) {
        CHECK(e.code() == core::ErrorCode::Incomplete);
        CHECK(e.message().contains(QLatin1String("andorra-truncated-700k.osm.pbf")));
        CHECK(e.message().contains(QLatin1String("cut short")));
    }
    gis::OpenOptions partial;
    partial.allowPartial = true;
    const auto ds = gis::readDataset(path, partial, fb);
    REQUIRE_FALSE(ds.warnings.isEmpty());
    CHECK(ds.warnings.front().startsWith(QLatin1String("PARTIAL DATA")));
}

TEST_CASE("shanghai: the OSMnx export's 268 out-and-back ways are read once",
          "[loader][realdata]") {
    REQUIRE_REAL_DATA();
    core::Feedback fb;
    const auto ds = gis::readDataset(
        testing::realData(QStringLiteral("shanghai-huangpu/huangpu_roads_osmnx.osm")), {}, fb);
    INFO(ds.warnings.join(QLatin1Char('\n')).toStdString());
    // SOURCE.md: 268 of the 796 ways have 3 node refs with first = last.
    CHECK(ds.warnings.filter(QStringLiteral("layer lines: 268 lines run out and back")).size() ==
          1);
    // None is left: cutting the lines read again cuts nothing.
    std::size_t stillRetraced = 0;
    for (const auto& layer : ds.layers)
        for (const auto& feature : layer->features) {
            core::Geometry copy = feature.geometry;
            stillRetraced += core::cutRetracedLines(copy);
        }
    CHECK(stillRetraced == 0);
}
