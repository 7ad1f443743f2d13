// The demo district generator: deterministic from its seed, realistic enough for every part of
// the app to have something to work on (six anchor kinds, back streets, compounds, 街道).

#include "core/demo/demo_generator.h"
#include "core/demo/demo_random.h"
#include "core/util/error.h"

#include <catch2/catch.hpp>

#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace {

using core::DemoOptions;
using core::DemoScale;
using core::GeometryKind;
using core::LayerData;
using core::LayerPtr;
using core::Point;

std::vector<LayerPtr> generate(std::uint64_t seed, DemoScale scale = DemoScale::District) {
    core::Feedback feedback;
    return core::generateDemoDistrict(DemoOptions{seed, scale}, feedback);
}

const LayerData& layer(const std::vector<LayerPtr>& layers, const char* name) {
    for (const auto& l : layers)
        if (l->name == QLatin1String(name))
            return *l;
    FAIL("no layer " << name);
    throw std::logic_error("unreachable");
}

QString text(const LayerData& l, std::size_t feature, const char* field) {
    return l.text(feature, l.fieldIndex(QString::fromUtf8(field)));
}

/// Union-find over exactly shared end points: the number of connected pieces of a line layer.
std::size_t components(const LayerData& roads) {
    std::map<std::pair<double, double>, std::size_t> ids;
    std::vector<std::size_t> parent;
    const auto id = [&](Point p) {
        const auto [it, added] = ids.emplace(std::pair{p.x, p.y}, parent.size());
        if (added)
            parent.push_back(parent.size());
        return it->second;
    };
    const auto find = [&](std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& f : roads.features)
        parent[find(id(f.geometry.points.front()))] = find(id(f.geometry.points.back()));
    std::size_t n = 0;
    for (std::size_t i = 0; i < parent.size(); ++i)
        n += find(i) == i ? 1 : 0;
    return n;
}

double cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool segmentsCross(Point a, Point b, Point c, Point d) {
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

bool inside(const core::Geometry& polygon, Point p) {
    bool in = false;
    const auto& pts = polygon.points;
    for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++)
        if ((pts[i].y > p.y) != (pts[j].y > p.y) &&
            p.x < (pts[j].x - pts[i].x) * (p.y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x)
            in = !in;
    return in;
}

/// True when a line segment touches a (single-ring) polygon: crosses its boundary or lies in it.
bool touches(const core::Geometry& polygon, Point a, Point b) {
    if (inside(polygon, a) || inside(polygon, b))
        return true;
    const auto& pts = polygon.points;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i)
        if (segmentsCross(a, b, pts[i], pts[i + 1]))
            return true;
    return false;
}

} // namespace

TEST_CASE("DemoRandom maps its stream the same way everywhere", "[demo]") {
    core::DemoRandom a(2021), b(2021);
    for (int i = 0; i < 100; ++i)
        REQUIRE(a.next() == b.next());
    // Fixed values: splitmix64 seeding plus xoshiro256** must not drift between releases, or
    // the shipped demo could no longer be regenerated.
    core::DemoRandom r(0);
    CHECK(r.next() == 0x99EC5F36CB75F2B4ull);
    core::DemoRandom bounded(7);
    for (int i = 0; i < 1000; ++i) {
        const auto v = bounded.between(3, 5);
        REQUIRE((v >= 3 && v <= 5));
        const double u = bounded.unit();
        REQUIRE((u >= 0 && u < 1));
    }
}

