// Line overviews (segments joined into simplified chains for far-out views) and the
// renderer's use of them; rendering areas and lines on two threads gives the same picture as
// painting them in turn.
#include "core/render/line_overview.h"
#include "core/render/map_renderer.h"

#include <catch2/catch.hpp>

#include <QPainter>

#include <algorithm>
#include <cmath>

using core::GeometryKind;
using core::Point;
using core::Role;

namespace {

constexpr double kX = 500000, kY = 3380000;

struct Lines {
    std::shared_ptr<core::LayerData> data = std::make_shared<core::LayerData>();
    std::vector<core::RoleMask> roles;
    std::vector<QString> labels;

    explicit Lines(GeometryKind kind = GeometryKind::Line) {
        data->name = QStringLiteral("道路");
        data->kind = kind;
        data->crsAuthId = QStringLiteral("EPSG:4547");
    }
    Lines& add(core::Geometry g, const QString& label, std::optional<Role> role) {
        core::Feature f;
        f.geometry = std::move(g);
        data->features.push_back(std::move(f));
        roles.push_back(role ? core::roleBit(*role) : core::RoleMask{0});
        labels.push_back(label);
        return *this;
    }
    Lines& segment(Point a, Point b, const QString& label, std::optional<Role> role) {
        return add(core::Geometry::line({a, b}), label, role);
    }
    std::shared_ptr<const core::LineOverview> overview() {
        data->buildIndex();
        return core::LineOverview::build(*data, roles, labels);
    }
};

Point P(double x, double y) {
    return {kX + x, kY + y};
}

} // namespace

TEST_CASE("Douglas-Peucker keeps the vertices that matter", "[render][unit]") {
    std::vector<Point> out;
    SECTION("collinear vertices go") {
        const std::vector<Point> line{{0, 0}, {10, 0.1}, {20, -0.1}, {30, 0}};
        core::simplifyLine(line.data(), line.size(), 2.5, out);
        CHECK(out == std::vector<Point>{{0, 0}, {30, 0}});
    }
    SECTION("a bump larger than the tolerance stays, a smaller one goes") {
        const std::vector<Point> line{{0, 0}, {50, 10}, {100, 0}, {150, 1}, {200, 0}};
        core::simplifyLine(line.data(), line.size(), 2.5, out);
        CHECK(out == std::vector<Point>{{0, 0}, {50, 10}, {100, 0}, {200, 0}});
        out.clear();
        core::simplifyLine(line.data(), line.size(), 20, out);
        CHECK(out == std::vector<Point>{{0, 0}, {200, 0}});
    }
    SECTION("two vertices and closed rings survive") {
        const std::vector<Point> two{{0, 0}, {1, 1}};
        core::simplifyLine(two.data(), two.size(), 2.5, out);
        CHECK(out == two);
        out.clear();
        const std::vector<Point> ring{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}};
        core::simplifyLine(ring.data(), ring.size(), 2.5, out);
        CHECK(out.size() == 5);
    }
}

