#include "app/desktop/dialogs/defect_detail_dialog.h"

#include "app/desktop/panels/ledger_model.h"
#include "app/ui/display_text.h"
#include "core/report/defect_rows.h"
#include "core/store/campaign.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace app {

namespace {

constexpr int kThumbnailSize = 160;

QString actionText(const QString& action) {
    static const std::pair<const char*, const char*> kActions[] = {
        {"create", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "record")},
        {"update", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "edit")},
        {"photo", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "add photo")},
        {"issue", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "issue card")},
        {"advance", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "advance")},
        {"return", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "return")},
        {"close", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "close")},
        {"escalate", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "escalate")},
        {"withdraw", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "withdraw (undo)")},
        {"restore", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "restore (redo)")},
    };
    for (const auto& [key, text] : kActions)
        if (action == QLatin1String(key))
            return DefectDetailDialog::tr(text);
    return action;
}

QString fieldText(const QString& field) {
    static const std::pair<const char*, const char*> kFields[] = {
        {"status", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "stage")},
        {"colour", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "card")},
        {"deadline", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "deadline")},
        {"unit_id", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "unit")},
        {"before", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "before photo")},
        {"after", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "after photo")},
        {"withdrawn_at", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "withdrawn")},
        {"description", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "description")},
        {"severity", QT_TRANSLATE_NOOP("app::DefectDetailDialog", "severity")},
    };
    for (const auto& [key, text] : kFields)
        if (field == QLatin1String(key))
            return DefectDetailDialog::tr(text);
    return field;
}

// A stored value as people read it: stage and colour keys in Chinese, times in local time.
QString valueText(const QString& action, const QString& field, const QString& value,
                  int utcOffsetMinutes) {
    if (value.isEmpty())
        return value;
    if (field == QLatin1String("status"))
        if (const auto s = core::cardStageFromKey(value))
            return core::cardStageChinese(*s);
    if (field == QLatin1String("colour"))
        if (const auto c = core::cardColourFromKey(value))
            return core::cardColourChinese(*c);
    if (action == QLatin1String("photo")) {
        // "sha256 name": the name is what people recognise.
        const auto space = value.indexOf(QLatin1Char(' '));
        return space > 0 ? value.mid(space + 1) : value;
    }
    if (value.endsWith(QLatin1Char('Z')) && value.contains(QLatin1Char('T'))) {
        const QDateTime t = core::parseIsoUtc(value);
        if (t.isValid())
            return core::localTimeText(t, utcOffsetMinutes);
    }
    return value;
}

QString severityText(int severity) {
    switch (severity) {
    case 1:
        return DefectDetailDialog::tr("1 (safety-critical)");
    case 2:
        return DefectDetailDialog::tr("2 (major)");
    default:
        return DefectDetailDialog::tr("%1 (minor)").arg(severity);
    }
}

} // namespace

