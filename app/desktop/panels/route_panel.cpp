#include "app/desktop/panels/route_panel.h"

#include "app/ui/display_text.h"
#include "core/render/route_overlay.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFont>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
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

QString RouteOrderModel::mimeType() {
    return QStringLiteral("application/x-perisurvey-route-stop");
}

void RouteOrderModel::setTeam(const std::shared_ptr<const core::RoutePlan>& plan, int team) {
    beginResetModel();
    plan_ = plan;
    team_ = team;
    stops_.clear();
    hasStart_ = false;
    tail_.clear();
    if (plan && team >= 0 && team < static_cast<int>(plan->teams.size())) {
        stops_ = plan->teams[static_cast<std::size_t>(team)].stops;
        hasStart_ = plan->start.has_value();
        if (plan->roundTrip && !stops_.empty())
            tail_ = hasStart_ ? RoutePanel::tr("Back to the start")
                              : RoutePanel::tr("Back to the first stop");
        else if (plan->end)
            tail_ = RoutePanel::tr("End");
    }
    endResetModel();
}

int RouteOrderModel::rowOfStop(int stop) const {
    const auto it = std::find(stops_.begin(), stops_.end(), stop);
    return it == stops_.end() ? -1 : firstStopRow() + static_cast<int>(it - stops_.begin());
}

int RouteOrderModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid())
        return 0;
    return firstStopRow() + static_cast<int>(stops_.size()) + (tail_.isEmpty() ? 0 : 1);
}

QVariant RouteOrderModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !plan_)
        return {};
    const int row = index.row();
    const bool stop = isStopRow(row);
    if (role == Qt::FontRole && !stop) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ForegroundRole && stop)
        return core::teamColor(team_);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (!stop)
        return hasStart_ && row == 0 ? RoutePanel::tr("Start") : tail_;
    const core::Stop& s = plan_->stops[static_cast<std::size_t>(
        stops_[static_cast<std::size_t>(row - firstStopRow())])];
    if (role == Qt::ToolTipRole)
        return s.id;
    return QStringLiteral("%1. %2")
        .arg(row - firstStopRow() + 1)
        .arg(s.name.isEmpty() ? RoutePanel::tr("(unnamed)") : s.name);
}

Qt::ItemFlags RouteOrderModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // between rows and below them
    if (!isStopRow(index.row()))
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

bool RouteOrderModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                               const QModelIndex& destinationParent, int destinationChild) {
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 ||
        !isStopRow(sourceRow) || !isStopRow(sourceRow + count - 1))
        return false;
    const int first = firstStopRow();
    const int n = static_cast<int>(stops_.size());
    // The start stays first and the end last: a drop beyond them lands next to them.
    const int dest = std::clamp(destinationChild, first, first + n);
    if (dest >= sourceRow && dest <= sourceRow + count)
        return false;
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, dest))
        return false;
    const auto b = stops_.begin();
    const int from = sourceRow - first;
    const int to = dest - first;
    if (to < from)
        std::rotate(b + to, b + from, b + from + count);
    else
        std::rotate(b + from, b + from + count, b + to);
    endMoveRows();
    emit dataChanged(index(first), index(first + n - 1), {Qt::DisplayRole}); // the numbers
    emit orderEdited();
    return true;
}

Qt::DropActions RouteOrderModel::supportedDropActions() const {
    return Qt::MoveAction;
}

Qt::DropActions RouteOrderModel::supportedDragActions() const {
    return Qt::MoveAction;
}

QStringList RouteOrderModel::mimeTypes() const {
    return {mimeType()};
}

QMimeData* RouteOrderModel::mimeData(const QModelIndexList& indexes) const {
    for (const QModelIndex& i : indexes)
        if (i.isValid() && isStopRow(i.row())) {
            auto* data = new QMimeData;
            data->setData(mimeType(), QStringLiteral("%1 %2").arg(team_).arg(i.row()).toUtf8());
            return data;
        }
    return nullptr;
}

