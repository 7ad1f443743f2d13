// The desktop with a campaign, driven offscreen: opening a campaign made by the CLI (its
// layers, defects and title), the draw wizard running in the background and recording a draw
// with the wizard's seed, the draw panel listing the anchors, cancelling a draw, the record.
#include "app/cli/commands.h"
#include "app/desktop/canvas/map_canvas.h"
#include "app/desktop/controllers/campaign_controller.h"
#include "app/desktop/controllers/district_controller.h"
#include "app/desktop/controllers/route_controller.h"
#include "app/desktop/dialogs/draw_record_dialog.h"
#include "app/desktop/dialogs/draw_wizard.h"
#include "app/desktop/main_window.h"
#include "app/desktop/panels/draw_panel.h"
#include "app/desktop/panels/layer_panel.h"
#include "app/desktop/panels/route_panel.h"
#include "core/store/campaign.h"
#include "support/desktop_fixture.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMouseEvent>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTranslator>
#include <QTreeWidget>

#include <functional>

using testing::CampaignFixture;
using testing::runCli;
using testing::showCampaign;
using testing::waitIdle;
using testing::waitUntil;

TEST_CASE("opening a campaign shows its layers, its name and enables the draw",
          "[app][gui][campaign]") {
    CampaignFixture data(true);
    // A defect whose card was issued in 2020 is long overdue: opening escalates it.
    REQUIRE(runCli({QStringLiteral("defect"), QStringLiteral("add"), data.path,
                    QStringLiteral("--code"), QStringLiteral("RD-01"), QStringLiteral("--lon"),
                    QStringLiteral("114.31"), QStringLiteral("--lat"), QStringLiteral("30.51")}) ==
            0);
    {
        core::Campaign c = core::Campaign::open(data.path);
        c.issueCard(QStringLiteral("1"), core::CardColour::White, QStringLiteral("test"), {},
                    QDateTime(QDate(2020, 1, 6), QTime(9, 0), Qt::UTC));
    }
    app::MainWindow w;
    w.setInteractive(false);
    w.resize(1100, 700);
    w.show();
    CHECK_FALSE(w.newDrawAction().isEnabled());

    w.openFiles({data.path});
    REQUIRE(waitIdle(w));
    CHECK(w.failureCount() == 0);
    CHECK(w.campaign().isOpen());
    CHECK(w.windowTitle().contains(QStringLiteral("示范区 2027 春季测评")));
    CHECK(w.layerPanel().topLevelItemCount() == 6);
    CHECK(w.district().workingCrs().authId() == QStringLiteral("EPSG:4547"));
    CHECK(w.newDrawAction().isEnabled());
    CHECK(w.campaign().escalatedOnOpen() == 1);
    CHECK(w.campaign().defectMarks().size() == 1);
    CHECK(w.statusBar()->currentMessage().contains(QStringLiteral("1")));

    // The CLI's draw is the current draw: listed in the panel, drawn on the map.
    REQUIRE(w.campaign().currentDraw());
    CHECK(w.campaign().currentDraw()->seed == 7);
    CHECK(w.drawPanel().anchorCount() ==
          static_cast<int>(w.campaign().currentDraw()->outcome.anchors.size()));
    CHECK(w.drawPanel().anchorCount() > 0);
    CHECK(w.campaign().overlays().size() >= 2);

    // Clicking an anchor zooms the map to its ring.
    const double before = w.canvas().view().scaleDenominator(96);
    QTreeWidgetItem* first = w.drawPanel().tree().topLevelItem(0);
    REQUIRE(first);
    emit w.drawPanel().tree().itemClicked(first, 0);
    CHECK(w.canvas().view().scaleDenominator(96) < before);

    // Closing forgets the campaign.
    w.campaign().close();
    CHECK_FALSE(w.campaign().isOpen());
    CHECK_FALSE(w.newDrawAction().isEnabled());
    CHECK(w.drawPanel().anchorCount() == 0);
}

