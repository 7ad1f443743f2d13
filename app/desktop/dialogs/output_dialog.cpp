#include "app/desktop/dialogs/output_dialog.h"

#include "core/util/error.h"
#include "gis/layers/layer_loader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <cmath>

namespace app {

namespace {

constexpr int kPreviewDebounceMs = 300;
constexpr int kPreviewLongSidePx = 900;

QString suffixOf(const QString& path) {
    return QFileInfo(path).suffix().toLower();
}

} // namespace

/// One background task: its feedback (cancel, progress) and what it produced. The worker
/// writes the results; the GUI thread reads them once the future has finished.
struct OutputDialog::Job {
    std::shared_ptr<core::Feedback> feedback = std::make_shared<core::Feedback>();
    int generation = 0;
    output::Choices choices;
    QImage image;
    QStringList files;
    QString error;
    bool canceled = false;
    std::atomic<int> progress{0};

    // Runs `work` with the job's feedback, keeping the error message or the cancel.
    template <typename Work>
    void run(Work&& work) {
        try {
            work(*feedback);
        } catch (const core::OperationCanceled&) {
            canceled = true;
        } catch (const core::Error& e) {
            error = e.message();
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
    }
};

OutputDialog::OutputDialog(Mode mode, const QString& campaignPath, const QString& drawId,
                           std::optional<core::Box> currentView, QWidget* parent)
    : QDialog(parent), mode_(mode), campaignPath_(campaignPath), drawId_(drawId),
      currentView_(currentView) {
    gis::initGdal(); // the data export and the XLSX report use GDAL drivers on the worker
    setObjectName(QStringLiteral("outputDialog"));
    switch (mode_) {
    case Mode::Map:
        setWindowTitle(tr("Export map"));
        break;
    case Mode::Atlas:
        setWindowTitle(tr("Export atlas"));
        break;
    case Mode::Report:
        setWindowTitle(tr("Export report"));
        break;
    case Mode::Data:
        setWindowTitle(tr("Export data"));
        break;
    }

    auto* optionsBox = new QGroupBox(tr("Options"));
    auto* form = new QFormLayout(optionsBox);
    buildOptions(form);

    output_ = new QLineEdit;
    output_->setObjectName(QStringLiteral("outputPath"));
    auto* browse = new QPushButton(tr("Browse…"));
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(output_, 1);
    outputRow->addWidget(browse);
    form->addRow(tr("Output file:"), outputRow);
    connect(browse, &QPushButton::clicked, this, &OutputDialog::chooseOutput);
    connect(output_, &QLineEdit::textEdited, this, &OutputDialog::syncFormatFromPath);

    const QFileInfo campaign(campaignPath_);
    const QString base = QDir(campaign.absolutePath()).filePath(campaign.completeBaseName());
    switch (mode_) {
    case Mode::Map:
        output_->setText(base + QStringLiteral("-map.pdf"));
        break;
    case Mode::Atlas:
        output_->setText(base + QStringLiteral("-atlas.pdf"));
        break;
    case Mode::Report:
        output_->setText(base + QStringLiteral("-report.xlsx"));
        break;
    case Mode::Data:
        output_->setText(base + QStringLiteral("-defects.gpkg"));
        break;
    }

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("outputStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_ = new QProgressBar;
    progress_->setRange(0, 100);
    progress_->setValue(0);
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setObjectName(QStringLiteral("cancelExport"));
    cancel_->setEnabled(false);
    connect(cancel_, &QPushButton::clicked, this, &OutputDialog::cancelExport);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(progress_, 1);
    progressRow->addWidget(cancel_);

    auto* buttons = new QDialogButtonBox;
    export_ = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    export_->setObjectName(QStringLiteral("startExport"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(export_, &QPushButton::clicked, this, [this] { startExport(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &OutputDialog::reject);

    auto* left = new QVBoxLayout;
    left->addWidget(optionsBox);
    left->addWidget(status_);
    left->addLayout(progressRow);
    left->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addLayout(left, 1);
    if (mode_ == Mode::Map || mode_ == Mode::Atlas) {
        preview_ = new QLabel(tr("Preparing the preview…"));
        preview_->setObjectName(QStringLiteral("pagePreview"));
        preview_->setAlignment(Qt::AlignCenter);
        preview_->setMinimumSize(320, 320);
        // Ignored: the scaled pixmap follows the label's size instead of setting it.
        preview_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        preview_->setFrameShape(QFrame::StyledPanel);
        preview_->setToolTip(mode_ == Mode::Atlas ? tr("The atlas's first map page")
                                                  : tr("The page as it will be written"));
        top->addWidget(preview_, 1);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kPreviewDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &OutputDialog::startPreview);

    updateEnabled();
    startLoad();
}

OutputDialog::~OutputDialog() {
    // Workers never touch the dialog, but their progress posts to it and their futures must
    // end before the results they write are freed: cancel and wait.
    for (const auto& job : {loadJob_, exportJob_, previewJob_})
        if (job)
            job->feedback->cancel();
    if (loadWatcher_) {
        loadWatcher_->disconnect(this);
        loadWatcher_->waitForFinished();
    }
    if (exportWatcher_) {
        exportWatcher_->disconnect(this);
        exportWatcher_->waitForFinished();
    }
    for (QFuture<void>& f : previewFutures_)
        f.waitForFinished();
}

void OutputDialog::startLoad() {
    showStatus(tr("Reading the campaign…"), false);
    loadJob_ = std::make_shared<Job>();
    loadWatcher_ = new QFutureWatcher<void>(this);
    connect(loadWatcher_, &QFutureWatcher<void>::finished, this, [this] {
        loadWatcher_->deleteLater();
        loadWatcher_ = nullptr;
        const std::shared_ptr<Job> job = std::move(loadJob_);
        if (!job->error.isEmpty()) {
            showStatus(job->error, true);
            if (preview_)
                preview_->setText(tr("No preview"));
            emit failed(job->error);
            return;
        }
        choices_ = std::move(job->choices);
        loaded_ = true;
        showStatus(QString(), false);
        applyChoices();
        updateEnabled();
        emit loaded();
        schedulePreview();
    });
    loadWatcher_->setFuture(
        QtConcurrent::run([job = loadJob_, kind = mode_, path = campaignPath_, draw = drawId_] {
            job->run([&](core::Feedback& fb) {
                job->choices = output::loadChoices(kind, path, draw, fb);
            });
        }));
}

// Fills the combos whose entries come from the campaign.
void OutputDialog::updateEnabled() {
    const bool busy = isBusy();
    if (export_)
        export_->setEnabled(!busy && loaded_);
    if (cancel_)
        cancel_->setEnabled(busy);
    if (dpi_ && pageFormat_)
        dpi_->setEnabled(pageFormat_->currentData().toString() == QLatin1String("png"));
    if (what_) {
        const auto what = static_cast<DataWhat>(what_->currentData().toInt());
        photos_->setEnabled(what == DataWhat::Defects);
        encoding_->setEnabled(static_cast<gis::ExportFormat>(dataFormat_->currentData().toInt()) ==
                              gis::ExportFormat::Shapefile);
    }
}

void OutputDialog::optionsChanged() {
    schedulePreview();
}

void OutputDialog::schedulePreview() {
    if (!preview_ || !loaded_ || !choices_.map)
        return;
    // A preview of the old options is stale from now on, even if it ends before the debounce.
    ++previewRequested_;
    if (previewJob_)
        previewJob_->feedback->cancel();
    debounce_->start();
}

bool OutputDialog::isPreviewPending() const {
    return debounce_->isActive() || previewRunning_ > 0 || (preview_ && !loaded_);
}

void OutputDialog::startPreview() {
    if (!choices_.map)
        return;
    std::erase_if(previewFutures_, [](const QFuture<void>& f) { return f.isFinished(); });
    auto job = std::make_shared<Job>();
    job->generation = previewRequested_;
    previewJob_ = job;
    ++previewRunning_;
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        --previewRunning_;
        if (job->generation != previewRequested_ || job->canceled)
            return;
        if (!job->error.isEmpty()) {
            previewImage_ = QImage();
            preview_->setPixmap(QPixmap());
            preview_->setText(job->error);
            preview_->setWordWrap(true);
            return;
        }
        previewImage_ = job->image;
        previewShown_ = job->generation;
        showPreview();
        emit previewReady();
    });
    QFuture<void> future = QtConcurrent::run([job, data = choices_.map, req = request()] {
        job->run([&](core::Feedback& fb) {
            job->image = output::renderPreview(*data, req, kPreviewLongSidePx, fb);
        });
    });
    previewFutures_.push_back(future);
    watcher->setFuture(future);
}

void OutputDialog::showPreview() {
    if (!preview_ || previewImage_.isNull())
        return;
    const QSize box = preview_->contentsRect().size() - QSize(4, 4);
    if (box.width() < 16 || box.height() < 16)
        return;
    preview_->setPixmap(QPixmap::fromImage(
        previewImage_.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void OutputDialog::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    showPreview();
}

QString OutputDialog::checkOutput() const {
    const QString path = output_->text().trimmed();
    if (path.isEmpty())
        return tr("Choose the file to write.");
    if (QFileInfo(path).isDir())
        return tr("%1 is a folder; choose a file name.").arg(path);
    const QString suffix = suffixOf(path);
    switch (mode_) {
    case Mode::Map:
        if (suffix != QLatin1String("pdf") && suffix != QLatin1String("png") &&
            suffix != QLatin1String("svg"))
            return tr("%1: a map is written as .pdf, .png or .svg.").arg(path);
        break;
    case Mode::Atlas:
        if (suffix != QLatin1String("pdf"))
            return tr("%1: an atlas is a PDF; name it .pdf.").arg(path);
        break;
    case Mode::Report:
        if (suffix != QLatin1String("pdf") && suffix != QLatin1String("xlsx"))
            return tr("%1: a report is written as .xlsx or .pdf.").arg(path);
        break;
    case Mode::Data: {
        const auto what = static_cast<DataWhat>(what_->currentData().toInt());
        if (what == DataWhat::Draw && !choices_.hasDraw)
            return tr("The campaign holds no draw to export.");
        if (what == DataWhat::Route && !choices_.hasRoute)
            return tr("The campaign holds no route plan to export.");
        break;
    }
    }
    return {};
}

bool OutputDialog::startExport() {
    if (isBusy())
        return false;
    QString problem = loaded_ ? checkOutput() : tr("The campaign is still being read.");
    if (!problem.isEmpty()) {
        showStatus(problem, true);
        emit failed(problem);
        return false;
    }
    const auto job = std::make_shared<Job>();
    exportJob_ = job;
    // The dialog waits for this worker when destroyed, so `this` outlives every post; the job
    // owns the feedback, so the callback holds it by plain pointer.
    job->feedback =
        std::make_shared<core::Feedback>([this, raw = job.get()](double pct, const QString&) {
            const int percent = static_cast<int>(std::lround(pct));
            if (raw->progress.exchange(percent) == percent)
                return;
            QMetaObject::invokeMethod(
                this, [this, percent] { progress_->setValue(percent); }, Qt::QueuedConnection);
        });
    progress_->setValue(0);
    showStatus(tr("Writing %1…").arg(QDir::toNativeSeparators(output_->text().trimmed())), false);
    exportWatcher_ = new QFutureWatcher<void>(this);
    connect(exportWatcher_, &QFutureWatcher<void>::finished, this, &OutputDialog::finishExport);
    exportWatcher_->setFuture(QtConcurrent::run([job, req = request()] {
        job->run([&](core::Feedback& fb) { job->files = output::writeOutput(req, fb); });
    }));
    updateEnabled();
    return true;
}

void OutputDialog::cancelExport() {
    if (exportJob_)
        exportJob_->feedback->cancel();
}

int OutputDialog::exportProgress() const {
    return exportJob_ ? exportJob_->progress.load() : progress_->value();
}

void OutputDialog::finishExport() {
    exportWatcher_->deleteLater();
    exportWatcher_ = nullptr;
    const std::shared_ptr<Job> job = std::move(exportJob_);
    updateEnabled();
    if (job->canceled) {
        progress_->setValue(0);
        showStatus(tr("Export cancelled; no file was written."), false);
        return;
    }
    if (!job->error.isEmpty()) {
        progress_->setValue(0);
        showStatus(job->error, true);
        emit failed(job->error);
        return;
    }
    progress_->setValue(100);
    const QString path = QFileInfo(request().outputPath).absoluteFilePath();
    QStringList shown;
    for (const QString& f : job->files)
        shown << QDir::toNativeSeparators(f);
    showStatus(tr("Written: %1")
                   .arg(shown.isEmpty() ? QDir::toNativeSeparators(path)
                                        : shown.join(QStringLiteral("\n"))),
               false);
    emit written(path);
}

void OutputDialog::reject() {
    cancelExport();
    QDialog::reject();
}

void OutputDialog::chooseOutput() {
    QString filter;
    switch (mode_) {
    case Mode::Map:
        filter = tr("PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)");
        break;
    case Mode::Atlas:
        filter = tr("PDF (*.pdf)");
        break;
    case Mode::Report:
        filter = tr("XLSX workbook (*.xlsx);;PDF (*.pdf)");
        break;
    case Mode::Data:
        filter = tr("Data file (*.%1)")
                     .arg(gis::exportFormatExtension(
                         static_cast<gis::ExportFormat>(dataFormat_->currentData().toInt())));
        break;
    }
    const QString chosen =
        QFileDialog::getSaveFileName(this, windowTitle(), output_->text(), filter);
    if (chosen.isEmpty())
        return;
    setOutputPath(chosen);
}

void OutputDialog::setOutputPath(const QString& path) {
    output_->setText(path);
    syncFormatFromPath();
}

QString OutputDialog::outputPath() const {
    return output_->text().trimmed();
}

// A path typed with a known extension selects that format.
void OutputDialog::syncFormatFromPath() {
    const QString suffix = suffixOf(output_->text());
    const auto follow = [&](QComboBox* combo, const QVariant& value) {
        const int i = combo->findData(value);
        if (i >= 0) {
            const QSignalBlocker block(combo);
            combo->setCurrentIndex(i);
        }
    };
    if (pageFormat_)
        follow(pageFormat_, suffix);
    if (reportFormat_)
        follow(reportFormat_, suffix);
    if (dataFormat_)
        if (const auto f = gis::exportFormatFromKey(suffix))
            follow(dataFormat_, static_cast<int>(*f));
    updateEnabled();
}

void OutputDialog::replaceSuffix(const QString& suffix) {
    const QString path = output_->text().trimmed();
    if (path.isEmpty() || suffixOf(path) == suffix)
        return;
    const QFileInfo info(path);
    const QString base = info.suffix().isEmpty() ? info.fileName() : info.completeBaseName();
    output_->setText(QDir(info.path()).filePath(base + QLatin1Char('.') + suffix));
}

void OutputDialog::showStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

QString OutputDialog::statusText() const {
    return status_->text();
}

} // namespace app
