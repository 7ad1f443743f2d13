// MainWindow, part two: field work. The map tools (pan, identify, record defect), the defect
// form, the checklist and ledger docks, the units dialog, undo/redo, and the settings that
// make the next day's start quicker (last campaign, inspector, window layout).
#include "app/desktop/canvas/map_canvas.h"
#include "app/desktop/controllers/campaign_controller.h"
#include "app/desktop/controllers/district_controller.h"
#include "app/desktop/controllers/fieldwork_controller.h"
#include "app/desktop/dialogs/defect_detail_dialog.h"
#include "app/desktop/dialogs/defect_edit_dialog.h"
#include "app/desktop/dialogs/defect_form.h"
#include "app/desktop/dialogs/units_dialog.h"
#include "app/desktop/main_window.h"
#include "app/desktop/panels/checklist_panel.h"
#include "app/desktop/panels/ledger_panel.h"
#include "core/util/error.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace app {

namespace {

// Click tolerance of the map tools, in screen pixels.
constexpr double kSnapPixels = 12;

const QString kInspectorKey = QStringLiteral("fieldwork/inspector");

} // namespace

void MainWindow::setupFieldwork() {
    fieldwork_ = new FieldworkController(*campaign_, this);
    fieldwork_->setActor(inspector());

    ledger_ = new LedgerPanel(this);
    ledgerDock_ = new QDockWidget(tr("Ledger"), this);
    ledgerDock_->setObjectName(QStringLiteral("ledger"));
    ledgerDock_->setWidget(ledger_);
    addDockWidget(Qt::BottomDockWidgetArea, ledgerDock_);
    ledgerDock_->hide();

    checklist_ = new ChecklistPanel(this);
    checklistDock_ = new QDockWidget(tr("Checklist"), this);
    checklistDock_->setObjectName(QStringLiteral("checklist"));
    checklistDock_->setWidget(checklist_);
    addDockWidget(Qt::RightDockWidgetArea, checklistDock_);
    tabifyDockWidget(drawDock_, checklistDock_);
    checklistDock_->hide();

    connect(canvas_, &MapCanvas::mapClicked, this, &MainWindow::clickMap);
    connect(campaign_, &CampaignController::opened, this, &MainWindow::onFieldworkCampaignChanged);
    connect(campaign_, &CampaignController::closed, this, &MainWindow::onFieldworkCampaignChanged);
    connect(campaign_, &CampaignController::defectsChanged, this,
            &MainWindow::refreshDefectOverlay);
    connect(fieldwork_, &FieldworkController::defectsChanged, this, [this] {
        campaign_->refreshDefects();
        ledger_->refresh();
    });
    connect(fieldwork_, &FieldworkController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(fieldwork_, &FieldworkController::failed, this, [this](const QString& message) {
        reportError(tr("The change was not made"), message);
    });
    connect(fieldwork_, &FieldworkController::observationRecorded, this,
            [this](const core::Observation& o) {
                statusBar()->showMessage(
                    tr("Checklist item %1 at %2 recorded").arg(o.itemId, o.attachName), 5000);
                if (checklist_->place() && checklist_->place()->attachId == o.attachId)
                    if (core::Campaign* c = campaign_->campaign())
                        checklist_->setObservations(c->observations(o.attachId));
            });

    connect(ledger_, &LedgerPanel::selectionChangedByUser, campaign_,
            &CampaignController::setSelectedDefects);
    connect(ledger_, &LedgerPanel::zoomRequested, this, [this](qint64 id) {
        core::Campaign* c = campaign_->campaign();
        if (!c)
            return;
        const auto d = c->defect(QString::number(id));
        if (d && d->working)
            canvas_->zoomToBox(
                core::Box{d->working->x, d->working->y, d->working->x, d->working->y}, 200);
        campaign_->setSelectedDefects({id});
    });
    connect(ledger_, &LedgerPanel::defectsChanged, campaign_, &CampaignController::refreshDefects);
    connect(ledger_, &LedgerPanel::editRequested, this, [this](qint64 id) { showDefectEdit(id); });
    connect(ledger_, &LedgerPanel::actionFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });

    connect(checklist_, &ChecklistPanel::observed, this, [this](const core::Observation& o) {
        fieldwork_->setActor(inspector());
        fieldwork_->observe(o);
    });
    connect(checklist_, &ChecklistPanel::defectRequested, this,
            [this](const QString& itemId, const QString& code, const QString& description) {
                const auto& place = checklist_->place();
                if (!place)
                    return;
                // The defect is linked to the failed item's stored observation when recorded.
                std::optional<core::Observation> failed;
                if (core::Campaign* c = campaign_->campaign())
                    for (const core::Observation& o : c->observations(place->attachId))
                        if (o.itemId == itemId && o.checklistId == checklist_->checklistId())
                            failed = o;
                showDefectForm(place->at, place, code, description, failed);
            });
    createFieldworkActions();
}