TEST_CASE("the draw wizard draws in the background and records the draw with its seed",
          "[app][gui][campaign]") {
    CampaignFixture data;
    app::MainWindow w;
    showCampaign(w, data.path);
    CHECK_FALSE(w.campaign().currentDraw());
    CHECK(data.draws().empty());

    app::DrawWizard* wizard = w.showDrawWizard();
    REQUIRE(wizard);
    wizard->setSeed(20270315);
    wizard->setOperatorName(QStringLiteral("李四"));
    wizard->setKindChecked(core::Role::Hospital, false);
    wizard->setRadii(400, 1800);
    wizard->setStreetRange(1, 1);
    wizard->setCompoundRange(1, 2);
    wizard->accept();
    REQUIRE(w.campaign().isDrawing());
    REQUIRE(waitUntil([&] { return !w.campaign().isDrawing(); }, 60000));
    REQUIRE(waitIdle(w));
    CHECK(w.failureCount() == 0);

    const auto draws = data.draws();
    REQUIRE(draws.size() == 1);
    const core::DrawRecord& r = draws.front();
    CHECK(r.seed == 20270315);
    CHECK(r.operatorName == QStringLiteral("李四"));
    CHECK(r.parameters.innerM == 400);
    CHECK(r.parameters.outerM == 1800);
    CHECK(r.parameters.streets == core::CountRange{1, 1});
    CHECK(std::find(r.parameters.kinds.begin(), r.parameters.kinds.end(), core::Role::Hospital) ==
          r.parameters.kinds.end());
    CHECK(r.workingCrs == QStringLiteral("EPSG:4547"));

    REQUIRE(w.campaign().currentDraw());
    CHECK(w.campaign().currentDraw()->drawId == r.drawId);
    CHECK(w.drawPanel().anchorCount() == static_cast<int>(r.outcome.anchors.size()));
    CHECK(w.drawPanel().anchorCount() > 0);
    for (const auto& a : r.outcome.anchors)
        CHECK(a.kind != core::Role::Hospital);
    CHECK(w.campaign().drawLayers().rings);
    CHECK(w.campaign().drawLayers().streets);

    // The record dialog shows the seed and saves the certificate.
    QDialog* dialog = w.showDrawRecord();
    REQUIRE(dialog);
    auto* recordDialog = qobject_cast<app::DrawRecordDialog*>(dialog);
    REQUIRE(recordDialog);
    CHECK(recordDialog->html().contains(QStringLiteral("20270315")));
    const QString pdf = data.dir.filePath(QStringLiteral("certificate.pdf"));
    CHECK(recordDialog->saveCertificate(pdf).isEmpty());
    CHECK(QFileInfo(pdf).size() > 1000);
    dialog->close();

    // A second draw is appended; the first stays.
    wizard = w.showDrawWizard();
    REQUIRE(wizard);
    wizard->setSeed(8);
    wizard->accept();
    REQUIRE(waitUntil([&] { return !w.campaign().isDrawing(); }, 60000));
    const auto after = data.draws();
    REQUIRE(after.size() == 2);
    CHECK(after.back().seed == 8);
    CHECK(w.campaign().currentDraw()->seed == 8);
}

TEST_CASE("the draw wizard refuses bad values and stays open", "[app][gui][campaign]") {
    QStandardPaths::setTestModeEnabled(true);
    app::DrawWizard wizard;
    wizard.show();
    CHECK(wizard.problem().isEmpty());
    wizard.setRadii(2000, 500);
    CHECK_FALSE(wizard.problem().isEmpty());
    wizard.accept();
    CHECK(wizard.result() != QDialog::Accepted);
    CHECK(wizard.isVisible());
    wizard.setRadii(500, 2000);
    for (core::Role k : core::kAnchorRoles)
        wizard.setKindChecked(k, false);
    CHECK_FALSE(wizard.problem().isEmpty());
    wizard.setKindChecked(core::Role::School, true);
    wizard.setStreetRange(2, 1);
    CHECK_FALSE(wizard.problem().isEmpty());
    wizard.setStreetRange(1, 2);
    CHECK(wizard.problem().isEmpty());
    CHECK(wizard.parameters().kinds == std::vector<core::Role>{core::Role::School});
}

