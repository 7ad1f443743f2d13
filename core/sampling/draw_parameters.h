#pragma once

#include "core/model/roles.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace core {

/// When a back street belongs to an anchor's ring.
enum class StreetRule : std::uint8_t {
    AnyPart,     ///< some part of the street lies between inner and outer (default)
    Midpoint,    ///< the street's midpoint does (see gis/analysis/candidates.h)
    LengthShare, ///< at least DrawParameters::streetSharePercent of its length does
};

/// When a compound belongs to an anchor's ring.
enum class CompoundRule : std::uint8_t {
    Centroid, ///< its centroid lies between inner and outer (default)
    AnyPart,  ///< some part of its polygon does
};

/// How many units to draw per anchor: uniformly in [min, max] (fixed when min == max).
struct CountRange {
    int min = 1;
    int max = 2;
    friend bool operator==(const CountRange&, const CountRange&) = default;
};

/// Everything that decides a draw except the seed and the data (domain.md section 6.2).
/// Distances are metres on the ellipsoid, areas square metres. Value type.
struct DrawParameters {
    double innerM = 500;  ///< ring inner radius, from the anchor geometry (0 inside a polygon)
    double outerM = 2000; ///< ring outer radius
    CountRange streets{1, 2};
    CountRange compounds{1, 2};
    int anchorsPerKind = 0; ///< 0 = every anchor; N = N anchors drawn per kind
    std::vector<Role> kinds{kAnchorRoles.begin(), kAnchorRoles.end()}; ///< anchor kinds used
    bool allowRepeats = false;   ///< a unit may be drawn for several anchors of one draw
    bool includeUnnamed = false; ///< unnamed back streets take part (grouped by connectivity)
    double minStreetLengthM = 50;
    double minCompoundAreaM2 = 2000;
    bool compoundNeedsName = true;
    StreetRule streetRule = StreetRule::AnyPart;
    double streetSharePercent = 50; ///< for StreetRule::LengthShare
    CompoundRule compoundRule = CompoundRule::Centroid;
    double snapToleranceM = 1.0; ///< same-name segments this close count as touching
    double widenStepM = 0;       ///< 0 = never widen; else widen a short ring by this step...
    double widenLimitM = 3000;   ///< ...up to this outer radius; widening is flagged per anchor

    /// Throws core::Error(InvalidInput) naming the first bad value and what is allowed.
    void validate() const;
    /// The outer radii tried in order: outerM, then outerM + k * widenStepM up to widenLimitM.
    std::vector<double> outerSteps() const;

    /// JSON with stable keys (inner_m, outer_m, streets [min,max], ...), as kept in the record.
    QJsonObject toJson() const;
    /// Reads toJson()'s format; throws core::FormatError naming `source` and the key.
    static DrawParameters fromJson(const QJsonObject& json, const QString& source);

    friend bool operator==(const DrawParameters&, const DrawParameters&) = default;
};

/// "any", "midpoint", "share" / "centroid", "any": the keys used in JSON and on the CLI.
QString streetRuleKey(StreetRule r);
QString compoundRuleKey(CompoundRule r);

} // namespace core