void MainWindow::createFieldworkActions() {
    QUndoStack& undo = fieldwork_->undoStack();
    QAction* undoAction = undo.createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction* redoAction = undo.createRedoAction(this, tr("&Redo"));
    redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    QMenu* edit = new QMenu(tr("&Edit"), this);
    menuBar()->insertMenu(menuBar()->actions().value(1), edit);
    edit->addAction(undoAction);
    edit->addAction(redoAction);

    QMenu* field = new QMenu(tr("&Inspect"), this);
    menuBar()->insertMenu(menuBar()->actions().value(menuBar()->actions().size() - 1), field);
    tools_ = new QActionGroup(this);
    panTool_ = field->addAction(tr("&Pan"), this, [this] { setMapTool(MapTool::Pan); });
    panTool_->setShortcut(QKeySequence(Qt::Key_Escape));
    identifyTool_ =
        field->addAction(tr("&Identify"), this, [this] { setMapTool(MapTool::Identify); });
    identifyTool_->setShortcut(QKeySequence(Qt::Key_I));
    defectTool_ =
        field->addAction(tr("Record &defect"), this, [this] { setMapTool(MapTool::RecordDefect); });
    defectTool_->setShortcut(QKeySequence(Qt::Key_D));
    for (QAction* a : {panTool_, identifyTool_, defectTool_}) {
        a->setCheckable(true);
        tools_->addAction(a);
    }
    panTool_->setChecked(true);
    field->addSeparator();
    QAction* ledgerDock = ledgerDock_->toggleViewAction();
    ledgerDock->setText(tr("&Ledger"));
    ledgerDock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    field->addAction(ledgerDock);
    QAction* checklistDock = checklistDock_->toggleViewAction();
    checklistDock->setText(tr("&Checklist"));
    checklistDock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    field->addAction(checklistDock);
    unitsAction_ = field->addAction(tr("Responsible &units..."), this, [this] { showUnits(); });
    unitsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    checklistFileAction_ = field->addAction(tr("Load the district's &checklists..."), this,
                                            &MainWindow::loadChecklistFile);
    onFieldworkCampaignChanged();
}

QString MainWindow::inspector() const {
    const QString remembered = QSettings().value(kInspectorKey).toString().trimmed();
    return remembered.isEmpty() ? actor() : remembered;
}

