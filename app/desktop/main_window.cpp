#include "app/desktop/main_window.h"

#include "app/desktop/canvas/map_canvas.h"
#include "app/desktop/controllers/campaign_controller.h"
#include "app/desktop/controllers/district_controller.h"
#include "app/desktop/controllers/route_controller.h"
#include "app/desktop/dialogs/draw_record_dialog.h"
#include "app/desktop/dialogs/draw_wizard.h"
#include "app/desktop/dialogs/output_dialog.h"
#include "app/desktop/dialogs/warnings_dialog.h"
#include "app/desktop/panels/draw_panel.h"
#include "app/desktop/panels/layer_panel.h"
#include "app/desktop/panels/map_status_bar.h"
#include "app/desktop/panels/route_panel.h"
#include "app/ui/display_text.h"
#include "core/render/map_symbols.h"
#include "core/render/route_overlay.h"
#include "core/util/error.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    updateTitle();
    setWindowIcon(QIcon(QPixmap::fromImage(core::symbolImage(core::Role::Community, 64))));
    setAcceptDrops(true);

    district_ = new DistrictController(this);
    campaign_ = new CampaignController(this);
    routes_ = new RouteController(this);
    canvas_ = new MapCanvas(this);
    setCentralWidget(canvas_);

    layers_ = new LayerPanel(this);
    layerDock_ = new QDockWidget(tr("Layers"), this);
    layerDock_->setObjectName(QStringLiteral("layers"));
    layerDock_->setWidget(layers_);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock_);
    drawPanel_ = new DrawPanel(this);
    drawDock_ = new QDockWidget(tr("Draw"), this);
    drawDock_->setObjectName(QStringLiteral("draw"));
    drawDock_->setWidget(drawPanel_);
    addDockWidget(Qt::RightDockWidgetArea, drawDock_);
    routePanel_ = new RoutePanel(this);
    routeDock_ = new QDockWidget(tr("Route"), this);
    routeDock_->setObjectName(QStringLiteral("route"));
    routeDock_->setWidget(routePanel_);
    addDockWidget(Qt::RightDockWidgetArea, routeDock_);
    tabifyDockWidget(drawDock_, routeDock_);
    drawDock_->hide();
    routeDock_->hide();
    resizeDocks({layerDock_}, {380}, Qt::Horizontal);

    status_ = new MapStatusBar(statusBar());
    status_->setWorkingCrs({}, {}, false);
    status_->setScale(canvas_->view().scaleDenominator(logicalDpiX()));

    createActions();
    setupFieldwork();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());

    connect(district_, &DistrictController::loadStarted, this, &MainWindow::onLoadStarted);
    connect(district_, &DistrictController::loadProgress, status_, &MapStatusBar::showProgress);
    connect(district_, &DistrictController::loadFinished, this, &MainWindow::onLoadFinished);
    connect(district_, &DistrictController::loadCanceled, this, [this] {
        status_->hideProgress();
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
    });
    connect(district_, &DistrictController::loadFailed, this, &MainWindow::onLoadFailed);
    connect(district_, &DistrictController::crsNeeded, this, &MainWindow::onCrsNeeded);
    connect(district_, &DistrictController::warningsAdded, this, &MainWindow::onWarningsAdded);
    connect(district_, &DistrictController::layersChanged, this, &MainWindow::onLayersChanged);
    connect(district_, &DistrictController::layerVisibilityChanged, this, [this](int i, bool on) {
        layers_->setLayerChecked(i, on);
        canvas_->setLayers(district_->renderLayers());
    });
    connect(district_, &DistrictController::workingCrsChanged, this, [this] {
        if (district_->hasWorkingCrs()) {
            const gis::Crs& crs = district_->workingCrs();
            status_->setWorkingCrs(crs.authId(), crs.name(), crs.isGeographic());
        } else {
            status_->setWorkingCrs({}, {}, false);
        }
    });
    connect(layers_, &LayerPanel::visibilityToggled, this, [this](int i, bool on) {
        district_->setLayerVisible(static_cast<std::size_t>(i), on);
    });
    connect(status_, &MapStatusBar::cancelRequested, district_, &DistrictController::cancel);
    connect(status_, &MapStatusBar::cancelRequested, campaign_, &CampaignController::cancelDraw);
    connect(status_, &MapStatusBar::warningsRequested, this, &MainWindow::showWarnings);
    connect(campaign_, &CampaignController::opened, this, &MainWindow::onCampaignOpened);
    connect(campaign_, &CampaignController::openFailed, this, [this](const QString& message) {
        reportError(tr("Could not open the campaign"), message);
    });
    connect(campaign_, &CampaignController::closed, this, [this] {
        updateTitle();
        newDrawAction_->setEnabled(false);
    });
    connect(campaign_, &CampaignController::contentChanged, this,
            &MainWindow::onCampaignContentChanged);
    connect(campaign_, &CampaignController::drawStarted, this, &MainWindow::onDrawStarted);
    connect(campaign_, &CampaignController::drawProgress, this,
            [this](int percent, const QString& step) {
                // A modal QProgressDialog processes events inside setValue(), where the draw may
                // finish and drop the dialog: set the label first, the value last.
                status_->showProgress(percent, step);
                if (QPointer<QProgressDialog> dialog = drawProgress_) {
                    if (!step.isEmpty())
                        dialog->setLabelText(step);
                    dialog->setValue(percent);
                }
            });
    connect(campaign_, &CampaignController::drawRecorded, this,
            [this](const QString& id, std::uint64_t seed) {
                endDrawProgress();
                const int anchors = drawPanel_->anchorCount();
                statusBar()->showMessage(
                    tr("Draw %1 recorded (seed %2): %n anchor(s)", nullptr, anchors)
                        .arg(id.left(8), QString::number(seed)),
                    10000);
                drawDock_->show();
                if (!campaign_->drawLayers().rings || campaign_->drawLayers().rings->extent.empty())
                    return;
                core::Box box = campaign_->drawLayers().rings->extent;
                canvas_->zoomToBox(box);
            });
    connect(campaign_, &CampaignController::drawCanceled, this, [this] {
        endDrawProgress();
        statusBar()->showMessage(tr("Draw cancelled; nothing was recorded"), 5000);
    });
    connect(campaign_, &CampaignController::drawFailed, this, [this](const QString& message) {
        endDrawProgress();
        reportError(tr("The draw failed"), message);
    });
    connect(drawPanel_, &DrawPanel::zoomRequested, this,
            [this](const core::Box& box) { canvas_->zoomToBox(box); });
    connect(drawPanel_, &DrawPanel::recordRequested, this, [this] { showDrawRecord(); });
    connect(routePanel_, &RoutePanel::computeRequested, this, &MainWindow::computeRoute);
    connect(routePanel_, &RoutePanel::exportRequested, this, &MainWindow::exportRoute);
    // Dragging a stop to another place re-routes that team; planned() then refreshes the view.
    connect(routePanel_, &RoutePanel::stopOrderChanged, routes_, &RouteController::reorder);
    connect(routePanel_, &RoutePanel::pickStartRequested, this, [this] {
        canvas_->setPickingPoint(true);
        statusBar()->showMessage(tr("Click the start point on the map"));
    });
    connect(canvas_, &MapCanvas::pointPicked, this, [this](QPointF world) {
        const core::Point p{world.x(), world.y()};
        const auto lonLat = district_->toLonLat(p);
        routePanel_->setStart(p, lonLat ? formatLonLat(*lonLat)
                                        : formatWorking(p, campaign_->crsAuthId(), false));
        statusBar()->clearMessage();
    });
    connect(routes_, &RouteController::progress, status_, &MapStatusBar::showProgress);
    connect(routes_, &RouteController::planned, this, &MainWindow::onRoutePlanned);
    connect(routes_, &RouteController::exported, this, [this](const QString& path) {
        status_->hideProgress();
        routePanel_->setBusy(false);
        statusBar()->showMessage(tr("Route written to %1").arg(path), 10000);
    });
    connect(routes_, &RouteController::failed, this, [this](const QString& message) {
        status_->hideProgress();
        routePanel_->setBusy(false);
        reportError(tr("The route failed"), message);
    });
    connect(routes_, &RouteController::canceled, this, [this] {
        status_->hideProgress();
        routePanel_->setBusy(false);
        statusBar()->showMessage(tr("Route cancelled"), 5000);
    });
    connect(status_, &MapStatusBar::cancelRequested, routes_, &RouteController::cancel);
    connect(canvas_, &MapCanvas::cursorMoved, this, &MainWindow::onCursorMoved);
    connect(canvas_, &MapCanvas::cursorLeft, status_, &MapStatusBar::clearCursor);
    connect(canvas_, &MapCanvas::viewChanged, this,
            [this] { status_->setScale(canvas_->view().scaleDenominator(logicalDpiX())); });
    connect(canvas_, &MapCanvas::renderFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Drawing the map failed: %1").arg(message), 10000);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    QAction* openCampaign =
        file->addAction(tr("Open &campaign..."), this, &MainWindow::openCampaignDialog);
    openCampaign->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* close = file->addAction(tr("&Close district"), this, &MainWindow::closeAll);
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* in = view->addAction(tr("Zoom &in"), canvas_, &MapCanvas::zoomIn);
    in->setShortcut(QKeySequence::ZoomIn);
    QAction* out = view->addAction(tr("Zoom &out"), canvas_, &MapCanvas::zoomOut);
    out->setShortcut(QKeySequence::ZoomOut);
    QAction* extent = view->addAction(tr("Zoom to &district"), canvas_, &MapCanvas::zoomToExtent);
    extent->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_Home)});
    view->addSeparator();
    QAction* dock = layerDock_->toggleViewAction();
    dock->setText(tr("&Layers"));
    view->addAction(dock);
    view->addAction(tr("Data &warnings..."), this, &MainWindow::showWarnings);

    QAction* drawDock = drawDock_->toggleViewAction();
    drawDock->setText(tr("&Draw panel"));
    view->addAction(drawDock);
    QAction* routeDock = routeDock_->toggleViewAction();
    routeDock->setText(tr("&Route panel"));
    view->addAction(routeDock);

    QMenu* draw = menuBar()->addMenu(tr("&Draw"));
    newDrawAction_ = draw->addAction(tr("&New draw..."), this, [this] { showDrawWizard(); });
    newDrawAction_->setEnabled(false);
    draw->addAction(tr("Draw &record..."), this, [this] { showDrawRecord(); });

    // The office's outputs: each dialog reads its own read-only copy of the campaign and works
    // in the background, so it may stay open while the inspector goes on.
    QMenu* outputs = menuBar()->addMenu(tr("&Outputs"));
    const std::pair<OutputDialog::Mode, const char*> kOutputs[] = {
        {OutputDialog::Mode::Map, QT_TR_NOOP("Defect &map...")},
        {OutputDialog::Mode::Atlas, QT_TR_NOOP("&Atlas...")},
        {OutputDialog::Mode::Report, QT_TR_NOOP("Unit &report...")},
        {OutputDialog::Mode::Data, QT_TR_NOOP("Export &data...")},
    };
    for (const auto& [mode, text] : kOutputs) {
        QAction* a = outputs->addAction(tr(text), this, [this, m = mode] { showOutputDialog(m); });
        a->setEnabled(false);
        outputActions_ << a;
    }
    outputActions_.front()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PeriSurvey"), this, &MainWindow::showAbout);
}

