// core/report: the figures of a 通报 (counts, closure rates, overdue days) on a hand-made
// campaign whose numbers are worked out in report_test_support.h, and the report tables.

#include "core/report/campaign_summary.h"
#include "core/report/defect_rows.h"
#include "core/report/report_pdf.h"
#include "core/report/report_tables.h"
#include "core/report_test_support.h"
#include "core/util/error.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

using core::CardStage;

struct Loaded {
    testing::ReportFixture fx;
    std::vector<core::DefectRow> rows;
    core::CampaignSummary summary;
};

Loaded load(const QTemporaryDir& dir) {
    Loaded l;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    l.fx = testing::buildReportCampaign(path);
    core::Campaign c = core::Campaign::open(path, core::OpenMode::ReadOnly);
    core::Feedback fb;
    l.rows = core::collectDefectRows(c, {}, fb);
    l.summary = core::summarize(l.rows, testing::kReportNow, core::categoryOrder(c.taxonomy()));
    return l;
}

} // namespace

TEST_CASE("daysOverdue counts started days past the deadline of open cards only",
          "[core][report]") {
    core::Card card;
    card.stage = CardStage::Fixing;
    card.deadline = testing::utc(3, 18, 1);
    CHECK_FALSE(core::daysOverdue(std::nullopt, testing::kReportNow).has_value());
    CHECK(core::daysOverdue(card, testing::utc(3, 18, 1)) == 0);
    CHECK(core::daysOverdue(card, testing::utc(3, 18, 1).addSecs(1)) == 1);
    CHECK(core::daysOverdue(card, testing::utc(3, 19, 1)) == 1);
    CHECK(core::daysOverdue(card, testing::utc(3, 19, 1).addSecs(1)) == 2);
    card.stage = CardStage::Reported;
    CHECK(core::daysOverdue(card, testing::utc(3, 30, 1)) == 0);
    card.stage = CardStage::Closed;
    CHECK(core::daysOverdue(card, testing::utc(3, 30, 1)) == 0);
}

TEST_CASE("categories come from code prefixes", "[core][report]") {
    CHECK(core::defectCategory(QStringLiteral("en-01")) == QStringLiteral("EN"));
    CHECK(core::defectCategory(QStringLiteral("RD-04")) == QStringLiteral("RD"));
    CHECK(core::defectCategoryChinese(QStringLiteral("EN")) == QStringLiteral("环境卫生"));
    CHECK(core::defectCategoryChinese(QStringLiteral("ZZ")) == QStringLiteral("ZZ"));
    const QStringList order = core::categoryOrder(core::Taxonomy::defaults());
    CHECK(order.size() == 19);
    CHECK(order.indexOf(QStringLiteral("RD")) < order.indexOf(QStringLiteral("EN")));
}

TEST_CASE("the hand-made campaign's rows carry cards, units and sub-districts", "[core][report]") {
    QTemporaryDir dir;
    const Loaded l = load(dir);
    REQUIRE(l.rows.size() == 8);
    const auto& r1 = l.rows[0];
    CHECK(r1.nameZh == QStringLiteral("暴露垃圾/卫生死角"));
    CHECK(r1.category == QStringLiteral("EN"));
    CHECK(r1.categoryZh == QStringLiteral("环境卫生"));
    CHECK(r1.unitName == QStringLiteral("西湖街道办事处"));
    CHECK(r1.subdistrict == QStringLiteral("西湖街道")); // from the street office's area
    REQUIRE(r1.card);
    CHECK(r1.card->stage == CardStage::Closed);
    CHECK(r1.card->deadline == testing::utc(3, 15, 6, 30));
    CHECK(r1.card->closedAt == testing::utc(3, 15, 5));
    CHECK(r1.photos.size() == 1);
    CHECK(l.rows[2].card->deadline == testing::utc(3, 18, 1));
    CHECK(l.rows[3].subdistrict == QStringLiteral("东湖街道")); // inside the polygon
    CHECK(l.rows[4].subdistrict == QStringLiteral("东湖街道"));
    CHECK(l.rows[4].card->deadline == testing::utc(3, 24, 6, 30));
    CHECK(l.rows[5].subdistrict.isEmpty());
    CHECK_FALSE(l.rows[5].card);
    CHECK(l.rows[7].card->deadline == testing::utc(3, 29, 1));
}