TEST_CASE("cancelling a draw records nothing", "[app][gui][campaign]") {
    CampaignFixture data;
    app::MainWindow w;
    showCampaign(w, data.path);

    app::DrawWizard* wizard = w.showDrawWizard();
    REQUIRE(wizard);
    wizard->setSeed(99);
    wizard->accept();
    REQUIRE(w.campaign().isDrawing());
    QProgressDialog* progress = w.drawProgressDialog();
    REQUIRE(progress);
    auto* cancel = progress->findChild<QPushButton*>();
    REQUIRE(cancel);
    cancel->click();
    REQUIRE(waitUntil([&] { return !w.campaign().isDrawing(); }, 60000));
    CHECK(w.drawProgressDialog() == nullptr);
    CHECK(data.draws().empty());
    CHECK_FALSE(w.campaign().currentDraw());
    CHECK(w.drawPanel().anchorCount() == 0);
    CHECK(w.newDrawAction().isEnabled());
}

TEST_CASE("the route panel plans a route through the draw and exports it",
          "[app][gui][campaign][route]") {
    CampaignFixture data(true);
    app::MainWindow w;
    showCampaign(w, data.path);

    w.routePanel().setTeams(2);
    w.routePanel().setRoundTrip(true);
    w.computeRoute();
    REQUIRE(w.routes().isBusy());
    REQUIRE(waitUntil([&] { return !w.routes().isBusy(); }, 120000));
    CHECK(w.failureCount() == 0);
    REQUIRE(w.routes().plan());
    CHECK(w.routes().plan()->teams.size() == 2);
    CHECK(w.routePanel().legs().rowCount() > 0);

    const QString gpx = data.dir.filePath(QStringLiteral("route.gpx"));
    w.routes().exportTo(gpx, w.campaign().crsAuthId(), QStringLiteral("测试路线"));
    REQUIRE(waitUntil([&] { return !w.routes().isBusy(); }, 60000));
    QFile f(gpx);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll().contains("<gpx"));

    // A new campaign content (closing) drops the stale route.
    w.campaign().close();
    CHECK_FALSE(w.routes().plan());
    CHECK(w.routePanel().legs().rowCount() == 0);
}

