#include "core/store/campaign.h"
#include "core/store/campaign_schema.h"
#include "core/store/database.h"
#include "core/store/gpkg_geometry.h"
#include "core/store_test_support.h"
#include "core/util/error.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using namespace core;

TEST_CASE("Transaction rolls back unless committed", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sqlite"));
    Database db = Database::open(path, OpenMode::Create);
    db.configureForWriting();
    db.exec("CREATE TABLE t(v TEXT)");
    {
        Transaction tx(db);
        db.prepare("INSERT INTO t VALUES(?)").bind(1, QStringLiteral("lost")).exec();
    }
    CHECK(db.scalarInt("SELECT count(*) FROM t") == 0);
    {
        Transaction tx(db);
        db.prepare("INSERT INTO t VALUES(?)").bind(1, QStringLiteral("kept")).exec();
        tx.commit();
    }
    CHECK(db.scalarText("SELECT v FROM t") == QStringLiteral("kept"));
    CHECK(db.scalarText("PRAGMA journal_mode") == QStringLiteral("wal"));
    CHECK(db.scalarInt("PRAGMA synchronous") == 2); // FULL
    CHECK(db.scalarInt("PRAGMA foreign_keys") == 1);
    CHECK(db.scalarInt("PRAGMA busy_timeout") == 10000);
}

TEST_CASE("Statements are cached and nested use gets a second handle", "[store]") {
    QTemporaryDir dir;
    Database db = Database::open(dir.filePath(QStringLiteral("t.sqlite")), OpenMode::Create);
    db.exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES(1),(2),(3)");
    auto outer = db.prepare("SELECT v FROM t ORDER BY v");
    int sum = 0;
    while (outer.step()) {
        auto inner = db.prepare("SELECT v FROM t ORDER BY v");
        REQUIRE(inner.step());
        sum += static_cast<int>(outer.int64(0) * inner.int64(0));
    }
    CHECK(sum == 6);
    // Text with quotes and SQL is bound, never spliced.
    const QString nasty = QStringLiteral("'); DROP TABLE t; --\" 王'五");
    db.exec("CREATE TABLE s(v TEXT)");
    db.prepare("INSERT INTO s VALUES(?)").bind(1, nasty).exec();
    CHECK(db.scalarText("SELECT v FROM s") == nasty);
    CHECK(db.tableExists(QStringLiteral("t")));
}

TEST_CASE("GeoPackage geometry blobs round-trip", "[store][gpkg]") {
    const Geometry pt = Geometry::point({120.15, 30.25});
    const QByteArray b = encodeGpkgGeometry(pt, 4490, GpkgGeometryType::Point);
    REQUIRE(b.size() == 8 + 21); // header without envelope + WKB point
    CHECK(b.left(3) == QByteArray("GP\0", 3));
    std::int32_t srs = 0;
    const Geometry back = decodeGpkgGeometry(b, QStringLiteral("t"), &srs);
    CHECK(srs == 4490);
    REQUIRE(back.points.size() == 1);
    CHECK(back.points[0] == Point{120.15, 30.25});

    Geometry mp;
    mp.kind = GeometryKind::Polygon;
    for (double off : {0.0, 10.0}) {
        mp.beginPolygon();
        mp.beginPart();
        for (auto p : {Point{off, 0}, Point{off + 2, 0}, Point{off + 2, 2}, Point{off, 0}})
            mp.points.push_back(p);
    }
    CHECK(narrowestGpkgType(mp) == GpkgGeometryType::MultiPolygon);
    CHECK_THROWS_AS(encodeGpkgGeometry(mp, 4547, GpkgGeometryType::Polygon), GeometryError);
    const QByteArray mb = encodeGpkgGeometry(mp, 4547, GpkgGeometryType::MultiPolygon);
    CHECK(static_cast<unsigned char>(mb[3]) == 0x03); // little-endian, xy envelope
    const Geometry mback = decodeGpkgGeometry(mb, QStringLiteral("t"));
    CHECK(mback.polygons.size() == 2);
    CHECK(mback.points.size() == 8);
    CHECK(planarArea(mback) == Approx(4.0)); // two right triangles of 2 m²
    CHECK_THROWS_AS(decodeGpkgGeometry(QByteArray("junkjunkjunk"), QStringLiteral("layer x")),
                    FormatError);
}

