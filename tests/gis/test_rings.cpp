// Rings against PROJ geodesics at several latitudes and at zone edges, street grouping, and the
// candidate rules on hand-made geometry with known answers.
#include "gis/analysis/candidates.h"
#include "gis/analysis/ring.h"
#include "gis/analysis/streets.h"
#include "support/layer_fixture.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <deque>
#include <numbers>

namespace {

struct Site {
    double lon;
    double lat;
    int epsg; ///< working CRS
};

/// Checks every vertex of a ring part and every chord midpoint against the geodesic radius.
void checkPart(const core::Geometry& ring, std::size_t part, const gis::ScaleProbe& probe,
               core::Point centreLonLat, double radius, double& worst) {
    const auto b = ring.partBegin(part);
    const auto e = ring.partEnd(part);
    for (auto i = b; i + 1 < e; ++i) {
        const auto p = ring.points[i];
        const auto q = ring.points[i + 1];
        const double dv = gis::geodesicDistance(centreLonLat, probe.toLonLat(p));
        const double dm =
            gis::geodesicDistance(centreLonLat, probe.toLonLat({(p.x + q.x) / 2, (p.y + q.y) / 2}));
        worst = std::max({worst, std::fabs(dv - radius), std::fabs(dm - radius)});
    }
}

} // namespace

TEST_CASE("ring vertices and chords lie within 0.5 m of the geodesic radius", "[rings]") {
    const std::vector<Site> sites{
        {117.0, 20.0, gis::gaussKrugerCmEpsg(117.0)},   // central meridian, south China
        {118.49, 20.0, gis::gaussKrugerCmEpsg(118.49)}, // east edge of zone CM 117 at 20 N
        {115.51, 30.0, gis::gaussKrugerCmEpsg(115.51)}, // west edge of the same zone at 30 N
        {121.49, 40.0, gis::gaussKrugerCmEpsg(121.49)}, // edge of zone CM 120 at 40 N
        {127.49, 50.0, gis::gaussKrugerCmEpsg(127.49)}, // edge of zone CM 126 at 50 N
        {1.52, 42.51, 32631},                           // Andorra, UTM 31N, 1.5 deg off CM
        {12.01, 50.0, 32633},                           // west edge of UTM 33N at 50 N
    };
    for (const auto& s : sites) {
        INFO("site " << s.lon << ", " << s.lat << " EPSG:" << s.epsg);
        REQUIRE(s.epsg > 0);
        const auto working = gis::Crs::fromEpsg(s.epsg);
        const gis::CoordinateTransform toWorking(gis::Crs::fromEpsg(4326), working);
        const gis::ScaleProbe probe(working);
        const core::Point centre = toWorking.apply(core::Point{s.lon, s.lat});
        const double k = probe.scaleAt(centre);
        const auto ring = gis::ringPolygon(core::Geometry::point(centre), 500 * k, 2000 * k);
        REQUIRE(ring.kind == core::GeometryKind::Polygon);
        REQUIRE(ring.partCount() == 2);
        double worstOuter = 0;
        double worstInner = 0;
        checkPart(ring, 0, probe, {s.lon, s.lat}, 2000.0, worstOuter);
        checkPart(ring, 1, probe, {s.lon, s.lat}, 500.0, worstInner);
        CHECK(worstOuter < 0.5);
        CHECK(worstInner < 0.5);
        CHECK(ring.partEnd(0) - ring.partBegin(0) > 140);

        // Without the scale factor the edges of the zones miss by more than the tolerance; this
        // is what the correction is for.
        if (std::fabs(k - 1.0) > 2.6e-4) {
            const auto naive = gis::ringPolygon(core::Geometry::point(centre), 500, 2000);
            double worstNaive = 0;
            checkPart(naive, 0, probe, {s.lon, s.lat}, 2000.0, worstNaive);
            CHECK(worstNaive > 0.5);
        }
    }
}

