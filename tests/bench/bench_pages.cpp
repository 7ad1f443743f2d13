// Map pages and the atlas on the demo district (a campaign made from data/demo/x_district.gpkg
// with a draw): an A3 PDF with 1,000 defects (target under 2 s) and an atlas of 30 anchors
// (target under 15 s). Baseline in the same run: MapRenderer::render of the same extent and
// overlays into a QImage of the map frame's size, i.e. the canvas's work without the page.

#include "bench_util.h"

#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"
#include "core/render/page_layout.h"
#include "core/store/campaign.h"
#include "gis/io/map_export.h"

#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

namespace {

bool runCli(int (*fn)(cli::Context&), const QStringList& args) {
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    cli::Context ctx{args, out, err};
    try {
        if (fn(ctx) == 0)
            return true;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
    }
    err.flush();
    std::fprintf(stderr, "%s\n", errText.toUtf8().constData());
    return false;
}

// 1,000 defects spread over the district on a deterministic pattern, cards cycling through
// no card / white / yellow / red, every fifth closed.
void addSyntheticDefects(gis::CampaignMapData& data, int count) {
    const core::Box box = data.districtWorking;
    std::uint64_t state = 12345;
    const auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(state >> 11) / 9007199254740992.0;
    };
    const QStringList codes{QStringLiteral("RD-01"), QStringLiteral("EN-01"),
                            QStringLiteral("AD-03"), QStringLiteral("PK-02")};
    for (int i = 0; i < count; ++i) {
        core::Defect d;
        d.id = i + 1;
        d.code = codes[i % codes.size()];
        d.working = core::Point{box.minX + next() * box.width(), box.minY + next() * box.height()};
        if (i % 4 != 0)
            d.cardColour = static_cast<core::CardColour>(i % 3);
        d.status = i % 5 == 0 ? core::CardStage::Closed : core::CardStage::Issued;
        data.defects.push_back(d);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    const QString campaignPath = dir.filePath(QStringLiteral("bench.gpkg"));
    if (!runCli(cli::runCampaign,
                {QStringLiteral("new"), campaignPath, QStringLiteral("--name"),
                 QStringLiteral("X区测评"), QStringLiteral("--import"),
                 QStringLiteral(PERISURVEY_SOURCE_DIR "/data/demo/x_district.gpkg")}) ||
        !runCli(cli::runDraw, {campaignPath, QStringLiteral("--seed"), QStringLiteral("7"),
                               QStringLiteral("--operator"), QStringLiteral("bench")}))
        return 1;

    core::Campaign campaign = core::Campaign::open(campaignPath, core::OpenMode::ReadOnly);
    core::Feedback fb;
    QElapsedTimer loadTimer;
    loadTimer.start();
    gis::CampaignMapData data = gis::loadCampaignMap(campaign, {}, true, fb);
    bench::report("pages_load_campaign", loadTimer.nsecsElapsed() / 1e6, "ms",
                  QStringLiteral("%1 layers read and classified").arg(data.layers.size()));
    addSyntheticDefects(data, 1000);

    // A3 landscape PDF of the district with 1,000 defects.
    gis::MapExportOptions options;
    options.format = {core::PaperSize::A3, true};
    options.grid = true;
    const core::MapPage page = gis::buildMapPage(data, options);
    const QString pdf = dir.filePath(QStringLiteral("a3.pdf"));
    const double pdfMs = bench::medianMs(3, [&] { gis::exportMap(data, pdf, options, fb); });
    const QRectF frame = core::mapFrameFor(options.format, page);
    core::RenderJob job = page.job;
    job.devicePixelRatio = 1;
    job.view.setSize(QSize(static_cast<int>(frame.width() / core::kPointsPerMapPixel),
                           static_cast<int>(frame.height() / core::kPointsPerMapPixel)));
    job.view.fit(page.extent, 12);
    const double baseMs = bench::medianMs(3, [&] { core::MapRenderer(job).render(fb); });
    bench::report("pages_a3_pdf_1000_defects", pdfMs, "ms",
                  QStringLiteral("target <2000 ms; baseline canvas render %1x%2 px %3 ms; ratio %4")
                      .arg(job.view.size().width())
                      .arg(job.view.size().height())
                      .arg(baseMs, 0, 'f', 1)
                      .arg(pdfMs / baseMs, 0, 'f', 2));
    const QString png = dir.filePath(QStringLiteral("a3.png"));
    options.dpi = 200;
    const double pngMs = bench::medianMs(1, [&] { gis::exportMap(data, png, options, fb); });
    bench::report("pages_a3_png_200dpi_1000_defects", pngMs, "ms",
                  QStringLiteral("ratio to baseline %1").arg(pngMs / baseMs, 0, 'f', 2));

    // Atlas of 30 anchors: the draw's anchors, repeated if the draw has fewer.
    if (!data.draw || data.draw->outcome.anchors.empty()) {
        std::fprintf(stderr, "the demo draw has no anchors\n");
        return 1;
    }
    const int drawn = static_cast<int>(data.draw->outcome.anchors.size());
    std::vector<core::AnchorDraw> anchors;
    for (int i = 0; i < 30; ++i)
        anchors.push_back(data.draw->outcome.anchors[static_cast<std::size_t>(i % drawn)]);
    data.draw->outcome.anchors = anchors;
    const QString atlas = dir.filePath(QStringLiteral("atlas.pdf"));
    gis::AtlasSummary summary;
    const double atlasMs = bench::medianMs(
        1, [&] { summary = gis::exportAtlas(data, atlas, {}, fb); }, false);
    // Baseline: the 30 map frames rendered by the canvas renderer alone.
    const core::PageFormat a4;
    double atlasBaseMs = 0;
    {
        QElapsedTimer t;
        t.start();
        for (const core::AnchorDraw& a : anchors) {
            core::RenderJob j = page.job;
            j.devicePixelRatio = 1;
            j.view.setSize(QSize(700, 620));
            j.view.fit(core::Box{a.location.x, a.location.y, a.location.x, a.location.y}.buffered(
                           data.draw->parameters.outerM),
                       12);
            core::MapRenderer(j).render(fb);
        }
        atlasBaseMs = t.nsecsElapsed() / 1e6;
    }
    bench::report(
        "pages_atlas_30_anchors", atlasMs, "ms",
        QStringLiteral(
            "target <15000 ms; %1 pages (first 30 of the draw's %2 anchors, repeated if fewer); "
            "baseline 30 canvas renders %3 ms; ratio %4")
            .arg(summary.pages())
            .arg(drawn)
            .arg(atlasBaseMs, 0, 'f', 0)
            .arg(atlasMs / atlasBaseMs, 0, 'f', 2));
    return 0;
}
