#pragma once

#include "core/routing/route_plan.h"
#include "core/util/feedback.h"
#include "gis/io/gpx_writer.h"
#include "gis/io/route_sheet.h"
#include "gis/proj/crs.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gis {

/// File formats a route is exported to for phone apps.
enum class RouteFormat { Gpx, Kml, GeoJson, Pdf };

/// The format for a file name by its extension (.gpx, .kml, .geojson/.json, .pdf), or nullopt.
std::optional<RouteFormat> routeFormatForPath(const QString& path);

/// The plan as a GPX document in WGS84 lon/lat: numbered stops as waypoints (the start and end
/// too), one track per team with one segment per leg. `working` is the plan's CRS.
/// Throws core::CrsError when the coordinates cannot be transformed. Thread: any.
GpxDocument routeToGpx(const core::RoutePlan& plan, const Crs& working, const QString& title);

/// The plan as RFC 7946 GeoJSON (WGS84 lon/lat): a FeatureCollection of the route_stops points
/// and route_legs lines of core::routeLayers, each with a "layer" property. Thread: any.
QByteArray routeToGeoJson(const core::RoutePlan& plan, const Crs& working);

/// Writes the plan to `path` in the format of its extension: GPX 1.1 (gpx_writer), KML
/// (GDAL's KML driver: folders route_stops and route_legs), GeoJSON or a PDF route sheet
/// (writeRouteSheet in gis/io/route_sheet.h; `sheet` gives its base map). Atomic: no partial
/// file on failure. Throws core::FormatError for an unknown extension (naming it and the
/// accepted ones), core::IoError, core::CrsError. Thread: any (GDAL registered, see initGdal).
void exportRoute(const QString& path, const core::RoutePlan& plan, const Crs& working,
                 const QString& title, core::Feedback& feedback,
                 const RouteSheetOptions& sheet = {});

} // namespace gis
