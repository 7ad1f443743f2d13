// The desktop window driven offscreen: loading files in the background, the rendered map
// showing each role's symbols, layer visibility, zoom and pan, the status bar, translations.
#include "app/desktop/canvas/map_canvas.h"
#include "app/desktop/controllers/district_controller.h"
#include "app/desktop/main_window.h"
#include "app/desktop/panels/layer_panel.h"
#include "app/desktop/panels/map_status_bar.h"
#include "core/render/map_style.h"
#include "support/desktop_fixture.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QThread>
#include <QTranslator>
#include <QWheelEvent>

#include <functional>

using core::Role;
using testing::waitIdle;
using testing::waitUntil;

namespace {

void writeFile(const QString& path, const char* utf8) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(utf8);
}

// A small district around (114.30 E, 30.58 N) in three GeoJSON files, tagged like OSM so
// the default role rules classify every feature.
struct DistrictFixture {
    QTemporaryDir dir;
    QStringList files;

    DistrictFixture() {
        REQUIRE(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("areas.geojson")),
                  R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"landuse":"residential","name":"幸福小区"},"geometry":{"type":"Polygon","coordinates":[[[114.2960,30.5820],[114.3000,30.5820],[114.3000,30.5850],[114.2960,30.5850],[114.2960,30.5820]]]}},
{"type":"Feature","properties":{"boundary":"administrative","admin_level":"6","name":"示范区"},"geometry":{"type":"Polygon","coordinates":[[[114.2900,30.5750],[114.3100,30.5750],[114.3100,30.5900],[114.2900,30.5900],[114.2900,30.5750]]]}}
]})");
        writeFile(dir.filePath(QStringLiteral("roads.geojson")),
                  R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"highway":"primary","name":"解放大道"},"geometry":{"type":"LineString","coordinates":[[114.2910,30.5780],[114.3090,30.5780]]}},
{"type":"Feature","properties":{"highway":"residential","name":"民主巷"},"geometry":{"type":"LineString","coordinates":[[114.3050,30.5760],[114.3050,30.5890]]}}
]})");
        writeFile(dir.filePath(QStringLiteral("pois.geojson")),
                  R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"amenity":"marketplace","name":"中心农贸市场"},"geometry":{"type":"Point","coordinates":[114.2930,30.5870]}},
{"type":"Feature","properties":{"shop":"supermarket","name":"万达广场"},"geometry":{"type":"Point","coordinates":[114.2975,30.5870]}},
{"type":"Feature","properties":{"amenity":"school","name":"第一中学"},"geometry":{"type":"Point","coordinates":[114.3020,30.5870]}},
{"type":"Feature","properties":{"amenity":"hospital","name":"人民医院"},"geometry":{"type":"Point","coordinates":[114.2930,30.5810]}},
{"type":"Feature","properties":{"amenity":"bus_station","name":"汉口客运站"},"geometry":{"type":"Point","coordinates":[114.3020,30.5810]}},
{"type":"Feature","properties":{"amenity":"community_centre","name":"花园社区"},"geometry":{"type":"Point","coordinates":[114.2975,30.5795]}},
{"type":"Feature","properties":{"amenity":"toilets"},"geometry":{"type":"Point","coordinates":[114.3075,30.5830]}}
]})");
        for (const char* f : {"areas.geojson", "roads.geojson", "pois.geojson"})
            files << dir.filePath(QString::fromLatin1(f));
    }
};

bool near(QColor a, QColor b, int tol) {
    return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
           std::abs(a.blue() - b.blue()) <= tol;
}

int countColor(const QImage& img, QColor c, int tol = 6) {
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            if (near(img.pixelColor(x, y), c, tol))
                ++n;
    return n;
}

QColor blend(QColor over, QColor under) {
    const double a = over.alphaF();
    return QColor::fromRgbF(over.redF() * a + under.redF() * (1 - a),
                            over.greenF() * a + under.greenF() * (1 - a),
                            over.blueF() * a + under.blueF() * (1 - a));
}

int layerIndex(app::MainWindow& w, const QString& name) {
    const auto& layers = w.district().layers();
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].layer.data->name.contains(name))
            return static_cast<int>(i);
    return -1;
}

} // namespace