void MainWindow::openFiles(const QStringList& paths) {
    QStringList data;
    QString campaignPath;
    for (const QString& p : paths) {
        if (core::Campaign::isCampaignFile(p))
            campaignPath = p;
        else
            data << p;
    }
    if (!campaignPath.isEmpty())
        openCampaign(campaignPath);
    district_->open(data);
}

bool MainWindow::openCampaign(const QString& path) {
    return campaign_->open(path, actor());
}

bool MainWindow::isIdle() const {
    return !district_->isLoading() && !campaign_->isDrawing() && !routes_->isBusy() &&
           !canvas_->isRenderPending();
}

QString MainWindow::actor() const {
    const QString remembered = QSettings().value(QStringLiteral("draw/operator")).toString();
    if (!remembered.trimmed().isEmpty())
        return remembered.trimmed();
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("desktop") : user;
}

void MainWindow::updateTitle() {
    const QString app = QStringLiteral("PeriSurvey 六个周边测评助手");
    if (campaign_ && campaign_->isOpen())
        setWindowTitle(QStringLiteral("%1 — %2").arg(campaign_->name(), app));
    else
        setWindowTitle(app);
}

void MainWindow::openCampaignDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open campaign"), {},
                                                      tr("Campaign (*.gpkg);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!core::Campaign::isCampaignFile(path)) {
        reportError(tr("Could not open the campaign"),
                    tr("%1 is not a PeriSurvey campaign file.").arg(path));
        return;
    }
    openCampaign(path);
}

