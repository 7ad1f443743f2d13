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
