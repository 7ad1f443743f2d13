// Road graph, snapping and shortest paths: the graph joins lines where they share vertices or
// nearly meet, snapping lands in an edge's interior, and A*/Dijkstra agree with a brute-force
// all-pairs computation on random graphs.

#include "core/routing/road_graph.h"
#include "core/routing/route_profile.h"
#include "core/routing/router.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

using core::Point;
using core::RoadClass;
using core::RoadLine;

namespace {

RoadLine line(std::vector<Point> pts, RoadClass c = RoadClass::Residential,
              core::Oneway dir = core::Oneway::No, const char* name = "") {
    RoadLine l;
    l.points = std::move(pts);
    l.roadClass = c;
    l.oneway = dir;
    l.name = QString::fromUtf8(name);
    return l;
}

double polylineLength(const std::vector<Point>& pts) {
    double s = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
        s += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    return s;
}

struct Lcg {
    std::uint64_t s;
    double next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(s >> 11) / 9007199254740992.0;
    }
};

} // namespace

TEST_CASE("graph nodes sit at shared vertices and at ends within the snap tolerance", "[routing]") {
    const std::vector<RoadLine> lines{line({{0, 0}, {50, 0}, {100, 0}}),
                                      line({{50, -50}, {50, 0}, {50, 50}}),
                                      line({{100.3, 0}, {200, 0}})};
    SECTION("0.5 m tolerance joins the near miss") {
        const auto g = core::RoadGraph::build(lines, {0.5});
        CHECK(g.nodeCount() == 6); // (0,0) (50,0) (100,0) (50,-50) (50,50) (200,0)
        CHECK(g.edgeCount() == 5);
        REQUIRE(g.components().size() == 1);
        CHECK(g.components()[0].nodes == 6);
        CHECK(g.components()[0].lengthM == Approx(300)); // the joined end moves onto the node
    }
    SECTION("exact joining leaves the near miss apart and reports both components") {
        const auto g = core::RoadGraph::build(lines, {0.0});
        CHECK(g.nodeCount() == 7);
        REQUIRE(g.components().size() == 2);
        CHECK(g.components()[0].edges == 4);
        CHECK(g.components()[0].lengthM == Approx(200));
        CHECK(g.components()[1].nodes == 2);
        CHECK(g.components()[1].lengthM == Approx(99.7));
        CHECK(g.components()[1].bounds.minX == Approx(100.3));
        CHECK(g.components()[1].bounds.maxX == Approx(200));
        CHECK(g.components()[1].bounds.contains(g.components()[1].location));
    }
}

TEST_CASE("lines crossing without a shared vertex do not meet (bridges)", "[routing]") {
    const auto g =
        core::RoadGraph::build({line({{0, 0}, {100, 0}}), line({{50, -50}, {50, 50}})}, {0.5});
    CHECK(g.nodeCount() == 4);
    CHECK(g.components().size() == 2);
}

TEST_CASE("snapping projects perpendicularly into an edge's interior", "[routing]") {
    const auto g = core::RoadGraph::build({line({{0, 0}, {100, 0}, {100, 100}})});
    REQUIRE(g.edgeCount() == 1);
    core::Router r(g, core::RouteProfile::walk());
    const auto a = r.snap({50, 10});
    REQUIRE(a);
    CHECK(a->edge == 0);
    CHECK(a->point.x == Approx(50));
    CHECK(a->point.y == Approx(0).margin(1e-12));
    CHECK(a->offsetM == Approx(50));
    CHECK(a->distanceM == Approx(10));
    const auto b = r.snap({110, 60});
    REQUIRE(b);
    CHECK(b->point.x == Approx(100));
    CHECK(b->point.y == Approx(60));
    CHECK(b->offsetM == Approx(160));
    CHECK_FALSE(r.snap({50, 2000}, {500, true}));

    // From interior to interior along the one edge: 110 m at 4.5 km/h.
    const auto p = r.route(*a, *b);
    REQUIRE(p.found);
    CHECK(p.distanceM == Approx(110));
    CHECK(p.durationS == Approx(110 / (4.5 / 3.6)));
    CHECK(polylineLength(p.geometry) == Approx(110));
    CHECK(p.geometry.front() == a->point);
    CHECK(p.geometry.back() == b->point);
}

