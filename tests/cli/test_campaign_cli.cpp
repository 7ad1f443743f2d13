#include "app/cli/campaign_cli_support.h"
#include "core/photo_test_support.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "gis/layers/layer_loader.h"
#include "support/cli_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <map>

namespace {

using Result = testing::CliResult;

Result run(const QStringList& argv) {
    return testing::runCliCommand(argv);
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

QString validateScript() {
    for (const char* p : {"/usr/share/doc/python3-gdal/examples/validate_gpkg.py",
                          "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"})
        if (QFileInfo::exists(QString::fromLatin1(p)))
            return QString::fromLatin1(p);
    return {};
}

Result tool(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    Result r;
    if (!p.waitForFinished(60000))
        return r;
    r.rc = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

TEST_CASE("campaign new, defect add and list make a valid GeoPackage", "[cli][campaign]") {
    gis::initGdal();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("c.gpkg"));
    const QString osm = testing::fixture(QStringLiteral("osm_six_kinds.osm"));
    Result r =
        run({QStringLiteral("campaign"), QStringLiteral("new"), file, QStringLiteral("--name"),
             QStringLiteral("武昌区 2027 春季测评"), QStringLiteral("--import"), osm});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    CHECK(r.out.contains(QStringLiteral("EPSG:4547")));
    CHECK_FALSE(QFileInfo::exists(file + QStringLiteral(".part")));

    r = run({QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
             QStringLiteral("EN-01"), QStringLiteral("--lon"), QStringLiteral("114.3010"),
             QStringLiteral("--lat"), QStringLiteral("30.5812"), QStringLiteral("--note"),
             QStringLiteral("市场门口暴露垃圾"), QStringLiteral("--inspector"),
             QStringLiteral("张三"), QStringLiteral("--attach"), QStringLiteral("anchor:1001")});
    REQUIRE(r.rc == 0);
    r = run({QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
             QStringLiteral("RD-01"), QStringLiteral("--lon"), QStringLiteral("114.3020"),
             QStringLiteral("--lat"), QStringLiteral("30.5800")});
    REQUIRE(r.rc == 0);
    const QString photo = writeFile(
        dir, QStringLiteral("IMG_0420.jpg"),
        testing::jpeg(64, 48, testing::exifBlock(1, "2027:03:15 10:20:30", 30.5805, 114.3030)));
    r = run({QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
             QStringLiteral("AD-03"), QStringLiteral("--photo"), photo, QStringLiteral("--json")});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    const QString photoDefect =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("uuid")).toString();
    CHECK(photoDefect.size() == 36);

    r = run({QStringLiteral("defect"), QStringLiteral("list"), file, QStringLiteral("--json")});
    REQUIRE(r.rc == 0);
    const QJsonArray all = QJsonDocument::fromJson(r.out.toUtf8()).array();
    REQUIRE(all.size() == 3);
    CHECK(all[0].toObject().value(QLatin1String("description")).toString() ==
          QStringLiteral("市场门口暴露垃圾"));
    CHECK(all[0].toObject().value(QLatin1String("attached")).toString() ==
          QStringLiteral("anchor:1001"));
    // Working-CRS x/y: CM 114E, so 114.301 E lies ~28.9 km east of the 500 km false easting.
    CHECK(all[0].toObject().value(QLatin1String("x")).toDouble() == Approx(528'900).margin(300));
    CHECK(all[2].toObject().value(QLatin1String("lon")).toDouble() ==
          Approx(114.3030).margin(1e-6));
    r = run({QStringLiteral("defect"), QStringLiteral("list"), file, QStringLiteral("--code"),
             QStringLiteral("rd-01")});
    CHECK(r.out.contains(QStringLiteral("1 defect(s)")));
    CHECK(r.out.contains(QStringLiteral("路面坑洼破损")));

    r = run({QStringLiteral("campaign"), QStringLiteral("check"), file});
    CHECK(r.rc == 0);
    CHECK(r.out.startsWith(QStringLiteral("ok:")));

    const QString script = validateScript();
    if (!script.isEmpty()) {
        const Result v = tool(QStringLiteral("python3"), {script, file});
        INFO(v.out.toStdString() << v.err.toStdString());
        CHECK(v.rc == 0);
        CHECK(v.out.trimmed().isEmpty());
    } else {
        WARN("validate_gpkg.py not found; GeoPackage validation skipped");
    }
    if (!QStandardPaths::findExecutable(QStringLiteral("ogrinfo")).isEmpty()) {
        const Result o = tool(QStringLiteral("ogrinfo"),
                              {QStringLiteral("-ro"), QStringLiteral("-al"), QStringLiteral("-q"),
                               file, QStringLiteral("defects")});
        CHECK(o.rc == 0);
        CHECK(o.out.contains(QStringLiteral("市场门口暴露垃圾")));
        CHECK(o.out.contains(QStringLiteral("乱贴乱画/小广告")));
        CHECK(o.out.contains(QStringLiteral("POINT (114.301 30.5812)")));
        CHECK_FALSE(o.err.contains(QStringLiteral("Warning")));
        const Result layers =
            tool(QStringLiteral("ogrinfo"), {QStringLiteral("-ro"), QStringLiteral("-q"), file});
        CHECK(layers.out.contains(QStringLiteral("defects (Point)")));
        CHECK(layers.out.count(QLatin1Char('\n')) >= 3); // district layers + defects + tables
    }
}

TEST_CASE("A yellow card taken to 销号 by CLI leaves a verifiable trail, and a hand edit breaks it",
          "[cli][campaign]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("c.gpkg"));
    REQUIRE(run({QStringLiteral("campaign"), QStringLiteral("new"), file, QStringLiteral("--name"),
                 QStringLiteral("t"), QStringLiteral("--crs"), QStringLiteral("EPSG:4547")})
                .rc == 0);
    Result r = run({QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
                    QStringLiteral("EN-01"), QStringLiteral("--lon"), QStringLiteral("114.3"),
                    QStringLiteral("--lat"), QStringLiteral("30.58"), QStringLiteral("--json")});
    REQUIRE(r.rc == 0);
    const QString id =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("uuid")).toString();
    auto card = [&](const QString& action, QStringList extra = {}) {
        return run(QStringList{QStringLiteral("card"), action, file, id} + extra);
    };
    r = card(QStringLiteral("issue"), {QStringLiteral("--colour"), QStringLiteral("yellow"),
                                       QStringLiteral("--reason"), QStringLiteral("模拟测评发现")});
    REQUIRE(r.rc == 0);
    CHECK(r.out.contains(QStringLiteral("黄卡 发卡")));
    r = card(QStringLiteral("close"));
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("re-check")));
    CHECK(r.err.count(QLatin1Char('\n')) == 1);
    for (int i = 0; i < 3; ++i)
        REQUIRE(card(QStringLiteral("advance")).rc == 0);
    CHECK(card(QStringLiteral("return"), {QStringLiteral("--reason"), QStringLiteral("复核不合格")})
              .out.contains(QStringLiteral("整改")));
    REQUIRE(card(QStringLiteral("advance")).rc == 0);
    const QString after = writeFile(dir, QStringLiteral("after.jpg"), testing::jpeg(32, 32, {}, 9));
    r = card(QStringLiteral("advance"), {QStringLiteral("--photo"), after,
                                         QStringLiteral("--reason"), QStringLiteral("复核合格")});
    REQUIRE(r.rc == 0);
    CHECK(r.out.contains(QStringLiteral("复核")));
    r = card(QStringLiteral("close"), {QStringLiteral("--reason"), QStringLiteral("销号")});
    REQUIRE(r.rc == 0);
    CHECK(r.out.contains(QStringLiteral("销号")));
    r = run({QStringLiteral("defect"), QStringLiteral("list"), file, QStringLiteral("--status"),
             QStringLiteral("销号")});
    CHECK(r.out.contains(QStringLiteral("1 defect(s)")));

