#pragma once

// Private to gis/proj: building OGR spatial references from Crs values and back.

#include "gis/gdal/detail/gdal_handles.h"
#include "gis/proj/crs.h"

namespace gis::detail {

/// Fills Crs values from OGR spatial references (friend of Crs).
struct CrsFactory {
    /// A Crs describing `srs` (authority identified where possible). Throws core::CrsError
    /// mentioning `input` when the definition cannot be exported.
    static Crs fromSrs(OGRSpatialReferenceH srs, const QString& input);
    static Crs pseudo(ChinaOffset offset);
};

/// A new spatial reference for `crs` in traditional GIS axis order (x = lon/easting). For the
/// pseudo-CRSs GCJ02/BD09 this is their WGS84 base. Throws core::CrsError when `crs` is invalid.
SrsPtr makeSrs(const Crs& crs);

/// A fresh empty spatial reference set to traditional GIS axis order.
SrsPtr newTraditionalSrs();

} // namespace gis::detail
