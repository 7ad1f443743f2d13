#include "core/model/geometry.h"

#include <algorithm>
#include <cmath>

namespace core {

QString geometryKindName(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point:
        return QStringLiteral("point");
    case GeometryKind::Line:
        return QStringLiteral("line");
    case GeometryKind::Polygon:
        return QStringLiteral("polygon");
    case GeometryKind::None:
        break;
    }
    return QStringLiteral("none");
}

std::size_t cutRetracedLines(Geometry& g) {
    if (g.kind != GeometryKind::Line)
        return 0;
    const auto retraced = [&](std::size_t part) {
        const std::uint32_t b = g.partBegin(part), e = g.partEnd(part);
        if (e - b < 3)
            return false;
        for (std::uint32_t i = b, k = e - 1; i < k; ++i, --k)
            if (!(g.points[i] == g.points[k]))
                return false;
        return true;
    };
    std::size_t cut = 0;
    for (std::size_t part = 0; part < g.partCount(); ++part)
        cut += retraced(part) ? 1 : 0;
    if (cut == 0)
        return 0;
    std::vector<Point> points;
    std::vector<std::uint32_t> parts;
    points.reserve(g.points.size());
    for (std::size_t part = 0; part < g.partCount(); ++part) {
        const std::uint32_t b = g.partBegin(part), e = g.partEnd(part);
        const std::uint32_t keep = retraced(part) ? (e - b + 1) / 2 : e - b;
        parts.push_back(static_cast<std::uint32_t>(points.size()));
        points.insert(points.end(), g.points.begin() + b, g.points.begin() + b + keep);
    }
    g.points = std::move(points);
    g.parts = std::move(parts);
    return cut;
}

