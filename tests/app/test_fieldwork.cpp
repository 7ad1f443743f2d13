// Field work in the desktop, driven offscreen on the demo campaign with a draw: the defect
// tool snaps a click to a drawn street and the form records the defect with its photo; undo
// withdraws it and redo restores it; a failed checklist item opens a pre-filled form and links
// the defect; identify selects a defect; a yellow card goes to 销号 from the ledger; and a
// process killed right after "accept" leaves the defect in the file.
#include "app/desktop/controllers/campaign_controller.h"
#include "app/desktop/controllers/fieldwork_controller.h"
#include "app/desktop/dialogs/defect_detail_dialog.h"
#include "app/desktop/dialogs/defect_edit_dialog.h"
#include "app/desktop/dialogs/defect_form.h"
#include "app/desktop/dialogs/draw_wizard.h"
#include "app/desktop/dialogs/units_dialog.h"
#include "app/desktop/panels/checklist_panel.h"
#include "app/desktop/panels/ledger_panel.h"
#include "core/photo_test_support.h"
#include "support/desktop_fixture.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QFile>
#include <QLibraryInfo>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QTranslator>
#include <QUndoStack>

#include <csignal>
#include <cstdlib>
#include <unistd.h>

using testing::CampaignFixture;
using testing::showCampaign;
using testing::waitIdle;
using testing::waitUntil;

namespace {

// The main window with the demo campaign (and its draw, seed 7) open.
struct FieldFixture {
    CampaignFixture data;
    app::MainWindow w;

    /// With `drawInWindow`, the campaign starts without a draw and the draw wizard makes one
    /// in the window (as an inspector would); otherwise the CLI drew (seed 7).
    explicit FieldFixture(bool drawInWindow = false) : data(!drawInWindow) {
        QSettings().clear();
        showCampaign(w, data.path, QSize(1200, 800));
        if (drawInWindow) {
            app::DrawWizard* wizard = w.showDrawWizard();
            REQUIRE(wizard);
            wizard->setSeed(20270315);
            wizard->accept();
            REQUIRE(waitUntil([&] { return !w.campaign().isDrawing(); }, 120000));
            REQUIRE(waitIdle(w));
            REQUIRE(w.campaign().currentDraw());
        }
        REQUIRE(w.campaign().drawLayers().streets);
        REQUIRE_FALSE(w.campaign().drawLayers().streets->features.empty());
    }

    /// The first drawn street, the map zoomed to it, and a vertex in its middle.
    const core::Feature& street(core::Point* middle) {
        const core::Feature& f = w.campaign().drawLayers().streets->features.front();
        *middle = f.geometry.points[f.geometry.points.size() / 2];
        w.canvas().zoomToBox(f.geometry.bounds(), 300);
        REQUIRE(waitIdle(w));
        return f;
    }

    /// The defect form opened last (visible), or null.
    app::DefectForm* form() {
        app::DefectForm* last = nullptr;
        for (auto* f : w.findChildren<app::DefectForm*>())
            if (f->isVisible())
                last = f;
        return last;
    }

    QString writePhoto(const QString& name) {
        const QString path = data.dir.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(testing::jpeg(64, 48, testing::exifBlock(1, "2027:03:15 10:20:30", 30.5, 114.3),
                              name.size()));
        return path;
    }

    /// Clicks the street with the defect tool, fills the form and accepts it.
    void recordOnStreet(const QString& photoName) {
        core::Point mid;
        street(&mid);
        w.setMapTool(app::MainWindow::MapTool::RecordDefect);
        w.clickMap(QPointF(mid.x + 2, mid.y - 1));
        app::DefectForm* f = form();
        REQUIRE(f);
        f->selectCode(QStringLiteral("RD-01"));
        f->setDescription(QStringLiteral("人行道坑洼约半平方米"));
        f->setInspector(QStringLiteral("王五"));
        REQUIRE(f->addPhotoFile(writePhoto(photoName)));
        f->accept();
    }
};

std::vector<core::Defect> storedDefects(const QString& path) {
    core::Campaign c = core::Campaign::open(path, core::OpenMode::ReadOnly);
    return c.defects();
}

} // namespace

