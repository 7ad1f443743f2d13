// Map renderer: view transforms, role styles on the image, label collisions, cancellation,
// culling and decimation, overlays. Layers are built by hand in a metric working CRS
// (x = easting, y = northing, metres) around (500000, 3380000).
#include "core/render/map_renderer.h"
#include "core/render/map_symbols.h"
#include "core/render/screen_geometry.h"
#include "core/util/error.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

using core::GeometryKind;
using core::Role;

namespace {

const core::Point kCenter{500000, 3380000};

// With the 400x300 view at 1 m/px centred on kCenter, pixel (px, py) is this world point.
core::Point W(double px, double py) {
    return {kCenter.x + px - 200, kCenter.y - (py - 150)};
}

core::MapView testView() {
    return core::MapView(kCenter, 1.0, QSize(400, 300));
}

struct LayerBuilder {
    std::shared_ptr<core::LayerData> data = std::make_shared<core::LayerData>();
    std::vector<core::RoleMask> roles;

    LayerBuilder(const char* name, GeometryKind kind) {
        data->name = QString::fromUtf8(name);
        data->kind = kind;
        data->crsAuthId = QStringLiteral("EPSG:4547");
        data->fields = {{QStringLiteral("name"), core::FieldType::String}};
    }
    LayerBuilder& add(core::Geometry g, const char* name, std::optional<Role> role) {
        core::Feature f;
        f.fid = static_cast<std::int64_t>(data->features.size());
        f.geometry = std::move(g);
        f.attributes = {QVariant(QString::fromUtf8(name))};
        data->features.push_back(std::move(f));
        roles.push_back(role ? core::roleBit(*role) : core::RoleMask{0});
        return *this;
    }
    core::RenderLayer build() {
        data->buildIndex();
        core::RenderLayer rl;
        rl.layer.data = data;
        rl.layer.roles = roles;
        for (auto m : roles)
            rl.layer.layerRoles |= m;
        return rl;
    }
};

struct AnchorSpot {
    Role role;
    double px, py;
    const char* name;
};
const AnchorSpot kAnchors[] = {
    {Role::Market, 150, 40, "中心农贸市场"}, {Role::Mall, 250, 40, "万达广场"},
    {Role::School, 150, 115, "第一中学"},    {Role::Hospital, 250, 115, "人民医院"},
    {Role::Station, 60, 250, "汉口火车站"},  {Role::Community, 170, 260, "花园社区"},
};

std::vector<core::RenderLayer> districtLayers() {
    std::vector<core::RenderLayer> layers;
    LayerBuilder areas("小区", GeometryKind::Polygon);
    areas.add(core::Geometry::polygon({W(20, 20), W(110, 20), W(110, 100), W(20, 100)}), "幸福小区",
              Role::Compound);
    layers.push_back(areas.build());

    LayerBuilder roads("道路", GeometryKind::Line);
    roads.add(core::Geometry::line({W(-50, 200), W(450, 200)}), "解放大道", Role::MainRoad);
    roads.add(core::Geometry::line({W(330, -20), W(330, 180)}), "民主巷", Role::BackStreet);
    layers.push_back(roads.build());

    LayerBuilder points("兴趣点", GeometryKind::Point);
    for (const auto& a : kAnchors)
        points.add(core::Geometry::point(W(a.px, a.py)), a.name, a.role);
    points.add(core::Geometry::point(W(370, 260)), "公厕", Role::Toilet);
    // Far outside the view: must be culled by the spatial index.
    points.add(core::Geometry::point(W(5000, 5000)), "远处医院", Role::Hospital);
    layers.push_back(points.build());
    return layers;
}

core::RenderJob districtJob() {
    core::RenderJob job;
    job.layers = districtLayers();
    job.view = testView();
    return job;
}

QColor blend(QColor over, QColor under) {
    const double a = over.alphaF();
    return QColor::fromRgbF(over.redF() * a + under.redF() * (1 - a),
                            over.greenF() * a + under.greenF() * (1 - a),
                            over.blueF() * a + under.blueF() * (1 - a));
}

bool near(QColor a, QColor b, int tol = 4) {
    return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
           std::abs(a.blue() - b.blue()) <= tol;
}

QColor pixel(const QImage& img, double px, double py) {
    const double r = img.devicePixelRatio();
    return img.pixelColor(static_cast<int>(px * r), static_cast<int>(py * r));
}

int countColor(const QImage& img, QColor c, int tol = 4) {
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            if (near(img.pixelColor(x, y), c, tol))
                ++n;
    return n;
}

} // namespace

