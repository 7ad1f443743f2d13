#pragma once

#include "core/routing/stop_order.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace core {

/// How stops are shared out between teams.
struct TeamOptions {
    int teams = 1;
    /// Longest allowed day per team, in the matrix's unit (seconds); infinity = no budget.
    double budget = std::numeric_limits<double>::infinity();
    int exactLimit = 12;
    std::uint64_t seed = 1;
};

/// One team's day.
struct TeamDay {
    std::vector<int> order; ///< matrix indices, starting with the start place when fixed
    double cost = 0;        ///< travel + dwell (as folded into the matrix)
};

/// The teams' days and what did not fit.
struct TeamSplit {
    std::vector<TeamDay> days; ///< one per team (a team may get no stop)
    std::vector<int> unplaced; ///< stops no team can fit within the budget, ascending
    double longest = 0;        ///< the longest day
};

/// Splits the `stops` (matrix indices; the ends' start/end places are shared by every team and
/// must not be listed) across options.teams teams so that the longest day is as short as
/// found and every day stays within options.budget; stops that fit nowhere are reported in
/// `unplaced`. Dwell time belongs in the matrix (add a stop's dwell to every leg arriving at
/// it). Method: one giant tour cut into K consecutive days (optimal cut by dynamic
/// programming), then moves and swaps of stops between days with every day re-ordered
/// (orderStops), then removal of the costliest stops from days over budget and re-insertion
/// where they fit. Deterministic for a seed. Thread: any.
TeamSplit splitTeams(const CostMatrix& m, const std::vector<int>& stops, const TourEnds& ends,
                     const TeamOptions& options);

} // namespace core