void MainWindow::closeAll() {
    campaign_->close();
    district_->clear();
}

void MainWindow::onCampaignOpened() {
    updateTitle();
    newDrawAction_->setEnabled(true);
    try {
        district_->openIn({campaign_->path()}, gis::Crs::fromUserInput(campaign_->crsAuthId()));
    } catch (const core::Error& e) {
        reportError(tr("Could not open the campaign"), e.message());
    }
    if (campaign_->currentDraw())
        drawDock_->show();
    campaignMessage_ = tr("Campaign %1 opened; %n overdue card(s) escalated", nullptr,
                          campaign_->escalatedOnOpen())
                           .arg(campaign_->name());
    statusBar()->showMessage(campaignMessage_, 10000);
}

void MainWindow::onCampaignContentChanged() {
    for (const QString& id : CampaignController::overlayIds())
        canvas_->removeOverlay(id);
    for (core::MapOverlay& o : campaign_->overlays())
        canvas_->setOverlay(std::move(o));
    drawPanel_->setDraw(campaign_->currentDraw(), campaign_->drawLayers());
    // A new draw (or campaign) makes the route stale.
    routes_->clear();
    canvas_->removeOverlay(QStringLiteral("route"));
    routePanel_->setAvailable(campaign_->isOpen() && campaign_->currentDraw().has_value());
    routePanel_->setPlan(nullptr);
}

