#pragma once

#include "core/model/roles.h"
#include "core/render/map_renderer.h"
#include "core/util/feedback.h"
#include "gis/proj/crs.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace app {

/// One layer of the open district as the desktop shows it.
struct DistrictLayer {
    core::ClassifiedLayer layer;
    std::shared_ptr<const std::vector<QString>> labels; ///< per feature, from the role rules
    std::shared_ptr<const core::LineOverview> overview; ///< line layers: drawn when far out
    bool visible = true;
};

/// A file left unloaded because a layer of it has no coordinate reference system: the user
/// declares one (DistrictController::declareCrs) and opens it again.
struct CrsQuestion {
    QString path;
    QString layer;
    std::vector<gis::CrsGuess> guesses; ///< plausible CRSs, best first (may be empty)
};

/// What a background load produced; built on the worker, applied on the GUI thread.
struct LoadOutcome {
    std::vector<DistrictLayer> layers;
    std::vector<CrsQuestion> crsQuestions;
    QStringList warnings;
    std::optional<gis::Crs> workingCrs; ///< set when this load chose the working CRS
    QString error;                      ///< translated-ready loader message; empty on success
    bool canceled = false;
};

/// Owns the loaded district: its layers (immutable snapshots), their visibility, the working
/// CRS and the warnings collected while loading. Loads files in the background (QtConcurrent)
/// with progress and cancel; the first load chooses the working CRS from the data, later
/// loads are reprojected into it.
///
/// GUI thread only. Workers receive copies of what they need and never touch this object.
class DistrictController : public QObject {
    Q_OBJECT
public:
    explicit DistrictController(QObject* parent = nullptr);
    /// Cancels a running load and waits for its worker to stop.
    ~DistrictController() override;

    /// Loads `paths` in the background; requests made while a load runs are queued.
    void open(const QStringList& paths);
    /// Removes every layer, then loads `paths` in the background in the given working CRS
    /// (a campaign's layers are stored in its working CRS).
    void openIn(const QStringList& paths, const gis::Crs& workingCrs);
    /// The CRS ("EPSG:4490", "GCJ02", WKT...) to read every layer of `path` in from now on,
    /// for files that declare none; open() the file again to load it.
    void declareCrs(const QString& path, const QString& crs);
    /// Cancels the running load and drops queued ones.
    void cancel();
    /// Removes every layer and forgets the working CRS.
    void clear();
    bool isLoading() const { return watcher_ != nullptr; }

    const std::vector<DistrictLayer>& layers() const { return layers_; }
    void setLayerVisible(std::size_t index, bool visible);
    /// What the map canvas renders: shared layer data, visibility, labels.
    std::vector<core::RenderLayer> renderLayers() const;
    /// Union of all layers' extents in the working CRS.
    core::Box extent() const;
    bool hasWorkingCrs() const { return workingCrs_.has_value(); }
    const gis::Crs& workingCrs() const { return *workingCrs_; }
    /// Longitude/latitude (CGCS2000/WGS84 degrees) of a working-CRS point, when known.
    std::optional<core::Point> toLonLat(core::Point working) const;
    /// The working-CRS point of a WGS84 lon/lat (a photo's GPS), or nullopt.
    std::optional<core::Point> fromLonLat(core::Point lonLat) const;
    const QStringList& warnings() const { return warnings_; }

signals:
    void loadStarted(const QStringList& paths);
    void loadProgress(int percent, const QString& step);
    /// A load ended with `added` new layers (possibly 0).
    void loadFinished(int added);
    void loadCanceled();
    /// A load failed; `message` is the loader's message naming the file.
    void loadFailed(const QString& message);
    /// A file was not loaded because `question.layer` has no CRS and none was declared.
    void crsNeeded(const app::CrsQuestion& question);
    void warningsAdded(const QStringList& warnings);
    void layersChanged();
    void layerVisibilityChanged(int index, bool visible);
    void workingCrsChanged();

private:
    void startNext();
    void finishLoad();
    void applyOutcome(LoadOutcome outcome);

    std::vector<DistrictLayer> layers_;
    std::optional<gis::Crs> workingCrs_;
    std::unique_ptr<gis::CoordinateTransform> toLonLat_;
    std::unique_ptr<gis::CoordinateTransform> fromLonLat_;
    QStringList warnings_;
    QHash<QString, QString> declaredCrs_; ///< absolute path -> CRS the user declared
    QList<QStringList> queue_;
    QFutureWatcher<LoadOutcome>* watcher_ = nullptr;
    std::shared_ptr<core::Feedback> feedback_;
};

} // namespace app