TEST_CASE("A new campaign is a GeoPackage with our schema", "[store][gpkg]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    {
        Campaign c = Campaign::create(path, testing::campaignOptions());
        CHECK(c.schemaVersion() == latestCampaignSchemaVersion());
        CHECK(c.name() == QStringLiteral("西湖区 2027 春季测评"));
        CHECK(c.workingCrs().authId == QStringLiteral("EPSG:4547"));
        CHECK(c.workingCrs().wkt.contains(QStringLiteral("central_meridian\",114")));
        CHECK(c.taxonomy().types().size() == 44);
        CHECK(c.database().scalarInt("PRAGMA application_id") == 0x47504B47);
        CHECK(c.database().scalarInt("PRAGMA user_version") == 10200);
        CHECK(c.database().scalarInt("SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN "
                                     "(-1,0,4326,4490,4547)") == 5);
        CHECK(c.check().isEmpty());
    }
    CHECK_THROWS_AS(Campaign::create(path, testing::campaignOptions()), Error);
}

TEST_CASE("A layer is written as a feature table and read back", "[store][gpkg]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    LayerData l;
    l.name = QStringLiteral("背街小巷 roads");
    l.kind = GeometryKind::Line;
    l.crsAuthId = QStringLiteral("EPSG:4547");
    l.fields = {{QStringLiteral("名称"), FieldType::String},
                {QStringLiteral("lanes"), FieldType::Integer},
                {QStringLiteral("width"), FieldType::Real},
                {QStringLiteral("FID"), FieldType::Integer}};
    Feature f1;
    f1.fid = 7;
    f1.geometry = Geometry::line({{500000, 3300000}, {500100, 3300050}});
    f1.attributes = {QStringLiteral("解放路"), 2, 7.5, 99};
    Feature f2;
    f2.fid = 9;
    f2.geometry = Geometry::line({{500200, 3300000}, {500300, 3300000}});
    f2.attributes = {QStringLiteral("O'Brien \"St\"; DROP"), QVariant(), QVariant(), QVariant()};
    l.features = {f1, f2};
    const QString table = c.importLayer(l, Box{120.0, 30.0, 120.1, 30.1});
    CHECK(table == QStringLiteral("背街小巷_roads"));
    CHECK(c.layerTables() == QStringList{table});
    const LayerData back = c.readLayer(table);
    CHECK(back.name == l.name);
    CHECK(back.kind == GeometryKind::Line);
    CHECK(back.crsAuthId == QStringLiteral("EPSG:4547"));
    REQUIRE(back.fields.size() == 4);
    CHECK(back.fields[3].name == QStringLiteral("FID_2")); // clashes with the primary key
    REQUIRE(back.features.size() == 2);
    CHECK(back.features[0].fid == 7);
    CHECK(back.features[0].geometry.points == f1.geometry.points);
    CHECK(back.text(0, 0) == QStringLiteral("解放路"));
    CHECK(back.features[0].attributes[1].toLongLong() == 2);
    CHECK(back.features[0].attributes[2].toDouble() == 7.5);
    CHECK(back.text(1, 0) == QStringLiteral("O'Brien \"St\"; DROP"));
    CHECK(back.features[1].attributes[1].isNull());
    CHECK(c.districtExtent().minX == 120.0);
    // Importing a layer of the same name keeps both.
    CHECK(c.importLayer(l) == QStringLiteral("背街小巷_roads_2"));
}

