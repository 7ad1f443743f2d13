#include "core/report/report_tables.h"

#include "core/store/campaign.h"

#include <cmath>
#include <cstdlib>

namespace core {

namespace {

using Kind = ReportColumnKind;

QVariant count(int n) {
    return QVariant(static_cast<qlonglong>(n));
}

QVariant percent(const std::optional<double>& rate) {
    if (!rate)
        return {};
    return QVariant(std::round(*rate * 1000.0) / 10.0);
}

QVariant text(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// "北京时间" for China's UTC+8, else "UTC+5:30" (a colon-less "UTC+8" for whole hours).
QString offsetText(int minutes) {
    if (minutes == 480)
        return QStringLiteral("北京时间");
    const int a = std::abs(minutes);
    QString s = QStringLiteral("UTC%1%2")
                    .arg(minutes < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                    .arg(a / 60);
    if (a % 60)
        s += QStringLiteral(":%1").arg(a % 60, 2, 10, QLatin1Char('0'));
    return s;
}

QString cardText(const DefectRow& r) {
    if (r.card)
        return cardColourChinese(r.card->colour);
    return r.defect.cardColour ? cardColourChinese(*r.defect.cardColour) : QString();
}

QString locationText(const DefectRow& r) {
    QString s = QStringLiteral("%1, %2")
                    .arg(r.defect.lonLat.x, 0, 'f', 6)
                    .arg(r.defect.lonLat.y, 0, 'f', 6);
    if (!r.subdistrict.isEmpty())
        s = r.subdistrict + QLatin1Char(' ') + s;
    if (r.defect.attachKind != AttachKind::None)
        s += QStringLiteral(" (%1:%2)").arg(attachKindKey(r.defect.attachKind), r.defect.attachId);
    return s;
}

ReportTable tallyTable(const QString& title, const QString& sheet, const QString& keyTitle) {
    ReportTable t;
    t.title = title;
    t.sheetName = sheet;
    t.columns = {{keyTitle, Kind::Text, 3},
                 {QStringLiteral("问题数"), Kind::Integer, 1},
                 {QStringLiteral("立案"), Kind::Integer, 1},
                 {QStringLiteral("结案"), Kind::Integer, 1},
                 {QStringLiteral("未结案"), Kind::Integer, 1},
                 {QStringLiteral("逾期"), Kind::Integer, 1},
                 {QStringLiteral("结案率(%)"), Kind::Percent, 1.3},
                 {QStringLiteral("按期结案率(%)"), Kind::Percent, 1.6}};
    return t;
}

std::vector<QVariant> tallyRow(const QString& key, const Tally& t) {
    return {key,
            count(t.total),
            count(t.carded),
            count(t.closed),
            count(t.open()),
            count(t.overdue),
            percent(t.closureRate()),
            percent(t.onTimeClosureRate())};
}

ReportTable factsTable(const Tally& all) {
    ReportTable t;
    t.title = QStringLiteral("总体情况");
    t.sheetName = QStringLiteral("汇总");
    t.columns = {{QStringLiteral("指标"), Kind::Text, 3},
                 {QStringLiteral("数量"), Kind::Integer, 1},
                 {QStringLiteral("比率(%)"), Kind::Percent, 1}};
    t.rows = {
        {QStringLiteral("问题总数"), count(all.total), QVariant()},
        {QStringLiteral("立案（已发督办卡）"), count(all.carded), QVariant()},
        {QStringLiteral("结案（已销号）"), count(all.closed), QVariant()},
        {QStringLiteral("结案率（结案/立案）"), QVariant(), percent(all.closureRate())},
        {QStringLiteral("应结案（已销号或已到期）"), count(all.due), QVariant()},
        {QStringLiteral("按期结案"), count(all.closedOnTime), QVariant()},
        {QStringLiteral("按期结案率（按期结案/应结案）"), QVariant(),
         percent(all.onTimeClosureRate())},
        {QStringLiteral("逾期未整改"), count(all.overdue), QVariant()},
    };
    return t;
}

ReportTable categoryTable(const CampaignSummary& s) {
    ReportTable t;
    t.title = QStringLiteral("按问题类别和状态统计");
    t.sheetName = QStringLiteral("按类别和状态");
    t.columns = {{QStringLiteral("类别"), Kind::Text, 1},
                 {QStringLiteral("类别名称"), Kind::Text, 2}};
    for (std::size_t i = 0; i < kCardStageCount; ++i)
        t.columns.push_back({cardStageChinese(static_cast<CardStage>(i)), Kind::Integer, 1});
    t.columns.push_back({QStringLiteral("合计"), Kind::Integer, 1});
    t.columns.push_back({QStringLiteral("逾期"), Kind::Integer, 1});
    t.columns.push_back({QStringLiteral("结案率(%)"), Kind::Percent, 1.3});
    auto add = [&t](const QString& key, const QString& name, const Tally& tally) {
        std::vector<QVariant> row{key, name};
        for (int n : tally.byStage)
            row.push_back(count(n));
        row.push_back(count(tally.total));
        row.push_back(count(tally.overdue));
        row.push_back(percent(tally.closureRate()));
        t.rows.push_back(std::move(row));
    };
    for (const auto& c : s.byCategory)
        add(c.category, c.categoryZh, c.tally);
    add(QStringLiteral("合计"), QString(), s.all);
    return t;
}

ReportTable overdueTable(const CampaignSummary& s, const std::vector<DefectRow>& rows, int offset) {
    ReportTable t;
    t.title = QStringLiteral("逾期问题清单");
    t.sheetName = QStringLiteral("逾期清单");
    t.columns = {{QStringLiteral("编号"), Kind::Integer, 1},
                 {QStringLiteral("代码"), Kind::Text, 1.2},
                 {QStringLiteral("问题"), Kind::Text, 3.6},
                 {QStringLiteral("责任单位"), Kind::Text, 3.4},
                 {QStringLiteral("街道"), Kind::Text, 2},
                 {QStringLiteral("督办卡"), Kind::Text, 1.1},
                 {QStringLiteral("整改期限"), Kind::Text, 2.4},
                 {QStringLiteral("状态"), Kind::Text, 1},
                 {QStringLiteral("逾期天数"), Kind::Integer, 1.2}};
    for (const OverdueEntry& e : s.overdue) {
        const DefectRow& r = rows[e.row];
        t.rows.push_back({QVariant(static_cast<qlonglong>(r.defect.id)), r.defect.code,
                          text(r.nameZh), text(r.unitName), text(r.subdistrict), text(cardText(r)),
                          text(localTimeText(r.card ? r.card->deadline : QDateTime(), offset)),
                          cardStageChinese(r.defect.status), count(e.days)});
        t.defectRows.push_back(e.row);
    }
    return t;
}

ReportTable unitTable(const QString& unitName, const std::vector<std::size_t>& which,
                      const std::vector<DefectRow>& rows, const QDateTime& now, int offset) {
    ReportTable t;
    t.title = QStringLiteral("责任单位：%1（%2 个问题）").arg(unitName).arg(which.size());
    t.sheetName = unitName;
    t.columns = {{QStringLiteral("编号"), Kind::Integer, 1.2},
                 {QStringLiteral("代码"), Kind::Text, 1.4},
                 {QStringLiteral("问题"), Kind::Text, 4.2},
                 {QStringLiteral("说明"), Kind::Text, 4.4},
                 {QStringLiteral("位置"), Kind::Text, 4.2},
                 {QStringLiteral("照片"), Kind::Photo, 3.4},
                 {QStringLiteral("督办卡"), Kind::Text, 1.3},
                 {QStringLiteral("整改期限"), Kind::Text, 2.8},
                 {QStringLiteral("状态"), Kind::Text, 1.2},
                 {QStringLiteral("逾期天数"), Kind::Integer, 1.4}};
    for (std::size_t i : which) {
        const DefectRow& r = rows[i];
        const auto days = daysOverdue(r.card, now);
        t.rows.push_back(
            {QVariant(static_cast<qlonglong>(r.defect.id)), r.defect.code, text(r.nameZh),
             text(r.defect.description), locationText(r),
             r.photos.empty() ? QVariant() : QVariant(static_cast<qlonglong>(r.photos.front().id)),
             text(cardText(r)),
             text(localTimeText(r.card ? r.card->deadline : QDateTime(), offset)),
             cardStageChinese(r.defect.status), days ? count(*days) : QVariant()});
        t.defectRows.push_back(i);
    }
    return t;
}

} // namespace

QString uniqueSheetName(const QString& wanted, QStringList& used) {
    constexpr qsizetype kMax = 31;
    QString base = wanted.trimmed();
    for (QChar& c : base)
        if (QStringLiteral("[]:*?/\\").contains(c))
            c = QLatin1Char('_');
    if (base.isEmpty())
        base = QStringLiteral("Sheet");
    QString name = base.left(kMax);
    for (int k = 2; used.contains(name, Qt::CaseInsensitive); ++k) {
        const QString suffix = QStringLiteral("(%1)").arg(k);
        name = base.left(kMax - suffix.size()) + suffix;
    }
    used << name;
    return name;
}

CampaignReport buildCampaignReport(const QString& campaignName, std::vector<DefectRow> rows,
                                   const QStringList& order, const QDateTime& nowUtc,
                                   int utcOffsetMinutes,
                                   const std::optional<ResponsibleUnit>& unit) {
    CampaignReport r;
    r.rows = std::move(rows);
    r.summary = summarize(r.rows, nowUtc, order);
    r.title = QStringLiteral("%1 问题整改通报").arg(campaignName);
    r.subtitle = QStringLiteral("统计时间 %1（%2）")
                     .arg(localTimeText(nowUtc, utcOffsetMinutes), offsetText(utcOffsetMinutes));
    if (unit)
        r.subtitle += QStringLiteral("　责任单位：%1").arg(unit->name);

    r.summaryTables.push_back(factsTable(r.summary.all));
    r.summaryTables.push_back(categoryTable(r.summary));
    ReportTable byUnit = tallyTable(QStringLiteral("按责任单位统计"), QStringLiteral("按责任单位"),
                                    QStringLiteral("责任单位"));
    for (const auto& u : r.summary.byUnit)
        byUnit.rows.push_back(tallyRow(
            u.unitName.isEmpty() ? QStringLiteral("（未指定责任单位）") : u.unitName, u.tally));
    r.summaryTables.push_back(std::move(byUnit));
    ReportTable byPlace =
        tallyTable(QStringLiteral("按街道统计"), QStringLiteral("按街道"), QStringLiteral("街道"));
    for (const auto& s : r.summary.bySubdistrict)
        byPlace.rows.push_back(tallyRow(
            s.subdistrict.isEmpty() ? QStringLiteral("（街道未知）") : s.subdistrict, s.tally));
    r.summaryTables.push_back(std::move(byPlace));
    r.summaryTables.push_back(overdueTable(r.summary, r.rows, utcOffsetMinutes));

    if (unit) {
        r.unitTables.push_back(
            unitTable(unit->name, rowsOfUnit(r.rows, unit->id), r.rows, nowUtc, utcOffsetMinutes));
        r.unitTableNames.push_back(unit->name);
    } else {
        for (const auto& u : r.summary.byUnit) {
            const QString name =
                u.unitName.isEmpty() ? QStringLiteral("未指定责任单位") : u.unitName;
            r.unitTables.push_back(
                unitTable(name, rowsOfUnit(r.rows, u.unitId), r.rows, nowUtc, utcOffsetMinutes));
            r.unitTableNames.push_back(name);
        }
    }
    QStringList used;
    for (auto& t : r.summaryTables)
        t.sheetName = uniqueSheetName(t.sheetName, used);
    for (auto& t : r.unitTables)
        t.sheetName = uniqueSheetName(t.sheetName, used);
    return r;
}

CampaignReport loadCampaignReport(Campaign& campaign, const std::optional<ResponsibleUnit>& unit,
                                  const QDateTime& nowUtc, Feedback& feedback) {
    DefectFilter filter;
    if (unit)
        filter.unitId = unit->id;
    std::vector<DefectRow> rows = collectDefectRows(campaign, filter, feedback);
    return buildCampaignReport(campaign.name(), std::move(rows), categoryOrder(campaign.taxonomy()),
                               nowUtc, campaign.calendar().utcOffsetMinutes(), unit);
}

} // namespace core
