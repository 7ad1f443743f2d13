#include "gis/layers/coordinate_checks.h"

#include "core/util/error.h"
#include "gis/io/point_table.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

namespace gis {

namespace {

constexpr std::size_t kMaxSamples = 2000;
/// Columns rounded to 4 decimals are up to ~8 m off; the web-map offsets are 100 m and more.
constexpr double kAgreeMetres = 50.0;
/// How close the converted points must come to the columns to name the conversion.
constexpr double kConversionMetres = 5.0;

// The column that most surely holds the longitude (or latitude), or -1.
int coordinateField(const core::LayerData& layer, bool longitude) {
    int best = -1;
    int bestScore = 0;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        const int score = coordinateColumnScore(layer.fields[i].name, longitude);
        if (score > bestScore) {
            best = static_cast<int>(i);
            bestScore = score;
        }
    }
    return best;
}

// A feature's attribute as a finite number, if it is one.
std::optional<double> number(const core::Feature& f, int field) {
    if (static_cast<std::size_t>(field) >= f.attributes.size())
        return std::nullopt;
    const QVariant& v = f.attributes[static_cast<std::size_t>(field)];
    if (v.isNull())
        return std::nullopt;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

double median(std::vector<double> values) {
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

std::vector<double> gaps(const std::vector<core::Point>& a, const std::vector<core::Point>& b) {
    std::vector<double> out(a.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        out[i] = geodesicDistance(a[i], b[i]);
    return out;
}

struct Conversion {
    ChinaOffset from;
    ChinaOffset to;
};

// The web-map conversion that turns the points into the columns, if one does.
std::optional<Conversion> conversionBetween(const std::vector<core::Point>& points,
                                            const std::vector<core::Point>& columns) {
    constexpr std::array systems{ChinaOffset::None, ChinaOffset::Gcj02, ChinaOffset::Bd09};
    for (ChinaOffset from : systems)
        for (ChinaOffset to : systems) {
            if (from == to)
                continue;
            std::vector<core::Point> converted(points.size());
            for (std::size_t i = 0; i < points.size(); ++i)
                converted[i] = fromWgs84(toWgs84(points[i], from), to);
            if (median(gaps(converted, columns)) < kConversionMetres)
                return Conversion{from, to};
        }
    return std::nullopt;
}

QString metres(double m) {
    return QString::number(std::lround(m));
}

} // namespace

OffsetHint offsetHintFromName(const QString& path) {
    const QString name = QFileInfo(path).completeBaseName().toLower().remove(QLatin1Char('-'));
    static const QRegularExpression words(QStringLiteral(
        "(?<![a-z])(gcj02|gcj|amap|gaode|autonavi|tencent|bd09ll|bd09|baidu)(?![a-z])"));
    if (const auto m = words.match(name); m.hasMatch()) {
        const QString w = m.captured(1);
        const bool baidu = w.startsWith(QLatin1String("bd")) || w == QLatin1String("baidu");
        return {baidu ? ChinaOffset::Bd09 : ChinaOffset::Gcj02, w};
    }
    for (const char* w : {"高德", "腾讯", "火星"})
        if (name.contains(QString::fromUtf8(w)))
            return {ChinaOffset::Gcj02, QString::fromUtf8(w)};
    if (name.contains(QString::fromUtf8("百度")))
        return {ChinaOffset::Bd09, QString::fromUtf8("百度")};
    return {};
}

QString offsetCrsCode(ChinaOffset offset) {
    switch (offset) {
    case ChinaOffset::Gcj02:
        return QStringLiteral("GCJ02");
    case ChinaOffset::Bd09:
        return QStringLiteral("BD09");
    case ChinaOffset::None:
        break;
    }
    return QStringLiteral("EPSG:4326");
}

QString offsetSystemName(ChinaOffset offset) {
    switch (offset) {
    case ChinaOffset::Gcj02:
        return QStringLiteral("GCJ-02 (Amap, Tencent)");
    case ChinaOffset::Bd09:
        return QStringLiteral("BD-09 (Baidu)");
    case ChinaOffset::None:
        break;
    }
    return QStringLiteral("WGS 84/CGCS2000");
}

QString checkLonLatColumns(const core::LayerData& layer, const Crs& source) {
    if (layer.kind != core::GeometryKind::Point || layer.features.empty() || !source.isValid())
        return {};
    const int lonField = coordinateField(layer, true);
    const int latField = coordinateField(layer, false);
    if (lonField < 0 || latField < 0 || lonField == latField)
        return {};

    // Points and their columns, from up to kMaxSamples features spread over the layer.
    const std::size_t n = layer.features.size();
    const std::size_t stride = (n + kMaxSamples - 1) / kMaxSamples;
    std::vector<core::Point> points;
    std::vector<core::Point> columns;
    std::size_t sampled = 0;
    for (std::size_t i = 0; i < n; i += stride) {
        ++sampled;
        const core::Feature& f = layer.features[i];
        if (f.geometry.points.empty())
            continue;
        const auto lon = number(f, lonField);
        const auto lat = number(f, latField);
        if (!lon || !lat || std::abs(*lon) > 180.0 || std::abs(*lat) > 90.0)
            continue;
        points.push_back(f.geometry.points.front());
        columns.push_back({*lon, *lat});
    }
    // Columns that are mostly empty or not degrees are not a second set of coordinates.
    if (columns.empty() || columns.size() * 5 < sampled * 4)
        return {};

    // The points as lon/lat in their own system (web-map systems stay as they are).
    if (!source.isGeographic()) {
        try {
            CoordinateTransform(source, Crs::fromEpsg(4326)).apply(points);
        } catch (const core::Error&) {
            return {}; // loading the layer reports the failing point
        }
    }
    std::vector<double> gap = gaps(points, columns);
    const double typical = median(gap);
    if (typical < kAgreeMetres)
        return {};
    const double largest = *std::max_element(gap.cbegin(), gap.cend());

    const QString head =
        QStringLiteral("%1, layer %2: ").arg(layer.source.path, layer.source.layerName);
    const QString cols = layer.fields[static_cast<std::size_t>(lonField)].name + QLatin1Char('/') +
                         layer.fields[static_cast<std::size_t>(latField)].name;
    const auto conversion = conversionBetween(points, columns);
    if (!conversion)
        return head + QStringLiteral("the points and their columns %1 lie a median %2 m apart (at "
                                     "most %3 m, %4 points compared), and the gap is not a GCJ-02 "
                                     "or BD-09 offset: the two come from different sources. The "
                                     "map places the points by their geometry, read as %5; check "
                                     "a few of them against a base map.")
                          .arg(cols, metres(typical), metres(largest))
                          .arg(columns.size())
                          .arg(source.label());
    if (conversion->from == source.offset())
        return head + QStringLiteral("the columns %1 hold the points in %2, a median %3 m from "
                                     "the geometry (%4 points compared). The map places the "
                                     "points by their geometry, read as %5.")
                          .arg(cols, offsetSystemName(conversion->to), metres(typical))
                          .arg(columns.size())
                          .arg(source.label());
    // How far off the map places the points if the conversion tells the truth.
    std::vector<core::Point> declared(points.size());
    std::vector<core::Point> likely(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        declared[i] = toWgs84(points[i], source.offset());
        likely[i] = toWgs84(points[i], conversion->from);
    }
    return head + QStringLiteral("the columns %1 are the points converted from %2 to %3, so the "
                                 "geometry looks like %2, not %4 as declared. If it is, declare "
                                 "it (--crs %5), or the points lie about %6 m off on the map.")
                      .arg(cols, offsetSystemName(conversion->from),
                           offsetSystemName(conversion->to), source.label(),
                           offsetCrsCode(conversion->from), metres(median(gaps(declared, likely))));
}

} // namespace gis
