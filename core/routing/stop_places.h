#pragma once

#include "core/model/geometry.h"
#include "core/routing/road_graph.h"
#include "core/routing/route_plan.h"

#include <QString>

#include <vector>

namespace core {

/// Turns a drawn unit's geometry into a stop (working CRS, metres):
/// - a point stays where it is;
/// - a line (a drawn street) is reached at its middle (labelPoint) and keeps its longest part
///   in Stop::streetLine, to be walked along when asked (RouteRequest::walkStreets);
/// - a polygon (a drawn compound) is entered at the first of `entrances` lying within 30 m of
///   its boundary (OSM entrance=* nodes), else at the boundary vertex nearest a road of
///   `graph` (its gate is most likely there).
/// Thread: any.
Stop stopFromGeometry(const Geometry& geometry, StopKind kind, const QString& id,
                      const QString& name, const RoadGraph& graph,
                      const std::vector<Point>& entrances = {});

/// Distance in metres from `p` to the nearest road edge of `graph` within `searchM`, or
/// infinity. Thread: any.
double distanceToRoad(const RoadGraph& graph, Point p, double searchM = 500);

} // namespace core