void MainWindow::computeRoute() {
    if (!campaign_->currentDraw() || routes_->isBusy() || district_->isLoading())
        return;
    RouteInput input;
    for (const DistrictLayer& l : district_->layers())
        input.roads.push_back(l.layer.data);
    input.rules = campaign_->rules();
    input.streets = campaign_->drawLayers().streets;
    input.compounds = campaign_->drawLayers().compounds;
    input.request = routePanel_->request();
    routePanel_->setBusy(true);
    status_->showProgress(0, {});
    statusBar()->showMessage(tr("Planning the route..."));
    routes_->compute(std::move(input));
}

void MainWindow::onRoutePlanned() {
    status_->hideProgress();
    routePanel_->setBusy(false);
    const auto& plan = routes_->plan();
    routePanel_->setPlan(plan);
    if (!plan)
        return;
    canvas_->setOverlay(core::routeOverlay(plan));
    routeDock_->show();
    routeDock_->raise();
    statusBar()->showMessage(
        tr("Route planned: %n team(s)", nullptr, static_cast<int>(plan->teams.size())), 10000);
}

void MainWindow::exportRoute(const QString& extension) {
    if (!routes_->plan() || routes_->isBusy())
        return;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export route"), QStringLiteral("route.%1").arg(extension),
        tr("%1 files (*.%2)").arg(extension.toUpper(), extension));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
        path += QLatin1Char('.') + extension;
    routePanel_->setBusy(true);
    status_->showProgress(0, {});
    const QString title =
        tr("%1 route, draw %2").arg(campaign_->name(), campaign_->currentDraw()->drawId.left(8));
    routes_->setSheetSubtitle(campaign_->name());
    routes_->exportTo(path, campaign_->crsAuthId(), title);
}

