#include "core/photo_test_support.h"
#include "core/store/campaign.h"
#include "core/store_test_support.h"
#include "core/util/error.h"
#include "gis/io/exif_reader.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>

using namespace core;

namespace {

PhotoInput photoOf(const QByteArray& bytes, const QString& name) {
    PhotoInput p;
    p.data = bytes;
    p.originalName = name;
    const gis::ExifInfo exif = gis::readExif(bytes);
    p.exifTime = exif.time;
    p.exifLonLat = exif.lonLat;
    return p;
}

// A campaign whose district is a small box around 120.15, 30.25 (Hangzhou).
Campaign districtCampaign(const QString& path) {
    Campaign c = Campaign::create(path, testing::campaignOptions());
    LayerData l;
    l.name = QStringLiteral("boundary");
    l.kind = GeometryKind::Polygon;
    l.crsAuthId = QStringLiteral("EPSG:4547");
    Feature f;
    f.fid = 1;
    f.geometry = Geometry::polygon({{610000, 3345000}, {620000, 3345000}, {620000, 3355000}});
    l.features = {f};
    c.importLayer(l, Box{120.10, 30.20, 120.20, 30.30});
    return c;
}

} // namespace

TEST_CASE("EXIF time, GPS and orientation are read from a JPEG", "[store][photo]") {
    const QByteArray img =
        testing::jpeg(40, 20, testing::exifBlock(6, "2027:03:15 10:20:30", 30.25, 120.15));
    const gis::ExifInfo exif = gis::readExif(img);
    CHECK(exif.orientation == 6);
    CHECK(exif.time == QDateTime(QDate(2027, 3, 15), QTime(2, 20, 30), QTimeZone::utc()));
    REQUIRE(exif.lonLat);
    CHECK(exif.lonLat->x == Approx(120.15).margin(1e-6));
    CHECK(exif.lonLat->y == Approx(30.25).margin(1e-6));
    const gis::ExifInfo none = gis::readExif(testing::jpeg(8, 8));
    CHECK_FALSE(none.lonLat);
    CHECK_FALSE(none.time.isValid());
    CHECK_FALSE(gis::readExif(QByteArray("not an image")).lonLat);
}

TEST_CASE("A photo places a defect, dates it and is stored with an upright thumbnail",
          "[store][photo]") {
    QTemporaryDir dir;
    Campaign c = districtCampaign(dir.filePath(QStringLiteral("c.gpkg")));
    NewDefect in;
    in.code = QStringLiteral("WS-02");
    in.inspector = QStringLiteral("王五");
    in.photos.push_back(photoOf(
        testing::jpeg(400, 200, testing::exifBlock(6, "2027:03:15 10:20:30", 30.25, 120.15)),
        QStringLiteral("IMG_0001.JPG")));
    const Defect d = c.addDefect(in);
    CHECK(d.lonLat.x == Approx(120.15).margin(1e-6));
    CHECK(d.observedAt == QDateTime(QDate(2027, 3, 15), QTime(2, 20, 30), QTimeZone::utc()));
    const auto photos = c.photos(d.id);
    REQUIRE(photos.size() == 1);
    CHECK(photos[0].originalName == QStringLiteral("IMG_0001.JPG"));
    CHECK(photos[0].mime == QStringLiteral("image/jpeg"));
    CHECK(photos[0].width == 200); // orientation 6: stored landscape, shown portrait
    CHECK(photos[0].height == 400);
    CHECK(photos[0].sha256.size() == 64);
    const QImage thumb = QImage::fromData(c.photoData(photos[0].id, true));
    CHECK(thumb.width() == 160);
    CHECK(thumb.height() == 320);
    CHECK(c.photoData(photos[0].id) == in.photos[0].data);

    // The same photo again is detected and changes nothing.
    NewDefect again = testing::defectAt(120.15, 30.25);
    again.photos = in.photos;
    CHECK_THROWS_WITH(c.addDefect(again), Catch::Contains("IMG_0001.JPG is already stored") &&
                                              Catch::Contains(d.uuid.toStdString()));
    CHECK(c.defectCount() == 1);
    // A file that is not an image.
    NewDefect notImage = testing::defectAt(120.15, 30.25);
    notImage.photos.push_back(
        photoOf(QByteArray("%PDF-1.4 not a photo"), QStringLiteral("scan.pdf")));
    CHECK_THROWS_WITH(c.addDefect(notImage),
                      Catch::Contains("scan.pdf is not a JPEG or PNG image"));
    CHECK(c.defectCount() == 1);
    // A photo without GPS and no coordinates: no location.
    NewDefect noGps;
    noGps.code = QStringLiteral("EN-01");
    noGps.photos.push_back(photoOf(testing::jpeg(10, 10, {}, 7), QStringLiteral("nogps.jpg")));
    CHECK_THROWS_WITH(c.addDefect(noGps), Catch::Contains("has no location"));
    CHECK(c.verifyAudit().ok);
}

