#pragma once

#include "core/render/map_renderer.h"
#include "core/render/page_layout.h"
#include "core/routing/route_plan.h"
#include "gis/proj/crs.h"

#include <QString>

#include <vector>

namespace gis {

/// Optional parts of a route sheet.
struct RouteSheetOptions {
    /// Base map under the routes (the campaign's classified layers, as the canvas shows them);
    /// empty = routes and stops on a plain background.
    std::vector<core::RenderLayer> baseLayers;
    bool usesOsm = false;    ///< print "© OpenStreetMap contributors" under the maps
    QString subtitle;        ///< e.g. campaign name and draw id
    core::PageFormat format; ///< A4 portrait by default
};

/// Writes the printable route sheet (路线单) of `plan` as a PDF: per team a map page (the
/// team's route in its colour, stops numbered in visiting order, start/end, legend, scale bar,
/// north arrow) followed by a table of its stops with check boxes (□), stop kind, the streets
/// of the leg to it, leg distance and time, arrival time from the start, dwell, lon/lat, and
/// the team's totals; then the stops that could not be planned. Chinese text, fonts embedded.
/// `working` is the plan's CRS (lon/lat in the table come from it).
///
/// Atomic (no partial file on failure). Throws core::IoError naming `pdfPath`,
/// core::CrsError. Thread: any (needs a QGuiApplication for fonts).
void writeRouteSheet(const QString& pdfPath, const core::RoutePlan& plan, const Crs& working,
                     const QString& title, const RouteSheetOptions& options = {});

} // namespace gis
