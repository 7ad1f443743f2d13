#include "core/render/map_style.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>

namespace core {

QColor roleColor(Role role) {
    switch (role) {
    case Role::Market:
        return QColor(0xEF, 0x6C, 0x00);
    case Role::Mall:
        return QColor(0x8E, 0x24, 0xAA);
    case Role::School:
        return QColor(0x1E, 0x6F, 0xD9);
    case Role::Hospital:
        return QColor(0xD3, 0x2F, 0x2F);
    case Role::Station:
        return QColor(0x00, 0x89, 0x7B);
    case Role::Community:
        return QColor(0x43, 0x8A, 0x2E);
    case Role::BackStreet:
        return QColor(0x9A, 0x8F, 0x84);
    case Role::MainRoad:
        return QColor(0xF6, 0xB9, 0x3B);
    case Role::Compound:
        return QColor(0xE8, 0xB8, 0x6B);
    case Role::Subdistrict:
        return QColor(0x6A, 0x4C, 0x9C);
    case Role::Boundary:
        return QColor(0xB0, 0x30, 0x3A);
    case Role::Toilet:
        return QColor(0x45, 0x5A, 0x64);
    }
    return Qt::gray;
}

std::optional<Role> primaryRole(RoleMask mask) {
    if (mask == 0)
        return std::nullopt;
    for (Role r : kAnchorRoles)
        if (mask & roleBit(r))
            return r;
    for (Role r : {Role::Subdistrict, Role::Boundary, Role::MainRoad, Role::Compound,
                   Role::BackStreet, Role::Toilet})
        if (mask & roleBit(r))
            return r;
    return std::nullopt;
}

DrawStage drawStageFor(std::optional<Role> role, GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Polygon:
        if (!role)
            return DrawStage::NeutralArea;
        if (isAnchor(*role))
            return DrawStage::AnchorArea;
        if (*role == Role::Subdistrict)
            return DrawStage::SubdistrictOutline;
        if (*role == Role::Boundary)
            return DrawStage::BoundaryOutline;
        return DrawStage::CompoundArea;
    case GeometryKind::Line:
        if (!role)
            return DrawStage::NeutralLine;
        if (*role == Role::MainRoad)
            return DrawStage::MainRoad;
        if (*role == Role::BackStreet)
            return DrawStage::BackStreet;
        if (isAnchor(*role))
            return DrawStage::AnchorLine;
        return DrawStage::NeutralLine;
    case GeometryKind::Point:
    case GeometryKind::None:
        if (!role)
            return DrawStage::NeutralPoint;
        if (isAnchor(*role))
            return DrawStage::AnchorSymbol;
        if (*role == Role::Toilet)
            return DrawStage::ToiletSymbol;
        return DrawStage::NeutralPoint;
    }
    return DrawStage::NeutralPoint;
}

QString preferredLabelFontFamily() {
    const QString cjk = QStringLiteral("Noto Sans CJK SC");
    // The font database needs a QGuiApplication; without one, name the wanted family and let
    // Qt fall back when the text is drawn.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return cjk;
    // Every RenderJob asks for the standard style: look the families up once.
    static const QString family =
        QFontDatabase::families().contains(cjk) ? cjk : QGuiApplication::font().family();
    return family;
}

const FeatureStyle& MapStyle::neutral(GeometryKind kind) const {
    return neutral_[static_cast<std::size_t>(kind)];
}

FeatureStyle& MapStyle::neutral(GeometryKind kind) {
    return neutral_[static_cast<std::size_t>(kind)];
}

