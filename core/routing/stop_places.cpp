#include "core/routing/stop_places.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double segmentDistance(Point p, Point a, Point b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + dx * t), p.y - (a.y + dy * t));
}

double boundaryDistance(const Geometry& g, Point p) {
    double best = kInf;
    for (std::size_t part = 0; part < g.partCount(); ++part)
        for (std::uint32_t i = g.partBegin(part); i + 1 < g.partEnd(part); ++i)
            best = std::min(best, segmentDistance(p, g.points[i], g.points[i + 1]));
    return best;
}

} // namespace

double distanceToRoad(const RoadGraph& graph, Point p, double searchM) {
    double best = kInf;
    const auto& v = graph.vertices();
    graph.edgeIndex().query(
        Box{p.x - searchM, p.y - searchM, p.x + searchM, p.y + searchM}, [&](std::uint32_t e) {
            const RoadEdge& edge = graph.edge(e);
            for (std::uint32_t i = edge.geometryBegin; i + 1 < edge.geometryEnd; ++i)
                best = std::min(best, segmentDistance(p, v[i], v[i + 1]));
            return true;
        });
    return best <= searchM ? best : kInf;
}

Stop stopFromGeometry(const Geometry& geometry, StopKind kind, const QString& id,
                      const QString& name, const RoadGraph& graph,
                      const std::vector<Point>& entrances) {
    Stop stop;
    stop.id = id;
    stop.name = name;
    stop.kind = kind;
    switch (geometry.kind) {
    case GeometryKind::Point:
    case GeometryKind::None:
        stop.location = geometry.points.empty() ? Point{} : geometry.points.front();
        break;
    case GeometryKind::Line: {
        stop.location = labelPoint(geometry);
        std::size_t longest = 0;
        double longestLen = -1;
        for (std::size_t part = 0; part < geometry.partCount(); ++part) {
            double len = 0;
            for (std::uint32_t i = geometry.partBegin(part); i + 1 < geometry.partEnd(part); ++i)
                len += std::hypot(geometry.points[i + 1].x - geometry.points[i].x,
                                  geometry.points[i + 1].y - geometry.points[i].y);
            if (len > longestLen) {
                longestLen = len;
                longest = part;
            }
        }
        stop.streetLine.assign(geometry.points.begin() + geometry.partBegin(longest),
                               geometry.points.begin() + geometry.partEnd(longest));
        break;
    }
    case GeometryKind::Polygon: {
        for (const Point& e : entrances)
            if (boundaryDistance(geometry, e) <= 30) {
                stop.location = e;
                return stop;
            }
        double best = kInf;
        stop.location = labelPoint(geometry);
        for (const Point& p : geometry.points) {
            const double d = distanceToRoad(graph, p);
            if (d < best) {
                best = d;
                stop.location = p;
            }
        }
        break;
    }
    }
    return stop;
}

} // namespace core
