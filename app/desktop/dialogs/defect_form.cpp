#include "app/desktop/dialogs/defect_form.h"

#include "app/ui/display_text.h"
#include "core/report/defect_rows.h"
#include "core/store/campaign.h"
#include "core/store/photo_processing.h"
#include "core/util/error.h"
#include "core/workflow/card_rules.h"
#include "gis/io/exif_reader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimeZone>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>

namespace app {

namespace {

constexpr int kCodeRole = Qt::UserRole;
constexpr int kFitsRole = Qt::UserRole + 1;
constexpr int kNoColour = -1;

QString colourName(core::CardColour c) {
    switch (c) {
    case core::CardColour::White:
        return DefectForm::tr("White card");
    case core::CardColour::Yellow:
        return DefectForm::tr("Yellow card");
    case core::CardColour::Red:
        return DefectForm::tr("Red card");
    }
    return {};
}

QString attachKindName(core::AttachKind kind) {
    switch (kind) {
    case core::AttachKind::Street:
        return roleDisplayName(core::Role::BackStreet);
    case core::AttachKind::Compound:
        return roleDisplayName(core::Role::Compound);
    case core::AttachKind::Anchor:
        return DefectForm::tr("Anchor");
    case core::AttachKind::None:
        break;
    }
    return {};
}

// "UTC+08:00": the calendar's fixed offset, so the times do not depend on the machine's zone.
QString offsetText(int minutes) {
    const QChar sign = minutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int m = std::abs(minutes);
    return QStringLiteral("UTC%1%2:%3")
        .arg(sign)
        .arg(m / 60, 2, 10, QLatin1Char('0'))
        .arg(m % 60, 2, 10, QLatin1Char('0'));
}

bool matches(const core::DefectType& t, const QString& needle) {
    return t.code.contains(needle, Qt::CaseInsensitive) ||
           t.nameZh.contains(needle, Qt::CaseInsensitive) ||
           t.nameEn.contains(needle, Qt::CaseInsensitive);
}

} // namespace

DefectForm::DefectForm(core::Campaign& campaign, QWidget* parent)
    : QDialog(parent), campaign_(campaign), offsetMinutes_(campaign.calendar().utcOffsetMinutes()),
      units_(campaign.units()), observed_(QDateTime::currentDateTimeUtc()) {
    setWindowTitle(tr("Record defect"));
    setObjectName(QStringLiteral("defectForm"));
    setAcceptDrops(true);

    location_ = new QLabel;
    location_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    attach_ = new QLabel;
    attach_->setWordWrap(true);

    description_ = new QPlainTextEdit;
    description_->setPlaceholderText(tr("What is wrong, where exactly"));
    description_->setTabChangesFocus(true);
    description_->setMaximumHeight(description_->fontMetrics().height() * 5);

    severity_ = new QComboBox;
    severity_->addItem(tr("1 – safety-critical"), 1);
    severity_->addItem(tr("2 – major"), 2);
    severity_->addItem(tr("3 – minor"), 3);
    severity_->setCurrentIndex(2);
    connect(severity_, &QComboBox::activated, this, [this] { severityByHand_ = true; });

    // The edit holds the calendar's local wall-clock time in a UTC QDateTime, so what it shows
    // is independent of the machine's time zone.
    observedEdit_ = new QDateTimeEdit;
    observedEdit_->setTimeSpec(Qt::UTC);
    observedEdit_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    observedEdit_->setCalendarPopup(true);
    connect(observedEdit_, &QDateTimeEdit::dateTimeChanged, this, &DefectForm::observedEdited);
    auto* observedRow = new QWidget;
    auto* observedLayout = new QHBoxLayout(observedRow);
    observedLayout->setContentsMargins(0, 0, 0, 0);
    observedLayout->addWidget(observedEdit_);
    observedLayout->addWidget(new QLabel(offsetText(offsetMinutes_)));
    observedLayout->addStretch();

    unit_ = new QComboBox;
    unit_->setObjectName(QStringLiteral("unit"));
    unit_->addItem(tr("None"));
    unit_->setItemData(0,
                       tr("No unit chosen: when the defect is recorded it goes to the suggested "
                          "unit, or a new unit of the defect type's kind"),
                       Qt::ToolTipRole);
    for (const auto& u : units_)
        unit_->addItem(u.name, QVariant::fromValue<qint64>(u.id));
    connect(unit_, &QComboBox::activated, this, [this] { unitByHand_ = true; });

    inspector_ = new QLineEdit;
    inspector_->setObjectName(QStringLiteral("inspector"));
    inspector_->setPlaceholderText(tr("Who found it (recorded)"));

    auto* form = new QFormLayout;
    form->addRow(tr("Location:"), location_);
    form->addRow(QString(), attach_);
    form->addRow(tr("Description:"), description_);
    form->addRow(tr("Severity:"), severity_);
    form->addRow(tr("Observed:"), observedRow);
    form->addRow(tr("Photos:"), buildPhotos());
    form->addRow(tr("Responsible unit:"), unit_);
    form->addRow(tr("Card:"), buildCard());
    form->addRow(tr("Inspector:"), inspector_);
    auto* right = new QWidget;
    right->setLayout(form);

    auto* splitter = new QSplitter;
    splitter->addWidget(buildCodePicker());
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("message"));
    message_->setStyleSheet(QStringLiteral("color: #c0392b"));
    message_->setWordWrap(true);
    message_->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DefectForm::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DefectForm::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    resize(960, 660);