DefectDetailDialog::DefectDetailDialog(core::Campaign& campaign, qint64 defectId, QWidget* parent)
    : QDialog(parent), defectId_(defectId) {
    const core::Defect d = campaign.requireDefect(QString::number(defectId));
    utcOffsetMinutes_ = campaign.calendar().utcOffsetMinutes();
    const auto card = campaign.card(d.id);
    const core::DefectType* type = campaign.taxonomy().find(d.code);
    const auto unit = d.unitId ? campaign.unit(*d.unitId) : std::nullopt;
    for (const core::PhotoInfo& info : campaign.photos(d.id)) {
        Photo p;
        p.id = info.id;
        p.role = info.role;
        p.name = info.originalName;
        p.exifTime = core::localTimeText(info.exifTime, utcOffsetMinutes_);
        p.thumbnail = campaign.photoData(info.id, true);
        p.full = campaign.photoData(info.id, false);
        photos_.push_back(std::move(p));
    }
    std::vector<core::AuditEntry> entries = campaign.auditTrail(d.uuid);
    if (card && !card->uuid.isEmpty() && card->uuid != d.uuid) {
        std::set<std::int64_t> seen;
        for (const auto& e : entries)
            seen.insert(e.seq);
        for (auto& e : campaign.auditTrail(card->uuid))
            if (seen.insert(e.seq).second)
                entries.push_back(std::move(e));
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.at != b.at ? a.at < b.at : a.seq < b.seq;
    });
    // Unit changes are stored as ids; people know the units by name.
    const auto units = campaign.units();
    const auto unitName = [&units](QString& value) {
        for (const core::ResponsibleUnit& u : units)
            if (!value.isEmpty() && QString::number(u.id) == value)
                value = u.name;
    };
    for (core::AuditEntry& e : entries)
        if (e.field == QLatin1String("unit_id")) {
            unitName(e.oldValue);
            unitName(e.newValue);
        }

    setObjectName(QStringLiteral("defectDetailDialog"));
    setWindowTitle(tr("Defect %1 · %2").arg(d.id).arg(d.code));
    setModal(false);
    resize(820, 720);

    auto* form = new QFormLayout;
    const auto addField = [&](const QString& label, const QString& value) {
        auto* v = new QLabel(value.isEmpty() ? QStringLiteral("—") : value);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        form->addRow(label, v);
        fieldLines_ << QStringLiteral("%1: %2").arg(label, value);
    };
    addField(tr("Code"), d.code);
    addField(tr("Name"), type ? type->nameZh : QString());
    addField(tr("Description"), d.description);
    addField(tr("Severity"), severityText(d.severity));
    addField(tr("Location"), formatLonLat(d.lonLat));
    addField(tr("Drawn item"),
             LedgerModel::attachedText(d, campaign.attachedNames().value(d.attachId)));
    addField(tr("Inspector"), d.inspector);
    addField(tr("Observed"), core::localTimeText(d.observedAt, utcOffsetMinutes_));
    addField(tr("Responsible unit"), unit ? unit->name : QString());
    if (card) {
        QString cardText = QStringLiteral("%1 · %2").arg(core::cardColourChinese(card->colour),
                                                         core::cardStageChinese(card->stage));
        addField(tr("Card"), cardText);
        addField(tr("Issued"), core::localTimeText(card->issuedAt, utcOffsetMinutes_));
        addField(tr("Deadline"), core::localTimeText(card->deadline, utcOffsetMinutes_));
        if (card->stage == core::CardStage::Closed)
            addField(tr("Closed"), core::localTimeText(card->closedAt, utcOffsetMinutes_));
    } else {
        addField(tr("Card"), tr("none (%1)").arg(core::cardStageChinese(d.status)));
    }

    auto* photoRow = new QHBoxLayout;
    auto* before = new QGroupBox(tr("Before (evidence)"));
    auto* beforeLayout = new QVBoxLayout(before);
    beforeLayout->addWidget(photoStrip(QStringLiteral("before")));
    auto* after = new QGroupBox(tr("After (re-check)"));
    auto* afterLayout = new QVBoxLayout(after);
    afterLayout->addWidget(photoStrip(QStringLiteral("after")));
    before->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    after->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    photoRow->addWidget(before, 1, Qt::AlignTop);
    photoRow->addWidget(after, 1, Qt::AlignTop);

    history_ = new QTableWidget;
    history_->setObjectName(QStringLiteral("auditHistory"));
    history_->setColumnCount(5);
    history_->setHorizontalHeaderLabels(
        {tr("Time"), tr("Actor"), tr("Action"), tr("Change"), tr("Reason")});
    history_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    history_->setSelectionBehavior(QAbstractItemView::SelectRows);
    history_->verticalHeader()->setVisible(false);
    history_->verticalHeader()->setDefaultSectionSize(history_->fontMetrics().height() + 8);
    history_->horizontalHeader()->setStretchLastSection(true);
    fillHistory(entries);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(photoRow);
    layout->addWidget(new QLabel(tr("History")));
    layout->addWidget(history_, 1);
    layout->addWidget(buttons);
}