TEST_CASE("the window loads a district in the background and draws every role", "[app][gui]") {
    DistrictFixture data;
    app::MainWindow w;
    w.setInteractive(false);
    w.resize(1000, 700);
    w.show();
    w.openFiles(data.files);
    CHECK(w.district().isLoading());
    REQUIRE(waitIdle(w));
    REQUIRE(w.failureCount() == 0);
    REQUIRE(w.district().layers().size() == 3);
    REQUIRE(w.district().hasWorkingCrs());
    CHECK(w.district().workingCrs().authId() == QStringLiteral("EPSG:4547"));
    CHECK(w.statusWidgets().crsText() == QStringLiteral("EPSG:4547"));

    // The layer list: one checked row per layer with counts and roles.
    app::LayerPanel& panel = w.layerPanel();
    REQUIRE(panel.topLevelItemCount() == 3);
    const int pois = layerIndex(w, QStringLiteral("pois"));
    REQUIRE(pois >= 0);
    QTreeWidgetItem* poiRow = panel.topLevelItem(pois);
    CHECK(poiRow->checkState(0) == Qt::Checked);
    CHECK(poiRow->text(1) == QStringLiteral("7"));
    CHECK(poiRow->text(2).contains(QStringLiteral("School 1")));
    CHECK(poiRow->text(2).contains(QStringLiteral("Public toilet 1")));

    // The map fits the district and shows each style.
    const app::MapCanvas& canvas = w.canvas();
    CHECK(canvas.renderedView() == canvas.view());
    const QImage img = canvas.renderedImage();
    const core::MapStyle style = core::MapStyle::standard();
    for (Role r : core::kAnchorRoles) {
        INFO(core::roleKey(r).toStdString());
        CHECK(countColor(img, core::roleColor(r)) > 40);
    }
    CHECK(countColor(img, core::roleColor(Role::Toilet)) > 15);
    CHECK(countColor(img, style.forRole(Role::MainRoad).stroke) > 100);
    CHECK(countColor(img, blend(style.forRole(Role::Compound).fill, style.background), 3) > 500);
    CHECK(countColor(img, style.forRole(Role::Boundary).stroke, 10) > 200);
    QStringList labels;
    for (const auto& l : canvas.renderedLabels())
        labels << l.text;
    CHECK(labels.contains(QStringLiteral("第一中学")));
    CHECK(labels.contains(QStringLiteral("解放大道")));

    SECTION("hiding a layer removes its symbols from the next render") {
        const quint64 before = canvas.renderedGeneration();
        poiRow->setCheckState(0, Qt::Unchecked);
        CHECK_FALSE(w.district().layers()[pois].visible);
        REQUIRE(
            waitUntil([&] { return w.isIdle() && canvas.renderedGeneration() > before; }, 30000));
        const QImage hidden = canvas.renderedImage();
        for (Role r : core::kAnchorRoles)
            CHECK(countColor(hidden, core::roleColor(r), 3) == 0);
        CHECK(countColor(hidden, style.forRole(Role::MainRoad).stroke) > 100);
        poiRow->setCheckState(0, Qt::Checked);
        REQUIRE(waitIdle(w));
        CHECK(countColor(canvas.renderedImage(), core::roleColor(Role::School)) > 40);
    }

    SECTION("zoom and pan change the view and the status bar follows") {
        app::MapCanvas& c = w.canvas();
        const core::MapView start = c.view();
        c.zoomIn();
        CHECK(c.view().metresPerPixel() == Approx(start.metresPerPixel() / 2));
        // Until the new render arrives the old image is shown scaled: the compound in the
        // middle of the district now covers about four times as many pixels.
        const QColor compound = blend(style.forRole(Role::Compound).fill, style.background);
        const int before = countColor(c.renderedImage(), compound, 3);
        CHECK(c.isRenderPending());
        const QImage warped = c.grab().toImage();
        CHECK(countColor(warped, compound, 3) > 3 * before);

        const QPointF mid(c.width() / 2.0, c.height() / 2.0);
        QKeyEvent minus(QEvent::KeyPress, Qt::Key_Minus, Qt::NoModifier, QStringLiteral("-"));
        QCoreApplication::sendEvent(&c, &minus);
        CHECK(c.view().metresPerPixel() == Approx(start.metresPerPixel()));

        // Wheel one notch in, about a point off-centre: that point stays put.
        const QPointF at(100, 80);
        const core::Point under = c.view().toWorld(at);
        QWheelEvent wheel(at, c.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&c, &wheel);
        CHECK(c.view().metresPerPixel() < start.metresPerPixel());
        CHECK(c.view().toPixel(under).x() == Approx(at.x()));
        CHECK(c.view().toPixel(under).y() == Approx(at.y()));

        // Drag 50 px right and 20 px down: the map content follows the mouse.
        const core::Point grabbed = c.view().toWorld(mid);
        QMouseEvent press(QEvent::MouseButtonPress, mid, c.mapToGlobal(mid), Qt::LeftButton,
                          Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&c, &press);
        const QPointF to = mid + QPointF(50, 20);
        QMouseEvent move(QEvent::MouseMove, to, c.mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(&c, &move);
        QMouseEvent release(QEvent::MouseButtonRelease, to, c.mapToGlobal(to), Qt::LeftButton,
                            Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&c, &release);
        CHECK(c.view().toPixel(grabbed).x() == Approx(to.x()));
        CHECK(c.view().toPixel(grabbed).y() == Approx(to.y()));

        // The cursor position is shown in lon/lat and in the working CRS.
        const QString coords = w.statusWidgets().coordinateText();
        INFO(coords.toStdString());
        CHECK(coords.contains(QStringLiteral("°E")));
        CHECK(coords.contains(QStringLiteral("°N | EPSG:4547 E ")));
        CHECK(coords.startsWith(QStringLiteral("114.")));

        QKeyEvent right(QEvent::KeyPress, Qt::Key_Right, Qt::NoModifier);
        const core::Point centre = c.view().center();
        QCoreApplication::sendEvent(&c, &right);
        CHECK(c.view().center().x > centre.x);

        // Several quick changes end in one image of the final view.
        REQUIRE(waitIdle(w));
        CHECK(c.renderedView() == c.view());
        CHECK(w.statusWidgets().scaleText().startsWith(QStringLiteral("Scale 1:")));

        QKeyEvent home(QEvent::KeyPress, Qt::Key_Home, Qt::NoModifier);
        QCoreApplication::sendEvent(&c, &home);
        CHECK(c.view().metresPerPixel() == Approx(start.metresPerPixel()));
        CHECK(c.view().center().x == Approx(start.center().x));
    }
}

TEST_CASE("a file that is not geodata reports the loader's error", "[app][gui]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.geojson"));
    writeFile(path, "this is not geojson");
    app::MainWindow w;
    w.setInteractive(false);
    w.show();
    QString message;
    QObject::connect(&w.district(), &app::DistrictController::loadFailed,
                     [&](const QString& m) { message = m; });
    w.openFiles({path});
    REQUIRE(waitUntil([&] { return !w.district().isLoading(); }, 30000));
    CHECK(w.failureCount() == 1);
    CHECK(message.contains(QStringLiteral("notes.geojson")));
    CHECK(w.district().layers().empty());
}

