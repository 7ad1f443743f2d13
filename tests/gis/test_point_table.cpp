// CSV/XLSX point tables: delimiters, encodings, header and column recognition, errors.

#include "core/util/error.h"
#include "gis/io/point_table.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

namespace {

QString u(const char* utf8) {
    return QString::fromUtf8(utf8);
}

QString table(const char* name) {
    return testing::fixture(QStringLiteral("point_tables/") + QLatin1String(name));
}

std::shared_ptr<core::LayerData> readOne(const QString& path,
                                         const gis::PointTableOptions& options = {}) {
    auto layers = gis::readPointTable(path, options);
    REQUIRE(layers.size() == 1);
    return layers.front();
}

core::Error readError(const QString& path, const gis::PointTableOptions& options = {}) {
    try {
        gis::readPointTable(path, options);
    } catch (const core::Error& e) {
        return e;
    }
    FAIL("expected an error reading " << path.toStdString());
    return core::Error(core::ErrorCode::Internal, {});
}

QString writeTemp(const QTemporaryDir& dir, const char* name, const QByteArray& bytes) {
    const QString path = dir.filePath(QString::fromUtf8(name));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

core::Point pointOf(const core::LayerData& l, std::size_t i) {
    return l.features.at(i).geometry.points.at(0);
}

} // namespace

TEST_CASE("A UTF-8 CSV with 经度/纬度 headers", "[point_table]") {
    const auto l = readOne(table("poi_utf8_jingwei_header.csv"));
    CHECK(l->name == QLatin1String("poi_utf8_jingwei_header"));
    CHECK(l->source.driver == QLatin1String("CSV"));
    CHECK(l->source.layerName == QLatin1String("poi_utf8_jingwei_header"));
    CHECK(l->source.path == table("poi_utf8_jingwei_header.csv"));
    CHECK(l->source.encoding == QLatin1String("UTF-8"));
    CHECK(l->source.encodingReason.contains(QLatin1String("is valid UTF-8")));
    CHECK(l->source.declaredFeatureCount == 3);
    CHECK(l->kind == core::GeometryKind::Point);
    CHECK(l->crsAuthId.isEmpty());
    CHECK(l->source.crsAuthId.isEmpty());
    CHECK(l->warnings.isEmpty());

    REQUIRE(l->fields.size() == 5);
    CHECK(l->fields[0].name == u("名称"));
    CHECK(l->fields[0].type == core::FieldType::String);
    CHECK(l->fields[1].type == core::FieldType::Real);
    CHECK(l->fields[2].type == core::FieldType::Real);
    CHECK(l->fields[4].name == u("床位"));
    CHECK(l->fields[4].type == core::FieldType::Integer);

    REQUIRE(l->features.size() == 3);
    CHECK(l->features[0].fid == 2); // row 1 is the header
    CHECK(l->features[2].fid == 4);
    CHECK(pointOf(*l, 0) == core::Point{114.30512, 30.59321});
    CHECK(l->text(0, l->fieldIndex(u("名称"))) == u("江滨社区医院"));
    CHECK(l->text(2, l->fieldIndex(u("类别"))) == u("市场"));
    CHECK(l->features[0].attributes[4].toLongLong() == 120);
    CHECK(l->features[1].attributes[4].isNull());
    CHECK(l->extent.minX == 114.30512);
    CHECK(l->extent.maxX == 114.36240);
    CHECK(l->extent.minY == 30.55912);
    CHECK(l->source.sourceExtent.maxY == 30.59321);
}

TEST_CASE("A GBK CSV without header, columns given by number", "[point_table]") {
    gis::PointTableOptions options;
    options.lonColumn = QStringLiteral("2");
    options.latColumn = QStringLiteral("3");
    const auto l = readOne(table("poi_gbk_noheader.csv"), options);
    CHECK(l->source.encoding == QLatin1String("CP936"));
    CHECK(l->source.encodingReason.contains(QLatin1String("valid GBK")));
    REQUIRE(l->fields.size() == 4);
    CHECK(l->fields[0].name == QLatin1String("col1"));
    CHECK(l->fields[3].name == QLatin1String("col4"));
    CHECK(l->fields[3].type == core::FieldType::String);
    // The trailing empty line is not a row and not a warning.
    REQUIRE(l->features.size() == 4);
    CHECK(l->warnings.isEmpty());
    CHECK(l->features[0].fid == 1);
    CHECK(l->text(0, 0) == u("江滨社区医院"));
    CHECK(l->text(3, 0) == u("南湖站,公交"));
    CHECK(pointOf(*l, 3) == core::Point{114.35101, 30.50233});
}

TEST_CASE("A headerless CSV without columns asks for them", "[point_table]") {
    const core::Error e = readError(table("poi_gbk_noheader.csv"));
    CHECK(e.code() == core::ErrorCode::InvalidInput);
    CHECK(e.message().contains(QLatin1String("poi_gbk_noheader.csv has no header row")));
    CHECK(e.message().contains(QLatin1String("--lon-column 2 --lat-column 3")));
}

TEST_CASE("A semicolon-delimited CSV", "[point_table]") {
    const auto l = readOne(table("poi_semicolon.csv"));
    REQUIRE(l->fields.size() == 5);
    CHECK(l->fields[0].name == QLatin1String("id"));
    CHECK(l->fields[0].type == core::FieldType::Integer);
    CHECK(l->fields[2].type == core::FieldType::Real);
    CHECK(l->features.size() == 3);
    CHECK(l->text(0, l->fieldIndex(QStringLiteral("note"))) == QLatin1String("open; weekdays"));
    CHECK(pointOf(*l, 1) == core::Point{114.31877, 30.58004});
}

TEST_CASE("A bad coordinate is an error naming file, row and column", "[point_table]") {
    const core::Error e = readError(table("poi_bad_coordinate.csv"));
    CHECK(e.code() == core::ErrorCode::Format);
    CHECK(e.message().startsWith(QLatin1String(
        "poi_bad_coordinate.csv: row 4, column 3 (\"lat\"): \"30.5x\" is not a number")));
}

TEST_CASE("An XLSX workbook: the sheet with coordinates becomes a layer", "[point_table]") {
    const QString path = table("schools_two_sheets.xlsx");
    const auto layers = gis::readPointTable(path, {});
    REQUIRE(layers.size() == 1);
    const auto& l = *layers.front();
    CHECK(l.name == u("学校"));
    CHECK(l.source.layerName == u("学校"));
    CHECK(l.source.driver == QLatin1String("XLSX"));
    CHECK(l.source.encoding == QLatin1String("UTF-8"));
    CHECK(l.source.declaredFeatureCount == 2);
    REQUIRE(l.fields.size() == 4);
    CHECK(l.fields[3].name == u("学生数"));
    CHECK(l.fields[3].type == core::FieldType::Integer);
    REQUIRE(l.features.size() == 2);
    CHECK(l.features[0].fid == 2);
    CHECK(l.text(1, 0) == u("东湖中学"));
    CHECK(l.features[1].attributes[3].toLongLong() == 1210);
    CHECK(pointOf(l, 0) == core::Point{114.31877, 30.58004});
    REQUIRE(l.warnings.size() == 1);
    CHECK(l.warnings[0].contains(u("sheet 说明")));
    CHECK(l.warnings[0].contains(QLatin1String("skipped")));

    gis::PointTableOptions notes;
    notes.sheet = u("说明");
    CHECK(readError(path, notes).code() == core::ErrorCode::InvalidInput);
    gis::PointTableOptions missing;
    missing.sheet = QStringLiteral("Sheet9");
    const core::Error e = readError(path, missing);
    CHECK(e.code() == core::ErrorCode::NotFound);
    CHECK(e.message().contains(u("its sheets are: 学校, 说明")));
}

TEST_CASE("Delimiters, names and options on small tables", "[point_table]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    SECTION("tab-delimited with BOM and wgs84_lng/wgs84_lat names") {
        const auto l = readOne(writeTemp(dir, "a.tsv",
                                         "\xEF\xBB\xBFname\tgcj_note\twgs84_lng\twgs84_lat\n"
                                         "a, b\tx\t117.2\t39.1\n"));
        CHECK(l->fields[0].name == QLatin1String("name"));
        CHECK(l->text(0, 0) == QLatin1String("a, b"));
        CHECK(pointOf(*l, 0) == core::Point{117.2, 39.1});
        CHECK(l->source.encodingReason.contains(QLatin1String("byte order mark")));
    }
    SECTION("pipe-delimited with decimal commas") {
        const auto l = readOne(writeTemp(dir, "b.txt", "naam|lon|lat\nx|117,25|39,5\n"));
        CHECK(pointOf(*l, 0) == core::Point{117.25, 39.5});
        CHECK(l->fields[1].type == core::FieldType::Real);
    }
    SECTION("columns named by the user, case-insensitive") {
        gis::PointTableOptions o;
        o.lonColumn = QStringLiteral("E");
        o.latColumn = QStringLiteral("n");
        const auto l = readOne(writeTemp(dir, "c.csv", "id,e,N\n7,500000,4300000\n"), o);
        CHECK(pointOf(*l, 0) == core::Point{500000, 4300000});
        CHECK(l->fields[1].type == core::FieldType::Integer);
    }
    SECTION("an unknown column name lists the columns") {
        gis::PointTableOptions o;
        o.lonColumn = QStringLiteral("east");
        o.latColumn = QStringLiteral("N");
        const core::Error e = readError(writeTemp(dir, "c.csv", "id,e,N\n7,5,4\n"), o);
        CHECK(e.code() == core::ErrorCode::InvalidInput);
        CHECK(e.message() == QLatin1String("c.csv has no column \"east\" for the longitude; its "
                                           "columns are: id, e, N."));
    }
    SECTION("a header without coordinate names says how to name them") {
        const core::Error e = readError(writeTemp(dir, "d.csv", "name,a,b\nx,1,2\n"));
        CHECK(e.code() == core::ErrorCode::InvalidInput);
        CHECK(e.message().contains(QLatin1String("no longitude column recognised")));
        CHECK(e.message().contains(QLatin1String("(name, a, b)")));
    }
    SECTION("words containing 'lat' are not latitudes") {
        const core::Error e = readError(writeTemp(dir, "e.csv", "population,along,plate\n1,2,3\n"));
        CHECK(e.message().contains(QLatin1String("no longitude column recognised")));
    }
    SECTION("an interior empty row is skipped with a warning, row numbers follow lines") {
        const auto l = readOne(writeTemp(dir, "f.csv",
                                         "name,x,y\n\"two\nlines\",1,2\n\n"
                                         "c,3,4\n\n\n"));
        REQUIRE(l->features.size() == 2);
        CHECK(l->features[0].fid == 2);
        CHECK(l->features[1].fid == 5);
        CHECK(l->text(0, 0) == QLatin1String("two\nlines"));
        REQUIRE(l->warnings.size() == 1);
        CHECK(l->warnings[0] == QLatin1String("f.csv: row 4 is empty and was skipped."));
    }
    SECTION("an empty coordinate cell is an error, not a dropped row") {
        const core::Error e = readError(writeTemp(dir, "g.csv", "name,lng,lat\na,1,2\nb,,3\n"));
        CHECK(e.message().startsWith(
            QLatin1String("g.csv: row 3, column 2 (\"lng\"): the empty cell is not a number")));
    }
    SECTION("codes with leading zeros and long ids stay text") {
        const auto l = readOne(writeTemp(dir, "h.csv",
                                         "code,uid,lon,lat\n0086,12345678901234567890123,1,2\n"
                                         "10,5,3,4\n"));
        CHECK(l->fields[0].type == core::FieldType::String);
        CHECK(l->text(0, 0) == QLatin1String("0086"));
        CHECK(l->fields[1].type == core::FieldType::String);
        CHECK(l->fields[2].type == core::FieldType::Integer);
    }
    SECTION("an encoding given by the user wins over detection") {
        gis::PointTableOptions o;
        o.encoding = QStringLiteral("ISO-8859-1");
        const auto l =
            readOne(writeTemp(dir, "i.csv", "name,lon,lat\n" + u("é").toUtf8() + ",1,2\n"), o);
        CHECK(l->source.encoding == QLatin1String("ISO-8859-1"));
        CHECK(l->text(0, 0) == u("Ã©"));
    }
    SECTION("column names with a headerless table are refused") {
        gis::PointTableOptions o;
        o.hasHeader = 0;
        o.lonColumn = QStringLiteral("lon");
        o.latColumn = QStringLiteral("lat");
        const core::Error e = readError(writeTemp(dir, "j.csv", "a,1,2\n"), o);
        CHECK(e.message().contains(QLatin1String("has no header row")));
    }
    SECTION("a quote never closed names its line") {
        const core::Error e = readError(writeTemp(dir, "k.csv", "name,x,y\n\"open,1,2\nb,3,4\n"));
        CHECK(e.code() == core::ErrorCode::Format);
        CHECK(e.message().contains(QLatin1String("k.csv: a quoted cell in the row starting on "
                                                 "line 2 is never closed")));
    }
    SECTION("a missing file is NotFound") {
        const core::Error e = readError(dir.filePath(QStringLiteral("none.csv")));
        CHECK(e.code() == core::ErrorCode::NotFound);
    }
}

TEST_CASE("Point table file types", "[point_table]") {
    CHECK(gis::isPointTableFile(QStringLiteral("/a/b.csv")));
    CHECK(gis::isPointTableFile(QStringLiteral("B.XLSX")));
    CHECK(gis::isPointTableFile(QStringLiteral("c.tsv")));
    CHECK(gis::isPointTableFile(QStringLiteral("d.txt")));
    CHECK_FALSE(gis::isPointTableFile(QStringLiteral("e.shp")));
    CHECK_FALSE(gis::isPointTableFile(QStringLiteral("csv")));
}