TEST_CASE("segments that draw alike and touch become one chain", "[render][unit]") {
    const QString youyi = QStringLiteral("友谊路"), renmin = QStringLiteral("人民路");
    Lines lines;
    // 友谊路: three collinear touching segments (one reversed), then a separate stretch.
    lines.segment(P(0, 0), P(100, 0), youyi, Role::MainRoad)
        .segment(P(200, 0), P(100, 0), youyi, Role::MainRoad)
        .segment(P(200, 0), P(300, 0), youyi, Role::MainRoad)
        .segment(P(1000, 0), P(1100, 0), youyi, Role::MainRoad);
    // 人民路 crosses 友谊路 at (100, 0): a different name never joins it.
    lines.segment(P(100, -100), P(100, 0), renmin, Role::MainRoad)
        .segment(P(100, 0), P(100, 100), renmin, Role::MainRoad);
    // Same name, other role: a back street continuing 友谊路 stays apart.
    lines.segment(P(300, 0), P(400, 0), youyi, Role::BackStreet);
    const auto overview = lines.overview();
    REQUIRE(overview);
    CHECK(overview->tolerance() == core::LineOverview::kDefaultTolerance);
    CHECK(overview->sourceVertices() == 14);

    std::vector<std::pair<QString, std::vector<Point>>> chains;
    for (const auto& c : overview->chains()) {
        std::vector<Point> pts(overview->points().begin() + c.first,
                               overview->points().begin() + c.first + c.count);
        if (pts.front().x > pts.back().x || pts.front().y > pts.back().y)
            std::reverse(pts.begin(), pts.end());
        chains.emplace_back(lines.labels[c.feature] + QString::number(lines.roles[c.feature]), pts);
    }
    REQUIRE(chains.size() == 4);
    const auto mainBit = QString::number(core::roleBit(Role::MainRoad));
    const auto has = [&](const QString& key, std::vector<Point> pts) {
        return std::count(chains.begin(), chains.end(), std::pair{key, pts}) == 1;
    };
    // Collinear inner vertices are simplified away.
    CHECK(has(youyi + mainBit, {P(0, 0), P(300, 0)}));
    CHECK(has(youyi + mainBit, {P(1000, 0), P(1100, 0)}));
    CHECK(has(renmin + mainBit, {P(100, -100), P(100, 100)}));
    CHECK(has(youyi + QString::number(core::roleBit(Role::BackStreet)), {P(300, 0), P(400, 0)}));

    CHECK(overview->index().query(core::Box{kX + 990, kY - 5, kX + 1010, kY + 5}).size() == 1);
    CHECK(overview->suits(5.0));
    CHECK_FALSE(overview->suits(4.9));
}

TEST_CASE("layers that are not all lines have no overview", "[render][unit]") {
    Lines mixed;
    mixed.segment(P(0, 0), P(100, 0), QStringLiteral("友谊路"), Role::MainRoad);
    mixed.add(core::Geometry::point(P(50, 50)), QStringLiteral("公厕"), Role::Toilet);
    CHECK_FALSE(mixed.overview());
    Lines areas(GeometryKind::Polygon);
    areas.add(core::Geometry::polygon({P(0, 0), P(10, 0), P(10, 10), P(0, 0)}), QString(),
              Role::Compound);
    CHECK_FALSE(areas.overview());
    CHECK_FALSE(Lines().overview());
}

namespace {

// A grid of 41 + 41 streets 200 m apart over 8 km, each stored as 320 segments of 25 m
// (26,240 segments), plus a compound in each of the 1,600 blocks.
std::vector<core::RenderLayer> gridDistrict() {
    Lines roads;
    for (int i = 0; i <= 40; ++i)
        for (int k = 0; k < 320; ++k) {
            const QString ns = QStringLiteral("南北%1巷").arg(i);
            const QString ew = QStringLiteral("东西%1巷").arg(i);
            roads.segment(P(i * 200, k * 25), P(i * 200, (k + 1) * 25), ns, Role::BackStreet);
            roads.segment(P(k * 25, i * 200), P((k + 1) * 25, i * 200), ew,
                          i % 10 == 0 ? std::optional(Role::MainRoad) : Role::BackStreet);
        }
    auto areas = std::make_shared<core::LayerData>();
    areas->name = QStringLiteral("小区");
    areas->kind = GeometryKind::Polygon;
    std::vector<core::RoleMask> areaRoles;
    for (int i = 0; i < 40; ++i)
        for (int k = 0; k < 40; ++k) {
            core::Feature f;
            const double x = i * 200 + 30, y = k * 200 + 30;
            f.geometry = core::Geometry::polygon(
                {P(x, y), P(x + 140, y), P(x + 140, y + 140), P(x, y + 140)});
            areas->features.push_back(std::move(f));
            areaRoles.push_back(core::roleBit(Role::Compound));
        }
    areas->buildIndex();
    roads.data->buildIndex();
    std::vector<core::RenderLayer> layers(2);
    layers[0].layer = {areas, areaRoles, core::roleBit(Role::Compound)};
    layers[1].layer = {
        roads.data, roads.roles,
        core::RoleMask(core::roleBit(Role::BackStreet) | core::roleBit(Role::MainRoad))};
    layers[1].labels = std::make_shared<const std::vector<QString>>(roads.labels);
    layers[1].overview = core::LineOverview::build(*roads.data, roads.roles, roads.labels);
    return layers;
}

} // namespace