    refreshLocation();
    refreshObservedDefault();
    refreshUnits();
    refreshCard();
    refreshPhotoButtons();
}

DefectForm::~DefectForm() = default;

QWidget* DefectForm::buildCodePicker() {
    filter_ = new QLineEdit;
    filter_->setObjectName(QStringLiteral("codeFilter"));
    filter_->setPlaceholderText(tr("Filter: code, Chinese or English name"));
    filter_->setClearButtonEnabled(true);
    filter_->installEventFilter(this);
    connect(filter_, &QLineEdit::textChanged, this, &DefectForm::applyFilter);

    tree_ = new QTreeWidget;
    tree_->setObjectName(QStringLiteral("codeTree"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Defect type"), tr("English name")});
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setUniformRowHeights(true);
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    fillTree();
    connect(tree_, &QTreeWidget::itemSelectionChanged, this, [this] {
        const auto selected = tree_->selectedItems();
        if (!selected.isEmpty() && !selected.front()->data(0, kCodeRole).toString().isEmpty())
            codeChosen(selected.front()->data(0, kCodeRole).toString());
    });

    chosen_ = new QLabel;
    chosen_->setObjectName(QStringLiteral("chosenCode"));
    chosen_->setWordWrap(true);
    chosen_->setText(tr("No defect type chosen"));

    auto* w = new QWidget;
    auto* l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(filter_);
    l->addWidget(tree_, 1);
    l->addWidget(chosen_);
    return w;
}

QWidget* DefectForm::buildPhotos() {
    photoList_ = new QListWidget;
    photoList_->setObjectName(QStringLiteral("photos"));
    photoList_->setViewMode(QListView::IconMode);
    photoList_->setMovement(QListView::Static);
    photoList_->setResizeMode(QListView::Adjust);
    photoList_->setIconSize(QSize(96, 96));
    photoList_->setGridSize(QSize(150, 140));
    photoList_->setWordWrap(true);
    photoList_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    photoList_->setMinimumHeight(150);
    // Drops of files go to the form, which accepts them anywhere.
    photoList_->setDragEnabled(false);
    photoList_->setAcceptDrops(false);
    photoList_->viewport()->setAcceptDrops(false);
    connect(photoList_, &QListWidget::itemSelectionChanged, this, &DefectForm::refreshPhotoButtons);

    auto* add = new QPushButton(tr("Add photos..."));
    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Add photos"), QString(), tr("Photos (*.jpg *.jpeg *.png);;All files (*)"));
        if (!files.isEmpty())
            addPhotoFiles(files);
    });
    removePhoto_ = new QPushButton(tr("Remove"));
    connect(removePhoto_, &QPushButton::clicked, this, [this] {
        std::vector<int> rows;
        for (const QListWidgetItem* item : photoList_->selectedItems())
            rows.push_back(photoList_->row(item));
        std::sort(rows.rbegin(), rows.rend());
        for (int row : rows)
            removePhoto(row);
    });
    usePhotoLocation_ = new QPushButton(tr("Use photo location"));
    usePhotoLocation_->setObjectName(QStringLiteral("usePhotoLocation"));
    usePhotoLocation_->setToolTip(
        tr("Take the location from the photo's GPS (the selected photo, else the first with GPS)"));
    connect(usePhotoLocation_, &QPushButton::clicked, this, &DefectForm::usePhotoLocation);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(removePhoto_);
    buttons->addWidget(usePhotoLocation_);
    buttons->addStretch();
    auto* hint = new QLabel(tr("Drop image files onto the form to add them."));
    hint->setEnabled(false);

    auto* w = new QWidget;
    auto* l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(photoList_);
    l->addLayout(buttons);
    l->addWidget(hint);
    return w;
}

