#include "gis/analysis/draw_session.h"

#include "core/sampling/fingerprint.h"
#include "core/sampling/prng.h"
#include "core/util/error.h"
#include "gis/layers/layer_loader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QObject>
#include <QUuid>

#include <condition_variable>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace gis {

namespace {

core::RuleSet rulesFor(const DrawRequest& request) {
    if (request.rules)
        return core::RuleSet::fromJson(QJsonDocument(*request.rules).toJson(),
                                       QStringLiteral("the draw record's role rules"));
    if (!request.rulesFile.isEmpty())
        return core::RuleSet::fromFile(request.rulesFile);
    return core::RuleSet::defaults();
}

/// True for a layer source in GCJ-02 or BD-09 (LayerSource::crsAuthId's pseudo-CRS names).
bool hasChinaOffset(const QString& sourceCrs) {
    return sourceCrs == QLatin1String("GCJ02") || sourceCrs == QLatin1String("BD09");
}

QString softwareVersion() {
    const QString v = QCoreApplication::applicationVersion();
    return QStringLiteral("PeriSurvey %1").arg(v.isEmpty() ? QStringLiteral("0.1.0") : v);
}

/// The fingerprints of a list of layers (by position), computed on a helper thread from the
/// front of the list while the caller does other work; finish() then takes layers from the
/// back until the two meet, so no core idles while one big layer is left.
class LayerFingerprints {
public:
    explicit LayerFingerprints(std::vector<core::LayerPtr> layers)
        : layers_(std::move(layers)), results_(layers_.size()), back_(layers_.size()) {
        helper_ = std::async(std::launch::async, [this] {
            while (const auto i = claim(true))
                results_[*i] = core::layerFingerprint(*layers_[*i]);
        });
    }
    /// Never leaves the helper running past the owner, even on an exception.
    ~LayerFingerprints() {
        if (helper_.valid())
            helper_.wait();
    }
    LayerFingerprints(const LayerFingerprints&) = delete;
    LayerFingerprints& operator=(const LayerFingerprints&) = delete;

    /// Helps with the layers left, waits for the helper (rethrowing its error) and returns
    /// every fingerprint. Once only.
    std::vector<QString> finish() {
        while (const auto i = claim(false))
            results_[*i] = core::layerFingerprint(*layers_[*i]);
        helper_.get();
        return std::move(results_);
    }

private:
    std::optional<std::size_t> claim(bool fromFront) {
        const std::lock_guard lock(mutex_);
        if (front_ >= back_)
            return std::nullopt;
        return fromFront ? front_++ : --back_;
    }

    std::vector<core::LayerPtr> layers_;
    std::vector<QString> results_; ///< each written by the thread that claimed it
    std::size_t front_ = 0;        ///< next for the helper
    std::size_t back_;             ///< one past the next for finish()
    std::mutex mutex_;
    std::future<void> helper_;
};

/// Computes the candidates of the anchors in processing order, a bounded window ahead of the
/// draw, on the calling thread and on one helper thread with its own CandidateFinder (GEOS and
/// PROJ handles stay on the thread that made them). An anchor's candidates depend on that anchor
/// and the universe alone, so which thread computes them changes nothing in the result.
class CandidatePrefetch {
public:
    CandidatePrefetch(const DrawUniverse& universe, const core::DrawParameters& params,
                      const Crs& working, CandidateFinder& own)
        : universe_(universe), params_(params), working_(working), own_(own) {}
    ~CandidatePrefetch() {
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        if (helper_.joinable())
            helper_.join();
    }
    CandidatePrefetch(const CandidatePrefetch&) = delete;
    CandidatePrefetch& operator=(const CandidatePrefetch&) = delete;

    /// The anchors in processing order; starts the helper thread.
    void start(const std::vector<core::DrawAnchor>& order) {
        sites_.clear();
        for (const auto& a : order)
            sites_.push_back(a.site);
        slots_.assign(sites_.size(), {});
        if (sites_.size() > 1 && std::thread::hardware_concurrency() > 1)
            helper_ = std::thread([this] { helperLoop(); });
    }

    /// The candidates of the next anchor in processing order.
    core::CandidateSet take(const core::DrawAnchor& a) {
        std::unique_lock lock(mutex_);
        if (consumed_ >= sites_.size() || sites_[consumed_] != a.site) {
            lock.unlock();
            return own_.findForDraw(a.site);
        }
        const std::size_t pos = consumed_;
        for (;;) {
            if (slots_[pos].ready) {
                Slot slot = std::move(slots_[pos]);
                slots_[pos] = {};
                ++consumed_;
                lock.unlock();
                changed_.notify_all();
                if (slot.error)
                    std::rethrow_exception(slot.error);
                return std::move(slot.set);
            }
            std::size_t next = 0;
            if (claim(next)) {
                lock.unlock();
                compute(own_, next);
                lock.lock();
            } else {
                changed_.wait(lock);
            }
        }
    }

private:
    static constexpr std::size_t kWindow = 16;

