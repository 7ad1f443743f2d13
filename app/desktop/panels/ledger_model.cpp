#include "app/desktop/panels/ledger_model.h"

#include "core/workflow/card_rules.h"

#include <QBrush>
#include <QColor>
#include <QTimeZone>

namespace app {

namespace {

const QColor kOverdueText(0xa9, 0x32, 0x26);
const QColor kOverdueBackground(0xfd, 0xe3, 0xdf);

QColor cardTint(core::CardColour colour) {
    switch (colour) {
    case core::CardColour::White:
        return QColor(0xf4, 0xf4, 0xf4);
    case core::CardColour::Yellow:
        return QColor(0xff, 0xe8, 0x8a);
    case core::CardColour::Red:
        return QColor(0xf2, 0x9e, 0x96);
    }
    return {};
}

QString codeText(const core::DefectRow& row) {
    return row.nameZh.isEmpty() ? row.defect.code
                                : QStringLiteral("%1 %2").arg(row.defect.code, row.nameZh);
}

} // namespace

LedgerModel::LedgerModel(QObject* parent)
    : QAbstractTableModel(parent), now_(QDateTime::currentDateTimeUtc()) {}

void LedgerModel::setRows(std::vector<core::DefectRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

const core::DefectRow* LedgerModel::rowAt(int row) const {
    if (row < 0 || row >= static_cast<int>(rows_.size()))
        return nullptr;
    return &rows_[static_cast<std::size_t>(row)];
}

int LedgerModel::rowOf(qint64 defectId) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].defect.id == defectId)
            return static_cast<int>(i);
    return -1;
}