QWidget* DefectForm::buildCard() {
    cardColourLabel_ = new QLabel;
    cardColourLabel_->setObjectName(QStringLiteral("cardColour"));
    deadlineLabel_ = new QLabel;
    deadlineLabel_->setObjectName(QStringLiteral("deadline"));
    deadlineLabel_->setWordWrap(true);
    issueNow_ = new QCheckBox(tr("Issue the card now"));
    issueNow_->setObjectName(QStringLiteral("issueNow"));
    colour_ = new QComboBox;
    colour_->setObjectName(QStringLiteral("cardColourOverride"));
    colour_->addItem(tr("Colour of the defect type"), kNoColour);
    for (const auto c : {core::CardColour::White, core::CardColour::Yellow, core::CardColour::Red})
        colour_->addItem(colourName(c), static_cast<int>(c));
    colour_->setEnabled(false);
    connect(issueNow_, &QCheckBox::toggled, colour_, &QComboBox::setEnabled);
    connect(colour_, &QComboBox::currentIndexChanged, this, &DefectForm::refreshCard);

    auto* issueRow = new QHBoxLayout;
    issueRow->addWidget(issueNow_);
    issueRow->addWidget(colour_);
    issueRow->addStretch();
    auto* w = new QWidget;
    auto* l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(cardColourLabel_);
    l->addWidget(deadlineLabel_);
    l->addLayout(issueRow);
    return w;
}

void DefectForm::fillTree() {
    // Groups in the order their first code appears in the taxonomy (its own order).
    std::vector<std::pair<QString, QTreeWidgetItem*>> groups;
    for (const core::DefectType& t : campaign_.taxonomy().types()) {
        const QString category = core::defectCategory(t.code);
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return g.first == category; });
        if (it == groups.end()) {
            auto* group = new QTreeWidgetItem(tree_);
            group->setText(
                0, QStringLiteral("%1 (%2)").arg(core::defectCategoryChinese(category), category));
            group->setFlags(Qt::ItemIsEnabled);
            group->setFirstColumnSpanned(true);
            groups.emplace_back(category, group);
            it = groups.end() - 1;
        }
        auto* item = new QTreeWidgetItem(it->second);
        item->setText(0, QStringLiteral("%1 %2").arg(t.code, t.nameZh));
        item->setText(1, t.nameEn);
        item->setToolTip(0, t.nameEn);
        item->setToolTip(1, t.nameEn);
        item->setData(0, kCodeRole, t.code);
        item->setData(0, kFitsRole, true);
    }
}

QTreeWidgetItem* DefectForm::itemOf(const QString& code) const {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kCodeRole).toString().compare(code, Qt::CaseInsensitive) ==
                0)
                return group->child(i);
    }
    return nullptr;
}

void DefectForm::applyFilter(const QString& text) {
    const QString needle = text.trimmed();
    const auto& taxonomy = campaign_.taxonomy();
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        // A filter naming the category ("道路", "RD") shows the whole group.
        const bool groupMatches =
            !needle.isEmpty() && group->text(0).contains(needle, Qt::CaseInsensitive);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const core::DefectType* t = taxonomy.find(item->data(0, kCodeRole).toString());
            const bool show = needle.isEmpty() || groupMatches || (t && matches(*t, needle));
            item->setHidden(!show);
            shown += show ? 1 : 0;
        }
        group->setHidden(shown == 0);
        if (!needle.isEmpty())
            group->setExpanded(true);
    }
    if (needle.isEmpty()) {
        tree_->collapseAll();
        if (QTreeWidgetItem* current = itemOf(code_)) {
            current->parent()->setExpanded(true);
            tree_->scrollToItem(current);
        }
    }
}

