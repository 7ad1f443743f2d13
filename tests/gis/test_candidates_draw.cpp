// CandidateFinder::findForDraw (what a draw uses) against find() (what reports use) on the
// demo district, for every street and compound rule: the same units at the same steps, and a
// drawn item completed by completeDrawn() equal to find()'s candidate in every field. Then the
// same around polygon anchors whose shape defeats shortcuts: concave, rotated, and larger than
// the ring, with streets inside them and across their notches.

#include "core/model/roles.h"
#include "core/util/feedback.h"
#include "gis/analysis/candidates.h"
#include "gis/analysis/ring.h"
#include "gis/layers/layer_loader.h"
#include "support/layer_fixture.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <numbers>
#include <random>
#include <utility>

namespace {

struct District {
    gis::Crs working;
    std::vector<core::ClassifiedLayer> layers;
};

const District& district() {
    static const District d = [] {
        const QString path =
            QStringLiteral(PERISURVEY_SOURCE_DIR) + QStringLiteral("/data/demo/x_district.gpkg");
        District out;
        out.working = gis::workingCrsFor(gis::inspectDataset(path));
        core::Feedback fb;
        const auto ds = gis::loadDataset(path, out.working, {}, fb);
        const core::RuleSet rules = core::RuleSet::defaults();
        for (const auto& layer : ds.layers) {
            core::ClassifiedLayer c{layer, rules.classify(*layer), 0};
            for (auto m : c.roles)
                c.layerRoles |= m;
            out.layers.push_back(std::move(c));
        }
        return out;
    }();
    return d;
}

using Steps = std::map<std::uint32_t, double>; ///< unit -> eligibleOuterM

Steps stepsOf(const std::vector<core::DrawCandidate>& list) {
    Steps out;
    for (const auto& c : list)
        out.emplace(c.unit, c.eligibleOuterM);
    return out;
}

Steps stepsOf(const std::vector<core::RankedCandidate>& list) {
    Steps out;
    for (const auto& c : list)
        out.emplace(c.unit, c.eligibleOuterM);
    return out;
}

/// Completes every ranked candidate as a drawn item and compares it with find()'s.
void checkCompleted(gis::CandidateFinder& finder, std::size_t anchor,
                    const std::vector<core::DrawCandidate>& found,
                    const std::vector<core::RankedCandidate>& ranked, bool street) {
    std::map<std::uint32_t, const core::DrawCandidate*> byUnit;
    for (const auto& c : found)
        byUnit.emplace(c.unit, &c);
    for (const auto& r : ranked) {
        core::DrawCandidate item;
        item.rank = r.rank;
        item.unit = r.unit;
        item.eligibleOuterM = r.eligibleOuterM;
        finder.completeDrawn(anchor, item, street);
        const core::DrawCandidate& want = *byUnit.at(r.unit);
        INFO((street ? "street " : "compound ") << want.name.toStdString());
        CHECK(item.key == want.key);
        CHECK(item.name == want.name);
        CHECK(item.source == want.source);
        CHECK(item.rank == want.rank);
        CHECK(item.measure == want.measure);
        CHECK(item.distanceM == want.distanceM);
        CHECK(item.nearPoint.x == want.nearPoint.x);
        CHECK(item.nearPoint.y == want.nearPoint.y);
    }
}

/// Polygon anchors in UTM 31N with streets and compounds scattered around them, plus the cases
/// a shortcut could get wrong: a street across the mouth of a U (both ends near the anchor, its
/// middle 600 m from it), streets inside an anchor 6 km wide (distance 0, though 600 m or more
/// from its edge), and streets and compounds within centimetres of 500 m and 2,000 m.
std::vector<core::ClassifiedLayer> awkwardAnchors() {
    const QString crs = QStringLiteral("EPSG:32631");
    auto polys = testing::emptyLayer(QStringLiteral("multipolygons"), core::GeometryKind::Polygon,
                                     crs, {"name", "landuse", "amenity"});
    auto lines = testing::emptyLayer(QStringLiteral("lines"), core::GeometryKind::Line, crs,
                                     {"name", "highway"});
    std::int64_t fid = 1;
    const auto anchor = [&](const char* name, const char* amenity, std::vector<core::Point> ring) {
        polys->features.push_back(
            {fid++,
             core::Geometry::polygon(std::move(ring)),
             {QString::fromUtf8(name), QVariant(), QString::fromUtf8(amenity)}});
    };
    const auto street = [&](std::vector<core::Point> pts) {
        lines->features.push_back(
            {fid,
             core::Geometry::line(std::move(pts)),
             {QStringLiteral("street %1").arg(fid), QStringLiteral("residential")}});
        ++fid;
    };
    const auto compound = [&](core::Point c) {
        const double h = 30;
        polys->features.push_back(
            {fid,
             core::Geometry::polygon(
                 {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}}),
             {QStringLiteral("compound %1").arg(fid), QStringLiteral("residential"), QVariant()}});
        ++fid;
    };

