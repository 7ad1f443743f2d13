#pragma once

#include "core/model/card.h"
#include "core/model/unit.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// What a defect can be attached to.
enum class AttachKind : std::uint8_t { None, Street, Compound, Anchor };
QString attachKindKey(AttachKind k); ///< "", "street", "compound", "anchor"
std::optional<AttachKind> attachKindFromKey(const QString& key);

/// A time allowance: working hours, working days (one working day = the calendar's daily
/// working hours) or calendar hours.
struct Allowance {
    enum class Unit : std::uint8_t { WorkingHours, WorkingDays, CalendarHours };
    double amount = 0;
    Unit unit = Unit::WorkingHours;
    friend bool operator==(const Allowance&, const Allowance&) = default;
};

/// One defect type of the taxonomy (domain.md 5.2).
struct DefectType {
    QString code;   ///< "RD-01"
    QString nameZh; ///< 路面坑洼破损
    QString nameEn;
    QStringList attach;                         ///< "street", "compound", "premises"
    UnitKind unitKind = UnitKind::StreetOffice; ///< default responsible-unit kind
    CardColour card = CardColour::White;        ///< default card
    int severity = 3;                           ///< 1 safety-critical, 2 major, 3 minor
    QString dcmCode; ///< nearest 数字城管 code ("E0110", "B0101–B0114"), may be empty
    QString note;    ///< conditions the table states in words ("Red if missing")
    std::optional<Allowance> deadline; ///< overrides the card colour's default deadline
};

/// The defect taxonomy as data: shipped in resources/taxonomy/defects.json; each campaign keeps
/// its own copy so an old campaign reads the same after the shipped defaults change.
/// Value type; thread: any.
class Taxonomy {
public:
    /// Parses the JSON format of resources/taxonomy/defects.json. Throws FormatError naming
    /// `sourceName` and the offending entry (duplicate code, unknown unit kind or colour).
    static Taxonomy fromJson(const QByteArray& json, const QString& sourceName);
    /// Reads a taxonomy file (JSON); throws NotFound/Format naming the file.
    static Taxonomy fromFile(const QString& path);
    /// The shipped default (resources/taxonomy/defects.json).
    static Taxonomy defaults();

    QByteArray toJson() const;

    const QString& name() const { return name_; }
    const std::vector<DefectType>& types() const { return types_; }
    const DefectType* find(const QString& code) const;
    /// Like find() but throws InvalidInput naming the code and listing a few valid ones.
    const DefectType& require(const QString& code) const;

    /// Deadline of a fresh card per colour (white 4 working hours, yellow 3 working days,
    /// red for severity-1 defects 24 calendar hours).
    Allowance whiteDeadline() const { return white_; }
    Allowance yellowDeadline() const { return yellow_; }
    Allowance redSeverity1Deadline() const { return red1_; }

    void setName(const QString& name) { name_ = name; }
    void add(DefectType type) { types_.push_back(std::move(type)); }

private:
    QString name_;
    std::vector<DefectType> types_;
    Allowance white_{4, Allowance::Unit::WorkingHours};
    Allowance yellow_{3, Allowance::Unit::WorkingDays};
    Allowance red1_{24, Allowance::Unit::CalendarHours};
};

} // namespace core
