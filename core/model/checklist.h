#pragma once

#include "core/model/taxonomy.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// How a counted checklist item is judged: the inspector counts (ads per 500 m, jaywalkers per
/// 5 minutes, minutes of queueing) and the item passes when the count is within [min, max].
struct CountRule {
    enum class Per : std::uint8_t { Walk500m, FiveMinutes, Site };
    Per per = Per::Site;
    std::optional<int> min; ///< at least this many (ads)
    std::optional<int> max; ///< at most this many (0 for "none seen")
    QString unitZh;         ///< 处, 辆, 人次
    QString unitEn;
    /// True when `count` satisfies the rule.
    bool passes(int count) const;
    /// "每500米 ≥ 3 处" / "per 500 m at least 3 ads".
    QString describe(bool chinese) const;
};

/// One item the evaluators check at a point type (domain.md 1.3).
struct ChecklistItem {
    QString id;     ///< "BS-01", unique in its checklist
    QString nameZh; ///< 路面硬化，无明显坑洼、积水
    QString nameEn;
    QString defectCode;             ///< taxonomy code a failed item pre-fills; "" when none
    std::optional<CountRule> count; ///< set when the protocol counts
};

/// The items for one point type.
struct Checklist {
    QString id;     ///< "back_street"
    QString nameZh; ///< 背街小巷/公共空间
    QString nameEn;
    QStringList appliesTo; ///< role keys ("back_street", "compound", "market", ...) or "street"
    std::vector<ChecklistItem> items;
    const ChecklistItem* find(const QString& itemId) const;
};

/// Checklists as data: shipped in resources/checklists/checklists.json; a district can load its
/// own file, and a campaign keeps the set it uses (ps_meta.checklists_json) so its observations
/// read the same later. Value type; thread: any.
class ChecklistSet {
public:
    /// Parses the JSON format of resources/checklists/checklists.json. Throws FormatError naming
    /// `sourceName` and the checklist/item at fault (missing id or name, duplicate id, a count
    /// without min or max, an unknown "per"). With `taxonomy`, also refuses items whose defect
    /// code the taxonomy lacks.
    static ChecklistSet fromJson(const QByteArray& json, const QString& sourceName,
                                 const Taxonomy* taxonomy = nullptr);
    /// Reads a checklist file; throws NotFound/FormatError naming the file.
    static ChecklistSet fromFile(const QString& path, const Taxonomy* taxonomy = nullptr);
    /// The shipped default (resources/checklists/checklists.json).
    static ChecklistSet defaults();

    QByteArray toJson() const;

    const QString& name() const { return name_; }
    const std::vector<Checklist>& checklists() const { return lists_; }
    const Checklist* find(const QString& id) const;
    /// The checklists that apply to a role key ("compound", "market", ...), in file order. A
    /// drawn street ("back_street") also gets those listing the generic "street".
    std::vector<const Checklist*> forRole(const QString& roleKey) const;

private:
    QString name_;
    std::vector<Checklist> lists_;
};

/// An inspector's verdict on one checklist item.
enum class ObservationResult : std::uint8_t { Pass, Fail, NotApplicable };
QString observationResultKey(ObservationResult r); ///< "pass", "fail", "na"
std::optional<ObservationResult> observationResultFromKey(const QString& key);

/// One marked checklist item at a drawn street, compound or anchor, as the campaign stores it
/// (ps_observations). A later observation of the same item at the same place supersedes the
/// earlier one; both stay in the file.
struct Observation {
    std::int64_t id = 0;
    QString uuid;
    QString drawId; ///< the draw the place came from ("" for a place outside a draw)
    AttachKind attachKind = AttachKind::None;
    QString attachId;   ///< "<layer table>:<fid>", as Defect::attachId
    QString attachName; ///< 胜利巷, for people reading the table
    QString checklistId;
    QString itemId;
    ObservationResult result = ObservationResult::Pass;
    std::optional<int> count;
    QString defectUuid; ///< the defect a failed item led to, when one was recorded
    QString inspector;
    QDateTime observedAt; ///< UTC
    QDateTime recordedAt; ///< UTC, set by the store
    QString note;
};

/// The latest observation of each item (by checklist and item id) among `all`, which must be
/// oldest first (as Campaign::observations returns them).
std::vector<Observation> currentObservations(const std::vector<Observation>& all);

} // namespace core