    struct Slot {
        bool ready = false;
        core::CandidateSet set;
        std::exception_ptr error;
    };

    /// Under the lock: the next position to compute, if the window allows one.
    bool claim(std::size_t& pos) {
        if (next_ >= sites_.size() || next_ >= consumed_ + kWindow)
            return false;
        pos = next_++;
        return true;
    }

    void compute(CandidateFinder& finder, std::size_t pos) {
        Slot slot;
        try {
            slot.set = finder.findForDraw(sites_[pos]);
        } catch (...) {
            slot.error = std::current_exception();
        }
        slot.ready = true;
        {
            const std::lock_guard lock(mutex_);
            slots_[pos] = std::move(slot);
        }
        changed_.notify_all();
    }

    void helperLoop() {
        std::optional<CandidateFinder> finder;
        try {
            finder.emplace(universe_, params_, working_);
        } catch (...) {
            return; // the calling thread then computes every anchor itself
        }
        std::unique_lock lock(mutex_);
        for (;;) {
            std::size_t pos = 0;
            changed_.wait(lock, [&] { return stop_ || claim(pos); });
            if (stop_)
                return;
            lock.unlock();
            compute(*finder, pos);
            lock.lock();
        }
    }

    const DrawUniverse& universe_;
    const core::DrawParameters& params_;
    const Crs working_;
    CandidateFinder& own_;
    std::vector<std::size_t> sites_;
    std::vector<Slot> slots_;
    std::size_t next_ = 0;
    std::size_t consumed_ = 0;
    bool stop_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread helper_;
};

} // namespace

