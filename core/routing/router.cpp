#include "core/routing/router.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace core {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kSeed = kNone - 1;
constexpr double kInf = std::numeric_limits<double>::infinity();

double dist(Point a, Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

struct HeapItem {
    double key;
    std::uint32_t node;
    bool operator>(const HeapItem& o) const { return key > o.key; }
};
using MinHeap = std::priority_queue<HeapItem, std::vector<HeapItem>, std::greater<HeapItem>>;

/// The settling step of a Dijkstra / A* search: pops the nearest node not settled yet in this
/// search (`done[n] == generation` marks settled ones) and marks it. False when no such node
/// is left below `bound` (the search is over).
bool settleNext(MinHeap& heap, double bound, std::vector<std::uint32_t>& done,
                std::uint32_t generation, std::uint32_t& node) {
    while (!heap.empty()) {
        const HeapItem top = heap.top();
        heap.pop();
        if (done[top.node] == generation)
            continue;
        if (top.key >= bound)
            return false;
        done[top.node] = generation;
        node = top.node;
        return true;
    }
    return false;
}

} // namespace

QStringList streetNamesAlong(const RoadGraph& graph, const RoutePath& path) {
    QStringList names;
    for (const auto& piece : path.pieces) {
        const QString& n = graph.edgeName(piece.edge);
        if (!n.isEmpty() && (names.isEmpty() || names.back() != n))
            names << n;
    }
    return names;
}

Router::Router(const RoadGraph& graph, const RouteProfile& profile)
    : graph_(&graph), profile_(profile), maxSpeed_(profile.maxSpeedMps()) {
    const std::size_t n = graph.nodeCount();
    arcFirst_.assign(n + 1, 0);
    std::vector<std::uint32_t> open;
    for (std::uint32_t e = 0; e < graph.edgeCount(); ++e) {
        const RoadEdge& edge = graph.edge(e);
        const bool fw = profile.allowsForward(edge);
        const bool bw = profile.allowsBackward(edge);
        if (fw)
            ++arcFirst_[edge.from + 1];
        if (bw)
            ++arcFirst_[edge.to + 1];
        if (fw || bw)
            open.push_back(e);
    }
    for (std::size_t i = 0; i < n; ++i)
        arcFirst_[i + 1] += arcFirst_[i];
    arcs_.resize(arcFirst_[n]);
    std::vector<std::uint32_t> fill(arcFirst_.begin(), arcFirst_.end() - 1);
    for (std::uint32_t e = 0; e < graph.edgeCount(); ++e) {
        const RoadEdge& edge = graph.edge(e);
        const double speed = profile.speedMps(edge.roadClass);
        if (profile.allowsForward(edge))
            arcs_[fill[edge.from]++] = {edge.to, e, edge.lengthM / speed, true};
        if (profile.allowsBackward(edge))
            arcs_[fill[edge.to]++] = {edge.from, e, edge.lengthM / speed, false};
    }
    components_ = findComponents(graph, open, nodeComponent_);
    cost_.assign(n, kInf);
    dist_.assign(n, kInf);
    parent_.assign(n, kNone);
    seedForward_.assign(n, 0);
    stamp_.assign(n, 0);
    done_.assign(n, 0);
}

std::optional<EdgeLocation> Router::snap(Point location, const SnapOptions& options) const {
    const RoadGraph& g = *graph_;
    EdgeLocation best;
    best.distanceM = kInf;
    best.input = location;
    const auto& verts = g.vertices();
    const auto& offs = g.vertexOffsets();
    // Grow the search box until the best edge found lies inside it: any nearer edge would have
    // a box intersecting the search box.
    for (double r = 25;; r *= 2) {
        const double radius = std::min(r, options.maxDistanceM);
        const Box area{location.x - radius, location.y - radius, location.x + radius,
                       location.y + radius};
        g.edgeIndex().query(area, [&](std::uint32_t e) {
            const RoadEdge& edge = g.edge(e);
            if (!profile_.allowsForward(edge) && !profile_.allowsBackward(edge))
                return true;
            if (options.largestComponentOnly && nodeComponent_[edge.from] != 0)
                return true;
            for (std::uint32_t v = edge.geometryBegin; v + 1 < edge.geometryEnd; ++v) {
                const Point a = verts[v];
                const Point b = verts[v + 1];
                const double dx = b.x - a.x;
                const double dy = b.y - a.y;
                const double len2 = dx * dx + dy * dy;
                double t =
                    len2 > 0 ? ((location.x - a.x) * dx + (location.y - a.y) * dy) / len2 : 0;
                t = std::clamp(t, 0.0, 1.0);
                const Point p{a.x + dx * t, a.y + dy * t};
                const double d = dist(p, location);
                if (d < best.distanceM) {
                    best.distanceM = d;
                    best.edge = e;
                    best.point = p;
                    best.offsetM = offs[v] + t * (offs[v + 1] - offs[v]);
                }
            }
            return true;
        });
        if (best.distanceM <= radius || radius >= options.maxDistanceM)
            break;
    }
    if (best.edge == kNone || best.distanceM > options.maxDistanceM)
        return std::nullopt;
    return best;
}

