#pragma once

#include "core/model/geometry.h"
#include "core/routing/route_plan.h"

#include <QAbstractListModel>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QListView;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace app {

/// One team's visiting order as a list to rearrange: the start (when the plan has one) as a
/// fixed first row, the stops numbered in order, the end or the return to the start as a
/// fixed last row. Stops move by drag and drop (a private MIME type naming the team and the
/// row, Qt::MoveAction) or moveRows(); a stop dropped before the start or after the end lands
/// next to it. The model only holds the edited order: it emits orderEdited() and the panel
/// has the plan re-traced. GUI thread.
class RouteOrderModel : public QAbstractListModel {
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    /// MIME type of a dragged stop: "<team> <row>" in UTF-8.
    static QString mimeType();

    /// Shows `team`'s order in `plan` (null: nothing).
    void setTeam(const std::shared_ptr<const core::RoutePlan>& plan, int team);
    int team() const { return team_; }
    /// The stops (indices into RoutePlan::stops) in the edited order.
    const std::vector<int>& stops() const { return stops_; }
    /// The row of the first stop (1 when the start is shown above it).
    int firstStopRow() const { return hasStart_ ? 1 : 0; }
    /// The row of a stop (index into RoutePlan::stops), or -1.
    int rowOfStop(int stop) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Moves `count` stops starting at `sourceRow` to before `destinationChild` (clamped to
    /// between the start and the end); false when they are not stop rows or stay in place.
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    /// The user moved a stop; stops() holds the new order.
    void orderEdited();

private:
    std::optional<int> draggedRow(const QMimeData* data) const;
    bool isStopRow(int row) const {
        return row >= firstStopRow() && row < firstStopRow() + static_cast<int>(stops_.size());
    }

    std::shared_ptr<const core::RoutePlan> plan_;
    int team_ = 0;
    std::vector<int> stops_;
    bool hasStart_ = false;
    QString tail_; ///< the fixed last row ("end", "back to the start"), or empty
};

/// The route panel: profile, teams, time budget, start point (picked on the map) or round
/// trip, "Compute route", per team totals against the budget, each team's stop order to
/// rearrange (drag a stop, or Move up / Move down), a table of legs per team, and export
/// buttons (GPX, KML, GeoJSON, PDF route sheet). The main window runs the work
/// (RouteController) and feeds the plan back; a moved stop is sent as stopOrderChanged() and
/// the order snaps back unless a new plan arrives through setPlan() in return.
class RoutePanel : public QWidget {
    Q_OBJECT
public:
    explicit RoutePanel(QWidget* parent = nullptr);

    /// What to plan, from the controls (start as set by setStart()).
    core::RouteRequest request() const;
    void setTeams(int teams);
    void setRoundTrip(bool on);
    /// The start point (working CRS) and how to show it; none = let the order choose.
    void setStart(std::optional<core::Point> start, const QString& shown);
    /// Shows a plan (null: none) and enables the export buttons.
    void setPlan(const std::shared_ptr<const core::RoutePlan>& plan);
    void setBusy(bool busy);
    /// Enabled only when the campaign has a draw.
    void setAvailable(bool available);
    QTableWidget& legs() { return *legs_; }
    /// The stop order of the team shown (drag and drop happens in its viewport).
    QListView& stopOrder() { return *order_; }
    RouteOrderModel& orderModel() { return *orderModel_; }
    /// Shows `team`'s order for rearranging.
    void showTeamOrder(int team);
    /// Moves the selected stop one place up (-1) or down (+1), as the buttons do.
    void moveSelectedStop(int step);
    /// The per team totals (distance, walking, inspection, day against the budget).
    QString totalsText() const;

signals:
    void computeRequested();
    void pickStartRequested();
    /// Export to a file with this extension ("gpx", "kml", "geojson", "pdf").
    void exportRequested(const QString& extension);
    /// The user moved a stop of `team`: visit its stops in `order` (indices into
    /// RoutePlan::stops, the start not included). Connect to RouteController::reorder.
    void stopOrderChanged(int team, const std::vector<int>& order);

private:
    /// The team's stop order with its Move up / Move down buttons.
    QGroupBox* createOrderBox();
    void applyEditedOrder();
    /// The stop (index into RoutePlan::stops) of the current row of the order, or -1.
    int currentStop() const;
    void updateOrderControls();

    QComboBox* profile_;
    QSpinBox* teams_;
    QDoubleSpinBox* budget_;
    QCheckBox* roundTrip_;
    QLabel* startLabel_;
    QPushButton* pickStart_;
    QPushButton* compute_;
    QLabel* totals_;
    QTableWidget* legs_;
    QComboBox* orderTeam_;
    QListView* order_;
    RouteOrderModel* orderModel_;
    QPushButton* moveUp_;
    QPushButton* moveDown_;
    QLabel* orderNote_;
    std::vector<QPushButton*> exports_;
    std::shared_ptr<const core::RoutePlan> plan_;
    bool applyQueued_ = false;
    std::optional<core::Point> start_;
    bool available_ = false;
    bool busy_ = false;
    bool hasPlan_ = false;
};

} // namespace app
