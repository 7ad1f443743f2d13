// Attribute encodings: shapefiles whose .cpg/LDID lie about GBK text, and text files.

#include "core/util/error.h"
#include "gis/io/encoding.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

#include <vector>

namespace {

QString u(const char* utf8) {
    return QString::fromUtf8(utf8);
}

// GBK / GB18030 bytes of some text, spelled out so the test does not depend on iconv.
const QByteArray kGbkXingfuLu("\xD0\xD2\xB8\xA3\xC2\xB7");  // 幸福路
const QByteArray kGbkHepingJie("\xBA\xCD\xC6\xBD\xBD\xD6"); // 和平街
// 㐀 (U+3400, CJK extension A, outside GBK) is the GB18030 four-byte sequence 81 39 EE 39.
const QByteArray kGb18030Ext("\x81\x39\xEE\x39");

// Writes a minimal dBASE III file with one character field NAME of `width` bytes.
void writeDbf(const QString& path, unsigned char ldid, const std::vector<QByteArray>& values,
              int width = 20) {
    QByteArray header(32, '\0');
    header[0] = 0x03;
    const auto n = static_cast<std::uint32_t>(values.size());
    for (int i = 0; i < 4; ++i)
        header[4 + i] = static_cast<char>((n >> (8 * i)) & 0xFF);
    const int headerLength = 32 + 32 + 1;
    const int recordLength = 1 + width;
    header[8] = static_cast<char>(headerLength & 0xFF);
    header[9] = static_cast<char>(headerLength >> 8);
    header[10] = static_cast<char>(recordLength & 0xFF);
    header[11] = static_cast<char>(recordLength >> 8);
    header[29] = static_cast<char>(ldid);
    QByteArray field(32, '\0');
    field.replace(0, 4, "NAME");
    field[11] = 'C';
    field[16] = static_cast<char>(width);
    QByteArray bytes = header + field + QByteArray(1, '\x0D');
    for (const auto& v : values) {
        QByteArray cell = v.left(width);
        cell += QByteArray(width - cell.size(), ' ');
        bytes += ' ' + cell;
    }
    bytes += '\x1A';
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

int fieldIndex(const gis::ShapefileTextPreview& p, const char* name) {
    return static_cast<int>(p.fields.indexOf(QString::fromLatin1(name)));
}

} // namespace

TEST_CASE("A GBK shapefile declaring LDID 87 without .cpg is read as GBK", "[encoding]") {
    const QString shp = testing::fixture(QStringLiteral("gbk_roads_ldid87/roads.shp"));
    const auto d = gis::decideShapefileEncoding(shp);
    CHECK(d.encoding == QLatin1String("CP936"));
    CHECK(d.detected);
    CHECK(d.reason.contains(QLatin1String(".dbf declares code page LDID 87 (ISO-8859-1)")));
    CHECK(d.reason.contains(QLatin1String("there is no .cpg")));
    CHECK(d.reason.contains(QLatin1String("not valid UTF-8")));
    CHECK(d.reason.contains(QLatin1String("100% of non-ASCII sequences are valid GBK")));
    CHECK(d.reason.contains(QLatin1String("reading as GBK (CP936)")));

    const auto decided = gis::previewShapefileText(shp, d.encoding);
    REQUIRE(decided.rows.size() == 4);
    const int name = fieldIndex(decided, "name");
    const int kind = fieldIndex(decided, "kind");
    REQUIRE(name >= 0);
    CHECK(decided.rows[0][name] == u("幸福路"));
    CHECK(decided.rows[2][name] == u("友谊大道"));
    CHECK(decided.rows[2][kind] == u("主干路"));
    CHECK(decided.rows[3][name] == QLatin1String("Binhai Rd"));

    // What GDAL shows left to itself: the bug this decision exists for.
    const auto gdalAlone = gis::previewShapefileText(shp, {});
    CHECK(gdalAlone.sourceEncoding == QLatin1String("ISO-8859-1"));
    CHECK(gdalAlone.rows[0][name] == u("ÐÒ¸£Â·"));
}

TEST_CASE("The .dbf path gives the same decision as the .shp path", "[encoding]") {
    const auto a = gis::decideShapefileEncoding(
        testing::fixture(QStringLiteral("gbk_roads_ldid87/roads.dbf")));
    const auto b = gis::decideShapefileEncoding(
        testing::fixture(QStringLiteral("gbk_roads_ldid87/roads.shp")));
    CHECK(a.encoding == b.encoding);
    CHECK(a.reason == b.reason);
}

TEST_CASE("A UTF-8 shapefile with a .cpg is read as declared", "[encoding]") {
    const QString shp = testing::fixture(QStringLiteral("utf8_roads_cpg/roads.shp"));
    const auto d = gis::decideShapefileEncoding(shp);
    CHECK(d.encoding == QLatin1String("UTF-8"));
    CHECK_FALSE(d.detected);
    CHECK(d.reason == QLatin1String(".cpg says \"UTF-8\": reading as UTF-8"));
    const auto p = gis::previewShapefileText(shp, d.encoding);
    CHECK(p.rows[1][fieldIndex(p, "name")] == u("和平街"));
}

TEST_CASE("A GBK shapefile with .cpg 936 stays CP936", "[encoding]") {
    const QString shp = testing::fixture(QStringLiteral("gbk_roads_cpg936/roads.shp"));
    const auto d = gis::decideShapefileEncoding(shp);
    CHECK(d.encoding == QLatin1String("CP936"));
    CHECK_FALSE(d.detected);
    CHECK(d.reason == QLatin1String(".cpg says \"936\": reading as GBK (CP936)"));
    const auto p = gis::previewShapefileText(shp, d.encoding);
    CHECK(p.rows[1][fieldIndex(p, "name")] == u("和平街"));
    CHECK(p.rows[1][fieldIndex(p, "kind")] == u("支路"));
}

TEST_CASE("An ASCII shapefile keeps its LDID 87 declaration", "[encoding]") {
    const QString shp = testing::fixture(QStringLiteral("ascii_roads_ldid87/roads.shp"));
    const auto d = gis::decideShapefileEncoding(shp);
    CHECK(d.encoding == QLatin1String("ISO-8859-1"));
    CHECK_FALSE(d.detected);
    CHECK(d.reason.contains(QLatin1String("LDID 87 (ISO-8859-1)")));
    CHECK(d.reason.contains(QLatin1String("all text is ASCII")));
    const auto p = gis::previewShapefileText(shp, d.encoding);
    CHECK(p.rows[0][fieldIndex(p, "name")] == QLatin1String("Xingfu Rd"));
}

TEST_CASE("Declarations and bytes in generated .dbf files", "[encoding]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString dbf = dir.filePath(QStringLiteral("t.dbf"));
    const QString cpg = dir.filePath(QStringLiteral("t.cpg"));

    SECTION("a .cpg of 1252 over GBK text is overridden and names the .cpg") {
        writeDbf(dbf, 0x57, {kGbkXingfuLu, "Binhai Rd", kGbkHepingJie});
        writeFile(cpg, "1252\r\n");
        const auto d = gis::decideShapefileEncoding(dbf);
        CHECK(d.encoding == QLatin1String("CP936"));
        CHECK(d.detected);
        CHECK(d.reason.startsWith(QLatin1String(".cpg says \"1252\" (CP1252), but the text is "
                                                "not valid UTF-8")));
        CHECK(d.reason.contains(u("e.g. \"幸福路\"")));
    }
    SECTION("UTF-8 text under LDID 87 is read as UTF-8") {
        writeDbf(dbf, 0x57, {"plain", u("幸福路").toUtf8()});
        const auto d = gis::decideShapefileEncoding(dbf);
        CHECK(d.encoding == QLatin1String("UTF-8"));
        CHECK(d.detected);
        CHECK(d.reason.contains(QLatin1String("valid UTF-8")));
    }
    SECTION("UTF-8 cut in the middle of a character at the field width is still UTF-8") {
        // 7 three-byte characters in a 20-byte field: the writer cut the 7th after 2 bytes.
        writeDbf(dbf, 0, {u("幸福路和平街友").toUtf8(), u("和平街").toUtf8()});
        const auto d = gis::decideShapefileEncoding(dbf);
        CHECK(d.encoding == QLatin1String("UTF-8"));
        CHECK(d.reason.startsWith(
            QLatin1String(".dbf declares no code page (LDID 0) and there is no .cpg")));
    }
    SECTION("GB18030 four-byte sequences choose GB18030") {
        writeDbf(dbf, 0, {QByteArray("\xC1\xF5") + kGb18030Ext, kGbkXingfuLu}); // 刘㐀
        const auto d = gis::decideShapefileEncoding(dbf);
        CHECK(d.encoding == QLatin1String("GB18030"));
        CHECK(d.detected);
        CHECK(d.reason.contains(u("e.g. \"刘㐀\"")));
    }
    SECTION("real Latin-1 text stays ISO-8859-1") {
        writeDbf(dbf, 0x57,
                 {"Caf\xE9 M\xFCller",
                  "Stra\xDF"
                  "e",
                  "Champs-\xC9lys\xE9"
                  "es"});
        const auto d = gis::decideShapefileEncoding(dbf);
        CHECK(d.encoding == QLatin1String("ISO-8859-1"));
        CHECK_FALSE(d.detected);
        CHECK(d.reason.contains(QLatin1String("neither valid UTF-8 nor GBK")));
    }
    SECTION("LDID 77 is trusted without looking at the bytes") {
        writeDbf(dbf, 0x4D, {kGbkXingfuLu});
        const auto d = gis::decideShapefileEncoding(dbf);
        CHECK(d.encoding == QLatin1String("CP936"));
        CHECK_FALSE(d.detected);
        CHECK(d.reason == QLatin1String(".dbf declares code page LDID 77 (CP936) and there is no "
                                        ".cpg: reading as GBK (CP936)"));
    }
    SECTION("a GBK name after 9000 ASCII records is found") {
        std::vector<QByteArray> values(9000, QByteArray("Binhai Rd"));
        values.push_back(kGbkHepingJie);
        writeDbf(dbf, 0x57, values);
        CHECK(gis::decideShapefileEncoding(dbf).encoding == QLatin1String("CP936"));
    }
    SECTION(".cpg spellings map to iconv names") {
        writeDbf(dbf, 0x57, {kGbkXingfuLu});
        const std::vector<std::pair<QByteArray, const char*>> cases = {
            {"GB2312", "CP936"},    {"gbk", "CP936"},    {"cp936\n", "CP936"},
            {"GB18030", "GB18030"}, {"65001", "UTF-8"},  {"\xEF\xBB\xBFUTF-8", "UTF-8"},
            {"950", "CP950"},       {"8859-1", "CP936"}, {"ANSI 1252", "CP936"}};
        for (const auto& [text, expected] : cases) {
            writeFile(cpg, text);
            INFO(text.constData());
            CHECK(gis::decideShapefileEncoding(dbf).encoding == QLatin1String(expected));
        }
    }
    SECTION("a missing .dbf is NotFound naming the file") {
        writeFile(dir.filePath(QStringLiteral("lonely.shp")), QByteArray(100, '\0'));
        try {
            gis::decideShapefileEncoding(dir.filePath(QStringLiteral("lonely.shp")));
            FAIL("expected an error");
        } catch (const core::Error& e) {
            CHECK(e.code() == core::ErrorCode::NotFound);
            CHECK(e.message().contains(QLatin1String("lonely.dbf is missing")));
        }
    }
    SECTION("a damaged .dbf is a FormatError naming the file") {
        writeFile(dbf, "not a dbf");
        try {
            gis::decideShapefileEncoding(dbf);
            FAIL("expected an error");
        } catch (const core::Error& e) {
            CHECK(e.code() == core::ErrorCode::Format);
            CHECK(e.message().contains(QLatin1String("t.dbf is not a dBASE (.dbf) file")));
        }
    }
}

TEST_CASE("Text file encodings", "[encoding]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.csv"));

    writeFile(path, "\xEF\xBB\xBFname,lon\n" + u("幸福路").toUtf8() + ",117.2\n");
    auto d = gis::decideTextFileEncoding(path);
    CHECK(d.encoding == QLatin1String("UTF-8"));
    CHECK(d.reason == QLatin1String("t.csv starts with a UTF-8 byte order mark"));

    writeFile(path, "name,lon\n" + u("幸福路").toUtf8() + ",117.2\n");
    d = gis::decideTextFileEncoding(path);
    CHECK(d.encoding == QLatin1String("UTF-8"));
    CHECK(d.detected);

    writeFile(path, "name,lon\n" + kGbkXingfuLu + ",117.2\n" + kGbkHepingJie + ",117.3\n");
    d = gis::decideTextFileEncoding(path);
    CHECK(d.encoding == QLatin1String("CP936"));
    CHECK(d.reason.startsWith(QLatin1String("t.csv is not valid UTF-8 and 100% of its non-ASCII "
                                            "sequences are valid GBK: reading as GBK (CP936)")));

    writeFile(path, "name\n" + kGb18030Ext + "\n");
    CHECK(gis::decideTextFileEncoding(path).encoding == QLatin1String("GB18030"));

    writeFile(path, "name\nCaf\xE9 au lait\n");
    d = gis::decideTextFileEncoding(path);
    CHECK(d.encoding == QLatin1String("ISO-8859-1"));
    CHECK(d.reason.contains(QLatin1String("neither valid UTF-8 nor GBK")));

    writeFile(path, "name,lon\nBinhai Rd,117.2\n");
    d = gis::decideTextFileEncoding(path);
    CHECK(d.encoding == QLatin1String("UTF-8"));
    CHECK_FALSE(d.detected);

    CHECK_THROWS_AS(gis::decideTextFileEncoding(dir.filePath(QStringLiteral("none.csv"))),
                    core::Error);
}