TEST_CASE("the same seed gives identical layers, a different seed a different district", "[demo]") {
    const auto a = generate(2021);
    const auto b = generate(2021);
    REQUIRE(a.size() == b.size());
    for (std::size_t li = 0; li < a.size(); ++li) {
        const LayerData& x = *a[li];
        const LayerData& y = *b[li];
        INFO("layer " << x.name.toStdString());
        REQUIRE(x.name == y.name);
        REQUIRE(x.kind == y.kind);
        REQUIRE(x.crsAuthId == y.crsAuthId);
        REQUIRE(x.fields.size() == y.fields.size());
        REQUIRE(x.features.size() == y.features.size());
        for (std::size_t f = 0; f < x.features.size(); ++f) {
            REQUIRE(x.features[f].geometry.points == y.features[f].geometry.points);
            REQUIRE(x.features[f].geometry.parts == y.features[f].geometry.parts);
            REQUIRE(x.features[f].attributes == y.features[f].attributes);
        }
    }

    const auto c = generate(2022);
    const LayerData& roadsA = layer(a, "roads");
    const LayerData& roadsC = layer(c, "roads");
    bool differs = roadsA.features.size() != roadsC.features.size();
    for (std::size_t f = 0; !differs && f < roadsA.features.size(); ++f)
        differs = roadsA.features[f].geometry.points != roadsC.features[f].geometry.points;
    CHECK(differs);
    CHECK(text(layer(a, "compounds"), 0, "name") != text(layer(c, "compounds"), 0, "name"));
}

TEST_CASE("the demo district lies in Wuchang, Wuhan, in CGCS2000 GK zone CM 114E metres",
          "[demo]") {
    const auto layers = generate(core::kDemoDefaultSeed);
    REQUIRE(layers.size() == 6);
    QStringList names;
    for (const auto& l : layers) {
        names << l->name;
        CHECK(l->crsAuthId == QLatin1String("EPSG:4547"));
    }
    CHECK(names == core::demoLayerNames());
    const LayerData& boundary = layer(layers, "district_boundary");
    REQUIRE(boundary.features.size() == 1);
    CHECK(text(boundary, 0, "name") == QString::fromUtf8("X区"));
    const core::Box box = boundary.extent;
    CHECK(box.width() > 3000);
    CHECK(box.width() < 6500);
    CHECK(box.height() > 3000);
    CHECK(box.height() < 6500);
    CHECK(std::abs(box.center().x - core::kDemoCentreEasting) < 1500);
    CHECK(std::abs(box.center().y - core::kDemoCentreNorthing) < 1500);
}

TEST_CASE("a district has every kind of feature the evaluation needs", "[demo]") {
    for (std::uint64_t seed :
         {core::kDemoDefaultSeed, std::uint64_t{1}, std::uint64_t{77}, std::uint64_t{123456789}}) {
        INFO("seed " << seed);
        const auto layers = generate(seed);

        const LayerData& subs = layer(layers, "subdistricts");
        CHECK(subs.features.size() >= 4);
        CHECK(subs.features.size() <= 8);
        for (std::size_t i = 0; i < subs.features.size(); ++i)
            CHECK(text(subs, i, "name").endsWith(QString::fromUtf8("街道")));

        // Anchors: at least five of each of the six kinds, some points and some polygons.
        std::map<QString, int> perType;
        int anchorPoints = 0, anchorPolygons = 0;
        const QSet<QString> anchorTypes{
            QString::fromUtf8("农贸市场"), QString::fromUtf8("商场超市"),
            QString::fromUtf8("学校"),     QString::fromUtf8("医院"),
            QString::fromUtf8("交通场站"), QString::fromUtf8("城市社区")};
        for (const char* name : {"pois", "facilities"}) {
            const LayerData& l = layer(layers, name);
            for (std::size_t i = 0; i < l.features.size(); ++i) {
                const QString type = text(l, i, "类型");
                ++perType[type];
                if (anchorTypes.contains(type))
                    ++(l.kind == GeometryKind::Point ? anchorPoints : anchorPolygons);
            }
        }
        for (const auto& type : anchorTypes)
            CHECK(perType[type] >= 5);
        CHECK(anchorPoints > 10);
        CHECK(anchorPolygons > 10);
        CHECK(perType[QString::fromUtf8("公共厕所")] >= 20);

        const LayerData& compounds = layer(layers, "compounds");
        CHECK(compounds.features.size() >= 80);
        QSet<QString> compoundNames;
        for (std::size_t i = 0; i < compounds.features.size(); ++i) {
            const QString name = text(compounds, i, "name");
            compoundNames.insert(name);
            const bool typical = name.endsWith(QString::fromUtf8("小区")) ||
                                 name.endsWith(QString::fromUtf8("花园")) ||
                                 name.endsWith(QString::fromUtf8("苑")) ||
                                 name.endsWith(QString::fromUtf8("新村")) ||
                                 name.endsWith(QString::fromUtf8("家园"));
            CHECK(typical);
            CHECK(text(compounds, i, "landuse") == QLatin1String("residential"));
        }
        CHECK(compoundNames.size() == static_cast<qsizetype>(compounds.features.size()));

        const LayerData& roads = layer(layers, "roads");
        CHECK(roads.features.size() >= 2000);
        std::size_t mainRoads = 0, backStreets = 0;
        const QSet<QString> mainClasses{QStringLiteral("primary"), QStringLiteral("secondary"),
                                        QStringLiteral("tertiary")};
        const QSet<QString> backClasses{QStringLiteral("residential"),
                                        QStringLiteral("living_street"), QStringLiteral("service"),
                                        QStringLiteral("unclassified"),
                                        QStringLiteral("pedestrian")};
        for (std::size_t i = 0; i < roads.features.size(); ++i) {
            const QString highway = text(roads, i, "highway");
            REQUIRE((mainClasses.contains(highway) || backClasses.contains(highway)));
            ++(mainClasses.contains(highway) ? mainRoads : backStreets);
            CHECK_FALSE(text(roads, i, "name").isEmpty());
            if (highway == QLatin1String("service"))
                CHECK(text(roads, i, "service") == QLatin1String("alley"));
        }
        CHECK(backStreets > mainRoads);
    }
}

