#include "core/routing/route_plan.h"

#include "core/routing/stop_order.h"
#include "core/routing/team_split.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double dist(Point a, Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// A place of the cost matrix: the start, the end, or a stop with where it is entered and left.
struct Place {
    int stop = -1; ///< -1 for the start/end
    EdgeLocation entry;
    EdgeLocation exit;
    double alongS = 0; ///< walking the street stretch from entry to exit
    double alongM = 0;
    double dwellS = 0;
};

std::vector<Point> slice(const std::vector<Point>& line, double from, double to) {
    std::vector<Point> out;
    double at = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const double len = dist(line[i], line[i + 1]);
        const double a = at;
        const double b = at + len;
        at = b;
        if (b < from || a > to || len <= 0)
            continue;
        auto lerp = [&](double s) {
            const double t = std::clamp((s - a) / len, 0.0, 1.0);
            return Point{line[i].x + (line[i + 1].x - line[i].x) * t,
                         line[i].y + (line[i + 1].y - line[i].y) * t};
        };
        if (out.empty())
            out.push_back(lerp(std::max(from, a)));
        const Point e = lerp(std::min(to, b));
        if (!(e == out.back()))
            out.push_back(e);
    }
    return out;
}

QString placeLabel(const std::vector<Stop>& stops, int stop) {
    if (stop < 0)
        return QStringLiteral("start/end");
    const Stop& s = stops[stop];
    return s.name.isEmpty() ? s.id : s.name;
}

// Fills a leg's length, time, street names and geometry from the path found for it.
void traceAlong(RouteLeg& leg, const RoadGraph& graph, const RoutePath& path) {
    leg.distanceM = path.distanceM;
    leg.travelS = path.durationS;
    leg.streets = streetNamesAlong(graph, path);
    leg.geometry = path.geometry;
}

// Where a stop is entered and left on the roads: its nearest point, or both ends of the street
// stretch it is walked along. The same rule as planRoute's.
std::optional<std::pair<EdgeLocation, EdgeLocation>> snapStop(const Router& router, const Stop& s,
                                                              const RouteRequest& request) {
    std::optional<EdgeLocation> entry;
    std::optional<EdgeLocation> exit;
    if (request.walkStreets && s.kind == StopKind::Street && s.streetLine.size() >= 2) {
        const auto stretch = inspectionStretch(s.streetLine, s.location, request.maxStreetWalkM);
        entry = router.snap(stretch.front(), request.snap);
        exit = router.snap(stretch.back(), request.snap);
    } else {
        entry = exit = router.snap(s.location, request.snap);
    }
    if (!entry || !exit)
        return std::nullopt;
    return std::pair{*entry, *exit};
}

} // namespace

QString stopKindKey(StopKind kind) {
    switch (kind) {
    case StopKind::Street:
        return QStringLiteral("street");
    case StopKind::Compound:
        return QStringLiteral("compound");
    case StopKind::Anchor:
        return QStringLiteral("anchor");
    case StopKind::Other:
        break;
    }
    return QStringLiteral("other");
}

double defaultDwellMinutes(StopKind kind) {
    switch (kind) {
    case StopKind::Street:
    case StopKind::Compound:
        return 20;
    case StopKind::Anchor:
        return 15;
    case StopKind::Other:
        break;
    }
    return 5;
}

double RoutePlan::totalDistanceM() const {
    double s = 0;
    for (const auto& t : teams)
        s += t.distanceM;
    return s;
}

double RoutePlan::longestDayS() const {
    double s = 0;
    for (const auto& t : teams)
        s = std::max(s, t.totalS());
    return s;
}

