#pragma once

#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

namespace core {

/// A coordinate pair in whatever CRS its owner states (x = easting/longitude).
struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

/// Axis-aligned bounding box; empty() until the first expand().
struct Box {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool empty() const { return minX > maxX || minY > maxY; }
    double width() const { return empty() ? 0 : maxX - minX; }
    double height() const { return empty() ? 0 : maxY - minY; }
    Point center() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
    void expand(const Point& p) {
        if (p.x < minX)
            minX = p.x;
        if (p.y < minY)
            minY = p.y;
        if (p.x > maxX)
            maxX = p.x;
        if (p.y > maxY)
            maxY = p.y;
    }
    void expand(const Box& b) {
        if (b.empty())
            return;
        expand(Point{b.minX, b.minY});
        expand(Point{b.maxX, b.maxY});
    }
    bool intersects(const Box& b) const {
        return !(b.minX > maxX || b.maxX < minX || b.minY > maxY || b.maxY < minY);
    }
    bool contains(const Point& p) const {
        return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY;
    }
    Box buffered(double d) const { return {minX - d, minY - d, maxX + d, maxY + d}; }
};

/// The dimension of a layer's or a feature's geometry; multi-geometries share the kind of
/// their parts.
enum class GeometryKind : std::uint8_t { None, Point, Line, Polygon };

/// "point", "line", "polygon" or "none": the kind's name in rule files, JSON and reports.
QString geometryKindName(GeometryKind kind);

/// A simple-features geometry in flat storage.
///
/// - Point kind: each part is one point (a multipoint has several parts).
/// - Line kind: each part is a linestring.
/// - Polygon kind: parts are rings; `polygons` holds, for every polygon, the index of its
///   exterior ring in `parts`; the rings up to the next polygon's start are its holes.
/// Coordinates are in the owning layer's CRS.
struct Geometry {
    GeometryKind kind = GeometryKind::None;
    std::vector<Point> points;        ///< all vertices, part after part
    std::vector<std::uint32_t> parts; ///< start index into points of each part
    std::vector<std::uint32_t> polygons;

    bool empty() const { return points.empty(); }
    std::size_t partCount() const { return parts.size(); }
    std::uint32_t partBegin(std::size_t i) const { return parts[i]; }
    std::uint32_t partEnd(std::size_t i) const {
        return i + 1 < parts.size() ? parts[i + 1] : static_cast<std::uint32_t>(points.size());
    }
    Box bounds() const {
        Box b;
        for (const auto& p : points)
            b.expand(p);
        return b;
    }
    /// Starts a new part (ring, line or point) and returns its index.
    std::size_t beginPart() {
        parts.push_back(static_cast<std::uint32_t>(points.size()));
        return parts.size() - 1;
    }
    /// Starts a new polygon whose exterior ring is the next part begun.
    void beginPolygon() { polygons.push_back(static_cast<std::uint32_t>(parts.size())); }

    static Geometry point(Point p) {
        Geometry g;
        g.kind = GeometryKind::Point;
        g.beginPart();
        g.points.push_back(p);
        return g;
    }
    static Geometry line(std::vector<Point> pts) {
        Geometry g;
        g.kind = GeometryKind::Line;
        g.beginPart();
        g.points = std::move(pts);
        return g;
    }
    /// A polygon from its exterior ring (closed or not; it is closed here).
    static Geometry polygon(std::vector<Point> ring) {
        Geometry g;
        g.kind = GeometryKind::Polygon;
        g.beginPolygon();
        g.beginPart();
        if (!ring.empty() && !(ring.front() == ring.back()))
            ring.push_back(ring.front());
        g.points = std::move(ring);
        return g;
    }
};

/// Cuts every line part that runs out and back along its own vertices (a palindrome of at
/// least 3 vertices: A-B-A, A-B-C-B-A, as OSMnx writes two-way streets) to its outward half
/// (A-B, A-B-C). Returns how many parts were cut; other kinds of geometry are left alone.
std::size_t cutRetracedLines(Geometry& g);

/// Length of all parts of a line or polygon boundary, in the units of the CRS.
double planarLength(const Geometry& g);
/// Signed-area-aware area of a polygon geometry (holes subtracted), in CRS units squared.
double planarArea(const Geometry& g);
/// Area-weighted centroid for polygons, length-weighted for lines, mean for points.
Point planarCentroid(const Geometry& g);
/// A point guaranteed on or inside the geometry when it is simple (for labels): for polygons
/// the centroid if inside, else a point found by scanning; for lines the middle vertex walk.
Point labelPoint(const Geometry& g);

} // namespace core