void DefectForm::markAttachFit() {
    const bool judged =
        attachKind_ == core::AttachKind::Street || attachKind_ == core::AttachKind::Compound;
    const QString key = core::attachKindKey(attachKind_);
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    const QColor normal = palette().color(QPalette::Active, QPalette::Text);
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const core::DefectType* t =
                campaign_.taxonomy().find(item->data(0, kCodeRole).toString());
            if (!t)
                continue;
            const bool fits = !judged || t->attach.contains(key);
            item->setData(0, kFitsRole, fits);
            for (int c = 0; c < 2; ++c)
                item->setForeground(c, fits ? normal : grey);
            item->setToolTip(0, fits ? t->nameEn
                                     : tr("%1\nNot usually found on a %2")
                                           .arg(t->nameEn, attachKindName(attachKind_)));
        }
    }
}

void DefectForm::setLocation(core::Point lonLat, std::optional<core::Point> working,
                             core::AttachKind kind, const QString& attachId,
                             const QString& attachLabel, const QString& subdistrict) {
    lonLat_ = lonLat;
    working_ = working;
    attachKind_ = kind;
    attachId_ = kind == core::AttachKind::None ? QString() : attachId;
    attachLabel_ = kind == core::AttachKind::None ? QString() : attachLabel;
    subdistrict_ = subdistrict;
    refreshLocation();
    markAttachFit();
    refreshUnits();
}

void DefectForm::setCode(const QString& code) {
    selectCode(code);
}

void DefectForm::setDescription(const QString& text) {
    description_->setPlainText(text);
}

void DefectForm::setInspector(const QString& name) {
    inspector_->setText(name);
}

void DefectForm::setWorkingTransform(
    std::function<std::optional<core::Point>(core::Point lonLat)> toWorking) {
    toWorking_ = std::move(toWorking);
}

void DefectForm::selectCode(const QString& code) {
    QTreeWidgetItem* item = itemOf(code);
    if (!item)
        return;
    if (item->isHidden())
        filter_->clear();
    item->parent()->setExpanded(true);
    tree_->setCurrentItem(item);
    tree_->scrollToItem(item);
    codeChosen(item->data(0, kCodeRole).toString());
}

void DefectForm::codeChosen(const QString& code) {
    if (code == code_)
        return;
    code_ = code;
    const core::DefectType* t = campaign_.taxonomy().find(code_);
    if (!t)
        return;
    chosen_->setText(tr("Chosen: %1 %2").arg(t->code, t->nameZh));
    if (!severityByHand_)
        severity_->setCurrentIndex(severity_->findData(t->severity));
    refreshUnits();
    refreshCard();
    if (message_->isVisible() && problem().isEmpty())
        showMessage({});
}

void DefectForm::refreshUnits() {
    suggestedUnit_.reset();
    if (!code_.isEmpty()) {
        try {
            if (const auto u = campaign_.suggestUnit(code_, subdistrict_))
                suggestedUnit_ = u->id;
        } catch (const core::Error& e) {
            showMessage(e.message());
        }
    }
    for (int i = 1; i < unit_->count(); ++i) {
        const auto& u = units_[static_cast<std::size_t>(i - 1)];
        unit_->setItemText(i, suggestedUnit_ == u.id ? tr("%1 (suggested)").arg(u.name) : u.name);
    }
    if (unitByHand_)
        return;
    const int index =
        suggestedUnit_ ? unit_->findData(QVariant::fromValue<qint64>(*suggestedUnit_)) : 0;
    unit_->setCurrentIndex(std::max(index, 0));
}

void DefectForm::refreshCard() {
    deadline_ = {};
    const core::DefectType* t = campaign_.taxonomy().find(code_);
    if (!t) {
        cardColourLabel_->setText(tr("Choose a defect type to see its card."));
        deadlineLabel_->clear();
        return;
    }
    const core::CardColour c = shownCardColour();
    cardColourLabel_->setText(cardColour() ? colourName(c)
                                           : tr("%1 (from the defect type)").arg(colourName(c)));
    cardColourLabel_->setToolTip(
        cardColour() ? QString()
                     : tr("Red instead when the defect repeats one of the same type on the same "
                          "unit within %n day(s)",
                          nullptr, core::kRepeatWindowDays));
    try {
        deadline_ = campaign_.calendar().add(QDateTime::currentDateTimeUtc(),
                                             core::cardAllowance(campaign_.taxonomy(), *t, c));
        deadlineLabel_->setText(
            tr("Due %1 (%2) if issued now")
                .arg(core::localTimeText(deadline_, offsetMinutes_), offsetText(offsetMinutes_)));
    } catch (const core::Error& e) {
        deadlineLabel_->setText(e.message());
    }
}

