#pragma once

#include "core/routing/road_graph.h"
#include "core/routing/route_profile.h"
#include "core/routing/router.h"
#include "core/util/feedback.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// What an inspector stops at.
enum class StopKind : std::uint8_t { Street, Compound, Anchor, Other };
/// "street", "compound", "anchor", "other".
QString stopKindKey(StopKind kind);
/// Minutes spent at a stop of a kind when the stop gives none: a 500 m street check 20, a
/// compound 20, an anchor's frontage 15, anything else 5.
double defaultDwellMinutes(StopKind kind);

/// One place to inspect. A drawn street becomes a Street stop at its nearest point (or with
/// its stretch in `streetLine` to walk along), a drawn compound a Compound stop at its
/// entrance (or the boundary point nearest the network). Coordinates in the working CRS.
struct Stop {
    QString id;   ///< caller's key (draw unit key, "stop-3", ...)
    QString name; ///< shown on the route sheet and in GPX waypoints (UTF-8)
    StopKind kind = StopKind::Other;
    Point location;
    double dwellMinutes = -1;      ///< < 0: defaultDwellMinutes(kind)
    std::vector<Point> streetLine; ///< optional street geometry to walk along
    double dwellS() const {
        return 60 * (dwellMinutes < 0 ? defaultDwellMinutes(kind) : dwellMinutes);
    }
};

/// What to plan.
struct RouteRequest {
    RouteProfile profile = RouteProfile::walk();
    std::optional<Point> start; ///< office or current position; none: the order picks
    std::optional<Point> end;   ///< where the day ends (ignored for a round trip)
    bool roundTrip = false;     ///< back to the start (to the first stop when no start)
    int teams = 1;
    double budgetMinutes = 0;    ///< per team day (travel + dwell); 0 = no budget
    bool walkStreets = false;    ///< walk each Street stop's stretch instead of touching it
    double maxStreetWalkM = 500; ///< longest stretch walked along a street
    SnapOptions snap;            ///< how stops and ends are snapped onto the roads
    std::uint64_t seed = 1;      ///< seeds the ordering heuristics' restarts
    int exactLimit = 12;         ///< Held-Karp up to this many stops per day
};

/// One leg of a day: from a place to the next along the roads, or along a street stop.
struct RouteLeg {
    int fromStop = -1;        ///< index into RoutePlan::stops; -1 = the start
    int toStop = -1;          ///< index into RoutePlan::stops; -1 = the end / back at the start
    bool alongStreet = false; ///< walking the stop's street stretch (fromStop == toStop)
    double distanceM = 0;
    double travelS = 0;
    QStringList streets;         ///< street names along the leg, in order
    std::vector<Point> geometry; ///< working CRS
};

/// One team's day.
struct TeamRoute {
    int team = 0;           ///< from 0
    std::vector<int> stops; ///< indices into RoutePlan::stops, in visiting order
    std::vector<RouteLeg> legs;
    double distanceM = 0;
    double travelS = 0;
    double dwellS = 0;
    bool manualOrder = false; ///< the order was changed by hand (reorderTeam), not planned
    double totalS() const { return travelS + dwellS; }
};

/// A planned route: per team the order, legs and totals; what could not be planned.
struct RoutePlan {
    std::vector<Stop> stops;
    TravelMode mode = TravelMode::Walk;
    std::optional<Point> start; ///< as snapped onto the road, working CRS
    std::optional<Point> end;
    bool roundTrip = false;
    double budgetMinutes = 0;
    std::vector<TeamRoute> teams;
    std::vector<int> unplaced;    ///< stops no team can fit into the budget
    std::vector<int> unreachable; ///< stops too far from the roads or cut off from the others
    bool exactOrder = false;      ///< every day was ordered by Held-Karp
    QStringList warnings;

    double totalDistanceM() const;
    double longestDayS() const;
};

/// Plans inspectors' routes: snaps stops and ends onto the network (perpendicular projection),
/// computes travel times between all of them (one Dijkstra per place), orders the stops
/// (Held-Karp, or the heuristic), splits them across teams within the budget, and traces each
/// leg along the roads with its street names. Throws core::Error(InvalidInput) when the start
/// or end is farther than request.snap.maxDistanceM from any road open to the profile, or when
/// there is no stop; OperationCanceled via `feedback`. Thread: any (the graph may be shared).
RoutePlan planRoute(const RoadGraph& graph, const std::vector<Stop>& stops,
                    const RouteRequest& request, Feedback& feedback);

/// Re-traces one team's day in a new visiting order (a stop moved by hand in the route panel):
/// the legs between consecutive places are routed again along the roads with `router` (the
/// graph and profile the plan was made with), the team's distance, travel and dwell totals are
/// recomputed and the team is marked manualOrder; the other teams, the stops and what could not
/// be planned are copied unchanged, and exactOrder becomes false. `order` must be a permutation
/// of plan.teams[team].stops; the start stays first and the end (or the return of a round
/// trip) last. `request` is the one the plan was made with: stops and ends are snapped onto the
/// roads exactly as planRoute() snapped them, and legs whose two ends did not change are kept
/// without routing (moving one stop routes at most three legs). Coordinates in the working CRS.
/// Throws core::Error(InvalidInput) for a team out of range, an order that is not a
/// permutation of the team's stops, or a leg that cannot be routed (naming its ends).
/// Thread: any; the router is used by the calling thread only (its graph may be shared).
RoutePlan reorderTeam(const RoutePlan& plan, int team, const std::vector<int>& order,
                      Router& router, const RouteRequest& request);

/// The part of `line` to walk for a street stop: the whole line when not longer than maxM,
/// else a stretch of maxM metres centred on the point of the line nearest `near` (moved
/// inwards at the ends). Working CRS.
std::vector<Point> inspectionStretch(const std::vector<Point>& line, Point near, double maxM);

} // namespace core
