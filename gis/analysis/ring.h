#pragma once

#include "core/model/geometry.h"
#include "gis/proj/crs.h"

namespace gis {

/// The local scale of a projected working CRS: planar units per metre on the ellipsoid.
///
/// Gauss-Kruger and UTM are conformal, so near a point one factor k serves every direction;
/// k is 0.9996 on a UTM central meridian and about 1.0003 at the edge of a 3-degree GK zone
/// at 20 degrees north, which at 2 km is 0.6-0.8 m: more than the 0.5 m the rings must hold,
/// so radii are multiplied by k at the anchor and distances divided by it. k changes by less
/// than 1e-5 across a 2 km ring, which is under 1 cm.
///
/// Owns a CoordinateTransform: move-only, one per thread.
class ScaleProbe {
public:
    /// Throws core::CrsError when `working` is geographic or has no way to lon/lat.
    explicit ScaleProbe(const Crs& working);

    /// The point scale factor at `p` (working CRS), from the geodesic lengths of a 1 km
    /// east-west and a 1 km north-south probe centred on p.
    double scaleAt(core::Point p) const;
    /// `p` as longitude/latitude in degrees on the WGS84/CGCS2000 ellipsoid.
    core::Point toLonLat(core::Point p) const;

private:
    CoordinateTransform toGeographic_;
};

/// The GEOS buffer quadrant segment count that keeps every chord of a circle of `radius`
/// within `maxChordError` of the true circle (same units).
int quadrantSegmentsFor(double radius, double maxChordError);

/// The ring between `inner` and `outer` (planar units of the anchor's CRS, already scaled by
/// ScaleProbe::scaleAt) around an anchor geometry: buffer(outer) minus buffer(inner), built
/// with GEOS so every vertex lies on the intended circle (for points) or offset curve (for
/// polygons) and every chord strays under `maxChordError` from it. inner == 0 gives the
/// outer buffer (with the polygon anchor itself removed). Around a single point the circles
/// are built directly, with the vertices GEOS would make. Exterior ring clockwise, holes
/// counter-clockwise (as GEOS returns them). Thread: any (own GEOS context).
/// Throws core::GeometryError for an empty or invalid anchor geometry.
core::Geometry ringPolygon(const core::Geometry& anchor, double inner, double outer,
                           double maxChordError = 0.1);

} // namespace gis