TEST_CASE("MapView converts between world metres and pixels", "[render][unit]") {
    core::MapView v(kCenter, 2.0, QSize(400, 300));
    CHECK(v.toPixel(kCenter) == QPointF(200, 150));
    const QPointF p = v.toPixel({kCenter.x + 100, kCenter.y + 50});
    CHECK(p.x() == Approx(250));
    CHECK(p.y() == Approx(125)); // north is up
    const core::Point back = v.toWorld(QPointF(13.5, 271.25));
    CHECK(v.toPixel(back).x() == Approx(13.5));
    CHECK(v.toPixel(back).y() == Approx(271.25));
    const core::Box e = v.extent();
    CHECK(e.width() == Approx(800));
    CHECK(e.height() == Approx(600));
    const QPointF viaTransform = v.worldToPixel().map(QPointF(kCenter.x + 100, kCenter.y + 50));
    CHECK(viaTransform.x() == Approx(250));
    CHECK(viaTransform.y() == Approx(125));
    // 1 px = 2 m on a 96 dpi screen: 2 / (0.0254 / 96) = 7559.
    CHECK(v.scaleDenominator(96) == Approx(7559.06).epsilon(1e-4));
}

TEST_CASE("MapView zooms about a pixel and fits a box", "[render][unit]") {
    core::MapView v(kCenter, 4.0, QSize(400, 300));
    const QPointF cursor(320, 40);
    const core::Point under = v.toWorld(cursor);
    v.zoomAbout(cursor, 2.0);
    CHECK(v.metresPerPixel() == Approx(2.0));
    CHECK(v.toPixel(under).x() == Approx(320));
    CHECK(v.toPixel(under).y() == Approx(40));

    v.panByPixels(QPointF(10, -20)); // drag right and up: content moves with the mouse
    CHECK(v.toPixel(under).x() == Approx(330));
    CHECK(v.toPixel(under).y() == Approx(20));

    v.fit(core::Box{1000, 2000, 3000, 2500}, 0);
    CHECK(v.center().x == Approx(2000));
    CHECK(v.center().y == Approx(2250));
    CHECK(v.metresPerPixel() == Approx(5.0)); // 2000 m over 400 px is the binding side
    v.setMetresPerPixel(1e-9);
    CHECK(v.metresPerPixel() == Approx(core::MapView::kMinMetresPerPixel));
}