std::optional<int> RouteOrderModel::draggedRow(const QMimeData* data) const {
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    const QStringList parts = QString::fromUtf8(data->data(mimeType())).split(QLatin1Char(' '));
    bool okTeam = false;
    bool okRow = false;
    const int team = parts.value(0).toInt(&okTeam);
    const int row = parts.value(1).toInt(&okRow);
    if (parts.size() != 2 || !okTeam || !okRow || team != team_ || !isStopRow(row))
        return std::nullopt;
    return row;
}

bool RouteOrderModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                      const QModelIndex&) const {
    return action == Qt::MoveAction && draggedRow(data).has_value();
}

bool RouteOrderModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                   int column, const QModelIndex& parent) {
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    if (row < 0)
        row = parent.isValid() ? parent.row() : rowCount();
    return moveRows({}, *draggedRow(data), 1, {}, row);
}

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
    auto* split = new QSplitter(Qt::Vertical); // the order and the legs share the height
    split->setChildrenCollapsible(false);
    split->addWidget(createOrderBox());
    split->addWidget(legs_);
    layout->addWidget(split, 1);
    layout->addLayout(exportRow);
    setAvailable(false);
    updateOrderControls();
}

QGroupBox* RoutePanel::createOrderBox() {
    orderTeam_ = new QComboBox;
    orderNote_ = new QLabel;
    orderNote_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    orderModel_ = new RouteOrderModel(this);
    order_ = new QListView;
    order_->setObjectName(QStringLiteral("routeOrder"));
    order_->setModel(orderModel_);
    order_->setSelectionMode(QAbstractItemView::SingleSelection);
    order_->setDragDropMode(QAbstractItemView::DragDrop);
    order_->setDefaultDropAction(Qt::MoveAction);
    order_->setDragDropOverwriteMode(false);
    order_->setDropIndicatorShown(true);
    order_->setToolTip(tr("Drag a stop to another place in the order: the legs and the totals "
                          "are computed again."));
    moveUp_ = new QPushButton(tr("Move up"));
    moveDown_ = new QPushButton(tr("Move down"));
    moveUp_->setToolTip(tr("Visit the selected stop one place earlier (Alt+Up)"));
    moveDown_->setToolTip(tr("Visit the selected stop one place later (Alt+Down)"));
    connect(moveUp_, &QPushButton::clicked, this, [this] { moveSelectedStop(-1); });
    connect(moveDown_, &QPushButton::clicked, this, [this] { moveSelectedStop(1); });
    new QShortcut(
        QKeySequence(Qt::ALT | Qt::Key_Up), order_, [this] { moveSelectedStop(-1); },
        Qt::WidgetShortcut);
    new QShortcut(
        QKeySequence(Qt::ALT | Qt::Key_Down), order_, [this] { moveSelectedStop(1); },
        Qt::WidgetShortcut);
    connect(orderTeam_, &QComboBox::activated, this, &RoutePanel::showTeamOrder);
    connect(order_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RoutePanel::updateOrderControls);
    // Applied once the drop has finished in the view (and once for several quick moves).
    connect(orderModel_, &RouteOrderModel::orderEdited, this, [this] {
        if (applyQueued_)
            return;
        applyQueued_ = true;
        QMetaObject::invokeMethod(this, &RoutePanel::applyEditedOrder, Qt::QueuedConnection);
    });
    auto* orderBox = new QGroupBox(tr("Order of the stops"));
    auto* orderTop = new QHBoxLayout;
    orderTop->addWidget(orderTeam_);
    orderTop->addWidget(orderNote_, 1);
    auto* orderButtons = new QVBoxLayout;
    orderButtons->addWidget(moveUp_);
    orderButtons->addWidget(moveDown_);
    orderButtons->addStretch(1);
    auto* orderRow = new QHBoxLayout;
    orderRow->addWidget(order_, 1);
    orderRow->addLayout(orderButtons);
    auto* orderLayout = new QVBoxLayout(orderBox);
    orderLayout->addLayout(orderTop);
    orderLayout->addLayout(orderRow);
    return orderBox;
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
    updateOrderControls();
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
    // Keep the team and the stop the user was working on when the plan is re-traced.
    const int selected = currentStop();
    const int teamShown = orderModel_->team();
    plan_ = plan;
    orderTeam_->clear();
    if (plan)
        for (const core::TeamRoute& t : plan->teams)
            orderTeam_->addItem(tr("Team %1").arg(t.team + 1));
    orderTeam_->setVisible(plan && plan->teams.size() > 1);
    const int team = plan && teamShown < static_cast<int>(plan->teams.size()) ? teamShown : 0;
    showTeamOrder(team);
    if (const int row = orderModel_->rowOfStop(selected); row >= 0)
        order_->setCurrentIndex(orderModel_->index(row));
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
    totals_->setText(totals + QLatin1Char('\n') + totalsText());
}

