#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

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
///
/// The check reads the raw bytes of the character fields (and field names) of every record of
/// a .dbf up to 32 MiB, or of 5000 records spread evenly over a larger one. The result's `encoding`
/// is meant for GDAL's ENCODING open option of the Shapefile driver. Thread: any (plain file reads,
/// no GDAL handle).
EncodingDecision decideShapefileEncoding(const QString& shpOrDbfPath);
/// Decides the encoding of a text file (CSV): UTF-8 (with or without BOM) or GB18030.
///
/// Order: a UTF-8 BOM (UTF-16 BOMs too); valid UTF-8; GBK ("CP936") or, when 4-byte sequences
/// occur, "GB18030"; otherwise "ISO-8859-1" with a reason saying the text is neither. Reads at
/// most the first 16 MiB. Throws core::Error (NotFound/Io) naming the file. Thread: any.
EncodingDecision decideTextFileEncoding(const QString& path);
/// The same decision for text already in memory; `sourceName` names it in the reason.
/// `complete` is false when `bytes` is only the start of the text (a character cut at the end
/// is then not held against it). Thread: any.
EncodingDecision decideTextEncoding(const QByteArray& bytes, const QString& sourceName,
                                    bool complete = true);
/// True when `bytes` is valid UTF-8 (no overlong forms, surrogates or code points > U+10FFFF).
bool isValidUtf8(const QByteArray& bytes);
/// Decodes bytes in `encoding` to a QString (GDAL's CPLRecode, i.e. iconv). UTF-8 (and an
/// empty name) decode directly, UTF-16LE/BE through Qt. Undecodable bytes become '?'. Throws
/// core::Error(Encoding) when iconv does not know `encoding`. Thread: any.
QString decodeText(const QByteArray& bytes, const QString& encoding);

/// The text attributes of a shapefile as GDAL reads them: what a user sees with a given
/// encoding, for a preview before loading and for tests.
struct ShapefileTextPreview {
    QStringList fields;            ///< names of the string fields, in layer order
    std::vector<QStringList> rows; ///< one entry per feature read, one value per string field
    QString sourceEncoding;        ///< GDAL's SHAPEFILE/SOURCE_ENCODING metadata
};

/// Opens `shpPath` with GDAL's Shapefile driver, with the ENCODING open option set to
/// `encoding` (an empty `encoding` leaves GDAL to its own choice: .cpg, then LDID), and reads
/// the string fields of the first `maxFeatures` features (all when negative). Registers
/// GDAL's drivers if none are. Throws core::Error naming the file when GDAL cannot open it.
/// Thread: any (own dataset handle).
ShapefileTextPreview previewShapefileText(const QString& shpPath, const QString& encoding,
                                          int maxFeatures = 20);

} // namespace gis
