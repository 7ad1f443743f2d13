#pragma once

#include "app/desktop/dialogs/output_dialog.h"
#include "core/model/checklist.h"
#include "core/model/geometry.h"
#include "gis/analysis/snap.h"

#include <QMainWindow>
#include <QPointF>
#include <QStringList>

#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QProgressDialog;

namespace app {

class CampaignController;
class ChecklistPanel;
class DefectEditDialog;
class DefectForm;
class DistrictController;
struct CrsQuestion;
class FieldworkController;
class LedgerPanel;
class UnitsDialog;
class DrawPanel;
class DrawWizard;
class RouteController;
class RoutePanel;
class LayerPanel;
class MapCanvas;
class MapStatusBar;
class WarningsDialog;

/// The desktop's main window: menus, the map canvas, the layer dock and the status bar.
/// It only wires widgets to the DistrictController, which owns the layers and their loading,
/// and to the CampaignController, which owns the open campaign, its defects and draws.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    DistrictController& district() { return *district_; }
    CampaignController& campaign() { return *campaign_; }
    DrawPanel& drawPanel() { return *drawPanel_; }
    RoutePanel& routePanel() { return *routePanel_; }
    RouteController& routes() { return *routes_; }
    /// Plans routes through the current draw in the background with the panel's settings.
    void computeRoute();
    QAction& newDrawAction() { return *newDrawAction_; }
    /// The progress dialog of the running draw, or null.
    QProgressDialog* drawProgressDialog() { return drawProgress_; }
    MapCanvas& canvas() { return *canvas_; }
    LayerPanel& layerPanel() { return *layers_; }
    MapStatusBar& statusWidgets() { return *status_; }

    // Field work (main_window_fieldwork.cpp)
    enum class MapTool { Pan, Identify, RecordDefect };
    FieldworkController& fieldwork() { return *fieldwork_; }
    LedgerPanel& ledger() { return *ledger_; }
    ChecklistPanel& checklist() { return *checklist_; }
    void setMapTool(MapTool tool);
    MapTool mapTool() const { return tool_; }
    /// What a click at `world` (working CRS) does with the current tool: identify a defect or
    /// the drawn place there, or open the defect form snapped to the drawn item under it.
    void clickMap(QPointF world);
    /// Opens the defect form (window-modal, not blocking) at `place`, or at `world` unattached
    /// when `place` is empty; accepting records the defect as one undoable step. Returns the
    /// form (deleted when closed), or null without an open campaign. A defect recorded for a
    /// failed checklist item (`failedItem`) is linked to it by a superseding observation.
    DefectForm* showDefectForm(core::Point world, const std::optional<gis::SnapTarget>& place,
                               const QString& code = {}, const QString& description = {},
                               const std::optional<core::Observation>& failedItem = {});
    /// Shows the checklist of a drawn place (and its stored observations).
    void inspectPlace(const std::optional<gis::SnapTarget>& place);
    /// Opens the edit dialog of a defect (window-modal); accepting applies the changes as one
    /// undoable step. Null without a campaign or for an unknown defect.
    DefectEditDialog* showDefectEdit(qint64 defectId);
    /// Opens an output dialog (map, atlas, report or data export) for the open campaign and its
    /// current draw; the map starts from the current view. Null without a campaign.
    OutputDialog* showOutputDialog(OutputDialog::Mode mode);
    /// Opens the units dialog of the campaign (null without one).
    UnitsDialog* showUnits();
    /// The inspector's name: remembered from the last defect form, else the operator or user.
    QString inspector() const;

    /// Loads data files in the background (also used for the command line and drops).
    /// Campaign files among `paths` are opened as campaigns (the last one wins).
    void openFiles(const QStringList& paths);
    /// Opens a campaign: its layers, defects and current draw; escalates overdue cards.
    bool openCampaign(const QString& path);
    /// Shows the draw wizard (window-modal, not blocking); accepting it starts the draw.
    /// Returns the dialog (deleted when closed), or null without an open campaign.
    DrawWizard* showDrawWizard();
    /// Shows the current draw's record; returns the dialog (deleted when closed) or null.
    QDialog* showDrawRecord();
    /// When false, errors are written to stderr instead of shown in message boxes (for
    /// screenshots and tests, where nobody can press OK).
    void setInteractive(bool interactive) { interactive_ = interactive; }
    /// True when nothing is loading and the canvas shows a render of the current view.
    bool isIdle() const;
    /// Number of load failures reported since the window opened.
    int failureCount() const { return failures_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void openDialog();
    void openCampaignDialog();
    void closeAll();
    void startDraw(const DrawWizard& wizard);
    void onCampaignOpened();
    void onCampaignContentChanged();
    void onDrawStarted();
    void endDrawProgress();
    void exportRoute(const QString& extension);
    void onRoutePlanned();
    void reportError(const QString& title, const QString& message);
    void updateTitle();
    QString actor() const;
    void onLoadStarted(const QStringList& paths);
    void onLoadFinished(int added);
    void onLoadFailed(const QString& message);
    /// Asks which CRS a file without one is in (guesses first), then loads it in that CRS.
    void onCrsNeeded(const CrsQuestion& question);
    void askCrs(const CrsQuestion& question);
    void onWarningsAdded(const QStringList& warnings);
    void onLayersChanged();
    void onCursorMoved(QPointF world);
    void showWarnings();
    void showAbout();
    void setupFieldwork();
    void createFieldworkActions();
    void onFieldworkCampaignChanged();
    void refreshDefectOverlay();
    void loadChecklistFile();

    DistrictController* district_;
    CampaignController* campaign_ = nullptr;
    DrawPanel* drawPanel_;
    QDockWidget* drawDock_;
    RouteController* routes_;
    RoutePanel* routePanel_;
    QDockWidget* routeDock_;
    QAction* newDrawAction_ = nullptr;
    QList<QAction*> outputActions_;
    QProgressDialog* drawProgress_ = nullptr;
    MapCanvas* canvas_;
    LayerPanel* layers_;
    QDockWidget* layerDock_;
    MapStatusBar* status_;
    WarningsDialog* warningsDialog_ = nullptr;
    FieldworkController* fieldwork_ = nullptr;
    LedgerPanel* ledger_ = nullptr;
    QDockWidget* ledgerDock_ = nullptr;
    ChecklistPanel* checklist_ = nullptr;
    QDockWidget* checklistDock_ = nullptr;
    QActionGroup* tools_ = nullptr;
    QAction* panTool_ = nullptr;
    QAction* identifyTool_ = nullptr;
    QAction* defectTool_ = nullptr;
    QAction* unitsAction_ = nullptr;
    QAction* checklistFileAction_ = nullptr;
    MapTool tool_ = MapTool::Pan;
    QString campaignMessage_; ///< shown again when the campaign's layers have loaded
    bool interactive_ = true;
    bool hadLayers_ = false;
    int failures_ = 0;
};

} // namespace app