TEST_CASE("the defect tool records a defect attached to the drawn street, with its photo; "
          "undo and redo",
          "[app][gui][fieldwork]") {
    FieldFixture f(/*drawInWindow=*/true);
    core::Point mid;
    const core::Feature& street = f.street(&mid);
    const QString attachId = QStringLiteral("drawn_streets:%1").arg(street.fid);

    f.recordOnStreet(QStringLiteral("IMG_0001.jpg"));
    // Committed at once: another connection sees it.
    auto stored = storedDefects(f.data.path);
    REQUIRE(stored.size() == 1);
    const core::Defect d = stored.front();
    CHECK(d.code == QStringLiteral("RD-01"));
    CHECK(d.attachKind == core::AttachKind::Street);
    CHECK(d.attachId == attachId);
    CHECK(d.inspector == QStringLiteral("王五"));
    REQUIRE(d.working);
    // Snapped onto the street line (the click was ~2 m off).
    CHECK(std::hypot(d.working->x - mid.x, d.working->y - mid.y) < 2.5);
    {
        core::Campaign c = core::Campaign::open(f.data.path, core::OpenMode::ReadOnly);
        const auto photos = c.photos(d.id);
        REQUIRE(photos.size() == 1);
        CHECK(photos[0].originalName == QStringLiteral("IMG_0001.jpg"));
        // The attached id names a stored feature of the draw.
        const auto layer = c.readDrawLayer(QStringLiteral("drawn_streets"), c.requireDraw().drawId);
        CHECK(std::any_of(layer.features.begin(), layer.features.end(),
                          [&](const core::Feature& x) { return x.fid == street.fid; }));
    }
    CHECK(f.w.campaign().defectMarks().size() == 1);
    CHECK(QSettings().value(QStringLiteral("fieldwork/inspector")).toString() ==
          QStringLiteral("王五"));
    CHECK(f.w.inspector() == QStringLiteral("王五"));

    QUndoStack& undo = f.w.fieldwork().undoStack();
    REQUIRE(undo.canUndo());
    undo.undo();
    CHECK(storedDefects(f.data.path).empty());
    CHECK(f.w.campaign().defectMarks().empty());
    {
        core::Campaign c = core::Campaign::open(f.data.path, core::OpenMode::ReadOnly);
        REQUIRE(c.defect(d.uuid));
        CHECK(c.defect(d.uuid)->withdrawnAt.isValid()); // kept in the file, withdrawn
    }
    REQUIRE(undo.canRedo());
    undo.redo();
    stored = storedDefects(f.data.path);
    REQUIRE(stored.size() == 1);
    CHECK(stored.front().uuid == d.uuid);
    CHECK(f.w.campaign().defectMarks().size() == 1);

    // Editing from the ledger's edit dialog is undoable too.
    f.w.ledger().selectDefects({d.id});
    REQUIRE(f.w.ledger().editAction().isEnabled());
    f.w.ledger().editAction().trigger();
    auto* edit = f.w.findChild<app::DefectEditDialog*>();
    REQUIRE(edit);
    edit->description().setPlainText(QStringLiteral("坑洼已扩大"));
    edit->severity().setCurrentIndex(edit->severity().findData(1));
    edit->accept();
    CHECK(storedDefects(f.data.path).front().description == QStringLiteral("坑洼已扩大"));
    CHECK(storedDefects(f.data.path).front().severity == 1);
    undo.undo();
    CHECK(storedDefects(f.data.path).front().description == QStringLiteral("人行道坑洼约半平方米"));
    CHECK(storedDefects(f.data.path).front().severity == 2);
    undo.redo();
    CHECK(storedDefects(f.data.path).front().severity == 1);
    CHECK(f.w.failureCount() == 0);
}