    r = run({QStringLiteral("audit"), QStringLiteral("verify"), file});
    CHECK(r.rc == 0);
    CHECK(r.out.contains(QStringLiteral("intact")));
    {
        core::Campaign c = core::Campaign::open(file, core::OpenMode::ReadOnly);
        const auto trail = c.auditTrail(id);
        CHECK(trail.size() ==
              12); // create, issue x3, advance x3, return, advance x2 + photo, close
        CHECK(c.photos(c.requireDefect(id).id).back().role == QStringLiteral("after"));
    }
    const QString backup = dir.filePath(QStringLiteral("copy.gpkg"));
    REQUIRE(run({QStringLiteral("campaign"), QStringLiteral("backup"), file, backup}).rc == 0);
    CHECK(run({QStringLiteral("audit"), QStringLiteral("verify"), backup}).rc == 0);

    // A hand edit with the sqlite3 shell (dropping the guard trigger first) is detected.
    if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty()) {
        WARN("sqlite3 shell not found; hand-edit check skipped");
        return;
    }
    const Result edit =
        tool(QStringLiteral("sqlite3"),
             {file, QStringLiteral("DROP TRIGGER ps_audit_no_update; UPDATE ps_audit SET "
                                   "reason='无' WHERE seq=3;")});
    REQUIRE(edit.rc == 0);
    r = run({QStringLiteral("audit"), QStringLiteral("verify"), file});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("BROKEN at audit entry 3")));
    r = run({QStringLiteral("campaign"), QStringLiteral("check"), file});
    CHECK(r.rc == 2);
    CHECK(run({QStringLiteral("audit"), QStringLiteral("verify"), backup}).rc == 0);
    // With the trigger in place, an edit is refused outright.
    const Result refused = tool(QStringLiteral("sqlite3"),
                                {backup, QStringLiteral("DELETE FROM ps_audit WHERE seq=2;")});
    CHECK(refused.rc != 0);
    CHECK(refused.err.contains(QStringLiteral("append-only")));
}

