// The route panel's stop order, driven offscreen on the demo campaign: a stop moved through
// the order model (what a drag calls), through a real drop event and with the Move up button
// re-traces the team's legs (the start stays first, the total is the sum of the new legs, a
// worse order costs more, the change is marked), an exported GPX lists the new order, and the
// desktop's PDF route sheet carries the district's base map under the route.
#include "app/desktop/controllers/campaign_controller.h"
#include "app/desktop/controllers/route_controller.h"
#include "app/desktop/main_window.h"
#include "app/desktop/panels/route_panel.h"
#include "core/routing/route_layers.h"
#include "gis/io/route_sheet.h"
#include "support/desktop_fixture.h"

#include <catch2/catch.hpp>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QListView>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

using testing::CampaignFixture;
using testing::showCampaign;
using testing::waitUntil;

namespace {

using PlanPtr = std::shared_ptr<const core::RoutePlan>;

double legSum(const core::TeamRoute& t) {
    double s = 0;
    for (const core::RouteLeg& l : t.legs)
        s += l.distanceM;
    return s;
}

// The names of a GPX file's waypoints, in document order.
QStringList waypointNames(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&f);
    QStringList names;
    bool inWpt = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("wpt"))
            inWpt = true;
        else if (xml.isEndElement() && xml.name() == QLatin1String("wpt"))
            inWpt = false;
        else if (inWpt && xml.isStartElement() && xml.name() == QLatin1String("name"))
            names << xml.readElementText();
    }
    return names;
}

QStringList expectedWaypoints(const core::RoutePlan& plan) {
    QStringList names{QStringLiteral("00 起点 start")};
    for (std::size_t k = 0; k < plan.teams[0].stops.size(); ++k)
        names << core::stopLabel(plan, 0, static_cast<int>(k) + 1);
    return names;
}

// Non-white pixels of the first page of a PDF rendered at 40 dpi (pdftoppm), or -1.
long inkOnFirstPage(const QString& pdf, const QString& stem) {
    QProcess p;
    p.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"), QStringLiteral("1"),
             QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-singlefile"),
             QStringLiteral("-png"), pdf, stem});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return -1;
    const QImage image(stem + QStringLiteral(".png"));
    if (image.isNull())
        return -1;
    long ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 235)
                ++ink;
    return ink;
}

// Waits until the controller holds a plan other than `before`.
bool replanned(app::MainWindow& w, const PlanPtr& before) {
    return waitUntil([&] { return w.routes().plan() && w.routes().plan() != before; }, 10000);
}

} // namespace