DrawWizard* MainWindow::showDrawWizard() {
    if (!campaign_->isOpen() || campaign_->isDrawing())
        return nullptr;
    auto* wizard = new DrawWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &QDialog::accepted, this, [this, wizard] { startDraw(*wizard); });
    wizard->show();
    return wizard;
}

void MainWindow::startDraw(const DrawWizard& wizard) {
    gis::DrawRequest request;
    request.params = wizard.parameters();
    request.seed = wizard.seed();
    request.operatorName = wizard.operatorName();
    const QString who = request.operatorName.isEmpty() ? actor() : request.operatorName;
    campaign_->startDraw(std::move(request), who);
}

void MainWindow::onDrawStarted() {
    newDrawAction_->setEnabled(false);
    drawProgress_ = new QProgressDialog(tr("Drawing the sample..."), tr("Cancel"), 0, 100, this);
    drawProgress_->setWindowTitle(tr("New draw"));
    drawProgress_->setWindowModality(Qt::WindowModal);
    drawProgress_->setAutoClose(false);
    drawProgress_->setAutoReset(false);
    drawProgress_->setMinimumDuration(0);
    connect(drawProgress_, &QProgressDialog::canceled, campaign_, &CampaignController::cancelDraw);
    status_->showProgress(0, {});
    statusBar()->showMessage(tr("Drawing the sample..."));
    drawProgress_->setValue(0);
}

void MainWindow::endDrawProgress() {
    status_->hideProgress();
    newDrawAction_->setEnabled(campaign_->isOpen());
    if (!drawProgress_)
        return;
    drawProgress_->disconnect(campaign_);
    drawProgress_->close();
    drawProgress_->deleteLater();
    drawProgress_ = nullptr;
}

QDialog* MainWindow::showDrawRecord() {
    if (!campaign_->currentDraw())
        return nullptr;
    auto* dialog =
        new DrawRecordDialog(*campaign_->currentDraw(), campaign_->name(), campaign_->path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::reportError(const QString& title, const QString& message) {
    ++failures_;
    if (!interactive_) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(message));
        return;
    }
    QMessageBox::warning(this, title, message);
}

void MainWindow::openDialog() {
    const QString filter =
        tr("Vector data (*.gpkg *.shp *.geojson *.json *.osm *.pbf *.kml *.gml *.csv *.xlsx "
           "*.tab *.mif *.sqlite *.fgb *.zip);;All files (*)");
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open district data"), {}, filter);
    openFiles(paths);
}

void MainWindow::onLoadStarted(const QStringList& paths) {
    QStringList names;
    for (const QString& p : paths)
        names << QFileInfo(p).fileName();
    status_->showProgress(0, {});
    statusBar()->showMessage(tr("Loading %1...").arg(names.join(QStringLiteral(", "))));
}

void MainWindow::onLoadFinished(int added) {
    status_->hideProgress();
    QString message = tr("%n layer(s) loaded", nullptr, added);
    if (!campaignMessage_.isEmpty())
        message = QStringLiteral("%1 · %2").arg(campaignMessage_, message);
    campaignMessage_.clear();
    statusBar()->showMessage(message, 10000);
}

