// gis::writeVector: typed fields, reprojection on write, one-layer formats, and an atomic
// write that leaves nothing behind on cancel or failure.

#include "core/util/error.h"
#include "gis/io/vector_reader.h"
#include "gis/io/vector_writer.h"
#include "gis/layers/layer_loader.h"
#include "gis/proj/crs.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

namespace {

using core::FieldType;

std::shared_ptr<core::LayerData> sampleLayer(const QString& name = QStringLiteral("places")) {
    auto l = std::make_shared<core::LayerData>();
    l->name = name;
    l->kind = core::GeometryKind::Point;
    l->crsAuthId = QStringLiteral("EPSG:4547");
    l->fields = {{QStringLiteral("name"), FieldType::String},
                 {QString::fromUtf8("类型"), FieldType::String},
                 {QStringLiteral("count"), FieldType::Integer},
                 {QStringLiteral("area"), FieldType::Real},
                 {QStringLiteral("opened"), FieldType::Date},
                 {QStringLiteral("checked"), FieldType::DateTime}};
    core::Feature a;
    a.fid = 1;
    a.geometry = core::Geometry::point({532144.916, 3380578.250});
    a.attributes = {QString::fromUtf8("东湖路菜市场"),
                    QString::fromUtf8("农贸市场"),
                    QVariant(qlonglong{5000000000}),
                    QVariant(1234.5),
                    QVariant(QDate(2021, 6, 1)),
                    QVariant(QDateTime(QDate(2024, 3, 5), QTime(8, 30, 15), QTimeZone::utc()))};
    core::Feature b;
    b.fid = 2;
    b.geometry = core::Geometry::point({532000, 3380500});
    b.attributes = {
        QString::fromUtf8("公共厕所"), QVariant(), QVariant(), QVariant(), QVariant(), QVariant()};
    l->features = {a, b};
    l->buildIndex();
    return l;
}

} // namespace

TEST_CASE("writeVector writes typed fields and reprojects on write", "[gis][writer]") {
    gis::initGdal();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.gpkg"));
    gis::WriteOptions options;
    options.targetCrs = gis::Crs::fromEpsg(4490);
    core::Feedback feedback;
    gis::writeVector(path, {sampleLayer()}, options, feedback);
    CHECK(feedback.progress() == 100);

    const auto layers = gis::readLayersRaw(path);
    REQUIRE(layers.size() == 1);
    const auto& l = *layers[0];
    CHECK(l.name == QLatin1String("places"));
    CHECK(l.crsAuthId == QLatin1String("EPSG:4490"));
    CHECK(l.source.driver == QLatin1String("GPKG"));
    REQUIRE(l.fields.size() == 6);
    CHECK(l.fields[1].name == QString::fromUtf8("类型"));
    CHECK(l.fields[2].type == FieldType::Integer);
    CHECK(l.fields[3].type == FieldType::Real);
    CHECK(l.fields[4].type == FieldType::Date);
    CHECK(l.fields[5].type == FieldType::DateTime);
    REQUIRE(l.features.size() == 2);
    const auto& a = l.features[0];
    // cs2cs EPSG:4547 -> EPSG:4490 of (532144.916, 3380578.250) is lon 114.335, lat 30.545.
    CHECK(a.geometry.points[0].x == Approx(114.335).margin(1e-6));
    CHECK(a.geometry.points[0].y == Approx(30.545).margin(1e-6));
    CHECK(a.attributes[0].toString() == QString::fromUtf8("东湖路菜市场"));
    CHECK(a.attributes[2].toLongLong() == 5000000000LL);
    CHECK(a.attributes[3].toDouble() == 1234.5);
    CHECK(a.attributes[4].toDate() == QDate(2021, 6, 1));
    CHECK(a.attributes[5].toDateTime().toUTC() ==
          QDateTime(QDate(2024, 3, 5), QTime(8, 30, 15), QTimeZone::utc()));
    for (std::size_t i = 1; i < 6; ++i)
        CHECK(l.features[1].attributes[i].isNull());
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{QStringLiteral("out.gpkg")});
}

TEST_CASE("writeVector keeps a layer's own CRS without a target and writes multi-parts",
          "[gis][writer]") {
    gis::initGdal();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto lines = std::make_shared<core::LayerData>();
    lines->name = QStringLiteral("lanes");
    lines->kind = core::GeometryKind::Line;
    lines->crsAuthId = QStringLiteral("EPSG:4547");
    lines->fields = {{QStringLiteral("name"), FieldType::String}};
    core::Feature single;
    single.geometry = core::Geometry::line({{532000, 3380000}, {532100, 3380000}});
    single.attributes = {QString::fromUtf8("青石巷")};
    core::Feature multi;
    multi.geometry = core::Geometry::line({{532000, 3380100}, {532100, 3380100}});
    multi.geometry.beginPart();
    multi.geometry.points.push_back({532200, 3380100});
    multi.geometry.points.push_back({532300, 3380150});
    multi.attributes = {QString::fromUtf8("柳荫里")};
    lines->features = {single, multi};

    const QString path = dir.filePath(QStringLiteral("lanes.geojson"));
    core::Feedback feedback;
    gis::writeVector(path, {lines}, {}, feedback);
    const auto back = gis::readLayersRaw(path);
    REQUIRE(back.size() == 1);
    CHECK(back[0]->source.driver == QLatin1String("GeoJSON"));
    CHECK(back[0]->crsAuthId == QLatin1String("EPSG:4547"));
    REQUIRE(back[0]->features.size() == 2);
    CHECK(back[0]->features[0].geometry.partCount() == 1);
    CHECK(back[0]->features[1].geometry.partCount() == 2);
    CHECK(back[0]->features[1].geometry.points[3] == core::Point{532300, 3380150});
    CHECK(back[0]->features[1].attributes[0].toString() == QString::fromUtf8("柳荫里"));
}

