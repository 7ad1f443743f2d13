// gis::exportDefects: every format read back with GDAL equals the campaign (counts,
// attributes, coordinates within 1e-7 degrees); GBK shapefiles with a .cpg of 936; short
// field names and their mapping file; CSV with a BOM; photos beside the data; atomic writes.

#include "core/report/defect_rows.h"
#include "core/report_test_support.h"
#include "core/util/error.h"
#include "gis/io/defect_export.h"
#include "gis/io/encoding.h"
#include "gis/io/report_xlsx.h"
#include "gis/io/vector_reader.h"
#include "gis/layers/layer_loader.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>

namespace {

struct Fixture {
    QTemporaryDir dir;
    QString campaignPath;
    std::vector<core::DefectRow> rows;

    Fixture() {
        gis::initGdal();
        REQUIRE(dir.isValid());
        campaignPath = dir.filePath(QStringLiteral("c.gpkg"));
        testing::buildReportCampaign(campaignPath);
        core::Campaign c = campaign();
        core::Feedback fb;
        rows = core::collectDefectRows(c, {}, fb);
    }
    core::Campaign campaign() const {
        return core::Campaign::open(campaignPath, core::OpenMode::ReadOnly);
    }
    gis::DefectExportResult write(const QString& name, gis::ExportFormat format,
                                  const QString& encoding = QStringLiteral("UTF-8"),
                                  bool photos = false) {
        core::Campaign c = campaign();
        gis::DefectExportOptions o;
        o.format = format;
        o.encoding = encoding;
        o.photos = photos;
        o.nowUtc = testing::kReportNow;
        core::Feedback fb;
        return gis::exportDefects(c, rows, dir.filePath(name), o, fb);
    }
    /// Everything in the folder but the campaign file and its WAL companions.
    QStringList outputs() const {
        QStringList out;
        for (const QString& n :
             QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
            if (!n.startsWith(QStringLiteral("c.gpkg")))
                out << n;
        return out;
    }
};

QVariant attr(const core::LayerData& l, std::size_t feature, const QString& field) {
    const int i = l.fieldIndex(field);
    REQUIRE(i >= 0);
    return l.features[feature].attributes[static_cast<std::size_t>(i)];
}

/// The text of `field` in each feature, in file order, matched against the source rows.
void checkAttributes(const core::LayerData& l, const std::vector<core::DefectRow>& rows,
                     const QStringList& fields) {
    REQUIRE(l.features.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const core::DefectRow& r = rows[i];
        const std::map<QString, QString> expected{
            {QStringLiteral("id"), QString::number(r.defect.id)},
            {QStringLiteral("uuid"), r.defect.uuid},
            {QStringLiteral("code"), r.defect.code},
            {QStringLiteral("name_zh"), r.nameZh},
            {QStringLiteral("description"), r.defect.description},
            {QStringLiteral("unit_name"), r.unitName},
            {QStringLiteral("subdistrict"), r.subdistrict},
            {QStringLiteral("status_zh"), core::cardStageChinese(r.defect.status)},
            {QStringLiteral("inspector"), r.defect.inspector}};
        for (const QString& f : fields) {
            INFO("feature " << i << " field " << f.toStdString());
            CHECK(attr(l, i, f).toString() == expected.at(f));
        }
    }
}

void checkPoints(const core::LayerData& l, const std::vector<core::DefectRow>& rows) {
    REQUIRE(l.features.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        REQUIRE(l.features[i].geometry.points.size() == 1);
        const core::Point p = l.features[i].geometry.points[0];
        CHECK(std::abs(p.x - rows[i].defect.lonLat.x) < 1e-7);
        CHECK(std::abs(p.y - rows[i].defect.lonLat.y) < 1e-7);
    }
}

const QStringList kTextFields{QStringLiteral("uuid"),      QStringLiteral("code"),
                              QStringLiteral("name_zh"),   QStringLiteral("description"),
                              QStringLiteral("unit_name"), QStringLiteral("subdistrict"),
                              QStringLiteral("status_zh"), QStringLiteral("inspector")};

} // namespace

TEST_CASE("GeoPackage and GeoJSON exports read back equal, in EPSG:4326", "[gis][export]") {
    Fixture fx;
    REQUIRE(fx.rows.size() == 8);
    for (const auto& [name, format] :
         {std::pair{QStringLiteral("defects.gpkg"), gis::ExportFormat::GeoPackage},
          std::pair{QStringLiteral("defects.geojson"), gis::ExportFormat::GeoJson}}) {
        INFO(name.toStdString());
        const auto result = fx.write(name, format);
        CHECK(result.defects == 8);
        const auto back = gis::readLayersRaw(fx.dir.filePath(name));
        REQUIRE(back.size() == 1);
        const core::LayerData& l = *back[0];
        CHECK(l.crsAuthId == QStringLiteral("EPSG:4326"));
        checkPoints(l, fx.rows);
        checkAttributes(l, fx.rows, kTextFields + QStringList{QStringLiteral("id")});
        CHECK(attr(l, 2, QStringLiteral("days_overdue")).toLongLong() == 8);
        CHECK(attr(l, 4, QStringLiteral("days_overdue")).toLongLong() == 1);
        CHECK(attr(l, 0, QStringLiteral("days_overdue")).toLongLong() == 0);
        CHECK(attr(l, 5, QStringLiteral("days_overdue")).isNull());
        CHECK(attr(l, 2, QStringLiteral("card_colour")).toString() == QStringLiteral("yellow"));
        // GeoJSON readers take ISO 8601 text for date-times.
        CHECK(core::parseIsoUtc(attr(l, 2, QStringLiteral("deadline")).toString()) ==
              testing::utc(3, 18, 1));
        CHECK(attr(l, 0, QStringLiteral("lon")).toDouble() == 114.3012345);
        CHECK(attr(l, 0, QStringLiteral("category_zh")).toString() == QStringLiteral("环境卫生"));
        CHECK(attr(l, 0, QStringLiteral("photo_count")).toLongLong() == 1);
    }
}

TEST_CASE("KML export reads back with names and coordinates", "[gis][export]") {
    Fixture fx;
    fx.write(QStringLiteral("defects.kml"), gis::ExportFormat::Kml);
    const auto back = gis::readLayersRaw(fx.dir.filePath(QStringLiteral("defects.kml")));
    REQUIRE(back.size() == 1);
    const core::LayerData& l = *back[0];
    checkPoints(l, fx.rows);
    for (std::size_t i = 0; i < fx.rows.size(); ++i) {
        CHECK(attr(l, i, QStringLiteral("name")).toString() == fx.rows[i].nameZh);
        CHECK(attr(l, i, QStringLiteral("code")).toString() == fx.rows[i].defect.code);
        CHECK(attr(l, i, QStringLiteral("unit_name")).toString() == fx.rows[i].unitName);
        CHECK(attr(l, i, QStringLiteral("description")).toString() ==
              fx.rows[i].defect.description);
        CHECK(attr(l, i, QStringLiteral("id")).toLongLong() == fx.rows[i].defect.id);
    }
}

TEST_CASE("UTF-8 shapefile: .cpg, short unique field names and their mapping file",
          "[gis][export][shapefile]") {
    Fixture fx;
    const auto result = fx.write(QStringLiteral("defects.shp"), gis::ExportFormat::Shapefile);
    for (const char* ext : {"shp", "shx", "dbf", "prj", "cpg"})
        CHECK(QFileInfo::exists(fx.dir.filePath(QStringLiteral("defects.") + QLatin1String(ext))));
    QFile cpg(fx.dir.filePath(QStringLiteral("defects.cpg")));
    REQUIRE(cpg.open(QIODevice::ReadOnly));
    CHECK(cpg.readAll().trimmed() == "UTF-8");

    QFile map(fx.dir.filePath(QStringLiteral("defects_fields.csv")));
    REQUIRE(map.open(QIODevice::ReadOnly));
    const QByteArray mapBytes = map.readAll();
    CHECK(mapBytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines =
        QString::fromUtf8(mapBytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    CHECK(lines.front() == QStringLiteral("field,shapefile_field"));
    CHECK(lines.contains(QStringLiteral("days_overdue,days_overd")));
    CHECK(lines.contains(QStringLiteral("description,descriptio")));
    CHECK(lines.contains(QStringLiteral("code,code")));
    CHECK(result.files.contains(map.fileName()));

    const auto back = gis::readLayersRaw(fx.dir.filePath(QStringLiteral("defects.shp")));
    REQUIRE(back.size() == 1);
    const core::LayerData& l = *back[0];
    QStringList names;
    for (const auto& f : l.fields) {
        CHECK(f.name.toUtf8().size() <= 10);
        CHECK_FALSE(names.contains(f.name, Qt::CaseInsensitive));
        names << f.name;
    }
    CHECK(names.size() == lines.size() - 1);
    checkPoints(l, fx.rows);
    for (std::size_t i = 0; i < fx.rows.size(); ++i) {
        CHECK(attr(l, i, QStringLiteral("name_zh")).toString() == fx.rows[i].nameZh);
        CHECK(attr(l, i, QStringLiteral("descriptio")).toString() == fx.rows[i].defect.description);
        CHECK(attr(l, i, QStringLiteral("subdistric")).toString() == fx.rows[i].subdistrict);
    }
}

TEST_CASE("GBK shapefile reads back right in GDAL, by its .cpg and by its LDID",
          "[gis][export][shapefile]") {
    Fixture fx;
    fx.write(QStringLiteral("gbk.shp"), gis::ExportFormat::Shapefile, QStringLiteral("GBK"));
    const QString shp = fx.dir.filePath(QStringLiteral("gbk.shp"));
    QFile cpg(fx.dir.filePath(QStringLiteral("gbk.cpg")));
    REQUIRE(cpg.open(QIODevice::ReadOnly));
    CHECK(cpg.readAll() == "936");
    QFile dbf(fx.dir.filePath(QStringLiteral("gbk.dbf")));
    REQUIRE(dbf.open(QIODevice::ReadOnly));
    const QByteArray bytes = dbf.readAll();
    CHECK(static_cast<unsigned char>(bytes[29]) == 0x4D);
    // The text is GBK, two bytes per character, not UTF-8.
    CHECK_FALSE(bytes.contains(QStringLiteral("暴露垃圾").toUtf8()));
    CHECK(bytes.contains(QByteArray("\xB1\xA9\xC2\xB6\xC0\xAC\xBB\xF8"))); // 暴露垃圾 in GBK

    const auto back = gis::readLayersRaw(shp);
    REQUIRE(back.size() == 1);
    checkPoints(*back[0], fx.rows);
    for (std::size_t i = 0; i < fx.rows.size(); ++i) {
        CHECK(attr(*back[0], i, QStringLiteral("name_zh")).toString() == fx.rows[i].nameZh);
        CHECK(attr(*back[0], i, QStringLiteral("unit_name")).toString() == fx.rows[i].unitName);
        CHECK(attr(*back[0], i, QStringLiteral("descriptio")).toString() ==
              fx.rows[i].defect.description);
    }
    // Our own reader decides CP936 from the .cpg, and from the LDID alone without it.
    CHECK(gis::decideShapefileEncoding(shp).encoding == QStringLiteral("CP936"));
    REQUIRE(QFile::remove(cpg.fileName()));
    const auto preview = gis::previewShapefileText(shp, {});
    REQUIRE(preview.rows.size() == fx.rows.size());
    CHECK(preview.rows[0].contains(QStringLiteral("西湖街道办事处")));
}

TEST_CASE("CSV has a BOM and Chinese text, and XLSX opens with the expected rows",
          "[gis][export]") {
    Fixture fx;
    fx.write(QStringLiteral("defects.csv"), gis::ExportFormat::Csv);
    QFile csv(fx.dir.filePath(QStringLiteral("defects.csv")));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.contains(QStringLiteral("菜市场门口暴露垃圾").toUtf8()));
    CHECK(bytes.contains("\r\n"));
    const auto csvBack = gis::readLayersRaw(csv.fileName());
    REQUIRE(csvBack.size() == 1);
    checkAttributes(*csvBack[0], fx.rows, kTextFields + QStringList{QStringLiteral("id")});
    CHECK(std::abs(attr(*csvBack[0], 3, QStringLiteral("lat")).toDouble() - 30.5845678) < 1e-9);

    fx.write(QStringLiteral("defects.xlsx"), gis::ExportFormat::Xlsx);
    const auto back = gis::readLayersRaw(fx.dir.filePath(QStringLiteral("defects.xlsx")));
    REQUIRE(back.size() == 1);
    CHECK(back[0]->name == QStringLiteral("defects"));
    checkAttributes(*back[0], fx.rows, kTextFields + QStringList{QStringLiteral("id")});
    CHECK(attr(*back[0], 0, QStringLiteral("lon")).toDouble() == 114.3012345);
    CHECK(attr(*back[0], 2, QStringLiteral("days_overdue")).toLongLong() == 8);
}

TEST_CASE("photos are written beside the data with relative paths", "[gis][export]") {
    Fixture fx;
    const auto result =
        fx.write(QStringLiteral("with photos.geojson"), gis::ExportFormat::GeoJson, {}, true);
    CHECK(result.photos == 2);
    const QString folder = fx.dir.filePath(QStringLiteral("with photos_photos"));
    CHECK(QFileInfo(folder).isDir());
    const auto back = gis::readLayersRaw(fx.dir.filePath(QStringLiteral("with photos.geojson")));
    REQUIRE(back.size() == 1);
    const QString first = attr(*back[0], 0, QStringLiteral("photos")).toString();
    CHECK(first == QStringLiteral("with photos_photos/%1_1.jpg").arg(fx.rows[0].defect.id));
    CHECK(attr(*back[0], 1, QStringLiteral("photos")).isNull());
    core::Campaign c = fx.campaign();
    QFile photo(fx.dir.filePath(first));
    REQUIRE(photo.open(QIODevice::ReadOnly));
    CHECK(photo.readAll() == c.photoData(fx.rows[0].photos[0].id));

    // A second export replaces the photo folder rather than failing on it.
    fx.write(QStringLiteral("with photos.geojson"), gis::ExportFormat::GeoJson, {}, true);
    CHECK(QDir(folder).entryList(QDir::Files).size() == 2);
    CHECK(fx.outputs() == QStringList({QStringLiteral("with photos.geojson"),
                                       QStringLiteral("with photos_photos")}));
}

TEST_CASE("an unwritable path fails naming it and leaves nothing", "[gis][export]") {
    Fixture fx;
    core::Campaign c = fx.campaign();
    core::Feedback fb;
    gis::DefectExportOptions o;
    o.format = gis::ExportFormat::Xlsx;
    for (const QString& path : {QStringLiteral("/proc/perisurvey-defects.xlsx"),
                                fx.dir.filePath(QStringLiteral("missing/folder/defects.xlsx")),
                                fx.campaignPath + QStringLiteral("/defects.xlsx")}) {
        INFO(path.toStdString());
        try {
            gis::exportDefects(c, fx.rows, path, o, fb);
            FAIL("no error");
        } catch (const core::IoError& e) {
            CHECK(e.message().contains(path));
            CHECK(e.message().count(QLatin1Char('\n')) == 0);
        }
        CHECK_FALSE(QFileInfo::exists(path));
    }
    CHECK(fx.outputs().isEmpty());
    CHECK_THROWS_AS(
        fx.write(QStringLiteral("x.geojson"), gis::ExportFormat::GeoJson, QStringLiteral("GBK")),
        core::Error);
    CHECK_THROWS_AS(gis::shapefileEncoding(QStringLiteral("big5")), core::Error);
    // Drivers that would make a folder of another name are refused, naming the file.
    for (const auto& [name, format] :
         {std::pair{QStringLiteral("d.txt"), gis::ExportFormat::Csv},
          std::pair{QStringLiteral("d.dat"), gis::ExportFormat::Shapefile},
          std::pair{QStringLiteral("d.xml"), gis::ExportFormat::Kml}}) {
        try {
            fx.write(name, format);
            FAIL("no error for " << name.toStdString());
        } catch (const core::FormatError& e) {
            CHECK(e.message().contains(fx.dir.filePath(name)));
        }
    }
    CHECK(fx.outputs().isEmpty());
}

TEST_CASE("a cancelled export leaves no file, nor an old one changed", "[gis][export]") {
    Fixture fx;
    core::Campaign c = fx.campaign();
    gis::DefectExportOptions o;
    o.format = gis::ExportFormat::Shapefile;
    o.photos = true;
    const QString path = fx.dir.filePath(QStringLiteral("defects.shp"));

    core::Feedback before;
    before.cancel();
    CHECK_THROWS_AS(gis::exportDefects(c, fx.rows, path, o, before), core::OperationCanceled);
    CHECK(fx.outputs().isEmpty());

    // Cancelled once the photos are written and the shapefile is being written.
    core::Feedback midway([&](double, const QString& step) {
        if (step == QStringLiteral("writing"))
            midway.cancel();
    });
    CHECK_THROWS_AS(gis::exportDefects(c, fx.rows, path, o, midway), core::OperationCanceled);
    CHECK(fx.outputs().isEmpty());

    o.format = gis::ExportFormat::Xlsx;
    const QString xlsx = fx.dir.filePath(QStringLiteral("keep.xlsx"));
    {
        QFile f(xlsx);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("previous");
    }
    core::Feedback again([&](double, const QString& step) {
        if (step == QStringLiteral("writing"))
            again.cancel();
    });
    CHECK_THROWS_AS(gis::exportDefects(c, fx.rows, xlsx, o, again), core::OperationCanceled);
    QFile f(xlsx);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "previous");
    CHECK(fx.outputs() == QStringList{QStringLiteral("keep.xlsx")});
}

TEST_CASE("shortFieldNames cuts long names and keeps them unique", "[gis][export]") {
    const QStringList names{QStringLiteral("observed_at"), QStringLiteral("observed_a"),
                            QStringLiteral("observed_by"), QStringLiteral("id"),
                            QStringLiteral("街道名称字段")};
    const QStringList s = gis::shortFieldNames(names);
    CHECK(s[0] == QStringLiteral("observed_2"));
    CHECK(s[1] == QStringLiteral("observed_a"));
    CHECK(s[2] == QStringLiteral("observed_b"));
    CHECK(s[3] == QStringLiteral("id"));
    CHECK(s[4] == QStringLiteral("街道名")); // 9 bytes in UTF-8
}

TEST_CASE("the XLSX report has one sheet per table with the expected rows", "[gis][report]") {
    Fixture fx;
    core::Campaign c = fx.campaign();
    core::Feedback fb;
    const core::CampaignReport report =
        core::loadCampaignReport(c, std::nullopt, testing::kReportNow, fb);
    const QString path = fx.dir.filePath(QStringLiteral("report.xlsx"));
    const auto result = gis::writeReportXlsx(c, report, path, fb);
    CHECK(result.photos == 2);
    // Sheets whose columns are all text need their first row taken as the header.
    qputenv("OGR_XLSX_HEADERS", "FORCE");
    const auto back = gis::readLayersRaw(path);
    qunsetenv("OGR_XLSX_HEADERS");
    std::map<QString, std::size_t> rows;
    for (const auto& l : back)
        rows[l->name] = l->features.size();
    CHECK(rows.size() == 8);
    CHECK(rows[QStringLiteral("汇总")] == 8);
    CHECK(rows[QStringLiteral("按类别和状态")] == 6);
    CHECK(rows[QStringLiteral("按责任单位")] == 3);
    CHECK(rows[QStringLiteral("按街道")] == 3);
    CHECK(rows[QStringLiteral("逾期清单")] == 2);
    CHECK(rows[QStringLiteral("西湖街道办事处")] == 3);
    CHECK(rows[QStringLiteral("住建局")] == 2);
    CHECK(rows[QStringLiteral("城管执法局")] == 3);
    for (const auto& l : back) {
        if (l->name != QStringLiteral("按责任单位"))
            continue;
        CHECK(attr(*l, 0, QStringLiteral("责任单位")).toString() ==
              QStringLiteral("西湖街道办事处"));
        CHECK(attr(*l, 0, QStringLiteral("结案率(%)")).toDouble() == Approx(66.7));
        CHECK(attr(*l, 0, QStringLiteral("按期结案率(%)")).toDouble() == Approx(33.3));
    }
    for (const auto& l : back) {
        if (l->name != QStringLiteral("西湖街道办事处"))
            continue;
        CHECK(attr(*l, 0, QStringLiteral("照片")).toString() ==
              QStringLiteral("report_photos/%1_1.jpg").arg(fx.rows[0].defect.id));
        CHECK(attr(*l, 2, QStringLiteral("逾期天数")).toLongLong() == 8);
    }
}
