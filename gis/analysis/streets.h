#pragma once

#include "core/model/geometry.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace gis {

/// One back-street segment as read from a layer (working CRS, metres). Refers to its geometry
/// where it lies (a layer's feature), which must outlive the segment: a city has hundreds of
/// thousands of segments, and copying each geometry costs more than grouping them.
struct StreetSegment {
    QString name;                     ///< trimmed; "" when unnamed
    const core::Geometry* geometry{}; ///< line kind; never null
    QString layer;
    std::int64_t fid = -1;
};

/// A street: the segments that share a name and touch, as one unit of the draw.
struct Street {
    QString name;
    core::Geometry geometry; ///< line kind, one part per segment part, in stable order
    double planarLength = 0; ///< CRS units (divide by the local scale for metres)
    core::Point centroid;    ///< length-weighted
    core::Box bounds;
    std::vector<std::size_t> segments; ///< indices into the grouped segments, ascending
    QString key;                       ///< stable key: name, centroid and length in decimetres
    QString source;                    ///< "lines #12, #40" (at most five ids, then "+N")
};

/// Groups segments into streets. Segments with the same name (exact, after trimming) that
/// touch, i.e. come within `snapTolerance` CRS units of each other (a shared vertex, a
/// T-junction, a small digitising gap), belong to one street, transitively. Unnamed segments
/// are left out unless `includeUnnamed`, and then grouped by connectivity alone.
/// The result does not depend on the order of `segments`: parts are sorted by their rounded
/// coordinates and streets by key. Thread: any.
std::vector<Street> groupStreets(const std::vector<StreetSegment>& segments, double snapTolerance,
                                 bool includeUnnamed);

/// A stable key for a unit from its name and a few rounded numbers (decimetres), so sorting
/// by key never depends on feature ids, file order or format.
QString unitKey(const QString& name, core::Point centroid, double measure);

} // namespace gis
