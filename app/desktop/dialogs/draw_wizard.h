#pragma once

#include "core/model/roles.h"
#include "core/sampling/draw_parameters.h"

#include <QDialog>

#include <array>
#include <cstdint>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace app {

/// The draw wizard (新建抽样): anchor kinds, anchors per kind, ring radii, streets and
/// compounds per anchor, repeat policy, the seed (with "new random seed") and the operator,
/// who is remembered in QSettings ("draw/operator"). Accepting checks the values (the problem
/// is shown in the dialog, which stays open) and remembers the operator.
class DrawWizard : public QDialog {
    Q_OBJECT
public:
    explicit DrawWizard(QWidget* parent = nullptr);

    /// The parameters as entered (validated by accept()).
    core::DrawParameters parameters() const;
    /// The seed as entered (a new random one is filled in when the dialog opens).
    std::uint64_t seed() const;
    void setSeed(std::uint64_t seed);
    QString operatorName() const;
    void setOperatorName(const QString& name);
    /// Checks or unchecks one anchor kind.
    void setKindChecked(core::Role kind, bool checked);
    void setRadii(int innerM, int outerM);
    void setStreetRange(int min, int max);
    void setCompoundRange(int min, int max);
    void setAnchorsPerKind(int n);
    void setAllowRepeats(bool allow);

    /// The first problem with the entered values, translated; empty when they are fine.
    QString problem() const;

    void accept() override;

private:
    void newSeed();

    std::array<QCheckBox*, core::kAnchorRoles.size()> kinds_{};
    QSpinBox* anchorsPerKind_;
    QSpinBox* inner_;
    QSpinBox* outer_;
    QSpinBox* streetsMin_;
    QSpinBox* streetsMax_;
    QSpinBox* compoundsMin_;
    QSpinBox* compoundsMax_;
    QCheckBox* repeats_;
    QLineEdit* seed_;
    QLineEdit* operator_;
    QLabel* problem_;
};

} // namespace app
