#pragma once

#include "core/model/taxonomy.h"
#include "core/render/draw_overlay.h"

#include <QString>

#include <optional>

namespace gis {

/// What a click on the map attaches to: a drawn street, a drawn compound or an anchor of the
/// current draw, with the point the defect is placed at.
struct SnapTarget {
    core::AttachKind kind = core::AttachKind::None;
    QString layer;         ///< campaign table: "drawn_streets", "drawn_compounds", "draw_anchors"
    std::int64_t fid = -1; ///< the feature's id in that layer (the campaign table's fid)
    QString attachId;      ///< "<layer>:<fid>", as core::Defect::attachId
    QString name;          ///< the street's, compound's or anchor's name
    QString anchorId;      ///< the anchor the item was drawn for
    QString roleKey;       ///< "back_street", "compound" or the anchor's kind ("market", ...)
    core::Point at;        ///< where the defect goes: on the street line, inside the compound
    double distance = 0;   ///< from the click to the item (working CRS units)
};

/// The drawn item under a click at `p` (working CRS), within `tolerance` (CRS units, e.g. 12
/// screen pixels in metres). Anchors win over streets, streets over compounds (a click near a
/// street inside a compound means the street); a compound is hit when `p` is inside it or
/// within the tolerance of its edge. A street hit moves the point onto the street's line; a
/// compound hit keeps it (or moves it just inside from outside). nullopt when nothing is near.
/// Uses GEOS; thread: any (a GEOS context per call).
std::optional<SnapTarget> snapToDrawn(const core::DrawLayers& layers, core::Point p,
                                      double tolerance);

} // namespace gis
