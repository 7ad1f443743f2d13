#include "app/desktop/panels/checklist_panel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace app {

namespace {

enum Column { ItemCol, CountCol, ResultCol, ColumnCount };

// Result combo entries: index 0 = not checked, then the results in enum order.
constexpr int kNotChecked = 0;

int comboIndex(std::optional<core::ObservationResult> r) {
    return r ? static_cast<int>(*r) + 1 : kNotChecked;
}

std::optional<core::ObservationResult> resultOfIndex(int i) {
    if (i <= kNotChecked)
        return std::nullopt;
    return static_cast<core::ObservationResult>(i - 1);
}

QString kindText(core::AttachKind k) {
    switch (k) {
    case core::AttachKind::Street:
        return ChecklistPanel::tr("Back street");
    case core::AttachKind::Compound:
        return ChecklistPanel::tr("Compound");
    case core::AttachKind::Anchor:
        return ChecklistPanel::tr("Anchor");
    case core::AttachKind::None:
        break;
    }
    return {};
}

} // namespace

ChecklistPanel::ChecklistPanel(QWidget* parent) : QWidget(parent) {
    placeLabel_ = new QLabel(this);
    placeLabel_->setWordWrap(true);
    listCombo_ = new QComboBox(this);
    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setHorizontalHeaderLabels({tr("Item"), tr("Count"), tr("Result")});
    table_->horizontalHeader()->setSectionResizeMode(ItemCol, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(CountCol, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(ResultCol, QHeaderView::ResizeToContents);
    table_->verticalHeader()->hide();
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setWordWrap(true);
    // Wrapped item texts need their row heights again when the dock gets wider or narrower.
    connect(table_->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        QMetaObject::invokeMethod(table_, &QTableWidget::resizeRowsToContents,
                                  Qt::QueuedConnection);
    });
    score_ = new QLabel(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(placeLabel_);
    layout->addWidget(listCombo_);
    layout->addWidget(table_, 1);
    layout->addWidget(score_);
    connect(listCombo_, &QComboBox::currentIndexChanged, this, [this] {
        if (!filling_)
            rebuild();
    });
    setPlace(std::nullopt, {});
}

void ChecklistPanel::setChecklists(const core::ChecklistSet& set) {
    set_ = set;
    setPlace(place_, drawId_);
}

void ChecklistPanel::setPlace(const std::optional<gis::SnapTarget>& place, const QString& drawId) {
    place_ = place;
    drawId_ = drawId;
    current_.clear();
    filling_ = true;
    listCombo_->clear();
    if (place_) {
        placeLabel_->setText(tr("<b>%1</b> %2 <span style='color:gray'>(%3)</span>")
                                 .arg(kindText(place_->kind),
                                      place_->name.isEmpty() ? tr("(unnamed)") : place_->name,
                                      place_->attachId));
        for (const core::Checklist* c : set_.forRole(place_->roleKey))
            listCombo_->addItem(QStringLiteral("%1 %2").arg(c->nameZh, c->nameEn), c->id);
        if (listCombo_->count() == 0)
            placeLabel_->setText(placeLabel_->text() +
                                 tr("<br>No checklist applies to this kind of place."));
    } else {
        placeLabel_->setText(tr("Pick a drawn street, compound or anchor on the map with the "
                                "defect or identify tool to inspect it."));
    }
    filling_ = false;
    listCombo_->setEnabled(listCombo_->count() > 1);
    rebuild();
}

QString ChecklistPanel::checklistId() const {
    return list_ ? list_->id : QString();
}

bool ChecklistPanel::selectChecklist(const QString& id) {
    const int i = listCombo_->findData(id);
    if (i < 0)
        return false;
    listCombo_->setCurrentIndex(i);
    return true;
}

void ChecklistPanel::setObservations(const std::vector<core::Observation>& observations) {
    current_ = core::currentObservations(observations);
    rebuild();
}

int ChecklistPanel::rowOf(const QString& itemId) const {
    if (!list_)
        return -1;
    for (std::size_t i = 0; i < list_->items.size(); ++i)
        if (list_->items[i].id == itemId)
            return static_cast<int>(i);
    return -1;
}

void ChecklistPanel::rebuild() {
    list_ = place_ ? set_.find(listCombo_->currentData().toString()) : nullptr;
    filling_ = true;
    table_->setRowCount(0);
    if (list_) {
        table_->setRowCount(static_cast<int>(list_->items.size()));
        for (std::size_t i = 0; i < list_->items.size(); ++i) {
            const core::ChecklistItem& item = list_->items[i];
            const int row = static_cast<int>(i);
            // The standard of a counted item goes on a second line ("每500米 ≥ 3 处").
            QString text = QStringLiteral("%1 %2").arg(item.id, item.nameZh);
            if (item.count)
                text += QLatin1Char('\n') + tr("Standard: %1").arg(item.count->describe(true));
            auto* name = new QTableWidgetItem(text);
            name->setToolTip(item.nameEn + (item.defectCode.isEmpty()
                                                ? QString()
                                                : tr("\nFails as defect %1").arg(item.defectCode)));
            name->setFlags(Qt::ItemIsEnabled);
            table_->setItem(row, ItemCol, name);
            const core::Observation* seen = nullptr;
            for (const auto& o : current_)
                if (o.checklistId == list_->id && o.itemId == item.id)
                    seen = &o;
            if (item.count) {
                auto* spin = new QSpinBox(table_);
                spin->setRange(-1, 9999);
                spin->setSpecialValueText(QStringLiteral("—"));
                spin->setValue(seen && seen->count ? *seen->count : -1);
                connect(spin, &QSpinBox::valueChanged, this, [this, id = item.id](int v) {
                    if (!filling_ && v >= 0)
                        emitMark(rowOf(id), std::nullopt, v);
                });
                table_->setCellWidget(row, CountCol, spin);
            }
            auto* result = new QComboBox(table_);
            result->addItems({tr("Not checked"), tr("Pass"), tr("Fail"), tr("N/A")});
            result->setCurrentIndex(comboIndex(seen ? std::optional(seen->result) : std::nullopt));
            connect(result, &QComboBox::activated, this, [this, id = item.id](int index) {
                if (filling_ || index == kNotChecked)
                    return;
                const int r = rowOf(id);
                auto* spin = qobject_cast<QSpinBox*>(table_->cellWidget(r, CountCol));
                emitMark(r, resultOfIndex(index),
                         spin && spin->value() >= 0 ? std::optional(spin->value()) : std::nullopt);
            });
            table_->setCellWidget(row, ResultCol, result);
        }
    }
    table_->resizeRowsToContents();
    filling_ = false;
    updateScore();
}

bool ChecklistPanel::mark(const QString& itemId, std::optional<core::ObservationResult> result,
                          std::optional<int> count) {
    const int row = rowOf(itemId);
    if (row < 0 || !place_)
        return false;
    filling_ = true;
    if (auto* spin = qobject_cast<QSpinBox*>(table_->cellWidget(row, CountCol)); spin && count)
        spin->setValue(*count);
    filling_ = false;
    emitMark(row, result, count);
    return true;
}

void ChecklistPanel::emitMark(int row, std::optional<core::ObservationResult> result,
                              std::optional<int> count) {
    if (!list_ || !place_ || row < 0)
        return;
    const core::ChecklistItem& item = list_->items[static_cast<std::size_t>(row)];
    if (!item.count)
        count.reset();
    if (!result) {
        if (!count || !item.count)
            return;
        result = item.count->passes(*count) ? core::ObservationResult::Pass
                                            : core::ObservationResult::Fail;
    }
    core::Observation o;
    o.drawId = drawId_;
    o.attachKind = place_->kind;
    o.attachId = place_->attachId;
    o.attachName = place_->name;
    o.checklistId = list_->id;
    o.itemId = item.id;
    o.result = *result;
    o.count = count;
    o.inspector = inspector_;
    o.observedAt = QDateTime::currentDateTimeUtc();
    filling_ = true;
    if (auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(row, ResultCol)))
        combo->setCurrentIndex(comboIndex(result));
    filling_ = false;
    // Shown at once; the stored copy arrives back through setObservations.
    bool replaced = false;
    for (auto& c : current_)
        if (c.checklistId == o.checklistId && c.itemId == o.itemId) {
            c = o;
            replaced = true;
        }
    if (!replaced)
        current_.push_back(o);
    updateScore();
    emit observed(o);
    if (*result == core::ObservationResult::Fail) {
        // Stored with the defect, in the campaign's language like the item itself.
        QString description = QStringLiteral("检查项 %1 不合格：%2").arg(item.id, item.nameZh);
        if (count)
            description += QStringLiteral("（实测 %1 %2）").arg(*count).arg(item.count->unitZh);
        emit defectRequested(item.id, item.defectCode, description);
    }
}

std::optional<core::ObservationResult> ChecklistPanel::shownResult(const QString& itemId) const {
    const int row = rowOf(itemId);
    if (row < 0)
        return std::nullopt;
    const auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(row, ResultCol));
    return combo ? resultOfIndex(combo->currentIndex()) : std::nullopt;
}

QString ChecklistPanel::scoreText() const {
    return score_->text();
}

void ChecklistPanel::updateScore() {
    if (!list_) {
        score_->clear();
        return;
    }
    int pass = 0;
    int judged = 0;
    for (const auto& o : current_) {
        if (o.checklistId != list_->id || o.result == core::ObservationResult::NotApplicable)
            continue;
        ++judged;
        pass += o.result == core::ObservationResult::Pass ? 1 : 0;
    }
    score_->setText(judged == 0 ? tr("Score rate: nothing judged yet (%n item(s))", nullptr,
                                     static_cast<int>(list_->items.size()))
                                : tr("Score rate %1% (%2/%3 judged, %4 items)")
                                      .arg(100.0 * pass / judged, 0, 'f', 0)
                                      .arg(pass)
                                      .arg(judged)
                                      .arg(list_->items.size()));
}

} // namespace app