TEST_CASE("writeVector writes shapefiles as UTF-8 with a .cpg", "[gis][writer]") {
    gis::initGdal();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("places.shp"));
    core::Feedback feedback;
    gis::writeVector(path, {sampleLayer()}, {}, feedback);
    QFile cpg(dir.filePath(QStringLiteral("places.cpg")));
    REQUIRE(cpg.open(QIODevice::ReadOnly));
    CHECK(cpg.readAll().trimmed() == "UTF-8");
    const auto back = gis::readLayersRaw(path);
    REQUIRE(back.size() == 1);
    REQUIRE(back[0]->features.size() == 2);
    CHECK(back[0]->features[0].attributes[0].toString() == QString::fromUtf8("东湖路菜市场"));
    CHECK(back[0]->features[1].attributes[0].toString() == QString::fromUtf8("公共厕所"));
}

TEST_CASE("writeVector refuses what it cannot write, naming the file", "[gis][writer]") {
    gis::initGdal();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    core::Feedback feedback;

    const QString json = dir.filePath(QStringLiteral("two.geojson"));
    CHECK_THROWS_AS(
        gis::writeVector(json, {sampleLayer(QStringLiteral("a")), sampleLayer(QStringLiteral("b"))},
                         {}, feedback),
        core::FormatError);
    CHECK_FALSE(QFileInfo::exists(json));

    const QString unknown = dir.filePath(QStringLiteral("data.xyz"));
    try {
        gis::writeVector(unknown, {sampleLayer()}, {}, feedback);
        FAIL("no error for an unknown extension");
    } catch (const core::FormatError& e) {
        CHECK(e.message().contains(unknown));
        CHECK(e.message().contains(QStringLiteral(".gpkg")));
    }

    const QString missingFolder = dir.filePath(QStringLiteral("no/such/folder/out.gpkg"));
    try {
        gis::writeVector(missingFolder, {sampleLayer()}, {}, feedback);
        FAIL("no error for a missing folder");
    } catch (const core::IoError& e) {
        CHECK(e.message().contains(missingFolder));
    }

    CHECK_THROWS_AS(gis::writeVector(dir.filePath(QStringLiteral("none.gpkg")), {}, {}, feedback),
                    core::Error);
    CHECK(QDir(dir.path())
              .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
              .isEmpty());
}

TEST_CASE("writeVector is atomic: cancel or refusal leaves the old file untouched",
          "[gis][writer]") {
    gis::initGdal();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keep.gpkg"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("previous content");
    }

    // A big enough layer that the writer checks for cancellation mid-way.
    auto big = std::make_shared<core::LayerData>();
    big->name = QStringLiteral("points");
    big->kind = core::GeometryKind::Point;
    big->crsAuthId = QStringLiteral("EPSG:4547");
    big->fields = {{QStringLiteral("n"), FieldType::Integer}};
    for (int i = 0; i < 10000; ++i) {
        core::Feature f;
        f.geometry = core::Geometry::point({532000.0 + i, 3380000});
        f.attributes = {QVariant(qlonglong{i})};
        big->features.push_back(std::move(f));
    }
    core::Feedback feedback([&feedback](double percent, const QString&) {
        if (percent > 30)
            feedback.cancel();
    });
    CHECK_THROWS_AS(gis::writeVector(path, {big}, {}, feedback), core::OperationCanceled);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "previous content");
    f.close();

    core::Feedback plain;
    gis::WriteOptions noOverwrite;
    noOverwrite.overwrite = false;
    CHECK_THROWS_AS(gis::writeVector(path, {big}, noOverwrite, plain), core::IoError);
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{QStringLiteral("keep.gpkg")});

    gis::writeVector(path, {big}, {}, plain);
    const auto back = gis::readLayersRaw(path);
    REQUIRE(back.size() == 1);
    CHECK(back[0]->features.size() == 10000);
    CHECK(back[0]->features[9999].attributes[0].toLongLong() == 9999);
}

TEST_CASE("readLayersRaw names the file it cannot read", "[gis][reader]") {
    gis::initGdal();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.gpkg"));
    try {
        gis::readLayersRaw(missing);
        FAIL("no error for a missing file");
    } catch (const core::Error& e) {
        CHECK(e.code() == core::ErrorCode::NotFound);
        CHECK(e.message().contains(missing));
    }
    const QString junk = dir.filePath(QStringLiteral("junk.gpkg"));
    QFile f(junk);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("not a geopackage at all");
    f.close();
    CHECK_THROWS_AS(gis::readLayersRaw(junk), core::FormatError);
}

TEST_CASE("writeVector writes XLSX and KMZ-like zip formats despite its temporary folder",
          "[gis][writer]") {
    // GDAL's /vsizip/ takes the first ".xlsx" in a path for the archive, so the temporary
    // folder must not repeat the file name with its extension.
    gis::initGdal();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("places.xlsx"));
    auto table = std::make_shared<core::LayerData>(*sampleLayer());
    table->kind = core::GeometryKind::None;
    table->crsAuthId.clear();
    for (auto& f : table->features)
        f.geometry = core::Geometry{};
    core::Feedback feedback;
    gis::writeVector(path, {table}, {}, feedback);
    const auto back = gis::readLayersRaw(path);
    REQUIRE(back.size() == 1);
    REQUIRE(back[0]->features.size() == 2);
    CHECK(back[0]->features[0].attributes[0].toString() == QString::fromUtf8("东湖路菜市场"));
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{QStringLiteral("places.xlsx")});
}