    // A U-shaped market (concave): arms 200 m wide, a notch 1,200 m wide and deep.
    const core::Point u{420000, 4705000};
    anchor("U market", "marketplace",
           {{u.x, u.y},
            {u.x + 1600, u.y},
            {u.x + 1600, u.y + 1400},
            {u.x + 1400, u.y + 1400},
            {u.x + 1400, u.y + 200},
            {u.x + 200, u.y + 200},
            {u.x + 200, u.y + 1400},
            {u.x, u.y + 1400}});
    street({{u.x + 201, u.y + 1399}, {u.x + 1399, u.y + 1399}}); // across the mouth
    street({{u.x + 201, u.y + 1000}, {u.x + 1399, u.y + 1000}}); // across the notch, 800 m deep
    // A school square turned by 30 degrees (convex, not filling its box).
    const core::Point s{430000, 4705000};
    std::vector<core::Point> square;
    for (int i = 0; i < 4; ++i) {
        const double a = std::numbers::pi / 6 + i * std::numbers::pi / 2;
        square.push_back({s.x + 150 * std::cos(a), s.y + 150 * std::sin(a)});
    }
    anchor("turned school", "school", square);
    // A hospital campus 6 km wide, with streets and compounds inside it.
    const core::Point h{440000, 4705000};
    anchor("campus", "hospital",
           {{h.x, h.y}, {h.x + 6000, h.y}, {h.x + 6000, h.y + 6000}, {h.x, h.y + 6000}});
    street({{h.x + 3000, h.y + 3000}, {h.x + 3100, h.y + 3000}});
    street({{h.x + 600, h.y + 600}, {h.x + 600, h.y + 700}});
    compound({h.x + 3000, h.y + 2000});

    // Scattered streets (2-4 vertices) and compounds around every anchor, and some placed
    // within 5 cm of the inner and outer circles of the turned school, measured from a corner.
    std::mt19937_64 rng(20261127);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (const core::Point c :
         {core::Point{u.x + 800, u.y + 700}, s, core::Point{h.x + 3000, h.y + 3000}}) {
        const double reach = c.x == h.x + 3000 ? 5500 : 2600;
        for (int i = 0; i < 400; ++i) {
            core::Point p{c.x + (unit(rng) * 2 - 1) * reach, c.y + (unit(rng) * 2 - 1) * reach};
            std::vector<core::Point> pts{p};
            const int n = 1 + static_cast<int>(unit(rng) * 3);
            for (int v = 0; v < n; ++v) {
                const double a = unit(rng) * 2 * std::numbers::pi;
                p = {p.x + std::cos(a) * (40 + unit(rng) * 300),
                     p.y + std::sin(a) * (40 + unit(rng) * 300)};
                pts.push_back(p);
            }
            street(std::move(pts));
            compound({c.x + (unit(rng) * 2 - 1) * reach, c.y + (unit(rng) * 2 - 1) * reach});
        }
    }
    // Distances are metres on the ellipsoid: planar ones divided by the local scale factor.
    const double k = gis::ScaleProbe(gis::Crs::fromEpsg(32631)).scaleAt(s);
    const core::Point corner = square[0];
    const double out = std::numbers::pi / 6; // away from the square at its first corner
    for (const double d : {499.95, 500.05, 1999.95, 2000.05}) {
        for (const double turn : {-0.3, 0.0, 0.3}) {
            const core::Point dir{std::cos(out + turn), std::sin(out + turn)};
            const core::Point p{corner.x + dir.x * d * k, corner.y + dir.y * d * k};
            street({p, {p.x + dir.x * 120, p.y + dir.y * 120}}); // nearest point at d
            street({{p.x - dir.x * 120, p.y - dir.y * 120}, p}); // farthest point at d
            compound(p);
        }
    }
    const auto rules = core::RuleSet::defaults();
    std::vector<core::ClassifiedLayer> layers;
    for (const auto& layer : {polys, lines}) {
        layer->buildIndex();
        core::ClassifiedLayer c{layer, rules.classify(*layer), 0};
        for (auto m : c.roles)
            c.layerRoles |= m;
        layers.push_back(std::move(c));
    }
    return layers;
}

} // namespace