TEST_CASE("a point's ring, built directly, has the vertices of GEOS's buffers", "[rings]") {
    const core::Point c{528900.25, 3383000.75};
    const auto direct = gis::ringPolygon(core::Geometry::point(c), 500, 2000);
    // The same point twice is a multipoint: that ring is buffered and cut by GEOS.
    core::Geometry twice = core::Geometry::point(c);
    twice.beginPart();
    twice.points.push_back(c);
    const auto geos = gis::ringPolygon(twice, 500, 2000);
    REQUIRE(direct.kind == core::GeometryKind::Polygon);
    REQUIRE(direct.polygons.size() == 1);
    REQUIRE(direct.partCount() == 2);
    REQUIRE(geos.partCount() == 2);
    const auto signedArea = [](const core::Geometry& g, std::size_t part) {
        double a = 0;
        for (auto i = g.partBegin(part); i + 1 < g.partEnd(part); ++i)
            a += g.points[i].x * g.points[i + 1].y - g.points[i + 1].x * g.points[i].y;
        return a / 2;
    };
    for (std::size_t part = 0; part < 2; ++part) {
        INFO("part " << part);
        const auto b = direct.partBegin(part);
        const auto e = direct.partEnd(part);
        CHECK(e - b == geos.partEnd(part) - geos.partBegin(part));
        CHECK(direct.points[b].x == direct.points[e - 1].x); // closed
        CHECK(direct.points[b].y == direct.points[e - 1].y);
        // Same orientation as GEOS's (exterior clockwise, hole counter-clockwise), same area.
        CHECK((signedArea(direct, part) < 0) == (part == 0));
        CHECK((signedArea(geos, part) < 0) == (part == 0));
        CHECK(signedArea(direct, part) == Approx(signedArea(geos, part)).epsilon(1e-9));
        // Every vertex is one of GEOS's (GEOS may start the ring elsewhere).
        double worst = 0;
        for (auto i = b; i < e; ++i) {
            double nearest = 1e9;
            for (auto j = geos.partBegin(part); j < geos.partEnd(part); ++j)
                nearest = std::min(nearest, std::hypot(direct.points[i].x - geos.points[j].x,
                                                       direct.points[i].y - geos.points[j].y));
            worst = std::max(worst, nearest);
        }
        CHECK(worst < 1e-6);
    }
    // Without an inner radius: the disc alone.
    const auto disc = gis::ringPolygon(core::Geometry::point(c), 0, 2000);
    CHECK(disc.partCount() == 1);
    CHECK(disc.partEnd(0) == direct.partEnd(0));
}

TEST_CASE("a polygon anchor's ring is measured from its edge", "[rings]") {
    const auto square = core::Geometry::polygon({{0, 0}, {100, 0}, {100, 100}, {0, 100}});
    const auto ring = gis::ringPolygon(square, 500, 2000);
    REQUIRE(ring.partCount() == 2);
    const auto b = ring.partBegin(0);
    for (auto i = b; i < ring.partEnd(0); ++i) {
        const auto& p = ring.points[i];
        const double dx = std::max({0.0, -p.x, p.x - 100});
        const double dy = std::max({0.0, -p.y, p.y - 100});
        CHECK(std::hypot(dx, dy) == Approx(2000).margin(0.11));
    }
    CHECK(gis::quadrantSegmentsFor(2000, 0.1) >= 79);
}

TEST_CASE("segments with one name that touch form one street", "[rings][streets]") {
    using gis::StreetSegment;
    std::deque<core::Geometry> geometries; // where the segments' geometries lie
    const auto seg = [&](const char* name, std::vector<core::Point> pts, std::int64_t fid) {
        geometries.push_back(core::Geometry::line(std::move(pts)));
        return StreetSegment{QString::fromUtf8(name), &geometries.back(), QStringLiteral("lines"),
                             fid};
    };
    const std::vector<StreetSegment> segments{
        seg("Carrer Major", {{0, 0}, {100, 0}}, 1),
        seg("Carrer Major", {{100, 0}, {200, 0}}, 2),        // shares a vertex
        seg("Carrer Major", {{150, 0}, {150, 80}}, 3),       // T-junction mid-segment
        seg("Carrer Major", {{200.6, 0}, {300, 0}}, 4),      // 0.6 m digitising gap
        seg("Carrer Major", {{5000, 0}, {5120, 0}}, 5),      // another town's Carrer Major
        seg("Carrer de la Font", {{100, 0}, {100, -60}}, 6), // touches, but another name
        seg("", {{0, 10}, {0, 90}}, 7),
        seg("", {{0, 90}, {0, 150}}, 8),
        seg("Carrer Major", {{310, 0}, {400, 0}}, 9), // 10 m gap: separate
    };
    const auto streets = gis::groupStreets(segments, 1.0, false);
    REQUIRE(streets.size() == 4);
    std::map<QString, std::vector<double>> lengths;
    for (const auto& s : streets)
        lengths[s.name].push_back(std::round(s.planarLength * 10) / 10);
    for (auto& [name, l] : lengths)
        std::sort(l.begin(), l.end());
    CHECK(lengths[QStringLiteral("Carrer Major")] == std::vector<double>{90, 120, 379.4});
    CHECK(lengths[QStringLiteral("Carrer de la Font")] == std::vector<double>{60});
    for (const auto& s : streets)
        if (s.planarLength > 379)
            CHECK(s.source == QLatin1String("lines #1, lines #2, lines #3, lines #4"));

    const auto withUnnamed = gis::groupStreets(segments, 1.0, true);
    REQUIRE(withUnnamed.size() == 5);
    CHECK(withUnnamed.front().name.isEmpty()); // "" sorts first
    CHECK(withUnnamed.front().planarLength == Approx(140));

    auto reversed = segments;
    std::reverse(reversed.begin(), reversed.end());
    const auto again = gis::groupStreets(reversed, 1.0, false);
    REQUIRE(again.size() == streets.size());
    for (std::size_t i = 0; i < again.size(); ++i)
        CHECK(again[i].key == streets[i].key);
}

