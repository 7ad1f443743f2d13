#pragma once

#include "core/model/layer_data.h"
#include "core/model/roles.h"
#include "core/routing/road_graph.h"
#include "core/routing/route_plan.h"
#include "core/routing/router.h"
#include "core/util/feedback.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace app {

/// What a route needs, copied on the GUI thread and handed to the worker.
struct RouteInput {
    /// The district's layers: the graph takes the roads, and the PDF route sheet's base map
    /// shows them all classified by `rules` (as the CLI's sheet shows the campaign's layers).
    std::vector<core::LayerPtr> roads;
    core::RuleSet rules;      ///< the campaign's role rules
    core::LayerPtr streets;   ///< drawn_streets of the current draw
    core::LayerPtr compounds; ///< drawn_compounds of the current draw
    core::RouteRequest request;
};

/// What a background route or export produced.
struct RouteOutcome {
    std::shared_ptr<const core::RoutePlan> plan;
    QString error;
    bool canceled = false;
    /// The graph the plan was made on and a router over it, kept for re-tracing the legs when
    /// a stop is moved by hand (the router moves to the GUI thread with the outcome).
    std::shared_ptr<const core::RoadGraph> graph;
    std::shared_ptr<core::Router> router;
};

/// Plans the inspectors' routes through the current draw in the background (road graph,
/// stops, core::planRoute) with progress and cancel, keeps the last plan with its road graph,
/// re-traces a team's legs when a stop is moved by hand (reorder), and exports the plan
/// (gis::exportRoute: .gpx, .kml, .geojson, .pdf with the district as base map) in the
/// background too. GUI thread only.
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

    /// Visits `team`'s stops in `order` (a permutation of the team's stops, the start staying
    /// first): re-traces the changed legs with the router of the last compute on this thread
    /// (a few A* queries, core::reorderTeam), replaces the plan and emits planned(). Returns
    /// false (and emits failed() for an order that cannot be routed) when nothing changed: no
    /// plan, busy, or the same order. Connected to RoutePanel::stopOrderChanged.
    bool reorder(int team, const std::vector<int>& order);

    /// Writes the plan to `path` (format from the extension) in `crsAuthId`. A PDF route sheet
    /// gets the district's layers under the route, as the CLI's does.
    void exportTo(const QString& path, const QString& crsAuthId, const QString& title);
    /// The route sheet's subtitle (the CLI prints the campaign's name there); empty by default.
    void setSheetSubtitle(const QString& subtitle) { sheetSubtitle_ = subtitle; }

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
    std::shared_ptr<const core::RoadGraph> graph_;
    std::shared_ptr<core::Router> router_;
    core::RouteRequest request_;
    std::vector<core::LayerPtr> layers_; ///< of the last compute, for the sheet's base map
    core::RuleSet rules_;
    QString sheetSubtitle_;
    QFutureWatcher<RouteOutcome>* watcher_ = nullptr;
    std::shared_ptr<core::Feedback> feedback_;
    bool exporting_ = false;
    QString exportPath_;
};

} // namespace app