TEST_CASE("failing a checklist item opens a pre-filled defect form and links the defect",
          "[app][gui][fieldwork][checklist]") {
    FieldFixture f;
    core::Point mid;
    const core::Feature& street = f.street(&mid);
    f.w.setMapTool(app::MainWindow::MapTool::Identify);
    f.w.clickMap(QPointF(mid.x, mid.y));
    app::ChecklistPanel& panel = f.w.checklist();
    REQUIRE(panel.place());
    CHECK(panel.place()->attachId == QStringLiteral("drawn_streets:%1").arg(street.fid));
    CHECK(panel.checklistId() == QStringLiteral("back_street"));

    REQUIRE(panel.mark(QStringLiteral("BS-01"), core::ObservationResult::Pass));
    CHECK_FALSE(f.form()); // a pass asks for nothing
    // One ad counted where the protocol wants three per 500 m: fails and asks for AD-01.
    REQUIRE(panel.mark(QStringLiteral("BS-11"), std::nullopt, 1));
    CHECK(panel.shownResult(QStringLiteral("BS-11")) == core::ObservationResult::Fail);
    app::DefectForm* form = f.form();
    REQUIRE(form);
    CHECK(form->code() == QStringLiteral("AD-01"));
    CHECK(form->newDefect().description.contains(QStringLiteral("公益广告")));
    CHECK(form->newDefect().attachId == panel.place()->attachId);
    form->setInspector(QStringLiteral("王五"));
    form->accept();

    core::Campaign c = core::Campaign::open(f.data.path, core::OpenMode::ReadOnly);
    const auto defects = c.defects();
    REQUIRE(defects.size() == 1);
    CHECK(defects[0].code == QStringLiteral("AD-01"));
    const auto current = core::currentObservations(c.observations(panel.place()->attachId));
    REQUIRE(current.size() == 2);
    const auto ads = std::find_if(current.begin(), current.end(), [](const core::Observation& o) {
        return o.itemId == QStringLiteral("BS-11");
    });
    REQUIRE(ads != current.end());
    CHECK(ads->result == core::ObservationResult::Fail);
    CHECK(ads->count == 1);
    CHECK(ads->defectUuid == defects[0].uuid);
    CHECK(panel.scoreText().contains(QStringLiteral("50")));

    // A card issued from the ledger afterwards reaches the file too.
    f.w.ledger().setInteractive(false);
    REQUIRE(
        f.w.ledger().issueCard(defects[0].id, core::CardColour::Yellow, QStringLiteral("限期")));
    core::Campaign other = core::Campaign::open(f.data.path, core::OpenMode::ReadOnly);
    REQUIRE(other.card(defects[0].id));
    CHECK(other.card(defects[0].id)->colour == core::CardColour::Yellow);
}

TEST_CASE("identify selects a defect on the map and in the ledger; a yellow card goes to 销号 "
          "from the ledger",
          "[app][gui][fieldwork][ledger]") {
    FieldFixture f;
    f.recordOnStreet(QStringLiteral("IMG_0002.jpg"));
    const core::Defect d = storedDefects(f.data.path).front();
    f.w.setMapTool(app::MainWindow::MapTool::Identify);
    f.w.clickMap(QPointF(d.working->x + 1, d.working->y));
    CHECK(f.w.campaign().selectedDefects() == QList<qint64>{d.id});
    REQUIRE(f.w.campaign().defectMarks().size() == 1);
    CHECK(f.w.campaign().defectMarks()[0].selected);
    auto* detail = f.w.findChild<app::DefectDetailDialog*>();
    REQUIRE(detail);
    CHECK(detail->defectId() == d.id);
    CHECK(detail->photoCount(QStringLiteral("before")) == 1);

    app::LedgerPanel& ledger = f.w.ledger();
    ledger.setInteractive(false);
    REQUIRE(ledger.issueCard(d.id, core::CardColour::Yellow, QStringLiteral("限期整改")));
    for (int step = 0; step < 3; ++step)
        REQUIRE(ledger.advance(d.id, QStringLiteral("step %1").arg(step)));
    REQUIRE(ledger.advance(d.id, QStringLiteral("复核合格"),
                           f.writePhoto(QStringLiteral("after.jpg"))));
    REQUIRE(ledger.closeCard(d.id, QStringLiteral("销号")));
    core::Campaign c = core::Campaign::open(f.data.path, core::OpenMode::ReadOnly);
    const auto card = c.card(d.id);
    REQUIRE(card);
    CHECK(card->stage == core::CardStage::Closed);
    CHECK(card->colour == core::CardColour::Yellow);
    // The card's steps are in the defect's audit trail, each with the actor.
    QStringList actions;
    for (const auto& e : c.auditTrail(d.uuid))
        if (e.entity == QStringLiteral("card") && e.actor == QStringLiteral("王五"))
            actions << e.action;
    INFO(actions.join(QLatin1Char(' ')).toStdString());
    REQUIRE(actions.size() >= 6);
    CHECK(actions.front() == QStringLiteral("issue"));
    CHECK(actions.back() == QStringLiteral("close"));
    // The map shows it closed (faded).
    REQUIRE(f.w.campaign().defectMarks().size() == 1);
    CHECK(f.w.campaign().defectMarks()[0].closed);
    // The outputs menu opens the report dialog on this campaign, with its units.
    app::OutputDialog* out = f.w.showOutputDialog(app::OutputDialog::Mode::Report);
    REQUIRE(out);
    REQUIRE(waitUntil([&] { return out->isLoaded(); }, 30000));
    CHECK_FALSE(out->unitNames().isEmpty());
    out->close();
    // Once it has a card, undoing its recording is refused and the step leaves the stack.
    QUndoStack& undo = f.w.fieldwork().undoStack();
    const int steps = undo.count();
    undo.undo();
    CHECK(undo.count() == steps - 1);
    CHECK(storedDefects(f.data.path).size() == 1);
}

