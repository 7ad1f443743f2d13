#pragma once

#include "core/model/layer_data.h"
#include "core/render/map_renderer.h"
#include "core/render/page_layout.h"

#include <QString>

#include <vector>

namespace core {

/// The layers of one stored draw (Campaign::readDrawLayer), in the working CRS. Any may be null.
struct DrawLayers {
    LayerPtr anchors;   ///< points: anchor_id, kind, name, ...
    LayerPtr rings;     ///< polygons: anchor_id, inner_m, outer_m
    LayerPtr streets;   ///< lines: anchor_id, draw_rank, name, length_m, min_dist_m
    LayerPtr compounds; ///< polygons: anchor_id, draw_rank, name, area_m2, centroid_dist_m
};

/// Keeps only the features whose anchor_id is `anchorId` (all when empty).
DrawLayers filterDrawLayers(const DrawLayers& layers, const QString& anchorId);

/// Overlays showing a draw: the rings (translucent band with a dashed outline, below the base
/// map's features), the drawn compounds (hatched) and drawn streets (a wide magenta line)
/// above the features, with their names. Thread: the overlays only read the shared layers.
std::vector<MapOverlay> drawOverlays(const DrawLayers& layers);

/// Legend lines for the draw overlays that have features.
std::vector<LegendEntry> drawLegend(const DrawLayers& layers);

} // namespace core
