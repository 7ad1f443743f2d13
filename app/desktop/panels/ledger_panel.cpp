#include "app/desktop/panels/ledger_panel.h"

#include "app/desktop/dialogs/defect_detail_dialog.h"
#include "app/desktop/panels/ledger_model.h"
#include "core/report/defect_rows.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "core/workflow/card_rules.h"
#include "gis/io/exif_reader.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace app {

namespace {

constexpr int kAttachRole = Qt::UserRole + 1;
constexpr int kAutoResizeRows = 2000;

enum AttachChoice { AnyItem, AttachedItem, UnattachedItem, OneItem };

// Rebuilds a combo's entries, keeping the entry whose data was current (when it still exists).
void refill(QComboBox* combo, const std::vector<std::pair<QString, QVariant>>& entries) {
    const QVariant current = combo->currentData();
    const QVariant currentAttach = combo->currentData(kAttachRole);
    const QSignalBlocker block(combo);
    combo->clear();
    for (const auto& [text, data] : entries)
        combo->addItem(text, data);
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i) == current && combo->itemData(i, kAttachRole) == currentAttach) {
            combo->setCurrentIndex(i);
            return;
        }
    combo->setCurrentIndex(0);
}

} // namespace

LedgerPanel::LedgerPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ledgerPanel"));
    setMinimumWidth(420);
    model_ = new LedgerModel(this);
    filter_ = new LedgerFilter(this);
    filter_->setSourceModel(model_);

    view_ = new QTableView;
    view_->setObjectName(QStringLiteral("ledgerView"));
    view_->setModel(filter_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(LedgerModel::IdColumn, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setWordWrap(false);
    view_->verticalHeader()->setVisible(false);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setSectionsMovable(true);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LedgerPanel::onSelectionChanged);
    connect(view_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit zoomRequested(index.data(LedgerModel::DefectIdRole).toLongLong());
    });
    connect(filter_, &QAbstractItemModel::rowsInserted, this, &LedgerPanel::updateCount);
    connect(filter_, &QAbstractItemModel::rowsRemoved, this, &LedgerPanel::updateCount);
    connect(filter_, &QAbstractItemModel::modelReset, this, &LedgerPanel::updateCount);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &LedgerPanel::updateCount);

    auto* toolbar = new QToolBar;
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    issue_ =
        toolbar->addAction(tr("Issue card", "card workflow: 发卡"), this, &LedgerPanel::askIssue);
    issue_->setToolTip(tr("发卡: issue a supervision card for the selected defect"));
    advance_ = toolbar->addAction(tr("Advance"), this, &LedgerPanel::askAdvance);
    return_ =
        toolbar->addAction(tr("Return", "card workflow: 退回"), this, &LedgerPanel::askReturn);
    return_->setToolTip(tr("退回: send the card back to 整改 (needs a reason)"));
    close_ = toolbar->addAction(tr("Close", "card workflow: 销号"), this, &LedgerPanel::askClose);
    close_->setToolTip(tr("销号: close the re-checked card"));
    toolbar->addSeparator();
    detail_ = toolbar->addAction(tr("Detail..."), this, [this] {
        if (const core::DefectRow* row = currentRow())
            openDetail(row->defect.id);
    });
    edit_ = toolbar->addAction(tr("Edit..."), this, [this] {
        if (const core::DefectRow* row = currentRow())
            emit editRequested(row->defect.id);
    });
    edit_->setToolTip(tr("Change the description, severity or responsible unit (undoable)"));

    count_ = new QLabel;
    count_->setObjectName(QStringLiteral("ledgerCount"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(buildFilterBar());
    layout->addWidget(view_, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(count_, 1);
    bottom->addWidget(toolbar);
    layout->addLayout(bottom);
    refresh();
}

LedgerPanel::~LedgerPanel() = default;

QWidget* LedgerPanel::buildFilterBar() {
    auto* bar = new QWidget;
    stage_ = new QComboBox;
    stage_->setObjectName(QStringLiteral("stageFilter"));
    stage_->addItem(tr("All stages"));
    for (int s = 0; s <= static_cast<int>(core::CardStage::Closed); ++s)
        stage_->addItem(core::cardStageChinese(static_cast<core::CardStage>(s)), s);
    colour_ = new QComboBox;
    colour_->setObjectName(QStringLiteral("colourFilter"));
    colour_->addItem(tr("All cards"));
    for (int c = 0; c <= static_cast<int>(core::CardColour::Red); ++c)
        colour_->addItem(core::cardColourChinese(static_cast<core::CardColour>(c)), c);
    unit_ = new QComboBox;
    unit_->setObjectName(QStringLiteral("unitFilter"));
    code_ = new QComboBox;
    code_->setObjectName(QStringLiteral("codeFilter"));
    subdistrict_ = new QComboBox;
    subdistrict_->setObjectName(QStringLiteral("subdistrictFilter"));
    attached_ = new QComboBox;
    attached_->setObjectName(QStringLiteral("attachedFilter"));
    for (QComboBox* combo : {stage_, colour_, unit_, code_, subdistrict_, attached_}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &LedgerPanel::applyFilters);
    }

    dateRange_ = new QCheckBox(tr("Observed"));
    dateRange_->setObjectName(QStringLiteral("observedRange"));
    from_ = new QDateEdit;
    to_ = new QDateEdit;
    for (QDateEdit* edit : {from_, to_}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &LedgerPanel::applyFilters);
    }
    connect(dateRange_, &QCheckBox::toggled, this, [this](bool on) {
        from_->setEnabled(on);
        to_->setEnabled(on);
        applyFilters();
    });
    overdueOnly_ = new QCheckBox(tr("Overdue only"));
    overdueOnly_->setObjectName(QStringLiteral("overdueOnly"));
    connect(overdueOnly_, &QCheckBox::toggled, this, &LedgerPanel::applyFilters);
    search_ = new QLineEdit;
    search_->setObjectName(QStringLiteral("ledgerSearch"));
    search_->setClearButtonEnabled(true);
    search_->setPlaceholderText(tr("Search code, name, description, unit, inspector"));
    connect(search_, &QLineEdit::textChanged, this, &LedgerPanel::applyFilters);

    auto* first = new QHBoxLayout;
    first->setContentsMargins(0, 0, 0, 0);
    for (QComboBox* combo : {stage_, colour_, unit_, code_})
        first->addWidget(combo);
    first->addStretch(1);
    auto* second = new QHBoxLayout;
    second->setContentsMargins(0, 0, 0, 0);
    second->addWidget(subdistrict_);
    second->addWidget(attached_);
    second->addWidget(dateRange_);
    second->addWidget(from_);
    second->addWidget(new QLabel(QStringLiteral("–")));
    second->addWidget(to_);
    second->addStretch(1);
    auto* third = new QHBoxLayout;
    third->setContentsMargins(0, 0, 0, 0);
    third->addWidget(overdueOnly_);
    third->addWidget(search_, 1);
    auto* layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(first);
    layout->addLayout(second);
    layout->addLayout(third);
    return bar;
}