TEST_CASE("far out the renderer draws chains, close in the segments", "[render][unit]") {
    const auto layers = gridDistrict();
    REQUIRE(layers[1].overview);
    CHECK(layers[1].overview->chains().size() == 82);
    core::RenderJob job;
    job.layers = layers;
    core::Feedback fb;

    job.view = core::MapView(P(4000, 4000), 10.0, QSize(900, 900));
    const auto far = core::MapRenderer(job).render(fb);
    // The compounds one by one, the streets as 82 chains.
    CHECK(far.stats.featuresQueried == 1600 + 82);
    // A street's pixel row is drawn (the grid's middle east-west street, a main road).
    const QPoint onRoad = job.view.toPixel(P(4100, 4000)).toPoint();
    CHECK(far.image.pixelColor(onRoad) != job.style.background);

    job.view = core::MapView(P(4000, 4000), 1.0, QSize(900, 900));
    const auto near = core::MapRenderer(job).render(fb);
    CHECK(near.stats.featuresQueried > 82);
    CHECK(near.stats.featuresQueried < 1600 + 26240);
    CHECK(near.image.pixelColor(job.view.toPixel(P(4100, 4000)).toPoint()) != job.style.background);
}

TEST_CASE("areas, lines and points drawn on two threads give the painted picture",
          "[render][unit]") {
    core::RenderJob job;
    job.layers = gridDistrict();
    // Schools along the streets: their icons reserve label space the street labels must avoid.
    Lines schools(GeometryKind::Point);
    for (int i = 0; i < 40; i += 3)
        for (int k = 0; k < 40; k += 3)
            schools.add(core::Geometry::point(P(i * 200 + 100, k * 200)),
                        QStringLiteral("第%1小学").arg(i * 40 + k), Role::School);
    schools.data->buildIndex();
    core::RenderLayer schoolLayer;
    schoolLayer.layer = {schools.data, schools.roles, core::roleBit(Role::School)};
    schoolLayer.labels = std::make_shared<const std::vector<QString>>(schools.labels);
    job.layers.push_back(schoolLayer);
    // Close enough in for the segments, far enough out for all of them: over 20,000
    // features, the threaded path.
    job.view = core::MapView(P(4000, 4000), 4.5, QSize(1800, 1800));
    core::Feedback fb;
    const auto threaded = core::MapRenderer(job).render(fb);
    CHECK(threaded.stats.featuresQueried > 20000);

    QImage painted(threaded.image.size(), QImage::Format_ARGB32_Premultiplied);
    painted.fill(job.style.background);
    core::RenderResult inTurn;
    {
        QPainter p(&painted);
        inTurn = core::MapRenderer(job).paint(p, fb);
    }
    CHECK(inTurn.stats.featuresDrawn == threaded.stats.featuresDrawn);
    CHECK(inTurn.stats.verticesOut == threaded.stats.verticesOut);
    REQUIRE(inTurn.labels.size() == threaded.labels.size());
    for (std::size_t i = 0; i < inTurn.labels.size(); ++i) {
        CHECK(inTurn.labels[i].text == threaded.labels[i].text);
        CHECK(inTurn.labels[i].center == threaded.labels[i].center);
    }
    // Compositing rounds premultiplied colours differently by a unit or two, nothing more.
    int worst = 0;
    for (int y = 0; y < painted.height(); ++y)
        for (int x = 0; x < painted.width(); ++x) {
            const QRgb a = painted.pixel(x, y), b = threaded.image.pixel(x, y);
            worst = std::max({worst, std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                              std::abs(qBlue(a) - qBlue(b))});
        }
    CHECK(worst <= 3);
}
