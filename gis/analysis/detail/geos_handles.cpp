#include "gis/analysis/detail/geos_handles.h"

#include "core/util/error.h"

#include <algorithm>

namespace gis::detail {

namespace {

GEOSCoordSequence* sequence(GEOSContextHandle_t ctx, const core::Geometry& g, std::size_t part) {
    const auto b = g.partBegin(part);
    const auto e = g.partEnd(part);
    std::vector<double> xy;
    xy.reserve(2 * (e - b));
    for (auto i = b; i < e; ++i) {
        xy.push_back(g.points[i].x);
        xy.push_back(g.points[i].y);
    }
    return GEOSCoordSeq_copyFromBuffer_r(ctx, xy.data(), e - b, 0, 0);
}

void appendSequence(GEOSContextHandle_t ctx, const GEOSCoordSequence* seq, core::Geometry& out) {
    unsigned int n = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &n);
    std::vector<double> xy(2 * static_cast<std::size_t>(n));
    if (n > 0)
        GEOSCoordSeq_copyToBuffer_r(ctx, seq, xy.data(), 0, 0);
    out.beginPart();
    for (unsigned int i = 0; i < n; ++i)
        out.points.push_back({xy[2 * i], xy[2 * i + 1]});
}

int dimensionOf(GEOSContextHandle_t ctx, const GEOSGeometry* g) {
    const int t = GEOSGeomTypeId_r(ctx, g);
    if (t == GEOS_GEOMETRYCOLLECTION) {
        int best = -1;
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i)
            best = std::max(best, dimensionOf(ctx, GEOSGetGeometryN_r(ctx, g, i)));
        return best;
    }
    return GEOSisEmpty_r(ctx, g) == 1 ? -1 : GEOSGeom_getDimensions_r(ctx, g);
}

void collect(GEOSContextHandle_t ctx, const GEOSGeometry* g, int dim, core::Geometry& out) {
    const int t = GEOSGeomTypeId_r(ctx, g);
    if (t == GEOS_MULTIPOINT || t == GEOS_MULTILINESTRING || t == GEOS_MULTIPOLYGON ||
        t == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i)
            collect(ctx, GEOSGetGeometryN_r(ctx, g, i), dim, out);
        return;
    }
    if (GEOSisEmpty_r(ctx, g) == 1 || GEOSGeom_getDimensions_r(ctx, g) != dim)
        return;
    if (t == GEOS_POLYGON) {
        out.beginPolygon();
        appendSequence(ctx, GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, g)), out);
        for (int i = 0; i < GEOSGetNumInteriorRings_r(ctx, g); ++i)
            appendSequence(ctx, GEOSGeom_getCoordSeq_r(ctx, GEOSGetInteriorRingN_r(ctx, g, i)),
                           out);
        return;
    }
    appendSequence(ctx, GEOSGeom_getCoordSeq_r(ctx, g), out);
}

} // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
    if (!handle_)
        throw core::Error(core::ErrorCode::Internal, QStringLiteral("GEOS could not start"));
    GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::onError, this);
}

GeosContext::~GeosContext() {
    GEOS_finish_r(handle_);
}

void GeosContext::onError(const char* message, void* self) {
    static_cast<GeosContext*>(self)->lastError_ = QString::fromUtf8(message);
}

GeomPtr own(GeosContext& ctx, GEOSGeometry* g, const char* what) {
    if (!g)
        throw core::GeometryError(QStringLiteral("%1 failed: %2")
                                      .arg(QLatin1String(what), ctx.lastError().isEmpty()
                                                                    ? QStringLiteral("GEOS error")
                                                                    : ctx.lastError()));
    return GeomPtr(g, GeomDeleter{ctx.get()});
}

PreparedPtr prepare(GeosContext& ctx, const GEOSGeometry* g) {
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx.get(), g);
    if (!p)
        throw core::GeometryError(
            QStringLiteral("could not prepare a geometry: %1").arg(ctx.lastError()));
    return PreparedPtr(p, PreparedDeleter{ctx.get()});
}

GeomPtr toGeos(GeosContext& ctx, core::Point p) {
    return own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), p.x, p.y), "making a point");
}

GeomPtr toGeos(GeosContext& ctx, const core::Geometry& g) {
    GEOSContextHandle_t h = ctx.get();
    std::vector<GEOSGeometry*> parts;
    int collectionType = GEOS_GEOMETRYCOLLECTION;
    switch (g.kind) {
    case core::GeometryKind::Point:
        for (std::size_t i = 0; i < g.partCount(); ++i)
            parts.push_back(GEOSGeom_createPoint_r(h, sequence(h, g, i)));
        collectionType = GEOS_MULTIPOINT;
        break;
    case core::GeometryKind::Line:
        for (std::size_t i = 0; i < g.partCount(); ++i)
            parts.push_back(GEOSGeom_createLineString_r(h, sequence(h, g, i)));
        collectionType = GEOS_MULTILINESTRING;
        break;
    case core::GeometryKind::Polygon:
        for (std::size_t poly = 0; poly < g.polygons.size(); ++poly) {
            const std::size_t first = g.polygons[poly];
            const std::size_t last =
                poly + 1 < g.polygons.size() ? g.polygons[poly + 1] : g.partCount();
            GEOSGeometry* shell = GEOSGeom_createLinearRing_r(h, sequence(h, g, first));
            std::vector<GEOSGeometry*> holes;
            for (std::size_t r = first + 1; r < last; ++r)
                holes.push_back(GEOSGeom_createLinearRing_r(h, sequence(h, g, r)));
            parts.push_back(GEOSGeom_createPolygon_r(h, shell, holes.data(),
                                                     static_cast<unsigned>(holes.size())));
        }
        collectionType = GEOS_MULTIPOLYGON;
        break;
    case core::GeometryKind::None:
        break;
    }
    for (auto* p : parts)
        if (!p) {
            for (auto* q : parts)
                if (q)
                    GEOSGeom_destroy_r(h, q);
            throw core::GeometryError(QStringLiteral("invalid geometry: %1").arg(ctx.lastError()));
        }
    if (parts.size() == 1)
        return own(ctx, parts.front(), "converting a geometry");
    return own(ctx,
               GEOSGeom_createCollection_r(h, collectionType, parts.data(),
                                           static_cast<unsigned>(parts.size())),
               "converting a geometry");
}

core::Geometry fromGeos(GeosContext& ctx, const GEOSGeometry* g) {
    core::Geometry out;
    const int dim = dimensionOf(ctx.get(), g);
    if (dim < 0)
        return out;
    out.kind = dim == 0   ? core::GeometryKind::Point
               : dim == 1 ? core::GeometryKind::Line
                          : core::GeometryKind::Polygon;
    collect(ctx.get(), g, dim, out);
    return out;
}

} // namespace gis::detail