TEST_CASE("drive respects oneway and keeps off footways; walk ignores both", "[routing]") {
    // A short oneway street from A(0,0) to B(100,0), a long two-way detour B-C-D-A, and a
    // footway shortcut from B to A via E that only walkers may take.
    const std::vector<RoadLine> lines{
        line({{0, 0}, {100, 0}}, RoadClass::Residential, core::Oneway::Forward, "单行街"),
        line({{100, 0}, {100, 100}, {0, 100}, {0, 0}}, RoadClass::Residential, core::Oneway::No,
             "绕行路"),
        line({{100, 0}, {50, -30}, {0, 0}}, RoadClass::Footway)};
    const auto g = core::RoadGraph::build(lines);
    core::Router drive(g, core::RouteProfile::drive());
    core::Router walk(g, core::RouteProfile::walk());
    const auto bDrive = drive.snap({95, 1});
    const auto aDrive = drive.snap({5, 1});
    REQUIRE(bDrive);
    REQUIRE(aDrive);
    const auto back = drive.route(*bDrive, *aDrive);
    REQUIRE(back.found);
    CHECK(back.distanceM == Approx(5 + 300 + 5)); // around the block, not 90 m against it
    const QStringList names = core::streetNamesAlong(g, back);
    CHECK(names == QStringList{QStringLiteral("单行街"), QStringLiteral("绕行路"),
                               QStringLiteral("单行街")});
    const auto forth = drive.route(*aDrive, *bDrive);
    REQUIRE(forth.found);
    CHECK(forth.distanceM == Approx(90));

    const auto bWalk = walk.snap({95, 1});
    const auto aWalk = walk.snap({5, 1});
    const auto w = walk.route(*bWalk, *aWalk);
    REQUIRE(w.found);
    CHECK(w.distanceM == Approx(90)); // straight back along the oneway street
    // The footway is no place for a car to snap to.
    const auto onFootway = drive.snap({50, -29});
    REQUIRE(onFootway);
    CHECK(g.edge(onFootway->edge).roadClass != RoadClass::Footway);
}

