#include "app/desktop/controllers/district_controller.h"

#include "core/util/error.h"
#include "gis/layers/layer_loader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <cmath>

namespace app {

namespace {

// Progress of a multi-file load: the loader reports 0-100 per file, the user sees one bar.
struct ProgressState {
    std::atomic<int> file{0};
    int files = 1;
    std::atomic<int> lastPercent{-1};
};

QString uniqueName(const QString& wanted, QStringList& taken) {
    const QString base =
        wanted.isEmpty() ? QCoreApplication::translate("app::DistrictController", "layer") : wanted;
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    taken << name;
    return name;
}

QString absolute(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

// The question to ask when a layer of `infos` has no CRS, if one has none.
std::optional<CrsQuestion> crsQuestion(const QString& path,
                                       const std::vector<gis::LayerInfo>& infos) {
    for (const gis::LayerInfo& info : infos)
        if (info.crsMissing)
            return CrsQuestion{path, info.source.layerName, info.crsGuesses};
    return std::nullopt;
}

LoadOutcome loadFiles(const QStringList& paths, std::optional<gis::Crs> working,
                      QStringList takenNames, const QHash<QString, QString>& declaredCrs,
                      core::Feedback& fb, ProgressState& progress) {
    LoadOutcome out;
    QStringList errors;
    const auto optionsFor = [&](const QString& path) {
        gis::OpenOptions options;
        options.crs = declaredCrs.value(absolute(path));
        return options;
    };
    try {
        // Each file is read once: its layer descriptions answer whether the user must declare
        // a CRS and choose the working CRS, and the same read is then reprojected and indexed.
        struct Source {
            int index;
            QString path;
            gis::SourceDataset data;
        };
        std::vector<Source> sources;
        std::vector<gis::LayerInfo> infos;
        progress.files = static_cast<int>(paths.size());
        for (int i = 0; i < paths.size(); ++i) {
            progress.file = i;
            fb.throwIfCanceled();
            core::Feedback readFeedback(fb, 0, 70);
            try {
                gis::SourceDataset data =
                    gis::readDataset(paths[i], optionsFor(paths[i]), readFeedback);
                // A layer without a CRS is a question for the user, not a failure.
                if (auto question = crsQuestion(paths[i], data.infos)) {
                    out.crsQuestions.push_back(std::move(*question));
                    continue;
                }
                infos.insert(infos.end(), data.infos.begin(), data.infos.end());
                sources.push_back({i, paths[i], std::move(data)});
            } catch (const core::Error& e) {
                errors << e.message();
            }
        }
        if (sources.empty()) {
            out.error = errors.join(QLatin1Char('\n'));
            return out;
        }
        if (!working) {
            working = gis::workingCrsFor(infos);
            out.workingCrs = working;
        }
        const core::RuleSet rules = core::RuleSet::defaults();
        for (Source& source : sources) {
            progress.file = source.index;
            fb.throwIfCanceled();
            core::Feedback indexFeedback(fb, 70, 100);
            gis::LoadedDataset ds;
            try {
                ds = gis::loadDataset(std::move(source.data), *working, optionsFor(source.path),
                                      indexFeedback);
            } catch (const core::Error& e) {
                errors << e.message();
                continue;
            }
            out.warnings << ds.warnings;
            for (const core::LayerPtr& loaded : ds.layers) {
                fb.throwIfCanceled();
                core::LayerPtr layer = loaded;
                const QString name = uniqueName(loaded->name, takenNames);
                if (name != loaded->name) {
                    auto renamed = std::make_shared<core::LayerData>(*loaded);
                    renamed->name = name;
                    layer = std::move(renamed);
                }
                for (const QString& w : layer->warnings)
                    out.warnings << QStringLiteral("%1: %2").arg(layer->name, w);
                core::RenderLayer rendered = core::classifiedRenderLayer(layer, rules);
                DistrictLayer dl;
                dl.layer = std::move(rendered.layer);
                dl.labels = std::move(rendered.labels);
                dl.overview = std::move(rendered.overview);
                out.layers.push_back(std::move(dl));
            }
        }
    } catch (const core::OperationCanceled&) {
        out = LoadOutcome{};
        out.canceled = true;
        return out;
    } catch (const core::Error& e) {
        errors << e.message();
    } catch (const std::exception& e) {
        errors << QCoreApplication::translate("app::DistrictController",
                                              "Unexpected failure while loading: %1")
                      .arg(QString::fromUtf8(e.what()));
    }
    out.error = errors.join(QLatin1Char('\n'));
    return out;
}

} // namespace

DistrictController::DistrictController(QObject* parent) : QObject(parent) {
    gis::initGdal();
}

DistrictController::~DistrictController() {
    queue_.clear();
    if (watcher_) {
        feedback_->cancel();
        watcher_->disconnect(this);
        watcher_->waitForFinished();
    }
}

void DistrictController::open(const QStringList& paths) {
    if (paths.isEmpty())
        return;
    queue_.append(paths);
    if (!watcher_)
        startNext();
}

void DistrictController::openIn(const QStringList& paths, const gis::Crs& workingCrs) {
    clear();
    workingCrs_ = workingCrs;
    try {
        toLonLat_ =
            std::make_unique<gis::CoordinateTransform>(*workingCrs_, gis::Crs::fromEpsg(4326));
        fromLonLat_ =
            std::make_unique<gis::CoordinateTransform>(gis::Crs::fromEpsg(4326), *workingCrs_);
    } catch (const core::Error&) {
        toLonLat_.reset();
        fromLonLat_.reset();
    }
    emit workingCrsChanged();
    open(paths);
}

void DistrictController::declareCrs(const QString& path, const QString& crs) {
    declaredCrs_.insert(absolute(path), crs.trimmed());
}

void DistrictController::cancel() {
    queue_.clear();
    if (feedback_)
        feedback_->cancel();
}

void DistrictController::clear() {
    cancel();
    layers_.clear();
    workingCrs_.reset();
    toLonLat_.reset();
    fromLonLat_.reset();
    warnings_.clear();
    emit layersChanged();
    emit workingCrsChanged();
}

void DistrictController::startNext() {
    if (queue_.isEmpty())
        return;
    const QStringList paths = queue_.takeFirst();
    auto progress = std::make_shared<ProgressState>();
    // The callback runs on the worker; the destructor waits for the worker, so `this` is
    // alive whenever it posts.
    feedback_ = std::make_shared<core::Feedback>([this, progress](double pct, const QString& step) {
        const int total = static_cast<int>(
            std::lround((progress->file.load() * 100.0 + pct) / std::max(1, progress->files)));
        if (progress->lastPercent.exchange(total) == total)
            return;
        QMetaObject::invokeMethod(
            this, [this, total, step] { emit loadProgress(total, step); }, Qt::QueuedConnection);
    });
    QStringList taken;
    for (const DistrictLayer& l : layers_)
        taken << l.layer.data->name;
    watcher_ = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher_, &QFutureWatcher<LoadOutcome>::finished, this,
            &DistrictController::finishLoad);
    emit loadStarted(paths);
    watcher_->setFuture(QtConcurrent::run(
        [paths, working = workingCrs_, taken, declared = declaredCrs_, fb = feedback_, progress]() {
            return loadFiles(paths, working, taken, declared, *fb, *progress);
        }));
}

void DistrictController::finishLoad() {
    LoadOutcome outcome = watcher_->result();
    watcher_->deleteLater();
    watcher_ = nullptr;
    feedback_.reset();
    applyOutcome(std::move(outcome));
    startNext();
}

void DistrictController::applyOutcome(LoadOutcome outcome) {
    if (outcome.canceled) {
        emit loadCanceled();
        return;
    }
    if (outcome.workingCrs && !workingCrs_) {
        workingCrs_ = outcome.workingCrs;
        try {
            toLonLat_ =
                std::make_unique<gis::CoordinateTransform>(*workingCrs_, gis::Crs::fromEpsg(4326));
            fromLonLat_ =
                std::make_unique<gis::CoordinateTransform>(gis::Crs::fromEpsg(4326), *workingCrs_);
        } catch (const core::Error& e) {
            toLonLat_.reset();
            fromLonLat_.reset();
            outcome.warnings << e.message();
        }
        emit workingCrsChanged();
    }
    const int added = static_cast<int>(outcome.layers.size());
    for (DistrictLayer& l : outcome.layers)
        layers_.push_back(std::move(l));
    if (added > 0)
        emit layersChanged();
    if (!outcome.warnings.isEmpty()) {
        warnings_ << outcome.warnings;
        emit warningsAdded(outcome.warnings);
    }
    if (!outcome.error.isEmpty())
        emit loadFailed(outcome.error);
    emit loadFinished(added);
    for (const CrsQuestion& question : outcome.crsQuestions)
        emit crsNeeded(question);
}

void DistrictController::setLayerVisible(std::size_t index, bool visible) {
    if (index >= layers_.size() || layers_[index].visible == visible)
        return;
    layers_[index].visible = visible;
    emit layerVisibilityChanged(static_cast<int>(index), visible);
}

std::vector<core::RenderLayer> DistrictController::renderLayers() const {
    std::vector<core::RenderLayer> out;
    out.reserve(layers_.size());
    for (const DistrictLayer& l : layers_)
        out.push_back({l.layer, l.visible, l.labels, l.overview});
    return out;
}

core::Box DistrictController::extent() const {
    core::Box box;
    for (const DistrictLayer& l : layers_)
        box.expand(l.layer.data->extent);
    return box;
}

std::optional<core::Point> DistrictController::toLonLat(core::Point working) const {
    if (!toLonLat_)
        return std::nullopt;
    try {
        return toLonLat_->apply(working);
    } catch (const core::Error&) {
        return std::nullopt;
    }
}

std::optional<core::Point> DistrictController::fromLonLat(core::Point lonLat) const {
    if (!fromLonLat_)
        return std::nullopt;
    try {
        return fromLonLat_->apply(lonLat);
    } catch (const core::Error&) {
        return std::nullopt;
    }
}

} // namespace app