TEST_CASE("each role's style appears where its features are", "[render][unit]") {
    core::Feedback fb;
    const core::RenderResult r = core::MapRenderer(districtJob()).render(fb);
    REQUIRE(r.image.size() == QSize(400, 300));
    const core::MapStyle style = core::MapStyle::standard();
    const QColor bg = style.background;

    // Background far from every feature.
    CHECK(near(pixel(r.image, 395, 140), bg));
    // Compound fill, translucent over the background, away from its centred label.
    CHECK(near(pixel(r.image, 28, 92), blend(style.forRole(Role::Compound).fill, bg)));
    // The compound's 90 x 80 px are filled, less its outline and its label (~1600 px).
    const int compoundPixels =
        countColor(r.image, blend(style.forRole(Role::Compound).fill, bg), 3);
    CHECK(compoundPixels > 5000);
    CHECK(compoundPixels < 7200);
    // Main road core on the road's axis, far from labels.
    CHECK(near(pixel(r.image, 12, 200), style.forRole(Role::MainRoad).stroke));
    // Main road casing: a darker edge just outside the core.
    CHECK(pixel(r.image, 12, 202).lightness() < bg.lightness() - 20);
    CHECK(pixel(r.image, 12, 202).lightness() <
          style.forRole(Role::MainRoad).stroke.lightness() - 20);
    // Back street: white core, narrower than the main road (background 4 px off its axis,
    // where the main road would still be drawn).
    CHECK(near(pixel(r.image, 330, 10), QColor(Qt::white)));
    CHECK(near(pixel(r.image, 334.5, 10), bg));
    CHECK(near(pixel(r.image, 12, 197.5), style.forRole(Role::MainRoad).casing, 40));

    // Every anchor badge shows its kind's colour at the left of its disc.
    for (const auto& a : kAnchors) {
        INFO(core::roleKey(a.role).toStdString());
        CHECK(near(pixel(r.image, a.px - 8, a.py), core::roleColor(a.role), 8));
        CHECK(near(pixel(r.image, a.px + 8, a.py), core::roleColor(a.role), 8));
    }
    // Anchor colours are distinct from each other.
    for (std::size_t i = 0; i < core::kAnchorRoles.size(); ++i)
        for (std::size_t j = i + 1; j < core::kAnchorRoles.size(); ++j)
            CHECK_FALSE(near(core::roleColor(core::kAnchorRoles[i]),
                             core::roleColor(core::kAnchorRoles[j]), 40));
    // Toilet: a small square sign in its colour.
    CHECK(near(pixel(r.image, 364, 260), core::roleColor(Role::Toilet), 8));
    CHECK(style.forRole(Role::Toilet).symbolSize < style.forRole(Role::Market).symbolSize);
}

TEST_CASE("labels are placed for anchors, streets and compounds without overlapping",
          "[render][unit]") {
    core::Feedback fb;
    const core::RenderResult r = core::MapRenderer(districtJob()).render(fb);
    QStringList texts;
    for (const auto& l : r.labels)
        texts << l.text;
    for (const auto& a : kAnchors)
        CHECK(texts.contains(QString::fromUtf8(a.name)));
    CHECK(texts.contains(QStringLiteral("解放大道")));
    CHECK(texts.contains(QStringLiteral("民主巷")));
    CHECK(texts.contains(QStringLiteral("幸福小区")));
    CHECK_FALSE(texts.contains(QStringLiteral("远处医院")));

    for (std::size_t i = 0; i < r.labels.size(); ++i) {
        for (std::size_t j = i + 1; j < r.labels.size(); ++j)
            for (const QRectF& a : r.labels[i].boxes)
                for (const QRectF& b : r.labels[j].boxes) {
                    INFO(r.labels[i].text.toStdString()
                         << " vs " << r.labels[j].text.toStdString());
                    CHECK_FALSE(a.intersects(b));
                }
        // No label covers an anchor badge.
        for (const auto& a : kAnchors)
            for (const QRectF& b : r.labels[i].boxes)
                CHECK_FALSE(b.intersects(QRectF(a.px - 11, a.py - 11, 22, 22)));
    }
    // Street labels run along the street: the back street is vertical.
    for (const auto& l : r.labels) {
        if (l.text == QStringLiteral("民主巷")) {
            // Chinese names of north-south streets are stacked, read top to bottom.
            CHECK(l.angleDegrees == Approx(90).margin(0.5));
            CHECK(l.stacked);
            CHECK(l.bounds.height() > l.bounds.width() * 2);
            CHECK(l.center.x() == Approx(330).margin(0.5));
        }
        if (l.text == QStringLiteral("解放大道")) {
            CHECK(l.angleDegrees == Approx(0).margin(0.5));
            CHECK_FALSE(l.stacked);
            CHECK(l.center.y() == Approx(200).margin(0.5));
        }
    }
    // Anchors outrank streets: they are placed first.
    REQUIRE_FALSE(r.labels.empty());
    CHECK(r.labels.front().priority ==
          core::MapStyle::standard().forRole(Role::Market).labelPriority);
}