QString RoutePanel::totalsText() const {
    if (!plan_)
        return {};
    QStringList lines;
    for (const core::TeamRoute& team : plan_->teams) {
        QString line = tr("Team %1: %2, travel %3, inspection %4, day %5")
                           .arg(team.team + 1)
                           .arg(distanceText(team.distanceM), minutesText(team.travelS),
                                minutesText(team.dwellS), minutesText(team.totalS()));
        if (plan_->budgetMinutes > 0) {
            const double over = team.totalS() - plan_->budgetMinutes * 60;
            line += over > 0 ? tr(", %1 over the budget").arg(minutesText(over))
                             : tr(", %1 under the budget").arg(minutesText(-over));
        }
        if (team.manualOrder)
            line += tr(" (order changed by hand)");
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void RoutePanel::showTeamOrder(int team) {
    orderModel_->setTeam(plan_, team);
    if (orderTeam_->currentIndex() != team && team < orderTeam_->count())
        orderTeam_->setCurrentIndex(team);
    updateOrderControls();
}

void RoutePanel::moveSelectedStop(int step) {
    const QModelIndex current = order_->currentIndex();
    if (busy_ || !current.isValid() || step == 0)
        return;
    const int row = current.row();
    // moveRows inserts before the destination row: one down means before the row after next.
    orderModel_->moveRows({}, row, 1, {}, step < 0 ? row + step : row + step + 1);
}

void RoutePanel::updateOrderControls() {
    const int first = orderModel_->firstStopRow();
    const int last = first + static_cast<int>(orderModel_->stops().size()) - 1;
    const QModelIndex current = order_->currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    const bool editable = plan_ && !busy_;
    moveUp_->setEnabled(editable && row > first && row <= last);
    moveDown_->setEnabled(editable && row >= first && row < last);
    order_->setDragEnabled(editable);
    order_->setAcceptDrops(editable);
    const int team = orderModel_->team();
    const bool manual = plan_ && team >= 0 && team < static_cast<int>(plan_->teams.size()) &&
                        plan_->teams[static_cast<std::size_t>(team)].manualOrder;
    orderNote_->setText(manual ? tr("Order changed by hand") : QString());
}

int RoutePanel::currentStop() const {
    const QModelIndex current = order_->currentIndex();
    const int at = current.isValid() ? current.row() - orderModel_->firstStopRow() : -1;
    const std::vector<int>& stops = orderModel_->stops();
    return at >= 0 && at < static_cast<int>(stops.size()) ? stops[static_cast<std::size_t>(at)]
                                                          : -1;
}

void RoutePanel::applyEditedOrder() {
    applyQueued_ = false;
    const int team = orderModel_->team();
    if (!plan_ || team < 0 || team >= static_cast<int>(plan_->teams.size()))
        return;
    const std::vector<int> order = orderModel_->stops();
    if (order == plan_->teams[static_cast<std::size_t>(team)].stops)
        return;
    const auto before = plan_;
    const int moved = currentStop();
    if (!busy_)
        emit stopOrderChanged(team, order);
    if (plan_ == before) { // nobody re-traced it (busy, or the order cannot be routed)
        showTeamOrder(team);
        if (const int row = orderModel_->rowOfStop(moved); row >= 0)
            order_->setCurrentIndex(orderModel_->index(row));
    }
}

} // namespace app
