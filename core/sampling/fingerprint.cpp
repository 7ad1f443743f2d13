#include "core/sampling/fingerprint.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

namespace core {

namespace {

// The same text as QByteArray::number(v) + ' ', without a temporary per number (a layer has
// millions of them).
void appendNumber(QByteArray& out, long long v) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf - 1, v).ptr;
    *end = ' ';
    out.append(buf, static_cast<qsizetype>(end + 1 - buf));
}

long long centimetres(double v) {
    return std::llround(v * 100.0);
}

double signedRingArea(const Geometry& g, std::size_t part) {
    double a = 0;
    const auto b = g.partBegin(part);
    const auto e = g.partEnd(part);
    for (auto i = b; i + 1 < e; ++i)
        a += g.points[i].x * g.points[i + 1].y - g.points[i + 1].x * g.points[i].y;
    return a / 2;
}

void appendPart(QByteArray& out, const Geometry& g, std::size_t part, bool reverse) {
    const auto b = g.partBegin(part);
    const auto e = g.partEnd(part);
    appendNumber(out, static_cast<long long>(e - b));
    for (auto n = b; n < e; ++n) {
        const Point& p = reverse ? g.points[e - 1 - (n - b)] : g.points[n];
        appendNumber(out, centimetres(p.x));
        appendNumber(out, centimetres(p.y));
    }
    out.append('|');
}

void appendGeometry(QByteArray& out, const Geometry& g) {
    out.append("G");
    appendNumber(out, static_cast<long long>(g.kind));
    appendNumber(out, static_cast<long long>(g.partCount()));
    if (g.kind != GeometryKind::Polygon) {
        for (std::size_t i = 0; i < g.partCount(); ++i)
            appendPart(out, g, i, false);
        return;
    }
    for (std::size_t poly = 0; poly < g.polygons.size(); ++poly) {
        const std::size_t first = g.polygons[poly];
        const std::size_t last =
            poly + 1 < g.polygons.size() ? g.polygons[poly + 1] : g.partCount();
        out.append("P");
        for (std::size_t ring = first; ring < last; ++ring) {
            const bool exterior = ring == first;
            const double area = signedRingArea(g, ring);
            appendPart(out, g, ring, exterior ? area < 0 : area > 0);
        }
    }
}

QString valueText(const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return v.toString();
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
            return QString::number(static_cast<long long>(d));
        return QString::number(d, 'g', 12);
    }
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return v.toDateTime().toUTC().toString(Qt::ISODate);
    default:
        return v.toString().trimmed();
    }
}

/// Writes canonicalFeatureBytes for the features of one layer. The attributes go in the order
/// of their lower-case field names (then of their text, for names equal but for case), which
/// is worked out once per layer: a city layer has hundreds of thousands of features.
class FeatureWriter {
public:
    explicit FeatureWriter(const LayerData& layer) : layer_(layer) {
        std::vector<std::pair<QString, std::size_t>> names;
        for (std::size_t i = 0; i < layer.fields.size(); ++i)
            names.emplace_back(layer.fields[i].name.toLower(), i);
        std::stable_sort(names.begin(), names.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < names.size(); ++i) {
            const bool sameAsPrevious = i > 0 && names[i].first == names[i - 1].first;
            if (!sameAsPrevious)
                groups_.push_back({names[i].first.toUtf8(), {}});
            groups_.back().fields.push_back(names[i].second);
        }
    }

    /// canonicalFeatureBytes into `out` (cleared first).
    void write(QByteArray& out, std::size_t feature) {
        const Feature& f = layer_.features[feature];
        out.resize(0);
        appendGeometry(out, f.geometry);
        for (const Group& g : groups_) {
            texts_.clear();
            for (std::size_t i : g.fields) {
                if (i >= f.attributes.size() || f.attributes[i].isNull())
                    continue;
                QString text = valueText(f.attributes[i]);
                if (!text.isEmpty())
                    texts_.push_back(std::move(text));
            }
            if (texts_.size() > 1)
                std::sort(texts_.begin(), texts_.end());
            for (const QString& text : texts_) {
                out.append('A');
                out.append(g.nameUtf8);
                out.append('\x1f');
                out.append(text.toUtf8());
                out.append('\x1e');
            }
        }
    }

private:
    /// Fields whose lower-case names are equal (usually one).
    struct Group {
        QByteArray nameUtf8;
        std::vector<std::size_t> fields;
    };
    const LayerData& layer_;
    std::vector<Group> groups_; ///< in name order
    std::vector<QString> texts_;
};

} // namespace

QByteArray canonicalFeatureBytes(const LayerData& layer, std::size_t feature) {
    QByteArray out;
    FeatureWriter(layer).write(out, feature);
    return out;
}

QString layerFingerprint(const LayerData& layer) {
    using Digest = std::array<unsigned char, 32>;
    std::vector<Digest> digests;
    digests.reserve(layer.features.size());
    FeatureWriter writer(layer);
    QByteArray bytes;
    QCryptographicHash feature(QCryptographicHash::Sha256);
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        writer.write(bytes, i);
        feature.reset();
        feature.addData(bytes);
        const QByteArrayView d = feature.resultView();
        Digest digest;
        std::copy(d.begin(), d.end(), digest.begin());
        digests.push_back(digest);
    }
    // Byte-wise order (as unsigned bytes, as QByteArray compares).
    std::sort(digests.begin(), digests.end());
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArray(kFingerprintScheme));
    h.addData(QByteArray::number(static_cast<qulonglong>(digests.size())));
    for (const auto& d : digests)
        h.addData(QByteArrayView(reinterpret_cast<const char*>(d.data()),
                                 static_cast<qsizetype>(d.size())));
    return QString::fromLatin1(h.result().toHex());
}

QString sha256Hex(const QByteArray& bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace core
