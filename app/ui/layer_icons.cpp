#include "app/ui/layer_icons.h"

#include "core/render/map_symbols.h"

#include <QPainter>
#include <QPixmap>

namespace app {

namespace {

QImage swatch(const core::FeatureStyle& s, core::GeometryKind kind, int size) {
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const double m = size * 0.15;
    const QRectF box(m, m, size - 2 * m, size - 2 * m);
    switch (kind) {
    case core::GeometryKind::Polygon: {
        p.setBrush(s.fill.isValid() ? QBrush(s.fill) : QBrush(Qt::NoBrush));
        if (s.casing.isValid())
            p.setPen(QPen(s.casing, std::min(4.0, s.casingWidth / 2)));
        else
            p.setPen(
                s.stroke.isValid()
                    ? QPen(s.stroke, 1.5, s.dashPattern.isEmpty() ? Qt::SolidLine : Qt::DashLine)
                    : QPen(Qt::NoPen));
        p.drawRect(box);
        break;
    }
    case core::GeometryKind::Line: {
        const QPointF a(box.left(), box.bottom()), b(box.right(), box.top());
        if (s.casing.isValid()) {
            p.setPen(
                QPen(s.casing, std::min(size / 3.0, s.casingWidth), Qt::SolidLine, Qt::RoundCap));
            p.drawLine(a, b);
        }
        p.setPen(QPen(s.stroke, std::min(size / 4.0, s.strokeWidth), Qt::SolidLine, Qt::RoundCap));
        p.drawLine(a, b);
        break;
    }
    default:
        p.setPen(QPen(s.stroke.isValid() ? s.stroke : QColor(Qt::white), 1));
        p.setBrush(s.fill.isValid() ? s.fill : QColor(Qt::gray));
        p.drawEllipse(box.center(), size * 0.25, size * 0.25);
        break;
    }
    return img;
}

core::GeometryKind kindOfRole(core::Role role) {
    switch (role) {
    case core::Role::BackStreet:
    case core::Role::MainRoad:
        return core::GeometryKind::Line;
    case core::Role::Compound:
    case core::Role::Subdistrict:
    case core::Role::Boundary:
        return core::GeometryKind::Polygon;
    default:
        return core::GeometryKind::Point;
    }
}

} // namespace

QIcon roleIcon(core::Role role, const core::MapStyle& style, int size) {
    QImage img = core::symbolImage(role, size);
    if (img.isNull())
        img = swatch(style.forRole(role), kindOfRole(role), size);
    return QIcon(QPixmap::fromImage(img));
}

QIcon layerIcon(const core::ClassifiedLayer& layer, const core::MapStyle& style, int size) {
    const core::GeometryKind kind = layer.data ? layer.data->kind : core::GeometryKind::Point;
    // Prefer a role drawn like the layer's geometry (a compound layer with a few school
    // grounds shows the compound swatch), else the most important role of any kind.
    core::RoleMask sameKind = 0;
    for (std::size_t i = 0; i < core::kRoleCount; ++i) {
        const auto r = static_cast<core::Role>(i);
        if ((layer.layerRoles & core::roleBit(r)) && kindOfRole(r) == kind)
            sameKind |= core::roleBit(r);
    }
    if (const auto role = core::primaryRole(sameKind ? sameKind : layer.layerRoles))
        return roleIcon(*role, style, size);
    return QIcon(QPixmap::fromImage(swatch(style.neutral(kind), kind, size)));
}

} // namespace app