QString DefectDetailDialog::fieldsText() const {
    return fieldLines_.join(QLatin1Char('\n'));
}

int DefectDetailDialog::photoCount(const QString& role) const {
    return static_cast<int>(photoIds(role).size());
}

std::vector<std::int64_t> DefectDetailDialog::photoIds(const QString& role) const {
    // Anything that is not an after-photo is evidence of the defect.
    const bool wantAfter = role == QLatin1String("after");
    std::vector<std::int64_t> ids;
    for (const Photo& p : photos_)
        if ((p.role == QLatin1String("after")) == wantAfter)
            ids.push_back(p.id);
    return ids;
}

QWidget* DefectDetailDialog::photoStrip(const QString& role) {
    auto* strip = new QWidget;
    auto* layout = new QHBoxLayout(strip);
    layout->setContentsMargins(0, 0, 0, 0);
    const std::vector<std::int64_t> ids = photoIds(role);
    if (ids.empty())
        layout->addWidget(new QLabel(tr("No photo")));
    for (const std::int64_t id : ids) {
        const auto it = std::find_if(photos_.begin(), photos_.end(),
                                     [id](const Photo& p) { return p.id == id; });
        QPixmap thumb;
        if (!thumb.loadFromData(it->thumbnail))
            thumb.loadFromData(it->full);
        auto* button = new QToolButton;
        button->setObjectName(QStringLiteral("photo_%1").arg(id));
        button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        button->setIcon(QIcon(thumb));
        QSize iconSize = thumb.size();
        if (iconSize.width() > kThumbnailSize || iconSize.height() > kThumbnailSize)
            iconSize.scale(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio);
        button->setIconSize(iconSize);
        button->setText(it->exifTime.isEmpty() ? tr("no EXIF time") : it->exifTime);
        button->setToolTip(it->name);
        connect(button, &QToolButton::clicked, this, [this, id] { openPhoto(id); });
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return strip;
}

QDialog* DefectDetailDialog::openPhoto(std::int64_t photoId) {
    const auto it = std::find_if(photos_.begin(), photos_.end(),
                                 [photoId](const Photo& p) { return p.id == photoId; });
    if (it == photos_.end())
        return nullptr;
    QPixmap image;
    image.loadFromData(it->full);
    auto* viewer = new QDialog(this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setObjectName(QStringLiteral("photoViewer"));
    viewer->setWindowTitle(
        it->exifTime.isEmpty() ? it->name : QStringLiteral("%1 · %2").arg(it->name, it->exifTime));
    auto* label = new QLabel;
    label->setObjectName(QStringLiteral("photoImage"));
    label->setPixmap(image);
    auto* scroll = new QScrollArea;
    scroll->setWidget(label);
    scroll->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(viewer);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    viewer->resize(std::min(image.width() + 24, 1200), std::min(image.height() + 24, 900));
    viewer->show();
    return viewer;
}

void DefectDetailDialog::fillHistory(const std::vector<core::AuditEntry>& entries) {
    history_->setRowCount(static_cast<int>(entries.size()));
    int row = 0;
    for (const core::AuditEntry& e : entries) {
        QString change;
        if (!e.field.isEmpty()) {
            const QString from = valueText(e.action, e.field, e.oldValue, utcOffsetMinutes_);
            const QString to = valueText(e.action, e.field, e.newValue, utcOffsetMinutes_);
            change = from.isEmpty()
                         ? QStringLiteral("%1: %2").arg(fieldText(e.field), to)
                         : QStringLiteral("%1: %2 → %3").arg(fieldText(e.field), from, to);
        }
        const QString cells[] = {core::localTimeText(e.at, utcOffsetMinutes_), e.actor,
                                 actionText(e.action), change, e.reason};
        for (int c = 0; c < 5; ++c)
            history_->setItem(row, c, new QTableWidgetItem(cells[c]));
        history_->item(row, 2)->setData(Qt::UserRole, e.action);
        ++row;
    }
    history_->resizeColumnsToContents();
}

} // namespace app
