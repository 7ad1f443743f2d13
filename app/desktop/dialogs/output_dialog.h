#pragma once

#include "app/desktop/dialogs/output_jobs.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>
#include <QString>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace app {

/// The office's outputs (issue 7 item 6), as the CLI writes them: a map page (`map`), the
/// atlas (`atlas`), the unit report (`report`) or a data export (`export`), with the CLI's
/// options, an output path, and for maps and atlases a preview of the first page.
///
/// Everything slow runs on QtConcurrent workers that open their own read-only campaign from
/// `campaignPath`: reading the option choices when the dialog opens, the preview (debounced
/// ~300 ms after an option changes; a newer request drops older results), the export (progress
/// bar, Cancel through core::Feedback; the library writes atomically, so a cancel or a failure
/// leaves no file). Errors are shown in the dialog as the core::Error message. GUI thread.
class OutputDialog : public QDialog {
    Q_OBJECT
public:
    using Mode = output::Kind;
    using ExtentKind = output::ExtentKind;
    using DataWhat = output::DataWhat;

    /// `drawId`: the draw maps, atlases and draw exports use (empty: the latest);
    /// `currentView`: the canvas's view in the working CRS, offered as the map extent.
    OutputDialog(Mode mode, const QString& campaignPath, const QString& drawId,
                 std::optional<core::Box> currentView, QWidget* parent = nullptr);
    ~OutputDialog() override;

    Mode mode() const { return mode_; }
    /// True once the option choices (sub-districts, anchors, units) are read.
    bool isLoaded() const { return loaded_; }

    // Options (test hooks; the widgets follow). Map and atlas:
    void setPaper(core::PaperSize paper);
    void setLandscape(bool landscape);
    void setTitle(const QString& title);
    void setDefectStyle(core::DefectStyle style);
    // Map:
    /// `name`: the sub-district name or the anchor id; false when the campaign lacks it.
    bool setExtent(ExtentKind kind, const QString& name = {});
    void setGrid(bool grid);
    void setShowDraw(bool show);
    void setDpi(int dpi);
    // Atlas:
    void setAtlasBy(gis::AtlasBy by);
    // Report: a unit name, empty = all units; false when the campaign has no such unit.
    bool setReportUnit(const QString& unitName);
    // Data:
    void setDataWhat(DataWhat what);
    void setDataFormat(gis::ExportFormat format);
    /// "UTF-8" or "GBK".
    void setShapefileEncoding(const QString& encoding);
    void setIncludePhotos(bool photos);

    QString outputPath() const;
    void setOutputPath(const QString& path);

    /// Starts writing in the background; false (and the reason shown, failed() emitted) when
    /// busy, not loaded or the output path is unusable.
    bool startExport();
    /// Asks the running export to stop; it leaves no file.
    void cancelExport();
    bool isBusy() const { return exportWatcher_ != nullptr; }
    /// The export's progress, 0-100.
    int exportProgress() const;

    /// The last preview shown (null before the first), and its generation: the count of option
    /// changes it reflects. A preview whose options changed while it rendered is never shown.
    QImage previewImage() const { return previewImage_; }
    int previewGeneration() const { return previewShown_; }
    /// True while a preview is waiting for its debounce or rendering.
    bool isPreviewPending() const;
    /// True while a preview worker runs (a current or a stale one).
    bool isPreviewRendering() const { return previewRunning_ > 0; }
    /// The message in the dialog (the last error, or what was written).
    QString statusText() const;

    /// The choices read from the campaign (for tests and the main window).
    QStringList subdistrictNames() const;
    QStringList anchorIds() const;
    QStringList unitNames() const;

signals:
    void loaded();
    void written(const QString& path);
    void failed(const QString& message);
    void previewReady();

public slots:
    /// Close: also cancels a running export (it leaves no file).
    void reject() override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Job;
    void buildOptions(QFormLayout* form);
    void buildMapRows(QFormLayout* form);
    void buildPageRows(QFormLayout* form);
    void buildReportRows(QFormLayout* form);
    void buildDataRows(QFormLayout* form);
    void startLoad();
    void applyChoices();
    void optionsChanged();
    void schedulePreview();
    void startPreview();
    void showPreview();
    void finishExport();
    void chooseOutput();
    void syncFormatFromPath();
    void replaceSuffix(const QString& suffix);
    void updateEnabled();
    void showStatus(const QString& text, bool error);
    output::Request request() const;
    QString checkOutput() const;
    void selectData(QComboBox* combo, const QVariant& value);

    Mode mode_;
    QString campaignPath_;
    QString drawId_;
    std::optional<core::Box> currentView_;
    output::Choices choices_;
    bool loaded_ = false;

    // Option widgets; only the mode's are created.
    QComboBox* pageFormat_ = nullptr;
    QComboBox* paper_ = nullptr;
    QCheckBox* landscape_ = nullptr;
    QLineEdit* title_ = nullptr;
    QComboBox* extentKind_ = nullptr;
    QComboBox* extentName_ = nullptr;
    QComboBox* style_ = nullptr;
    QCheckBox* grid_ = nullptr;
    QCheckBox* showDraw_ = nullptr;
    QSpinBox* dpi_ = nullptr;
    QComboBox* atlasBy_ = nullptr;
    QComboBox* unit_ = nullptr;
    QComboBox* reportFormat_ = nullptr;
    QComboBox* what_ = nullptr;
    QComboBox* dataFormat_ = nullptr;
    QComboBox* encoding_ = nullptr;
    QCheckBox* photos_ = nullptr;
    QLineEdit* output_ = nullptr;

    QLabel* preview_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QPushButton* export_ = nullptr;

    QTimer* debounce_ = nullptr;
    QImage previewImage_;
    int previewRequested_ = 0;
    int previewShown_ = 0;
    int previewRunning_ = 0;

    QFutureWatcher<void>* loadWatcher_ = nullptr;
    QFutureWatcher<void>* exportWatcher_ = nullptr;
    std::shared_ptr<Job> loadJob_;
    std::shared_ptr<Job> exportJob_;
    std::shared_ptr<Job> previewJob_; ///< the newest preview
    std::vector<QFuture<void>> previewFutures_;
};

} // namespace app