TEST_CASE("anchors carry the OSM tags and names the role rules look for", "[demo]") {
    const auto layers = generate(core::kDemoDefaultSeed);
    int trainStations = 0, kindergartens = 0, subwayStations = 0;
    for (const char* layerName : {"pois", "facilities"}) {
        const LayerData& l = layer(layers, layerName);
        for (std::size_t i = 0; i < l.features.size(); ++i) {
            const QString type = text(l, i, "类型");
            const QString name = text(l, i, "name");
            const QString amenity = text(l, i, "amenity");
            INFO(name.toStdString());
            if (type == QString::fromUtf8("农贸市场")) {
                CHECK(amenity == QLatin1String("marketplace"));
                CHECK(name.contains(QString::fromUtf8("市场")));
            } else if (type == QString::fromUtf8("商场超市")) {
                CHECK(QStringList{QStringLiteral("mall"), QStringLiteral("supermarket"),
                                  QStringLiteral("department_store")}
                          .contains(text(l, i, "shop")));
                CHECK((name.contains(QString::fromUtf8("商场")) ||
                       name.contains(QString::fromUtf8("超市"))));
            } else if (type == QString::fromUtf8("学校")) {
                CHECK((amenity == QLatin1String("school") ||
                       amenity == QLatin1String("kindergarten")));
                kindergartens += amenity == QLatin1String("kindergarten") ? 1 : 0;
                CHECK((name.endsWith(QString::fromUtf8("小学")) ||
                       name.endsWith(QString::fromUtf8("中学")) ||
                       name.endsWith(QString::fromUtf8("幼儿园"))));
            } else if (type == QString::fromUtf8("医院")) {
                CHECK(amenity == QLatin1String("hospital"));
                CHECK(name.endsWith(QString::fromUtf8("医院")));
            } else if (type == QString::fromUtf8("交通场站")) {
                CHECK(text(l, i, "public_transport") == QLatin1String("station"));
                if (text(l, i, "train") == QLatin1String("yes")) {
                    ++trainStations;
                    CHECK(text(l, i, "railway") == QLatin1String("station"));
                    CHECK(name.endsWith(QString::fromUtf8("火车站")));
                }
                subwayStations += text(l, i, "station") == QLatin1String("subway") ? 1 : 0;
            } else if (type == QString::fromUtf8("城市社区")) {
                CHECK(amenity == QLatin1String("community_centre"));
                CHECK(name.contains(QString::fromUtf8("社区")));
            } else if (type == QString::fromUtf8("公共厕所")) {
                CHECK(amenity == QLatin1String("toilets"));
                CHECK(name.endsWith(QString::fromUtf8("公共厕所")));
            }
        }
    }
    CHECK(trainStations == 1);
    CHECK(kindergartens > 0);
    CHECK(subwayStations > 0);
}

