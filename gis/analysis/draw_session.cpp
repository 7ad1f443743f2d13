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

QString softwareVersion() {
    const QString v = QCoreApplication::applicationVersion();
    return QStringLiteral("PeriSurvey %1").arg(v.isEmpty() ? QStringLiteral("0.1.0") : v);
}

} // namespace

DrawRun performDraw(const DrawRequest& request, core::Feedback& feedback) {
    request.params.validate();
    if (request.datasets.isEmpty())
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("no dataset given to draw from"));
    const core::RuleSet rules = rulesFor(request);

    Crs working;
    if (!request.workingCrs.isEmpty()) {
        working = Crs::fromUserInput(request.workingCrs);
    } else {
        std::vector<LayerInfo> infos;
        for (const auto& path : request.datasets) {
            auto more = inspectDataset(path);
            infos.insert(infos.end(), more.begin(), more.end());
        }
        working = workingCrsFor(infos);
    }

    DrawRun run;
    core::DrawRecord& r = run.record;
    std::vector<core::ClassifiedLayer> classified;
    const double loadShare = 60.0 / static_cast<double>(request.datasets.size());
    for (qsizetype i = 0; i < request.datasets.size(); ++i) {
        const QString& path = request.datasets[i];
        core::Feedback sub(feedback, loadShare * static_cast<double>(i),
                           loadShare * static_cast<double>(i + 1));
        const LoadedDataset ds = loadDataset(path, working, {}, sub);
        run.warnings << ds.warnings;
        core::InputDataset input{QFileInfo(path).absoluteFilePath(), {}};
        for (const auto& layer : ds.layers) {
            input.layers.push_back({layer->name, static_cast<std::int64_t>(layer->features.size()),
                                    core::layerFingerprint(*layer)});
            core::ClassifiedLayer c{layer, rules.classify(*layer), 0};
            for (auto m : c.roles)
                c.layerRoles |= m;
            classified.push_back(std::move(c));
        }
        r.inputs.push_back(std::move(input));
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

    CandidateFinder finder(run.universe, request.params, working);
    core::Feedback drawFeedback(feedback, 75, 95);
    r.outcome = core::runDraw(
        request.params, r.seed, drawAnchors(run.universe),
        [&](const core::DrawAnchor& a) { return finder.find(a.site); }, drawFeedback);

    for (const auto& a : r.outcome.anchors) {
        feedback.throwIfCanceled();
        const double outer = std::max(a.streets.outerUsedM, a.compounds.outerUsedM);
        run.rings.push_back(finder.ring(a.site, outer));
    }
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
