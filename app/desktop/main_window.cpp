#include "app/desktop/main_window.h"

#include "app/desktop/canvas/map_canvas.h"
#include "app/desktop/controllers/district_controller.h"
#include "app/desktop/dialogs/warnings_dialog.h"
#include "app/desktop/panels/layer_panel.h"
#include "app/desktop/panels/map_status_bar.h"
#include "core/render/map_symbols.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

#include <cstdio>

namespace app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("PeriSurvey 六个周边测评助手"));
    setWindowIcon(QIcon(QPixmap::fromImage(core::symbolImage(core::Role::Community, 64))));
    setAcceptDrops(true);

    district_ = new DistrictController(this);
    canvas_ = new MapCanvas(this);
    setCentralWidget(canvas_);

    layers_ = new LayerPanel(this);
    layerDock_ = new QDockWidget(tr("Layers"), this);
    layerDock_->setObjectName(QStringLiteral("layers"));
    layerDock_->setWidget(layers_);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock_);
    resizeDocks({layerDock_}, {380}, Qt::Horizontal);

    status_ = new MapStatusBar(statusBar());
    status_->setWorkingCrs({}, {}, false);
    status_->setScale(canvas_->view().scaleDenominator(logicalDpiX()));

    createActions();

    connect(district_, &DistrictController::loadStarted, this, &MainWindow::onLoadStarted);
    connect(district_, &DistrictController::loadProgress, status_, &MapStatusBar::showProgress);
    connect(district_, &DistrictController::loadFinished, this, &MainWindow::onLoadFinished);
    connect(district_, &DistrictController::loadCanceled, this, [this] {
        status_->hideProgress();
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
    });
    connect(district_, &DistrictController::loadFailed, this, &MainWindow::onLoadFailed);
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
    connect(status_, &MapStatusBar::warningsRequested, this, &MainWindow::showWarnings);
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
    QAction* close = file->addAction(tr("&Close district"), district_, &DistrictController::clear);
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

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PeriSurvey"), this, &MainWindow::showAbout);
}

void MainWindow::openFiles(const QStringList& paths) {
    district_->open(paths);
}

bool MainWindow::isIdle() const {
    return !district_->isLoading() && !canvas_->isRenderPending();
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
    statusBar()->showMessage(tr("%n layer(s) loaded", nullptr, added), 5000);
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