void MainWindow::onLoadFailed(const QString& message) {
    ++failures_;
    if (!interactive_) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(message));
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Could not open the data"),
                    tr("Some data could not be loaded."), QMessageBox::Ok, this);
    box.setInformativeText(message);
    box.exec();
}

void MainWindow::onCrsNeeded(const CrsQuestion& question) {
    const QString file = QFileInfo(question.path).fileName();
    if (!interactive_) {
        ++failures_;
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(tr("%1, layer %2 has no coordinate reference system; it was "
                                       "not loaded.")
                                        .arg(file, question.layer)));
        return;
    }
    // Asked once the load has wound up (not from inside its signal): the answer starts a load.
    QTimer::singleShot(0, this, [this, question] { askCrs(question); });
}

void MainWindow::askCrs(const CrsQuestion& question) {
    const QString file = QFileInfo(question.path).fileName();
    // The guesses as "code  (reason)"; the list is editable for any other code or WKT.
    QStringList items;
    for (const gis::CrsGuess& g : question.guesses)
        if (!g.code.isEmpty())
            items << QStringLiteral("%1  (%2)").arg(g.code, g.reason);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Declare the coordinate system"),
        tr("%1, layer %2, does not say which coordinate reference system its coordinates are "
           "in. Choose one, or type a code such as EPSG:4547:")
            .arg(file, question.layer),
        items, 0, true, &ok);
    const QString code = chosen.section(QStringLiteral("  ("), 0, 0).trimmed();
    if (!ok || code.isEmpty())
        return;
    district_->declareCrs(question.path, code);
    district_->open({question.path});
}

void MainWindow::onWarningsAdded(const QStringList& warnings) {
    const int total = static_cast<int>(district_->warnings().size());
    status_->setWarningCount(total);
    statusBar()->showMessage(
        tr("Loaded with %n warning(s): %1", nullptr, static_cast<int>(warnings.size()))
            .arg(warnings.value(0)),
        10000);
    if (!interactive_)
        for (const QString& w : warnings)
            std::fprintf(stderr, "warning: %s\n", qUtf8Printable(w));
    if (warningsDialog_)
        warningsDialog_->setWarnings(district_->warnings());
}

void MainWindow::onLayersChanged() {
    layers_->setLayers(district_->layers());
    status_->setWarningCount(static_cast<int>(district_->warnings().size()));
    canvas_->setFullExtent(district_->extent());
    canvas_->setLayers(district_->renderLayers());
    const bool hasLayers = !district_->layers().empty();
    if (hasLayers && !hadLayers_)
        canvas_->zoomToExtent();
    hadLayers_ = hasLayers;
}

void MainWindow::onCursorMoved(QPointF world) {
    const core::Point p{world.x(), world.y()};
    status_->setCursor(p, district_->toLonLat(p));
}

OutputDialog* MainWindow::showOutputDialog(OutputDialog::Mode mode) {
    if (!campaign_->isOpen())
        return nullptr;
    const QString drawId = campaign_->currentDraw() ? campaign_->currentDraw()->drawId : QString();
    std::optional<core::Box> view;
    if (mode == OutputDialog::Mode::Map && !canvas_->view().extent().empty())
        view = canvas_->view().extent();
    auto* dialog = new OutputDialog(mode, campaign_->path(), drawId, view, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OutputDialog::written, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Written: %1").arg(path), 10000);
    });
    dialog->show();
    return dialog;
}

void MainWindow::showWarnings() {
    if (!warningsDialog_)
        warningsDialog_ = new WarningsDialog(this);
    warningsDialog_->setWarnings(district_->warnings());
    warningsDialog_->show();
    warningsDialog_->raise();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About PeriSurvey"),
        tr("<b>PeriSurvey %1</b><p>Plans, draws and tracks the \"six peripheries\" field "
           "inspections of a civilized-city evaluation: anchors, back streets and compounds "
           "around them, defects and supervision cards.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) {
        for (const QUrl& url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openFiles(paths);
    }
}

} // namespace app