TEST_CASE("A* and Dijkstra equal brute force on random graphs", "[routing]") {
    Lcg rng{12345};
    for (int trial = 0; trial < 25; ++trial) {
        const int nodes = 30 + trial;
        std::vector<Point> pts;
        for (int i = 0; i < nodes; ++i)
            pts.push_back({std::round(rng.next() * 1000), std::round(rng.next() * 1000)});
        std::vector<RoadLine> lines;
        const RoadClass classes[] = {RoadClass::Primary, RoadClass::Residential, RoadClass::Footway,
                                     RoadClass::Service};
        for (int i = 0; i < nodes * 2; ++i) {
            const int a = static_cast<int>(rng.next() * nodes);
            const int b = static_cast<int>(rng.next() * nodes);
            if (a == b || pts[a] == pts[b])
                continue;
            const Point mid{(pts[a].x + pts[b].x) / 2 + (rng.next() - 0.5) * 80,
                            (pts[a].y + pts[b].y) / 2 + (rng.next() - 0.5) * 80};
            const double u = rng.next();
            const auto dir = u < 0.2 ? core::Oneway::Forward
                                     : (u < 0.3 ? core::Oneway::Backward : core::Oneway::No);
            lines.push_back(
                line({pts[a], mid, pts[b]}, classes[static_cast<int>(rng.next() * 4)], dir));
        }
        const auto g = core::RoadGraph::build(lines, {0.0});
        for (const auto& profile : {core::RouteProfile::walk(), core::RouteProfile::drive()}) {
            core::Router router(g, profile);
            // Every other graph also with landmarks (ALT): the same results, fewer nodes.
            if (trial % 2 == 1) {
                router.prepareLandmarks(4);
                CHECK(router.landmarkCount() == 4);
            }
            // Brute force: Floyd-Warshall over the nodes plus a virtual source and target.
            const std::size_t n = g.nodeCount();
            for (int q = 0; q < 12; ++q) {
                const auto from =
                    router.snap({rng.next() * 1000, rng.next() * 1000}, {5000, false});
                const auto to = router.snap({rng.next() * 1000, rng.next() * 1000}, {5000, false});
                REQUIRE(from);
                REQUIRE(to);
                const std::size_t S = n;
                const std::size_t T = n + 1;
                const std::size_t N = n + 2;
                const double inf = std::numeric_limits<double>::infinity();
                std::vector<double> d(N * N, inf);
                for (std::size_t i = 0; i < N; ++i)
                    d[i * N + i] = 0;
                auto relax = [&](std::size_t i, std::size_t j, double c) {
                    d[i * N + j] = std::min(d[i * N + j], c);
                };
                for (std::uint32_t e = 0; e < g.edgeCount(); ++e) {
                    const auto& edge = g.edge(e);
                    const double v = profile.speedMps(edge.roadClass);
                    if (profile.allowsForward(edge))
                        relax(edge.from, edge.to, edge.lengthM / v);
                    if (profile.allowsBackward(edge))
                        relax(edge.to, edge.from, edge.lengthM / v);
                }
                const auto& ea = g.edge(from->edge);
                const double va = profile.speedMps(ea.roadClass);
                if (profile.allowsForward(ea))
                    relax(S, ea.to, (ea.lengthM - from->offsetM) / va);
                if (profile.allowsBackward(ea))
                    relax(S, ea.from, from->offsetM / va);
                const auto& eb = g.edge(to->edge);
                const double vb = profile.speedMps(eb.roadClass);
                if (profile.allowsForward(eb))
                    relax(eb.from, T, to->offsetM / vb);
                if (profile.allowsBackward(eb))
                    relax(eb.to, T, (eb.lengthM - to->offsetM) / vb);
                if (from->edge == to->edge) {
                    if (to->offsetM >= from->offsetM && profile.allowsForward(ea))
                        relax(S, T, (to->offsetM - from->offsetM) / va);
                    if (to->offsetM <= from->offsetM && profile.allowsBackward(ea))
                        relax(S, T, (from->offsetM - to->offsetM) / va);
                }
                for (std::size_t k = 0; k < N; ++k)
                    for (std::size_t i = 0; i < N; ++i)
                        for (std::size_t j = 0; j < N; ++j)
                            if (d[i * N + k] + d[k * N + j] < d[i * N + j])
                                d[i * N + j] = d[i * N + k] + d[k * N + j];
                const double expected = d[S * N + T];

                const auto astar = router.route(*from, *to, core::SearchAlgorithm::AStar);
                const auto dijkstra = router.route(*from, *to, core::SearchAlgorithm::Dijkstra);
                const auto many = router.costsFrom(*from, {*to});
                if (std::isinf(expected)) {
                    CHECK_FALSE(astar.found);
                    CHECK_FALSE(dijkstra.found);
                    CHECK_FALSE(many[0].reachable());
                    continue;
                }
                REQUIRE(astar.found);
                REQUIRE(dijkstra.found);
                CHECK(astar.durationS == Approx(expected).epsilon(1e-9));
                CHECK(dijkstra.durationS == Approx(expected).epsilon(1e-9));
                CHECK(many[0].durationS == Approx(expected).epsilon(1e-9));
                // The traced geometry is as long as the reported distance.
                CHECK(polylineLength(astar.geometry) == Approx(astar.distanceM).epsilon(1e-9));
            }
        }
    }
}

TEST_CASE("profiles: closed classes, speeds and names", "[routing]") {
    const auto walk = core::RouteProfile::walk(5);
    CHECK_FALSE(walk.allows(RoadClass::Motorway));
    CHECK(walk.speedMps(RoadClass::Footway) == Approx(5 / 3.6));
    CHECK_FALSE(walk.respectOneway);
    const auto drive = core::RouteProfile::drive();
    for (const auto c : {RoadClass::Footway, RoadClass::Steps, RoadClass::Path,
                         RoadClass::Pedestrian, RoadClass::Cycleway})
        CHECK_FALSE(drive.allows(c));
    CHECK(drive.respectOneway);
    auto ebike = core::RouteProfile::ebike();
    CHECK_FALSE(ebike.allows(RoadClass::Steps));
    ebike.setTopSpeedKmh(20);
    CHECK(ebike.maxSpeedMps() == Approx(20 / 3.6));
    CHECK(core::travelModeFromName(QStringLiteral("E-Bike")) == core::TravelMode::Ebike);
    CHECK_FALSE(core::travelModeFromName(QStringLiteral("boat")));
    CHECK(core::roadClassFromHighway(QStringLiteral("primary_link")) == RoadClass::Primary);
    CHECK(core::roadClassFromHighway(QStringLiteral("proposed")) == RoadClass::Other);
    CHECK(core::onewayFromTags(QStringLiteral("-1")) == core::Oneway::Backward);
    CHECK(core::onewayFromTags({}, QStringLiteral("roundabout")) == core::Oneway::Forward);
}
