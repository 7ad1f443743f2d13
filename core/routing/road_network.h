#pragma once

#include "core/model/layer_data.h"
#include "core/model/roles.h"
#include "core/routing/road_graph.h"
#include "core/util/feedback.h"

#include <QStringList>

#include <vector>

namespace core {

/// The road lines found in a set of layers, and where they came from.
struct RoadLines {
    std::vector<RoadLine> lines;
    QStringList layers;       ///< names of the layers that gave roads
    std::size_t features = 0; ///< features used
};

/// Picks the roads of line layers: every feature the rules classify as BackStreet or MainRoad,
/// and every feature with an OSM-style `highway` (or Geofabrik `fclass`) value naming a way
/// (so footways, paths and steps count too). The class comes from highway/fclass, else
/// Residential for back streets and Secondary for main roads; `oneway`/`junction` give the
/// direction; the name from name:zh, name, 名称, NAME, 路名. Each line part is one RoadLine.
/// Coordinates stay in the layers' CRS (the working CRS, metres). Thread: any.
RoadLines roadLinesFromLayers(const std::vector<LayerPtr>& layers, const RuleSet& rules);

/// roadLinesFromLayers + RoadGraph::build. Progress on `feedback`.
RoadGraph buildRoadGraph(const std::vector<LayerPtr>& layers, const RuleSet& rules,
                         const RoadGraphOptions& options, Feedback& feedback);

} // namespace core
