#pragma once

#include "core/sampling/draw_record.h"

#include <QDateTime>
#include <QString>

namespace core {

/// What the draw certificate shows besides the record.
struct CertificateOptions {
    QString campaignName; ///< "X区 2027 春季测评"; may be empty
    QString campaignPath; ///< the campaign file, for reference; may be empty
    QDateTime printedUtc; ///< when the certificate is made; null = now
};

/// Writes the draw certificate (抽样证明) of `record` as a PDF: the seed (and whether the system
/// supplied it), the draw parameters, the role rules and their fingerprint, every input
/// layer's feature count and SHA-256, software and algorithm, time and operator, each anchor
/// with its drawn streets (length, nearest distance) and compounds (area, centroid distance),
/// the shortfalls, the result fingerprint (record.resultSha256()) and signature lines for the
/// operator and a witness (操作员 / 见证人 签字, 日期). Chinese text, fonts embedded.
///
/// Atomic (PdfDocument): no partial file on failure. Throws IoError naming `pdfPath` when it
/// cannot be written. Thread: any (QPdfWriter; needs a QGuiApplication for fonts).
void writeDrawCertificate(const QString& pdfPath, const DrawRecord& record,
                          const CertificateOptions& options = {});

} // namespace core