std::vector<Point> inspectionStretch(const std::vector<Point>& line, Point near, double maxM) {
    double total = 0;
    double bestD = kInf;
    double nearAt = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Point a = line[i];
        const Point b = line[i + 1];
        const double len = dist(a, b);
        const double t =
            len > 0 ? std::clamp(((near.x - a.x) * (b.x - a.x) + (near.y - a.y) * (b.y - a.y)) /
                                     (len * len),
                                 0.0, 1.0)
                    : 0.0;
        const double d = dist(near, {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
        if (d < bestD) {
            bestD = d;
            nearAt = total + t * len;
        }
        total += len;
    }
    if (total <= maxM)
        return line;
    const double from = std::clamp(nearAt - maxM / 2, 0.0, total - maxM);
    return slice(line, from, from + maxM);
}

RoutePlan planRoute(const RoadGraph& graph, const std::vector<Stop>& stops,
                    const RouteRequest& request, Feedback& feedback) {
    if (stops.empty())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("no stops to route: give at least one"));
    RoutePlan plan;
    plan.stops = stops;
    plan.mode = request.profile.mode;
    plan.roundTrip = request.roundTrip;
    plan.budgetMinutes = request.budgetMinutes;
    Router router(graph, request.profile);
    const QString mode = travelModeName(request.profile.mode);
    if (router.components().empty())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("the road network has no way open to %1").arg(mode));

    auto snapEnd = [&](Point p, const char* what) {
        const auto at = router.snap(p, request.snap);
        if (!at)
            throw Error(
                ErrorCode::InvalidInput,
                QStringLiteral("the %1 (%2, %3) is more than %4 m from any road open to %5: "
                               "give a place on or near the road network")
                    .arg(QString::fromLatin1(what))
                    .arg(p.x, 0, 'f', 1)
                    .arg(p.y, 0, 'f', 1)
                    .arg(request.snap.maxDistanceM)
                    .arg(mode));
        return *at;
    };
    std::vector<Place> places;
    int startPlace = -1;
    int endPlace = -1;
    if (request.start) {
        const EdgeLocation at = snapEnd(*request.start, "start");
        places.push_back({-1, at, at, 0, 0, 0});
        startPlace = 0;
        plan.start = at.point;
    }
    if (request.end && !request.roundTrip) {
        const EdgeLocation at = snapEnd(*request.end, "end");
        places.push_back({-1, at, at, 0, 0, 0});
        endPlace = static_cast<int>(places.size()) - 1;
        plan.end = at.point;
    }
    const std::size_t firstStop = places.size();
    for (std::size_t i = 0; i < stops.size(); ++i) {
        const Stop& s = stops[i];
        Place place;
        place.stop = static_cast<int>(i);
        place.dwellS = s.dwellS();
        const bool walk =
            request.walkStreets && s.kind == StopKind::Street && s.streetLine.size() >= 2;
        const auto snapped = snapStop(router, s, request);
        if (!snapped) {
            plan.unreachable.push_back(place.stop);
            plan.warnings << QStringLiteral("stop '%1' is more than %2 m from any road open to %3")
                                 .arg(placeLabel(stops, place.stop))
                                 .arg(request.snap.maxDistanceM)
                                 .arg(mode);
            continue;
        }
        place.entry = snapped->first;
        place.exit = snapped->second;
        if (walk) {
            const TravelCost along = router.cost(place.entry, place.exit);
            if (!along.reachable()) {
                plan.unreachable.push_back(place.stop);
                plan.warnings << QStringLiteral("the street of stop '%1' cannot be walked along")
                                     .arg(placeLabel(stops, place.stop));
                continue;
            }
            place.alongS = along.durationS;
            place.alongM = along.distanceM;
        }
        places.push_back(place);
    }

    // Travel time from each place's exit to every place's entry, dwell added on arrival.
    const std::size_t n = places.size();
    std::vector<EdgeLocation> entries;
    for (const auto& p : places)
        entries.push_back(p.entry);
    CostMatrix m(n, kInf);
    for (std::size_t i = 0; i < n; ++i) {
        feedback.throwIfCanceled();
        feedback.setProgress(80.0 * static_cast<double>(i) / static_cast<double>(n),
                             QStringLiteral("travel times"));
        const auto costs = router.costsFrom(places[i].exit, entries);
        for (std::size_t j = 0; j < n; ++j)
            m(i, j) = i == j ? 0 : costs[j].durationS + places[j].dwellS + places[j].alongS;
    }
    // Drop stops cut off from the rest (one-way traps, islands), worst first.
    std::vector<bool> alive(n, true);
    for (;;) {
        int worst = -1;
        int worstCount = 0;
        for (std::size_t i = firstStop; i < n; ++i) {
            if (!alive[i])
                continue;
            int bad = 0;
            for (std::size_t j = 0; j < n; ++j)
                if (alive[j] && j != i && (!std::isfinite(m(i, j)) || !std::isfinite(m(j, i))))
                    ++bad;
            if (bad > worstCount) {
                worst = static_cast<int>(i);
                worstCount = bad;
            }
        }
        if (worst < 0)
            break;
        alive[worst] = false;
        plan.unreachable.push_back(places[worst].stop);
        plan.warnings << QStringLiteral("stop '%1' cannot be reached from the others by %2")
                             .arg(placeLabel(stops, places[worst].stop), mode);
    }
    if (startPlace >= 0 && endPlace >= 0 && !std::isfinite(m(startPlace, endPlace)))
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("the end cannot be reached from the start by %1").arg(mode));
    std::sort(plan.unreachable.begin(), plan.unreachable.end());

    // Order (one team, no budget) or split.
    std::vector<int> kept;
    for (std::size_t i = 0; i < n; ++i)
        if (alive[i])
            kept.push_back(static_cast<int>(i));
    CostMatrix sub(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i)
        for (std::size_t j = 0; j < kept.size(); ++j)
            sub(i, j) = m(kept[i], kept[j]);
    TourEnds ends;
    ends.roundTrip = request.roundTrip;
    ends.start = startPlace; // start and end come first in `kept`
    ends.end = endPlace >= 0 ? endPlace : -1;
    std::vector<int> stopIdx;
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (static_cast<int>(i) != ends.start && static_cast<int>(i) != ends.end)
            stopIdx.push_back(static_cast<int>(i));
    TeamOptions topt;
    topt.teams = std::max(1, request.teams);
    topt.budget = request.budgetMinutes > 0 ? request.budgetMinutes * 60 : kInf;
    topt.seed = request.seed;
    topt.exactLimit = request.exactLimit;
    feedback.setProgress(85, QStringLiteral("ordering"));
    const TeamSplit split = splitTeams(sub, stopIdx, ends, topt);
    for (const int u : split.unplaced)
        plan.unplaced.push_back(places[kept[u]].stop);
    std::sort(plan.unplaced.begin(), plan.unplaced.end());

    // Trace the legs along the roads.
    plan.exactOrder = true;
    for (std::size_t t = 0; t < split.days.size(); ++t) {
        feedback.throwIfCanceled();
        TeamRoute team;
        team.team = static_cast<int>(t);
        std::vector<int> seq;
        for (const int i : split.days[t].order)
            seq.push_back(kept[i]);
        int freeStops = 0;
        for (const int p : seq)
            freeStops += places[p].stop >= 0 ? 1 : 0;
        if (freeStops > request.exactLimit)
            plan.exactOrder = false;
        if (request.roundTrip && !seq.empty() && freeStops > 0)
            seq.push_back(seq.front());
        for (std::size_t k = 0; k < seq.size(); ++k) {
            const Place& to = places[seq[k]];
            if (k > 0) {
                const Place& from = places[seq[k - 1]];
                RouteLeg leg;
                leg.fromStop = from.stop;
                const bool backToStart =
                    request.roundTrip && k + 1 == seq.size() && startPlace >= 0;
                leg.toStop = backToStart ? -1 : to.stop;
                traceAlong(leg, graph, router.route(from.exit, to.entry));
                team.legs.push_back(std::move(leg));
            }
            const bool repeat = request.roundTrip && k + 1 == seq.size() && k > 0;
            if (to.stop < 0 || repeat)
                continue;
            team.stops.push_back(to.stop);
            team.dwellS += to.dwellS;
            if (to.alongM > 0) {
                RouteLeg leg;
                leg.fromStop = leg.toStop = to.stop;
                leg.alongStreet = true;
                traceAlong(leg, graph, router.route(to.entry, to.exit));
                team.legs.push_back(std::move(leg));
            }
        }
        for (const auto& leg : team.legs) {
            team.distanceM += leg.distanceM;
            team.travelS += leg.travelS;
        }
        plan.teams.push_back(std::move(team));
    }
    feedback.setProgress(100);
    return plan;
}

