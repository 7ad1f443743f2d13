#include "core/report/campaign_summary.h"

#include "core/model/taxonomy.h"
#include "core/workflow/card_rules.h"

#include <algorithm>
#include <map>

namespace core {

std::optional<double> Tally::closureRate() const {
    if (carded == 0)
        return std::nullopt;
    return static_cast<double>(closed) / carded;
}

std::optional<double> Tally::onTimeClosureRate() const {
    if (due == 0)
        return std::nullopt;
    return static_cast<double>(closedOnTime) / due;
}

void Tally::add(const DefectRow& row, const QDateTime& nowUtc) {
    ++total;
    ++byStage[static_cast<std::size_t>(row.defect.status)];
    if (!row.card)
        return;
    const Card& c = *row.card;
    ++carded;
    if (c.stage == CardStage::Closed) {
        ++closed;
        ++due;
        // A closing time missing from an old file cannot prove lateness; count it on time.
        if (!c.closedAt.isValid() || !c.deadline.isValid() || c.closedAt <= c.deadline)
            ++closedOnTime;
        return;
    }
    if (c.deadline.isValid() && c.deadline < nowUtc)
        ++due;
    if (isOverdue(c, nowUtc))
        ++overdue;
}

QStringList categoryOrder(const Taxonomy& taxonomy) {
    QStringList out;
    for (const auto& t : taxonomy.types()) {
        const QString c = defectCategory(t.code);
        if (!out.contains(c))
            out << c;
    }
    return out;
}

CampaignSummary summarize(const std::vector<DefectRow>& rows, const QDateTime& nowUtc,
                          const QStringList& order) {
    CampaignSummary s;
    s.nowUtc = nowUtc;
    std::map<QString, CategoryTally> categories;
    std::map<std::int64_t, UnitTally> units;
    UnitTally noUnit;
    std::map<QString, SubdistrictTally> subdistricts;
    SubdistrictTally unknownPlace;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const DefectRow& r = rows[i];
        s.all.add(r, nowUtc);
        CategoryTally& cat = categories[r.category];
        cat.category = r.category;
        cat.categoryZh = r.categoryZh;
        cat.tally.add(r, nowUtc);
        UnitTally* unit = &noUnit;
        if (r.defect.unitId) {
            unit = &units[*r.defect.unitId];
            unit->unitId = r.defect.unitId;
        }
        if (unit->unitName.isEmpty())
            unit->unitName = r.unitName;
        unit->tally.add(r, nowUtc);
        SubdistrictTally& place =
            r.subdistrict.isEmpty() ? unknownPlace : subdistricts[r.subdistrict];
        place.subdistrict = r.subdistrict;
        place.tally.add(r, nowUtc);
        const auto days = daysOverdue(r.card, nowUtc);
        if (days && *days > 0)
            s.overdue.push_back({i, *days});
    }
    for (const QString& key : order) {
        const auto it = categories.find(key);
        if (it != categories.end()) {
            s.byCategory.push_back(std::move(it->second));
            categories.erase(it);
        }
    }
    for (auto& [key, tally] : categories)
        s.byCategory.push_back(std::move(tally));
    for (auto& [id, tally] : units)
        s.byUnit.push_back(std::move(tally));
    if (noUnit.tally.total > 0)
        s.byUnit.push_back(std::move(noUnit));
    for (auto& [name, tally] : subdistricts)
        s.bySubdistrict.push_back(std::move(tally));
    if (unknownPlace.tally.total > 0)
        s.bySubdistrict.push_back(std::move(unknownPlace));
    std::stable_sort(s.overdue.begin(), s.overdue.end(),
                     [](const OverdueEntry& a, const OverdueEntry& b) { return a.days > b.days; });
    return s;
}

QString percentText(const std::optional<double>& rate) {
    if (!rate)
        return QStringLiteral("—");
    return QStringLiteral("%1%").arg(*rate * 100.0, 0, 'f', 1);
}

std::vector<std::size_t> rowsOfUnit(const std::vector<DefectRow>& rows,
                                    const std::optional<std::int64_t>& unitId) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].defect.unitId == unitId)
            out.push_back(i);
    return out;
}

} // namespace core