namespace {

/// A district in UTM 31N around a school at 1.52 E, 42.51 N, with streets and compounds at
/// known geodesic distances from it (placed with the local scale factor).
struct Fixture {
    gis::Crs working = gis::Crs::fromEpsg(32631);
    core::Point school;
    double k = 1;
    std::vector<core::ClassifiedLayer> layers;

    Fixture() {
        const gis::CoordinateTransform toWorking(gis::Crs::fromEpsg(4326), working);
        school = toWorking.apply(core::Point{1.52, 42.51});
        k = gis::ScaleProbe(working).scaleAt(school);
        const auto rules = core::RuleSet::defaults();

        const QString crs = QStringLiteral("EPSG:32631");
        auto points = testing::emptyLayer(QStringLiteral("points"), core::GeometryKind::Point, crs,
                                          {"name", "amenity"});
        points->features.push_back({1,
                                    core::Geometry::point(school),
                                    {QStringLiteral("Escola"), QStringLiteral("school")}});
        // A market polygon 100 m square, 6 km east.
        auto polys =
            testing::emptyLayer(QStringLiteral("multipolygons"), core::GeometryKind::Polygon, crs,
                                {"name", "landuse", "amenity"});
        auto lines = testing::emptyLayer(QStringLiteral("lines"), core::GeometryKind::Line, crs,
                                         {"name", "highway"});
        std::int64_t fid = 10;
        // Radial streets, each in its own direction: [from, to] metres from the school.
        const std::vector<std::tuple<const char*, double, double>> radial{
            {"inside 499", 400, 499},  {"from 501", 501, 600},   {"from 1999", 1999, 2100},
            {"from 2001", 2001, 2100}, {"across 500", 300, 700}, {"short 1000", 1000, 1040}};
        double angle = 0.3;
        for (const auto& [name, from, to] : radial) {
            const core::Point dir{std::cos(angle), std::sin(angle)};
            lines->features.push_back(
                {fid++,
                 core::Geometry::line({{school.x + dir.x * from * k, school.y + dir.y * from * k},
                                       {school.x + dir.x * to * k, school.y + dir.y * to * k}}),
                 {QString::fromUtf8(name), QStringLiteral("residential")}});
            angle += 1.0;
        }
        lines->features.push_back({fid++,
                                   core::Geometry::line({{school.x - 900, school.y - 700},
                                                         {school.x - 700, school.y - 700}}),
                                   {QVariant(), QStringLiteral("residential")}});
        // Compound squares (50 m side, 2,500 m2) with centroids at known distances.
        const std::vector<std::tuple<const char*, double, double>> compounds{
            {"c499", 499, 50},   {"c501", 501, 50},   {"c1999", 1999, 50},
            {"c2001", 2001, 50}, {"small", 1000, 40}, {"", 1200, 60}};
        angle = 0.8;
        for (const auto& [name, dist, side] : compounds) {
            const core::Point c{school.x + std::cos(angle) * dist * k,
                                school.y + std::sin(angle) * dist * k};
            const double h = side / 2 * k;
            polys->features.push_back(
                {fid++,
                 core::Geometry::polygon({{c.x - h, c.y - h},
                                          {c.x + h, c.y - h},
                                          {c.x + h, c.y + h},
                                          {c.x - h, c.y + h}}),
                 {QString::fromUtf8(name), QStringLiteral("residential"), QVariant()}});
            angle += 1.0;
        }
        const core::Point m{school.x + 6000, school.y};
        polys->features.push_back(
            {fid++,
             core::Geometry::polygon(
                 {{m.x, m.y}, {m.x + 100, m.y}, {m.x + 100, m.y + 100}, {m.x, m.y + 100}}),
             {QStringLiteral("Mercat"), QVariant(), QStringLiteral("marketplace")}});
        // From the market's west edge: 480 m (out, though 530 m from its centre) and 520 m.
        lines->features.push_back(
            {fid++,
             core::Geometry::line({{m.x - 480 * k, m.y + 20}, {m.x - 480 * k, m.y + 80}}),
             {QStringLiteral("edge 480"), QStringLiteral("residential")}});
        lines->features.push_back(
            {fid++,
             core::Geometry::line({{m.x - 520 * k, m.y + 50}, {m.x - 520 * k, m.y + 300}}),
             {QStringLiteral("edge 520"), QStringLiteral("residential")}});
        for (auto layer : {points, polys, lines}) {
            layer->buildIndex();
            layers.push_back({layer, rules.classify(*layer), 0});
        }
    }
};

std::map<QString, core::DrawCandidate> byName(const std::vector<core::DrawCandidate>& list) {
    std::map<QString, core::DrawCandidate> out;
    for (const auto& c : list)
        out[c.name] = c;
    return out;
}

} // namespace