RoutePlan reorderTeam(const RoutePlan& plan, int team, const std::vector<int>& order,
                      Router& router, const RouteRequest& request) {
    if (team < 0 || team >= static_cast<int>(plan.teams.size()))
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("team %1 is not in the plan: it has %2 team(s)")
                        .arg(team + 1)
                        .arg(plan.teams.size()));
    const TeamRoute& old = plan.teams[static_cast<std::size_t>(team)];
    std::vector<int> had = old.stops;
    std::vector<int> given = order;
    std::sort(had.begin(), had.end());
    std::sort(given.begin(), given.end());
    if (had != given)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("the new order of team %1 must list each of its %2 stop(s) "
                                   "once (got %3)")
                        .arg(team + 1)
                        .arg(old.stops.size())
                        .arg(order.size()));
    RoutePlan out = plan;
    if (order == old.stops)
        return out;

    // Places of the day: the start, the stops in the new order, then the end or the return.
    constexpr int kStart = -2;
    constexpr int kEnd = -3;
    std::vector<int> seq;
    if (plan.start)
        seq.push_back(kStart);
    seq.insert(seq.end(), order.begin(), order.end());
    if (plan.roundTrip) {
        if (!order.empty())
            seq.push_back(seq.front());
    } else if (plan.end) {
        seq.push_back(kEnd);
    }

    // A leg is fixed by its two ends (and whether it walks a street), so unchanged ones are kept.
    const auto key = [](const RouteLeg& l) {
        return std::tuple{l.fromStop, l.toStop, l.alongStreet};
    };
    std::map<std::tuple<int, int, bool>, const RouteLeg*> kept;
    for (const RouteLeg& l : old.legs)
        kept.emplace(key(l), &l);

    const QString mode = travelModeName(router.profile().mode);
    const auto label = [&](int place) {
        if (place == kStart)
            return QStringLiteral("the start");
        if (place == kEnd)
            return QStringLiteral("the end");
        return QStringLiteral("'%1'").arg(placeLabel(plan.stops, place));
    };
    std::map<int, std::pair<EdgeLocation, EdgeLocation>> snapped;
    const auto ends = [&](int place) -> const std::pair<EdgeLocation, EdgeLocation>& {
        if (const auto it = snapped.find(place); it != snapped.end())
            return it->second;
        std::optional<std::pair<EdgeLocation, EdgeLocation>> at;
        if (place == kStart || place == kEnd) {
            const std::optional<Point> p = place == kStart
                                               ? (request.start ? request.start : plan.start)
                                               : (request.end ? request.end : plan.end);
            if (p)
                if (const auto e = router.snap(*p, request.snap))
                    at = std::pair{*e, *e};
        } else {
            at = snapStop(router, plan.stops[static_cast<std::size_t>(place)], request);
        }
        if (!at)
            throw Error(ErrorCode::InvalidInput,
                        QStringLiteral("%1 is more than %2 m from any road open to %3")
                            .arg(label(place))
                            .arg(request.snap.maxDistanceM)
                            .arg(mode));
        return snapped.emplace(place, *at).first->second;
    };

    TeamRoute& day = out.teams[static_cast<std::size_t>(team)];
    day.stops = order;
    day.legs.clear();
    for (std::size_t k = 0; k < seq.size(); ++k) {
        const int to = seq[k];
        const bool last = k + 1 == seq.size();
        if (k > 0) {
            const int from = seq[k - 1];
            RouteLeg leg;
            leg.fromStop = from >= 0 ? from : -1;
            leg.toStop = (to >= 0 && !(plan.roundTrip && last && plan.start)) ? to : -1;
            if (const auto it = kept.find(key(leg)); it != kept.end()) {
                leg = *it->second;
            } else {
                const RoutePath path = router.route(ends(from).second, ends(to).first);
                if (!path.found)
                    throw Error(ErrorCode::InvalidInput,
                                QStringLiteral("%1 cannot be reached from %2 by %3")
                                    .arg(label(to), label(from), mode));
                traceAlong(leg, router.graph(), path);
            }
            day.legs.push_back(std::move(leg));
        }
        if (to < 0 || (plan.roundTrip && last && k > 0))
            continue;
        RouteLeg along;
        along.fromStop = along.toStop = to;
        along.alongStreet = true;
        if (const auto it = kept.find(key(along)); it != kept.end())
            day.legs.push_back(*it->second);
    }
    day.distanceM = 0;
    day.travelS = 0;
    for (const RouteLeg& l : day.legs) {
        day.distanceM += l.distanceM;
        day.travelS += l.travelS;
    }
    day.manualOrder = true;
    out.exactOrder = false;
    return out;
}

} // namespace core
