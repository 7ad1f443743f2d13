#include "app/desktop/dialogs/draw_record_dialog.h"

#include "app/ui/display_text.h"
#include "core/render/draw_certificate.h"
#include "core/util/error.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace app {

namespace {

QString row(const QString& key, const QString& value) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
        .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
}

QString itemsText(const std::vector<core::DrawnItem>& items) {
    QStringList parts;
    for (const core::DrawnItem& i : items)
        parts << QStringLiteral("%1 (%2 m)")
                     .arg(i.name.isEmpty() ? DrawRecordDialog::tr("(unnamed)") : i.name,
                          groupedNumber(i.distanceM, 0));
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral("; "));
}

} // namespace

DrawRecordDialog::DrawRecordDialog(const core::DrawRecord& record, const QString& campaignName,
                                   const QString& campaignPath, QWidget* parent)
    : QDialog(parent), record_(record), campaignName_(campaignName), campaignPath_(campaignPath) {
    setWindowTitle(tr("Draw record %1").arg(record.drawId.left(8)));
    setObjectName(QStringLiteral("drawRecordDialog"));
    resize(760, 640);
    text_ = new QTextBrowser;
    const core::DrawParameters& p = record.parameters;
    QStringList kinds;
    for (core::Role r : p.kinds)
        kinds << roleDisplayName(r);
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=4>").arg(tr("Draw record"));
    html += row(tr("Campaign"), campaignName);
    html += row(tr("Draw id"), record.drawId);
    html += row(tr("Time (UTC)"), record.createdUtc);
    html += row(tr("Operator"), record.operatorName);
    html += row(tr("Seed"),
                QString::number(record.seed) +
                    (record.seedFromSystem ? tr(" (from the operating system)") : QString()));
    html += row(tr("Anchor kinds"), kinds.join(QStringLiteral(", ")));
    html += row(tr("Anchors per kind"),
                p.anchorsPerKind == 0 ? tr("all") : QString::number(p.anchorsPerKind));
    html += row(tr("Ring"), tr("%1 m to %2 m").arg(p.innerM).arg(p.outerM));
    html += row(tr("Back streets per anchor"),
                QStringLiteral("%1–%2").arg(p.streets.min).arg(p.streets.max));
    html += row(tr("Compounds per anchor"),
                QStringLiteral("%1–%2").arg(p.compounds.min).arg(p.compounds.max));
    html += row(tr("Repeats"), p.allowRepeats ? tr("allowed") : tr("not allowed"));
    html += row(tr("Working CRS"), record.workingCrs);
    html += row(tr("Software"), record.software);
    html += row(tr("Algorithm"), record.algorithm);
    html += row(tr("Role rules"),
                QStringLiteral("%1 (SHA-256 %2)").arg(record.rulesName, record.rulesSha256));
    for (const core::InputDataset& in : record.inputs)
        for (const core::InputLayer& l : in.layers)
            html += row(tr("Input layer"),
                        tr("%1: %n feature(s), SHA-256 %2", nullptr, static_cast<int>(l.features))
                            .arg(l.name, l.sha256));
    html += row(tr("Result fingerprint"), record.resultSha256());
    html += QStringLiteral("</table><h4>%1</h4><table cellspacing=4>").arg(tr("Anchors"));
    for (const core::AnchorDraw& a : record.outcome.anchors) {
        QString drawn = tr("streets: %1; compounds: %2")
                            .arg(itemsText(a.streets.items), itemsText(a.compounds.items));
        const int shortfall = a.streets.shortfall + a.compounds.shortfall;
        if (shortfall > 0)
            drawn += tr("; shortfall %1").arg(shortfall);
        html += row(QStringLiteral("%1 %2").arg(a.id, a.name), drawn);
    }
    html +=
        QStringLiteral("</table><h4>%1</h4><pre>%2</pre>")
            .arg(tr("Record (JSON)"),
                 QString::fromUtf8(QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented))
                     .toHtmlEscaped());
    text_->setHtml(html);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* save =
        buttons->addButton(tr("Save certificate (PDF)..."), QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, &DrawRecordDialog::chooseAndSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text_);
    layout->addWidget(buttons);
}

QString DrawRecordDialog::html() const {
    return text_->toHtml();
}

QString DrawRecordDialog::saveCertificate(const QString& pdfPath) const {
    core::CertificateOptions options;
    options.campaignName = campaignName_;
    options.campaignPath = campaignPath_;
    try {
        core::writeDrawCertificate(pdfPath, record_, options);
    } catch (const core::Error& e) {
        return e.message();
    }
    return {};
}

void DrawRecordDialog::chooseAndSave() {
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save draw certificate"),
        tr("draw-certificate-%1.pdf").arg(record_.drawId.left(8)), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    const QString error = saveCertificate(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Could not save the certificate"), error);
}

} // namespace app
