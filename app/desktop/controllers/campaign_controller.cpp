#include "app/desktop/controllers/campaign_controller.h"

#include "core/util/error.h"
#include "gis/layers/layer_loader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <cmath>

namespace app {

namespace {

DrawOutcome runDraw(const gis::DrawRequest& request, core::Feedback& feedback) {
    DrawOutcome out;
    try {
        gis::DrawRun run = gis::performDraw(request, feedback);
        feedback.throwIfCanceled();
        out.layers = gis::drawLayers(run);
        out.run = std::move(run);
    } catch (const core::OperationCanceled&) {
        out = DrawOutcome{};
        out.canceled = true;
    } catch (const core::Error& e) {
        out.error = e.message();
    } catch (const std::exception& e) {
        out.error = QCoreApplication::translate("app::CampaignController",
                                                "Unexpected failure while drawing: %1")
                        .arg(QString::fromUtf8(e.what()));
    }
    return out;
}

core::LayerPtr indexed(core::LayerData layer) {
    layer.buildIndex();
    return std::make_shared<const core::LayerData>(std::move(layer));
}

} // namespace

CampaignController::CampaignController(QObject* parent)
    : QObject(parent), marks_(std::make_shared<const std::vector<core::DefectMark>>()) {
    gis::initGdal();
}

CampaignController::~CampaignController() {
    if (watcher_) {
        feedback_->cancel();
        watcher_->disconnect(this);
        watcher_->waitForFinished();
    }
}

bool CampaignController::open(const QString& path, const QString& actor) {
    close();
    try {
        core::Campaign c = core::Campaign::open(path);
        escalated_ = static_cast<int>(c.escalateOverdue(actor).size());
        name_ = c.name();
        crs_ = c.workingCrs();
        campaign_ = std::move(c);
        path_ = QFileInfo(path).absoluteFilePath();
        readContent();
    } catch (const core::Error& e) {
        campaign_.reset();
        emit openFailed(e.message());
        return false;
    } catch (const std::exception& e) {
        campaign_.reset();
        emit openFailed(
            tr("Unexpected failure while opening %1: %2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
    emit opened();
    emit contentChanged();
    return true;
}

void CampaignController::close() {
    if (!campaign_)
        return;
    cancelDraw();
    if (watcher_) {
        watcher_->disconnect(this);
        watcher_->waitForFinished();
        watcher_->deleteLater();
        watcher_ = nullptr;
        feedback_.reset();
    }
    campaign_.reset();
    path_.clear();
    name_.clear();
    crs_ = {};
    escalated_ = 0;
    marks_ = std::make_shared<const std::vector<core::DefectMark>>();
    selected_.clear();
    draw_.reset();
    drawLayers_ = {};
    emit closed();
    emit contentChanged();
}

core::RuleSet CampaignController::rules() {
    if (campaign_) {
        try {
            const QByteArray json = campaign_->rulesJson();
            if (!json.isEmpty())
                return core::RuleSet::fromJson(json, path_);
        } catch (const core::Error&) {
            // An unreadable copy falls back to the defaults, as the loader does.
        }
    }
    return core::RuleSet::defaults();
}

std::vector<core::DrawRecord> CampaignController::draws() {
    return campaign_ ? campaign_->draws() : std::vector<core::DrawRecord>{};
}

void CampaignController::readMarks() {
    auto marks = std::make_shared<std::vector<core::DefectMark>>();
    for (const core::Defect& d : campaign_->defects())
        if (auto m = core::defectMark(d)) {
            m->selected = selected_.contains(m->id);
            marks->push_back(*m);
        }
    marks_ = std::move(marks);
}

void CampaignController::refreshDefects() {
    if (!campaign_)
        return;
    try {
        readMarks();
    } catch (const core::Error& e) {
        emit openFailed(e.message());
        return;
    }
    emit defectsChanged();
}

void CampaignController::setSelectedDefects(const QList<qint64>& ids) {
    if (ids == selected_)
        return;
    selected_ = ids;
    auto marks = std::make_shared<std::vector<core::DefectMark>>(*marks_);
    for (core::DefectMark& m : *marks)
        m.selected = selected_.contains(m.id);
    marks_ = std::move(marks);
    emit defectsChanged();
}

core::MapOverlay CampaignController::defectOverlay() const {
    return core::defectOverlay(marks_, core::DefectStyle::Card, 14, /*declutter=*/true);
}

qint64 CampaignController::defectNear(core::Point p, double tolerance) const {
    qint64 best = 0;
    double bestD = tolerance;
    for (const core::DefectMark& m : *marks_) {
        const double d = std::hypot(m.at.x - p.x, m.at.y - p.y);
        if (d <= bestD) {
            bestD = d;
            best = m.id;
        }
    }
    return best;
}

void CampaignController::readContent() {
    readMarks();
    draw_.reset();
    drawLayers_ = {};
    if (campaign_->draws().empty())
        return;
    const core::DrawRecord record = campaign_->requireDraw();
    std::vector<core::LayerPtr> layers;
    for (const char* name : {"anchors", "rings", "drawn_streets", "drawn_compounds"}) {
        core::LayerData l = campaign_->readDrawLayer(QLatin1String(name), record.drawId);
        l.name = QLatin1String(name);
        layers.push_back(indexed(std::move(l)));
    }
    setDraw(record, layers);
}

void CampaignController::setDraw(const core::DrawRecord& record,
                                 const std::vector<core::LayerPtr>& layers) {
    draw_ = record;
    drawLayers_ = {};
    for (const core::LayerPtr& l : layers) {
        if (l->name == QLatin1String("anchors"))
            drawLayers_.anchors = l;
        else if (l->name == QLatin1String("rings"))
            drawLayers_.rings = l;
        else if (l->name == QLatin1String("drawn_streets"))
            drawLayers_.streets = l;
        else if (l->name == QLatin1String("drawn_compounds"))
            drawLayers_.compounds = l;
    }
}

std::vector<core::MapOverlay> CampaignController::overlays() const {
    std::vector<core::MapOverlay> out;
    if (!campaign_)
        return out;
    if (draw_)
        out = core::drawOverlays(drawLayers_);
    if (!marks_->empty())
        out.push_back(defectOverlay());
    return out;
}

QStringList CampaignController::overlayIds() {
    return {QStringLiteral("draw-rings"), QStringLiteral("draw-units"), QStringLiteral("defects")};
}

void CampaignController::startDraw(gis::DrawRequest request, const QString& actor) {
    if (!campaign_ || watcher_)
        return;
    request.datasets = QStringList{path_};
    request.workingCrs = crs_.authId;
    drawActor_ = actor;
    auto last = std::make_shared<std::atomic<int>>(-1);
    // The callback runs on the worker; the destructor waits for the worker, so `this` is
    // alive whenever it posts.
    feedback_ = std::make_shared<core::Feedback>([this, last](double pct, const QString& step) {
        const int percent = static_cast<int>(std::lround(pct));
        if (last->exchange(percent) == percent)
            return;
        QMetaObject::invokeMethod(
            this, [this, percent, step] { emit drawProgress(percent, step); },
            Qt::QueuedConnection);
    });
    watcher_ = new QFutureWatcher<DrawOutcome>(this);
    connect(watcher_, &QFutureWatcher<DrawOutcome>::finished, this,
            &CampaignController::finishDraw);
    emit drawStarted();
    watcher_->setFuture(
        QtConcurrent::run([request, fb = feedback_]() { return runDraw(request, *fb); }));
}

void CampaignController::cancelDraw() {
    if (feedback_)
        feedback_->cancel();
}

void CampaignController::finishDraw() {
    DrawOutcome outcome = watcher_->result();
    watcher_->deleteLater();
    watcher_ = nullptr;
    feedback_.reset();
    if (outcome.canceled || !campaign_) {
        emit drawCanceled();
        return;
    }
    if (!outcome.error.isEmpty()) {
        emit drawFailed(outcome.error);
        return;
    }
    try {
        campaign_->recordDraw(outcome.run->record, outcome.layers, drawActor_);
    } catch (const core::Error& e) {
        emit drawFailed(e.message());
        return;
    }
    // Read the draw back from the file: defects attach to the stored features' ids.
    try {
        readContent();
    } catch (const core::Error& e) {
        setDraw(outcome.run->record, outcome.layers);
        emit drawFailed(e.message());
        return;
    }
    emit drawRecorded(outcome.run->record.drawId, outcome.run->record.seed);
    emit contentChanged();
}

} // namespace app
