#pragma once

#include "core/model/layer_data.h"
#include "core/model/roles.h"
#include "core/routing/route_plan.h"
#include "core/util/feedback.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace app {

/// What a route needs, copied on the GUI thread and handed to the worker.
struct RouteInput {
    std::vector<core::LayerPtr> roads; ///< the district's layers (the graph takes the roads)
    core::RuleSet rules;               ///< the campaign's role rules
    core::LayerPtr streets;            ///< drawn_streets of the current draw
    core::LayerPtr compounds;          ///< drawn_compounds of the current draw
    core::RouteRequest request;
};

/// What a background route or export produced.
struct RouteOutcome {
    std::shared_ptr<const core::RoutePlan> plan;
    QString error;
    bool canceled = false;
};

/// Plans the inspectors' routes through the current draw in the background (road graph,
/// stops, core::planRoute) with progress and cancel, keeps the last plan, and exports it
/// (gis::exportRoute: .gpx, .kml, .geojson, .pdf) in the background too. GUI thread only.
class RouteController : public QObject {
    Q_OBJECT
public:
    explicit RouteController(QObject* parent = nullptr);
    ~RouteController() override;

    void compute(RouteInput input);
    void cancel();
    /// Forgets the plan (a new draw or campaign makes it stale).
    void clear();
    bool isBusy() const { return watcher_ != nullptr; }
    const std::shared_ptr<const core::RoutePlan>& plan() const { return plan_; }

    /// Writes the plan to `path` (format from the extension) in `crsAuthId`.
    void exportTo(const QString& path, const QString& crsAuthId, const QString& title);

signals:
    void progress(int percent, const QString& step);
    void planned();
    void exported(const QString& path);
    void failed(const QString& message);
    void canceled();
    void cleared();

private:
    void start(std::function<RouteOutcome(core::Feedback&)> work, bool isExport,
               const QString& path);
    void finish();

    std::shared_ptr<const core::RoutePlan> plan_;
    QFutureWatcher<RouteOutcome>* watcher_ = nullptr;
    std::shared_ptr<core::Feedback> feedback_;
    bool exporting_ = false;
    QString exportPath_;
};

} // namespace app
