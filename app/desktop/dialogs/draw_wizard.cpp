#include "app/desktop/dialogs/draw_wizard.h"

#include "app/ui/display_text.h"
#include "app/ui/layer_icons.h"
#include "core/render/map_style.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace app {

namespace {

const QString kOperatorKey = QStringLiteral("draw/operator");

QSpinBox* spin(int min, int max, int value, const QString& suffix = {}) {
    auto* s = new QSpinBox;
    s->setRange(min, max);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
}

QWidget* rangeRow(QSpinBox* min, QSpinBox* max) {
    auto* w = new QWidget;
    auto* l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(min);
    l->addWidget(new QLabel(QStringLiteral("–")));
    l->addWidget(max);
    l->addStretch();
    return w;
}

} // namespace

DrawWizard::DrawWizard(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("New draw"));
    setObjectName(QStringLiteral("drawWizard"));
    const core::DrawParameters defaults;
    const core::MapStyle style = core::MapStyle::standard();

    auto* kindsBox = new QGroupBox(tr("Anchor kinds"));
    auto* kindsGrid = new QGridLayout(kindsBox);
    for (std::size_t i = 0; i < core::kAnchorRoles.size(); ++i) {
        const core::Role role = core::kAnchorRoles[i];
        auto* box = new QCheckBox(roleDisplayName(role));
        box->setIcon(roleIcon(role, style));
        box->setChecked(true);
        box->setObjectName(QStringLiteral("kind_%1").arg(core::roleKey(role)));
        kinds_[i] = box;
        kindsGrid->addWidget(box, static_cast<int>(i / 3), static_cast<int>(i % 3));
    }

    anchorsPerKind_ = spin(0, 100000, defaults.anchorsPerKind);
    anchorsPerKind_->setSpecialValueText(tr("all"));
    anchorsPerKind_->setToolTip(tr("0 = every anchor of the kind; N = N anchors drawn per kind"));
    const QString m = tr(" m");
    inner_ = spin(0, 50000, static_cast<int>(defaults.innerM), m);
    inner_->setSingleStep(100);
    outer_ = spin(1, 50000, static_cast<int>(defaults.outerM), m);
    outer_->setSingleStep(100);
    streetsMin_ = spin(0, 20, defaults.streets.min);
    streetsMax_ = spin(0, 20, defaults.streets.max);
    compoundsMin_ = spin(0, 20, defaults.compounds.min);
    compoundsMax_ = spin(0, 20, defaults.compounds.max);
    repeats_ = new QCheckBox(tr("An item may be drawn for several anchors"));
    repeats_->setChecked(defaults.allowRepeats);

    seed_ = new QLineEdit;
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setMinimumWidth(seed_->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 22);
    seed_->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), seed_));
    auto* newSeedButton = new QPushButton(tr("New random seed"));
    connect(newSeedButton, &QPushButton::clicked, this, &DrawWizard::newSeed);
    auto* seedRow = new QWidget;
    auto* seedLayout = new QHBoxLayout(seedRow);
    seedLayout->setContentsMargins(0, 0, 0, 0);
    seedLayout->addWidget(seed_, 1);
    seedLayout->addWidget(newSeedButton);

    operator_ = new QLineEdit(QSettings().value(kOperatorKey).toString());
    operator_->setPlaceholderText(tr("Who runs the draw (recorded)"));

    auto* form = new QFormLayout;
    form->addRow(tr("Anchors per kind:"), anchorsPerKind_);
    form->addRow(tr("Ring inner radius:"), inner_);
    form->addRow(tr("Ring outer radius:"), outer_);
    form->addRow(tr("Back streets per anchor:"), rangeRow(streetsMin_, streetsMax_));
    form->addRow(tr("Compounds per anchor:"), rangeRow(compoundsMin_, compoundsMax_));
    form->addRow(tr("Repeats:"), repeats_);
    form->addRow(tr("Seed:"), seedRow);
    form->addRow(tr("Operator:"), operator_);

    problem_ = new QLabel;
    problem_->setStyleSheet(QStringLiteral("color: #c0392b"));
    problem_->setWordWrap(true);
    problem_->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Draw"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DrawWizard::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DrawWizard::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(kindsBox);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    newSeed();
}

void DrawWizard::newSeed() {
    setSeed(QRandomGenerator::system()->generate64());
}

core::DrawParameters DrawWizard::parameters() const {
    core::DrawParameters p;
    p.kinds.clear();
    for (std::size_t i = 0; i < kinds_.size(); ++i)
        if (kinds_[i]->isChecked())
            p.kinds.push_back(core::kAnchorRoles[i]);
    p.anchorsPerKind = anchorsPerKind_->value();
    p.innerM = inner_->value();
    p.outerM = outer_->value();
    p.streets = {streetsMin_->value(), streetsMax_->value()};
    p.compounds = {compoundsMin_->value(), compoundsMax_->value()};
    p.allowRepeats = repeats_->isChecked();
    return p;
}

std::uint64_t DrawWizard::seed() const {
    return seed_->text().toULongLong();
}

void DrawWizard::setSeed(std::uint64_t seed) {
    seed_->setText(QString::number(seed));
}

QString DrawWizard::operatorName() const {
    return operator_->text().trimmed();
}

void DrawWizard::setOperatorName(const QString& name) {
    operator_->setText(name);
}

void DrawWizard::setKindChecked(core::Role kind, bool checked) {
    for (std::size_t i = 0; i < kinds_.size(); ++i)
        if (core::kAnchorRoles[i] == kind)
            kinds_[i]->setChecked(checked);
}

void DrawWizard::setRadii(int innerM, int outerM) {
    inner_->setValue(innerM);
    outer_->setValue(outerM);
}

void DrawWizard::setStreetRange(int min, int max) {
    streetsMin_->setValue(min);
    streetsMax_->setValue(max);
}

void DrawWizard::setCompoundRange(int min, int max) {
    compoundsMin_->setValue(min);
    compoundsMax_->setValue(max);
}

void DrawWizard::setAnchorsPerKind(int n) {
    anchorsPerKind_->setValue(n);
}

void DrawWizard::setAllowRepeats(bool allow) {
    repeats_->setChecked(allow);
}

QString DrawWizard::problem() const {
    const core::DrawParameters p = parameters();
    if (p.kinds.empty())
        return tr("Choose at least one anchor kind.");
    if (p.outerM <= p.innerM)
        return tr("The outer radius must be larger than the inner radius.");
    if (p.streets.min > p.streets.max)
        return tr("Back streets: the minimum is larger than the maximum.");
    if (p.compounds.min > p.compounds.max)
        return tr("Compounds: the minimum is larger than the maximum.");
    bool ok = false;
    seed_->text().toULongLong(&ok);
    if (!ok)
        return tr("The seed must be a whole number from 0 to 18446744073709551615.");
    return {};
}

void DrawWizard::accept() {
    const QString why = problem();
    if (!why.isEmpty()) {
        problem_->setText(why);
        problem_->show();
        return;
    }
    QSettings().setValue(kOperatorKey, operatorName());
    QDialog::accept();
}

} // namespace app
