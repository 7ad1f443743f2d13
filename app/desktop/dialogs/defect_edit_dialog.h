#pragma once

#include "core/model/defect.h"
#include "core/model/unit.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QPlainTextEdit;

namespace app {

/// Edits a recorded defect's description, severity and responsible unit. The dialog only
/// gathers the values; the caller applies them as one undoable step
/// (FieldworkController::editDefect). GUI thread.
class DefectEditDialog : public QDialog {
    Q_OBJECT
public:
    DefectEditDialog(const core::Defect& defect, const std::vector<core::ResponsibleUnit>& units,
                     QWidget* parent = nullptr);

    /// The changed fields (unchanged ones empty).
    core::DefectEdit edit() const;
    /// The chosen unit when it differs from the defect's.
    std::optional<std::int64_t> unitId() const;
    qint64 defectId() const { return defect_.id; }

    QPlainTextEdit& description() { return *description_; }
    QComboBox& severity() { return *severity_; }
    QComboBox& unit() { return *unit_; }

private:
    core::Defect defect_;
    QPlainTextEdit* description_;
    QComboBox* severity_;
    QComboBox* unit_;
};

} // namespace app
