#pragma once

#include "core/util/feedback.h"
#include "gis/io/export_files.h"

#include <QString>
#include <QStringList>

namespace core {
class Campaign;
}

namespace gis {

/// What exportDraw wrote.
struct DrawExportResult {
    QString drawId;
    std::size_t features = 0; ///< over all layers
    QStringList files;        ///< every file now in place (absolute paths)
};

/// Writes a draw stored in `campaign` (Campaign::requireDraw(`drawIdOrPrefix`): the latest
/// draw that nothing supersedes when empty) to `path`, in lon/lat (EPSG:4326): its layers
/// anchors, rings, drawn_streets, drawn_compounds and shortfalls (those with features), and
/// its record as BASE_record.json beside (seed, parameters, fingerprints: enough to verify).
/// GeoPackage, KML and XLSX hold every layer in one file (XLSX: a sheet per layer, with the
/// lon/lat of each feature's label point instead of a geometry); GeoJSON, CSV (geometry as WKT)
/// and shapefiles get one file per layer, BASE_LAYER.EXT. Shapefile options as for defects.
///
/// Atomic (core::StagedOutput). Throws core::Error NotFound (no such draw), core::IoError
/// naming `path`, OperationCanceled. Thread: the campaign's.
DrawExportResult exportDraw(core::Campaign& campaign, const QString& drawIdOrPrefix,
                            const QString& path, const ExportFileOptions& options,
                            core::Feedback& feedback);

/// Writes a route plan stored in `campaign` (Campaign::routes(): the one whose id is or starts
/// with `routeIdOrPrefix`, the latest when empty) like exportDraw: its layers route_stops and
/// route_legs in lon/lat, and its summary as BASE_route.json beside. Throws core::Error
/// NotFound (no such route), core::IoError naming `path`. Thread: the campaign's.
DrawExportResult exportStoredRoute(core::Campaign& campaign, const QString& routeIdOrPrefix,
                                   const QString& path, const ExportFileOptions& options,
                                   core::Feedback& feedback);

} // namespace gis