// Run by the next test in a child process: records a defect through the form, then dies.
TEST_CASE("kill helper", "[.kill-helper]") {
    const QString path = qEnvironmentVariable("PS_KILL_CAMPAIGN");
    REQUIRE_FALSE(path.isEmpty());
    app::MainWindow w;
    showCampaign(w, path, QSize(1200, 800));
    const core::Feature& s = w.campaign().drawLayers().streets->features.front();
    const core::Point mid = s.geometry.points[s.geometry.points.size() / 2];
    w.canvas().zoomToBox(s.geometry.bounds(), 300);
    REQUIRE(waitIdle(w));
    w.setMapTool(app::MainWindow::MapTool::RecordDefect);
    w.clickMap(QPointF(mid.x, mid.y));
    app::DefectForm* form = w.findChild<app::DefectForm*>();
    REQUIRE(form);
    form->selectCode(QStringLiteral("WR-01"));
    form->setInspector(QStringLiteral("赵六"));
    form->accept();
    ::kill(::getpid(), SIGKILL);
}

TEST_CASE("killing the app right after accept leaves the defect in the file",
          "[app][gui][fieldwork][fault]") {
    CampaignFixture data(true);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PS_KILL_CAMPAIGN"), data.path);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("[.kill-helper]")});
    REQUIRE(child.waitForFinished(120000));
    INFO(child.readAllStandardOutput().toStdString() + child.readAllStandardError().toStdString());
    REQUIRE(child.exitStatus() == QProcess::CrashExit);
    core::Campaign c = core::Campaign::open(data.path);
    const auto defects = c.defects();
    REQUIRE(defects.size() == 1);
    CHECK(defects[0].code == QStringLiteral("WR-01"));
    CHECK(defects[0].inspector == QStringLiteral("赵六"));
    CHECK(defects[0].attachKind == core::AttachKind::Street);
    CHECK(c.check().isEmpty());
}