TEST_CASE("summary figures are exact on the hand-made campaign", "[core][report]") {
    QTemporaryDir dir;
    const Loaded l = load(dir);
    const core::CampaignSummary& s = l.summary;

    const core::Tally& all = s.all;
    CHECK(all.total == 8);
    CHECK(all.inStage(CardStage::Found) == 2);
    CHECK(all.inStage(CardStage::Issued) == 2);
    CHECK(all.inStage(CardStage::Dispatched) == 0);
    CHECK(all.inStage(CardStage::Fixing) == 1);
    CHECK(all.inStage(CardStage::Reported) == 1);
    CHECK(all.inStage(CardStage::Rechecked) == 0);
    CHECK(all.inStage(CardStage::Closed) == 2);
    CHECK(all.carded == 6);
    CHECK(all.closed == 2);
    CHECK(all.open() == 4);
    CHECK(all.due == 5);
    CHECK(all.closedOnTime == 1);
    CHECK(all.overdue == 2);
    CHECK(*all.closureRate() == Approx(2.0 / 6.0));
    CHECK(*all.onTimeClosureRate() == Approx(0.2));
    CHECK(core::percentText(all.closureRate()) == QStringLiteral("33.3%"));
    CHECK(core::percentText(all.onTimeClosureRate()) == QStringLiteral("20.0%"));

    REQUIRE(s.byCategory.size() == 5);
    const QStringList cats{QStringLiteral("RD"), QStringLiteral("LT"), QStringLiteral("EN"),
                           QStringLiteral("AD"), QStringLiteral("BZ")};
    const int totals[] = {1, 1, 4, 1, 1};
    for (int i = 0; i < 5; ++i) {
        CHECK(s.byCategory[static_cast<std::size_t>(i)].category == cats[i]);
        CHECK(s.byCategory[static_cast<std::size_t>(i)].tally.total == totals[i]);
    }
    const core::Tally& en = s.byCategory[2].tally;
    CHECK(en.inStage(CardStage::Closed) == 1);
    CHECK(en.inStage(CardStage::Fixing) == 1);
    CHECK(en.inStage(CardStage::Found) == 1);
    CHECK(en.inStage(CardStage::Issued) == 1);
    CHECK(en.overdue == 1);

    REQUIRE(s.byUnit.size() == 3);
    const core::Tally& west = s.byUnit[0].tally;
    CHECK(s.byUnit[0].unitName == QStringLiteral("西湖街道办事处"));
    CHECK(west.total == 3);
    CHECK(west.carded == 3);
    CHECK(west.closed == 2);
    CHECK(west.due == 3);
    CHECK(west.closedOnTime == 1);
    CHECK(west.overdue == 1);
    CHECK(core::percentText(west.closureRate()) == QStringLiteral("66.7%"));
    CHECK(core::percentText(west.onTimeClosureRate()) == QStringLiteral("33.3%"));
    const core::Tally& housing = s.byUnit[1].tally;
    CHECK(s.byUnit[1].unitName == QStringLiteral("住建局"));
    CHECK(housing.total == 2);
    CHECK(housing.carded == 1);
    CHECK(housing.closed == 0);
    CHECK(housing.due == 1);
    CHECK(housing.overdue == 0);
    CHECK(core::percentText(housing.closureRate()) == QStringLiteral("0.0%"));
    CHECK(core::percentText(housing.onTimeClosureRate()) == QStringLiteral("0.0%"));
    const core::Tally& urban = s.byUnit[2].tally;
    CHECK(urban.total == 3);
    CHECK(urban.carded == 2);
    CHECK(urban.due == 1);
    CHECK(urban.overdue == 1);

    REQUIRE(s.bySubdistrict.size() == 3);
    CHECK(s.bySubdistrict[0].subdistrict == QStringLiteral("东湖街道"));
    CHECK(s.bySubdistrict[0].tally.total == 2);
    CHECK(s.bySubdistrict[0].tally.due == 2);
    CHECK(s.bySubdistrict[0].tally.overdue == 1);
    CHECK(s.bySubdistrict[1].subdistrict == QStringLiteral("西湖街道"));
    CHECK(s.bySubdistrict[1].tally.total == 3);
    CHECK(s.bySubdistrict[2].subdistrict.isEmpty());
    CHECK(s.bySubdistrict[2].tally.total == 3);
    CHECK(s.bySubdistrict[2].tally.carded == 1);
    CHECK_FALSE(s.bySubdistrict[2].tally.onTimeClosureRate().has_value());

    REQUIRE(s.overdue.size() == 2);
    CHECK(l.rows[s.overdue[0].row].defect.code == QStringLiteral("EN-05"));
    CHECK(s.overdue[0].days == 8);
    CHECK(l.rows[s.overdue[1].row].defect.code == QStringLiteral("BZ-02"));
    CHECK(s.overdue[1].days == 1);
}

