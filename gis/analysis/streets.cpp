#include "gis/analysis/streets.h"

#include "core/index/spatial_index.h"
#include "gis/analysis/detail/planar.h"
#include "gis/analysis/detail/unit_order.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

namespace gis {

namespace {

class UnionFind {
public:
    explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t find(std::size_t i) {
        while (parent_[i] != i) {
            parent_[i] = parent_[parent_[i]];
            i = parent_[i];
        }
        return i;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b)
            parent_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> parent_;
};

long long decimetres(double v) {
    return std::llround(v * 10.0);
}

using PartKey = std::tuple<long long, long long, long long, long long, std::size_t>;

/// A part's rounded end points and size: orders the parts of a street independently of input
/// order.
PartKey partKey(const core::Geometry& g, std::size_t part) {
    const auto& first = g.points[g.partBegin(part)];
    const auto& last = g.points[g.partEnd(part) - 1];
    return {decimetres(first.x), decimetres(first.y), decimetres(last.x), decimetres(last.y),
            g.partEnd(part) - g.partBegin(part)};
}

Street buildStreet(const std::vector<StreetSegment>& segments, std::vector<std::size_t> members) {
    Street s;
    std::sort(members.begin(), members.end());
    s.segments = members;
    s.name = segments[members.front()].name;
    struct PartRef {
        PartKey key;
        std::size_t segment;
        std::size_t part;
    };
    std::vector<PartRef> parts;
    for (std::size_t m : members) {
        const auto& g = *segments[m].geometry;
        for (std::size_t p = 0; p < g.partCount(); ++p)
            if (g.partEnd(p) > g.partBegin(p))
                parts.push_back({partKey(g, p), m, p});
    }
    std::sort(parts.begin(), parts.end(),
              [](const PartRef& a, const PartRef& b) { return a.key < b.key; });
    s.geometry.kind = core::GeometryKind::Line;
    for (const auto& ref : parts) {
        const auto& g = *segments[ref.segment].geometry;
        s.geometry.beginPart();
        s.geometry.points.insert(s.geometry.points.end(), g.points.begin() + g.partBegin(ref.part),
                                 g.points.begin() + g.partEnd(ref.part));
    }
    s.planarLength = core::planarLength(s.geometry);
    s.centroid = core::planarCentroid(s.geometry);
    s.bounds = s.geometry.bounds();
    s.key = unitKey(s.name, s.centroid, s.planarLength);

    std::vector<std::pair<QString, std::int64_t>> ids;
    for (std::size_t m : members)
        ids.emplace_back(segments[m].layer, segments[m].fid);
    std::sort(ids.begin(), ids.end());
    QStringList shown;
    for (std::size_t i = 0; i < ids.size() && i < 5; ++i)
        shown << QStringLiteral("%1 #%2").arg(ids[i].first).arg(ids[i].second);
    s.source = shown.join(QStringLiteral(", "));
    if (ids.size() > 5)
        s.source += QStringLiteral(" +%1").arg(ids.size() - 5);
    return s;
}

} // namespace

QString unitKey(const QString& name, core::Point centroid, double measure) {
    // A name with '%' goes through arg() as it always did (arg() reads "%N" in it as a place
    // marker, and keys must not change); any other name is joined directly, to the same text
    // and much faster (a city has a hundred thousand units).
    if (name.contains(u'%'))
        return QStringLiteral("%1\x1f%2\x1f%3\x1f%4")
            .arg(name)
            .arg(decimetres(centroid.x))
            .arg(decimetres(centroid.y))
            .arg(decimetres(measure));
    QString key;
    key.reserve(name.size() + 40);
    key += name;
    key += u'\x1f';
    key += QString::number(decimetres(centroid.x));
    key += u'\x1f';
    key += QString::number(decimetres(centroid.y));
    key += u'\x1f';
    key += QString::number(decimetres(measure));
    return key;
}

std::vector<Street> groupStreets(const std::vector<StreetSegment>& segments, double snapTolerance,
                                 bool includeUnnamed) {
    std::vector<std::size_t> used;
    std::vector<core::Box> boxes;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (segments[i].geometry->empty() || (segments[i].name.isEmpty() && !includeUnnamed))
            continue;
        used.push_back(i);
        boxes.push_back(segments[i].geometry->bounds().buffered(snapTolerance));
    }
    const core::SpatialIndex index(boxes);
    UnionFind sets(used.size());
    for (std::size_t a = 0; a < used.size(); ++a) {
        const auto& sa = segments[used[a]];
        index.query(boxes[a], [&](std::uint32_t b) {
            if (b <= a || segments[used[b]].name != sa.name || sets.find(a) == sets.find(b))
                return true;
            if (detail::lineLineDistance(*sa.geometry, *segments[used[b]].geometry) <=
                snapTolerance)
                sets.unite(a, b);
            return true;
        });
    }
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t a = 0; a < used.size(); ++a)
        groups[sets.find(a)].push_back(used[a]);
    std::vector<Street> streets;
    streets.reserve(groups.size());
    for (auto& [root, members] : groups)
        streets.push_back(buildStreet(segments, std::move(members)));
    detail::sortByKey(streets);
    return streets;
}

} // namespace gis
