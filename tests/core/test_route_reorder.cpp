// A team's day re-traced in an order given by hand (core::reorderTeam): the start stays first
// and the end last, each leg runs from the previous place to the next along the roads and
// equals a fresh shortest path, the totals are the sums of the legs, a worse order costs more,
// moving a stop back restores the planned figures, street stretches and other teams are kept,
// and orders that are not a permutation of the team's stops are refused.

#include "core/routing/road_graph.h"
#include "core/routing/route_plan.h"
#include "core/routing/router.h"
#include "core/util/error.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using core::Point;

namespace {

// A 6 x 6 grid of streets 100 m apart (working CRS metres), named by row and column.
core::RoadGraph grid() {
    std::vector<core::RoadLine> lines;
    for (int i = 0; i <= 5; ++i) {
        core::RoadLine row;
        core::RoadLine col;
        for (int j = 0; j <= 5; ++j) {
            row.points.push_back({100.0 * j, 100.0 * i});
            col.points.push_back({100.0 * i, 100.0 * j});
        }
        row.roadClass = col.roadClass = core::RoadClass::Residential;
        row.name = QStringLiteral("东西%1路").arg(i);
        col.name = QStringLiteral("南北%1街").arg(i);
        lines.push_back(std::move(row));
        lines.push_back(std::move(col));
    }
    return core::RoadGraph::build(lines);
}

std::vector<core::Stop> stops() {
    const Point at[] = {{150, 0}, {500, 250}, {320, 500}, {0, 410}, {200, 300}, {400, 100}};
    std::vector<core::Stop> out;
    for (int i = 0; i < 6; ++i) {
        core::Stop s;
        s.id = QStringLiteral("stop-%1").arg(i);
        s.name = QStringLiteral("检查点%1").arg(i);
        s.kind = i % 2 ? core::StopKind::Compound : core::StopKind::Street;
        s.location = at[i];
        out.push_back(s);
    }
    return out;
}

double sumOf(const core::TeamRoute& t, double core::RouteLeg::*field) {
    double s = 0;
    for (const auto& l : t.legs)
        s += l.*field;
    return s;
}

// The non-street-walking legs' destinations, in order (-1 = end or back at the start).
std::vector<int> legTargets(const core::TeamRoute& t) {
    std::vector<int> out;
    for (const auto& l : t.legs)
        if (!l.alongStreet)
            out.push_back(l.toStop);
    return out;
}

} // namespace

TEST_CASE("reorderTeam re-traces a day in the order given, the start first", "[routing][reorder]") {
    const core::RoadGraph graph = grid();
    core::RouteRequest request;
    request.start = Point{10, 5};
    core::Feedback fb;
    const core::RoutePlan plan = core::planRoute(graph, stops(), request, fb);
    REQUIRE(plan.teams.size() == 1);
    const core::TeamRoute& planned = plan.teams[0];
    REQUIRE(planned.stops.size() == 6);
    CHECK_FALSE(planned.manualOrder);
    core::Router router(graph, request.profile);

    // The last stop moved to the front: a worse day than the planned (optimal) one.
    std::vector<int> order = planned.stops;
    std::rotate(order.begin(), order.end() - 1, order.end());
    const core::RoutePlan moved = core::reorderTeam(plan, 0, order, router, request);
    const core::TeamRoute& day = moved.teams[0];
    CHECK(day.stops == order);
    CHECK(day.manualOrder);
    CHECK_FALSE(moved.exactOrder);
    REQUIRE(day.legs.size() == 6);
    CHECK(day.legs.front().fromStop == -1); // from the start
    std::vector<int> expected = order;
    CHECK(legTargets(day) == expected);
    for (std::size_t k = 1; k < day.legs.size(); ++k)
        CHECK(day.legs[k].fromStop == day.legs[k - 1].toStop);
    CHECK(day.distanceM == Approx(sumOf(day, &core::RouteLeg::distanceM)));
    CHECK(day.travelS == Approx(sumOf(day, &core::RouteLeg::travelS)));
    CHECK(day.dwellS == Approx(planned.dwellS));
    CHECK(day.distanceM > planned.distanceM + 1);
    CHECK(day.travelS > planned.travelS);
    CHECK(moved.totalDistanceM() == Approx(day.distanceM));

    // Every leg equals a fresh shortest path between the snapped places.
    for (const core::RouteLeg& leg : day.legs) {
        const Point from = leg.fromStop < 0 ? *request.start : plan.stops[leg.fromStop].location;
        const Point to = plan.stops[leg.toStop].location;
        const auto a = router.snap(from);
        const auto b = router.snap(to);
        REQUIRE(a);
        REQUIRE(b);
        const core::RoutePath p = router.route(*a, *b);
        CHECK(leg.distanceM == Approx(p.distanceM));
        CHECK(leg.travelS == Approx(p.durationS));
        REQUIRE(leg.geometry.size() >= 2);
        CHECK(std::hypot(leg.geometry.back().x - b->point.x, leg.geometry.back().y - b->point.y) <
              0.01);
    }

    SECTION("moving the stop back restores the planned figures") {
        const core::RoutePlan back = core::reorderTeam(moved, 0, planned.stops, router, request);
        CHECK(back.teams[0].stops == planned.stops);
        CHECK(back.teams[0].distanceM == Approx(planned.distanceM));
        CHECK(back.teams[0].travelS == Approx(planned.travelS));
        CHECK(legTargets(back.teams[0]) == legTargets(planned));
    }
    SECTION("the same order returns the plan unchanged") {
        const core::RoutePlan same = core::reorderTeam(plan, 0, planned.stops, router, request);
        CHECK_FALSE(same.teams[0].manualOrder);
        CHECK(same.teams[0].distanceM == planned.distanceM);
    }
    SECTION("orders that are not the team's stops are refused") {
        std::vector<int> missing(planned.stops.begin(), planned.stops.end() - 1);
        CHECK_THROWS_AS(core::reorderTeam(plan, 0, missing, router, request), core::Error);
        std::vector<int> twice = planned.stops;
        twice[0] = twice[1];
        CHECK_THROWS_WITH(core::reorderTeam(plan, 0, twice, router, request),
                          Catch::Contains("team 1"));
        CHECK_THROWS_AS(core::reorderTeam(plan, 1, planned.stops, router, request), core::Error);
    }
}

