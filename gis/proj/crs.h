#pragma once

#include "core/model/geometry.h"
#include "gis/proj/china_offsets.h"

#include <QString>

#include <memory>
#include <vector>

namespace gis {

namespace detail {
struct CrsFactory;
} // namespace detail

/// A coordinate reference system: an EPSG/WKT/PROJ definition, or one of the Chinese web-map
/// pseudo-CRSs GCJ-02 / BD-09 (lon/lat with an obfuscating offset on top of WGS84).
///
/// Value type, cheap to copy (holds a WKT string). Coordinates are always handled in
/// traditional GIS axis order (x = easting/longitude, y = northing/latitude), whatever the
/// EPSG axis order says. Thread-safe to copy and query (no library handle is kept).
class Crs {
public:
    Crs() = default;
    /// "EPSG:4547", "4547", "epsg:4547", "GCJ02"/"GCJ-02"/"gcj02", "BD09"/"BD-09", WKT (1 or 2,
    /// ESRI flavour too), a PROJ string ("+proj=..."), or another form OGR understands
    /// ("WGS84", "urn:ogc:def:crs:EPSG::4490"). Surrounding blanks are ignored.
    /// Throws core::CrsError naming the input and listing the accepted forms.
    static Crs fromUserInput(const QString& definition);
    /// Throws core::CrsError when `code` is not in PROJ's EPSG database.
    static Crs fromEpsg(int code);
    /// WKT1, WKT2 or ESRI WKT (a .prj file's content). Throws core::CrsError when unparsable.
    static Crs fromWkt(const QString& wkt);

    bool isValid() const { return !wkt_.isEmpty() || offset_ != ChinaOffset::None; }
    /// "EPSG:4547", "GCJ02", "BD09", or "" for a CRS without an authority code. A definition
    /// without one gets the EPSG code it is equivalent to (an ESRI .prj of CGCS2000 GK CM 114E
    /// gives "EPSG:4547"); other authorities show as "ESRI:102100" etc.
    QString authId() const { return authId_; }
    /// Human-readable name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 114E".
    QString name() const { return name_; }
    /// Single-line WKT2 (2018) of the CRS (for pseudo-CRSs: of the WGS84 base).
    QString wkt() const { return wkt_; }
    /// True for lon/lat CRSs (degrees), including GCJ02 and BD09.
    bool isGeographic() const { return geographic_; }
    ChinaOffset offset() const { return offset_; }
    /// EPSG code or 0.
    int epsg() const;
    /// True when both describe the same coordinates (same offset, equivalent definitions up to
    /// names and axis order), e.g. EPSG:4547 and its ESRI WKT.
    bool isSameAs(const Crs& other) const;
    /// authId() when there is one, else name(): for messages.
    QString label() const;

private:
    QString authId_;
    QString name_;
    QString wkt_;
    bool geographic_ = false;
    ChinaOffset offset_ = ChinaOffset::None;

    friend struct detail::CrsFactory;
};

/// A plausible CRS for data that declares none, with the reason shown to the user.
struct CrsGuess {
    QString code; ///< "EPSG:4490", "EPSG:4527", or "" when the user must give a meridian
    QString
        reason; ///< e.g. "eastings 39 xxx xxx carry zone prefix 39 -> CGCS2000 3-degree GK zone 39"
};

/// CGCS2000 3-degree Gauss-Kruger "CM" code (EPSG:4534-4554, false easting 500 km) for the
/// zone containing `lon` (degrees; central meridian 3*round(lon/3)); 0 outside 73.5-136.5 E.
int gaussKrugerCmEpsg(double lon);
/// CGCS2000 3-degree Gauss-Kruger zone-prefixed code (EPSG:4513-4533) for zone 25..45; 0 else.
int gaussKrugerZoneEpsg(int zone);
/// WGS84 UTM code for lon/lat in degrees: EPSG:326zz north of the equator, 327zz south, with
/// zz = floor((lon + 180) / 6) + 1 (the Norway/Svalbard exceptions are not applied).
int utmEpsg(core::Point lonLat);
/// True inside the rough box lon 73-136 E, lat 3-54 N used to pick Chinese CRSs.
bool insideChina(core::Point lonLat);
/// The working (metric) CRS for data centred at lon/lat (degrees, WGS84/CGCS2000): the
/// CGCS2000 3-degree GK CM zone inside China (insideChina), else the WGS84 UTM zone (utmEpsg).
/// Throws core::CrsError when the point is not a lon/lat.
Crs chooseWorkingCrs(core::Point lonLat);
/// Guesses from coordinate ranges of data with no CRS, best first (may be empty): lon/lat
/// (EPSG:4490 first inside China, then EPSG:4326 and the web-map offsets), zone-prefixed
/// Gauss-Kruger eastings (3- and 6-degree zones), or plain eastings (code "", the user must
/// give the central meridian). Reasons are English sentences.
std::vector<CrsGuess> guessCrs(const core::Box& extent);

/// Transforms coordinates between two CRSs, including GCJ-02/BD-09 (via WGS84, with the
/// iterative inverse). Move-only; not thread-safe: use one per thread.
class CoordinateTransform {
public:
    /// Throws core::CrsError when a side is invalid or no transformation exists.
    CoordinateTransform(const Crs& from, const Crs& to);
    ~CoordinateTransform();
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;
    CoordinateTransform(const CoordinateTransform&) = delete;
    CoordinateTransform& operator=(const CoordinateTransform&) = delete;

    /// Throws core::CrsError naming the point when it cannot be transformed.
    core::Point apply(core::Point p) const;
    /// Transforms every vertex in place (one batched PROJ call). Throws core::CrsError naming
    /// the first failing point; `points` is then left unchanged.
    void apply(std::vector<core::Point>& points) const;
    void apply(core::Geometry& geometry) const { apply(geometry.points); }
    /// True when both sides are the same definition (apply() then copies nothing).
    bool isIdentity() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Geodesic distance in metres between two lon/lat points on the CGCS2000/WGS84 ellipsoid.
double geodesicDistance(core::Point lonLatA, core::Point lonLatB);

} // namespace gis