TEST_CASE("crowded labels give way by priority", "[render][unit]") {
    // A school and a back street whose labels would take the same room: the anchor wins.
    LayerBuilder roads("道路", GeometryKind::Line);
    roads.add(core::Geometry::line({W(100, 150), W(300, 150)}), "长长长长长长长长巷",
              Role::BackStreet);
    LayerBuilder pts("兴趣点", GeometryKind::Point);
    pts.add(core::Geometry::point(W(200, 150)), "实验中学附属小学", Role::School);
    core::RenderJob job;
    job.layers = {roads.build(), pts.build()};
    job.view = testView();
    core::Feedback fb;
    const auto r = core::MapRenderer(job).render(fb);
    REQUIRE(r.labels.size() >= 1);
    CHECK(r.labels.front().text == QStringLiteral("实验中学附属小学"));
    for (std::size_t i = 1; i < r.labels.size(); ++i)
        for (const QRectF& a : r.labels[0].boxes)
            for (const QRectF& b : r.labels[i].boxes)
                CHECK_FALSE(a.intersects(b));
}

TEST_CASE("the label font draws Chinese glyphs", "[render][unit]") {
    const core::MapStyle style = core::MapStyle::standard();
    if (QFontDatabase::families().contains(QStringLiteral("Noto Sans CJK SC")))
        CHECK(style.fontFamily == QStringLiteral("Noto Sans CJK SC"));
    QFont f(style.fontFamily);
    f.setPixelSize(13);
    const QFontMetricsF fm(f);
    CHECK(fm.inFontUcs4(0x5C0F)); // 小
    CHECK(fm.inFontUcs4(0x533A)); // 区
}

TEST_CASE("cancelling the feedback stops a render", "[render][unit]") {
    SECTION("cancelled before it starts") {
        core::Feedback fb;
        fb.cancel();
        CHECK_THROWS_AS(core::MapRenderer(districtJob()).render(fb), core::OperationCanceled);
    }
    SECTION("cancelled while drawing: later stages never run") {
        LayerBuilder many("点", GeometryKind::Point);
        for (int i = 0; i < 20000; ++i)
            many.add(core::Geometry::point(W(i % 400, (i / 400) % 300)), "", std::nullopt);
        core::RenderJob job;
        job.layers = {many.build()};
        job.view = testView();
        bool overlayRan = false;
        job.overlays.push_back(
            {QStringLiteral("probe"), core::OverlayStage::AboveLabels, [&](core::RenderContext&) {
                 overlayRan = true;
             }});
        double lastProgress = 0;
        core::Feedback* self = nullptr;
        core::Feedback fb([&](double percent, const QString&) {
            lastProgress = percent;
            if (percent > 5 && self)
                self->cancel();
        });
        self = &fb;
        CHECK_THROWS_AS(core::MapRenderer(job).render(fb), core::OperationCanceled);
        CHECK_FALSE(overlayRan);
        CHECK(lastProgress < 20);
    }
}

TEST_CASE("features outside the view are culled, invisible layers skipped", "[render][unit]") {
    LayerBuilder spread("散点", GeometryKind::Point);
    // A 100 x 100 grid at 500 m spacing: 50 km square, of which the view shows one point.
    for (int i = 0; i < 100; ++i)
        for (int j = 0; j < 100; ++j)
            spread.add(
                core::Geometry::point({kCenter.x + (i - 50) * 500.0, kCenter.y + (j - 50) * 500.0}),
                "", std::nullopt);
    core::RenderJob job;
    job.layers = {spread.build()};
    job.view = testView();
    core::Feedback fb;
    auto r = core::MapRenderer(job).render(fb);
    CHECK(r.stats.featuresInLayers == 10000);
    CHECK(r.stats.featuresQueried == 1);
    CHECK(r.stats.featuresDrawn == 1);
    const QColor neutral = core::MapStyle::standard().neutral(GeometryKind::Point).fill;
    CHECK(near(pixel(r.image, 200, 150), neutral));

    job.layers[0].visible = false;
    r = core::MapRenderer(job).render(fb);
    CHECK(r.stats.layersDrawn == 0);
    CHECK(r.stats.featuresQueried == 0);
    CHECK(near(pixel(r.image, 200, 150), core::MapStyle::standard().background));
}