TEST_CASE("UTF-8 validation rejects malformed sequences", "[encoding]") {
    CHECK(gis::isValidUtf8(QByteArray("plain ASCII")));
    CHECK(gis::isValidUtf8(u("幸福路 😀").toUtf8()));
    CHECK_FALSE(gis::isValidUtf8(QByteArray("\xC0\xAF")));         // overlong '/'
    CHECK_FALSE(gis::isValidUtf8(QByteArray("\xED\xA0\x80")));     // surrogate
    CHECK_FALSE(gis::isValidUtf8(QByteArray("\xF4\x90\x80\x80"))); // above U+10FFFF
    CHECK_FALSE(gis::isValidUtf8(QByteArray("\xE5\xB9")));         // cut short
    CHECK_FALSE(gis::isValidUtf8(kGbkXingfuLu));
}

TEST_CASE("decodeText goes through iconv", "[encoding]") {
    CHECK(gis::decodeText(kGbkXingfuLu, QStringLiteral("CP936")) == u("幸福路"));
    CHECK(gis::decodeText(kGbkXingfuLu, QStringLiteral("GB18030")) == u("幸福路"));
    CHECK(gis::decodeText(kGb18030Ext, QStringLiteral("GB18030")) == u("㐀"));
    CHECK(gis::decodeText("Caf\xE9", QStringLiteral("ISO-8859-1")) == u("Café"));
    CHECK(gis::decodeText(u("和平街").toUtf8(), QStringLiteral("UTF-8")) == u("和平街"));
    CHECK(gis::decodeText({}, QStringLiteral("CP936")).isEmpty());
    try {
        gis::decodeText("x", QStringLiteral("NO-SUCH-CHARSET"));
        FAIL("expected an error");
    } catch (const core::Error& e) {
        CHECK(e.code() == core::ErrorCode::Encoding);
        CHECK(e.message().contains(QLatin1String("NO-SUCH-CHARSET")));
    }
}
