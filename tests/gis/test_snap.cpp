// Snapping a map click to the drawn street, compound or anchor under it (the defect tool).
#include "gis/analysis/snap.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace core;

namespace {

LayerPtr layer(const QString& name, GeometryKind kind, std::vector<Geometry> geoms,
               const QStringList& names) {
    auto l = std::make_shared<LayerData>();
    l->name = name;
    l->kind = kind;
    l->fields = {{QStringLiteral("anchor_id"), FieldType::String},
                 {QStringLiteral("name"), FieldType::String},
                 {QStringLiteral("kind"), FieldType::String}};
    for (std::size_t i = 0; i < geoms.size(); ++i) {
        Feature f;
        f.fid = static_cast<std::int64_t>(10 + i);
        f.geometry = std::move(geoms[i]);
        f.attributes = {QStringLiteral("market-1"), names.value(static_cast<int>(i)),
                        QStringLiteral("market")};
        l->features.push_back(std::move(f));
    }
    l->buildIndex();
    return l;
}

Geometry square(double x0, double y0, double side) {
    Geometry g;
    g.kind = GeometryKind::Polygon;
    g.beginPolygon();
    g.beginPart();
    g.points = {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
    return g;
}

DrawLayers sample() {
    DrawLayers d;
    d.anchors = layer(QStringLiteral("anchors"), GeometryKind::Point, {Geometry::point({0, 0})},
                      {QStringLiteral("旭光街菜市场")});
    d.streets =
        layer(QStringLiteral("drawn_streets"), GeometryKind::Line,
              {Geometry::line({{600, 0}, {600, 400}}), Geometry::line({{700, 0}, {700, 400}})},
              {QStringLiteral("胜利巷"), QStringLiteral("和平巷")});
    d.compounds = layer(QStringLiteral("drawn_compounds"), GeometryKind::Polygon,
                        {square(550, 100, 200)}, {QStringLiteral("幸福小区")});
    return d;
}

} // namespace

TEST_CASE("A click near a drawn street snaps onto that street", "[snap]") {
    const auto hit = gis::snapToDrawn(sample(), {608, 50}, 15);
    REQUIRE(hit);
    CHECK(hit->kind == AttachKind::Street);
    CHECK(hit->attachId == QStringLiteral("drawn_streets:10"));
    CHECK(hit->name == QStringLiteral("胜利巷"));
    CHECK(hit->roleKey == QStringLiteral("back_street"));
    CHECK(hit->at.x == Approx(600));
    CHECK(hit->at.y == Approx(50));
    CHECK(hit->distance == Approx(8));
    // The nearer of two streets wins.
    const auto other = gis::snapToDrawn(sample(), {690, 50}, 15);
    REQUIRE(other);
    CHECK(other->attachId == QStringLiteral("drawn_streets:11"));
}

TEST_CASE("A click inside a compound away from streets attaches to the compound", "[snap]") {
    const auto hit = gis::snapToDrawn(sample(), {650, 200}, 15);
    REQUIRE(hit);
    CHECK(hit->kind == AttachKind::Compound);
    CHECK(hit->attachId == QStringLiteral("drawn_compounds:10"));
    CHECK(hit->name == QStringLiteral("幸福小区"));
    CHECK(hit->at.x == Approx(650)); // kept where clicked
    CHECK(hit->at.y == Approx(200));
    // Just outside the edge: moved onto it.
    const auto edge = gis::snapToDrawn(sample(), {650, 95}, 15);
    REQUIRE(edge);
    CHECK(edge->kind == AttachKind::Compound);
    CHECK(edge->at.y == Approx(100));
}

TEST_CASE("An anchor wins and nothing near gives no target", "[snap]") {
    const auto hit = gis::snapToDrawn(sample(), {5, -3}, 15);
    REQUIRE(hit);
    CHECK(hit->kind == AttachKind::Anchor);
    CHECK(hit->attachId == QStringLiteral("draw_anchors:10"));
    CHECK(hit->roleKey == QStringLiteral("market"));
    CHECK_FALSE(gis::snapToDrawn(sample(), {300, 300}, 15));
    CHECK_FALSE(gis::snapToDrawn(DrawLayers{}, {600, 50}, 15));
}