DrawRun performDraw(const DrawRequest& request, core::Feedback& feedback) {
    request.params.validate();
    if (request.datasets.isEmpty())
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("no dataset given to draw from"));
    const core::RuleSet rules = rulesFor(request);

    const double loadShare = 60.0 / static_cast<double>(request.datasets.size());
    Crs working;
    // Without a given working CRS it is chosen from the layers' extents: each dataset is read
    // once, and the read is reused for loading.
    std::vector<std::optional<SourceDataset>> read(
        static_cast<std::size_t>(request.datasets.size()));
    if (!request.workingCrs.isEmpty()) {
        working = Crs::fromUserInput(request.workingCrs);
    } else {
        std::vector<LayerInfo> infos;
        for (qsizetype i = 0; i < request.datasets.size(); ++i) {
            core::Feedback sub(feedback, loadShare * static_cast<double>(i),
                               loadShare * (static_cast<double>(i) + 0.7));
            auto& ds = read[static_cast<std::size_t>(i)];
            ds = readDataset(request.datasets[i], {}, sub);
            infos.insert(infos.end(), ds->infos.begin(), ds->infos.end());
        }
        working = workingCrsFor(infos);
    }

    // Classifying reads a layer's names, fields and attributes, which reprojecting and
    // indexing leave alone: layers already read are classified on a second thread while the
    // loop below loads them. Not those with Chinese web-map coordinates, whose loading adds
    // fields (the original coordinates): they are classified after.
    std::map<const core::LayerData*, std::vector<core::RoleMask>> early;
    std::future<void> classifying;
    struct WaitGuard {
        std::future<void>& f;
        ~WaitGuard() {
            if (f.valid())
                f.wait();
        }
    } classifyingGuard{classifying};
    {
        // Shared, so a load that throws cannot free a layer this thread still reads.
        std::vector<std::shared_ptr<const core::LayerData>> ready;
        for (const auto& source : read)
            if (source)
                for (std::size_t j = 0; j < source->layers.size(); ++j)
                    if (!hasChinaOffset(source->infos[j].source.crsAuthId))
                        ready.push_back(source->layers[j]);
        if (!ready.empty())
            classifying = std::async(std::launch::async, [ready, &rules, &early] {
                std::vector<std::vector<core::RoleMask>> roles;
                roles.reserve(ready.size());
                for (const auto& layer : ready)
                    roles.push_back(rules.classify(*layer));
                for (std::size_t j = 0; j < ready.size(); ++j)
                    early.emplace(ready[j].get(), std::move(roles[j]));
            });
    }

    DrawRun run;
    core::DrawRecord& r = run.record;
    std::vector<core::ClassifiedLayer> classified;
    std::vector<core::LayerPtr> toFingerprint;
    for (qsizetype i = 0; i < request.datasets.size(); ++i) {
        const QString& path = request.datasets[i];
        auto& source = read[static_cast<std::size_t>(i)];
        LoadedDataset ds;
        if (source) {
            core::Feedback sub(feedback, loadShare * (static_cast<double>(i) + 0.7),
                               loadShare * static_cast<double>(i + 1));
            ds = loadDataset(std::move(*source), working, {}, sub);
            source.reset();
        } else {
            core::Feedback sub(feedback, loadShare * static_cast<double>(i),
                               loadShare * static_cast<double>(i + 1));
            ds = loadDataset(path, working, {}, sub);
        }
        run.warnings << ds.warnings;
        core::InputDataset input{QFileInfo(path).absoluteFilePath(), {}};
        for (const auto& layer : ds.layers) {
            input.layers.push_back(
                {layer->name, static_cast<std::int64_t>(layer->features.size()), QString()});
            toFingerprint.push_back(layer);
        }
        r.inputs.push_back(std::move(input));
    }
    // Fingerprinting is independent of the rest of the draw: it runs beside it.
    LayerFingerprints fingerprints(toFingerprint);
    const auto joinFingerprints = [&] {
        const std::vector<QString> done = fingerprints.finish();
        std::size_t n = 0;
        for (auto& input : r.inputs)
            for (auto& layer : input.layers)
                layer.sha256 = done[n++];
    };

    if (classifying.valid())
        classifying.get();
    for (const auto& layer : toFingerprint) {
        auto found = early.find(layer.get());
        core::ClassifiedLayer c{
            layer, found != early.end() ? std::move(found->second) : rules.classify(*layer), 0};
        for (auto m : c.roles)
            c.layerRoles |= m;
        classified.push_back(std::move(c));
    }

    core::Feedback universeFeedback(feedback, 60, 75);
    run.universe = buildUniverse(classified, rules, request.params, working, universeFeedback);
    run.warnings << run.universe.notes;

    r.drawId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.createdUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    r.operatorName = request.operatorName;
    r.software = softwareVersion();
    r.algorithm = QLatin1String(core::kDrawAlgorithm);
    r.seedFromSystem = !request.seed.has_value();
    r.seed = request.seed ? *request.seed : core::systemSeed();
    r.parameters = request.params;
    r.rulesName = rules.name();
    r.rules = core::rulesToJson(rules);
    r.rulesSha256 = core::rulesFingerprint(rules);
    r.workingCrs = working.authId().isEmpty() ? working.wkt() : working.authId();

    joinFingerprints();

    CandidateFinder finder(run.universe, request.params, working);
    core::Feedback drawFeedback(feedback, 75, 95);
    {
        CandidatePrefetch prefetch(run.universe, request.params, working, finder);
        r.outcome = core::runDraw(
            request.params, r.seed, drawAnchors(run.universe),
            [&](const core::DrawAnchor& a) { return prefetch.take(a); }, drawFeedback,
            [&](const std::vector<core::DrawAnchor>& order) { prefetch.start(order); });
    }

    std::vector<double> outers;
    for (auto& a : r.outcome.anchors) {
        feedback.throwIfCanceled();
        for (auto& item : a.streets.items)
            finder.completeDrawn(a.site, item, true);
        for (auto& item : a.compounds.items)
            finder.completeDrawn(a.site, item, false);
        outers.push_back(std::max(a.streets.outerUsedM, a.compounds.outerUsedM));
        finder.scaleOf(a.site); // cached now, so ring() below only reads the finder
    }
    // Rings are independent GEOS buffers: every other one is made on a second thread.
    const auto& drawn = r.outcome.anchors;
    run.rings.resize(drawn.size());
    auto odd = std::async(std::launch::async, [&] {
        for (std::size_t i = 1; i < drawn.size(); i += 2)
            run.rings[i] = finder.ring(drawn[i].site, outers[i]);
    });
    for (std::size_t i = 0; i < drawn.size(); i += 2) {
        if (feedback.isCanceled())
            break;
        run.rings[i] = finder.ring(drawn[i].site, outers[i]);
    }
    odd.get();
    feedback.throwIfCanceled();
    feedback.setProgress(100, QObject::tr("Draw finished"));
    return run;
}

VerifyResult verifyDraw(const core::DrawRecord& record, core::Feedback& feedback) {
    DrawRequest request;
    for (const auto& in : record.inputs) {
        if (!QFileInfo::exists(in.path))
            return {false,
                    QStringLiteral("input '%1' is gone (it cannot be found any more)").arg(in.path),
                    std::nullopt};
        request.datasets << in.path;
    }
    request.rules = record.rules;
    request.params = record.parameters;
    request.seed = record.seed;
    request.operatorName = record.operatorName;
    request.workingCrs = record.workingCrs;

    DrawRun again;
    try {
        again = performDraw(request, feedback);
    } catch (const core::Error& e) {
        return {false, QStringLiteral("the draw cannot be recomputed: %1").arg(e.message()),
                std::nullopt};
    }
    // The recomputed record keeps the recorded rules' fingerprint only if they round-trip.
    const QString diff = core::firstDifference(record, again.record);
    return {diff.isEmpty(), diff, again.record};
}

} // namespace gis
