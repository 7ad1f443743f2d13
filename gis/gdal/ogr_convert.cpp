#include "gis/gdal/detail/ogr_convert.h"

#include <vector>

namespace gis::detail {

using core::GeometryKind;

core::FieldType fieldTypeOf(OGRFieldType type) {
    switch (type) {
    case OFTInteger:
    case OFTInteger64:
        return core::FieldType::Integer;
    case OFTReal:
        return core::FieldType::Real;
    case OFTDate:
        return core::FieldType::Date;
    case OFTDateTime:
        return core::FieldType::DateTime;
    case OFTString:
        return core::FieldType::String;
    default:
        return core::FieldType::Other;
    }
}

GeometryKind kindOf(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryKind::Point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return GeometryKind::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbTriangle:
    case wkbTIN:
    case wkbPolyhedralSurface:
        return GeometryKind::Polygon;
    default:
        return GeometryKind::None;
    }
}

namespace {

void appendPoints(OGRGeometryH simple, core::Geometry& out) {
    const int n = OGR_G_GetPointCount(simple);
    if (n <= 0)
        return;
    const std::size_t base = out.points.size();
    out.points.resize(base + n);
    // OGR_G_GetPoints writes x and y into strided buffers: straight into our Point array.
    OGR_G_GetPoints(simple, &out.points[base].x, sizeof(core::Point), &out.points[base].y,
                    sizeof(core::Point), nullptr, 0);
}

void appendSimple(OGRGeometryH g, core::Geometry& out, int& skipped) {
    const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (OGR_G_IsEmpty(g))
        return;
    if (kindOf(type) != out.kind && type != wkbGeometryCollection) {
        ++skipped;
        return;
    }
    switch (type) {
    case wkbPoint:
        out.beginPart();
        out.points.push_back({OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)});
        return;
    case wkbLineString:
        out.beginPart();
        appendPoints(g, out);
        return;
    case wkbPolygon: {
        out.beginPolygon();
        for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
            OGRGeometryH ring = OGR_G_GetGeometryRef(g, r);
            if (OGR_G_GetPointCount(ring) < 4)
                continue;
            out.beginPart();
            appendPoints(ring, out);
        }
        if (out.polygons.back() == out.parts.size())
            out.polygons.pop_back(); // no usable ring
        return;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
            appendSimple(OGR_G_GetGeometryRef(g, i), out, skipped);
        return;
    default:
        break;
    }
    // Curves, surfaces, TINs: linearise, then take the simple path.
    OGRGeometryH linear = OGR_G_GetLinearGeometry(g, 0, nullptr);
    if (linear) {
        if (wkbFlatten(OGR_G_GetGeometryType(linear)) == wkbPolyhedralSurface ||
            wkbFlatten(OGR_G_GetGeometryType(linear)) == wkbTIN) {
            OGRGeometryH mp = OGR_G_ForceToMultiPolygon(linear);
            appendSimple(mp, out, skipped);
            OGR_G_DestroyGeometry(mp);
        } else {
            appendSimple(linear, out, skipped);
            OGR_G_DestroyGeometry(linear);
        }
    } else {
        ++skipped;
    }
}

OGRGeometryH makePart(const core::Geometry& g, std::size_t part, OGRwkbGeometryType type) {
    OGRGeometryH h = OGR_G_CreateGeometry(type);
    const auto b = g.partBegin(part), e = g.partEnd(part);
    OGR_G_SetPointCount(h, static_cast<int>(e - b));
    for (auto i = b; i < e; ++i)
        OGR_G_SetPoint_2D(h, static_cast<int>(i - b), g.points[i].x, g.points[i].y);
    return h;
}

} // namespace

void appendOgrGeometry(OGRGeometryH geom, core::Geometry& out, int& skippedParts) {
    if (geom)
        appendSimple(geom, out, skippedParts);
}

OGRGeometryH toOgrGeometry(const core::Geometry& g) {
    switch (g.kind) {
    case GeometryKind::Point: {
        if (g.partCount() == 1) {
            OGRGeometryH p = OGR_G_CreateGeometry(wkbPoint);
            OGR_G_SetPoint_2D(p, 0, g.points[0].x, g.points[0].y);
            return p;
        }
        OGRGeometryH mp = OGR_G_CreateGeometry(wkbMultiPoint);
        for (std::size_t i = 0; i < g.partCount(); ++i) {
            OGRGeometryH p = OGR_G_CreateGeometry(wkbPoint);
            const auto& pt = g.points[g.partBegin(i)];
            OGR_G_SetPoint_2D(p, 0, pt.x, pt.y);
            OGR_G_AddGeometryDirectly(mp, p);
        }
        return mp;
    }
    case GeometryKind::Line: {
        if (g.partCount() == 1)
            return makePart(g, 0, wkbLineString);
        OGRGeometryH ml = OGR_G_CreateGeometry(wkbMultiLineString);
        for (std::size_t i = 0; i < g.partCount(); ++i)
            OGR_G_AddGeometryDirectly(ml, makePart(g, i, wkbLineString));
        return ml;
    }
    case GeometryKind::Polygon: {
        std::vector<OGRGeometryH> polys;
        for (std::size_t p = 0; p < g.polygons.size(); ++p) {
            const std::size_t first = g.polygons[p];
            const std::size_t last = p + 1 < g.polygons.size() ? g.polygons[p + 1] : g.partCount();
            OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
            for (std::size_t r = first; r < last; ++r)
                OGR_G_AddGeometryDirectly(poly, makePart(g, r, wkbLinearRing));
            polys.push_back(poly);
        }
        if (polys.size() == 1)
            return polys.front();
        OGRGeometryH mp = OGR_G_CreateGeometry(wkbMultiPolygon);
        for (auto* poly : polys)
            OGR_G_AddGeometryDirectly(mp, poly);
        return mp;
    }
    case GeometryKind::None:
        break;
    }
    return nullptr;
}

} // namespace gis::detail
