#include "core/render/route_overlay.h"

#include "core/render/screen_geometry.h"

#include <QFontMetricsF>
#include <QPainter>

namespace core {

namespace {

bool wanted(int team, int t) {
    return team < 0 || team == t;
}

void disc(QPainter& p, QPointF at, double d, QColor fill, const QString& text, bool square) {
    const QRectF r(at.x() - d / 2, at.y() - d / 2, d, d);
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(fill);
    if (square)
        p.drawRect(r);
    else
        p.drawEllipse(r);
    p.setPen(Qt::white);
    p.drawText(r, Qt::AlignCenter, text);
}

} // namespace

QColor teamColor(int team) {
    static const QRgb colours[] = {0x1565C0, 0xC62828, 0x2E7D32, 0x6A1B9A,
                                   0xEF6C00, 0x00838F, 0x4E342E, 0xAD1457};
    return QColor::fromRgb(colours[static_cast<unsigned>(team) % 8]);
}

MapOverlay routeOverlay(std::shared_ptr<const RoutePlan> plan, int team) {
    MapOverlay o;
    o.id = QStringLiteral("route");
    o.stage = OverlayStage::AboveLabels;
    o.paint = [plan = std::move(plan), team](RenderContext& ctx) {
        if (!plan)
            return;
        QPainter& p = ctx.painter;
        const QRectF clip =
            QRectF(QPointF(0, 0), QSizeF(ctx.view.size())).adjusted(-20, -20, 20, 20);
        QPolygonF scratch;
        std::vector<QPolygonF> pieces;
        for (const TeamRoute& t : plan->teams) {
            if (!wanted(team, t.team))
                continue;
            const QColor c = teamColor(t.team);
            for (const RouteLeg& leg : t.legs) {
                if (leg.geometry.size() < 2)
                    continue;
                pieces.clear();
                projectDecimated(ctx.view, leg.geometry.data(), leg.geometry.size(), 0.5, scratch);
                clipPolyline(scratch, clip, pieces);
                p.setPen(QPen(QColor(255, 255, 255, 230), 7, Qt::SolidLine, Qt::RoundCap,
                              Qt::RoundJoin));
                for (const QPolygonF& piece : pieces)
                    p.drawPolyline(piece);
                QPen pen(c, leg.alongStreet ? 5 : 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
                if (leg.alongStreet)
                    pen.setColor(c.lighter(130));
                p.setPen(pen);
                for (const QPolygonF& piece : pieces)
                    p.drawPolyline(piece);
            }
        }
        QFont font(ctx.style.fontFamily);
        font.setPixelSize(10);
        font.setBold(true);
        p.setFont(font);
        for (const TeamRoute& t : plan->teams) {
            if (!wanted(team, t.team))
                continue;
            for (std::size_t k = 0; k < t.stops.size(); ++k) {
                const Stop& s = plan->stops[static_cast<std::size_t>(t.stops[k])];
                disc(p, ctx.view.toPixel(s.location), 17, teamColor(t.team), QString::number(k + 1),
                     false);
            }
        }
        if (plan->start)
            disc(p, ctx.view.toPixel(*plan->start), 17, QColor(0x21, 0x21, 0x21),
                 QStringLiteral("起"), true);
        if (plan->end && !plan->roundTrip)
            disc(p, ctx.view.toPixel(*plan->end), 17, QColor(0x21, 0x21, 0x21),
                 QStringLiteral("终"), true);
    };
    return o;
}

std::vector<LegendEntry> routeLegend(const RoutePlan& plan, int team) {
    std::vector<LegendEntry> out;
    for (const TeamRoute& t : plan.teams) {
        if (!wanted(team, t.team))
            continue;
        LegendEntry line;
        line.kind = LegendEntry::Kind::Line;
        line.label = QStringLiteral("第 %1 组路线").arg(t.team + 1);
        line.stroke = teamColor(t.team);
        line.strokeWidth = 3.5;
        out.push_back(line);
        LegendEntry stop;
        stop.kind = LegendEntry::Kind::Marker;
        stop.label = QStringLiteral("第 %1 组检查点（按顺序编号）").arg(t.team + 1);
        stop.fill = teamColor(t.team);
        stop.stroke = Qt::white;
        out.push_back(stop);
    }
    if (plan.start) {
        LegendEntry s;
        s.kind = LegendEntry::Kind::Area;
        s.label = QStringLiteral("起点 / 终点");
        s.fill = QColor(0x21, 0x21, 0x21);
        out.push_back(s);
    }
    return out;
}

Box routeExtent(const RoutePlan& plan, int team) {
    Box box;
    for (const TeamRoute& t : plan.teams) {
        if (!wanted(team, t.team))
            continue;
        for (const RouteLeg& leg : t.legs)
            for (const Point& pt : leg.geometry)
                box.expand(pt);
        for (int s : t.stops)
            box.expand(plan.stops[static_cast<std::size_t>(s)].location);
    }
    if (plan.start)
        box.expand(*plan.start);
    return box;
}

} // namespace core