namespace {

double ringSignedArea(const Geometry& g, std::size_t part) {
    double a = 0;
    const auto b = g.partBegin(part), e = g.partEnd(part);
    for (auto i = b; i + 1 < e; ++i)
        a += g.points[i].x * g.points[i + 1].y - g.points[i + 1].x * g.points[i].y;
    return a / 2;
}

bool pointInRing(const Geometry& g, std::size_t part, Point p) {
    bool inside = false;
    const auto b = g.partBegin(part), e = g.partEnd(part);
    for (auto i = b, j = e - 1; i < e; j = i++) {
        const Point& a = g.points[i];
        const Point& c = g.points[j];
        if ((a.y > p.y) != (c.y > p.y) && p.x < (c.x - a.x) * (p.y - a.y) / (c.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

bool pointInPolygonGeometry(const Geometry& g, Point p) {
    // Even-odd over all rings is right for valid polygons with holes and for multipolygons.
    bool inside = false;
    for (std::size_t i = 0; i < g.partCount(); ++i)
        if (pointInRing(g, i, p))
            inside = !inside;
    return inside;
}

} // namespace

double planarLength(const Geometry& g) {
    double len = 0;
    for (std::size_t i = 0; i < g.partCount(); ++i)
        for (auto k = g.partBegin(i); k + 1 < g.partEnd(i); ++k)
            len += std::hypot(g.points[k + 1].x - g.points[k].x, g.points[k + 1].y - g.points[k].y);
    return len;
}

double planarArea(const Geometry& g) {
    if (g.kind != GeometryKind::Polygon)
        return 0;
    double area = 0;
    for (std::size_t pi = 0; pi < g.polygons.size(); ++pi) {
        const std::size_t first = g.polygons[pi];
        const std::size_t last = pi + 1 < g.polygons.size() ? g.polygons[pi + 1] : g.partCount();
        for (std::size_t r = first; r < last; ++r) {
            const double a = std::abs(ringSignedArea(g, r));
            area += r == first ? a : -a;
        }
    }
    return area;
}

Point planarCentroid(const Geometry& g) {
    if (g.points.empty())
        return {};
    if (g.kind == GeometryKind::Polygon) {
        double cx = 0, cy = 0, total = 0;
        for (std::size_t pi = 0; pi < g.polygons.size(); ++pi) {
            const std::size_t first = g.polygons[pi];
            const std::size_t last =
                pi + 1 < g.polygons.size() ? g.polygons[pi + 1] : g.partCount();
            for (std::size_t r = first; r < last; ++r) {
                // Orientation-independent: exterior counts positive, holes negative.
                const double ringSign = (r == first ? 1.0 : -1.0);
                double a = 0, x = 0, y = 0;
                const Point o = g.points[g.partBegin(r)];
                for (auto i = g.partBegin(r); i + 1 < g.partEnd(r); ++i) {
                    const Point p0{g.points[i].x - o.x, g.points[i].y - o.y};
                    const Point p1{g.points[i + 1].x - o.x, g.points[i + 1].y - o.y};
                    const double c = p0.x * p1.y - p1.x * p0.y;
                    a += c;
                    x += (p0.x + p1.x) * c;
                    y += (p0.y + p1.y) * c;
                }
                if (a == 0)
                    continue;
                const double ringArea = std::abs(a / 2) * ringSign;
                cx += (x / (3 * a) + o.x) * ringArea;
                cy += (y / (3 * a) + o.y) * ringArea;
                total += ringArea;
            }
        }
        if (total != 0)
            return {cx / total, cy / total};
    }
    if (g.kind == GeometryKind::Line || g.kind == GeometryKind::Polygon) {
        double cx = 0, cy = 0, total = 0;
        for (std::size_t i = 0; i < g.partCount(); ++i)
            for (auto k = g.partBegin(i); k + 1 < g.partEnd(i); ++k) {
                const Point& a = g.points[k];
                const Point& b = g.points[k + 1];
                const double l = std::hypot(b.x - a.x, b.y - a.y);
                cx += (a.x + b.x) / 2 * l;
                cy += (a.y + b.y) / 2 * l;
                total += l;
            }
        if (total > 0)
            return {cx / total, cy / total};
    }
    double cx = 0, cy = 0;
    for (const auto& p : g.points) {
        cx += p.x;
        cy += p.y;
    }
    return {cx / g.points.size(), cy / g.points.size()};
}

Point labelPoint(const Geometry& g) {
    if (g.points.empty())
        return {};
    switch (g.kind) {
    case GeometryKind::Point:
        return g.points.front();
    case GeometryKind::Line: {
        // Midpoint along the longest part, so the label sits on the line.
        std::size_t best = 0;
        double bestLen = -1;
        for (std::size_t i = 0; i < g.partCount(); ++i) {
            double l = 0;
            for (auto k = g.partBegin(i); k + 1 < g.partEnd(i); ++k)
                l += std::hypot(g.points[k + 1].x - g.points[k].x,
                                g.points[k + 1].y - g.points[k].y);
            if (l > bestLen) {
                bestLen = l;
                best = i;
            }
        }
        double half = bestLen / 2;
        for (auto k = g.partBegin(best); k + 1 < g.partEnd(best); ++k) {
            const Point& a = g.points[k];
            const Point& b = g.points[k + 1];
            const double l = std::hypot(b.x - a.x, b.y - a.y);
            if (l >= half && l > 0)
                return {a.x + (b.x - a.x) * half / l, a.y + (b.y - a.y) * half / l};
            half -= l;
        }
        return g.points[g.partBegin(best)];
    }
    case GeometryKind::Polygon: {
        const Point c = planarCentroid(g);
        if (pointInPolygonGeometry(g, c))
            return c;
        // Scan the horizontal line through the centroid; take the middle of the widest span.
        std::vector<double> xs;
        for (std::size_t r = 0; r < g.partCount(); ++r)
            for (auto i = g.partBegin(r); i + 1 < g.partEnd(r); ++i) {
                const Point& a = g.points[i];
                const Point& b = g.points[i + 1];
                if ((a.y > c.y) != (b.y > c.y))
                    xs.push_back(a.x + (c.y - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        std::sort(xs.begin(), xs.end());
        double bestW = -1;
        Point best = c;
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
            if (xs[i + 1] - xs[i] > bestW) {
                bestW = xs[i + 1] - xs[i];
                best = {(xs[i] + xs[i + 1]) / 2, c.y};
            }
        return best;
    }
    case GeometryKind::None:
        break;
    }
    return g.points.front();
}

} // namespace core
