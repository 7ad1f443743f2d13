// A full-extent 1920x1080 frame of the city-scale demo (over 200,000 road segments), against a
// naive baseline in the same run: every feature drawn with one QPainterPath each, no culling,
// no decimation, no labels.

#include "bench_util.h"

#include "core/demo/demo_generator.h"
#include "core/model/roles.h"
#include "core/render/map_renderer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

QImage naiveRender(const std::vector<core::RenderLayer>& layers, const core::MapView& view) {
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setTransform(view.worldToPixel());
    QPen pen(Qt::darkGray, 0); // cosmetic
    p.setPen(pen);
    p.setBrush(QColor(200, 220, 200, 120));
    for (const auto& rl : layers)
        for (const auto& f : rl.layer.data->features) {
            const auto& g = f.geometry;
            QPainterPath path;
            for (std::size_t i = 0; i < g.partCount(); ++i) {
                const auto b = g.partBegin(i), e = g.partEnd(i);
                path.moveTo(g.points[b].x, g.points[b].y);
                for (auto k = b + 1; k < e; ++k)
                    path.lineTo(g.points[k].x, g.points[k].y);
            }
            if (g.kind == core::GeometryKind::Point)
                p.drawEllipse(QPointF(g.points[0].x, g.points[0].y), 10.0, 10.0);
            else if (g.kind == core::GeometryKind::Polygon)
                p.drawPath(path);
            else
                p.strokePath(path, pen);
        }
    return image;
}

} // namespace

int main(int argc, char** argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    core::Feedback fb;
    core::DemoOptions options;
    options.scale = core::DemoScale::City;
    const auto layers = core::generateDemoDistrict(options, fb);
    const core::RuleSet rules = core::RuleSet::defaults();
    std::vector<core::RenderLayer> renderLayers;
    core::Box extent;
    std::size_t features = 0;
    QElapsedTimer prepare;
    prepare.start();
    for (const auto& l : layers) {
        renderLayers.push_back(core::classifiedRenderLayer(l, rules));
        extent.expand(l->extent);
        features += l->features.size();
    }
    const double prepareMs = static_cast<double>(prepare.nsecsElapsed()) / 1e6;
    std::size_t chains = 0;
    for (const auto& rl : renderLayers)
        chains += rl.overview ? rl.overview->chains().size() : 0;
    core::MapView view(extent.center(), 1, QSize(1920, 1080));
    view.fit(extent);
    core::RenderJob job;
    job.layers = renderLayers;
    job.view = view;
    const double baseline = bench::medianMs(3, [&] { naiveRender(renderLayers, view); });
    const int repeats = qEnvironmentVariableIntValue("PERISURVEY_BENCH_REPEATS") > 0
                            ? qEnvironmentVariableIntValue("PERISURVEY_BENCH_REPEATS")
                            : 7;
    const double ours = bench::medianMs(repeats, [&] {
        core::Feedback f;
        core::MapRenderer(job).render(f);
    });
    // To look at the frame: PERISURVEY_BENCH_IMAGE=/tmp/city.png
    if (const QString out = qEnvironmentVariable("PERISURVEY_BENCH_IMAGE"); !out.isEmpty()) {
        core::Feedback f;
        core::MapRenderer(job).render(f).image.save(out);
    }
    bench::report("render.city_prepare_layers", prepareMs, "ms",
                  QStringLiteral("once per load: classify, label and build the line overviews "
                                 "(%1 chains); no target")
                      .arg(chains));
    bench::report("render.city_full_extent_1920x1080.naive_qpainter", baseline, "ms",
                  QStringLiteral("%1 features, no culling/decimation/labels").arg(features));
    bench::report("render.city_full_extent_1920x1080.perisurvey", ours, "ms",
                  QStringLiteral("with labels; ratio %1x of naive (target median < 150 ms)")
                      .arg(ours / baseline, 0, 'f', 2));
    return 0;
}