void LedgerPanel::setCampaign(core::Campaign* campaign, const QString& actor) {
    campaign_ = campaign;
    actor_ = actor;
    refresh();
}

void LedgerPanel::setActor(const QString& actor) {
    actor_ = actor;
}

void LedgerPanel::setNow(const QDateTime& utc) {
    fixedNow_ = utc.isValid() ? utc.toUTC() : QDateTime();
    model_->setNow(fixedNow_);
    view_->resizeColumnToContents(LedgerModel::OverdueColumn);
    updateCount();
    updateActions();
}

void LedgerPanel::refresh() {
    const QList<qint64> keep = selectedDefects();
    selecting_ = true;
    model_->setNow(fixedNow_);
    std::vector<core::DefectRow> rows;
    QString problem;
    if (campaign_) {
        try {
            core::Feedback feedback;
            rows = core::collectDefectRows(*campaign_, {}, feedback);
            model_->setUtcOffsetMinutes(campaign_->calendar().utcOffsetMinutes());
        } catch (const core::Error& e) {
            problem = e.message();
        }
    }
    model_->setRows(std::move(rows));
    rebuildFilterChoices();
    applyFilters();
    if (model_->rowCount() <= kAutoResizeRows)
        view_->resizeColumnsToContents();
    selecting_ = false;
    selectDefects(keep);
    if (!problem.isEmpty())
        count_->setText(tr("Cannot read the ledger: %1").arg(problem));
}

