#pragma once

#include "core/model/geometry.h"

#include <QByteArray>

#include <cstdint>

namespace core {

/// GeoPackage geometry type names used in gpkg_geometry_columns and our blobs.
enum class GpkgGeometryType : std::uint8_t {
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
};

/// "POINT", "MULTIPOLYGON", ... (the spelling gpkg_geometry_columns wants).
const char* gpkgTypeName(GpkgGeometryType type);

/// The narrowest GeoPackage type for a geometry: single when it has one part/polygon,
/// otherwise the multi type. A None/empty geometry maps to its kind's single type.
GpkgGeometryType narrowestGpkgType(const Geometry& g);
/// The multi type of a kind (Point -> MultiPoint, ...).
GpkgGeometryType multiOf(GeometryKind kind);
GpkgGeometryType singleOf(GeometryKind kind);

/// Encodes a GeoPackage binary geometry (GP header version 0, little-endian, XY envelope
/// except for single points, then ISO WKB) in the given srs_id. `asType` must be the
/// geometry's single or multi type; a single type with several parts throws GeometryError.
/// Coordinates are written as they are (the caller's CRS). Thread: any.
QByteArray encodeGpkgGeometry(const Geometry& g, std::int32_t srsId, GpkgGeometryType asType);

/// Decodes a GeoPackage binary geometry (any envelope kind, either byte order; Z/M ordinates
/// are dropped). Throws FormatError with `context` (e.g. "layer roads, feature 12") when the
/// blob is not a GeoPackage geometry. `srsId` receives the blob's srs_id when not null.
Geometry decodeGpkgGeometry(const QByteArray& blob, const QString& context,
                            std::int32_t* srsId = nullptr);

} // namespace core
