#pragma once

#include "core/model/layer_data.h"
#include "core/report/defect_rows.h"
#include "core/util/feedback.h"
#include "gis/io/export_files.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace core {
class Campaign;
}

namespace gis {

/// How exportDefects writes.
struct DefectExportOptions {
    ExportFormat format = ExportFormat::GeoPackage;
    QString encoding = QStringLiteral("UTF-8"); ///< shapefiles only: "UTF-8" or "CP936"
    bool photos = false; ///< also write the photos into NAME_photos/ beside the output
    QDateTime nowUtc;    ///< the time days_overdue is counted at; null = now
};

/// What exportDefects wrote.
struct DefectExportResult {
    std::size_t defects = 0;
    std::size_t photos = 0;
    QStringList files; ///< every file and folder now in place (absolute paths)
};

/// The attribute table of an export: one feature per row, point geometry at the stored
/// lon/lat declared as EPSG:4326 (CGCS2000 and WGS 84 agree to centimetres, domain.md 3.1, so
/// the coordinates are written exactly as stored), or no geometry when `withGeometry` is false.
///
/// Fields: id, uuid, code, name_zh, category, category_zh, description, severity, status
/// (stage key), status_zh (发现 ... 销号), card_colour (white|yellow|red), card_zh (白卡 ...),
/// deadline and observed_at (ISO 8601 UTC text), days_overdue (null without a card; see
/// core::daysOverdue), unit_name, subdistrict, inspector, lon, lat, attached ("street:12"),
/// photo_count, photos (relative paths joined by ';', from `photoPaths` when given).
core::LayerData defectLayer(const std::vector<core::DefectRow>& rows, const QDateTime& nowUtc,
                            bool withGeometry,
                            const std::vector<QStringList>* photoPaths = nullptr);

/// Writes `rows` of `campaign` to `path` in `options.format`, atomically (core::StagedOutput):
/// - Shapefile: UTF-8 with a .cpg "UTF-8", or CP936 (GBK) with a .cpg "936" and the .dbf's
///   language driver byte 0x4D, so GDAL, QGIS and ArcGIS read the Chinese text; field names are
///   cut to 10 bytes and NAME_fields.csv (UTF-8 with BOM: field,shapefile_field) lists them all.
/// - CSV: UTF-8 with a byte-order mark (Excel), CRLF lines, lon/lat columns, no geometry.
/// - XLSX: one sheet "defects", lon/lat columns.
/// - GeoPackage, GeoJSON, KML: points in EPSG:4326 (KML through LIBKML: placemarks named by
///   name_zh, the description as their description, the other fields as ExtendedData).
/// With options.photos, the photos go to NAME_photos/<defect id>_<n>.jpg beside `path` and the
/// photos field holds their relative paths.
///
/// Throws core::IoError naming `path` (folder missing or unwritable, write failure),
/// core::FormatError, core::OperationCanceled on cancel; nothing is left behind then.
/// Progress 0-100. Thread: the campaign's (reads photos from it).
DefectExportResult exportDefects(core::Campaign& campaign, const std::vector<core::DefectRow>& rows,
                                 const QString& path, const DefectExportOptions& options,
                                 core::Feedback& feedback);

} // namespace gis