void LedgerPanel::rebuildFilterChoices() {
    std::vector<std::pair<QString, QVariant>> units{{tr("All units"), {}},
                                                    {tr("(no unit)"), LedgerFilter::kNoUnit}};
    if (campaign_) {
        try {
            for (const core::ResponsibleUnit& u : campaign_->units())
                units.emplace_back(u.name, static_cast<qlonglong>(u.id));
        } catch (const core::Error&) {
            // The rows could not be read either; refresh() reports it.
        }
    }
    refill(unit_, units);

    std::map<QString, QString> categories;
    std::map<QString, QString> codes;
    std::set<QString> subdistricts;
    std::map<QString, QString> items; // attach id -> "背街小巷 胜利巷"
    QDate first;
    QDate last;
    for (const core::DefectRow& r : model_->rows()) {
        categories.emplace(r.category, r.categoryZh);
        codes.emplace(r.defect.code, r.nameZh);
        if (!r.subdistrict.isEmpty())
            subdistricts.insert(r.subdistrict);
        if (!r.defect.attachId.isEmpty())
            items.emplace(r.defect.attachId, LedgerModel::attachedText(r.defect, r.attachedName));
        if (r.defect.observedAt.isValid()) {
            const QDate day = model_->localDate(r.defect.observedAt);
            first = first.isValid() ? std::min(first, day) : day;
            last = last.isValid() ? std::max(last, day) : day;
        }
    }
    std::vector<std::pair<QString, QVariant>> codeEntries{{tr("All defects"), QString()}};
    for (const auto& [key, name] : categories)
        codeEntries.emplace_back(QStringLiteral("%1 %2").arg(key, name), key);
    for (const auto& [code, name] : codes)
        codeEntries.emplace_back(QStringLiteral("  %1 %2").arg(code, name), code);
    refill(code_, codeEntries);

    std::vector<std::pair<QString, QVariant>> places{{tr("All sub-districts"), QString()}};
    for (const QString& s : subdistricts)
        places.emplace_back(s, s);
    refill(subdistrict_, places);

    {
        const QVariant current = attached_->currentData();
        const QString currentItem = attached_->currentData(kAttachRole).toString();
        const QSignalBlocker block(attached_);
        attached_->clear();
        attached_->addItem(tr("Any drawn item"), AnyItem);
        attached_->addItem(tr("On a drawn item"), AttachedItem);
        attached_->addItem(tr("Not on a drawn item"), UnattachedItem);
        for (const auto& [item, label] : items) {
            attached_->addItem(label, OneItem);
            attached_->setItemData(attached_->count() - 1, item, kAttachRole);
        }
        int index = 0;
        for (int i = 0; i < attached_->count(); ++i)
            if (attached_->itemData(i) == current &&
                attached_->itemData(i, kAttachRole).toString() == currentItem)
                index = i;
        attached_->setCurrentIndex(index);
    }

    if (!dateRange_->isChecked() && first.isValid()) {
        const QSignalBlocker blockFrom(from_);
        const QSignalBlocker blockTo(to_);
        from_->setDate(first);
        to_->setDate(last);
    }
}

void LedgerPanel::applyFilters() {
    const QVariant stage = stage_->currentData();
    filter_->setStage(stage.isValid() ? std::optional(static_cast<core::CardStage>(stage.toInt()))
                                      : std::nullopt);
    const QVariant colour = colour_->currentData();
    filter_->setColour(colour.isValid()
                           ? std::optional(static_cast<core::CardColour>(colour.toInt()))
                           : std::nullopt);
    const QVariant unit = unit_->currentData();
    filter_->setUnit(unit.isValid() ? std::optional<qint64>(unit.toLongLong()) : std::nullopt);
    filter_->setCode(code_->currentData().toString());
    filter_->setSubdistrict(subdistrict_->currentData().toString());
    switch (attached_->currentData().toInt()) {
    case AttachedItem:
        filter_->setAttachment(LedgerFilter::Attachment::Attached);
        filter_->setAttachId({});
        break;
    case UnattachedItem:
        filter_->setAttachment(LedgerFilter::Attachment::Unattached);
        filter_->setAttachId({});
        break;
    case OneItem:
        filter_->setAttachment(LedgerFilter::Attachment::Attached);
        filter_->setAttachId(attached_->currentData(kAttachRole).toString());
        break;
    default:
        filter_->setAttachment(LedgerFilter::Attachment::Any);
        filter_->setAttachId({});
        break;
    }
    if (dateRange_->isChecked())
        filter_->setObservedRange(from_->date(), to_->date());
    else
        filter_->setObservedRange({}, {});
    filter_->setOverdueOnly(overdueOnly_->isChecked());
    filter_->setSearchText(search_->text());
    updateCount();
    updateActions();
}