void MainWindow::onFieldworkCampaignChanged() {
    const bool open = campaign_->isOpen();
    for (QAction* a : {identifyTool_, defectTool_, unitsAction_, checklistFileAction_})
        if (a)
            a->setEnabled(open);
    for (QAction* a : outputActions_)
        a->setEnabled(open);
    if (!open)
        setMapTool(MapTool::Pan);
    ledger_->setCampaign(campaign_->campaign(), inspector());
    checklist_->setPlace(std::nullopt, {});
    checklist_->setInspector(inspector());
    if (core::Campaign* c = campaign_->campaign()) {
        try {
            checklist_->setChecklists(c->checklists());
        } catch (const core::Error& e) {
            reportError(tr("The campaign's checklists could not be read"), e.message());
        }
        QSettings().setValue(QStringLiteral("campaign/last"), campaign_->path());
        if (ledgerDock_->isHidden()) {
            // First shown: a strip under the map, not half the window.
            ledgerDock_->show();
            resizeDocks({ledgerDock_}, {std::max(180, height() / 4)}, Qt::Vertical);
        }
    }
}

void MainWindow::refreshDefectOverlay() {
    canvas_->removeOverlay(QStringLiteral("defects"));
    if (!campaign_->defectMarks().empty())
        canvas_->setOverlay(campaign_->defectOverlay());
    ledger_->selectDefects(campaign_->selectedDefects());
}

void MainWindow::setMapTool(MapTool tool) {
    if (tool != MapTool::Pan && !campaign_->isOpen())
        tool = MapTool::Pan;
    tool_ = tool;
    canvas_->setClickTool(tool != MapTool::Pan);
    canvas_->setFocus();
    if (QAction* a = tool == MapTool::Pan        ? panTool_
                     : tool == MapTool::Identify ? identifyTool_
                                                 : defectTool_)
        a->setChecked(true);
    if (tool == MapTool::RecordDefect)
        statusBar()->showMessage(
            tr("Click the map where the defect is: it snaps to the drawn street or compound "
               "under the cursor"),
            8000);
    else if (tool == MapTool::Identify)
        statusBar()->showMessage(tr("Click a defect or a drawn street or compound"), 8000);
}

void MainWindow::clickMap(QPointF world) {
    if (!campaign_->isOpen() || tool_ == MapTool::Pan)
        return;
    const core::Point p{world.x(), world.y()};
    const double tolerance = kSnapPixels * canvas_->metresPerPixel();
    if (tool_ == MapTool::Identify) {
        if (const qint64 id = campaign_->defectNear(p, tolerance)) {
            campaign_->setSelectedDefects({id});
            ledgerDock_->show();
            try {
                auto* detail = new DefectDetailDialog(*campaign_->campaign(), id, this);
                detail->setAttribute(Qt::WA_DeleteOnClose);
                detail->show();
            } catch (const core::Error& e) {
                reportError(tr("Could not show the defect"), e.message());
            }
            return;
        }
        const auto place = gis::snapToDrawn(campaign_->drawLayers(), p, tolerance);
        campaign_->setSelectedDefects({});
        if (place)
            inspectPlace(place);
        else
            statusBar()->showMessage(tr("Nothing here"), 3000);
        return;
    }
    const auto place = gis::snapToDrawn(campaign_->drawLayers(), p, tolerance);
    if (place)
        inspectPlace(place);
    showDefectForm(place ? place->at : p, place);
}

void MainWindow::inspectPlace(const std::optional<gis::SnapTarget>& place) {
    const QString drawId = campaign_->currentDraw() ? campaign_->currentDraw()->drawId : QString();
    checklist_->setInspector(inspector());
    checklist_->setPlace(place, drawId);
    if (place) {
        if (core::Campaign* c = campaign_->campaign())
            checklist_->setObservations(c->observations(place->attachId));
        checklistDock_->show();
        checklistDock_->raise();
        statusBar()->showMessage(tr("Inspecting %1").arg(place->name), 5000);
    }
}

