#pragma once

#include <QMainWindow>
#include <QStringList>

class QDockWidget;

namespace app {

class DistrictController;
class LayerPanel;
class MapCanvas;
class MapStatusBar;
class WarningsDialog;

/// The desktop's main window: menus, the map canvas, the layer dock and the status bar.
/// It only wires widgets to the DistrictController, which owns the data and the loading.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    DistrictController& district() { return *district_; }
    MapCanvas& canvas() { return *canvas_; }
    LayerPanel& layerPanel() { return *layers_; }
    MapStatusBar& statusWidgets() { return *status_; }

    /// Loads data files in the background (also used for the command line and drops).
    void openFiles(const QStringList& paths);
    /// When false, errors are written to stderr instead of shown in message boxes (for
    /// screenshots and tests, where nobody can press OK).
    void setInteractive(bool interactive) { interactive_ = interactive; }
    /// True when nothing is loading and the canvas shows a render of the current view.
    bool isIdle() const;
    /// Number of load failures reported since the window opened.
    int failureCount() const { return failures_; }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void openDialog();
    void onLoadStarted(const QStringList& paths);
    void onLoadFinished(int added);
    void onLoadFailed(const QString& message);
    void onWarningsAdded(const QStringList& warnings);
    void onLayersChanged();
    void onCursorMoved(QPointF world);
    void showWarnings();
    void showAbout();

    DistrictController* district_;
    MapCanvas* canvas_;
    LayerPanel* layers_;
    QDockWidget* layerDock_;
    MapStatusBar* status_;
    WarningsDialog* warningsDialog_ = nullptr;
    bool interactive_ = true;
    bool hadLayers_ = false;
    int failures_ = 0;
};

} // namespace app
