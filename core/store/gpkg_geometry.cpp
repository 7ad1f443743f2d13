#include "core/store/gpkg_geometry.h"

#include "core/util/error.h"

#include <QtEndian>

#include <cstring>

namespace core {

namespace {

class Writer {
public:
    void u8(std::uint8_t v) { out.append(static_cast<char>(v)); }
    void u32(std::uint32_t v) {
        char b[4];
        qToLittleEndian(v, b);
        out.append(b, 4);
    }
    void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
    void f64(double v) {
        char b[8];
        qToLittleEndian(v, b);
        out.append(b, 8);
    }
    void point(const Point& p) {
        f64(p.x);
        f64(p.y);
    }
    void wkbHeader(std::uint32_t type) {
        u8(1); // little endian
        u32(type);
    }
    QByteArray out;
};

void writeRing(Writer& w, const Geometry& g, std::size_t part) {
    w.u32(g.partEnd(part) - g.partBegin(part));
    for (auto i = g.partBegin(part); i < g.partEnd(part); ++i)
        w.point(g.points[i]);
}

std::size_t polygonEnd(const Geometry& g, std::size_t pi) {
    return pi + 1 < g.polygons.size() ? g.polygons[pi + 1] : g.partCount();
}

void writePolygon(Writer& w, const Geometry& g, std::size_t pi) {
    w.wkbHeader(3);
    const std::size_t first = g.polygons[pi], last = polygonEnd(g, pi);
    w.u32(static_cast<std::uint32_t>(last - first));
    for (std::size_t r = first; r < last; ++r)
        writeRing(w, g, r);
}

class Reader {
public:
    Reader(const QByteArray& b, const QString& ctx) : data(b), context(ctx) {}
    void need(qsizetype n) const {
        if (pos + n > data.size())
            throw FormatError(QStringLiteral("%1: truncated GeoPackage geometry").arg(context));
    }
    std::uint8_t u8() {
        need(1);
        return static_cast<std::uint8_t>(data[pos++]);
    }
    std::uint32_t u32() {
        need(4);
        const auto* p = data.constData() + pos;
        pos += 4;
        return little ? qFromLittleEndian<std::uint32_t>(p) : qFromBigEndian<std::uint32_t>(p);
    }
    double f64() {
        need(8);
        const auto* p = data.constData() + pos;
        pos += 8;
        return little ? qFromLittleEndian<double>(p) : qFromBigEndian<double>(p);
    }
    const QByteArray& data;
    QString context;
    qsizetype pos = 0;
    bool little = true;
};

struct WkbType {
    std::uint32_t base;
    int dims;
};

WkbType wkbType(std::uint32_t t) {
    // ISO (1000/2000/3000 offsets) and the EWKB-style high bits both occur in the wild.
    int dims = 2;
    if (t & 0x80000000u)
        ++dims;
    if (t & 0x40000000u)
        ++dims;
    t &= 0x0fffffffu;
    const std::uint32_t thousands = t / 1000;
    if (thousands == 1 || thousands == 2)
        ++dims;
    else if (thousands == 3)
        dims += 2;
    return {t % 1000, dims};
}

void readWkb(Reader& r, Geometry& g, int depth) {
    if (depth > 2)
        throw FormatError(
            QStringLiteral("%1: nested geometry collections are not supported").arg(r.context));
    r.little = r.u8() == 1;
    const WkbType t = wkbType(r.u32());
    auto readPoint = [&]() {
        const double x = r.f64(), y = r.f64();
        for (int d = 2; d < t.dims; ++d)
            r.f64();
        return Point{x, y};
    };
    auto readPoints = [&]() {
        const std::uint32_t n = r.u32();
        r.need(static_cast<qsizetype>(n) * 8 * t.dims);
        g.beginPart();
        for (std::uint32_t i = 0; i < n; ++i)
            g.points.push_back(readPoint());
    };
    switch (t.base) {
    case 1: {
        g.kind = GeometryKind::Point;
        const Point p = readPoint();
        // An empty point is NaN,NaN in WKB; it adds no part.
        if (p.x == p.x && p.y == p.y) {
            g.beginPart();
            g.points.push_back(p);
        }
        return;
    }
    case 2:
        g.kind = GeometryKind::Line;
        readPoints();
        return;
    case 3: {
        g.kind = GeometryKind::Polygon;
        const std::uint32_t rings = r.u32();
        if (rings == 0)
            return;
        g.beginPolygon();
        for (std::uint32_t i = 0; i < rings; ++i)
            readPoints();
        return;
    }
    case 4:
    case 5:
    case 6:
    case 7: {
        const std::uint32_t n = r.u32();
        for (std::uint32_t i = 0; i < n; ++i) {
            const bool outer = r.little;
            readWkb(r, g, depth + 1);
            r.little = outer;
        }
        return;
    }
    default:
        throw FormatError(
            QStringLiteral("%1: unsupported WKB geometry type %2").arg(r.context).arg(t.base));
    }
}

} // namespace

const char* gpkgTypeName(GpkgGeometryType type) {
    switch (type) {
    case GpkgGeometryType::Point:
        return "POINT";
    case GpkgGeometryType::LineString:
        return "LINESTRING";
    case GpkgGeometryType::Polygon:
        return "POLYGON";
    case GpkgGeometryType::MultiPoint:
        return "MULTIPOINT";
    case GpkgGeometryType::MultiLineString:
        return "MULTILINESTRING";
    case GpkgGeometryType::MultiPolygon:
        return "MULTIPOLYGON";
    }
    return "GEOMETRY";
}

GpkgGeometryType singleOf(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Line:
        return GpkgGeometryType::LineString;
    case GeometryKind::Polygon:
        return GpkgGeometryType::Polygon;
    default:
        return GpkgGeometryType::Point;
    }
}