void Router::seeds(const EdgeLocation& at, std::vector<Seed>& out) const {
    out.clear();
    const RoadEdge& e = graph_->edge(at.edge);
    const double v = edgeSpeed(at.edge);
    if (profile_.allowsForward(e))
        out.push_back({e.to, (e.lengthM - at.offsetM) / v, e.lengthM - at.offsetM, true});
    if (profile_.allowsBackward(e))
        out.push_back({e.from, at.offsetM / v, at.offsetM, false});
}

void Router::goals(const EdgeLocation& at, std::vector<Goal>& out) const {
    out.clear();
    const RoadEdge& e = graph_->edge(at.edge);
    const double v = edgeSpeed(at.edge);
    if (profile_.allowsForward(e))
        out.push_back({e.from, at.offsetM / v, at.offsetM, true});
    if (profile_.allowsBackward(e))
        out.push_back({e.to, (e.lengthM - at.offsetM) / v, e.lengthM - at.offsetM, false});
}

std::optional<TravelCost> Router::sameEdge(const EdgeLocation& a, const EdgeLocation& b,
                                           bool& forward) const {
    if (a.edge != b.edge)
        return std::nullopt;
    const RoadEdge& e = graph_->edge(a.edge);
    const double v = edgeSpeed(a.edge);
    if (b.offsetM >= a.offsetM && profile_.allowsForward(e)) {
        forward = true;
        return TravelCost{(b.offsetM - a.offsetM) / v, b.offsetM - a.offsetM};
    }
    if (b.offsetM <= a.offsetM && profile_.allowsBackward(e)) {
        forward = false;
        return TravelCost{(a.offsetM - b.offsetM) / v, a.offsetM - b.offsetM};
    }
    return std::nullopt;
}

void Router::beginSearch() {
    if (++generation_ == 0) {
        std::fill(stamp_.begin(), stamp_.end(), 0);
        std::fill(done_.begin(), done_.end(), 0);
        generation_ = 1;
    }
    settled_ = 0;
}

TravelCost Router::cost(const EdgeLocation& from, const EdgeLocation& to,
                        SearchAlgorithm algorithm) {
    const RoutePath p = route(from, to, algorithm);
    return p.found ? TravelCost{p.durationS, p.distanceM} : TravelCost{};
}

