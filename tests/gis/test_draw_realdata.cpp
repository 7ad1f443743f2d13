// The draw on real OSM data (Andorra, Geofabrik 2021-06-22): streets and compounds for every
// kind that has candidates, distances that hold geodesically, and reproducibility by seed.
#include "gis/analysis/draw_session.h"
#include "gis/analysis/ring.h"
#include "gis/layers/layer_loader.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <map>

TEST_CASE("an Andorra draw gives streets and compounds around every kind", "[draw][realdata]") {
    REQUIRE_REAL_DATA();
    gis::initGdal();
    gis::DrawRequest request;
    request.datasets << testing::realData(QStringLiteral("andorra/andorra-2021-06-22.osm.pbf"));
    request.seed = 7;
    core::Feedback fb;
    const auto run = gis::performDraw(request, fb);
    const auto& r = run.record;
    CHECK(r.workingCrs == QLatin1String("EPSG:32631"));
    REQUIRE(r.inputs.size() == 1);
    CHECK(r.inputs[0].layers.size() >= 3);
    REQUIRE_FALSE(r.outcome.anchors.empty());

    const gis::ScaleProbe probe(gis::Crs::fromUserInput(r.workingCrs));
    std::map<core::Role, int> streetCandidates, compoundCandidates, streetsDrawn, compoundsDrawn;
    for (const auto& a : r.outcome.anchors) {
        INFO(a.id.toStdString() << " " << a.name.toStdString());
        CHECK(a.streets.asked >= 1);
        CHECK(a.streets.asked <= 2);
        CHECK(static_cast<int>(a.streets.items.size()) + a.streets.shortfall == a.streets.asked);
        CHECK(static_cast<int>(a.compounds.items.size()) + a.compounds.shortfall ==
              a.compounds.asked);
        streetCandidates[a.kind] += a.streets.candidates;
        compoundCandidates[a.kind] += a.compounds.candidates;
        streetsDrawn[a.kind] += static_cast<int>(a.streets.items.size());
        compoundsDrawn[a.kind] += static_cast<int>(a.compounds.items.size());
        const bool pointAnchor = a.source.startsWith(QLatin1String("points"));
        for (const auto& s : a.streets.items) {
            CHECK(s.distanceM >= 500 - 0.01);
            CHECK(s.distanceM <= 2000 + 0.01);
            CHECK(s.measure >= 50);
            if (pointAnchor) {
                const double g =
                    gis::geodesicDistance(probe.toLonLat(a.location), probe.toLonLat(s.nearPoint));
                CHECK(g >= 499.5);
                CHECK(g <= 2000.5);
            }
        }
        for (const auto& c : a.compounds.items) {
            CHECK(c.distanceM >= 500 - 0.01);
            CHECK(c.distanceM <= 2000 + 0.01);
            CHECK(c.measure >= 2000);
        }
    }
    int kindsWithStreets = 0;
    for (const auto& [kind, n] : streetCandidates) {
        INFO("kind " << core::roleKey(kind).toStdString());
        if (n > 0) {
            CHECK(streetsDrawn[kind] > 0);
            ++kindsWithStreets;
        }
        if (compoundCandidates[kind] > 0)
            CHECK(compoundsDrawn[kind] > 0);
    }
    CHECK(kindsWithStreets >= 4);

    core::Feedback fb2;
    const auto again = gis::performDraw(request, fb2);
    CHECK(again.record.resultSha256() == r.resultSha256());
    CHECK(core::firstDifference(r, again.record).isEmpty());
    request.seed = 8;
    core::Feedback fb3;
    const auto other = gis::performDraw(request, fb3);
    CHECK(other.record.resultSha256() != r.resultSha256());
}
