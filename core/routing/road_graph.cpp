#include "core/routing/road_graph.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace core {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

double dist(Point a, Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Joins vertices closer than the tolerance into clusters. Cells are as wide as the tolerance,
// so a match lies in the 3x3 cells around a vertex.
class VertexClusters {
public:
    explicit VertexClusters(double tolerance) : tol_(tolerance), cell_(std::max(tolerance, 0.5)) {}

    std::uint32_t find(Point p) {
        const auto cx = static_cast<std::int64_t>(std::floor(p.x / cell_));
        const auto cy = static_cast<std::int64_t>(std::floor(p.y / cell_));
        std::uint32_t best = kNone;
        double bestD = std::numeric_limits<double>::infinity();
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = cells_.find(key(cx + dx, cy + dy));
                if (it == cells_.end())
                    continue;
                for (std::uint32_t c = it->second; c != kNone; c = next_[c]) {
                    const double d = dist(points_[c], p);
                    if (d <= tol_ && d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
            }
        if (best != kNone)
            return best;
        const auto id = static_cast<std::uint32_t>(points_.size());
        points_.push_back(p);
        auto [it, inserted] = cells_.try_emplace(key(cx, cy), id);
        next_.push_back(inserted ? kNone : it->second);
        it->second = id;
        return id;
    }
    const std::vector<Point>& points() const { return points_; }

private:
    static std::uint64_t key(std::int64_t x, std::int64_t y) {
        return (static_cast<std::uint64_t>(x) << 32) ^
               (static_cast<std::uint64_t>(y) & 0xffffffffu);
    }
    double tol_;
    double cell_;
    std::unordered_map<std::uint64_t, std::uint32_t> cells_; // head of each cell's chain
    std::vector<std::uint32_t> next_;
    std::vector<Point> points_;
};

struct UnionFind {
    std::vector<std::uint32_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    std::uint32_t root(std::uint32_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    void join(std::uint32_t a, std::uint32_t b) {
        a = root(a);
        b = root(b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b);
    }
};

} // namespace

RoadClass roadClassFromHighway(const QString& highway) {
    static const QHash<QString, RoadClass> table{
        {QStringLiteral("motorway"), RoadClass::Motorway},
        {QStringLiteral("motorway_link"), RoadClass::Motorway},
        {QStringLiteral("trunk"), RoadClass::Trunk},
        {QStringLiteral("trunk_link"), RoadClass::Trunk},
        {QStringLiteral("primary"), RoadClass::Primary},
        {QStringLiteral("primary_link"), RoadClass::Primary},
        {QStringLiteral("secondary"), RoadClass::Secondary},
        {QStringLiteral("secondary_link"), RoadClass::Secondary},
        {QStringLiteral("tertiary"), RoadClass::Tertiary},
        {QStringLiteral("tertiary_link"), RoadClass::Tertiary},
        {QStringLiteral("unclassified"), RoadClass::Unclassified},
        {QStringLiteral("road"), RoadClass::Unclassified},
        {QStringLiteral("residential"), RoadClass::Residential},
        {QStringLiteral("living_street"), RoadClass::LivingStreet},
        {QStringLiteral("service"), RoadClass::Service},
        {QStringLiteral("track"), RoadClass::Track},
        {QStringLiteral("pedestrian"), RoadClass::Pedestrian},
        {QStringLiteral("footway"), RoadClass::Footway},
        {QStringLiteral("sidewalk"), RoadClass::Footway},
        {QStringLiteral("crossing"), RoadClass::Footway},
        {QStringLiteral("corridor"), RoadClass::Footway},
        {QStringLiteral("path"), RoadClass::Path},
        {QStringLiteral("bridleway"), RoadClass::Path},
        {QStringLiteral("steps"), RoadClass::Steps},
        {QStringLiteral("cycleway"), RoadClass::Cycleway},
    };
    return table.value(highway.trimmed().toLower(), RoadClass::Other);
}

QString roadClassKey(RoadClass c) {
    static const char* const keys[kRoadClassCount] = {
        "motorway",    "trunk",         "primary",  "secondary", "tertiary",   "unclassified",
        "residential", "living_street", "service",  "track",     "pedestrian", "footway",
        "path",        "steps",         "cycleway", "other"};
    return QString::fromLatin1(keys[static_cast<std::size_t>(c)]);
}

Oneway onewayFromTags(const QString& oneway, const QString& junction) {
    const QString v = oneway.trimmed().toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("1") || v == QLatin1String("true"))
        return Oneway::Forward;
    if (v == QLatin1String("-1") || v == QLatin1String("reverse"))
        return Oneway::Backward;
    if (v == QLatin1String("no") || v == QLatin1String("0") || v == QLatin1String("false"))
        return Oneway::No;
    const QString j = junction.trimmed().toLower();
    if (j == QLatin1String("roundabout") || j == QLatin1String("circular"))
        return Oneway::Forward;
    return Oneway::No;
}

RoadGraph RoadGraph::build(const std::vector<RoadLine>& lines, const RoadGraphOptions& options) {
    RoadGraph g;
    VertexClusters clusters(std::max(0.0, options.snapToleranceM));

    // Pass 1: cluster every vertex; a cluster becomes a node when it holds a line end or is
    // met more than once (by another line, or by the same line coming back).
    std::vector<std::vector<std::uint32_t>> lineClusters(lines.size());
    std::vector<std::uint8_t> isNode;
    std::vector<std::uint32_t> lastLine;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        auto& lc = lineClusters[li];
        lc.reserve(lines[li].points.size());
        for (const Point& p : lines[li].points) {
            const std::uint32_t c = clusters.find(p);
            if (!lc.empty() && lc.back() == c)
                continue; // a vertex within the tolerance of the previous one adds nothing
            lc.push_back(c);
            if (c >= isNode.size()) {
                isNode.resize(c + 1, 0);
                lastLine.resize(c + 1, kNone);
            }
            if (lastLine[c] != kNone)
                isNode[c] = 1;
            lastLine[c] = static_cast<std::uint32_t>(li);
        }
        if (lc.size() < 2) {
            ++g.skippedLines_;
            lc.clear();
            continue;
        }
        isNode[lc.front()] = 1;
        isNode[lc.back()] = 1;
    }

    // Pass 2: cut each line at its node vertices.
    std::vector<std::uint32_t> nodeOfCluster(clusters.points().size(), kNone);
    auto nodeFor = [&](std::uint32_t c) {
        if (nodeOfCluster[c] == kNone) {
            nodeOfCluster[c] = static_cast<std::uint32_t>(g.nodes_.size());
            g.nodes_.push_back(clusters.points()[c]);
        }
        return nodeOfCluster[c];
    };
    QHash<QString, std::uint32_t> nameIds;
    g.names_.push_back(QString());
    nameIds.insert(QString(), 0);
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const auto& lc = lineClusters[li];
        if (lc.empty())
            continue;
        const RoadLine& line = lines[li];
        const QString name = line.name.trimmed();
        auto nit = nameIds.find(name);
        if (nit == nameIds.end()) {
            nit = nameIds.insert(name, static_cast<std::uint32_t>(g.names_.size()));
            g.names_.push_back(name);
        }
        std::size_t start = 0;
        for (std::size_t k = 1; k < lc.size(); ++k) {
            if (!isNode[lc[k]])
                continue;
            RoadEdge e;
            e.from = nodeFor(lc[start]);
            e.to = nodeFor(lc[k]);
            e.roadClass = line.roadClass;
            e.oneway = line.oneway;
            e.name = *nit;
            e.geometryBegin = static_cast<std::uint32_t>(g.vertices_.size());
            double len = 0;
            for (std::size_t q = start; q <= k; ++q) {
                const Point p = clusters.points()[lc[q]];
                if (q > start)
                    len += dist(g.vertices_.back(), p);
                g.vertices_.push_back(p);
                g.offsets_.push_back(len);
            }
            e.geometryEnd = static_cast<std::uint32_t>(g.vertices_.size());
            e.lengthM = len;
            g.edges_.push_back(e);
            start = k;
        }
    }

    std::vector<Box> boxes;
    boxes.reserve(g.edges_.size());
    for (const auto& e : g.edges_) {
        Box b;
        for (std::uint32_t v = e.geometryBegin; v < e.geometryEnd; ++v)
            b.expand(g.vertices_[v]);
        boxes.push_back(b);
    }
    g.edgeIndex_ = SpatialIndex(boxes);

    std::vector<std::uint32_t> all(g.edges_.size());
    std::iota(all.begin(), all.end(), 0u);
    g.components_ = findComponents(g, all, g.nodeComponent_);
    return g;
}