TEST_CASE("A garbage file named .gpkg is refused naming the file", "[store][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.gpkg"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    const QByteArray before = testing::fileSha256(path);
    try {
        Campaign::open(path);
        FAIL("opened garbage");
    } catch (const FormatError& e) {
        CHECK(e.message().contains(path));
        CHECK(e.message().contains(QStringLiteral("not a PeriSurvey campaign")));
    }
    CHECK(testing::fileSha256(path) == before);
    CHECK_THROWS_AS(Campaign::open(dir.filePath(QStringLiteral("missing.gpkg"))), Error);
}

TEST_CASE("A plain GeoPackage that is not a campaign is refused untouched", "[store][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain.gpkg"));
    {
        Database db = Database::open(path, OpenMode::Create);
        db.exec("PRAGMA application_id=1196444487; CREATE TABLE x(a)");
    }
    const QByteArray before = testing::fileSha256(path);
    CHECK_THROWS_WITH(Campaign::open(path), Catch::Contains("a GeoPackage but not a PeriSurvey"));
    CHECK(testing::fileSha256(path) == before);
}

TEST_CASE("A campaign from a newer schema is refused and left byte-identical", "[store][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.gpkg"));
    {
        Campaign c = Campaign::create(path, testing::campaignOptions());
        c.setMeta(QStringLiteral("schema_version"),
                  QString::number(latestCampaignSchemaVersion() + 5));
    }
    REQUIRE_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    const QByteArray before = testing::fileSha256(path);
    CHECK_THROWS_WITH(Campaign::open(path), Catch::Contains("newer PeriSurvey"));
    CHECK_THROWS_WITH(Campaign::open(path, OpenMode::ReadOnly),
                      Catch::Contains("newer PeriSurvey"));
    CHECK(testing::fileSha256(path) == before);
    CHECK_FALSE(QFileInfo::exists(
        path + QStringLiteral(".bak-v%1").arg(latestCampaignSchemaVersion() + 5)));
}

TEST_CASE("The first-schema fixture is upgraded after a backup", "[store][migration]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.gpkg"));
    REQUIRE(QFile::copy(testing::fixture(QStringLiteral("campaign_v1.gpkg")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray original = testing::fileSha256(path);
    Campaign c = Campaign::open(path);
    CHECK(c.schemaVersion() == latestCampaignSchemaVersion());
    const QString bak = path + QStringLiteral(".bak-v1");
    REQUIRE(QFileInfo::exists(bak));
    CHECK(testing::fileSha256(bak) != QByteArray()); // a readable copy
    {
        Database old = Database::open(bak, OpenMode::ReadOnly);
        CHECK(readSchemaVersion(old) == 1);
        CHECK(old.scalarInt("SELECT count(*) FROM defects") == 2);
        // An old file opened read-only cannot be upgraded, and says so.
        CHECK_THROWS_WITH(Campaign::open(bak, OpenMode::ReadOnly), Catch::Contains("read-only"));
    }
    CHECK(original != testing::fileSha256(path)); // the file itself moved on
    CHECK(c.defectCount() == 2);
    const auto all = c.defects();
    REQUIRE(all.size() == 2);
    CHECK(all[0].code == QStringLiteral("EN-01"));
    CHECK(all[0].description == QStringLiteral("路边暴露垃圾"));
    CHECK(c.verifyAudit().ok);
    // The upgraded campaign takes cards.
    const Card card = c.issueCard(all[0].uuid, std::nullopt, QStringLiteral("t"), {});
    CHECK(card.colour == CardColour::White);
    CHECK(c.check().isEmpty());
}

// Regenerates tests/data/campaign_v1.gpkg (run by hand: test_store "[.make-fixture]").
TEST_CASE("make the first-schema fixture", "[.make-fixture]") {
    const QString path = testing::fixture(QStringLiteral("campaign_v1.gpkg"));
    QFile::remove(path);
    {
        Campaign c = Campaign::create(path, testing::campaignOptions(1));
        c.addDefect(testing::defectAt(120.15, 30.25));
        c.addDefect(testing::defectAt(120.16, 30.26, QStringLiteral("RD-04")));
        c.database().exec("PRAGMA journal_mode=DELETE");
    }
    CHECK(QFileInfo(path).size() > 0);
}