TEST_CASE("vertices closer than half a pixel are dropped", "[render][unit]") {
    std::vector<core::Point> wiggle;
    // 10001 vertices over 100 m, 0.01 m apart, zigzagging around pixel row 150 (y = 150.5).
    for (int i = 0; i <= 10000; ++i)
        wiggle.push_back({kCenter.x - 50 + i * 0.01, kCenter.y - 0.5 + ((i % 2) ? 0.05 : -0.05)});
    LayerBuilder lines("线", GeometryKind::Line);
    lines.add(core::Geometry::line(wiggle), "", std::nullopt);
    core::RenderJob job;
    job.layers = {lines.build()};
    job.view = testView();
    core::Feedback fb;
    const auto r = core::MapRenderer(job).render(fb);
    CHECK(r.stats.verticesIn == 10001);
    // About one vertex per half pixel of its 100 px (the zigzag adds a little length).
    CHECK(r.stats.verticesOut <= 210);
    CHECK(r.stats.verticesOut >= 2);
    const QColor line = core::MapStyle::standard().neutral(GeometryKind::Line).stroke;
    CHECK(near(pixel(r.image, 200, 150), line, 30));

    // A feature smaller than half a pixel is not drawn at all.
    LayerBuilder tiny("小面", GeometryKind::Polygon);
    tiny.add(core::Geometry::polygon({W(10, 10), W(10.2, 10), W(10.2, 10.2)}), "", std::nullopt);
    job.layers = {tiny.build()};
    const auto r2 = core::MapRenderer(job).render(fb);
    CHECK(r2.stats.featuresTooSmall == 1);
    CHECK(r2.stats.featuresDrawn == 0);
}

TEST_CASE("screen clipping keeps only the visible part of lines and rings", "[render][unit]") {
    const QRectF rect(0, 0, 100, 100);
    std::vector<QPolygonF> pieces;
    core::clipPolyline(QPolygonF({{-1e7, 50}, {1e7, 50}}), rect, pieces);
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].first().x() == Approx(0));
    CHECK(pieces[0].last().x() == Approx(100));
    pieces.clear();
    // In, out, in again: two pieces.
    core::clipPolyline(QPolygonF({{10, 10}, {200, 10}, {200, 90}, {10, 90}}), rect, pieces);
    CHECK(pieces.size() == 2);
    pieces.clear();
    core::clipPolyline(QPolygonF({{-10, -10}, {-20, 500}}), rect, pieces);
    CHECK(pieces.empty());

    const QPolygonF ring =
        core::clipRing(QPolygonF({{-50, -50}, {150, -50}, {150, 150}, {-50, 150}}), rect);
    CHECK(ring.boundingRect() == rect);
}

TEST_CASE("a device pixel ratio of 2 doubles the image resolution", "[render][unit]") {
    core::RenderJob job = districtJob();
    job.devicePixelRatio = 2.0;
    core::Feedback fb;
    const auto r = core::MapRenderer(job).render(fb);
    CHECK(r.image.size() == QSize(800, 600));
    CHECK(r.image.devicePixelRatio() == 2.0);
    CHECK(near(pixel(r.image, 12, 200), core::MapStyle::standard().forRole(Role::MainRoad).stroke));
    CHECK(near(pixel(r.image, 150 - 8, 40), core::roleColor(Role::Market), 8));
}

