// perisurvey-cli export and report, run as the user runs them (the real binary).

#include "core/report_test_support.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

struct Result {
    int rc = -1;
    QString out;
    QString err;
};

Result runTool(const QString& program, const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the CLI must manage without
    p.setProcessEnvironment(env);
    p.start(program, args);
    Result r;
    if (!p.waitForFinished(120000))
        return r;
    r.rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Result cli(const QStringList& args) {
    return runTool(testing::binPath(QStringLiteral("perisurvey-cli")), args);
}

} // namespace

TEST_CASE("export writes a GBK shapefile and filters like defect list", "[cli][export]") {
    QTemporaryDir dir;
    const QString campaign = dir.filePath(QStringLiteral("c.gpkg"));
    testing::buildReportCampaign(campaign);
    const QString shp = dir.filePath(QStringLiteral("问题.shp"));
    Result r = cli({QStringLiteral("export"), campaign, QStringLiteral("--format"),
                    QStringLiteral("shp"), QStringLiteral("--encoding"), QStringLiteral("GBK"),
                    QStringLiteral("--out"), shp, QStringLiteral("--photos")});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    CHECK(r.out.contains(QStringLiteral("exported 8 defect(s)")));
    CHECK(QFileInfo(dir.filePath(QStringLiteral("问题_fields.csv"))).isFile());
    CHECK(QDir(dir.filePath(QStringLiteral("问题_photos"))).entryList(QDir::Files).size() == 2);
    if (!QStandardPaths::findExecutable(QStringLiteral("ogrinfo")).isEmpty()) {
        const Result o = runTool(QStringLiteral("ogrinfo"),
                                 {QStringLiteral("-ro"), QStringLiteral("-al"),
                                  QStringLiteral("-mdd"), QStringLiteral("all"), shp});
        CHECK(o.rc == 0);
        CHECK(o.out.contains(QStringLiteral("SOURCE_ENCODING=CP936")));
        CHECK(o.out.contains(QStringLiteral("name_zh (String) = 乱贴乱画/小广告")));
        CHECK(o.out.contains(QStringLiteral("unit_name (String) = 城管执法局")));
        CHECK(o.out.contains(QStringLiteral("Feature Count: 8")));
    }

    r = cli({QStringLiteral("export"), campaign, QStringLiteral("--out"),
             dir.filePath(QStringLiteral("overdue.geojson")), QStringLiteral("--overdue"),
             QStringLiteral("--now"), QStringLiteral("2027-03-25T02:00:00Z"),
             QStringLiteral("--json")});
    REQUIRE(r.rc == 0);
    CHECK(
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("defects")).toInt() ==
        2);
    r = cli({QStringLiteral("export"), campaign, QStringLiteral("--out"),
             dir.filePath(QStringLiteral("unit.csv")), QStringLiteral("--unit"),
             QStringLiteral("住建局"), QStringLiteral("--json")});
    REQUIRE(r.rc == 0);
    CHECK(
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("defects")).toInt() ==
        2);

    r = cli({QStringLiteral("export"), campaign, QStringLiteral("--what"), QStringLiteral("route"),
             QStringLiteral("--out"), dir.filePath(QStringLiteral("r.gpkg"))});
    CHECK(r.rc == 2); // a campaign without a route plan
    CHECK(r.err.contains(QStringLiteral("holds no route")));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("r.gpkg"))));
    r = cli({QStringLiteral("export"), campaign, QStringLiteral("--what"), QStringLiteral("draw"),
             QStringLiteral("--out"), dir.filePath(QStringLiteral("d.gpkg"))});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("holds no draw")));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("d.gpkg"))));
    const QString unwritable = QStringLiteral("/proc/perisurvey-cli-defects.gpkg");
    r = cli({QStringLiteral("export"), campaign, QStringLiteral("--out"), unwritable});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(unwritable));
    CHECK(r.err.count(QLatin1Char('\n')) == 1);
    CHECK_FALSE(QFileInfo::exists(unwritable));
}

TEST_CASE("report writes a PDF with the Chinese text and an XLSX per unit", "[cli][report]") {
    QTemporaryDir dir;
    const QString campaign = dir.filePath(QStringLiteral("c.gpkg"));
    testing::buildReportCampaign(campaign);
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    Result r = cli({QStringLiteral("report"), campaign, QStringLiteral("--out"), pdf,
                    QStringLiteral("--now"), QStringLiteral("2027-03-25T10:00+08:00")});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    CHECK(r.out.contains(
        QStringLiteral("closure rate 33.3%, on-time closure rate 20.0%, 2 overdue")));
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        const Result t = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        CHECK(t.rc == 0);
        for (const char* s : {"暴露垃圾/卫生死角", "占道经营/流动摊贩", "西湖街道办事处",
                              "城管执法局", "按期结案率"}) {
            INFO(s);
            CHECK(t.out.contains(QString::fromUtf8(s)));
        }
    }
    const QString xlsx = dir.filePath(QStringLiteral("unit.xlsx"));
    r = cli({QStringLiteral("report"), campaign, QStringLiteral("--unit"),
             QStringLiteral("西湖街道办事处"), QStringLiteral("--out"), xlsx,
             QStringLiteral("--now"), QStringLiteral("2027-03-25T02:00:00Z"),
             QStringLiteral("--json")});
    REQUIRE(r.rc == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(o.value(QLatin1String("defects")).toInt() == 3);
    CHECK(o.value(QLatin1String("units")).toInt() == 1);
    CHECK(o.value(QLatin1String("closure_rate")).toDouble() == Approx(2.0 / 3.0));
    CHECK(QFileInfo(xlsx).isFile());

    r = cli({QStringLiteral("report"), campaign, QStringLiteral("--out"),
             dir.filePath(QStringLiteral("r.docx"))});
    CHECK(r.rc == 2);
    r = cli({QStringLiteral("report"), campaign, QStringLiteral("--unit"), QStringLiteral("消防"),
             QStringLiteral("--out"), pdf});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("消防")));
}