TEST_CASE("a table without a CRS is asked about, then loads in the CRS the user declares",
          "[app][gui]") {
    QTemporaryDir dir;
    // Points picked on Baidu maps: no CRS in a CSV, and the name says which system.
    const QString path = dir.filePath(QStringLiteral("schools_baidu.csv"));
    writeFile(path, "name,lng,lat\n武汉大学,114.371605,30.544165\n湖北大学,114.3337,30.5851\n");
    app::MainWindow w;
    w.setInteractive(false);
    w.show();
    std::vector<app::CrsQuestion> questions;
    QObject::connect(&w.district(), &app::DistrictController::crsNeeded,
                     [&](const app::CrsQuestion& q) { questions.push_back(q); });
    QString failure;
    QObject::connect(&w.district(), &app::DistrictController::loadFailed,
                     [&](const QString& m) { failure = m; });
    w.openFiles({path});
    REQUIRE(waitUntil([&] { return !w.district().isLoading(); }, 30000));
    CHECK(failure.isEmpty()); // a question, not an error
    REQUIRE(questions.size() == 1);
    CHECK(questions.front().path == path);
    CHECK(questions.front().layer == QStringLiteral("schools_baidu"));
    REQUIRE(questions.front().guesses.size() == 4);
    CHECK(questions.front().guesses.front().code == QStringLiteral("BD09"));
    CHECK(w.district().layers().empty());

    // The answer (what the dialog does with the user's choice): the file loads in BD-09,
    // converted, with its original coordinates kept.
    w.district().declareCrs(path, questions.front().guesses.front().code);
    w.district().open({path});
    REQUIRE(waitIdle(w));
    CHECK(questions.size() == 1);
    REQUIRE(w.district().layers().size() == 1);
    const core::LayerData& layer = *w.district().layers().front().layer.data;
    CHECK(layer.source.crsAuthId == QStringLiteral("BD09"));
    CHECK(layer.fieldIndex(QStringLiteral("src_lon")) >= 0);
    REQUIRE(w.district().hasWorkingCrs());
    CHECK(w.district().workingCrs().authId() == QStringLiteral("EPSG:4547"));
}

TEST_CASE("the shipped demo district opens", "[app][gui]") {
    const QString demo = testing::sourcePath(QStringLiteral("data/demo/x_district.gpkg"));
    if (!QFile::exists(demo)) {
        WARN("skipped: data/demo/x_district.gpkg has not been generated yet");
        return;
    }
    app::MainWindow w;
    w.setInteractive(false);
    w.resize(1200, 800);
    w.show();
    w.openFiles({demo});
    REQUIRE(waitIdle(w, 180000));
    CHECK(w.failureCount() == 0);
    CHECK(w.district().layers().size() >= 3);
    const QImage img = w.canvas().renderedImage();
    for (Role r : core::kAnchorRoles) {
        INFO(core::roleKey(r).toStdString());
        CHECK(countColor(img, core::roleColor(r)) > 10);
    }
}

TEST_CASE("the Chinese translation is complete and embedded", "[app][unit]") {
    QTranslator zh;
    REQUIRE(zh.load(QStringLiteral(":/i18n/perisurvey_zh_CN.qm")));
    CHECK(zh.translate("app::Roles", "Back street") == QStringLiteral("背街小巷"));
    CHECK(zh.translate("app::MainWindow", "&File") == QStringLiteral("文件(&F)"));
    QFile ts(testing::sourcePath(QStringLiteral("resources/translations/perisurvey_zh_CN.ts")));
    REQUIRE(ts.open(QIODevice::ReadOnly));
    const QByteArray xml = ts.readAll();
    CHECK(xml.count("<message") > 50);
    CHECK(xml.count("type=\"unfinished\"") == 0);
    CHECK(xml.count("type=\"vanished\"") == 0);
    CHECK(xml.count("type=\"obsolete\"") == 0);
}
