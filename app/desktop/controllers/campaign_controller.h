#pragma once

#include "core/render/defect_overlay.h"
#include "core/render/draw_overlay.h"
#include "core/render/map_renderer.h"
#include "core/sampling/draw_record.h"
#include "core/store/campaign.h"
#include "core/util/feedback.h"
#include "gis/analysis/draw_session.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace app {

/// What a background draw produced; built on the worker, applied on the GUI thread.
struct DrawOutcome {
    std::optional<gis::DrawRun> run;
    std::vector<core::LayerPtr> layers; ///< gis::drawLayers(run), made on the worker too
    QString error;                      ///< the library's message; empty on success
    bool canceled = false;
};

/// Owns the open campaign (one core::Campaign connection, GUI thread only): its name and
/// working CRS, its defects as map marks, its current draw (record and layers), and the
/// draws made from the desktop. A new draw runs gis::performDraw in the background
/// (QtConcurrent) with progress and cancel; the worker opens the campaign file through GDAL
/// only, and the draw is recorded here, on the GUI thread, when it finished.
class CampaignController : public QObject {
    Q_OBJECT
public:
    explicit CampaignController(QObject* parent = nullptr);
    /// Cancels a running draw and waits for its worker to stop.
    ~CampaignController() override;

    /// Opens a campaign file, escalates its overdue cards (as `actor`) and reads its defects
    /// and current draw. Emits opened() or openFailed(); returns success.
    bool open(const QString& path, const QString& actor);
    /// Forgets the open campaign (cancels a running draw first).
    void close();
    bool isOpen() const { return campaign_.has_value(); }

    QString path() const { return path_; }
    QString name() const { return name_; }
    /// The campaign's working CRS ("EPSG:4547").
    QString crsAuthId() const { return crs_.authId; }
    int escalatedOnOpen() const { return escalated_; }

    /// The open campaign (GUI thread only), or null.
    core::Campaign* campaign() { return campaign_ ? &*campaign_ : nullptr; }
    const std::vector<core::DefectMark>& defectMarks() const { return *marks_; }
    /// Re-reads the defects after a change (recorded, withdrawn, a card step) and emits
    /// defectsChanged(); the draw stays.
    void refreshDefects();
    /// Marks these defects as selected on the map (highlighted, never clustered).
    void setSelectedDefects(const QList<qint64>& ids);
    const QList<qint64>& selectedDefects() const { return selected_; }
    /// The defect overlay alone (for refreshing it without the draw overlays).
    core::MapOverlay defectOverlay() const;
    /// The open defect nearest `p` (working CRS) within `tolerance`, or 0.
    qint64 defectNear(core::Point p, double tolerance) const;
    /// The current draw (the latest not superseded), if the campaign has one.
    const std::optional<core::DrawRecord>& currentDraw() const { return draw_; }
    const core::DrawLayers& drawLayers() const { return drawLayers_; }
    /// The campaign's role rules (the defaults when it has none or they cannot be read).
    core::RuleSet rules();
    /// Every stored draw, oldest first (read from the file).
    std::vector<core::DrawRecord> draws();

    /// Overlays for the canvas: draw rings, drawn streets and compounds, defects.
    std::vector<core::MapOverlay> overlays() const;
    /// Ids of every overlay overlays() may return (to remove them).
    static QStringList overlayIds();

    /// Starts a draw on the campaign's imported layers in its working CRS. `request`'s
    /// datasets and working CRS are filled in here. Ignored while a draw runs.
    void startDraw(gis::DrawRequest request, const QString& actor);
    void cancelDraw();
    bool isDrawing() const { return watcher_ != nullptr; }

signals:
    void opened();
    void openFailed(const QString& message);
    void closed();
    /// The current draw or the defects changed: overlays and the draw panel need refreshing.
    void contentChanged();
    /// Only the defects (or their selection) changed: the defect overlay needs refreshing.
    void defectsChanged();
    void drawStarted();
    void drawProgress(int percent, const QString& step);
    /// A draw was recorded in the campaign (it is now the current draw).
    void drawRecorded(const QString& drawId, std::uint64_t seed);
    void drawCanceled();
    void drawFailed(const QString& message);

private:
    void finishDraw();
    void readContent();
    void readMarks();
    void setDraw(const core::DrawRecord& record, const std::vector<core::LayerPtr>& layers);

    std::optional<core::Campaign> campaign_;
    QString path_;
    QString name_;
    core::CampaignCrs crs_;
    int escalated_ = 0;
    std::shared_ptr<const std::vector<core::DefectMark>> marks_;
    QList<qint64> selected_;
    std::optional<core::DrawRecord> draw_;
    core::DrawLayers drawLayers_;

    QFutureWatcher<DrawOutcome>* watcher_ = nullptr;
    std::shared_ptr<core::Feedback> feedback_;
    QString drawActor_;
};

} // namespace app
