#pragma once

#include "core/model/layer_data.h"
#include "core/util/feedback.h"
#include "gis/proj/crs.h"

#include <QString>

#include <utility>
#include <vector>

namespace gis {

/// How writeVector writes a dataset.
struct WriteOptions {
    /// GDAL driver short name ("GPKG", "GeoJSON", "ESRI Shapefile", ...); empty: chosen from
    /// the file name's extension (vectorDriverForPath).
    QString driver;
    /// Reproject every layer to this CRS on write; an invalid Crs keeps each layer's own CRS.
    Crs targetCrs;
    /// Replace an existing file; when false an existing file is an IoError.
    bool overwrite = true;
    /// Extra GDAL dataset creation options as KEY, VALUE pairs (e.g. NameField for KML).
    std::vector<std::pair<QString, QString>> datasetOptions;
    /// Extra GDAL layer creation options as KEY, VALUE pairs, applied to every layer after ours,
    /// so they override them: {"ENCODING", "CP936"} writes a shapefile in GBK instead of UTF-8,
    /// {"WRITE_BOM", "YES"} starts a CSV with a UTF-8 byte-order mark.
    std::vector<std::pair<QString, QString>> layerOptions;
};

/// The GDAL driver for a file name by its extension: .gpkg GPKG, .geojson/.json GeoJSON,
/// .shp ESRI Shapefile, .fgb FlatGeobuf, .gml GML, .kml KML, .sqlite SQLite, .csv CSV,
/// .xlsx XLSX; "" when the extension is unknown.
QString vectorDriverForPath(const QString& path);

/// Writes `layers` (each in its own crsAuthId) as one dataset at `path`, one table per layer
/// named after LayerData::name, with fields typed from core::Field (String, Integer as 64-bit,
/// Real, Date, DateTime; Other as text; null QVariants as NULL). Layers whose features have
/// several parts are written as Multi* types. Text is written as UTF-8 (shapefiles: unless
/// layerOptions set another ENCODING; their String fields are made as wide as the longest
/// value in UTF-8 bytes, up to the format's 254).
///
/// Atomic: the dataset is written into a temporary folder beside `path` inside transactions,
/// then moved into place; a failure or a cancel leaves no partial file behind (and an existing
/// file at `path` untouched). Throws core::FormatError (unknown format, a single-layer format
/// given several layers), core::IoError (cannot create or write; names the file and layer),
/// core::CrsError (no transformation to the target CRS), core::Error(InvalidInput) for no
/// layers, core::OperationCanceled on cancel. Thread: any (own GDAL handles; registers the GDAL
/// drivers when none are, but call initGdal on the main thread first). Progress 0-100 on
/// `feedback`.
void writeVector(const QString& path, const std::vector<core::LayerPtr>& layers,
                 const WriteOptions& options, core::Feedback& feedback);

} // namespace gis
