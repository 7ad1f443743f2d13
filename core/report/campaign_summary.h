#pragma once

#include "core/model/card.h"
#include "core/report/defect_rows.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// Number of CardStage values (发现 ... 销号).
inline constexpr std::size_t kCardStageCount = 7;

/// Counts over a set of defects, the figures of a 通报.
///
/// - 立案 (`carded`): defects with a card.
/// - 结案率 (closure rate) = closed / carded.
/// - 应结案 (`due`): closed cards plus open cards whose deadline has passed at the report time.
/// - 按期结案 (`closedOnTime`): closed cards whose closing time is not after their deadline
///   (the deadline the card has at closing, i.e. after any escalation).
/// - 按期结案率 (on-time closure rate) = closedOnTime / due.
/// - `overdue`: open cards past their deadline that count towards it (core::isOverdue).
struct Tally {
    std::array<int, kCardStageCount> byStage{}; ///< defects per CardStage, by its numeric value
    int total = 0;
    int carded = 0;
    int closed = 0;
    int due = 0;
    int closedOnTime = 0;
    int overdue = 0;

    int open() const { return carded - closed; }
    int inStage(CardStage s) const { return byStage[static_cast<std::size_t>(s)]; }
    /// closed / carded; nullopt when nothing is carded.
    std::optional<double> closureRate() const;
    /// closedOnTime / due; nullopt when nothing is due.
    std::optional<double> onTimeClosureRate() const;
    /// Adds one defect (its card, if any) as of `nowUtc`.
    void add(const DefectRow& row, const QDateTime& nowUtc);
};

struct CategoryTally {
    QString category;   ///< "EN"
    QString categoryZh; ///< 环境卫生
    Tally tally;
};

struct UnitTally {
    std::optional<std::int64_t> unitId; ///< nullopt: defects without a unit
    QString unitName;                   ///< "" for defects without a unit
    Tally tally;
};

struct SubdistrictTally {
    QString subdistrict; ///< "" for defects whose sub-district is unknown
    Tally tally;
};

/// One line of the overdue list.
struct OverdueEntry {
    std::size_t row = 0; ///< index into the rows summarised
    int days = 0;        ///< daysOverdue at the report time
};

/// The summary tables of a campaign report. Pure data; thread: any.
struct CampaignSummary {
    QDateTime nowUtc; ///< the report time everything is counted at
    Tally all;
    std::vector<CategoryTally> byCategory;       ///< in order of first appearance in `order`
    std::vector<UnitTally> byUnit;               ///< by unit id; no-unit last
    std::vector<SubdistrictTally> bySubdistrict; ///< by name; unknown last
    std::vector<OverdueEntry> overdue;           ///< most overdue first, then by defect id
};

/// Summarises `rows` at `nowUtc` (a pure function: no I/O). Categories come in the order of
/// `categoryOrder` (e.g. the taxonomy's prefixes in its order), unknown ones after, by key.
CampaignSummary summarize(const std::vector<DefectRow>& rows, const QDateTime& nowUtc,
                          const QStringList& categoryOrder = {});

/// The category prefixes of a taxonomy's codes, in the taxonomy's order, each once.
QStringList categoryOrder(const Taxonomy& taxonomy);

/// A rate as a percentage with one decimal ("87.5%"), or "—" when there is none.
QString percentText(const std::optional<double>& rate);

/// Indices of the rows of one unit (nullopt: rows without a unit), in row order.
std::vector<std::size_t> rowsOfUnit(const std::vector<DefectRow>& rows,
                                    const std::optional<std::int64_t>& unitId);

} // namespace core