TEST_CASE("reorderTeam keeps the return of a round trip, the end, street stretches and the other "
          "teams",
          "[routing][reorder]") {
    const core::RoadGraph graph = grid();
    core::Feedback fb;
    core::Router router(graph, core::RouteProfile::walk());

    SECTION("a round trip without a start returns to its new first stop") {
        core::RouteRequest request;
        request.roundTrip = true;
        const core::RoutePlan plan = core::planRoute(graph, stops(), request, fb);
        std::vector<int> order = plan.teams[0].stops;
        std::swap(order[0], order[3]);
        const core::TeamRoute day = core::reorderTeam(plan, 0, order, router, request).teams[0];
        REQUIRE(day.legs.size() == order.size());
        CHECK(day.legs.front().fromStop == order[0]);
        CHECK(day.legs.back().fromStop == order.back());
        CHECK(day.legs.back().toStop == order.front());
        CHECK(day.distanceM == Approx(sumOf(day, &core::RouteLeg::distanceM)));
    }
    SECTION("a day with a start and an end keeps both") {
        core::RouteRequest request;
        request.start = Point{0, 0};
        request.end = Point{500, 500};
        const core::RoutePlan plan = core::planRoute(graph, stops(), request, fb);
        std::vector<int> order = plan.teams[0].stops;
        std::reverse(order.begin(), order.end());
        const core::TeamRoute day = core::reorderTeam(plan, 0, order, router, request).teams[0];
        REQUIRE(day.legs.size() == order.size() + 1);
        CHECK(day.legs.front().fromStop == -1);
        CHECK(day.legs.back().fromStop == order.back());
        CHECK(day.legs.back().toStop == -1);
        CHECK(std::hypot(day.legs.back().geometry.back().x - 500,
                         day.legs.back().geometry.back().y - 500) < 0.01);
    }
    SECTION("street stretches stay with their stop") {
        core::RouteRequest request;
        request.start = Point{0, 0};
        request.walkStreets = true;
        std::vector<core::Stop> s = stops();
        s[0].streetLine = {{0, 0}, {300, 0}};
        s[2].streetLine = {{200, 500}, {500, 500}};
        const core::RoutePlan plan = core::planRoute(graph, s, request, fb);
        const auto alongCount = [](const core::TeamRoute& t) {
            return std::count_if(t.legs.begin(), t.legs.end(),
                                 [](const core::RouteLeg& l) { return l.alongStreet; });
        };
        REQUIRE(alongCount(plan.teams[0]) == 2);
        std::vector<int> order = plan.teams[0].stops;
        std::reverse(order.begin(), order.end());
        const core::TeamRoute day = core::reorderTeam(plan, 0, order, router, request).teams[0];
        CHECK(alongCount(day) == 2);
        for (std::size_t k = 0; k < day.legs.size(); ++k)
            if (day.legs[k].alongStreet) {
                REQUIRE(k > 0);
                CHECK(day.legs[k - 1].toStop == day.legs[k].fromStop); // right after arriving
            }
        CHECK(day.distanceM == Approx(sumOf(day, &core::RouteLeg::distanceM)));
    }
    SECTION("the other teams are copied unchanged") {
        core::RouteRequest request;
        request.start = Point{0, 0};
        request.roundTrip = true;
        request.teams = 2;
        const core::RoutePlan plan = core::planRoute(graph, stops(), request, fb);
        REQUIRE(plan.teams.size() == 2);
        const int t = plan.teams[0].stops.size() >= 2 ? 0 : 1;
        std::vector<int> order = plan.teams[t].stops;
        REQUIRE(order.size() >= 2);
        std::swap(order.front(), order.back());
        const core::RoutePlan moved = core::reorderTeam(plan, t, order, router, request);
        const core::TeamRoute& other = moved.teams[1 - t];
        CHECK(other.stops == plan.teams[1 - t].stops);
        CHECK(other.distanceM == plan.teams[1 - t].distanceM);
        CHECK_FALSE(other.manualOrder);
        CHECK(moved.teams[t].legs.back().toStop == -1); // back to the start
        CHECK(moved.totalDistanceM() ==
              Approx(moved.teams[0].distanceM + moved.teams[1].distanceM));
    }
}
