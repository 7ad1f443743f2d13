#pragma once

#include "core/model/geometry.h"

#include <QObject>
#include <optional>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace app {

/// The permanent widgets of the main window's status bar: load progress with a cancel
/// button, a warnings button, cursor coordinates (lon/lat and working CRS), the map scale and
/// the working CRS. Owns nothing but its widgets, which live in the given status bar.
class MapStatusBar : public QObject {
    Q_OBJECT
public:
    explicit MapStatusBar(QStatusBar* bar);

    void setCursor(core::Point working, std::optional<core::Point> lonLat);
    void clearCursor();
    void setScale(double denominator);
    void setWorkingCrs(const QString& authId, const QString& name, bool geographic);
    void showProgress(int percent, const QString& step);
    void hideProgress();
    void setWarningCount(int count);

    QString coordinateText() const;
    QString scaleText() const;
    QString crsText() const;

signals:
    void cancelRequested();
    void warningsRequested();

private:
    QStatusBar* bar_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QToolButton* warnings_;
    QLabel* coords_;
    QLabel* scale_;
    QLabel* crs_;
    QString crsAuthId_;
    bool geographic_ = false;
};

} // namespace app
