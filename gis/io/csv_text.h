#pragma once

#include <QChar>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace gis {

/// One record of a delimited text table.
struct CsvRecord {
    QStringList cells;     ///< cell texts, quotes removed, not trimmed
    std::int64_t line = 0; ///< 1-based line of the file where the record starts
};

/// Picks the delimiter of delimited text among ',', ';', tab and '|': the one that splits the
/// first lines into the same number (at least 2) of fields most often; ties go to more fields,
/// then to that order. Returns ',' when none splits. Thread: any.
QChar detectCsvDelimiter(const QString& text);

/// Splits decoded text into records (RFC 4180 quoting: a cell that starts with '"' may hold
/// delimiters, line breaks and doubled quotes). Accepts \n, \r\n and \r line ends and an
/// Excel "sep=X" first line (which overrides `delimiter`). A leading BOM is dropped. Throws
/// core::FormatError naming `fileLabel` and the line when a quoted cell is never closed.
/// Thread: any.
std::vector<CsvRecord> parseCsvText(const QString& text, QChar delimiter, const QString& fileLabel);

} // namespace gis