double RoadGraph::totalLengthM() const {
    double s = 0;
    for (const auto& e : edges_)
        s += e.lengthM;
    return s;
}

Point RoadGraph::pointAlong(std::uint32_t e, double offsetM) const {
    const RoadEdge& edge = edges_[e];
    if (offsetM <= 0)
        return vertices_[edge.geometryBegin];
    const auto first = offsets_.begin() + edge.geometryBegin;
    const auto last = offsets_.begin() + edge.geometryEnd;
    const auto it = std::lower_bound(first, last, offsetM);
    if (it == last)
        return vertices_[edge.geometryEnd - 1];
    const auto i = static_cast<std::size_t>(it - offsets_.begin());
    if (i == edge.geometryBegin)
        return vertices_[i];
    const double seg = offsets_[i] - offsets_[i - 1];
    const double t = seg > 0 ? (offsetM - offsets_[i - 1]) / seg : 0;
    const Point a = vertices_[i - 1];
    const Point b = vertices_[i];
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

std::vector<Point> RoadGraph::edgeSlice(std::uint32_t e, double fromM, double toM) const {
    const RoadEdge& edge = edges_[e];
    const bool reversed = fromM > toM;
    const double lo = std::clamp(std::min(fromM, toM), 0.0, edge.lengthM);
    const double hi = std::clamp(std::max(fromM, toM), 0.0, edge.lengthM);
    std::vector<Point> pts{pointAlong(e, lo)};
    for (std::uint32_t v = edge.geometryBegin; v < edge.geometryEnd; ++v)
        if (offsets_[v] > lo && offsets_[v] < hi)
            pts.push_back(vertices_[v]);
    pts.push_back(pointAlong(e, hi));
    if (reversed)
        std::reverse(pts.begin(), pts.end());
    return pts;
}

std::vector<GraphComponent> findComponents(const RoadGraph& graph,
                                           const std::vector<std::uint32_t>& edgeIds,
                                           std::vector<std::uint32_t>& nodeComponent) {
    UnionFind uf(graph.nodeCount());
    std::vector<std::uint8_t> used(graph.nodeCount(), 0);
    for (const std::uint32_t e : edgeIds) {
        const RoadEdge& edge = graph.edge(e);
        uf.join(edge.from, edge.to);
        used[edge.from] = used[edge.to] = 1;
    }
    std::vector<std::uint32_t> rootId(graph.nodeCount(), kNone);
    std::vector<GraphComponent> comps;
    nodeComponent.assign(graph.nodeCount(), kNone);
    for (std::uint32_t n = 0; n < graph.nodeCount(); ++n) {
        if (!used[n])
            continue;
        const std::uint32_t r = uf.root(n);
        if (rootId[r] == kNone) {
            rootId[r] = static_cast<std::uint32_t>(comps.size());
            comps.emplace_back();
            comps.back().location = graph.nodes()[n];
        }
        nodeComponent[n] = rootId[r];
        auto& c = comps[rootId[r]];
        ++c.nodes;
        c.bounds.expand(graph.nodes()[n]);
    }
    for (const std::uint32_t e : edgeIds) {
        auto& c = comps[nodeComponent[graph.edge(e).from]];
        ++c.edges;
        c.lengthM += graph.edge(e).lengthM;
    }
    // Largest first; the first node found keeps ties stable.
    std::vector<std::uint32_t> order(comps.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return comps[a].lengthM > comps[b].lengthM;
    });
    std::vector<std::uint32_t> newId(comps.size());
    std::vector<GraphComponent> sorted;
    sorted.reserve(comps.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        newId[order[i]] = i;
        sorted.push_back(comps[order[i]]);
        sorted.back().id = i;
    }
    for (auto& c : nodeComponent)
        if (c != kNone)
            c = newId[c];
    return sorted;
}

} // namespace core
