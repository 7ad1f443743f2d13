#pragma once

#include "core/model/card.h"
#include "core/model/defect.h"
#include "core/model/unit.h"
#include "core/util/feedback.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace core {

class Campaign;
class Taxonomy;

/// One defect with everything an export or a report shows about it: the taxonomy's name, its
/// category, its card, its responsible unit's name, the sub-district it lies in and its photos.
/// Value type; thread: any.
struct DefectRow {
    Defect defect;
    QString nameZh;           ///< 暴露垃圾/卫生死角 ("" for a code the taxonomy lacks)
    QString category;         ///< the code's prefix: "EN" for EN-01 (defectCategory)
    QString categoryZh;       ///< 环境卫生 (the prefix when unknown)
    std::optional<Card> card; ///< none before 发卡
    QString unitName;         ///< "" when the defect has no responsible unit
    QString subdistrict;      ///< the sub-district (街道) it lies in; "" when unknown
    QString attachedName;     ///< the drawn street's, compound's or anchor's name, or ""
    std::vector<PhotoInfo> photos;
};

/// The category of a defect code: the part before the first '-' ("RD-01" -> "RD"), upper case.
QString defectCategory(const QString& code);
/// The Chinese name of a category (RD 道路设施, EN 环境卫生, ...); the key itself when unknown.
QString defectCategoryChinese(const QString& category);

/// Whole calendar days by which an open card is past its deadline at `nowUtc`, a started day
/// counting as one (1 s late = 1 day); 0 when the card is not overdue (see core::isOverdue:
/// reported, re-checked and closed cards are never overdue); nullopt without a card.
std::optional<int> daysOverdue(const std::optional<Card>& card, const QDateTime& nowUtc);

/// Reads the campaign's defects matching `filter` into rows, in defect id order: cards, unit
/// names, photo lists, and the sub-district each lies in (point in the campaign's sub-district
/// polygons, working CRS; else the area of its street-office unit). Reads only; `feedback`
/// gets progress 0-100 and is checked for cancel. Throws StoreError naming the file.
/// Thread: the campaign's.
std::vector<DefectRow> collectDefectRows(Campaign& campaign, const DefectFilter& filter,
                                         Feedback& feedback);

/// The unit whose id (digits) or name (exact, then case-insensitive, then a unique part of a
/// name) is `idOrName`; throws InvalidInput naming the campaign and listing some units.
ResponsibleUnit requireUnit(Campaign& campaign, const QString& idOrName);

/// Local wall-clock time of a UTC moment for people reading a report: "2027-03-15 18:20",
/// shifted by `utcOffsetMinutes` (the campaign calendar's, +480 for China); "" for a null time.
QString localTimeText(const QDateTime& utc, int utcOffsetMinutes);

} // namespace core
