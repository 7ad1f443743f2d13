#include "core/store/campaign.h"
#include "core/store_test_support.h"
#include "core/util/error.h"
#include "core/workflow/card_rules.h"
#include "core/workflow/work_calendar.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>
#include <QTimeZone>

using namespace core;

namespace {

// 2027-03-15 is a Monday. Times below are Beijing time (UTC+8) converted to UTC.
QDateTime bj(int day, int h, int m = 0) {
    return QDateTime(QDate(2027, 3, day), QTime(h, m), QTimeZone(8 * 3600)).toUTC();
}

Allowance wh(double h) {
    return {h, Allowance::Unit::WorkingHours};
}

} // namespace

TEST_CASE("Working hours skip nights, lunch, weekends and holidays", "[workflow]") {
    WorkCalendar cal; // 08:30-12:00, 13:30-18:00, Mon-Fri
    CHECK(cal.dailyHours() == 8.0);
    CHECK(cal.add(bj(15, 9), wh(2)) == bj(15, 11));
    CHECK(cal.add(bj(15, 11), wh(2)) == bj(15, 14, 30)); // 1 h before lunch, 1 h after
    CHECK(cal.add(bj(15, 17), wh(4)) == bj(16, 11, 30)); // 1 h Monday, 3 h Tuesday
    CHECK(cal.add(bj(19, 16), wh(4)) == bj(22, 10, 30)); // Friday 16:00 -> Monday 10:30
    CHECK(cal.add(bj(20, 10), wh(1)) == bj(22, 9, 30));  // Saturday counts from Monday
    CHECK(cal.add(bj(16, 10), {3, Allowance::Unit::WorkingDays}) == bj(19, 10));
    CHECK(cal.add(bj(20, 10), {24, Allowance::Unit::CalendarHours}) == bj(21, 10));

    cal.setHolidays({QDate(2027, 3, 16)});
    CHECK(cal.add(bj(15, 17), wh(4)) == bj(17, 11, 30)); // Tuesday is a holiday
    cal.setMakeUpWorkdays({QDate(2027, 3, 20)});
    CHECK(cal.add(bj(19, 16), wh(4)) == bj(20, 10, 30)); // 调休 Saturday works
    CHECK(cal.workingHoursBetween(bj(15, 8), bj(15, 20)) == 8.0);
    CHECK(cal.workingHoursBetween(bj(15, 17), bj(17, 9, 30)) == 2.0);
}

TEST_CASE("A calendar round-trips through JSON and rejects bad entries", "[workflow]") {
    const WorkCalendar cal = WorkCalendar::fromJson(
        R"({"hours":[["09:00","17:00"]],"weekdays":[1,2,3,4,5,6],"holidays":["2027-10-01"]})",
        QStringLiteral("cal.json"));
    CHECK(cal.dailyHours() == 8.0);
    CHECK(cal.isWorkday(QDate(2027, 3, 20)));       // Saturday listed
    CHECK_FALSE(cal.isWorkday(QDate(2027, 10, 1))); // holiday
    const WorkCalendar again = WorkCalendar::fromJson(cal.toJson(), QStringLiteral("x"));
    CHECK(again.toJson() == cal.toJson());
    CHECK_THROWS_WITH(
        WorkCalendar::fromJson(R"({"holidays":["2027-13-01"]})", QStringLiteral("cal.json")),
        Catch::Contains("cal.json") && Catch::Contains("2027-13-01"));
    CHECK_THROWS_WITH(
        WorkCalendar::fromJson(R"({"hours":[["18:00","09:00"]]})", QStringLiteral("c")),
        Catch::Contains("ends before it starts"));
    CHECK_THROWS_AS(
        WorkCalendar::fromJson(R"({"weekdays":[]})", QStringLiteral("c")).add(bj(15, 9), wh(1)),
        Error);
}

