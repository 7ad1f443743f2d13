#include "gis/analysis/candidates.h"

#include "gis/analysis/detail/planar.h"
#include "gis/analysis/detail/unit_order.h"
#include "gis/analysis/ring.h"

#include <QHash>
#include <QObject>

#include <algorithm>
#include <cmath>
#include <future>
#include <map>

namespace gis {

namespace {

/// The scale factor on a 1 km grid: it changes by a few parts per million across a cell, far
/// below the centimetres that matter for lengths and areas.
class ScaleGrid {
public:
    explicit ScaleGrid(const ScaleProbe& probe) : probe_(probe) {}
    double at(core::Point p) {
        const auto cell = std::make_pair(static_cast<long long>(std::floor(p.x / 1000.0)),
                                         static_cast<long long>(std::floor(p.y / 1000.0)));
        const auto it = cache_.find(cell);
        if (it != cache_.end())
            return it->second;
        const double k = probe_.scaleAt({(static_cast<double>(cell.first) + 0.5) * 1000.0,
                                         (static_cast<double>(cell.second) + 0.5) * 1000.0});
        cache_.emplace(cell, k);
        return k;
    }

private:
    const ScaleProbe& probe_;
    std::map<std::pair<long long, long long>, double> cache_;
};

QString sourceOf(const core::LayerData& layer, std::size_t i) {
    // Same text as arg() gives, without its parsing, except for a '%' in the layer name (which
    // arg() would read as a place marker).
    if (layer.name.contains(u'%'))
        return QStringLiteral("%1 #%2").arg(layer.name).arg(layer.features[i].fid);
    return layer.name + QStringLiteral(" #") + QString::number(layer.features[i].fid);
}

bool wanted(const core::DrawParameters& p, core::Role r) {
    return std::find(p.kinds.begin(), p.kinds.end(), r) != p.kinds.end();
}

/// A point and a polygon of one kind and name within 250 m are one place mapped twice (OSM
/// often has both); keep the polygon, whose footprint the ring is measured from.
void mergeDuplicateAnchors(std::vector<AnchorSite>& anchors, QStringList& notes) {
    // Only points are dropped and only polygons absorb them, so whether a point goes depends
    // on the polygons of its kind and name alone: those are looked up by name, not scanned.
    QHash<QString, std::vector<std::size_t>> polygonsByName;
    for (std::size_t j = 0; j < anchors.size(); ++j)
        if (anchors[j].geometry.kind == core::GeometryKind::Polygon)
            polygonsByName[anchors[j].name].push_back(j);
    std::vector<bool> drop(anchors.size(), false);
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        const auto& a = anchors[i];
        if (a.name.isEmpty() || a.geometry.kind != core::GeometryKind::Point)
            continue;
        const auto it = polygonsByName.constFind(a.name);
        if (it == polygonsByName.constEnd())
            continue;
        for (std::size_t j : *it) {
            const auto& b = anchors[j];
            if (b.kind != a.kind)
                continue;
            if (detail::distance(a.location, b.geometry.bounds().center()) < 250.0 ||
                b.geometry.bounds().buffered(250.0).contains(a.location)) {
                drop[i] = true;
                break;
            }
        }
    }
    std::size_t merged = 0;
    std::vector<AnchorSite> kept;
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        if (drop[i])
            ++merged;
        else
            kept.push_back(std::move(anchors[i]));
    }
    anchors = std::move(kept);
    if (merged > 0)
        notes
            << QObject::tr("%1 anchor points merged into the polygon of the same name").arg(merged);
}

} // namespace