TEST_CASE("CLI errors exit 2 with one line naming the file or field", "[cli][campaign]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("c.gpkg"));
    REQUIRE(run({QStringLiteral("campaign"), QStringLiteral("new"), file, QStringLiteral("--name"),
                 QStringLiteral("t"), QStringLiteral("--crs"), QStringLiteral("EPSG:4547")})
                .rc == 0);
    const QByteArray before = [&] {
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    struct Case {
        QStringList argv;
        const char* expect;
    };
    const QString junk = writeFile(dir, QStringLiteral("junk.gpkg"), QByteArray(2048, 'z'));
    const QString pdf = writeFile(dir, QStringLiteral("scan.jpg"), QByteArray("%PDF-1.4"));
    const std::vector<Case> cases{
        {{QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
          QStringLiteral("ZZ-9"), QStringLiteral("--lon"), QStringLiteral("114.3"),
          QStringLiteral("--lat"), QStringLiteral("30.5")},
         "unknown defect code \"ZZ-9\""},
        {{QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
          QStringLiteral("EN-01"), QStringLiteral("--lon"), QStringLiteral("114.3"),
          QStringLiteral("--lat"), QStringLiteral("91")},
         "latitude 91 is out of range"},
        {{QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
          QStringLiteral("EN-01"), QStringLiteral("--lon"), QStringLiteral("abc"),
          QStringLiteral("--lat"), QStringLiteral("30")},
         "--lon takes a number"},
        {{QStringLiteral("defect"), QStringLiteral("add"), file, QStringLiteral("--code"),
          QStringLiteral("EN-01"), QStringLiteral("--lon"), QStringLiteral("114.3"),
          QStringLiteral("--lat"), QStringLiteral("30.5"), QStringLiteral("--photo"), pdf},
         "scan.jpg is not a JPEG or PNG image"},
        {{QStringLiteral("defect"), QStringLiteral("list"), junk},
         "junk.gpkg is not a PeriSurvey campaign"},
        {{QStringLiteral("defect"), QStringLiteral("list"), file, QStringLiteral("--card"),
          QStringLiteral("green")},
         "--card must be white, yellow or red"},
        {{QStringLiteral("card"), QStringLiteral("issue"), file, QStringLiteral("nope-0000")},
         "has no defect nope-0000"},
        {{QStringLiteral("campaign"), QStringLiteral("new"), file, QStringLiteral("--name"),
          QStringLiteral("x"), QStringLiteral("--crs"), QStringLiteral("EPSG:4547")},
         "already exists"},
        {{QStringLiteral("audit"), QStringLiteral("verify"),
          dir.filePath(QStringLiteral("none.gpkg"))},
         "none.gpkg does not exist"},
    };
    // A failed import leaves neither the campaign nor its temporary file behind.
    const QString failed = dir.filePath(QStringLiteral("failed.gpkg"));
    const Result imp =
        run({QStringLiteral("campaign"), QStringLiteral("new"), failed, QStringLiteral("--name"),
             QStringLiteral("x"), QStringLiteral("--crs"), QStringLiteral("EPSG:4547"),
             QStringLiteral("--import"), testing::fixture(QStringLiteral("not_geodata.txt"))});
    CHECK(imp.rc == 2);
    CHECK(imp.err.contains(QStringLiteral("not_geodata.txt")));
    CHECK_FALSE(QFileInfo::exists(failed));
    CHECK_FALSE(QFileInfo::exists(failed + QStringLiteral(".part")));
    for (const auto& c : cases) {
        const Result r = run(c.argv);
        INFO(c.argv.join(QLatin1Char(' ')).toStdString() << " -> " << r.err.toStdString());
        CHECK(r.rc == 2);
        CHECK(r.err.contains(QString::fromUtf8(c.expect)));
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
    }
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    CHECK(f.readAll() == before);
}