// Not a test: saves screenshots of the field-work UI for a person to look at.
//   PS_SHOTS=/tmp/shots xvfb-run -a env QT_QPA_PLATFORM=xcb app_test_fieldwork "[.screenshots]"
TEST_CASE("field-work screenshots", "[.screenshots]") {
    const QString out = qEnvironmentVariable("PS_SHOTS");
    REQUIRE_FALSE(out.isEmpty());
    auto* zh = new QTranslator(qApp);
    if (zh->load(QStringLiteral(":/i18n/perisurvey_zh_CN.qm")))
        QCoreApplication::installTranslator(zh);
    auto* qt = new QTranslator(qApp);
    if (qt->load(QStringLiteral("qtbase_zh_CN"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    FieldFixture f;
    f.w.resize(1500, 950);
    // Defects on several drawn streets, with cards of every colour and one closed.
    const auto& streets = f.w.campaign().drawLayers().streets->features;
    const char* codes[] = {"RD-01", "EN-01", "RD-04", "AD-03", "PK-01", "WR-01"};
    for (std::size_t i = 0; i < std::min<std::size_t>(6, streets.size()); ++i) {
        const auto& s = streets[i];
        const core::Point p = s.geometry.points[s.geometry.points.size() / 2];
        const auto place = gis::snapToDrawn(f.w.campaign().drawLayers(), p, 5);
        app::DefectForm* form = f.w.showDefectForm(p, place);
        REQUIRE(form);
        form->selectCode(QString::fromLatin1(codes[i]));
        form->setInspector(QStringLiteral("王五"));
        form->setDescription(QStringLiteral("巡查发现"));
        form->accept();
    }
    app::LedgerPanel& ledger = f.w.ledger();
    ledger.setInteractive(false);
    const auto defects = storedDefects(f.data.path);
    for (std::size_t i = 0; i < defects.size(); ++i) {
        if (i == 5)
            break;
        ledger.issueCard(defects[i].id, std::nullopt, QStringLiteral("发卡"));
    }
    for (int s = 0; s < 4; ++s)
        ledger.advance(defects[0].id, QStringLiteral("整改"));
    ledger.closeCard(defects[0].id, QStringLiteral("销号"));
    core::Point mid;
    f.street(&mid); // zoomed to the first street
    const auto& first = f.w.campaign().drawLayers().streets->features.front().geometry.points;
    f.w.setMapTool(app::MainWindow::MapTool::Identify);
    f.w.clickMap(QPointF(first.front().x, first.front().y));
    f.w.checklist().mark(QStringLiteral("BS-01"), core::ObservationResult::Pass);
    f.w.checklist().mark(QStringLiteral("BS-07"), std::nullopt, 0);
    f.w.checklist().mark(QStringLiteral("BS-12"), std::nullopt, 0);
    f.w.checklist().mark(QStringLiteral("BS-19"), core::ObservationResult::NotApplicable);
    core::Box around;
    for (const auto& d : defects)
        if (d.working)
            around.expand(*d.working);
    f.w.canvas().zoomToBox(around, 300);
    for (auto* d : f.w.findChildren<QDialog*>())
        d->close();
    REQUIRE(waitIdle(f.w));
    waitUntil([] { return false; }, 500);
    CHECK(f.w.grab().save(out + QStringLiteral("/fieldwork_window.png")));
    // The form over the map, with a photo.
    app::DefectForm* form =
        f.w.showDefectForm(mid, gis::snapToDrawn(f.w.campaign().drawLayers(), mid, 5),
                           QStringLiteral("RD-05"), QStringLiteral("井盖沉降约3厘米"));
    REQUIRE(form);
    form->addPhotoFile(f.writePhoto(QStringLiteral("IMG_0815.jpg")));
    waitUntil([] { return false; }, 500);
    CHECK(form->grab().save(out + QStringLiteral("/defect_form.png")));
    form->reject();
    auto* detail = ledger.openDetail(defects[0].id);
    REQUIRE(detail);
    waitUntil([] { return false; }, 500);
    CHECK(detail->grab().save(out + QStringLiteral("/defect_detail.png")));
    app::OutputDialog* output = f.w.showOutputDialog(app::OutputDialog::Mode::Map);
    REQUIRE(output);
    output->resize(1200, 800);
    REQUIRE(waitUntil(
        [&] {
            return output->previewGeneration() > 0 && !output->isPreviewPending() &&
                   !output->isPreviewRendering();
        },
        60000));
    waitUntil([] { return false; }, 500);
    CHECK(output->grab().save(out + QStringLiteral("/output_map.png")));
    output->close();
    app::UnitsDialog* units = f.w.showUnits();
    REQUIRE(units);
    waitUntil([] { return false; }, 500);
    CHECK(units->grab().save(out + QStringLiteral("/units.png")));
}
