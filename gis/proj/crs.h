#pragma once

#include "core/model/geometry.h"
#include "gis/proj/china_offsets.h"

#include <QString>

#include <memory>
#include <vector>

namespace gis {

/// A coordinate reference system: an EPSG/WKT/PROJ definition, or one of the Chinese web-map
/// pseudo-CRSs GCJ-02 / BD-09 (lon/lat with an obfuscating offset on top of WGS84).
///
/// Value type, cheap to copy (holds a WKT string). Coordinates are always handled in
/// traditional GIS axis order (x = easting/longitude, y = northing/latitude), whatever the
/// EPSG axis order says.
class Crs {
public:
    Crs() = default;
    /// "EPSG:4547", "4547", "GCJ02"/"GCJ-02", "BD09"/"BD-09", WKT, or a PROJ string.
    /// Throws core::CrsError naming the input when it is not a CRS.
    static Crs fromUserInput(const QString& definition);
    static Crs fromEpsg(int code);
    static Crs fromWkt(const QString& wkt);

    bool isValid() const { return !wkt_.isEmpty() || offset_ != ChinaOffset::None; }
    /// "EPSG:4547", "GCJ02", "BD09", or "" for a CRS without an authority code.
    QString authId() const { return authId_; }
    QString name() const { return name_; }
    /// WKT2 of the CRS (for pseudo-CRSs: of the WGS84 base).
    QString wkt() const { return wkt_; }
    bool isGeographic() const { return geographic_; }
    ChinaOffset offset() const { return offset_; }
    /// EPSG code or 0.
    int epsg() const;

private:
    QString authId_;
    QString name_;
    QString wkt_;
    bool geographic_ = false;
    ChinaOffset offset_ = ChinaOffset::None;
};

/// A plausible CRS for data that declares none, with the reason shown to the user.
struct CrsGuess {
    QString code;   ///< "EPSG:4490", "EPSG:4527", or "" when the user must give a meridian
    QString reason; ///< e.g. "eastings 39 xxx xxx carry zone prefix 39 -> CGCS2000 3-degree GK zone 39"
};

/// CGCS2000 3-degree Gauss-Kruger "CM" code (EPSG:4534-4554, false easting 500 km) for the
/// zone containing `lon`; 0 outside 73.5-136.5 E.
int gaussKrugerCmEpsg(double lon);
/// CGCS2000 3-degree Gauss-Kruger zone-prefixed code (EPSG:4513-4533) for zone 25..45; 0 else.
int gaussKrugerZoneEpsg(int zone);
/// The working CRS for data centred at lon/lat (degrees, WGS84/CGCS2000): the CGCS2000
/// 3-degree GK CM zone inside China, else the WGS84 UTM zone.
Crs chooseWorkingCrs(core::Point lonLat);
/// Guesses from coordinate ranges of data with no CRS, best first (may be empty).
std::vector<CrsGuess> guessCrs(const core::Box& extent);

/// Transforms coordinates between two CRSs, including GCJ-02/BD-09 (via WGS84, with the
/// iterative inverse). Move-only; not thread-safe: use one per thread.
class CoordinateTransform {
public:
    /// Throws core::CrsError when no transformation exists.
    CoordinateTransform(const Crs& from, const Crs& to);
    ~CoordinateTransform();
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;
    CoordinateTransform(const CoordinateTransform&) = delete;
    CoordinateTransform& operator=(const CoordinateTransform&) = delete;

    /// Throws core::CrsError when a point cannot be transformed.
    core::Point apply(core::Point p) const;
    /// Transforms every vertex in place.
    void apply(std::vector<core::Point>& points) const;
    void apply(core::Geometry& geometry) const { apply(geometry.points); }
    bool isIdentity() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Geodesic distance in metres between two lon/lat points on the CGCS2000/WGS84 ellipsoid.
double geodesicDistance(core::Point lonLatA, core::Point lonLatB);

} // namespace gis