TEST_CASE("moving a stop in the route panel re-traces the day and the exports follow",
          "[app][gui][campaign][route]") {
    CampaignFixture data(true);
    app::MainWindow w;
    showCampaign(w, data.path, QSize(1200, 900));

    // Start on a drawn street: surely on the road network.
    const core::LayerPtr streets = w.campaign().drawLayers().streets;
    REQUIRE(streets);
    REQUIRE_FALSE(streets->features.empty());
    const core::Point start = streets->features.front().geometry.points.front();
    w.routePanel().setTeams(1);
    w.routePanel().setStart(start, QStringLiteral("测试起点"));
    w.computeRoute();
    REQUIRE(waitUntil([&] { return !w.routes().isBusy(); }, 120000));
    REQUIRE(w.failureCount() == 0);
    const PlanPtr planned = w.routes().plan();
    REQUIRE(planned);
    REQUIRE(planned->teams.size() == 1);
    const std::vector<int> plannedOrder = planned->teams[0].stops;
    const std::size_t n = plannedOrder.size();
    REQUIRE(n >= 4);
    CHECK_FALSE(planned->teams[0].manualOrder);

    app::RoutePanel& panel = w.routePanel();
    app::RouteOrderModel& model = panel.orderModel();
    QListView& list = panel.stopOrder();
    REQUIRE(model.firstStopRow() == 1); // the start is the fixed first row
    REQUIRE(model.rowCount() == static_cast<int>(n) + 1);
    CHECK(model.stops() == plannedOrder);
    CHECK_FALSE(model.flags(model.index(0)).testFlag(Qt::ItemIsDragEnabled));
    CHECK(model.flags(model.index(1)).testFlag(Qt::ItemIsDragEnabled));

    // 1. The last stop moved to the front, as a drag calls the model: a worse day.
    REQUIRE(model.moveRows({}, static_cast<int>(n), 1, {}, 1));
    REQUIRE(replanned(w, planned));
    const PlanPtr moved = w.routes().plan();
    std::vector<int> expected = plannedOrder;
    std::rotate(expected.begin(), expected.end() - 1, expected.end());
    const core::TeamRoute& day = moved->teams[0];
    CHECK(day.stops == expected);
    CHECK(model.stops() == expected);
    CHECK(day.manualOrder);
    CHECK(day.legs.front().fromStop == -1); // still from the start
    CHECK(day.legs.front().toStop == expected.front());
    CHECK(day.distanceM == Approx(legSum(day)));
    CHECK(moved->totalDistanceM() == Approx(legSum(day)));
    CHECK(day.travelS > planned->teams[0].travelS); // the planned order was the best found
    CHECK(day.distanceM != Approx(planned->teams[0].distanceM));
    CHECK(day.dwellS == Approx(planned->teams[0].dwellS));
    CHECK(panel.totalsText().contains(QStringLiteral("order changed by hand")));
    CHECK(model.data(model.index(0), Qt::DisplayRole).toString() == QStringLiteral("Start"));
    CHECK(model.data(model.index(1), Qt::DisplayRole)
              .toString()
              .endsWith(moved->stops[static_cast<std::size_t>(expected.front())].name));

    // 2. A real drop: the second stop dragged above the start lands right after it.
    list.doItemsLayout();
    QCoreApplication::processEvents();
    const int dragged = expected[1];
    std::unique_ptr<QMimeData> mime(model.mimeData({model.index(2)}));
    REQUIRE(mime);
    const QRect startRect = list.visualRect(model.index(0));
    REQUIRE(startRect.height() > 2);
    const QPoint above(startRect.left() + 5, startRect.top() + 1);
    QDragEnterEvent enter(above, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(list.viewport(), &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent drop(QPointF(above), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(list.viewport(), &drop);
    CHECK(drop.isAccepted());
    REQUIRE(replanned(w, moved));
    const PlanPtr dropped = w.routes().plan();
    std::swap(expected[0], expected[1]);
    CHECK(dropped->teams[0].stops == expected);
    CHECK(dropped->teams[0].stops.front() == dragged);
    CHECK(dropped->teams[0].legs.front().fromStop == -1);
    CHECK(dropped->teams[0].distanceM == Approx(legSum(dropped->teams[0])));

    // 3. Move up, as a keyboard user does: the selected third stop becomes the second.
    list.setCurrentIndex(model.index(3));
    QPushButton* up = nullptr;
    for (QPushButton* b : panel.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Move up"))
            up = b;
    REQUIRE(up);
    REQUIRE(up->isEnabled());
    up->click();
    REQUIRE(replanned(w, dropped));
    std::swap(expected[1], expected[2]);
    CHECK(w.routes().plan()->teams[0].stops == expected);
    CHECK(list.currentIndex().row() == 2); // the moved stop stays selected

    // 4. Moving the start itself is refused.
    CHECK_FALSE(model.moveRows({}, 0, 1, {}, 3));
    CHECK(model.stops() == expected);

    // 5. The exported GPX lists the stops in the new order.
    const PlanPtr last = w.routes().plan();
    const QString gpx = data.dir.filePath(QStringLiteral("reordered.gpx"));
    w.routes().exportTo(gpx, w.campaign().crsAuthId(), QStringLiteral("测试路线"));
    REQUIRE(waitUntil([&] { return !w.routes().isBusy(); }, 60000));
    const QStringList names = waypointNames(gpx);
    CHECK(names.mid(0, static_cast<qsizetype>(n) + 1) == expectedWaypoints(*last));
    CHECK(names.mid(0, static_cast<qsizetype>(n) + 1) != expectedWaypoints(*planned));
    CHECK(w.failureCount() == 0);
}

TEST_CASE("the desktop's PDF route sheet has the district under the route",
          "[app][gui][campaign][route][pdf]") {
    CampaignFixture data(true);
    app::MainWindow w;
    showCampaign(w, data.path);
    w.computeRoute();
    REQUIRE(waitUntil([&] { return !w.routes().isBusy(); }, 120000));
    const PlanPtr plan = w.routes().plan();
    REQUIRE(plan);

    const QString sheet = data.dir.filePath(QStringLiteral("desktop.pdf"));
    w.routes().exportTo(sheet, w.campaign().crsAuthId(), QStringLiteral("测试路线"));
    REQUIRE(waitUntil([&] { return !w.routes().isBusy(); }, 120000));
    REQUIRE(QFile::exists(sheet));
    CHECK(w.failureCount() == 0);
    // The same plan on a plain background, as the desktop wrote it before.
    const QString plain = data.dir.filePath(QStringLiteral("plain.pdf"));
    gis::writeRouteSheet(plain, *plan, gis::Crs::fromUserInput(w.campaign().crsAuthId()),
                         QStringLiteral("测试路线"));

    if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty()) {
        WARN("pdftoppm not found; the sheet's base map is not checked");
        return;
    }
    const long withMap = inkOnFirstPage(sheet, data.dir.filePath(QStringLiteral("desktop")));
    const long without = inkOnFirstPage(plain, data.dir.filePath(QStringLiteral("plain")));
    INFO("ink with base map " << withMap << ", without " << without);
    REQUIRE(without > 0);
    CHECK(withMap > without * 3 / 2);
}