TEST_CASE("the road network is one connected piece of segments between junctions", "[demo]") {
    for (std::uint64_t seed : {core::kDemoDefaultSeed, std::uint64_t{5}, std::uint64_t{99}}) {
        INFO("seed " << seed);
        const auto layers = generate(seed);
        const LayerData& roads = layer(layers, "roads");
        CHECK(components(roads) == 1);
        for (const auto& f : roads.features) {
            REQUIRE(f.geometry.points.size() == 2);
            // Streets are not cut into slivers where junctions nearly coincide.
            REQUIRE(core::planarLength(f.geometry) > 10);
        }
    }
}

TEST_CASE("compounds and facilities stay clear of the streets and inside the district", "[demo]") {
    const auto layers = generate(core::kDemoDefaultSeed);
    const LayerData& roads = layer(layers, "roads");
    const LayerData& district = layer(layers, "district_boundary");
    for (const char* name : {"compounds", "facilities"}) {
        const LayerData& l = layer(layers, name);
        for (std::size_t i = 0; i < l.features.size(); ++i) {
            const auto& g = l.features[i].geometry;
            INFO(name << " " << text(l, i, "name").toStdString());
            REQUIRE(inside(district.features[0].geometry, core::planarCentroid(g)));
            bool hit = false;
            for (auto r : roads.index.query(g.bounds())) {
                const auto& seg = roads.features[r].geometry.points;
                hit = hit || touches(g, seg[0], seg[1]);
            }
            REQUIRE_FALSE(hit);
        }
    }
}

TEST_CASE("the 街道 tile the district", "[demo]") {
    const auto layers = generate(core::kDemoDefaultSeed);
    const double district =
        core::planarArea(layer(layers, "district_boundary").features[0].geometry);
    const LayerData& subs = layer(layers, "subdistricts");
    double sum = 0;
    for (const auto& f : subs.features) {
        const double a = core::planarArea(f.geometry);
        CHECK(a > 0.05 * district);
        sum += a;
    }
    CHECK(sum == Approx(district).epsilon(1e-9));
    CHECK(district > 8e6); // a real district's size: well over 8 km²
}

TEST_CASE("a cancelled generation stops", "[demo]") {
    core::Feedback feedback;
    feedback.cancel();
    CHECK_THROWS_AS(core::generateDemoDistrict(DemoOptions{}, feedback), core::OperationCanceled);
}

TEST_CASE("the city scale is big enough for load tests", "[demo][slow]") {
    const auto layers = generate(core::kDemoDefaultSeed, DemoScale::City);
    CHECK(layer(layers, "roads").features.size() >= 200000);
    CHECK(layer(layers, "compounds").features.size() >= 20000);
    std::size_t anchors = 0;
    for (const char* name : {"pois", "facilities"}) {
        const LayerData& l = layer(layers, name);
        for (std::size_t i = 0; i < l.features.size(); ++i) {
            const QString type = text(l, i, "类型");
            anchors += type != QString::fromUtf8("公共厕所") && type != QString::fromUtf8("公园");
        }
    }
    CHECK(anchors >= 2000);
    CHECK(components(layer(layers, "roads")) == 1);
    CHECK(layer(layers, "subdistricts").features.size() >= 14);
}