TEST_CASE("report tables hold the summary and one table per unit", "[core][report]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    const auto fx = testing::buildReportCampaign(path);
    core::Campaign c = core::Campaign::open(path, core::OpenMode::ReadOnly);
    core::Feedback fb;
    const core::CampaignReport all =
        core::loadCampaignReport(c, std::nullopt, testing::kReportNow, fb);
    REQUIRE(all.summaryTables.size() == 5);
    CHECK(all.summaryTables[0].sheetName == QStringLiteral("汇总"));
    CHECK(all.summaryTables[0].rows[0][1].toLongLong() == 8);
    CHECK(all.summaryTables[0].rows[3][2].toDouble() == Approx(33.3));
    CHECK(all.summaryTables[1].rows.size() == 6); // five categories and the total
    CHECK(all.summaryTables[4].rows.size() == 2); // overdue list
    CHECK(all.summaryTables[4].rows[0][8].toLongLong() == 8);
    REQUIRE(all.unitTables.size() == 3);
    CHECK(all.unitTables[0].rows.size() == 3);
    CHECK(all.unitTables[0].sheetName == QStringLiteral("西湖街道办事处"));
    // Deadlines shown in local time (UTC+8): 03-18 01:00Z is 09:00 in Beijing.
    CHECK(all.unitTables[0].rows[2][7].toString() == QStringLiteral("2027-03-18 09:00"));
    CHECK(all.title.contains(QStringLiteral("西湖区 2027 春季测评")));
    CHECK(all.subtitle.contains(QStringLiteral("2027-03-25 10:00（北京时间）")));

    const auto unit = core::requireUnit(c, QStringLiteral("城管"));
    CHECK(unit.id == fx.urban);
    const core::CampaignReport one = core::loadCampaignReport(c, unit, testing::kReportNow, fb);
    CHECK(one.rows.size() == 3);
    REQUIRE(one.unitTables.size() == 1);
    CHECK(one.summary.all.overdue == 1);
    CHECK_THROWS_AS(core::requireUnit(c, QStringLiteral("消防")), core::Error);
    CHECK_THROWS_AS(core::requireUnit(c, QStringLiteral("局")), core::Error); // two match
}

TEST_CASE("sheet names are valid and unique", "[core][report]") {
    QStringList used;
    CHECK(core::uniqueSheetName(QStringLiteral("a/b:c"), used) == QStringLiteral("a_b_c"));
    CHECK(core::uniqueSheetName(QStringLiteral("A/B:C"), used) == QStringLiteral("A_B_C(2)"));
    const QString longName(40, QLatin1Char('x'));
    CHECK(core::uniqueSheetName(longName, used).size() == 31);
    CHECK(core::uniqueSheetName(longName, used) ==
          QString(28, QLatin1Char('x')) + QStringLiteral("(2)"));
}

TEST_CASE("the report PDF has extractable Chinese text, and a cancel leaves no file",
          "[core][report][pdf]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    testing::buildReportCampaign(path);
    core::Campaign c = core::Campaign::open(path, core::OpenMode::ReadOnly);
    core::Feedback fb;
    const core::CampaignReport report =
        core::loadCampaignReport(c, std::nullopt, testing::kReportNow, fb);
    const QString pdf = dir.filePath(QStringLiteral("通报.pdf"));
    core::writeReportPdf(
        report, pdf, [&c](std::int64_t id) { return c.photoData(id, true); }, fb);
    QFile f(pdf);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.read(5) == "%PDF-");
    f.close();
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        WARN("pdftotext not found; text extraction not checked");
    } else {
        QProcess p;
        p.start(QStringLiteral("pdftotext"),
                {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
        REQUIRE(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        for (const char* s :
             {"问题整改通报", "暴露垃圾/卫生死角", "乱贴乱画/小广告", "路面坑洼破损",
              "西湖街道办事处", "住建局", "城管执法局", "东湖街道", "逾期问题清单", "33.3", "20.0",
              "BZ-02", "EN-05", "2027-03-18 09:00", "北京时间"}) {
            INFO(s);
            CHECK(text.contains(QString::fromUtf8(s)));
        }
    }

    const QString cancelled = dir.filePath(QStringLiteral("cancelled.pdf"));
    core::Feedback stop;
    stop.cancel();
    CHECK_THROWS_AS(core::writeReportPdf(report, cancelled, {}, stop), core::OperationCanceled);
    CHECK_FALSE(QFileInfo::exists(cancelled));
    const QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    for (const QString& name : left)
        CHECK((name.startsWith(QStringLiteral("c.gpkg")) || name == QStringLiteral("通报.pdf")));

    const QString unwritable = QStringLiteral("/proc/perisurvey-report.pdf");
    try {
        core::writeReportPdf(report, unwritable, {}, fb);
        FAIL("no error for an unwritable path");
    } catch (const core::IoError& e) {
        CHECK(e.message().contains(unwritable));
    }
    CHECK_FALSE(QFileInfo::exists(unwritable));
}
