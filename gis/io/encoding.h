#pragma once

#include <QByteArray>
#include <QString>

namespace gis {

/// The attribute encoding chosen for a file, and why (shown to the user).
struct EncodingDecision {
    QString encoding; ///< iconv/GDAL name: "UTF-8", "CP936", "GB18030", "ISO-8859-1", ...
    QString reason;   ///< e.g. ".cpg says 1252 but the text is not valid UTF-8 and reads as GBK"
    bool detected = false; ///< true when chosen by looking at the bytes, not by a declaration
};

/// Decides a shapefile's encoding: the .cpg first, then the .dbf code-page byte (LDID), except
/// that a declared Windows-1252/Latin-1 (or none) whose text is not valid UTF-8 is checked for
/// GBK/GB18030. `shpOrDbfPath` may name the .shp or the .dbf. Throws core::Error naming the
/// file when the .dbf cannot be read.
EncodingDecision decideShapefileEncoding(const QString& shpOrDbfPath);
/// Decides the encoding of a text file (CSV): UTF-8 (with or without BOM) or GB18030.
EncodingDecision decideTextFileEncoding(const QString& path);
/// True when `bytes` is valid UTF-8.
bool isValidUtf8(const QByteArray& bytes);
/// Decodes bytes in `encoding` to a QString (GDAL's CPLRecode, i.e. iconv).
QString decodeText(const QByteArray& bytes, const QString& encoding);

} // namespace gis