TEST_CASE("candidate rules give the known answers at 499, 501, 1999 and 2001 m",
          "[rings][candidates]") {
    Fixture fx;
    core::Feedback fb;
    core::DrawParameters params;
    const auto u = gis::buildUniverse(fx.layers, core::RuleSet::defaults(), params, fx.working, fb);
    REQUIRE(u.anchors.size() == 2);
    CHECK(u.compounds.size() == 4); // "small" (1,600 m2) and the unnamed one are left out
    CHECK(u.streets.size() == 7);   // the unnamed segment is left out, "short 1000" is 40 m

    gis::CandidateFinder finder(u, params, fx.working);
    const std::size_t school = u.anchors[0].kind == core::Role::School ? 0 : 1;
    const auto found = finder.find(school);
    const auto streets = byName(found.streets);
    CHECK(streets.count(QStringLiteral("inside 499")) == 0);
    CHECK(streets.count(QStringLiteral("from 2001")) == 0);
    REQUIRE(streets.count(QStringLiteral("from 501")) == 1);
    REQUIRE(streets.count(QStringLiteral("from 1999")) == 1);
    REQUIRE(streets.count(QStringLiteral("across 500")) == 1);
    CHECK(streets.size() == 3);
    CHECK(streets.at(QStringLiteral("from 501")).distanceM == Approx(501).margin(0.05));
    CHECK(streets.at(QStringLiteral("from 1999")).distanceM == Approx(1999).margin(0.05));
    CHECK(streets.at(QStringLiteral("from 1999")).measure == Approx(101).margin(0.05));
    // A street crossing the inner circle is kept at the crossing: 500 m, geodesically too.
    const auto& across = streets.at(QStringLiteral("across 500"));
    CHECK(across.distanceM == Approx(500).margin(0.01));
    const auto schoolLonLat = finder.toLonLat(fx.school);
    for (const auto& [name, c] : streets) {
        const double g = gis::geodesicDistance(schoolLonLat, finder.toLonLat(c.nearPoint));
        CHECK(g >= 500 - 0.05);
        CHECK(g <= 2000 + 0.05);
        CHECK(g == Approx(c.distanceM).margin(0.05));
    }

    const auto compounds = byName(found.compounds);
    CHECK(compounds.count(QStringLiteral("c499")) == 0);
    CHECK(compounds.count(QStringLiteral("c2001")) == 0);
    REQUIRE(compounds.count(QStringLiteral("c501")) == 1);
    REQUIRE(compounds.count(QStringLiteral("c1999")) == 1);
    CHECK(compounds.at(QStringLiteral("c501")).distanceM == Approx(501).margin(0.05));
    CHECK(compounds.at(QStringLiteral("c501")).measure == Approx(2500).margin(1));

    const auto market = finder.find(1 - school);
    const auto edge = byName(market.streets);
    CHECK(edge.count(QStringLiteral("edge 480")) == 0);
    REQUIRE(edge.count(QStringLiteral("edge 520")) == 1);
    CHECK(edge.at(QStringLiteral("edge 520")).distanceM == Approx(520).margin(0.05));
}

TEST_CASE("the midpoint rule and widening steps", "[rings][candidates]") {
    Fixture fx;
    core::Feedback fb;
    core::DrawParameters params;
    params.streetRule = core::StreetRule::Midpoint;
    params.widenStepM = 500;
    params.widenLimitM = 3000;
    const auto u = gis::buildUniverse(fx.layers, core::RuleSet::defaults(), params, fx.working, fb);
    gis::CandidateFinder finder(u, params, fx.working);
    const std::size_t school = u.anchors[0].kind == core::Role::School ? 0 : 1;
    const auto streets = byName(finder.find(school).streets);
    // Midpoints: across 500 -> 500 m, from 501 -> 550.5, from 1999 -> 2049.5, from 2001 -> 2050.5.
    REQUIRE(streets.count(QStringLiteral("across 500")) == 1);
    CHECK(streets.at(QStringLiteral("across 500")).distanceM == Approx(500).margin(0.05));
    CHECK(streets.at(QStringLiteral("from 501")).eligibleOuterM == 2000);
    CHECK(streets.at(QStringLiteral("from 1999")).eligibleOuterM == 2500);
    CHECK(streets.at(QStringLiteral("from 2001")).distanceM == Approx(2050.5).margin(0.05));
    CHECK(streets.count(QStringLiteral("inside 499")) == 0);
}