DrawUniverse buildUniverse(const std::vector<core::ClassifiedLayer>& layers,
                           const core::RuleSet& rules, const core::DrawParameters& params,
                           const Crs& working, core::Feedback& feedback) {
    params.validate();
    const ScaleProbe probe(working);
    ScaleGrid scale(probe);
    DrawUniverse u;
    u.crsAuthId = working.authId();
    std::vector<StreetSegment> segments;
    {
        // Reserved up front: these vectors hold hundreds of thousands of geometries in a city,
        // and growing them step by step moves each several times.
        std::size_t lines = 0;
        std::size_t compounds = 0;
        for (const auto& layer : layers)
            for (const core::RoleMask mask : layer.roles) {
                lines += (mask & core::roleBit(core::Role::BackStreet)) ? 1 : 0;
                compounds += (mask & core::roleBit(core::Role::Compound)) ? 1 : 0;
            }
        segments.reserve(lines);
        u.compounds.reserve(compounds);
    }
    const auto progress = [&](double share, std::size_t li) {
        feedback.setProgress(share + 25.0 * static_cast<double>(li + 1) /
                                         static_cast<double>(layers.size()),
                             QObject::tr("Reading anchors, streets and compounds"));
    };
    // Anchors and back-street segments first.
    for (std::size_t li = 0; li < layers.size(); ++li) {
        feedback.throwIfCanceled();
        const core::LayerData& layer = *layers[li].data;
        const core::FeatureNamer namer(rules, layer);
        const auto& roles = layers[li].roles;
        for (std::size_t i = 0; i < layer.features.size() && i < roles.size(); ++i) {
            const core::RoleMask mask = roles[i];
            if (mask == 0)
                continue;
            const core::Geometry& g = layer.features[i].geometry;
            if (g.empty())
                continue;
            for (core::Role kind : core::kAnchorRoles) {
                if (!(mask & core::roleBit(kind)) || !wanted(params, kind) ||
                    g.kind == core::GeometryKind::Line)
                    continue;
                AnchorSite a;
                a.kind = kind;
                a.name = namer.name(i, kind).trimmed();
                a.geometry = g;
                a.location =
                    g.kind == core::GeometryKind::Point ? g.points.front() : core::labelPoint(g);
                const bool polygon = g.kind == core::GeometryKind::Polygon;
                a.key = unitKey(a.name, polygon ? core::planarCentroid(g) : a.location,
                                polygon ? core::planarArea(g) : 0.0);
                a.source = sourceOf(layer, i);
                u.anchors.push_back(std::move(a));
            }
            if ((mask & core::roleBit(core::Role::BackStreet)) &&
                g.kind == core::GeometryKind::Line)
                segments.push_back({namer.name(i, core::Role::BackStreet).trimmed(), &g, layer.name,
                                    layer.features[i].fid});
        }
        progress(0, li);
    }
    mergeDuplicateAnchors(u.anchors, u.notes);

    const std::size_t unnamedSegments = static_cast<std::size_t>(std::count_if(
        segments.begin(), segments.end(), [](const StreetSegment& s) { return s.name.isEmpty(); }));
    // Grouping the segments into streets depends on them alone and is the longest step: it runs
    // on a second thread while the compounds are read here. (Declared after `segments`, so an
    // exception below waits for it before the segments go.)
    auto grouping = std::async(std::launch::async, [&segments, &params] {
        return groupStreets(segments, params.snapToleranceM, params.includeUnnamed);
    });

    std::size_t unnamedCompounds = 0;
    std::size_t smallCompounds = 0;
    for (std::size_t li = 0; li < layers.size(); ++li) {
        feedback.throwIfCanceled();
        const core::LayerData& layer = *layers[li].data;
        const core::FeatureNamer namer(rules, layer);
        const auto& roles = layers[li].roles;
        for (std::size_t i = 0; i < layer.features.size() && i < roles.size(); ++i) {
            if (!(roles[i] & core::roleBit(core::Role::Compound)))
                continue;
            const core::Geometry& g = layer.features[i].geometry;
            if (g.empty() || g.kind != core::GeometryKind::Polygon)
                continue;
            CompoundUnit c;
            c.name = namer.name(i, core::Role::Compound).trimmed();
            if (c.name.isEmpty() && params.compoundNeedsName) {
                ++unnamedCompounds;
                continue;
            }
            c.centroid = core::planarCentroid(g);
            const double k = scale.at(c.centroid);
            c.areaM2 = core::planarArea(g) / (k * k);
            if (c.areaM2 < params.minCompoundAreaM2) {
                ++smallCompounds;
                continue;
            }
            c.geometry = g;
            c.bounds = g.bounds();
            c.key = unitKey(c.name, c.centroid, c.areaM2);
            c.source = sourceOf(layer, i);
            u.compounds.push_back(std::move(c));
        }
        progress(25, li);
    }
    detail::sortByKey(u.compounds);

    auto streets = grouping.get();
    feedback.throwIfCanceled();
    std::size_t shortStreets = 0;
    u.streets.reserve(streets.size());
    u.streetLengthM.reserve(streets.size());
    for (auto& s : streets) {
        const double lengthM = s.planarLength / scale.at(s.centroid);
        if (lengthM < params.minStreetLengthM) {
            ++shortStreets;
            continue;
        }
        u.streets.push_back(std::move(s));
        u.streetLengthM.push_back(lengthM);
    }
    if (unnamedSegments > 0 && !params.includeUnnamed)
        u.notes << QObject::tr("%1 unnamed back-street segments left out (--include-unnamed "
                               "takes them)")
                       .arg(unnamedSegments);
    if (shortStreets > 0)
        u.notes << QObject::tr("%1 streets shorter than %2 m left out")
                       .arg(shortStreets)
                       .arg(params.minStreetLengthM);
    if (unnamedCompounds > 0)
        u.notes << QObject::tr("%1 unnamed compounds left out").arg(unnamedCompounds);
    if (smallCompounds > 0)
        u.notes << QObject::tr("%1 compounds under %2 m2 left out")
                       .arg(smallCompounds)
                       .arg(params.minCompoundAreaM2);
    feedback.setProgress(100.0, QObject::tr("Streets grouped"));
    return u;
}

std::vector<core::DrawAnchor> drawAnchors(const DrawUniverse& universe) {
    std::vector<core::DrawAnchor> out;
    out.reserve(universe.anchors.size());
    for (std::size_t i = 0; i < universe.anchors.size(); ++i) {
        const auto& a = universe.anchors[i];
        out.push_back({a.kind, a.name, a.key, a.source, a.location, static_cast<std::uint32_t>(i)});
    }
    return out;
}

} // namespace gis
