#pragma once

#include "core/routing/road_graph.h"
#include "core/routing/route_profile.h"

#include <QStringList>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace core {

/// A place on the network: a point of an edge's interior or end, found by perpendicular
/// projection of an arbitrary location (working CRS, metres).
struct EdgeLocation {
    std::uint32_t edge = std::numeric_limits<std::uint32_t>::max();
    double offsetM = 0;   ///< metres from the edge's `from` node along its geometry
    Point point;          ///< the projected point on the edge
    Point input;          ///< the location that was snapped
    double distanceM = 0; ///< from input to point
};

/// How locations are snapped onto the network.
struct SnapOptions {
    double maxDistanceM = 1000; ///< farther locations do not snap
    /// Snap only onto the profile's largest component, so every snapped location can reach
    /// every other (a stray footway island would strand a stop).
    bool largestComponentOnly = true;
};

/// Which search finds shortest paths: plain Dijkstra (the baseline), or A* with the
/// straight-line distance divided by the profile's top speed as heuristic.
enum class SearchAlgorithm : std::uint8_t { Dijkstra, AStar };

/// Travel cost between two locations: seconds and metres along the chosen (fastest) path.
struct TravelCost {
    double durationS = std::numeric_limits<double>::infinity();
    double distanceM = std::numeric_limits<double>::infinity();
    bool reachable() const { return durationS < std::numeric_limits<double>::infinity(); }
};

/// One piece of a path: part of an edge travelled from one offset to another (fromM > toM
/// when travelled against the edge's direction of digitisation).
struct PathPiece {
    std::uint32_t edge = 0;
    double fromM = 0;
    double toM = 0;
};

/// A shortest path between two edge locations.
struct RoutePath {
    bool found = false;
    double durationS = 0;
    double distanceM = 0;
    std::vector<PathPiece> pieces;
    std::vector<Point> geometry; ///< working CRS, from the start location to the end location
};

/// Street names along a path, in order, each once per stretch (unnamed ways left out).
QStringList streetNamesAlong(const RoadGraph& graph, const RoutePath& path);

/// Shortest (fastest) paths on a road graph for one profile.
///
/// Holds an arc list built for the profile (directions and travel times) and search scratch
/// reused between queries (no per-query allocation proportional to the graph). Thread: one
/// Router per thread; the RoadGraph it refers to must outlive it and may be shared.
class Router {
public:
    Router(const RoadGraph& graph, const RouteProfile& profile);

    const RoadGraph& graph() const { return *graph_; }
    const RouteProfile& profile() const { return profile_; }
    /// Components of the network usable by the profile (direction ignored), largest first.
    const std::vector<GraphComponent>& components() const { return components_; }

    /// The nearest point on an edge open to the profile, or nullopt when none is within
    /// options.maxDistanceM.
    std::optional<EdgeLocation> snap(Point location, const SnapOptions& options = {}) const;

    /// The fastest path from `from` to `to`; found == false when `to` cannot be reached.
    RoutePath route(const EdgeLocation& from, const EdgeLocation& to,
                    SearchAlgorithm algorithm = SearchAlgorithm::AStar);
    /// Cost only (no geometry) of the fastest path.
    TravelCost cost(const EdgeLocation& from, const EdgeLocation& to,
                    SearchAlgorithm algorithm = SearchAlgorithm::AStar);
    /// Costs from one location to many (one Dijkstra, stopped once all targets are settled).
    std::vector<TravelCost> costsFrom(const EdgeLocation& from,
                                      const std::vector<EdgeLocation>& targets);
    /// Nodes settled by the last search (for benchmarks).
    std::size_t lastSettled() const { return settled_; }

    /// Prepares landmarks for A* (ALT): `count` nodes spread over the largest component by
    /// farthest-point selection, with travel times from and to each (2 x count full searches,
    /// 16 bytes per node and landmark). Afterwards A* takes the larger of the straight-line
    /// bound and the landmarks' triangle-inequality bound, which settles far fewer nodes on
    /// large networks. Results are unchanged (both bounds are admissible and consistent).
    void prepareLandmarks(int count = 8);
    int landmarkCount() const { return landmarks_; }

private:
    struct Arc {
        std::uint32_t to;
        std::uint32_t edge;
        double costS;
        bool forward;
    };
    struct Seed {
        std::uint32_t node;
        double costS;
        double distM;
        bool forward;
    };
    struct Goal {
        std::uint32_t node;
        double costS;
        double distM;
        bool forward;
    };
    void seeds(const EdgeLocation& at, std::vector<Seed>& out) const;
    void goals(const EdgeLocation& at, std::vector<Goal>& out) const;
    std::optional<TravelCost> sameEdge(const EdgeLocation& a, const EdgeLocation& b,
                                       bool& forward) const;
    double edgeSpeed(std::uint32_t e) const { return profile_.speedMps(graph_->edge(e).roadClass); }
    void beginSearch();
    bool seen(std::uint32_t n) const { return stamp_[n] == generation_; }

    const RoadGraph* graph_;
    RouteProfile profile_;
    double maxSpeed_;
    std::vector<std::uint32_t> arcFirst_;
    std::vector<Arc> arcs_;
    std::vector<GraphComponent> components_;
    std::vector<std::uint32_t> nodeComponent_;

    std::vector<double> cost_;
    std::vector<double> dist_;
    std::vector<std::uint32_t> parent_; ///< arc index, or kSeed
    std::vector<std::uint8_t> seedForward_;
    std::vector<std::uint32_t> stamp_;
    std::vector<std::uint32_t> done_;
    std::uint32_t generation_ = 0;
    std::size_t settled_ = 0;
    int landmarks_ = 0;
    std::vector<double> fromLandmark_; ///< [l * nodes + v]: time from landmark l to v
    std::vector<double> toLandmark_;   ///< [l * nodes + v]: time from v to landmark l
};

} // namespace core
