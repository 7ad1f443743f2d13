// The six-peripheries draw on the city-scale demo (2,000+ anchors, 200,000+ road segments,
// 20,000+ compounds), against loading the same layers (what every draw must do at least) in the
// same run. Prints the time of each phase too, so a regression shows where it is.
// The city dataset is written once to a temporary folder (or taken from PERISURVEY_CITY_GPKG).

#include "bench_util.h"

#include "core/demo/demo_generator.h"
#include "core/model/roles.h"
#include "core/sampling/fingerprint.h"
#include "core/util/feedback.h"
#include "gis/analysis/draw_session.h"
#include "gis/io/vector_writer.h"
#include "gis/layers/layer_loader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

namespace {

QString cityDataset(QTemporaryDir& dir) {
    const QByteArray given = qgetenv("PERISURVEY_CITY_GPKG");
    if (!given.isEmpty())
        return QString::fromLocal8Bit(given);
    core::Feedback fb;
    core::DemoOptions options;
    options.scale = core::DemoScale::City;
    const auto layers = core::generateDemoDistrict(options, fb);
    const QString path = dir.filePath(QStringLiteral("x_city.gpkg"));
    gis::WriteOptions write;
    write.targetCrs = gis::Crs::fromEpsg(core::kDemoStorageEpsg);
    gis::writeVector(path, layers, write, fb);
    return path;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    gis::initGdal();
    QTemporaryDir dir;
    const QString path = cityDataset(dir);
    const gis::Crs working = gis::workingCrsFor(gis::inspectDataset(path));
    const int repeats = qEnvironmentVariableIntValue("PERISURVEY_BENCH_REPEATS") > 0
                            ? qEnvironmentVariableIntValue("PERISURVEY_BENCH_REPEATS")
                            : 3;

    std::size_t features = 0;
    const double load = bench::medianMs(repeats, [&] {
        core::Feedback fb;
        const auto ds = gis::loadDataset(path, working, {}, fb);
        features = 0;
        for (const auto& l : ds.layers)
            features += l->features.size();
    });

    // The phases on their own, one thread, one run each (performDraw overlaps some of them).
    {
        core::Feedback fb;
        const auto ds = gis::loadDataset(path, working, {}, fb);
        const auto lap = [](QElapsedTimer& t) {
            const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
            t.restart();
            return ms;
        };
        QElapsedTimer t;
        t.start();
        for (const auto& l : ds.layers)
            core::layerFingerprint(*l);
        bench::report("draw.city.phase.fingerprint", lap(t), "ms",
                      QStringLiteral("SHA-256 of every layer's content"));
        const core::RuleSet rules = core::RuleSet::defaults();
        std::vector<core::ClassifiedLayer> classified;
        for (const auto& l : ds.layers) {
            core::ClassifiedLayer c{l, rules.classify(*l), 0};
            for (auto m : c.roles)
                c.layerRoles |= m;
            classified.push_back(std::move(c));
        }
        bench::report("draw.city.phase.classify", lap(t), "ms");
        const core::DrawParameters params;
        const gis::DrawUniverse u = gis::buildUniverse(classified, rules, params, working, fb);
        bench::report("draw.city.phase.universe", lap(t), "ms",
                      QStringLiteral("%1 anchors, %2 streets, %3 compounds")
                          .arg(u.anchors.size())
                          .arg(u.streets.size())
                          .arg(u.compounds.size()));
        gis::CandidateFinder finder(u, params, working);
        // As performDraw does it (without its helper thread): the draw's candidates, then the
        // details of the drawn ones.
        auto outcome = core::runDraw(
            params, 7, gis::drawAnchors(u),
            [&](const core::DrawAnchor& a) { return finder.findForDraw(a.site); }, fb);
        for (auto& a : outcome.anchors) {
            for (auto& item : a.streets.items)
                finder.completeDrawn(a.site, item, true);
            for (auto& item : a.compounds.items)
                finder.completeDrawn(a.site, item, false);
        }
        bench::report("draw.city.phase.candidates_and_draw_1thread", lap(t), "ms");
        for (const auto& a : outcome.anchors)
            finder.ring(a.site, std::max(a.streets.outerUsedM, a.compounds.outerUsedM));
        bench::report("draw.city.phase.rings", lap(t), "ms");
    }

    std::size_t anchors = 0;
    const double draw = bench::medianMs(repeats, [&] {
        gis::DrawRequest request;
        request.datasets << path;
        request.seed = 7;
        core::Feedback fb;
        const gis::DrawRun run = gis::performDraw(request, fb);
        anchors = run.record.outcome.anchors.size();
    });

    bench::report("draw.city.load_baseline", load, "ms",
                  QStringLiteral("%1 features loaded into indexed layer data").arg(features));
    bench::report("draw.city.perisurvey", draw, "ms",
                  QStringLiteral("seed 7, %1 anchors, whole draw incl. load; ratio %2x of load "
                                 "(target median < 3000 ms)")
                      .arg(anchors)
                      .arg(draw / load, 0, 'f', 2));
    return 0;
}