TEST_CASE("Card deadlines follow colour, severity and the type's override", "[workflow]") {
    const Taxonomy t = Taxonomy::defaults();
    const DefectType& litter = t.require(QStringLiteral("EN-01")); // white, sev 3
    const DefectType& lamp = t.require(QStringLiteral("LT-01"));   // yellow, 2 working days
    const DefectType& cover = t.require(QStringLiteral("RD-04"));  // red, sev 1
    CHECK(cardAllowance(t, litter, CardColour::White) == wh(4));
    CHECK(cardAllowance(t, litter, CardColour::Yellow) ==
          Allowance{3, Allowance::Unit::WorkingDays});
    CHECK(cardAllowance(t, lamp, CardColour::Yellow) == Allowance{2, Allowance::Unit::WorkingDays});
    CHECK(cardAllowance(t, lamp, CardColour::Red) == Allowance{1, Allowance::Unit::WorkingDays});
    CHECK(cardAllowance(t, cover, CardColour::Red) ==
          Allowance{24, Allowance::Unit::CalendarHours});
    CHECK(initialColour(litter, std::nullopt, false) == CardColour::White);
    CHECK(initialColour(litter, CardColour::Yellow, false) == CardColour::Yellow);
    CHECK(initialColour(litter, std::nullopt, true) == CardColour::Red);
    CHECK(nextStage(CardStage::Fixing) == CardStage::Reported);
    CHECK_FALSE(nextStage(CardStage::Rechecked));
    CHECK(canReturn(CardStage::Reported));
    CHECK_FALSE(canReturn(CardStage::Fixing));
    CHECK(t.require(QStringLiteral("ST-01")).deadline ==
          Allowance{15, Allowance::Unit::WorkingDays});
    CHECK_THROWS_WITH(t.require(QStringLiteral("XX-99")),
                      Catch::Contains("unknown defect code \"XX-99\""));
}

TEST_CASE("A yellow card goes to 销号 with a complete audit trail", "[workflow][store]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    const Defect d = c.addDefect(testing::defectAt(120.15, 30.25, QStringLiteral("RD-01")));
    const QString actor = QStringLiteral("李四");
    Card card = c.issueCard(d.uuid, std::nullopt, actor, QStringLiteral("路面坑洼"), bj(15, 9));
    CHECK(card.colour == CardColour::Yellow);
    CHECK(card.stage == CardStage::Issued);
    CHECK(card.deadline == bj(18, 9)); // 3 working days
    CHECK_THROWS_WITH(c.closeCard(d.uuid, actor, {}, bj(15, 10)), Catch::Contains("re-check"));
    CHECK_THROWS_WITH(c.returnCard(d.uuid, actor, QStringLiteral("x"), bj(15, 10)),
                      Catch::Contains("退回"));
    for (auto expected : {CardStage::Dispatched, CardStage::Fixing, CardStage::Reported})
        CHECK(c.advanceCard(d.uuid, actor, {}, std::nullopt, bj(16, 9)).stage == expected);
    CHECK_THROWS_WITH(c.returnCard(d.uuid, actor, {}, bj(16, 10)),
                      Catch::Contains("needs a reason"));
    CHECK(c.returnCard(d.uuid, actor, QStringLiteral("未修复"), bj(16, 10)).stage ==
          CardStage::Fixing);
    c.advanceCard(d.uuid, actor, {}, std::nullopt, bj(16, 11));
    CHECK(
        c.advanceCard(d.uuid, actor, QStringLiteral("复核合格"), std::nullopt, bj(16, 14)).stage ==
        CardStage::Rechecked);
    card = c.closeCard(d.uuid, actor, QStringLiteral("销号"), bj(16, 15));
    CHECK(card.stage == CardStage::Closed);
    CHECK(card.closedAt == bj(16, 15));
    CHECK(c.requireDefect(d.uuid).status == CardStage::Closed);

    const auto trail = c.auditTrail(d.uuid);
    QStringList actions;
    for (const auto& e : trail)
        actions << e.action + QLatin1Char(':') + e.field + QLatin1Char(':') + e.newValue;
    CHECK(actions ==
          QStringList{
              trail[0].action + QLatin1Char(':') + trail[0].field + QLatin1Char(':') +
                  trail[0].newValue,
              QStringLiteral("issue:status:issued"), QStringLiteral("issue:colour:yellow"),
              QStringLiteral("issue:deadline:2027-03-18T01:00:00.000Z"),
              QStringLiteral("advance:status:dispatched"), QStringLiteral("advance:status:fixing"),
              QStringLiteral("advance:status:reported"), QStringLiteral("return:status:fixing"),
              QStringLiteral("advance:status:reported"), QStringLiteral("advance:status:rechecked"),
              QStringLiteral("close:status:closed")});
    CHECK(trail[0].action == QStringLiteral("create"));
    CHECK(trail[7].reason == QStringLiteral("未修复"));
    CHECK(trail.back().actor == actor);
    CHECK(c.verifyAudit().ok);
    CHECK(c.check().isEmpty());
}

