#include "core/render/draw_overlay.h"

#include "core/render/screen_geometry.h"

#include <QPainter>
#include <QPainterPath>

namespace core {

namespace {

const QColor kRingColour(0x1E, 0x6F, 0xD9);
const QColor kStreetColour(0xD0, 0x1C, 0x8B);
const QColor kCompoundColour(0x7B, 0x1F, 0xA2);

LayerPtr filtered(const LayerPtr& layer, const QString& anchorId) {
    if (!layer || anchorId.isEmpty())
        return layer;
    auto out = std::make_shared<LayerData>();
    out->name = layer->name;
    out->source = layer->source;
    out->kind = layer->kind;
    out->crsAuthId = layer->crsAuthId;
    out->fields = layer->fields;
    const int field = layer->fieldIndex(QStringLiteral("anchor_id"));
    for (std::size_t i = 0; i < layer->features.size(); ++i)
        if (layer->text(i, field) == anchorId)
            out->features.push_back(layer->features[i]);
    out->buildIndex();
    return out;
}

QPainterPath polygonPath(const MapView& view, const Geometry& g, QPolygonF& scratch) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (std::size_t part = 0; part < g.partCount(); ++part) {
        projectDecimated(view, g.points.data() + g.partBegin(part),
                         g.partEnd(part) - g.partBegin(part), 0.5, scratch);
        if (scratch.size() >= 3)
            path.addPolygon(scratch);
    }
    return path;
}

void paintRings(RenderContext& ctx, const LayerData& rings) {
    QPainter& p = ctx.painter;
    QPolygonF scratch;
    for (const Feature& f : rings.features) {
        const QPainterPath path = polygonPath(ctx.view, f.geometry, scratch);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(kRingColour.red(), kRingColour.green(), kRingColour.blue(), 22));
        p.drawPath(path);
        QPen pen(kRingColour, 1.6, Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
}

void paintCompounds(RenderContext& ctx, const LayerData& compounds) {
    QPainter& p = ctx.painter;
    QPolygonF scratch;
    for (const Feature& f : compounds.features) {
        const QPainterPath path = polygonPath(ctx.view, f.geometry, scratch);
        p.setPen(QPen(kCompoundColour, 2.0));
        QBrush hatch(
            QColor(kCompoundColour.red(), kCompoundColour.green(), kCompoundColour.blue(), 150),
            Qt::BDiagPattern);
        p.setBrush(hatch);
        p.drawPath(path);
    }
}

void paintStreets(RenderContext& ctx, const LayerData& streets) {
    QPainter& p = ctx.painter;
    QPolygonF scratch;
    const QRectF clip = QRectF(QPointF(0, 0), QSizeF(ctx.view.size())).adjusted(-20, -20, 20, 20);
    std::vector<QPolygonF> pieces;
    for (const Feature& f : streets.features) {
        pieces.clear();
        for (std::size_t part = 0; part < f.geometry.partCount(); ++part) {
            projectDecimated(ctx.view, f.geometry.points.data() + f.geometry.partBegin(part),
                             f.geometry.partEnd(part) - f.geometry.partBegin(part), 0.5, scratch);
            clipPolyline(scratch, clip, pieces);
        }
        p.setPen(QPen(QColor(255, 255, 255, 220), 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const QPolygonF& piece : pieces)
            p.drawPolyline(piece);
        p.setPen(QPen(kStreetColour, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const QPolygonF& piece : pieces)
            p.drawPolyline(piece);
    }
}

// Names of the drawn units go through the base map's label placer, so they never overlap
// the base labels and win over them (this overlay runs before the base labels are placed).
void labelDrawn(RenderContext& ctx, const LayerData& layer, bool lines) {
    const int nameField = layer.fieldIndex(QStringLiteral("name"));
    LabelStyle ls;
    ls.font = QFont(ctx.style.fontFamily);
    ls.font.setPixelSize(12);
    ls.font.setBold(true);
    ls.color = lines ? kStreetColour.darker(140) : kCompoundColour.darker(130);
    ls.halo = QColor(255, 255, 255, 235);
    QPolygonF scratch;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const QString name = layer.text(i, nameField);
        if (name.isEmpty())
            continue;
        const Geometry& g = layer.features[i].geometry;
        if (lines) {
            std::vector<QPolygonF> pieces;
            for (std::size_t part = 0; part < g.partCount(); ++part) {
                projectDecimated(ctx.view, g.points.data() + g.partBegin(part),
                                 g.partEnd(part) - g.partBegin(part), 0.5, scratch);
                pieces.push_back(scratch);
            }
            ctx.labels.placeAlong(name, joinPolylines(std::move(pieces)), ls, 500);
        } else {
            ctx.labels.placeAt(name, ctx.view.toPixel(labelPoint(g)), ls, 500, QSizeF(30, 20));
        }
    }
}

} // namespace

DrawLayers filterDrawLayers(const DrawLayers& l, const QString& anchorId) {
    return {filtered(l.anchors, anchorId), filtered(l.rings, anchorId),
            filtered(l.streets, anchorId), filtered(l.compounds, anchorId)};
}

std::vector<MapOverlay> drawOverlays(const DrawLayers& layers) {
    std::vector<MapOverlay> out;
    if (layers.rings && !layers.rings->features.empty())
        out.push_back({QStringLiteral("draw-rings"), OverlayStage::BelowFeatures,
                       [rings = layers.rings](RenderContext& ctx) {
                           paintRings(ctx, *rings);
                       }});
    if ((layers.streets && !layers.streets->features.empty()) ||
        (layers.compounds && !layers.compounds->features.empty()))
        out.push_back(
            {QStringLiteral("draw-units"), OverlayStage::AboveFeatures,
             [streets = layers.streets, compounds = layers.compounds](RenderContext& ctx) {
                 if (compounds)
                     paintCompounds(ctx, *compounds);
                 if (streets)
                     paintStreets(ctx, *streets);
                 if (streets)
                     labelDrawn(ctx, *streets, true);
                 if (compounds)
                     labelDrawn(ctx, *compounds, false);
             }});
    return out;
}

std::vector<LegendEntry> drawLegend(const DrawLayers& layers) {
    std::vector<LegendEntry> out;
    if (layers.rings && !layers.rings->features.empty()) {
        LegendEntry e;
        e.kind = LegendEntry::Kind::Area;
        e.label = QStringLiteral("抽样环带");
        e.stroke = kRingColour;
        e.fill = QColor(kRingColour.red(), kRingColour.green(), kRingColour.blue(), 22);
        e.strokeWidth = 1.6;
        e.penStyle = Qt::DashLine;
        out.push_back(e);
    }
    if (layers.streets && !layers.streets->features.empty()) {
        LegendEntry e;
        e.kind = LegendEntry::Kind::Line;
        e.label = QStringLiteral("抽中背街小巷");
        e.stroke = kStreetColour;
        e.strokeWidth = 4;
        out.push_back(e);
    }
    if (layers.compounds && !layers.compounds->features.empty()) {
        LegendEntry e;
        e.kind = LegendEntry::Kind::Area;
        e.label = QStringLiteral("抽中居民小区");
        e.stroke = kCompoundColour;
        e.fill = QColor(kCompoundColour.red(), kCompoundColour.green(), kCompoundColour.blue(), 90);
        e.strokeWidth = 2;
        out.push_back(e);
    }
    return out;
}

} // namespace core