void DefectForm::refreshLocation() {
    location_->setText(lonLat_ ? formatLonLat(*lonLat_) : tr("No location yet"));
    attach_->setText(attachText());
}

QString DefectForm::attachText() const {
    if (attachKind_ == core::AttachKind::None)
        return tr("Not attached");
    QString what = attachKindName(attachKind_);
    if (!attachLabel_.isEmpty())
        what += QLatin1Char(' ') + attachLabel_;
    return tr("Attached to: %1 (%2)").arg(what, attachId_);
}

QString DefectForm::cardText() const {
    return cardColourLabel_->text() + QLatin1Char('\n') + deadlineLabel_->text();
}

void DefectForm::refreshObservedDefault() {
    if (!observedByHand_) {
        auto first = std::find_if(photos_.begin(), photos_.end(),
                                  [](const Photo& p) { return p.input.exifTime.isValid(); });
        if (first != photos_.end())
            observed_ = first->input.exifTime.toUTC();
    }
    const QSignalBlocker block(observedEdit_);
    observedEdit_->setDateTime(observed_.toUTC().addSecs(offsetMinutes_ * 60));
}

void DefectForm::observedEdited() {
    observedByHand_ = true;
    observed_ = QDateTime(observedEdit_->date(), observedEdit_->time(), QTimeZone::utc())
                    .addSecs(-offsetMinutes_ * 60);
}

void DefectForm::refreshPhotoButtons() {
    removePhoto_->setEnabled(!photoList_->selectedItems().isEmpty());
    usePhotoLocation_->setEnabled(std::any_of(photos_.begin(), photos_.end(), [](const Photo& p) {
        return p.input.exifLonLat.has_value();
    }));
}

void DefectForm::showMessage(const QString& text) {
    lastMessage_ = text;
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

bool DefectForm::addPhotoFile(const QString& path) {
    const QFileInfo info(path);
    const QString name = info.fileName();
    QFile file(path);
    if (!info.isFile()) {
        showMessage(tr("%1 does not exist or is not a file.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2").arg(name, file.errorString()));
        return false;
    }
    Photo photo;
    photo.input.data = file.readAll();
    photo.input.originalName = name;
    core::ProcessedPhoto processed;
    try {
        processed = core::processPhoto(photo.input);
    } catch (const core::Error&) {
        showMessage(tr("%1 is not a JPEG or PNG image.").arg(name));
        return false;
    }
    photo.sha256 = processed.sha256;
    const auto same = std::find_if(photos_.begin(), photos_.end(),
                                   [&](const Photo& p) { return p.sha256 == photo.sha256; });
    if (same != photos_.end()) {
        showMessage(tr("%1 is already in the list (the same photo as %2).")
                        .arg(name, same->input.originalName));
        return false;
    }
    const gis::ExifInfo exif = gis::readExif(photo.input.data, offsetMinutes_);
    photo.input.exifTime = exif.time;
    photo.input.exifLonLat = exif.lonLat;

    const QString when = exif.time.isValid()
                             ? tr("Taken %1").arg(core::localTimeText(exif.time, offsetMinutes_))
                             : tr("No capture time");
    auto* item = new QListWidgetItem(name + QLatin1Char('\n') + when);
    QImage thumb;
    if (thumb.loadFromData(processed.thumbnail))
        item->setIcon(QIcon(QPixmap::fromImage(thumb)));
    QString tip = QDir::toNativeSeparators(info.absoluteFilePath()) + QLatin1Char('\n') + when;
    tip += QLatin1Char('\n') +
           (exif.lonLat ? tr("GPS %1").arg(formatLonLat(*exif.lonLat)) : tr("No GPS position"));
    item->setToolTip(tip);
    photoList_->addItem(item);
    photos_.push_back(std::move(photo));
    showMessage({});
    refreshObservedDefault();
    refreshPhotoButtons();
    return true;
}

int DefectForm::addPhotoFiles(const QStringList& paths) {
    QStringList refused;
    int added = 0;
    for (const QString& p : paths) {
        if (addPhotoFile(p))
            ++added;
        else
            refused << lastMessage_;
    }
    showMessage(refused.join(QLatin1Char('\n')));
    return added;
}

void DefectForm::removePhoto(int row) {
    if (row < 0 || row >= static_cast<int>(photos_.size()))
        return;
    delete photoList_->takeItem(row);
    photos_.erase(photos_.begin() + row);
    refreshObservedDefault();
    refreshPhotoButtons();
}

void DefectForm::usePhotoLocation() {
    const Photo* from = nullptr;
    const int row = photoList_->currentRow();
    if (photoList_->currentItem() && photoList_->currentItem()->isSelected() && row >= 0 &&
        photos_[static_cast<std::size_t>(row)].input.exifLonLat)
        from = &photos_[static_cast<std::size_t>(row)];
    for (std::size_t i = 0; !from && i < photos_.size(); ++i)
        if (photos_[i].input.exifLonLat)
            from = &photos_[i];
    if (!from)
        return;
    const core::Point ll = *from->input.exifLonLat;
    setLocation(ll, toWorking_ ? toWorking_(ll) : std::nullopt, core::AttachKind::None, {}, {},
                subdistrict_);
    emit locationFromPhoto(ll);
}

void DefectForm::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), [](const QUrl& u) { return u.isLocalFile(); }))
        event->acceptProposedAction();
}

