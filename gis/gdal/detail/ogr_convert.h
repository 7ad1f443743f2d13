#pragma once

// Private to gis/: conversion between OGR geometries and core::Geometry.

#include "core/model/geometry.h"
#include "core/model/layer_data.h"

#include <ogr_api.h>

namespace gis::detail {

/// The core field type of an OGR field type (lists, binaries and times map to Other).
core::FieldType fieldTypeOf(OGRFieldType type);

/// The core kind of an OGR geometry type (curves count as their linear kind).
core::GeometryKind kindOf(OGRwkbGeometryType type);

/// Appends `geom` (any simple-feature type, curves linearised) to `out`, whose kind must
/// already be set to kindOf(geom's type). Parts of another kind inside a collection are skipped
/// and counted in `skippedParts`.
void appendOgrGeometry(OGRGeometryH geom, core::Geometry& out, int& skippedParts);

/// A new OGR geometry (caller owns) from a core geometry: Point/MultiPoint, LineString/
/// MultiLineString, Polygon/MultiPolygon (multi only when there are several parts/polygons).
OGRGeometryH toOgrGeometry(const core::Geometry& g);

} // namespace gis::detail