DefectForm* MainWindow::showDefectForm(core::Point world,
                                       const std::optional<gis::SnapTarget>& place,
                                       const QString& code, const QString& description,
                                       const std::optional<core::Observation>& failedItem) {
    core::Campaign* c = campaign_->campaign();
    if (!c)
        return nullptr;
    auto* form = new DefectForm(*c, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->setWindowModality(Qt::WindowModal);
    const auto lonLat = district_->toLonLat(world);
    QString subdistrict;
    try {
        subdistrict = c->subdistrictAt(world);
    } catch (const core::Error&) {
        // No sub-district layer: the unit suggestion falls back to the code's default kind.
    }
    if (lonLat) {
        QString label;
        if (place)
            label = place->name.isEmpty() ? place->attachId : place->name;
        form->setLocation(*lonLat, world, place ? place->kind : core::AttachKind::None,
                          place ? place->attachId : QString(), label, subdistrict);
    }
    form->setWorkingTransform([this](core::Point ll) { return district_->fromLonLat(ll); });
    connect(form, &DefectForm::locationFromPhoto, this, [this, form](core::Point ll) {
        const auto w = district_->fromLonLat(ll);
        if (!w)
            return;
        const double tolerance = kSnapPixels * canvas_->metresPerPixel();
        const auto snapped = gis::snapToDrawn(campaign_->drawLayers(), *w, tolerance);
        if (snapped)
            form->setLocation(ll, *w, snapped->kind, snapped->attachId, snapped->name, {});
    });
    if (!code.isEmpty())
        form->setCode(code);
    if (!description.isEmpty())
        form->setDescription(description);
    form->setInspector(inspector());
    connect(form, &QDialog::accepted, this, [this, form, failedItem] {
        QSettings().setValue(kInspectorKey, form->inspector());
        fieldwork_->setActor(form->inspector());
        ledger_->setActor(form->inspector());
        const auto d =
            fieldwork_->recordDefect(form->newDefect(), form->issueCardNow(), form->cardColour());
        if (d && failedItem) {
            core::Observation linked = *failedItem;
            linked.defectUuid = d->uuid;
            if (fieldwork_->observe(linked))
                statusBar()->showMessage(
                    tr("Defect %1 recorded for checklist item %2").arg(d->code, linked.itemId),
                    10000);
        }
        // Back to the map: the next click, or Ctrl+Z, goes there and not to a text field.
        canvas_->setFocus();
    });
    form->show();
    return form;
}

DefectEditDialog* MainWindow::showDefectEdit(qint64 defectId) {
    core::Campaign* c = campaign_->campaign();
    if (!c)
        return nullptr;
    std::optional<core::Defect> d;
    std::vector<core::ResponsibleUnit> units;
    try {
        d = c->requireDefect(QString::number(defectId));
        units = c->units();
    } catch (const core::Error& e) {
        reportError(tr("Could not edit the defect"), e.message());
        return nullptr;
    }
    auto* dialog = new DefectEditDialog(*d, units, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        fieldwork_->setActor(inspector());
        fieldwork_->editDefect(QString::number(dialog->defectId()), dialog->edit(),
                               dialog->unitId());
    });
    connect(campaign_, &CampaignController::closed, dialog, &QDialog::reject);
    dialog->show();
    return dialog;
}

UnitsDialog* MainWindow::showUnits() {
    core::Campaign* c = campaign_->campaign();
    if (!c)
        return nullptr;
    auto* dialog = new UnitsDialog(*c, inspector(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UnitsDialog::unitsChanged, ledger_, &LedgerPanel::refresh);
    // The dialog holds the campaign: it must not outlive it.
    connect(campaign_, &CampaignController::closed, dialog, &QDialog::close);
    dialog->show();
    return dialog;
}

void MainWindow::loadChecklistFile() {
    core::Campaign* c = campaign_->campaign();
    if (!c)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Load checklists"), {},
                                                      tr("Checklists (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        const core::ChecklistSet set = core::ChecklistSet::fromFile(path, &c->taxonomy());
        c->setChecklists(set, inspector());
        checklist_->setChecklists(set);
        statusBar()->showMessage(tr("Checklists \"%1\" loaded into the campaign").arg(set.name()),
                                 10000);
    } catch (const core::Error& e) {
        reportError(tr("The checklists were not loaded"), e.message());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace app