void LedgerModel::setNow(const QDateTime& utc) {
    now_ = utc.isValid() ? utc.toUTC() : QDateTime::currentDateTimeUtc();
    if (!rows_.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void LedgerModel::setUtcOffsetMinutes(int minutes) {
    offsetMinutes_ = minutes;
    if (!rows_.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool LedgerModel::isOverdue(const core::DefectRow& row) const {
    return row.card && core::isOverdue(*row.card, now_);
}

QDate LedgerModel::localDate(const QDateTime& utc) const {
    return utc.toTimeZone(QTimeZone(offsetMinutes_ * 60)).date();
}

int LedgerModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int LedgerModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LedgerModel::attachedText(const core::Defect& defect, const QString& name) {
    QString kind;
    switch (defect.attachKind) {
    case core::AttachKind::None:
        break;
    case core::AttachKind::Street:
        kind = tr("Back street");
        break;
    case core::AttachKind::Compound:
        kind = tr("Compound");
        break;
    case core::AttachKind::Anchor:
        kind = tr("Anchor");
        break;
    }
    const QString what = name.isEmpty() ? defect.attachId : name;
    if (kind.isEmpty())
        return what;
    return what.isEmpty() ? kind : QStringLiteral("%1 %2").arg(kind, what);
}

QString LedgerModel::overdueText(int days) {
    return days > 0 ? tr("overdue %n day(s)", nullptr, days) : QString();
}

QVariant LedgerModel::displayData(const core::DefectRow& row, int column) const {
    const core::Defect& d = row.defect;
    switch (column) {
    case IdColumn:
        return QString::number(d.id);
    case CodeColumn:
        return codeText(row);
    case CardColumn:
        return row.card ? core::cardColourChinese(row.card->colour) : QString();
    case StageColumn:
        return core::cardStageChinese(row.card ? row.card->stage : d.status);
    case UnitColumn:
        return row.unitName;
    case SubdistrictColumn:
        return row.subdistrict;
    case AttachedColumn:
        return attachedText(d, row.attachedName);
    case ObservedColumn:
        return core::localTimeText(d.observedAt, offsetMinutes_);
    case DeadlineColumn:
        return row.card && row.card->stage != core::CardStage::Closed
                   ? core::localTimeText(row.card->deadline, offsetMinutes_)
                   : QString();
    case OverdueColumn:
        return overdueText(core::daysOverdue(row.card, now_).value_or(0));
    case InspectorColumn:
        return d.inspector;
    default:
        return {};
    }
}

QVariant LedgerModel::sortData(const core::DefectRow& row, int column) const {
    const core::Defect& d = row.defect;
    switch (column) {
    case IdColumn:
        return static_cast<qlonglong>(d.id);
    case CodeColumn:
        return d.code;
    case CardColumn:
        return row.card ? static_cast<int>(row.card->colour) : -1;
    case StageColumn:
        return static_cast<int>(row.card ? row.card->stage : d.status);
    case ObservedColumn:
        return d.observedAt;
    case DeadlineColumn:
        return row.card ? row.card->deadline : QDateTime();
    case OverdueColumn:
        return core::daysOverdue(row.card, now_).value_or(-1);
    default:
        return displayData(row, column);
    }
}

QVariant LedgerModel::data(const QModelIndex& index, int role) const {
    const core::DefectRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*row, column);
    case SortRole:
        return sortData(*row, column);
    case DefectIdRole:
        return static_cast<qlonglong>(row->defect.id);
    case OverdueDaysRole:
        return core::daysOverdue(row->card, now_).value_or(-1);
    case Qt::ToolTipRole:
        if (column == CodeColumn && !row->defect.description.isEmpty())
            return row->defect.description;
        if (column == DeadlineColumn && row->card)
            return tr("Issued %1").arg(core::localTimeText(row->card->issuedAt, offsetMinutes_));
        return {};
    case Qt::BackgroundRole:
        if (column == CardColumn && row->card)
            return QBrush(cardTint(row->card->colour));
        if (isOverdue(*row))
            return QBrush(kOverdueBackground);
        return {};
    case Qt::ForegroundRole:
        if (isOverdue(*row) && column != CardColumn)
            return QBrush(kOverdueText);
        return {};
    case Qt::TextAlignmentRole:
        if (column == IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("No.");
    case CodeColumn:
        return tr("Defect");
    case CardColumn:
        return tr("Card");
    case StageColumn:
        return tr("Stage");
    case UnitColumn:
        return tr("Responsible unit");
    case SubdistrictColumn:
        return tr("Sub-district");
    case AttachedColumn:
        return tr("Drawn item");
    case ObservedColumn:
        return tr("Observed");
    case DeadlineColumn:
        return tr("Deadline");
    case OverdueColumn:
        return tr("Overdue");
    case InspectorColumn:
        return tr("Inspector");
    default:
        return {};
    }
}

LedgerFilter::LedgerFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(LedgerModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

const LedgerModel* LedgerFilter::ledger() const {
    return qobject_cast<const LedgerModel*>(sourceModel());
}

void LedgerFilter::changed() {
    invalidateFilter();
}

void LedgerFilter::setStage(std::optional<core::CardStage> stage) {
    stage_ = stage;
    changed();
}

void LedgerFilter::setColour(std::optional<core::CardColour> colour) {
    colour_ = colour;
    changed();
}

void LedgerFilter::setUnit(std::optional<qint64> unitId) {
    unit_ = unitId;
    changed();
}

void LedgerFilter::setCode(const QString& codeOrCategory) {
    code_ = codeOrCategory.trimmed();
    changed();
}

void LedgerFilter::setSubdistrict(const QString& subdistrict) {
    subdistrict_ = subdistrict;
    changed();
}

void LedgerFilter::setAttachment(Attachment attachment) {
    attachment_ = attachment;
    changed();
}

void LedgerFilter::setAttachId(const QString& attachId) {
    attachId_ = attachId;
    changed();
}

void LedgerFilter::setOverdueOnly(bool on) {
    overdueOnly_ = on;
    changed();
}

void LedgerFilter::setObservedRange(const QDate& from, const QDate& to) {
    from_ = from;
    to_ = to;
    changed();
}

void LedgerFilter::setSearchText(const QString& text) {
    search_ = text.trimmed();
    changed();
}

void LedgerFilter::clearFilters() {
    stage_.reset();
    colour_.reset();
    unit_.reset();
    code_.clear();
    subdistrict_.clear();
    attachment_ = Attachment::Any;
    attachId_.clear();
    overdueOnly_ = false;
    from_ = {};
    to_ = {};
    search_.clear();
    changed();
}

qint64 LedgerFilter::defectIdAt(int proxyRow) const {
    return data(index(proxyRow, 0), LedgerModel::DefectIdRole).toLongLong();
}

bool LedgerFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const LedgerModel* model = ledger();
    if (!model || sourceParent.isValid())
        return true;
    const core::DefectRow* row = model->rowAt(sourceRow);
    if (!row)
        return false;
    const core::Defect& d = row->defect;
    const core::CardStage stage = row->card ? row->card->stage : d.status;
    if (stage_ && stage != *stage_)
        return false;
    if (colour_ && (!row->card || row->card->colour != *colour_))
        return false;
    if (unit_ && d.unitId.value_or(kNoUnit) != *unit_)
        return false;
    if (!code_.isEmpty() && d.code.compare(code_, Qt::CaseInsensitive) != 0 &&
        row->category.compare(code_, Qt::CaseInsensitive) != 0)
        return false;
    if (!subdistrict_.isEmpty() && row->subdistrict != subdistrict_)
        return false;
    const bool attached = d.attachKind != core::AttachKind::None || !d.attachId.isEmpty();
    if (attachment_ == Attachment::Attached && !attached)
        return false;
    if (attachment_ == Attachment::Unattached && attached)
        return false;
    if (!attachId_.isEmpty() && d.attachId != attachId_)
        return false;
    if (overdueOnly_ && !model->isOverdue(*row))
        return false;
    if (from_.isValid() || to_.isValid()) {
        if (!d.observedAt.isValid())
            return false;
        const QDate day = model->localDate(d.observedAt);
        if ((from_.isValid() && day < from_) || (to_.isValid() && day > to_))
            return false;
    }
    if (!search_.isEmpty()) {
        const QString* fields[] = {&d.code,        &row->nameZh, &d.description,
                                   &row->unitName, &d.inspector, &row->categoryZh};
        bool found = false;
        for (const QString* f : fields)
            found = found || f->contains(search_, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

} // namespace app
