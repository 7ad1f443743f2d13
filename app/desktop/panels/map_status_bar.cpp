#include "app/desktop/panels/map_status_bar.h"

#include "app/ui/display_text.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>

namespace app {

MapStatusBar::MapStatusBar(QStatusBar* bar) : QObject(bar), bar_(bar) {
    progress_ = new QProgressBar(bar);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(180);
    progress_->setTextVisible(true);
    cancel_ = new QToolButton(bar);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop loading"));
    warnings_ = new QToolButton(bar);
    warnings_->setIcon(bar->style()->standardIcon(QStyle::SP_MessageBoxWarning));
    warnings_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    warnings_->setAutoRaise(true);
    coords_ = new QLabel(bar);
    coords_->setMinimumWidth(420);
    scale_ = new QLabel(bar);
    scale_->setMinimumWidth(90);
    crs_ = new QLabel(bar);
    bar->addPermanentWidget(progress_);
    bar->addPermanentWidget(cancel_);
    bar->addPermanentWidget(warnings_);
    bar->addPermanentWidget(coords_);
    bar->addPermanentWidget(scale_);
    bar->addPermanentWidget(crs_);
    hideProgress();
    setWarningCount(0);
    connect(cancel_, &QToolButton::clicked, this, &MapStatusBar::cancelRequested);
    connect(warnings_, &QToolButton::clicked, this, &MapStatusBar::warningsRequested);
}

void MapStatusBar::setCursor(core::Point working, std::optional<core::Point> lonLat) {
    const QString xy = formatWorking(working, crsAuthId_, geographic_);
    coords_->setText(lonLat ? QStringLiteral("%1 | %2").arg(formatLonLat(*lonLat), xy) : xy);
}

void MapStatusBar::clearCursor() {
    coords_->clear();
}

void MapStatusBar::setScale(double denominator) {
    scale_->setText(tr("Scale %1").arg(formatScale(denominator)));
}

void MapStatusBar::setWorkingCrs(const QString& authId, const QString& name, bool geographic) {
    crsAuthId_ = authId;
    geographic_ = geographic;
    if (authId.isEmpty() && name.isEmpty()) {
        crs_->setText(tr("No data"));
        crs_->setToolTip({});
        return;
    }
    crs_->setText(authId.isEmpty() ? name : authId);
    crs_->setToolTip(tr("Working CRS: %1").arg(name));
}

void MapStatusBar::showProgress(int percent, const QString& step) {
    progress_->setValue(percent);
    progress_->setFormat(step.isEmpty() ? QStringLiteral("%p%") : step + QStringLiteral(" %p%"));
    progress_->show();
    cancel_->show();
}

void MapStatusBar::hideProgress() {
    progress_->hide();
    cancel_->hide();
}

void MapStatusBar::setWarningCount(int count) {
    warnings_->setVisible(count > 0);
    warnings_->setText(tr("%n warning(s)", nullptr, count));
}

QString MapStatusBar::coordinateText() const {
    return coords_->text();
}
QString MapStatusBar::scaleText() const {
    return scale_->text();
}
QString MapStatusBar::crsText() const {
    return crs_->text();
}

} // namespace app