GpkgGeometryType multiOf(GeometryKind kind) {
    return static_cast<GpkgGeometryType>(static_cast<int>(singleOf(kind)) + 3);
}

GpkgGeometryType narrowestGpkgType(const Geometry& g) {
    const std::size_t n = g.kind == GeometryKind::Polygon ? g.polygons.size() : g.partCount();
    return n > 1 ? multiOf(g.kind) : singleOf(g.kind);
}

QByteArray encodeGpkgGeometry(const Geometry& g, std::int32_t srsId, GpkgGeometryType asType) {
    const bool multi = static_cast<int>(asType) > 3;
    const std::size_t count = g.kind == GeometryKind::Polygon ? g.polygons.size() : g.partCount();
    if (!multi && count > 1)
        throw GeometryError(QStringLiteral("a %1-part geometry cannot be stored as %2")
                                .arg(count)
                                .arg(QLatin1String(gpkgTypeName(asType))));
    Writer w;
    w.out.reserve(static_cast<qsizetype>(64 + g.points.size() * 16));
    w.u8('G');
    w.u8('P');
    w.u8(0);
    const bool empty = g.points.empty();
    const bool envelope = !empty && asType != GpkgGeometryType::Point;
    // flags: bit0 little-endian, bits1-3 envelope kind (1 = xy), bit4 empty geometry.
    w.u8(static_cast<std::uint8_t>(0x01 | (envelope ? 0x02 : 0) | (empty ? 0x10 : 0)));
    w.i32(srsId);
    if (envelope) {
        const Box b = g.bounds();
        w.f64(b.minX);
        w.f64(b.maxX);
        w.f64(b.minY);
        w.f64(b.maxY);
    }
    switch (asType) {
    case GpkgGeometryType::Point:
        w.wkbHeader(1);
        if (empty) {
            w.f64(std::numeric_limits<double>::quiet_NaN());
            w.f64(std::numeric_limits<double>::quiet_NaN());
        } else {
            w.point(g.points.front());
        }
        break;
    case GpkgGeometryType::LineString:
        w.wkbHeader(2);
        if (empty)
            w.u32(0);
        else
            writeRing(w, g, 0);
        break;
    case GpkgGeometryType::Polygon:
        if (empty) {
            w.wkbHeader(3);
            w.u32(0);
        } else {
            writePolygon(w, g, 0);
        }
        break;
    case GpkgGeometryType::MultiPoint:
        w.wkbHeader(4);
        w.u32(static_cast<std::uint32_t>(g.partCount()));
        for (std::size_t i = 0; i < g.partCount(); ++i) {
            w.wkbHeader(1);
            w.point(g.points[g.partBegin(i)]);
        }
        break;
    case GpkgGeometryType::MultiLineString:
        w.wkbHeader(5);
        w.u32(static_cast<std::uint32_t>(g.partCount()));
        for (std::size_t i = 0; i < g.partCount(); ++i) {
            w.wkbHeader(2);
            writeRing(w, g, i);
        }
        break;
    case GpkgGeometryType::MultiPolygon:
        w.wkbHeader(6);
        w.u32(static_cast<std::uint32_t>(g.polygons.size()));
        for (std::size_t pi = 0; pi < g.polygons.size(); ++pi)
            writePolygon(w, g, pi);
        break;
    }
    return w.out;
}

Geometry decodeGpkgGeometry(const QByteArray& blob, const QString& context, std::int32_t* srsId) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P')
        throw FormatError(QStringLiteral("%1: not a GeoPackage geometry").arg(context));
    Reader r(blob, context);
    r.pos = 3;
    const std::uint8_t flags = r.u8();
    r.little = flags & 0x01;
    const std::int32_t srs = static_cast<std::int32_t>(r.u32());
    if (srsId)
        *srsId = srs;
    static constexpr int kEnvelopeDoubles[] = {0, 4, 6, 6, 8};
    const int envKind = (flags >> 1) & 0x07;
    if (envKind > 4)
        throw FormatError(QStringLiteral("%1: invalid GeoPackage envelope flag").arg(context));
    r.need(kEnvelopeDoubles[envKind] * 8);
    r.pos += kEnvelopeDoubles[envKind] * 8;
    Geometry g;
    readWkb(r, g, 0);
    return g;
}

} // namespace core
