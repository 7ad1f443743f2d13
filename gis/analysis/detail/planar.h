#pragma once

// Private to gis/analysis: small planar distance helpers (CRS units) on core geometries.

#include "core/model/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gis::detail {

/// The point of segment ab nearest p, and its parameter t in [0, 1].
inline core::Point nearestOnSegment(core::Point p, core::Point a, core::Point b,
                                    double* t = nullptr) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double u = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    u = std::clamp(u, 0.0, 1.0);
    if (t)
        *t = u;
    return {a.x + u * dx, a.y + u * dy};
}

inline double distance(core::Point a, core::Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

inline double pointSegmentDistance(core::Point p, core::Point a, core::Point b) {
    return distance(p, nearestOnSegment(p, a, b));
}

inline double cross(core::Point o, core::Point a, core::Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

inline bool segmentsCross(core::Point a, core::Point b, core::Point c, core::Point d) {
    const double d1 = cross(c, d, a);
    const double d2 = cross(c, d, b);
    const double d3 = cross(a, b, c);
    const double d4 = cross(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

inline double segmentSegmentDistance(core::Point a, core::Point b, core::Point c, core::Point d) {
    if (segmentsCross(a, b, c, d))
        return 0.0;
    return std::min({pointSegmentDistance(a, c, d), pointSegmentDistance(b, c, d),
                     pointSegmentDistance(c, a, b), pointSegmentDistance(d, a, b)});
}

/// Calls f(a, b) for every segment of a line geometry (or every ring edge of a polygon); a
/// one-point part yields a zero-length segment.
template <typename F>
void forEachSegment(const core::Geometry& g, F&& f) {
    for (std::size_t part = 0; part < g.partCount(); ++part) {
        const auto b = g.partBegin(part);
        const auto e = g.partEnd(part);
        if (e - b == 1)
            f(g.points[b], g.points[b]);
        for (auto i = b; i + 1 < e; ++i)
            f(g.points[i], g.points[i + 1]);
    }
}

/// Shortest distance between two linear geometries (CRS units); stops early at 0.
inline double lineLineDistance(const core::Geometry& g1, const core::Geometry& g2) {
    double best = std::numeric_limits<double>::infinity();
    forEachSegment(g1, [&](core::Point a, core::Point b) {
        if (best == 0)
            return;
        core::Box sb;
        sb.expand(a);
        sb.expand(b);
        forEachSegment(g2, [&](core::Point c, core::Point d) {
            if (best == 0)
                return;
            core::Box tb;
            tb.expand(c);
            tb.expand(d);
            if (!sb.buffered(best).intersects(tb))
                return;
            best = std::min(best, segmentSegmentDistance(a, b, c, d));
        });
    });
    return best;
}

/// Distance from p to the nearest point of a line geometry, and that point.
inline double pointLineDistance(core::Point p, const core::Geometry& g,
                                core::Point* nearest = nullptr) {
    double best = std::numeric_limits<double>::infinity();
    forEachSegment(g, [&](core::Point a, core::Point b) {
        const core::Point q = nearestOnSegment(p, a, b);
        const double d = distance(p, q);
        if (d < best) {
            best = d;
            if (nearest)
                *nearest = q;
        }
    });
    return best;
}

/// The square of pointLineDistance(p, g), without a square root per segment (for bounds: it
/// may differ from the square of pointLineDistance in the last bits).
inline double pointLineDistanceSquared(core::Point p, const core::Geometry& g) {
    double best = std::numeric_limits<double>::infinity();
    forEachSegment(g, [&](core::Point a, core::Point b) {
        const core::Point q = nearestOnSegment(p, a, b);
        const double dx = p.x - q.x;
        const double dy = p.y - q.y;
        best = std::min(best, dx * dx + dy * dy);
    });
    return best;
}

/// The square of farthestVertexDistance(p, g), as pointLineDistanceSquared.
inline double farthestVertexDistanceSquared(core::Point p, const core::Geometry& g) {
    double best = 0;
    for (const auto& q : g.points) {
        const double dx = p.x - q.x;
        const double dy = p.y - q.y;
        best = std::max(best, dx * dx + dy * dy);
    }
    return best;
}

/// The largest distance from p to a vertex (for a point p this is the largest distance to
/// any point of the geometry, since distance to a point is convex along a segment).
inline double farthestVertexDistance(core::Point p, const core::Geometry& g) {
    double best = 0;
    for (const auto& q : g.points)
        best = std::max(best, distance(p, q));
    return best;
}

// The bounds below are for comparisons with a margin far above their rounding: a plain square
// root is good enough there, and several times cheaper than std::hypot.

/// Distance from p to the nearest point of a box (0 inside it): a lower bound of the distance
/// from p to anything inside the box.
inline double boxNearestDistance(core::Point p, const core::Box& b) {
    const double dx = std::max({0.0, b.minX - p.x, p.x - b.maxX});
    const double dy = std::max({0.0, b.minY - p.y, p.y - b.maxY});
    return std::sqrt(dx * dx + dy * dy);
}

/// Distance from p to the farthest corner of a box: an upper bound of the distance from p to
/// anything inside the box.
inline double boxFarthestDistance(core::Point p, const core::Box& b) {
    const double dx = std::max(std::abs(p.x - b.minX), std::abs(p.x - b.maxX));
    const double dy = std::max(std::abs(p.y - b.minY), std::abs(p.y - b.maxY));
    return std::sqrt(dx * dx + dy * dy);
}

/// An upper bound of the distance from p to the nearest vertex of g (and so to g) from g's
/// bounding box `b` alone: each side of a bounding box holds a vertex, which lies no farther
/// from p than the side's farther end.
inline double nearestVertexUpperBound(core::Point p, const core::Box& b) {
    const double x0 = (p.x - b.minX) * (p.x - b.minX);
    const double x1 = (p.x - b.maxX) * (p.x - b.maxX);
    const double y0 = (p.y - b.minY) * (p.y - b.minY);
    const double y1 = (p.y - b.maxY) * (p.y - b.maxY);
    const double farY = std::max(y0, y1);
    const double farX = std::max(x0, x1);
    // The sides x = minX, x = maxX, y = minY, y = maxY, each at its farther end.
    return std::sqrt(std::min({x0 + farY, x1 + farY, y0 + farX, y1 + farX}));
}

/// The square of the distance between segments ab and cd (0 when they cross), without a
/// square root (for bounds, as pointLineDistanceSquared).
inline double segmentSegmentDistanceSquared(core::Point a, core::Point b, core::Point c,
                                            core::Point d) {
    if (segmentsCross(a, b, c, d))
        return 0.0;
    const auto sq = [](core::Point p, core::Point q) {
        return (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y);
    };
    return std::min({sq(a, nearestOnSegment(a, c, d)), sq(b, nearestOnSegment(b, c, d)),
                     sq(c, nearestOnSegment(c, a, b)), sq(d, nearestOnSegment(d, a, b))});
}

/// The square of lineLineDistance(g1, g2), every pair of segments (for small geometries).
inline double lineLineDistanceSquared(const core::Geometry& g1, const core::Geometry& g2) {
    double best = std::numeric_limits<double>::infinity();
    forEachSegment(g1, [&](core::Point a, core::Point b) {
        forEachSegment(g2, [&](core::Point c, core::Point d) {
            best = std::min(best, segmentSegmentDistanceSquared(a, b, c, d));
        });
    });
    return best;
}

/// A lower bound of farthestVertexDistance(p, g) from g's bounding box `b` alone: each side of
/// a bounding box holds a vertex, which lies at least as far from p as that side does.
inline double farthestVertexLowerBound(core::Point p, const core::Box& b) {
    const double outX = std::max({0.0, b.minX - p.x, p.x - b.maxX});
    const double outY = std::max({0.0, b.minY - p.y, p.y - b.maxY});
    const double farX = std::max(std::abs(p.x - b.minX), std::abs(p.x - b.maxX));
    const double farY = std::max(std::abs(p.y - b.minY), std::abs(p.y - b.maxY));
    // The farther vertical side at its nearest point, and the farther horizontal one.
    return std::sqrt(std::max(farX * farX + outY * outY, outX * outX + farY * farY));
}

} // namespace gis::detail