RoutePath Router::route(const EdgeLocation& from, const EdgeLocation& to,
                        SearchAlgorithm algorithm) {
    RoutePath path;
    beginSearch();
    std::vector<Seed> starts;
    std::vector<Goal> ends;
    seeds(from, starts);
    goals(to, ends);

    double best = kInf;
    double bestDist = kInf;
    std::uint32_t bestNode = kNone; // kNone with best < inf: the direct same-edge path
    bool direct = false;
    bool directForward = true;
    if (const auto d = sameEdge(from, to, directForward)) {
        best = d->durationS;
        bestDist = d->distanceM;
        direct = true;
    }
    const bool astar = algorithm == SearchAlgorithm::AStar && maxSpeed_ > 0;
    const bool alt = astar && landmarks_ > 0;
    const std::size_t nodes = graph_->nodeCount();
    auto landmarkBound = [&](std::uint32_t n, const Goal& goal) {
        double b = 0;
        for (int l = 0; l < landmarks_; ++l) {
            const std::size_t base = static_cast<std::size_t>(l) * nodes;
            const double fn = fromLandmark_[base + n];
            const double fg = fromLandmark_[base + goal.node];
            const double tn = toLandmark_[base + n];
            const double tg = toLandmark_[base + goal.node];
            if (fn < kInf && fg < kInf)
                b = std::max(b, fg - fn);
            if (tn < kInf && tg < kInf)
                b = std::max(b, tn - tg);
        }
        return b + goal.costS;
    };
    auto h = [&](std::uint32_t n) {
        if (!astar)
            return 0.0;
        const double straight = dist(graph_->nodes()[n], to.point) / maxSpeed_;
        if (!alt || ends.empty())
            return straight;
        double lm = kInf;
        for (const Goal& goal : ends)
            lm = std::min(lm, landmarkBound(n, goal));
        return std::max(straight, lm);
    };
    MinHeap heap;
    for (const Seed& s : starts) {
        if (seen(s.node) && cost_[s.node] <= s.costS)
            continue;
        stamp_[s.node] = generation_;
        cost_[s.node] = s.costS;
        dist_[s.node] = s.distM;
        parent_[s.node] = kSeed;
        seedForward_[s.node] = s.forward;
        heap.push({s.costS + h(s.node), s.node});
    }
    std::uint32_t bestGoal = 0;
    std::uint32_t u = 0;
    while (settleNext(heap, best, done_, generation_, u)) {
        ++settled_;
        for (std::uint32_t gi = 0; gi < ends.size(); ++gi)
            if (ends[gi].node == u && cost_[u] + ends[gi].costS < best) {
                best = cost_[u] + ends[gi].costS;
                bestDist = dist_[u] + ends[gi].distM;
                bestNode = u;
                bestGoal = gi;
                direct = false;
            }
        for (std::uint32_t a = arcFirst_[u]; a < arcFirst_[u + 1]; ++a) {
            const Arc& arc = arcs_[a];
            const double c = cost_[u] + arc.costS;
            if (seen(arc.to) && c >= cost_[arc.to])
                continue;
            stamp_[arc.to] = generation_;
            cost_[arc.to] = c;
            dist_[arc.to] = dist_[u] + graph_->edge(arc.edge).lengthM;
            parent_[arc.to] = a;
            heap.push({c + h(arc.to), arc.to});
        }
    }
    if (best == kInf)
        return path;
    path.found = true;
    path.durationS = best;
    path.distanceM = bestDist;
    const RoadGraph& g = *graph_;
    if (direct) {
        path.pieces.push_back({from.edge, from.offsetM, to.offsetM});
    } else {
        std::vector<PathPiece> rev;
        const Goal& goal = ends[bestGoal];
        rev.push_back({to.edge, goal.forward ? 0.0 : g.edge(to.edge).lengthM, to.offsetM});
        std::uint32_t n = bestNode;
        while (parent_[n] != kSeed) {
            const Arc& arc = arcs_[parent_[n]];
            const double len = g.edge(arc.edge).lengthM;
            rev.push_back({arc.edge, arc.forward ? 0.0 : len, arc.forward ? len : 0.0});
            const RoadEdge& e = g.edge(arc.edge);
            n = arc.forward ? e.from : e.to;
        }
        const double startEnd = seedForward_[n] ? g.edge(from.edge).lengthM : 0.0;
        rev.push_back({from.edge, from.offsetM, startEnd});
        path.pieces.assign(rev.rbegin(), rev.rend());
    }
    path.geometry.push_back(from.point);
    for (const auto& piece : path.pieces) {
        if (piece.fromM == piece.toM)
            continue;
        const auto pts = g.edgeSlice(piece.edge, piece.fromM, piece.toM);
        for (const Point& p : pts)
            if (!(p == path.geometry.back()))
                path.geometry.push_back(p);
    }
    if (!(to.point == path.geometry.back()))
        path.geometry.push_back(to.point);
    return path;
}

std::vector<TravelCost> Router::costsFrom(const EdgeLocation& from,
                                          const std::vector<EdgeLocation>& targets) {
    std::vector<TravelCost> out(targets.size());
    beginSearch();
    std::vector<Seed> starts;
    seeds(from, starts);
    // Goal nodes -> (target, extra cost, extra distance), sorted by node for lookup.
    struct NodeGoal {
        std::uint32_t node;
        std::uint32_t target;
        double costS;
        double distM;
    };
    std::vector<NodeGoal> nodeGoals;
    std::vector<Goal> g;
    for (std::uint32_t t = 0; t < targets.size(); ++t) {
        bool fw = true;
        if (const auto d = sameEdge(from, targets[t], fw))
            out[t] = *d;
        goals(targets[t], g);
        for (const Goal& goal : g)
            nodeGoals.push_back({goal.node, t, goal.costS, goal.distM});
    }
    std::sort(nodeGoals.begin(), nodeGoals.end(),
              [](const NodeGoal& a, const NodeGoal& b) { return a.node < b.node; });
    auto worst = [&] {
        double w = 0;
        for (const auto& c : out)
            w = std::max(w, c.durationS);
        return w;
    };
    double bound = worst();
    MinHeap heap;
    for (const Seed& s : starts) {
        if (seen(s.node) && cost_[s.node] <= s.costS)
            continue;
        stamp_[s.node] = generation_;
        cost_[s.node] = s.costS;
        dist_[s.node] = s.distM;
        heap.push({s.costS, s.node});
    }
    std::uint32_t u = 0;
    while (settleNext(heap, bound, done_, generation_, u)) {
        ++settled_;
        auto it = std::lower_bound(nodeGoals.begin(), nodeGoals.end(), u,
                                   [](const NodeGoal& a, std::uint32_t n) { return a.node < n; });
        bool improved = false;
        for (; it != nodeGoals.end() && it->node == u; ++it) {
            const double c = cost_[u] + it->costS;
            if (c < out[it->target].durationS) {
                out[it->target] = {c, dist_[u] + it->distM};
                improved = true;
            }
        }
        if (improved)
            bound = worst();
        for (std::uint32_t a = arcFirst_[u]; a < arcFirst_[u + 1]; ++a) {
            const Arc& arc = arcs_[a];
            const double c = cost_[u] + arc.costS;
            if (seen(arc.to) && c >= cost_[arc.to])
                continue;
            stamp_[arc.to] = generation_;
            cost_[arc.to] = c;
            dist_[arc.to] = dist_[u] + graph_->edge(arc.edge).lengthM;
            heap.push({c, arc.to});
        }
    }
    return out;
}