TEST_CASE("Overdue cards escalate white -> yellow -> red", "[workflow][store]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    const Defect d = c.addDefect(testing::defectAt(120.15, 30.25, QStringLiteral("EN-01")));
    Card card = c.issueCard(d.uuid, std::nullopt, QStringLiteral("a"), {}, bj(15, 9));
    CHECK(card.deadline == bj(15, 14, 30)); // 3 h before lunch + 1 h after
    CHECK(c.escalateOverdue(QStringLiteral("a"), bj(15, 13)).empty());
    auto changed = c.escalateOverdue(QStringLiteral("a"), bj(15, 15));
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].colour == CardColour::Yellow);
    CHECK(changed[0].deadline == bj(18, 15)); // 3 working days from the escalation
    changed = c.escalateOverdue(QStringLiteral("a"), bj(18, 16));
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].colour == CardColour::Red);
    CHECK(changed[0].deadline == bj(22, 10, 30)); // 12 working h: Thu 2 + Fri 8 + Mon 2
    CHECK(c.escalateOverdue(QStringLiteral("a"), bj(29, 9)).empty()); // red stays red
    CHECK(c.overdueCards(bj(29, 9)).size() == 1);
    CHECK(c.defects({.card = CardColour::Red, .overdueOnly = true, .now = bj(29, 9)}).size() == 1);
    // Once the unit reports it done, it no longer counts as overdue.
    c.advanceCard(d.uuid, QStringLiteral("a"), {}, std::nullopt, bj(29, 10));
    c.advanceCard(d.uuid, QStringLiteral("a"), {}, std::nullopt, bj(29, 10));
    c.advanceCard(d.uuid, QStringLiteral("a"), {}, std::nullopt, bj(29, 10));
    CHECK(c.overdueCards(bj(29, 11)).empty());
    CHECK(c.verifyAudit().ok);
}

TEST_CASE("The same code on the same unit within 30 days gets a red card", "[workflow][store]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    NewDefect first = testing::defectAt(120.15, 30.25, QStringLiteral("EN-01"));
    first.observedAt = bj(1, 9);
    const Defect a = c.addDefect(first);
    NewDefect second = first;
    second.observedAt = bj(20, 9);
    const Defect b = c.addDefect(second);
    REQUIRE(a.unitId == b.unitId); // the same suggested 街道办事处
    NewDefect other = first;
    other.code = QStringLiteral("EN-05");
    other.observedAt = bj(20, 9);
    const Defect o = c.addDefect(other);
    NewDefect late = first;
    late.observedAt = QDateTime(QDate(2027, 5, 1), QTime(9, 0), Qt::UTC);
    const Defect l = c.addDefect(late);

    CHECK(c.issueCard(a.uuid, std::nullopt, QStringLiteral("x"), {}, bj(1, 10)).colour ==
          CardColour::White);
    const Card repeat = c.issueCard(b.uuid, std::nullopt, QStringLiteral("x"), {}, bj(20, 10));
    CHECK(repeat.colour == CardColour::Red);
    CHECK(repeat.repeatOf == a.uuid);
    CHECK(c.issueCard(o.uuid, std::nullopt, QStringLiteral("x"), {}, bj(20, 10)).colour ==
          CardColour::White);
    CHECK(c.issueCard(l.uuid, std::nullopt, QStringLiteral("x"), {}, bj(20, 10)).colour ==
          CardColour::White);
    CHECK_THROWS_WITH(c.issueCard(a.uuid, std::nullopt, QStringLiteral("x"), {}),
                      Catch::Contains("already has a card"));
}
