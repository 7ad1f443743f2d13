#pragma once

#include "core/model/layer_data.h"

#include <QString>

#include <memory>

namespace gis {

/// How to read a CSV/XLSX table of points. Empty values mean "detect".
struct PointTableOptions {
    QString lonColumn;       ///< column name or 1-based number
    QString latColumn;       ///< column name or 1-based number
    int hasHeader = -1;      ///< -1 detect, 0 no header row, 1 header row
    QString encoding;        ///< CSV text encoding; empty = detect (UTF-8 or GB18030)
    QString sheet;           ///< XLSX sheet name; empty = every sheet with lon/lat columns
};

/// True for files read as point tables (.csv, .tsv, .txt, .xlsx).
bool isPointTableFile(const QString& path);

/// Reads a point table into layer data in the table's own coordinates (no CRS assigned:
/// `crsAuthId` is empty, `source.crsAuthId` empty). Recognises lon/lng/longitude/经度/x and
/// lat/latitude/纬度/y headers; a headerless file needs the columns to be given. Every row
/// becomes a feature; a row whose coordinates do not parse is an error naming the file, row
/// and column (never silently dropped). Throws core::Error naming the file.
std::vector<std::shared_ptr<core::LayerData>> readPointTable(const QString& path,
                                                             const PointTableOptions& options);

} // namespace gis
