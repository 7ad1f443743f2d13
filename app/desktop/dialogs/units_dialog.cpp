#include "app/desktop/dialogs/units_dialog.h"

#include "app/desktop/panels/ledger_model.h"
#include "core/report/campaign_summary.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "core/workflow/card_rules.h"
#include "gis/io/unit_table.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace app {

namespace {

constexpr int kUnitIdRole = Qt::UserRole + 1;
const QColor kOverdueText(0xa9, 0x32, 0x26);

QTableWidgetItem* textItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QTableWidgetItem* numberItem(int value) {
    auto* item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, value);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget* makeTable(const QStringList& headers) {
    auto* table = new QTableWidget;
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

UnitsDialog::UnitsDialog(core::Campaign& campaign, const QString& actor, QWidget* parent)
    : QDialog(parent), campaign_(campaign), actor_(actor) {
    setObjectName(QStringLiteral("unitsDialog"));
    setWindowTitle(tr("Responsible units"));
    resize(900, 620);

    units_ = makeTable({tr("Name"), tr("Kind"), tr("Contact"), tr("Area"), tr("Open cards"),
                        tr("Overdue cards"), tr("On-time closure")});
    units_->setObjectName(QStringLiteral("unitsTable"));
    connect(units_, &QTableWidget::itemSelectionChanged, this, &UnitsDialog::showUnitCards);
    cards_ = makeTable(
        {tr("No."), tr("Defect"), tr("Card"), tr("Stage"), tr("Deadline"), tr("Overdue")});
    cards_->setObjectName(QStringLiteral("unitCardsTable"));
    cardsTitle_ = new QLabel;

    auto* importButton = new QPushButton(tr("Import..."));
    importButton->setToolTip(tr("Add the units of a CSV or XLSX table (name, kind, contact, "
                                "area); a table with a bad row adds none"));
    connect(importButton, &QPushButton::clicked, this, &UnitsDialog::chooseAndImport);
    auto* addButton = new QPushButton(tr("Add..."));
    connect(addButton, &QPushButton::clicked, this, &UnitsDialog::askAdd);
    const bool writable = !campaign_.database().isReadOnly();
    importButton->setEnabled(writable);
    addButton->setEnabled(writable);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(importButton, QDialogButtonBox::ActionRole);
    buttons->addButton(addButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(cardsTitle_);
    lowerLayout->addWidget(cards_, 1);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(units_);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    reload();
}

QDateTime UnitsDialog::now() const {
    return fixedNow_.isValid() ? fixedNow_ : QDateTime::currentDateTimeUtc();
}

void UnitsDialog::setNow(const QDateTime& utc) {
    fixedNow_ = utc.isValid() ? utc.toUTC() : QDateTime();
    reload();
}

bool UnitsDialog::fail(const QString& message) {
    lastError_ = message;
    if (interactive_)
        QMessageBox::warning(this, tr("Responsible units"), message);
    return false;
}

void UnitsDialog::reload() {
    const QVariant selected =
        units_->currentRow() >= 0 && units_->item(units_->currentRow(), NameColumn)
            ? units_->item(units_->currentRow(), NameColumn)->data(kUnitIdRole)
            : QVariant();
    try {
        unitList_ = campaign_.units();
        core::Feedback feedback;
        rows_ = core::collectDefectRows(campaign_, {}, feedback);
    } catch (const core::Error& e) {
        unitList_.clear();
        rows_.clear();
        fail(e.message());
    }
    const core::CampaignSummary summary =
        core::summarize(rows_, now(), core::categoryOrder(campaign_.taxonomy()));
    const QSignalBlocker block(units_);
    units_->setRowCount(static_cast<int>(unitList_.size()));
    int row = 0;
    for (const core::ResponsibleUnit& u : unitList_) {
        core::Tally tally;
        for (const core::UnitTally& t : summary.byUnit)
            if (t.unitId && *t.unitId == u.id)
                tally = t.tally;
        auto* name = textItem(u.name);
        name->setData(kUnitIdRole, static_cast<qlonglong>(u.id));
        units_->setItem(row, NameColumn, name);
        units_->setItem(row, KindColumn, textItem(core::unitKindChineseName(u.kind)));
        units_->item(row, KindColumn)->setToolTip(core::unitKindKey(u.kind));
        units_->setItem(row, ContactColumn, textItem(u.contact));
        units_->setItem(row, AreaColumn, textItem(u.area));
        units_->setItem(row, OpenColumn, numberItem(tally.open()));
        units_->setItem(row, OverdueColumn, numberItem(tally.overdue));
        if (tally.overdue > 0)
            units_->item(row, OverdueColumn)->setForeground(kOverdueText);
        units_->setItem(row, OnTimeColumn, textItem(core::percentText(tally.onTimeClosureRate())));
        ++row;
    }
    units_->resizeColumnsToContents();
    units_->clearSelection();
    for (int r = 0; r < units_->rowCount(); ++r)
        if (selected.isValid() && units_->item(r, NameColumn)->data(kUnitIdRole) == selected)
            units_->selectRow(r);
    showUnitCards();
}

void UnitsDialog::selectUnit(std::int64_t unitId) {
    for (int r = 0; r < units_->rowCount(); ++r)
        if (units_->item(r, NameColumn)->data(kUnitIdRole).toLongLong() == unitId) {
            units_->selectRow(r);
            break;
        }
    showUnitCards();
}

void UnitsDialog::showUnitCards() {
    const QList<QTableWidgetItem*> items = units_->selectedItems();
    cards_->setRowCount(0);
    if (items.isEmpty()) {
        cardsTitle_->setText(tr("Select a unit to see its open cards."));
        return;
    }
    QTableWidgetItem* nameItem = units_->item(items.front()->row(), NameColumn);
    const std::int64_t unitId = nameItem->data(kUnitIdRole).toLongLong();
    const QDateTime at = now();
    struct Open {
        const core::DefectRow* row;
        int days;
    };
    std::vector<Open> open;
    for (const std::size_t i : core::rowsOfUnit(rows_, unitId)) {
        const core::DefectRow& r = rows_[i];
        if (r.card && r.card->stage != core::CardStage::Closed)
            open.push_back({&r, core::daysOverdue(r.card, at).value_or(0)});
    }
    std::stable_sort(open.begin(), open.end(), [](const Open& a, const Open& b) {
        return a.days != b.days ? a.days > b.days : a.row->defect.id < b.row->defect.id;
    });
    const int overdue = static_cast<int>(
        std::count_if(open.begin(), open.end(), [](const Open& o) { return o.days > 0; }));
    cardsTitle_->setText(
        tr("Open cards of %1: %2, overdue %3").arg(nameItem->text()).arg(open.size()).arg(overdue));
    const int offset = campaign_.calendar().utcOffsetMinutes();
    cards_->setRowCount(static_cast<int>(open.size()));
    int row = 0;
    for (const Open& o : open) {
        const core::DefectRow& r = *o.row;
        cards_->setItem(row, 0, numberItem(static_cast<int>(r.defect.id)));
        cards_->setItem(row, 1,
                        textItem(r.nameZh.isEmpty()
                                     ? r.defect.code
                                     : QStringLiteral("%1 %2").arg(r.defect.code, r.nameZh)));
        cards_->setItem(row, 2, textItem(core::cardColourChinese(r.card->colour)));
        cards_->setItem(row, 3, textItem(core::cardStageChinese(r.card->stage)));
        cards_->setItem(row, 4, textItem(core::localTimeText(r.card->deadline, offset)));
        cards_->setItem(row, 5, textItem(LedgerModel::overdueText(o.days)));
        if (o.days > 0)
            for (int c = 0; c < cards_->columnCount(); ++c)
                cards_->item(row, c)->setForeground(kOverdueText);
        ++row;
    }
    cards_->resizeColumnsToContents();
}

bool UnitsDialog::importFile(const QString& path) {
    try {
        // The whole table is read first: a bad row stops the import before anything is added.
        const std::vector<core::ResponsibleUnit> units = gis::readUnitTable(path);
        campaign_.addUnits(units, actor_, QFileInfo(path).fileName());
    } catch (const core::Error& e) {
        return fail(e.message());
    }
    lastError_.clear();
    reload();
    emit unitsChanged();
    return true;
}

bool UnitsDialog::addUnit(const core::ResponsibleUnit& unit) {
    core::ResponsibleUnit u = unit;
    u.name = u.name.trimmed();
    if (u.name.isEmpty())
        return fail(tr("A unit needs a name."));
    std::int64_t id = 0;
    try {
        id = campaign_.addUnits({u}, actor_, QStringLiteral("desktop")).front();
    } catch (const core::Error& e) {
        return fail(e.message());
    }
    lastError_.clear();
    reload();
    selectUnit(id);
    emit unitsChanged();
    return true;
}

void UnitsDialog::chooseAndImport() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import responsible units"), QString(),
                                     tr("Unit tables (*.csv *.xlsx *.CSV *.XLSX)"));
    if (path.isEmpty())
        return;
    const int before = static_cast<int>(unitList_.size());
    if (importFile(path) && interactive_)
        QMessageBox::information(this, tr("Responsible units"),
                                 tr("Imported %1 unit(s) from %2.")
                                     .arg(static_cast<int>(unitList_.size()) - before)
                                     .arg(QFileInfo(path).fileName()));
}

void UnitsDialog::askAdd() {
    QDialog ask(this);
    ask.setWindowTitle(tr("Add a responsible unit"));
    auto* name = new QLineEdit;
    auto* kind = new QComboBox;
    for (std::size_t i = 0; i < core::kUnitKindCount; ++i) {
        const auto k = static_cast<core::UnitKind>(i);
        kind->addItem(
            QStringLiteral("%1 (%2)").arg(core::unitKindChineseName(k), core::unitKindKey(k)),
            static_cast<int>(i));
    }
    auto* contact = new QLineEdit;
    auto* area = new QLineEdit;
    area->setPlaceholderText(tr("the sub-district a street office answers for"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto* form = new QFormLayout(&ask);
    form->addRow(tr("Name"), name);
    form->addRow(tr("Kind"), kind);
    form->addRow(tr("Contact"), contact);
    form->addRow(tr("Area"), area);
    form->addRow(buttons);
    if (ask.exec() != QDialog::Accepted)
        return;
    core::ResponsibleUnit u;
    u.name = name->text();
    u.kind = static_cast<core::UnitKind>(kind->currentData().toInt());
    u.contact = contact->text().trimmed();
    u.area = area->text().trimmed();
    addUnit(u);
}

} // namespace app
