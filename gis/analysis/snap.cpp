#include "gis/analysis/snap.h"

#include "gis/analysis/detail/geos_handles.h"

#include <limits>

namespace gis {

namespace {

QString textField(const core::LayerData& layer, const core::Feature& f, const char* field) {
    const int i = layer.fieldIndex(QLatin1String(field));
    return i >= 0 && static_cast<std::size_t>(i) < f.attributes.size()
               ? f.attributes[static_cast<std::size_t>(i)].toString()
               : QString();
}

struct Hit {
    std::size_t index = 0;
    double distance = std::numeric_limits<double>::infinity();
    core::Point at;
};

/// The nearest feature of `layer` within `tolerance` of `p` (0 when `p` is inside a polygon),
/// with the nearest point on it.
std::optional<Hit> nearest(detail::GeosContext& ctx, const core::LayerData& layer, core::Point p,
                           double tolerance) {
    const detail::GeomPtr point = detail::toGeos(ctx, p);
    std::optional<Hit> best;
    const core::Box area = core::Box{p.x, p.y, p.x, p.y}.buffered(tolerance);
    layer.index.query(area, [&](std::uint32_t i) {
        const core::Feature& f = layer.features[i];
        if (f.geometry.empty())
            return true;
        const detail::GeomPtr g = detail::toGeos(ctx, f.geometry);
        double d = 0;
        if (GEOSDistance_r(ctx.get(), g.get(), point.get(), &d) != 1 || d > tolerance)
            return true;
        if (best && d >= best->distance)
            return true;
        Hit h;
        h.index = i;
        h.distance = d;
        h.at = p;
        if (d > 0) {
            GEOSCoordSequence* seq = GEOSNearestPoints_r(ctx.get(), g.get(), point.get());
            if (seq) {
                double x = p.x;
                double y = p.y;
                GEOSCoordSeq_getXY_r(ctx.get(), seq, 0, &x, &y);
                GEOSCoordSeq_destroy_r(ctx.get(), seq);
                h.at = {x, y};
            }
        }
        best = h;
        return true;
    });
    return best;
}

SnapTarget target(const core::LayerData& layer, const Hit& hit, core::AttachKind kind,
                  const QString& name) {
    const core::Feature& f = layer.features[hit.index];
    SnapTarget t;
    t.kind = kind;
    t.layer = name;
    t.fid = f.fid;
    t.attachId = QStringLiteral("%1:%2").arg(name).arg(f.fid);
    t.name = textField(layer, f, "name");
    t.anchorId = textField(layer, f, "anchor_id");
    t.at = hit.at;
    t.distance = hit.distance;
    if (kind == core::AttachKind::Street)
        t.roleKey = QStringLiteral("back_street");
    else if (kind == core::AttachKind::Compound)
        t.roleKey = QStringLiteral("compound");
    else
        t.roleKey = textField(layer, f, "kind");
    return t;
}

} // namespace

std::optional<SnapTarget> snapToDrawn(const core::DrawLayers& layers, core::Point p,
                                      double tolerance) {
    detail::GeosContext ctx;
    if (layers.anchors)
        if (auto h = nearest(ctx, *layers.anchors, p, tolerance))
            return target(*layers.anchors, *h, core::AttachKind::Anchor,
                          QStringLiteral("draw_anchors"));
    if (layers.streets)
        if (auto h = nearest(ctx, *layers.streets, p, tolerance))
            return target(*layers.streets, *h, core::AttachKind::Street,
                          QStringLiteral("drawn_streets"));
    if (layers.compounds)
        if (auto h = nearest(ctx, *layers.compounds, p, tolerance))
            return target(*layers.compounds, *h, core::AttachKind::Compound,
                          QStringLiteral("drawn_compounds"));
    return std::nullopt;
}

} // namespace gis
