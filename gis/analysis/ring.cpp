#include "gis/analysis/ring.h"

#include "core/util/error.h"
#include "gis/analysis/detail/geos_handles.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gis {

namespace {

Crs geographicFor(const Crs& working) {
    if (working.isGeographic())
        throw core::CrsError(
            QStringLiteral("rings need a projected working CRS in metres, not %1")
                .arg(working.authId().isEmpty() ? working.name() : working.authId()));
    return Crs::fromEpsg(4326);
}

/// A closed circle of 4 * quadrantSegmentsFor(radius) chords around `c`, from angle 0,
/// clockwise or not, appended to `g` as a new part.
void appendCircle(core::Geometry& g, core::Point c, double radius, double maxChordError,
                  bool clockwise) {
    const int n = 4 * quadrantSegmentsFor(radius, maxChordError);
    const double step = (clockwise ? -2.0 : 2.0) * std::numbers::pi / n;
    g.beginPart();
    g.points.reserve(g.points.size() + static_cast<std::size_t>(n) + 1);
    for (int i = 0; i < n; ++i) {
        const double a = step * i;
        g.points.push_back({c.x + radius * std::cos(a), c.y + radius * std::sin(a)});
    }
    g.points.push_back(g.points[g.partBegin(g.partCount() - 1)]);
}

} // namespace

ScaleProbe::ScaleProbe(const Crs& working) : toGeographic_(working, geographicFor(working)) {}

core::Point ScaleProbe::toLonLat(core::Point p) const {
    return toGeographic_.apply(p);
}

double ScaleProbe::scaleAt(core::Point p) const {
    constexpr double half = 500.0;
    const double ew = geodesicDistance(toLonLat({p.x - half, p.y}), toLonLat({p.x + half, p.y}));
    const double ns = geodesicDistance(toLonLat({p.x, p.y - half}), toLonLat({p.x, p.y + half}));
    if (!(ew > 0) || !(ns > 0))
        throw core::CrsError(
            QStringLiteral("cannot measure the map scale at %1, %2").arg(p.x).arg(p.y));
    return 2 * half / ((ew + ns) / 2);
}

int quadrantSegmentsFor(double radius, double maxChordError) {
    if (radius <= maxChordError)
        return 8;
    // A chord spanning angle a strays r * (1 - cos(a / 2)) from the circle; a quadrant of q
    // segments has a = pi / (2q).
    const double halfAngle = std::acos(1.0 - maxChordError / radius);
    const double q = std::numbers::pi / (4.0 * halfAngle);
    return std::clamp(static_cast<int>(std::ceil(q)), 8, 2000);
}

core::Geometry ringPolygon(const core::Geometry& anchor, double inner, double outer,
                           double maxChordError) {
    if (anchor.empty())
        throw core::GeometryError(QStringLiteral("an anchor without geometry has no ring"));
    if (anchor.kind == core::GeometryKind::Point && anchor.points.size() == 1) {
        // Around a single point the buffers are circles: built directly (much cheaper than
        // buffering and cutting with GEOS, same vertices), oriented as GEOS returns a ring:
        // exterior clockwise, hole counter-clockwise.
        core::Geometry ring;
        ring.kind = core::GeometryKind::Polygon;
        ring.beginPolygon();
        appendCircle(ring, anchor.points.front(), outer, maxChordError, true);
        if (inner > 0)
            appendCircle(ring, anchor.points.front(), inner, maxChordError, false);
        return ring;
    }
    detail::GeosContext ctx;
    const auto g = detail::toGeos(ctx, anchor);
    const auto buffer = [&](double r) {
        return detail::own(
            ctx, GEOSBuffer_r(ctx.get(), g.get(), r, quadrantSegmentsFor(r, maxChordError)),
            "buffering an anchor");
    };
    const auto outerBuf = buffer(outer);
    detail::GeomPtr hole;
    if (inner > 0)
        hole = buffer(inner);
    else if (anchor.kind == core::GeometryKind::Polygon)
        hole = detail::own(ctx, GEOSGeom_clone_r(ctx.get(), g.get()), "copying an anchor");
    if (!hole)
        return detail::fromGeos(ctx, outerBuf.get());
    const auto ring =
        detail::own(ctx, GEOSDifference_r(ctx.get(), outerBuf.get(), hole.get()), "cutting a ring");
    return detail::fromGeos(ctx, ring.get());
}

} // namespace gis