QString LedgerPanel::countText() const {
    return tr("Showing %1 / %2").arg(filter_->rowCount()).arg(model_->rowCount());
}

void LedgerPanel::updateCount() {
    count_->setText(campaign_ ? countText() : tr("No campaign open"));
}

QList<qint64> LedgerPanel::selectedDefects() const {
    QList<qint64> ids;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows())
        ids << index.data(LedgerModel::DefectIdRole).toLongLong();
    return ids;
}

void LedgerPanel::selectDefects(const QList<qint64>& ids) {
    selecting_ = true;
    QItemSelection selection;
    QModelIndex first;
    for (const qint64 id : ids) {
        const int row = model_->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = filter_->mapFromSource(model_->index(row, 0));
        if (!index.isValid())
            continue;
        selection.select(index, index);
        if (!first.isValid())
            first = index;
    }
    view_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    if (first.isValid()) {
        view_->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        view_->scrollTo(first);
    }
    selecting_ = false;
    updateActions();
}

void LedgerPanel::onSelectionChanged() {
    updateActions();
    if (!selecting_)
        emit selectionChangedByUser(selectedDefects());
}

const core::DefectRow* LedgerPanel::currentRow() const {
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return nullptr;
    return model_->rowAt(filter_->mapToSource(rows.front()).row());
}

void LedgerPanel::updateActions() {
    const core::DefectRow* row = campaign_ ? currentRow() : nullptr;
    const bool writable = campaign_ && !campaign_->database().isReadOnly();
    const core::CardStage stage =
        row ? (row->card ? row->card->stage : row->defect.status) : core::CardStage::Found;
    const auto next = row && row->card ? core::nextStage(stage) : std::nullopt;
    issue_->setEnabled(writable && row && !row->card);
    advance_->setEnabled(writable && next.has_value());
    advance_->setText(next ? core::cardStageChinese(*next) : tr("Advance"));
    advance_->setToolTip(next ? tr("Advance the card to %1").arg(core::cardStageChinese(*next))
                              : tr("Advance the card to its next stage"));
    return_->setEnabled(writable && row && row->card && core::canReturn(stage));
    close_->setEnabled(writable && row && row->card && stage == core::CardStage::Rechecked);
    detail_->setEnabled(row != nullptr);
    edit_->setEnabled(writable && row != nullptr);
}

bool LedgerPanel::fail(const QString& message) {
    emit actionFailed(message);
    if (interactive_)
        QMessageBox::warning(this, tr("Card ledger"), message);
    return false;
}

template <typename Action>
bool LedgerPanel::perform(Action&& action) {
    if (!campaign_)
        return fail(tr("No campaign is open."));
    try {
        action(*campaign_);
    } catch (const core::Error& e) {
        return fail(e.message());
    } catch (const std::exception& e) {
        return fail(tr("Unexpected failure: %1").arg(QString::fromUtf8(e.what())));
    }
    refresh();
    emit defectsChanged();
    return true;
}

bool LedgerPanel::issueCard(qint64 defectId, std::optional<core::CardColour> colour,
                            const QString& reason) {
    return perform(
        [&](core::Campaign& c) { c.issueCard(QString::number(defectId), colour, actor_, reason); });
}