// Not run by CTest (hidden): saves Chinese screenshots of the campaign window, the draw
// wizard, the draw record and the route panel to $PERISURVEY_SHOT_DIR (default /tmp) for
// people to look at.
TEST_CASE("screenshots of the campaign window in Chinese", "[.screenshots]") {
    const QString shots = qEnvironmentVariable("PERISURVEY_SHOT_DIR", QStringLiteral("/tmp"));
    QTranslator zh;
    REQUIRE(zh.load(QStringLiteral(":/i18n/perisurvey_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    CampaignFixture data;
    REQUIRE(runCli({QStringLiteral("draw"), data.path, QStringLiteral("--seed"),
                    QStringLiteral("7"), QStringLiteral("--anchors-per-kind"), QStringLiteral("2"),
                    QStringLiteral("--compounds"), QStringLiteral("3-4")}) == 0);
    app::MainWindow w;
    showCampaign(w, data.path, QSize(1400, 860));

    app::DrawWizard* wizard = w.showDrawWizard();
    REQUIRE(wizard);
    wizard->setOperatorName(QStringLiteral("张三"));
    QCoreApplication::processEvents();
    wizard->grab().save(shots + QStringLiteral("/ps_wizard.png"));
    wizard->reject();

    QTreeWidget& tree = w.drawPanel().tree();
    for (int i = 0; i < std::min(3, tree.topLevelItemCount()); ++i)
        tree.topLevelItem(i)->setExpanded(true);
    REQUIRE(waitIdle(w));
    w.grab().save(shots + QStringLiteral("/ps_campaign.png"));

    emit tree.itemClicked(tree.topLevelItem(0), 0);
    REQUIRE(waitIdle(w));
    w.grab().save(shots + QStringLiteral("/ps_anchor.png"));

    QDialog* record = w.showDrawRecord();
    REQUIRE(record);
    QCoreApplication::processEvents();
    record->grab().save(shots + QStringLiteral("/ps_record.png"));
    record->close();

    w.routePanel().setTeams(2);
    w.computeRoute();
    REQUIRE(waitUntil([&] { return !w.routes().isBusy(); }, 120000));
    w.canvas().zoomToExtent();
    REQUIRE(waitIdle(w));
    w.grab().save(shots + QStringLiteral("/ps_route.png"));
    QCoreApplication::removeTranslator(&zh);
}

TEST_CASE("the draw panel marks shortfalls in red and zooms to the clicked item",
          "[app][gui][campaign]") {
    core::DrawRecord record;
    record.drawId = QStringLiteral("0123456789abcdef");
    record.seed = 42;
    core::AnchorDraw a;
    a.id = QStringLiteral("market-1");
    a.kind = core::Role::Market;
    a.name = QStringLiteral("中心农贸市场");
    a.location = {500000, 3380000};
    core::DrawnItem street;
    street.name = QStringLiteral("民主巷");
    street.measure = 320;
    street.distanceM = 800;
    street.nearPoint = {500800, 3380000};
    a.streets.items.push_back(street);
    a.streets.asked = 1;
    a.compounds.asked = 2;
    a.compounds.candidates = 0;
    a.compounds.shortfall = 2;
    record.outcome.anchors.push_back(a);

    app::DrawPanel panel;
    panel.setDraw(record, {});
    REQUIRE(panel.anchorCount() == 1);
    QTreeWidgetItem* anchor = panel.tree().topLevelItem(0);
    REQUIRE(anchor->childCount() == 2);
    CHECK(anchor->text(1).contains(QStringLiteral("market-1")));
    CHECK(anchor->child(0)->text(0).contains(QStringLiteral("民主巷")));
    QTreeWidgetItem* shortfall = anchor->child(1);
    CHECK(shortfall->foreground(0).color() == QColor(0xc0, 0x39, 0x2b));
    CHECK(anchor->foreground(0).color() == QColor(0xc0, 0x39, 0x2b));

    core::Box zoomed;
    QObject::connect(&panel, &app::DrawPanel::zoomRequested,
                     [&](const core::Box& b) { zoomed = b; });
    emit panel.tree().itemClicked(anchor->child(0), 0);
    REQUIRE_FALSE(zoomed.empty());
    CHECK(zoomed.center().x == Approx(500800));

    panel.setDraw(std::nullopt, {});
    CHECK(panel.anchorCount() == 0);
}

TEST_CASE("the route start is picked with a click on the map", "[app][gui][campaign][route]") {
    CampaignFixture data(true);
    app::MainWindow w;
    showCampaign(w, data.path);
    CHECK_FALSE(w.routePanel().request().start);

    emit w.routePanel().pickStartRequested();
    CHECK(w.canvas().isPickingPoint());
    const QPointF at(w.canvas().width() / 2.0, w.canvas().height() / 2.0);
    QMouseEvent press(QEvent::MouseButtonPress, at, w.canvas().mapToGlobal(at), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, at, w.canvas().mapToGlobal(at), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w.canvas(), &press);
    QCoreApplication::sendEvent(&w.canvas(), &release);
    CHECK_FALSE(w.canvas().isPickingPoint());
    const auto start = w.routePanel().request().start;
    REQUIRE(start);
    const core::Point centre = w.canvas().view().toWorld(at);
    CHECK(start->x == Approx(centre.x));
    CHECK(start->y == Approx(centre.y));
}
