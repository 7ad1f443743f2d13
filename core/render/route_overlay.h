#pragma once

#include "core/render/map_renderer.h"
#include "core/render/page_layout.h"
#include "core/routing/route_plan.h"

#include <QColor>

#include <memory>
#include <vector>

namespace core {

/// The colour of team `team` (from 0) on maps and sheets; repeats after eight teams.
QColor teamColor(int team);

/// An overlay drawing a plan's legs in team colours and its stops as numbered discs (the
/// number is the stop's position in its team's day), the start and end as squares. `team`
/// < 0 draws every team. Paints AboveLabels. Thread: only reads the shared plan.
MapOverlay routeOverlay(std::shared_ptr<const RoutePlan> plan, int team = -1);

/// Legend lines for routeOverlay(plan, team).
std::vector<LegendEntry> routeLegend(const RoutePlan& plan, int team = -1);

/// The working-CRS box of a team's legs and stops (every team when `team` < 0).
Box routeExtent(const RoutePlan& plan, int team = -1);

} // namespace core
