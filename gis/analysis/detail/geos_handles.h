#pragma once

// Private to gis/: RAII owners for the GEOS reentrant C API (geos_c.h). Include only from gis
// .cpp files. One GeosContext per thread: a context and every geometry made with it stay on
// the thread that created them.

#include "core/model/geometry.h"

#include <geos_c.h>

#include <QString>

#include <memory>
#include <vector>

namespace gis::detail {

/// Owns a GEOS context handle (GEOS_init_r / GEOS_finish_r) and keeps its last error message.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t get() const { return handle_; }
    /// The last error GEOS reported on this context, or "" (cleared by clearError()).
    const QString& lastError() const { return lastError_; }
    void clearError() { lastError_.clear(); }

private:
    static void onError(const char* message, void* self);
    GEOSContextHandle_t handle_ = nullptr;
    QString lastError_;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept {
        if (g)
            GEOSGeom_destroy_r(ctx, g);
    }
};
struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept {
        if (g)
            GEOSPreparedGeom_destroy_r(ctx, g);
    }
};

using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

/// Takes ownership of a geometry GEOS returned; throws core::GeometryError with `what` and the
/// context's last error when GEOS returned null.
GeomPtr own(GeosContext& ctx, GEOSGeometry* g, const char* what);
/// A prepared (indexed) view of `g`; `g` must outlive it.
PreparedPtr prepare(GeosContext& ctx, const GEOSGeometry* g);

/// A GEOS geometry from a core geometry (point/multipoint, line/multiline, polygon/multipolygon).
GeomPtr toGeos(GeosContext& ctx, const core::Geometry& g);
/// A GEOS point.
GeomPtr toGeos(GeosContext& ctx, core::Point p);
/// A core geometry from a GEOS one (collections are flattened to their polygonal, linear or
/// punctual parts of the highest dimension present).
core::Geometry fromGeos(GeosContext& ctx, const GEOSGeometry* g);

} // namespace gis::detail
