#include "app/desktop/panels/route_panel.h"

#include "app/ui/display_text.h"
#include "core/render/route_overlay.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace app {

namespace {

QString minutesText(double seconds) {
    const int minutes = static_cast<int>(std::lround(seconds / 60));
    if (minutes < 60)
        return RoutePanel::tr("%1 min").arg(minutes);
    return RoutePanel::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString distanceText(double metres) {
    return metres < 1000 ? RoutePanel::tr("%1 m").arg(std::lround(metres))
                         : RoutePanel::tr("%1 km").arg(metres / 1000, 0, 'f', 2);
}

} // namespace

RoutePanel::RoutePanel(QWidget* parent) : QWidget(parent) {
    setMinimumWidth(380);
    profile_ = new QComboBox;
    profile_->addItem(tr("Walk"), static_cast<int>(core::TravelMode::Walk));
    profile_->addItem(tr("Drive"), static_cast<int>(core::TravelMode::Drive));
    profile_->addItem(tr("E-bike"), static_cast<int>(core::TravelMode::Ebike));
    teams_ = new QSpinBox;
    teams_->setRange(1, 50);
    budget_ = new QDoubleSpinBox;
    budget_->setRange(0, 24);
    budget_->setDecimals(1);
    budget_->setSingleStep(0.5);
    budget_->setSuffix(tr(" h"));
    budget_->setSpecialValueText(tr("no limit"));
    roundTrip_ = new QCheckBox(tr("Round trip (back to the start)"));
    startLabel_ = new QLabel(tr("chosen by the order"));
    startLabel_->setWordWrap(true);
    pickStart_ = new QPushButton(tr("Pick on map"));
    auto* clearStart = new QPushButton(tr("Clear"));
    connect(pickStart_, &QPushButton::clicked, this, &RoutePanel::pickStartRequested);
    connect(clearStart, &QPushButton::clicked, this, [this] { setStart(std::nullopt, {}); });
    auto* startRow = new QHBoxLayout;
    startRow->addWidget(startLabel_, 1);
    startRow->addWidget(pickStart_);
    startRow->addWidget(clearStart);

    auto* form = new QFormLayout;
    form->addRow(tr("Profile:"), profile_);
    form->addRow(tr("Teams:"), teams_);
    form->addRow(tr("Budget per team:"), budget_);
    form->addRow(tr("Start:"), startRow);
    form->addRow(QString(), roundTrip_);

    compute_ = new QPushButton(tr("Compute route"));
    connect(compute_, &QPushButton::clicked, this, &RoutePanel::computeRequested);
    totals_ = new QLabel;
    totals_->setWordWrap(true);
    legs_ = new QTableWidget(0, 5);
    legs_->setObjectName(QStringLiteral("routeLegs"));
    legs_->setHorizontalHeaderLabels(
        {tr("Team"), tr("Stop"), tr("Distance"), tr("Time"), tr("Along")});
    legs_->verticalHeader()->hide();
    legs_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    legs_->horizontalHeader()->setStretchLastSection(true);

    auto* exportRow = new QHBoxLayout;
    for (const auto& [ext, label] :
         {std::pair{QStringLiteral("gpx"), tr("GPX")}, std::pair{QStringLiteral("kml"), tr("KML")},
          std::pair{QStringLiteral("geojson"), tr("GeoJSON")},
          std::pair{QStringLiteral("pdf"), tr("Route sheet (PDF)")}}) {
        auto* b = new QPushButton(label);
        const QString e = ext;
        connect(b, &QPushButton::clicked, this, [this, e] { emit exportRequested(e); });
        exportRow->addWidget(b);
        exports_.push_back(b);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(compute_);
    layout->addWidget(totals_);
    layout->addWidget(legs_, 1);
    layout->addLayout(exportRow);
    setAvailable(false);
}

core::RouteRequest RoutePanel::request() const {
    core::RouteRequest r;
    r.profile =
        core::RouteProfile::forMode(static_cast<core::TravelMode>(profile_->currentData().toInt()));
    r.teams = teams_->value();
    r.budgetMinutes = budget_->value() * 60;
    r.roundTrip = roundTrip_->isChecked();
    r.start = start_;
    return r;
}

void RoutePanel::setTeams(int teams) {
    teams_->setValue(teams);
}

void RoutePanel::setRoundTrip(bool on) {
    roundTrip_->setChecked(on);
}

void RoutePanel::setStart(std::optional<core::Point> start, const QString& shown) {
    start_ = start;
    startLabel_->setText(start ? shown : tr("chosen by the order"));
}

void RoutePanel::setBusy(bool busy) {
    busy_ = busy;
    setAvailable(available_);
}

void RoutePanel::setAvailable(bool available) {
    available_ = available;
    compute_->setEnabled(available && !busy_);
    pickStart_->setEnabled(available);
    for (QPushButton* b : exports_)
        b->setEnabled(available && hasPlan_ && !busy_);
    if (!available)
        totals_->setText(tr("Routes need a campaign with a draw."));
}

void RoutePanel::setPlan(const std::shared_ptr<const core::RoutePlan>& plan) {
    legs_->setRowCount(0);
    hasPlan_ = plan != nullptr;
    setAvailable(available_);
    if (!plan) {
        if (available_)
            totals_->setText(tr("No route yet."));
        return;
    }
    double longest = 0;
    for (const core::TeamRoute& team : plan->teams) {
        longest = std::max(longest, team.totalS());
        int number = 0;
        for (const core::RouteLeg& leg : team.legs) {
            const int row = legs_->rowCount();
            legs_->insertRow(row);
            QString to;
            if (leg.toStop < 0)
                to = plan->roundTrip ? tr("back to the start") : tr("end");
            else {
                const core::Stop& s = plan->stops[static_cast<std::size_t>(leg.toStop)];
                to = QStringLiteral("%1. %2")
                         .arg(leg.alongStreet ? number : ++number)
                         .arg(s.name.isEmpty() ? tr("(unnamed)") : s.name);
                if (leg.alongStreet)
                    to += tr(" (along the street)");
            }
            auto* teamItem = new QTableWidgetItem(QString::number(team.team + 1));
            teamItem->setForeground(core::teamColor(team.team));
            legs_->setItem(row, 0, teamItem);
            legs_->setItem(row, 1, new QTableWidgetItem(to));
            legs_->setItem(row, 2, new QTableWidgetItem(distanceText(leg.distanceM)));
            legs_->setItem(row, 3, new QTableWidgetItem(minutesText(leg.travelS)));
            legs_->setItem(row, 4, new QTableWidgetItem(leg.streets.join(QStringLiteral(", "))));
        }
    }
    legs_->resizeColumnsToContents();
    QString totals =
        tr("%n stop(s), %1 in total, longest day %2", nullptr, static_cast<int>(plan->stops.size()))
            .arg(distanceText(plan->totalDistanceM()), minutesText(longest));
    if (!plan->unplaced.empty())
        totals += QLatin1Char('\n') + tr("%n stop(s) do not fit the budget", nullptr,
                                         static_cast<int>(plan->unplaced.size()));
    if (!plan->unreachable.empty())
        totals += QLatin1Char('\n') + tr("%n stop(s) cannot be reached on the roads", nullptr,
                                         static_cast<int>(plan->unreachable.size()));
    totals_->setText(totals);
}

} // namespace app