void Router::prepareLandmarks(int count) {
    const std::size_t n = graph_->nodeCount();
    landmarks_ = 0;
    fromLandmark_.clear();
    toLandmark_.clear();
    if (count <= 0 || components_.empty() || n == 0)
        return;
    // Reverse arcs for times *to* a landmark.
    std::vector<std::uint32_t> revFirst(n + 1, 0);
    for (const Arc& a : arcs_)
        ++revFirst[a.to + 1];
    for (std::size_t i = 0; i < n; ++i)
        revFirst[i + 1] += revFirst[i];
    std::vector<std::pair<std::uint32_t, double>> rev(arcs_.size());
    {
        std::vector<std::uint32_t> fill(revFirst.begin(), revFirst.end() - 1);
        for (std::uint32_t u = 0; u < n; ++u)
            for (std::uint32_t a = arcFirst_[u]; a < arcFirst_[u + 1]; ++a)
                rev[fill[arcs_[a].to]++] = {u, arcs_[a].costS};
    }
    auto search = [&](std::uint32_t source, bool forward, double* out) {
        std::fill(out, out + n, kInf);
        MinHeap heap;
        out[source] = 0;
        heap.push({0, source});
        while (!heap.empty()) {
            const HeapItem top = heap.top();
            heap.pop();
            if (top.key > out[top.node])
                continue;
            const std::uint32_t u = top.node;
            if (forward) {
                for (std::uint32_t a = arcFirst_[u]; a < arcFirst_[u + 1]; ++a)
                    if (top.key + arcs_[a].costS < out[arcs_[a].to]) {
                        out[arcs_[a].to] = top.key + arcs_[a].costS;
                        heap.push({out[arcs_[a].to], arcs_[a].to});
                    }
            } else {
                for (std::uint32_t a = revFirst[u]; a < revFirst[u + 1]; ++a)
                    if (top.key + rev[a].second < out[rev[a].first]) {
                        out[rev[a].first] = top.key + rev[a].second;
                        heap.push({out[rev[a].first], rev[a].first});
                    }
            }
        }
    };
    // Farthest-point selection inside the largest component, from its first node.
    std::uint32_t first = 0;
    while (first < n && nodeComponent_[first] != 0)
        ++first;
    fromLandmark_.assign(static_cast<std::size_t>(count) * n, kInf);
    toLandmark_.assign(static_cast<std::size_t>(count) * n, kInf);
    std::vector<double> nearest(n, kInf);
    std::vector<double> probe(n);
    search(first, true, probe.data());
    std::uint32_t next = first;
    double far = -1;
    for (std::uint32_t v = 0; v < n; ++v)
        if (probe[v] < kInf && probe[v] > far) {
            far = probe[v];
            next = v;
        }
    for (int l = 0; l < count; ++l) {
        double* f = fromLandmark_.data() + static_cast<std::size_t>(l) * n;
        double* t = toLandmark_.data() + static_cast<std::size_t>(l) * n;
        search(next, true, f);
        search(next, false, t);
        ++landmarks_;
        far = -1;
        for (std::uint32_t v = 0; v < n; ++v) {
            if (f[v] < kInf)
                nearest[v] = std::min(nearest[v], f[v]);
            if (nodeComponent_[v] == 0 && nearest[v] < kInf && nearest[v] > far) {
                far = nearest[v];
                next = v;
            }
        }
    }
}

} // namespace core