bool LedgerPanel::advance(qint64 defectId, const QString& reason, const QString& afterPhotoPath) {
    std::optional<core::PhotoInput> photo;
    if (!afterPhotoPath.isEmpty()) {
        if (!campaign_)
            return fail(tr("No campaign is open."));
        try {
            const auto card = campaign_->card(defectId);
            if (!card || core::nextStage(card->stage) != core::CardStage::Rechecked)
                return fail(
                    tr("An after-photo goes with the re-check (复核) only; this card "
                       "is at %1.")
                        .arg(core::cardStageChinese(card ? card->stage : core::CardStage::Found)));
        } catch (const core::Error& e) {
            return fail(e.message());
        }
        QFile file(afterPhotoPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read the photo %1: %2").arg(afterPhotoPath, file.errorString()));
        core::PhotoInput p;
        p.data = file.readAll();
        p.originalName = QFileInfo(afterPhotoPath).fileName();
        p.role = QStringLiteral("after");
        const gis::ExifInfo exif = gis::readExif(p.data, campaign_->calendar().utcOffsetMinutes());
        p.exifTime = exif.time;
        p.exifLonLat = exif.lonLat;
        photo = std::move(p);
    }
    return perform([&](core::Campaign& c) {
        c.advanceCard(QString::number(defectId), actor_, reason, photo);
    });
}

bool LedgerPanel::returnCard(qint64 defectId, const QString& reason) {
    if (reason.trimmed().isEmpty())
        return fail(tr("Returning a card (退回) needs a reason."));
    return perform([&](core::Campaign& c) {
        c.returnCard(QString::number(defectId), actor_, reason.trimmed());
    });
}

bool LedgerPanel::closeCard(qint64 defectId, const QString& reason) {
    return perform(
        [&](core::Campaign& c) { c.closeCard(QString::number(defectId), actor_, reason); });
}

DefectDetailDialog* LedgerPanel::openDetail(qint64 defectId) {
    if (!campaign_) {
        fail(tr("No campaign is open."));
        return nullptr;
    }
    try {
        auto* dialog = new DefectDetailDialog(*campaign_, defectId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        return dialog;
    } catch (const core::Error& e) {
        fail(e.message());
        return nullptr;
    }
}

void LedgerPanel::askIssue() {
    const core::DefectRow* row = currentRow();
    if (!row || !campaign_)
        return;
    const qint64 id = row->defect.id;
    const core::DefectType* type = campaign_->taxonomy().find(row->defect.code);
    const core::CardColour preset = type ? type->card : core::CardColour::White;
    QDialog ask(this);
    ask.setWindowTitle(tr("Issue card for %1").arg(row->defect.code));
    auto* colour = new QComboBox;
    colour->setObjectName(QStringLiteral("issueColour"));
    for (int c = 0; c <= static_cast<int>(core::CardColour::Red); ++c) {
        const auto cc = static_cast<core::CardColour>(c);
        colour->addItem(cc == preset ? tr("%1 (default)").arg(core::cardColourChinese(cc))
                                     : core::cardColourChinese(cc),
                        c);
    }
    colour->setCurrentIndex(static_cast<int>(preset));
    auto* reason = new QLineEdit;
    auto* note = new QLabel(tr("A defect repeating one of the same unit within %1 days gets a "
                               "red card whatever the choice.")
                                .arg(core::kRepeatWindowDays));
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto* form = new QFormLayout(&ask);
    form->addRow(tr("Card"), colour);
    form->addRow(tr("Reason"), reason);
    form->addRow(note);
    form->addRow(buttons);
    if (ask.exec() != QDialog::Accepted)
        return;
    const auto chosen = static_cast<core::CardColour>(colour->currentData().toInt());
    issueCard(id, chosen == preset ? std::nullopt : std::optional(chosen), reason->text());
}

void LedgerPanel::askAdvance() {
    const core::DefectRow* row = currentRow();
    if (!row || !row->card)
        return;
    const qint64 id = row->defect.id;
    const auto next = core::nextStage(row->card->stage);
    if (!next)
        return;
    QString photo;
    if (*next == core::CardStage::Rechecked) {
        photo = QFileDialog::getOpenFileName(
            this, tr("After-photo of the re-check (cancel for none)"), QString(),
            tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"));
    }
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, core::cardStageChinese(*next),
                              tr("Note for %1 (optional):").arg(core::cardStageChinese(*next)),
                              QLineEdit::Normal, QString(), &ok);
    if (ok)
        advance(id, reason, photo);
}

void LedgerPanel::askReturn() {
    const core::DefectRow* row = currentRow();
    if (!row)
        return;
    const qint64 id = row->defect.id;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Return card"), tr("Why does the card go back to 整改? (required)"),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        returnCard(id, reason);
}

void LedgerPanel::askClose() {
    const core::DefectRow* row = currentRow();
    if (!row)
        return;
    const qint64 id = row->defect.id;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Close card"), tr("Note for 销号 (optional):"), QLineEdit::Normal, QString(), &ok);
    if (ok)
        closeCard(id, reason);
}

} // namespace app