TEST_CASE("Bad defect input gets one clear message and changes nothing", "[store][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    Campaign c = districtCampaign(path);
    const auto auditBefore = c.verifyAudit().entries;
    CHECK_THROWS_WITH(c.addDefect(testing::defectAt(120.15, 30.25, QStringLiteral("XX-01"))),
                      Catch::Contains("unknown defect code \"XX-01\""));
    CHECK_THROWS_WITH(c.addDefect(testing::defectAt(120.15, 95)),
                      Catch::Contains("latitude 95 is out of range"));
    CHECK_THROWS_WITH(c.addDefect(testing::defectAt(200, 30)),
                      Catch::Contains("longitude 200 is out of range"));
    CHECK_THROWS_WITH(c.addDefect(testing::defectAt(120.30, 30.25)),
                      Catch::Contains("km outside the district") &&
                          Catch::Contains(path.toStdString()));
    CHECK(c.defectCount() == 0);
    CHECK(c.verifyAudit().entries == auditBefore);
    // 4 km outside is accepted; 9.6 km outside only when forced.
    CHECK_NOTHROW(c.addDefect(testing::defectAt(120.24, 30.25)));
    NewDefect forced = testing::defectAt(120.30, 30.25);
    forced.forceLocation = true;
    CHECK_NOTHROW(c.addDefect(forced));
    CHECK(c.defectCount() == 2);
}

TEST_CASE("Text with quotes and SQL is stored verbatim", "[store][fault]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    NewDefect in = testing::defectAt(120.15, 30.25);
    in.description = QStringLiteral("门口'堆物'); DROP TABLE defects; -- \"x\" %_ \\ 😀");
    in.inspector = QStringLiteral("O'Neil; DELETE FROM ps_audit");
    const Defect d = c.addDefect(in);
    const Defect back = c.requireDefect(d.uuid);
    CHECK(back.description == in.description);
    CHECK(back.inspector == in.inspector);
    CHECK(c.defects({.code = QStringLiteral("EN-01")}).size() == 1);
    CHECK(c.verifyAudit().ok);
    CHECK(c.check().isEmpty());
}

