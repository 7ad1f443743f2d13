// Real files with encoding oddities (shared/data/real, see each folder's SOURCE.md).

#include "gis/io/encoding.h"
#include "gis/io/point_table.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QDir>

namespace {

QString u(const char* utf8) {
    return QString::fromUtf8(utf8);
}

bool anyRowHas(const gis::ShapefileTextPreview& p, const QString& value) {
    for (const auto& row : p.rows)
        if (row.contains(value))
            return true;
    return false;
}

} // namespace

TEST_CASE("Tianjin Hexi: GBK roads declared as LDID 87 are read as GBK", "[realdata]") {
    REQUIRE_REAL_DATA();
    const QString shp = testing::realData(u("tianjin-hexi/河西区路网_其它道路.shp"));
    const auto d = gis::decideShapefileEncoding(shp);
    CHECK(d.encoding == QLatin1String("CP936"));
    CHECK(d.detected);
    CHECK(d.reason.startsWith(QLatin1String(
        ".dbf declares code page LDID 87 (ISO-8859-1) and there is no .cpg, but the text is not "
        "valid UTF-8 and 100% of non-ASCII sequences are valid GBK: reading as GBK (CP936)")));

    const auto decoded = gis::previewShapefileText(shp, d.encoding, -1);
    CHECK(decoded.rows.size() == 3216);
    CHECK(anyRowHas(decoded, u("长城路")));
    const auto gdalAlone = gis::previewShapefileText(shp, {}, -1);
    CHECK_FALSE(anyRowHas(gdalAlone, u("长城路")));
    CHECK(anyRowHas(gdalAlone, u("³¤³ÇÂ·")));

    // SOURCE.md's example name lives in the OSM-derived layer of the same download.
    const QString osm = testing::realData(u("tianjin-hexi/河西区路网_交通路网.shp"));
    const auto osmDecision = gis::decideShapefileEncoding(osm);
    CHECK(osmDecision.encoding == QLatin1String("CP936"));
    CHECK(osmDecision.detected);
    const auto osmRows = gis::previewShapefileText(osm, osmDecision.encoding, -1);
    CHECK(osmRows.rows.size() == 1817);
    CHECK(anyRowHas(osmRows, u("吴家窑大街")));
    CHECK(anyRowHas(gis::previewShapefileText(osm, {}, -1), u("Îâ¼ÒÒ¤´ó½Ö")));
}

TEST_CASE("Tianjin Hexi: every layer with Chinese text decodes as GBK, declared or detected",
          "[realdata]") {
    REQUIRE_REAL_DATA();
    const QDir dir(testing::realData(QStringLiteral("tianjin-hexi")));
    const QStringList shps = dir.entryList({QStringLiteral("*.shp")}, QDir::Files, QDir::Name);
    REQUIRE(shps.size() == 16);
    for (const QString& name : shps) {
        INFO(name.toStdString());
        const auto d = gis::decideShapefileEncoding(dir.filePath(name));
        if (name == u("河西区路网_铁路(2).shp")) {
            // Railway lines without names: nothing to decode, the declaration stands.
            CHECK(d.encoding == QLatin1String("ISO-8859-1"));
            CHECK_FALSE(d.detected);
            CHECK(d.reason.contains(QLatin1String("all text is ASCII")));
        } else if (name.startsWith(u("河西区路网_"))) {
            CHECK(d.encoding == QLatin1String("CP936"));
            CHECK(d.detected);
            CHECK(d.reason.contains(QLatin1String("LDID 87")));
        } else {
            CHECK(d.encoding == QLatin1String("CP936"));
            // 河西站点 / 河西线路 declare LDID 77 (CP936) themselves.
            CHECK_FALSE(d.detected);
            CHECK(d.reason == QLatin1String(".dbf declares code page LDID 77 (CP936) and there "
                                            "is no .cpg: reading as GBK (CP936)"));
        }
    }
    const auto stops = gis::previewShapefileText(dir.filePath(u("河西站点.shp")), u("CP936"), -1);
    CHECK(stops.rows.size() == 1961);
    CHECK(anyRowHas(stops, u("下瓦房地铁站")));
}

TEST_CASE("Wuhan POIs: GBK CSV without header, columns given", "[realdata]") {
    REQUIRE_REAL_DATA();
    gis::PointTableOptions options;
    options.lonColumn = QStringLiteral("2");
    options.latColumn = QStringLiteral("3");
    const auto layers = gis::readPointTable(
        testing::realData(u("wuhan-poi-bd09/wuhan_poi_bd09_gbk_noheader.csv")), options);
    REQUIRE(layers.size() == 1);
    const auto& l = *layers.front();
    CHECK(l.source.encoding == QLatin1String("CP936"));
    CHECK(l.source.declaredFeatureCount == 3566);
    REQUIRE(l.features.size() == 3566);
    CHECK(l.text(0, 0) == u("江夏客运中心"));
    CHECK(l.features[0].fid == 1);
    bool found = false;
    for (std::size_t i = 0; i < l.features.size(); ++i) {
        if (l.text(i, 0) == u("武汉大学")) {
            found = true;
            CHECK(l.features[i].geometry.points[0] == core::Point{114.371605, 30.544165});
        }
    }
    CHECK(found);
    CHECK(l.extent.minX == Approx(113.737).margin(0.001));
    CHECK(l.extent.maxY == Approx(31.301).margin(0.001));
}

TEST_CASE("Wuhan POIs: UTF-8 CSV with header", "[realdata]") {
    REQUIRE_REAL_DATA();
    const auto layers =
        gis::readPointTable(testing::realData(u("wuhan-poi-bd09/wuhan_poi_bd09_utf8.csv")), {});
    REQUIRE(layers.size() == 1);
    const auto& l = *layers.front();
    CHECK(l.source.encoding == QLatin1String("UTF-8"));
    CHECK(l.features.size() == 1665);
    CHECK(l.fieldIndex(QStringLiteral("longitude")) == 1);
    CHECK(l.text(0, l.fieldIndex(QStringLiteral("name"))) == u("武汉大学"));
    CHECK(l.features[0].geometry.points[0] == core::Point{114.371605, 30.544165});
    CHECK(l.fields[3].type == core::FieldType::String); // Baidu uids are hex text
}
