#pragma once

#include "core/sampling/draw_record.h"

#include <QDialog>

class QTextBrowser;

namespace app {

/// Shows a draw record (抽样记录): seed, parameters, kinds, input fingerprints, the result
/// fingerprint, every anchor with its drawn items, and the full record JSON. "Save
/// certificate..." writes the printable certificate PDF (core::writeDrawCertificate).
class DrawRecordDialog : public QDialog {
    Q_OBJECT
public:
    DrawRecordDialog(const core::DrawRecord& record, const QString& campaignName,
                     const QString& campaignPath, QWidget* parent = nullptr);

    /// The record as the dialog shows it (HTML), for tests.
    QString html() const;
    /// Writes the certificate PDF; returns an empty string or the translated error.
    QString saveCertificate(const QString& pdfPath) const;

private:
    void chooseAndSave();

    core::DrawRecord record_;
    QString campaignName_;
    QString campaignPath_;
    QTextBrowser* text_;
};

} // namespace app
