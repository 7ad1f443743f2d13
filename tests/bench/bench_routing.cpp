// Routing: graph build for andorra and the city-scale demo, 1,000 random shortest paths on the
// city graph (A* against plain Dijkstra over the same graph and pairs), and ordering 40 stops
// (travel-time matrix and order, against one greedy + local-search pass).

#include "bench_util.h"

#include "core/demo/demo_generator.h"
#include "core/model/roles.h"
#include "core/routing/road_network.h"
#include "core/routing/router.h"
#include "core/routing/stop_order.h"
#include "core/util/feedback.h"
#include "gis/layers/layer_loader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

namespace {

struct Lcg {
    std::uint64_t s;
    double next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(s >> 11) / 9007199254740992.0;
    }
};

// The baseline for building: sorting every vertex by its coordinates, the least any joining
// of shared vertices has to do.
double sortVerticesMs(const core::RoadLines& lines) {
    return bench::medianMs(3, [&] {
        std::vector<core::Point> all;
        for (const auto& l : lines.lines)
            all.insert(all.end(), l.points.begin(), l.points.end());
        std::sort(all.begin(), all.end(), [](const core::Point& a, const core::Point& b) {
            return a.x < b.x || (a.x == b.x && a.y < b.y);
        });
    });
}

core::RoadGraph benchBuild(const char* name, const std::vector<core::LayerPtr>& layers) {
    const core::RuleSet rules = core::RuleSet::defaults();
    const core::RoadLines lines = core::roadLinesFromLayers(layers, rules);
    core::RoadGraph graph;
    const double ms = bench::medianMs(3, [&] {
        core::Feedback fb;
        graph = core::buildRoadGraph(layers, rules, {}, fb);
    });
    const double base = sortVerticesMs(lines);
    bench::report(name, ms, "ms",
                  QStringLiteral("%1 lines -> %2 nodes, %3 edges, %4 components; ratio %5x vs "
                                 "sorting all vertices (%6 ms)")
                      .arg(lines.lines.size())
                      .arg(graph.nodeCount())
                      .arg(graph.edgeCount())
                      .arg(graph.components().size())
                      .arg(ms / base, 0, 'f', 1)
                      .arg(base, 0, 'f', 1));
    return graph;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    gis::initGdal();

    const QString path =
        QStringLiteral(PERISURVEY_REALDATA_DIR "/andorra/andorra-2021-06-22.osm.pbf");
    if (QFileInfo::exists(path)) {
        const gis::Crs working = gis::workingCrsFor(gis::inspectDataset(path));
        core::Feedback fb;
        const auto ds = gis::loadDataset(path, working, {}, fb);
        benchBuild("route.graph_build.andorra", ds.layers);
    } else {
        std::printf("bench_routing: andorra skipped, %s is absent\n", qPrintable(path));
    }

    core::Feedback fb;
    core::DemoOptions demo;
    demo.scale = core::DemoScale::City;
    const auto city = core::generateDemoDistrict(demo, fb);
    const core::RoadGraph graph = benchBuild("route.graph_build.city", city);

    // 1,000 random queries between points of the city (snapped outside the timing).
    core::Router router(graph, core::RouteProfile::walk());
    const core::Box box = graph.bounds();
    Lcg rng{20211};
    std::vector<std::pair<core::EdgeLocation, core::EdgeLocation>> pairs;
    while (pairs.size() < 1000) {
        const auto a = router.snap(
            {box.minX + rng.next() * box.width(), box.minY + rng.next() * box.height()});
        const auto b = router.snap(
            {box.minX + rng.next() * box.width(), box.minY + rng.next() * box.height()});
        if (a && b)
            pairs.emplace_back(*a, *b);
    }
    QElapsedTimer prep;
    prep.start();
    core::Router alt(graph, core::RouteProfile::walk());
    alt.prepareLandmarks(8);
    const double prepMs = prep.nsecsElapsed() / 1e6;
    std::vector<double> altMs;
    std::vector<double> settledAlt;
    std::vector<double> astar;
    std::vector<double> dijkstra;
    std::vector<double> settledA;
    std::vector<double> settledD;
    double mismatch = 0;
    for (const auto& [a, b] : pairs) {
        QElapsedTimer t;
        t.start();
        const auto pa = router.route(a, b, core::SearchAlgorithm::AStar);
        astar.push_back(t.nsecsElapsed() / 1e6);
        settledA.push_back(static_cast<double>(router.lastSettled()));
        t.restart();
        const auto pd = router.route(a, b, core::SearchAlgorithm::Dijkstra);
        dijkstra.push_back(t.nsecsElapsed() / 1e6);
        settledD.push_back(static_cast<double>(router.lastSettled()));
        mismatch = std::max(mismatch, std::abs(pa.durationS - pd.durationS));
        t.restart();
        const auto pl = alt.route(a, b, core::SearchAlgorithm::AStar);
        altMs.push_back(t.nsecsElapsed() / 1e6);
        settledAlt.push_back(static_cast<double>(alt.lastSettled()));
        mismatch = std::max(mismatch, std::abs(pl.durationS - pd.durationS));
    }
    const double ml = median(altMs);
    const double ma = median(astar);
    const double md = median(dijkstra);
    bench::report("route.query.city_alt_median", ml, "ms",
                  QStringLiteral("1000 random pairs, walk, A* with 8 landmarks (prepared once "
                                 "in %1 ms), median settled %2; ratio %3x vs plain Dijkstra "
                                 "(%4 ms); target < 5 ms")
                      .arg(prepMs, 0, 'f', 0)
                      .arg(median(settledAlt), 0, 'f', 0)
                      .arg(ml / md, 0, 'f', 3)
                      .arg(md, 0, 'f', 3));
    bench::report("route.query.city_astar_median", ma, "ms",
                  QStringLiteral("1000 random pairs, walk, median settled %1 of %2 nodes; ratio "
                                 "%3x vs plain Dijkstra (%4 ms, settled %5); max difference %6 s; "
                                 "target < 5 ms")
                      .arg(median(settledA), 0, 'f', 0)
                      .arg(graph.nodeCount())
                      .arg(ma / md, 0, 'f', 3)
                      .arg(md, 0, 'f', 3)
                      .arg(median(settledD), 0, 'f', 0)
                      .arg(mismatch, 0, 'g', 3));

    // Ordering 40 stops in a 4 km square of the city: the matrix (40 one-to-many searches plus
    // the start) and the order.
    const core::Point c = box.center();
    std::vector<core::EdgeLocation> places;
    while (places.size() < 41) {
        const auto p =
            router.snap({c.x - 2000 + rng.next() * 4000, c.y - 2000 + rng.next() * 4000});
        if (p)
            places.push_back(*p);
    }
    core::CostMatrix m(places.size());
    const double matrixMs = bench::medianMs(3, [&] {
        for (std::size_t i = 0; i < places.size(); ++i) {
            const auto costs = router.costsFrom(places[i], places);
            for (std::size_t j = 0; j < places.size(); ++j)
                m(i, j) = i == j ? 0 : costs[j].durationS + 15 * 60;
        }
    });
    core::OrderOptions opt;
    opt.ends = {0, -1, true};
    core::OrderResult best;
    const double orderMs = bench::medianMs(3, [&] { best = core::orderStops(m, opt); });
    core::OrderResult once;
    const double onceMs =
        bench::medianMs(3, [&] { once = core::orderStopsHeuristic(m, opt.ends, 1, 1); });
    bench::report("route.order40.matrix", matrixMs, "ms",
                  QStringLiteral("41 x 41 travel times by 41 one-to-many Dijkstra searches"));
    bench::report("route.order40.order", orderMs, "ms",
                  QStringLiteral("greedy + 2-opt + Or-opt with restarts: tour %1 min (%2x the "
                                 "single pass's %3 min, which took %4 ms); total with matrix %5 "
                                 "ms, target < 1 s")
                      .arg(best.cost / 60, 0, 'f', 1)
                      .arg(best.cost / once.cost, 0, 'f', 3)
                      .arg(once.cost / 60, 0, 'f', 1)
                      .arg(onceMs, 0, 'f', 2)
                      .arg(matrixMs + orderMs, 0, 'f', 1));
    return 0;
}
