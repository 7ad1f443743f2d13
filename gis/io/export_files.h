#pragma once

#include "core/model/layer_data.h"
#include "core/util/feedback.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace core {
class StagedOutput;
}

namespace gis {

/// The formats `export` writes.
enum class ExportFormat { GeoPackage, GeoJson, Kml, Shapefile, Csv, Xlsx };

/// "gpkg", "geojson", "kml", "shp", "csv", "xlsx" (case-insensitive; also "shapefile", "json").
std::optional<ExportFormat> exportFormatFromKey(const QString& key);
/// The usual file extension without the dot ("shp" for Shapefile).
QString exportFormatExtension(ExportFormat format);
/// Whether a file of the format holds several layers (GeoPackage, KML, XLSX).
bool exportFormatHoldsLayers(ExportFormat format);

/// The GDAL encoding name for a shapefile encoding given by a user: "UTF-8" (also "utf8"),
/// "CP936" (also "GBK", "936", "cp936"). Throws core::Error(InvalidInput) naming the value and
/// the accepted ones.
QString shapefileEncoding(const QString& given);

/// Short unique field names for a format limited to `maxBytes` bytes per name (10 for
/// shapefiles): names that fit are kept; longer ones are cut (on a character boundary) and, when
/// that collides, end in _2, _3, ...; the result is in the order of `names`.
QStringList shortFieldNames(const QStringList& names, int maxBytes = 10);

/// How writeExportFile writes one file.
struct ExportFileOptions {
    ExportFormat format = ExportFormat::GeoPackage;
    QString encoding = QStringLiteral("UTF-8"); ///< shapefiles: "UTF-8" or "CP936"
    QString kmlNameField;                       ///< the field placemarks are named by (KML)
};

/// Writes `layers` as the file `fileName` of the staged output `out` (see core::StagedOutput),
/// with what each format needs: shapefiles with field names cut to 10 bytes and
/// BASE_fields.csv (UTF-8 with BOM: field,shapefile_field) beside, in UTF-8 (.cpg "UTF-8") or
/// GBK (.cpg "936", .dbf language driver 0x4D); CSV with a byte-order mark and CRLF lines;
/// KML through LIBKML when GDAL has it (placemarks named by kmlNameField). Layers keep their
/// CRS (reproject them before). Errors name the user's path (core::IoError, FormatError);
/// OperationCanceled on cancel. Thread: any (own GDAL handles).
void writeExportFile(core::StagedOutput& out, const QString& fileName,
                     std::vector<core::LayerPtr> layers, const ExportFileOptions& options,
                     core::Feedback& feedback);

} // namespace gis