void DefectForm::dropEvent(QDropEvent* event) {
    QStringList files;
    for (const QUrl& u : event->mimeData()->urls())
        if (u.isLocalFile())
            files << u.toLocalFile();
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    addPhotoFiles(files);
}

bool DefectForm::eventFilter(QObject* watched, QEvent* event) {
    // Enter in the filter picks the first match instead of pressing the form's default button.
    if (watched == filter_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
                QTreeWidgetItem* group = tree_->topLevelItem(g);
                for (int i = 0; !group->isHidden() && i < group->childCount(); ++i)
                    if (!group->child(i)->isHidden()) {
                        selectCode(group->child(i)->data(0, kCodeRole).toString());
                        return true;
                    }
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

int DefectForm::severity() const {
    return severity_->currentData().toInt();
}

bool DefectForm::issueCardNow() const {
    return issueNow_->isChecked();
}

std::optional<core::CardColour> DefectForm::cardColour() const {
    const int c = colour_->currentData().toInt();
    if (c == kNoColour)
        return std::nullopt;
    return static_cast<core::CardColour>(c);
}

core::CardColour DefectForm::shownCardColour() const {
    if (const auto c = cardColour())
        return *c;
    const core::DefectType* t = campaign_.taxonomy().find(code_);
    return t ? core::initialColour(*t, std::nullopt, false) : core::CardColour::White;
}

QString DefectForm::inspector() const {
    return inspector_->text().trimmed();
}

std::optional<std::int64_t> DefectForm::unitId() const {
    const QVariant v = unit_->currentData();
    if (!v.isValid())
        return std::nullopt;
    return v.value<qint64>();
}

core::NewDefect DefectForm::newDefect() const {
    core::NewDefect d;
    d.code = code_;
    d.description = description_->toPlainText().trimmed();
    d.lonLat = lonLat_;
    d.working = working_;
    d.attachKind = attachKind_;
    d.attachId = attachId_;
    d.inspector = inspector();
    d.observedAt = observed_;
    d.unitId = unitId();
    d.severity = severity();
    for (const Photo& p : photos_)
        d.photos.push_back(p.input);
    return d;
}

QString DefectForm::problem() const {
    if (!campaign_.taxonomy().find(code_))
        return tr("Choose a defect type.");
    if (inspector().isEmpty())
        return tr("Enter the inspector's name.");
    const bool photoGps = std::any_of(photos_.begin(), photos_.end(), [](const Photo& p) {
        return p.input.exifLonLat.has_value();
    });
    if (!lonLat_ && !photoGps)
        return tr("The defect has no location: click the map or add a photo with GPS.");
    return {};
}

void DefectForm::accept() {
    const QString why = problem();
    if (!why.isEmpty()) {
        showMessage(why);
        return;
    }
    showMessage({});
    QDialog::accept();
}

} // namespace app