MapStyle MapStyle::standard() {
    MapStyle s;
    s.fontFamily = preferredLabelFontFamily();

    for (Role r : kAnchorRoles) {
        FeatureStyle& a = s.forRole(r);
        const QColor c = roleColor(r);
        a.stroke = c.darker(115);
        a.strokeWidth = 1.5;
        a.fill = QColor(c.red(), c.green(), c.blue(), 60);
        a.icon = true;
        a.symbolSize = 22;
        a.labelPlacement = LabelPlacement::BesideSymbol;
        a.labelPriority = 100;
        a.labelPixelSize = 13;
        a.labelBold = true;
        a.labelColor = c.darker(160);
    }

    FeatureStyle& toilet = s.forRole(Role::Toilet);
    toilet.icon = true;
    toilet.symbolSize = 14;
    toilet.stroke = roleColor(Role::Toilet);
    toilet.strokeWidth = 1.5;

    FeatureStyle& sub = s.forRole(Role::Subdistrict);
    sub.stroke = roleColor(Role::Subdistrict);
    sub.strokeWidth = 1.6;
    sub.dashPattern = {6, 3};
    sub.labelPlacement = LabelPlacement::InsideArea;
    sub.labelPriority = 80;
    sub.labelPixelSize = 15;
    sub.labelBold = true;
    sub.labelColor = roleColor(Role::Subdistrict).darker(130);

    FeatureStyle& boundary = s.forRole(Role::Boundary);
    const QColor bc = roleColor(Role::Boundary);
    // Wider than a main road with its casing, so the band shows where roads run along the
    // district's edge.
    boundary.casing = QColor(bc.red(), bc.green(), bc.blue(), 80);
    boundary.casingWidth = 14;
    boundary.stroke = bc;
    boundary.strokeWidth = 2.2;

    FeatureStyle& main = s.forRole(Role::MainRoad);
    main.casing = QColor(0xB5, 0x7A, 0x12);
    main.casingWidth = 6.5;
    main.stroke = roleColor(Role::MainRoad);
    main.strokeWidth = 4.5;
    main.labelPlacement = LabelPlacement::AlongLine;
    main.labelPriority = 60;
    main.labelPixelSize = 12;
    main.labelColor = QColor(0x4A, 0x36, 0x10);

    FeatureStyle& compound = s.forRole(Role::Compound);
    const QColor cc = roleColor(Role::Compound);
    compound.fill = QColor(cc.red(), cc.green(), cc.blue(), 120);
    compound.stroke = cc.darker(135);
    compound.strokeWidth = 1.0;
    compound.labelPlacement = LabelPlacement::InsideArea;
    compound.labelPriority = 40;
    compound.labelPixelSize = 11;
    compound.labelColor = QColor(0x6B, 0x45, 0x10);

    FeatureStyle& back = s.forRole(Role::BackStreet);
    back.casing = roleColor(Role::BackStreet);
    back.casingWidth = 3.6;
    back.stroke = QColor(0xFF, 0xFF, 0xFF);
    back.strokeWidth = 2.0;
    back.labelPlacement = LabelPlacement::AlongLine;
    back.labelPriority = 20;
    back.labelPixelSize = 10.5;
    back.labelColor = QColor(0x50, 0x50, 0x50);

    FeatureStyle& np = s.neutral(GeometryKind::Polygon);
    np.fill = QColor(0xC8, 0xC8, 0xC4, 90);
    np.stroke = QColor(0xA8, 0xA8, 0xA4);
    np.strokeWidth = 0.8;
    FeatureStyle& nl = s.neutral(GeometryKind::Line);
    nl.stroke = QColor(0xB4, 0xB4, 0xB0);
    nl.strokeWidth = 1.0;
    for (GeometryKind k : {GeometryKind::Point, GeometryKind::None}) {
        FeatureStyle& npt = s.neutral(k);
        npt.fill = QColor(0x90, 0x90, 0x90);
        npt.stroke = QColor(0xFF, 0xFF, 0xFF);
        npt.strokeWidth = 1.0;
        npt.symbolSize = 5;
    }
    return s;
}

MapStyle MapStyle::adaptedToScale(double metresPerPixel) const {
    MapStyle s = *this;
    // Beyond ~8 m/px a district of 10-20 km fits a screen: thousands of streets would turn
    // it into a solid mesh, so streets thin out and lose their casings and labels.
    if (metresPerPixel > 8) {
        const double f = std::clamp(8.0 / metresPerPixel, 0.35, 1.0);
        FeatureStyle& back = s.forRole(Role::BackStreet);
        back.stroke = back.casing;
        back.casing = QColor();
        back.strokeWidth = std::max(0.6, 1.4 * f);
        back.labelPriority = 0;
        FeatureStyle& main = s.forRole(Role::MainRoad);
        main.casingWidth = std::max(2.5, main.casingWidth * f);
        main.strokeWidth = std::max(1.5, main.strokeWidth * f);
        s.forRole(Role::Compound).labelPriority = 0;
        for (Role r : kAnchorRoles)
            s.forRole(r).symbolSize = std::max(14.0, s.forRole(r).symbolSize * std::sqrt(f));
        for (GeometryKind k : {GeometryKind::Point, GeometryKind::None})
            s.neutral(k).symbolSize = 3;
    }
    return s;
}

} // namespace core
