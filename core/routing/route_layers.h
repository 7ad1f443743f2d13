#pragma once

#include "core/model/layer_data.h"
#include "core/routing/route_plan.h"

#include <QString>

#include <vector>

namespace core {

/// The label of a stop on maps, sheets and phones: "03 name" for one team, "T2-03 name" for
/// several (position from 1 within the team's day).
QString stopLabel(const RoutePlan& plan, int team, int position);

/// A plan as two layers in `crsAuthId` (the plan's working CRS): "route_stops" (points: team,
/// seq, label, stop_id, name, kind, dwell_min, arrive_min, leg_m) and "route_legs" (lines:
/// team, seq, from_label, to_label, along_street, distance_m, minutes, streets), plus the start
/// and end as stops with seq 0 and kind "start"/"end". For storing in a campaign or writing
/// with a vector driver. Thread: any.
std::vector<LayerPtr> routeLayers(const RoutePlan& plan, const QString& crsAuthId);

} // namespace core