TEST_CASE("overlays paint at their stage and share the label space", "[render][unit]") {
    core::RenderJob job = districtJob();
    // Above everything: a magenta marker on the compound.
    job.overlays.push_back(
        {QStringLiteral("marker"), core::OverlayStage::AboveLabels, [](core::RenderContext& ctx) {
             ctx.painter.fillRect(QRectF(40, 40, 10, 10), QColor(255, 0, 255));
         }});
    // Above features, before labels: an overlay label takes the room right of the market.
    job.overlays.push_back(
        {QStringLiteral("note"), core::OverlayStage::AboveFeatures, [](core::RenderContext& ctx) {
             ctx.labels.reserve(QRectF(162, 20, 120, 40));
             CHECK(ctx.view.size() == QSize(400, 300));
         }});
    core::Feedback fb;
    const auto r = core::MapRenderer(job).render(fb);
    CHECK(near(pixel(r.image, 45, 45), QColor(255, 0, 255)));
    for (const auto& l : r.labels)
        for (const QRectF& b : l.boxes)
            CHECK_FALSE(b.intersects(QRectF(162, 20, 120, 40)));
}

TEST_CASE("labels come from the layer's name field when no labels are given", "[render][unit]") {
    LayerBuilder pts("兴趣点", GeometryKind::Point);
    pts.add(core::Geometry::point(W(200, 150)), "光明社区", Role::Community);
    core::RenderJob job;
    job.layers = {pts.build()};
    job.view = testView();
    core::Feedback fb;
    auto r = core::MapRenderer(job).render(fb);
    REQUIRE(r.labels.size() == 1);
    CHECK(r.labels[0].text == QStringLiteral("光明社区"));

    job.layers[0].labels = std::make_shared<const std::vector<QString>>(
        std::vector<QString>{QStringLiteral("改名社区")});
    r = core::MapRenderer(job).render(fb);
    REQUIRE(r.labels.size() == 1);
    CHECK(r.labels[0].text == QStringLiteral("改名社区"));
    job.drawLabels = false;
    CHECK(core::MapRenderer(job).render(fb).labels.empty());
}

TEST_CASE("the icon files in resources are the renderer's symbols", "[render][unit]") {
    for (Role r : {Role::Market, Role::Mall, Role::School, Role::Hospital, Role::Station,
                   Role::Community, Role::Toilet}) {
        const QString path =
            testing::sourcePath(QStringLiteral("resources/icons/%1.svg").arg(core::roleKey(r)));
        INFO(path.toStdString());
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll() == core::symbolSvg(r));
        const QImage img = core::symbolImage(r, 32);
        REQUIRE(img.size() == QSize(32, 32));
        CHECK(near(img.pixelColor(4, 16), core::roleColor(r), 8));
    }
    CHECK(core::symbolSvg(Role::BackStreet).isEmpty());
    CHECK(core::symbolImage(Role::BackStreet, 32).isNull());
}

TEST_CASE("a street stored as short segments is joined and named", "[render][unit]") {
    // Five 30 px segments of 友谊路, some reversed, in shuffled order: each is too short for
    // the name, the joined street is not.
    const double xs[] = {50, 80, 110, 140, 170, 200};
    LayerBuilder roads("道路", GeometryKind::Line);
    for (int i : {3, 0, 4, 1, 2}) {
        std::vector<core::Point> seg{W(xs[i], 150), W(xs[i + 1], 150)};
        if (i % 2)
            std::reverse(seg.begin(), seg.end());
        roads.add(core::Geometry::line(seg), "友谊路", Role::MainRoad);
    }
    core::RenderJob job;
    job.layers = {roads.build()};
    job.view = testView();
    core::Feedback fb;
    const auto r = core::MapRenderer(job).render(fb);
    REQUIRE(r.labels.size() == 1);
    CHECK(r.labels[0].text == QStringLiteral("友谊路"));
    CHECK(r.labels[0].center.y() == Approx(150).margin(0.5));

    const auto chains =
        core::joinPolylines({QPolygonF({{30, 0}, {20, 0}}), QPolygonF({{0, 0}, {10, 0}}),
                             QPolygonF({{10, 0}, {20, 0}}), QPolygonF({{50, 50}, {60, 60}})});
    REQUIRE(chains.size() == 2);
    const QPolygonF& street = chains[0].size() == 4 ? chains[0] : chains[1];
    REQUIRE(street.size() == 4);
    CHECK(core::polylineLength(street) == Approx(30));
    CHECK(std::abs(street.first().x() - street.last().x()) == Approx(30));
}
