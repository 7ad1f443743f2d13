#pragma once

#include "core/model/layer_data.h"
#include "gis/io/csv_text.h"

#include <QString>

#include <memory>

namespace gis {

/// How to read a CSV/XLSX table of points. Empty values mean "detect".
struct PointTableOptions {
    QString lonColumn;  ///< column name or 1-based number
    QString latColumn;  ///< column name or 1-based number
    int hasHeader = -1; ///< -1 detect, 0 no header row, 1 header row
    QString encoding;   ///< CSV text encoding; empty = detect (UTF-8 or GB18030)
    QString sheet;      ///< XLSX sheet name; empty = every sheet with lon/lat columns
};

/// A table of text cells as read from a CSV file or one sheet of an XLSX workbook.
struct TextTable {
    QString name;                ///< sheet name, or the CSV file's base name
    QString fileLabel;           ///< "units.xlsx (sheet 单位)" for messages
    QString encoding;            ///< the CSV's decided text encoding ("UTF-8" for XLSX)
    std::vector<CsvRecord> rows; ///< every non-blank row, the header (if any) included
};

/// Reads a CSV (encoding detected unless given, delimiter detected) or every non-empty sheet of
/// an XLSX workbook as rows of text, for attribute tables without coordinates (units, ...).
/// Throws core::Error naming the file. Thread: any.
std::vector<TextTable> readTextTables(const QString& path, const QString& encoding = {});

/// How surely a column header names a longitude (or latitude): 2 when it is a coordinate name
/// ("lon", "lng", "longitude", "x", "经度", ...), 1 when it holds one as a word ("wgs84_lng",
/// "经度(BD09)"), 0 otherwise. Case and surrounding blanks are ignored.
int coordinateColumnScore(const QString& header, bool longitude);

/// True for files read as point tables (.csv, .tsv, .txt, .xlsx).
bool isPointTableFile(const QString& path);

/// Reads a point table into layer data in the table's own coordinates (no CRS assigned:
/// `crsAuthId` is empty, `source.crsAuthId` empty). Recognises lon/lng/longitude/经度/x and
/// lat/latitude/纬度/y headers; a headerless file needs the columns to be given. Every row
/// becomes a feature; a row whose coordinates do not parse is an error naming the file, row
/// and column (never silently dropped). Throws core::Error naming the file.
///
/// CSV: delimiter ',', ';', tab or '|' (detected; with ';', tab or '|' a decimal comma is
/// accepted), encoding from decideTextEncoding unless `options.encoding` is given. XLSX: read
/// through GDAL's XLSX driver as raw strings; every sheet with lon/lat columns becomes a layer
/// named after the sheet (others are skipped with a warning on the first layer), or only
/// `options.sheet`. A first row whose coordinate cells are not numbers is a header; headerless
/// fields are named col1..colN. Columns whose every value is an integer (no leading zeros,
/// fits 64 bits) are Integer, every value a number Real, else String; empty cells are null.
/// Feature fid = the row's number as the user sees it (the line where it starts in a CSV, the
/// sheet row in XLSX; a header is row 1); empty rows are skipped (a warning when not trailing).
/// `extent` and `source.sourceExtent` are set; the spatial index is NOT built (the loader
/// reprojects first, then calls buildIndex()). Column problems throw ErrorCode::InvalidInput,
/// unparsable coordinates core::FormatError. Thread: any (own GDAL handles; registers GDAL's
/// drivers if none are).
std::vector<std::shared_ptr<core::LayerData>> readPointTable(const QString& path,
                                                             const PointTableOptions& options);

} // namespace gis