TEST_CASE("a draw's candidates, completed, are find()'s for every rule", "[candidates][draw]") {
    const District& d = district();
    const core::RuleSet rules = core::RuleSet::defaults();
    using SR = core::StreetRule;
    using CR = core::CompoundRule;
    for (const auto& [streetRule, compoundRule] :
         {std::pair{SR::AnyPart, CR::Centroid}, std::pair{SR::Midpoint, CR::Centroid},
          std::pair{SR::LengthShare, CR::AnyPart}, std::pair{SR::AnyPart, CR::AnyPart}}) {
        core::DrawParameters params;
        params.streetRule = streetRule;
        params.compoundRule = compoundRule;
        params.widenStepM = 500; // the steps must agree too
        core::Feedback fb;
        const gis::DrawUniverse u = gis::buildUniverse(d.layers, rules, params, d.working, fb);
        REQUIRE(u.anchors.size() >= 30);
        gis::CandidateFinder finder(u, params, d.working);
        int pointAnchors = 0;
        int polygonAnchors = 0;
        std::size_t streets = 0;
        std::size_t compounds = 0;
        for (std::size_t a = 0; a < u.anchors.size(); ++a) {
            INFO("rules " << int(streetRule) << "/" << int(compoundRule) << ", anchor "
                          << u.anchors[a].name.toStdString());
            (u.anchors[a].geometry.kind == core::GeometryKind::Point ? pointAnchors
                                                                     : polygonAnchors)++;
            const core::CandidateSet full = finder.find(a);
            const core::CandidateSet quick = finder.findForDraw(a);
            CHECK_FALSE(full.ranked);
            REQUIRE(quick.ranked);
            CHECK(quick.streets.empty());
            CHECK(quick.compounds.empty());
            CHECK(stepsOf(quick.rankedStreets) == stepsOf(full.streets));
            CHECK(stepsOf(quick.rankedCompounds) == stepsOf(full.compounds));
            checkCompleted(finder, a, full.streets, quick.rankedStreets, true);
            checkCompleted(finder, a, full.compounds, quick.rankedCompounds, false);
            streets += full.streets.size();
            compounds += full.compounds.size();
        }
        // The fixture exercises both kinds of anchor and finds plenty in their rings.
        CHECK(pointAnchors > 0);
        CHECK(polygonAnchors > 0);
        CHECK(streets > 100);
        CHECK(compounds > 100);
    }
}

TEST_CASE("a draw's candidates around concave, turned and huge anchors are find()'s",
          "[candidates][draw]") {
    const auto layers = awkwardAnchors();
    const gis::Crs working = gis::Crs::fromEpsg(32631);
    const core::RuleSet rules = core::RuleSet::defaults();
    for (const auto compoundRule : {core::CompoundRule::Centroid, core::CompoundRule::AnyPart}) {
        core::DrawParameters params;
        params.compoundRule = compoundRule;
        params.widenStepM = 500;
        core::Feedback fb;
        const gis::DrawUniverse u = gis::buildUniverse(layers, rules, params, working, fb);
        REQUIRE(u.anchors.size() == 3);
        gis::CandidateFinder finder(u, params, working);
        for (std::size_t a = 0; a < u.anchors.size(); ++a) {
            INFO("anchor " << u.anchors[a].name.toStdString());
            const core::CandidateSet full = finder.find(a);
            const core::CandidateSet quick = finder.findForDraw(a);
            CHECK(full.streets.size() > 50);
            CHECK(full.compounds.size() > 50);
            CHECK(stepsOf(quick.rankedStreets) == stepsOf(full.streets));
            CHECK(stepsOf(quick.rankedCompounds) == stepsOf(full.compounds));
            checkCompleted(finder, a, full.streets, quick.rankedStreets, true);
            checkCompleted(finder, a, full.compounds, quick.rankedCompounds, false);
        }
    }
}
