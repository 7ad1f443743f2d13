#pragma once

#include "core/model/geometry.h"
#include "core/model/roles.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace core {

/// Where a feature's label goes.
enum class LabelPlacement : std::uint8_t { None, BesideSymbol, AlongLine, InsideArea };

/// How a feature of one role (or an unclassified feature of one geometry kind) is drawn.
/// All sizes are in logical pixels, independent of the map scale.
struct FeatureStyle {
    QColor stroke; ///< outline or line colour; invalid = no stroke
    double strokeWidth = 1.0;
    QList<qreal> dashPattern; ///< in units of strokeWidth; empty = solid
    QColor casing;            ///< lines: a wider line drawn below the stroke; invalid = none
    double casingWidth = 0.0;
    QColor fill;             ///< polygons: fill (usually translucent); invalid = none
    double symbolSize = 6.0; ///< points: diameter of the circle or the icon's edge
    bool icon = false;       ///< points (and anchor areas): draw the role's icon
    LabelPlacement labelPlacement = LabelPlacement::None;
    int labelPriority = 0; ///< higher is placed first; 0 = no label
    double labelPixelSize = 12.0;
    bool labelBold = false;
    QColor labelColor{0x30, 0x30, 0x30};
    QColor haloColor{255, 255, 255, 220};
};

/// Drawing order bucket of a feature, lowest first: polygons below lines below points.
enum class DrawStage : std::uint8_t {
    NeutralArea,
    CompoundArea,
    AnchorArea,
    SubdistrictOutline,
    BoundaryOutline,
    NeutralLine,
    BackStreet,
    MainRoad,
    AnchorLine,
    NeutralPoint,
    ToiletSymbol,
    AnchorSymbol,
};

/// The symbology of the base map: one FeatureStyle per role and per unclassified geometry
/// kind, the background, and the label font. Plain value type, safe to copy into workers.
class MapStyle {
public:
    /// The app's standard look: a distinct colour and icon per anchor kind, translucent
    /// compounds, main roads wider than back streets, dashed sub-districts, a thick district
    /// boundary, small toilet icons, grey unclassified features.
    static MapStyle standard();

    const FeatureStyle& forRole(Role role) const { return roles_[static_cast<std::size_t>(role)]; }
    FeatureStyle& forRole(Role role) { return roles_[static_cast<std::size_t>(role)]; }
    /// Style of features without a role, by geometry kind.
    const FeatureStyle& neutral(GeometryKind kind) const;
    FeatureStyle& neutral(GeometryKind kind);

    /// A copy adapted to a scale (metres per pixel): road widths shrink and casings and
    /// minor labels drop out when zoomed far out, so the overview stays readable.
    MapStyle adaptedToScale(double metresPerPixel) const;

    QColor background{0xF4, 0xF2, 0xEC};
    /// Font family for labels: "Noto Sans CJK SC" when installed, else the default family.
    QString fontFamily;

private:
    std::array<FeatureStyle, kRoleCount> roles_{};
    std::array<FeatureStyle, 4> neutral_{}; ///< indexed by GeometryKind
};

/// The colour that identifies a role (anchor badges, legend swatches).
QColor roleColor(Role role);

/// The role a feature is drawn as when it has several: anchors first (in Role order), then
/// sub-district, boundary, main road, compound, back street, toilet. Empty when mask is 0.
std::optional<Role> primaryRole(RoleMask mask);

/// The draw stage for a feature of `kind` drawn as `role` (or unclassified when empty).
DrawStage drawStageFor(std::optional<Role> role, GeometryKind kind);

/// The label font family to use: "Noto Sans CJK SC" if the font database has it, else the
/// application's default family. Thread: any (the font database is locked internally).
QString preferredLabelFontFamily();

} // namespace core
