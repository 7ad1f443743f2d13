// CandidateFinder::findForDraw (what a draw uses) against find() (what reports use) on the
// demo district, for every street and compound rule: the same units at the same steps, and a
// drawn item completed by completeDrawn() equal to find()'s candidate in every field.

#include "core/model/roles.h"
#include "core/util/feedback.h"
#include "gis/analysis/candidates.h"
#include "gis/layers/layer_loader.h"

#include <catch2/catch.hpp>

#include <map>
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
