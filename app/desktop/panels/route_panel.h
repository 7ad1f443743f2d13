#pragma once

#include "core/model/geometry.h"
#include "core/routing/route_plan.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace app {

/// The route panel: profile, teams, time budget, start point (picked on the map) or round
/// trip, "Compute route", a table of legs per team, and export buttons (GPX, KML, GeoJSON,
/// PDF route sheet). The main window runs the work (RouteController) and feeds the plan back.
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

signals:
    void computeRequested();
    void pickStartRequested();
    /// Export to a file with this extension ("gpx", "kml", "geojson", "pdf").
    void exportRequested(const QString& extension);

private:
    QComboBox* profile_;
    QSpinBox* teams_;
    QDoubleSpinBox* budget_;
    QCheckBox* roundTrip_;
    QLabel* startLabel_;
    QPushButton* pickStart_;
    QPushButton* compute_;
    QLabel* totals_;
    QTableWidget* legs_;
    std::vector<QPushButton*> exports_;
    std::optional<core::Point> start_;
    bool available_ = false;
    bool busy_ = false;
    bool hasPlan_ = false;
};

} // namespace app
