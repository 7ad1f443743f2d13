#include "app/desktop/dialogs/defect_edit_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace app {

DefectEditDialog::DefectEditDialog(const core::Defect& defect,
                                   const std::vector<core::ResponsibleUnit>& units, QWidget* parent)
    : QDialog(parent), defect_(defect) {
    setWindowTitle(tr("Edit defect %1").arg(defect.code));
    description_ = new QPlainTextEdit(defect.description, this);
    severity_ = new QComboBox(this);
    severity_->addItem(tr("1 – safety-critical"), 1);
    severity_->addItem(tr("2 – major"), 2);
    severity_->addItem(tr("3 – minor"), 3);
    severity_->setCurrentIndex(severity_->findData(defect.severity));
    unit_ = new QComboBox(this);
    for (const auto& u : units)
        unit_->addItem(u.name, static_cast<qlonglong>(u.id));
    if (defect.unitId)
        unit_->setCurrentIndex(unit_->findData(static_cast<qlonglong>(*defect.unitId)));
    unit_->setEnabled(!units.empty());

    auto* form = new QFormLayout;
    form->addRow(tr("Description:"), description_);
    form->addRow(tr("Severity:"), severity_);
    form->addRow(tr("Responsible unit:"), unit_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

core::DefectEdit DefectEditDialog::edit() const {
    core::DefectEdit e;
    const QString text = description_->toPlainText().trimmed();
    if (text != defect_.description)
        e.description = text;
    const int severity = severity_->currentData().toInt();
    if (severity != defect_.severity)
        e.severity = severity;
    return e;
}

std::optional<std::int64_t> DefectEditDialog::unitId() const {
    if (unit_->currentIndex() < 0)
        return std::nullopt;
    const std::int64_t id = unit_->currentData().toLongLong();
    if (defect_.unitId && *defect_.unitId == id)
        return std::nullopt;
    return id;
}

} // namespace app