TEST_CASE("A read-only campaign refuses changes and stays identical", "[store][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    {
        Campaign::create(path, testing::campaignOptions())
            .addDefect(testing::defectAt(120.15, 30.25));
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    const QByteArray before = testing::fileSha256(path);
    {
        // root ignores permission bits, so also ask for read-only explicitly.
        Campaign c = Campaign::open(path, OpenMode::ReadOnly);
        CHECK(c.defectCount() == 1);
        CHECK_THROWS_WITH(c.addDefect(testing::defectAt(120.15, 30.25)),
                          Catch::Contains("read-only") && Catch::Contains(path.toStdString()));
        CHECK_THROWS_AS(c.addDefect(testing::defectAt(120.15, 30.25)), IoError);
        CHECK(c.defectCount() == 1);
    }
    CHECK(testing::fileSha256(path) == before);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

TEST_CASE("A full disk fails one defect cleanly and keeps the rest", "[store][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    Campaign c = Campaign::create(path, testing::campaignOptions());
    c.addDefect(testing::defectAt(120.15, 30.25));
    // A size-limited file: SQLite reports SQLITE_FULL exactly as on a full disk.
    const auto pages = c.database().scalarInt("PRAGMA page_count");
    c.database().exec("PRAGMA max_page_count=" + std::to_string(pages + 4));
    NewDefect big = testing::defectAt(120.15, 30.25);
    big.photos.push_back(photoOf(testing::jpeg(1600, 1200, {}, 3), QStringLiteral("big.jpg")));
    try {
        c.addDefect(big);
        FAIL("a 100 KB photo fitted into 4 pages");
    } catch (const IoError& e) {
        CHECK(e.message().contains(QStringLiteral("disk full")));
        CHECK(e.message().contains(path));
    }
    CHECK(c.defectCount() == 1);
    CHECK(c.check().isEmpty());
    c.database().exec("PRAGMA max_page_count=1073741823");
    CHECK_NOTHROW(c.addDefect(big));
    CHECK(c.defectCount() == 2);
}

// ---------------------------------------------------------------------------------------------
// Several processes: this executable re-runs itself with a hidden test case as the writer.

TEST_CASE("writer child process", "[.writer]") {
    const QString path = qEnvironmentVariable("PS_WRITER_FILE");
    const int count = qEnvironmentVariableIntValue("PS_WRITER_COUNT");
    REQUIRE_FALSE(path.isEmpty());
    Campaign c = Campaign::open(path);
    for (int i = 0; i < count; ++i) {
        NewDefect in = testing::defectAt(120.15 + i * 1e-6, 30.25);
        in.inspector = QStringLiteral("child");
        const Defect d = c.addDefect(in);
        // Printed only after the commit returned: an acknowledged defect.
        std::printf("ack %s\n", d.uuid.toLatin1().constData());
        std::fflush(stdout);
    }
}

namespace {

QProcess* startWriter(const QString& path, int count) {
    auto* p = new QProcess;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PS_WRITER_FILE"), path);
    env.insert(QStringLiteral("PS_WRITER_COUNT"), QString::number(count));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p->setProcessEnvironment(env);
    p->start(QCoreApplication::applicationFilePath(), {QStringLiteral("[.writer]")});
    return p;
}

QStringList acks(const QByteArray& out) {
    QStringList ids;
    for (const auto& line : out.split('\n'))
        if (line.startsWith("ack "))
            ids << QString::fromLatin1(line.mid(4).trimmed());
    return ids;
}

} // namespace

TEST_CASE("Two processes writing at once both succeed and lose nothing", "[store][fault][slow]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    { Campaign::create(path, testing::campaignOptions()); }
    std::unique_ptr<QProcess> child(startWriter(path, 150));
    REQUIRE(child->waitForStarted());
    Campaign c = Campaign::open(path);
    int mine = 0;
    for (; mine < 150; ++mine)
        c.addDefect(testing::defectAt(120.16, 30.26 + mine * 1e-6));
    REQUIRE(child->waitForFinished(120000));
    CHECK(child->exitCode() == 0);
    CHECK(acks(child->readAllStandardOutput()).size() == 150);
    CHECK(c.defectCount() == 300);
    CHECK(c.verifyAudit().entries == 301); // 300 defects + the campaign's creation
    CHECK(c.check().isEmpty());
}

TEST_CASE("A writer killed with SIGKILL loses no acknowledged defect", "[store][fault][slow]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    { Campaign::create(path, testing::campaignOptions()); }
    std::unique_ptr<QProcess> child(startWriter(path, 1000));
    REQUIRE(child->waitForStarted());
    QByteArray out;
    while (acks(out).size() < 200 && child->state() == QProcess::Running) {
        child->waitForReadyRead(5000);
        out += child->readAllStandardOutput();
    }
    child->kill(); // SIGKILL on Unix
    REQUIRE(child->waitForFinished(10000));
    out += child->readAllStandardOutput();
    CHECK(child->exitStatus() == QProcess::CrashExit);
    const QStringList acknowledged = acks(out);
    REQUIRE(acknowledged.size() >= 200);
    REQUIRE(acknowledged.size() < 1000);

    Campaign c = Campaign::open(path);
    CHECK(c.check().isEmpty());
    QSet<QString> stored;
    for (const auto& d : c.defects())
        stored.insert(d.uuid);
    int missing = 0;
    for (const auto& id : acknowledged)
        missing += stored.contains(id) ? 0 : 1;
    CHECK(missing == 0);
    CHECK(stored.size() >= acknowledged.size());
    CHECK(c.verifyAudit().ok);
}

TEST_CASE("A defect's unit is suggested from its code and the sub-district containing it",
          "[store]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    LayerData l;
    l.name = QStringLiteral("街道");
    l.kind = GeometryKind::Polygon;
    l.crsAuthId = QStringLiteral("EPSG:4547");
    l.fields = {{QStringLiteral("名称"), FieldType::String}};
    Feature west, east;
    west.fid = 1;
    west.geometry = Geometry::polygon({{0, 0}, {100, 0}, {100, 100}, {0, 100}});
    west.attributes = {QStringLiteral("水果湖街道")};
    east.fid = 2;
    east.geometry = Geometry::polygon({{100, 0}, {200, 0}, {200, 100}, {100, 100}});
    east.attributes = {QStringLiteral("中南路")};
    l.features = {west, east};
    const QString table = c.importLayer(l);
    c.setMeta(QStringLiteral("subdistrict_layer"), table);
    c.setMeta(QStringLiteral("subdistrict_name_field"), QStringLiteral("名称"));

    auto at = [&](double x, const QString& code) {
        NewDefect in = testing::defectAt(120.15, 30.25, code);
        in.working = Point{x, 50};
        return c.unit(*c.addDefect(in).unitId);
    };
    const auto w = at(50, QStringLiteral("EN-01")); // STREET_OFFICE
    REQUIRE(w);
    CHECK(w->name == QStringLiteral("水果湖街道办事处"));
    CHECK(w->area == QStringLiteral("水果湖街道"));
    CHECK(at(150, QStringLiteral("EN-05"))->name == QStringLiteral("中南路街道办事处"));
    CHECK(at(60, QStringLiteral("EN-05"))->id == w->id); // same office reused
    const auto lamp = at(60, QStringLiteral("LT-01"));
    CHECK(lamp->kind == UnitKind::Streetlight);
    CHECK(lamp->name == QStringLiteral("路灯所"));
    CHECK(c.units().size() == 3);
    // An explicit unit wins; an unknown one is refused.
    NewDefect given = testing::defectAt(120.15, 30.25, QStringLiteral("EN-01"));
    given.unitId = lamp->id;
    CHECK(c.addDefect(given).unitId == lamp->id);
    // A wrong suggestion is corrected, and the change is audited.
    const Defect moved = c.setDefectUnit(QString::number(1), lamp->id, QStringLiteral("组长"),
                                         QStringLiteral("路灯问题"));
    CHECK(moved.unitId == lamp->id);
    const auto trail = c.auditTrail(moved.uuid);
    CHECK(trail.back().field == QStringLiteral("unit_id"));
    CHECK(trail.back().oldValue == QString::number(w->id));
    CHECK(trail.back().reason == QStringLiteral("路灯问题"));
    CHECK_THROWS_AS(c.setDefectUnit(moved.uuid, 999, QStringLiteral("x"), {}), Error);
    given.unitId = 999;
    CHECK_THROWS_WITH(c.addDefect(given), Catch::Contains("responsible unit 999 does not exist"));
}
