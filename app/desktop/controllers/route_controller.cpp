#include "app/desktop/controllers/route_controller.h"

#include "core/render/map_renderer.h"
#include "core/routing/road_network.h"
#include "core/routing/stop_places.h"
#include "core/util/error.h"
#include "gis/io/route_export.h"
#include "gis/proj/crs.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <cmath>

namespace app {

namespace {

void addStops(const core::LayerPtr& layer, core::StopKind kind, const core::RoadGraph& graph,
              std::vector<core::Stop>& stops) {
    if (!layer)
        return;
    const int nameField = layer->fieldIndex(QStringLiteral("name"));
    const int anchorField = layer->fieldIndex(QStringLiteral("anchor_id"));
    for (std::size_t f = 0; f < layer->features.size(); ++f) {
        const QString id = QStringLiteral("%1:%2#%3")
                               .arg(layer->name, layer->text(f, anchorField))
                               .arg(layer->features[f].fid);
        stops.push_back(core::stopFromGeometry(layer->features[f].geometry, kind, id,
                                               layer->text(f, nameField), graph));
    }
}

RouteOutcome planRoute(const RouteInput& in, core::Feedback& fb) {
    core::Feedback graphFb(fb, 0, 40);
    auto shared = std::make_shared<const core::RoadGraph>(
        core::buildRoadGraph(in.roads, in.rules, {}, graphFb));
    const core::RoadGraph& graph = *shared;
    if (graph.edgeCount() == 0) {
        RouteOutcome out;
        out.error = QCoreApplication::translate("app::RouteController",
                                                "The campaign has no roads to route on.");
        return out;
    }
    std::vector<core::Stop> stops;
    addStops(in.streets, core::StopKind::Street, graph, stops);
    addStops(in.compounds, core::StopKind::Compound, graph, stops);
    fb.throwIfCanceled();
    if (stops.empty()) {
        RouteOutcome out;
        out.error = QCoreApplication::translate(
            "app::RouteController", "The current draw has no drawn streets or compounds to visit.");
        return out;
    }
    core::Feedback planFb(fb, 40, 100);
    RouteOutcome out;
    out.plan =
        std::make_shared<const core::RoutePlan>(core::planRoute(graph, stops, in.request, planFb));
    out.router = std::make_shared<core::Router>(graph, in.request.profile);
    out.graph = std::move(shared);
    return out;
}

// The route sheet's base map: every district layer classified by the campaign's rules, as
// gis::loadCampaignMap gives the CLI's sheet. Runs on the worker (classifying is not free).
gis::RouteSheetOptions sheetOptions(const std::vector<core::LayerPtr>& layers,
                                    const core::RuleSet& rules, const QString& subtitle) {
    gis::RouteSheetOptions sheet;
    sheet.subtitle = subtitle;
    for (const core::LayerPtr& layer : layers) {
        if (!layer)
            continue;
        if (layer->source.driver.compare(QLatin1String("OSM"), Qt::CaseInsensitive) == 0)
            sheet.usesOsm = true;
        sheet.baseLayers.push_back(core::classifiedRenderLayer(layer, rules));
    }
    return sheet;
}

} // namespace

RouteController::RouteController(QObject* parent) : QObject(parent) {}

RouteController::~RouteController() {
    if (watcher_) {
        feedback_->cancel();
        watcher_->disconnect(this);
        watcher_->waitForFinished();
    }
}

void RouteController::compute(RouteInput input) {
    if (watcher_)
        return;
    layers_ = input.roads;
    rules_ = input.rules;
    request_ = input.request;
    start([in = std::move(input)](core::Feedback& fb) { return planRoute(in, fb); }, false, {});
}

bool RouteController::reorder(int team, const std::vector<int>& order) {
    if (watcher_ || !plan_ || !router_ || team < 0 ||
        team >= static_cast<int>(plan_->teams.size()) ||
        plan_->teams[static_cast<std::size_t>(team)].stops == order)
        return false;
    try {
        plan_ = std::make_shared<const core::RoutePlan>(
            core::reorderTeam(*plan_, team, order, *router_, request_));
    } catch (const core::Error& e) {
        emit failed(e.message());
        return false;
    }
    emit planned();
    return true;
}

void RouteController::exportTo(const QString& path, const QString& crsAuthId,
                               const QString& title) {
    if (watcher_ || !plan_)
        return;
    const bool sheet = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    start(
        [plan = plan_, path, crsAuthId, title, layers = sheet ? layers_ : decltype(layers_){},
         rules = rules_, subtitle = sheetSubtitle_](core::Feedback& fb) {
            gis::exportRoute(path, *plan, gis::Crs::fromUserInput(crsAuthId), title, fb,
                             sheetOptions(layers, rules, subtitle));
            return RouteOutcome{plan, {}, false, {}, {}};
        },
        true, path);
}

void RouteController::start(std::function<RouteOutcome(core::Feedback&)> work, bool isExport,
                            const QString& path) {
    exporting_ = isExport;
    exportPath_ = path;
    auto last = std::make_shared<std::atomic<int>>(-1);
    // The destructor waits for the worker, so `this` is alive whenever the callback posts.
    feedback_ = std::make_shared<core::Feedback>([this, last](double pct, const QString& step) {
        const int percent = static_cast<int>(std::lround(pct));
        if (last->exchange(percent) == percent)
            return;
        QMetaObject::invokeMethod(
            this, [this, percent, step] { emit progress(percent, step); }, Qt::QueuedConnection);
    });
    watcher_ = new QFutureWatcher<RouteOutcome>(this);
    connect(watcher_, &QFutureWatcher<RouteOutcome>::finished, this, &RouteController::finish);
    watcher_->setFuture(QtConcurrent::run([work = std::move(work), fb = feedback_]() {
        try {
            return work(*fb);
        } catch (const core::OperationCanceled&) {
            return RouteOutcome{nullptr, {}, true, {}, {}};
        } catch (const core::Error& e) {
            return RouteOutcome{nullptr, e.message(), false, {}, {}};
        } catch (const std::exception& e) {
            return RouteOutcome{nullptr, QString::fromUtf8(e.what()), false, {}, {}};
        }
    }));
}

void RouteController::cancel() {
    if (feedback_)
        feedback_->cancel();
}

void RouteController::clear() {
    cancel();
    plan_.reset();
    router_.reset();
    graph_.reset();
    emit cleared();
}

void RouteController::finish() {
    RouteOutcome outcome = watcher_->result();
    watcher_->deleteLater();
    watcher_ = nullptr;
    feedback_.reset();
    if (outcome.canceled) {
        emit canceled();
        return;
    }
    if (!outcome.error.isEmpty()) {
        emit failed(outcome.error);
        return;
    }
    if (exporting_) {
        emit exported(exportPath_);
        return;
    }
    plan_ = std::move(outcome.plan);
    router_ = std::move(outcome.router);
    graph_ = std::move(outcome.graph);
    emit planned();
}

} // namespace app
