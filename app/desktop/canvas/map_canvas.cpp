#include "app/desktop/canvas/map_canvas.h"

#include "core/util/error.h"

#include <QFutureWatcher>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace app {

namespace {
constexpr double kWheelStepFactor = 1.4142135623730951; // two notches double the scale
constexpr double kKeyZoomFactor = 2.0;
} // namespace

struct MapCanvas::Outcome {
    quint64 generation = 0;
    core::MapView view;
    QImage image;
    std::vector<core::PlacedLabel> labels;
    bool canceled = false;
    QString error;
};

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    setMinimumSize(200, 150);
    timer_.setSingleShot(true);
    timer_.setInterval(30);
    connect(&timer_, &QTimer::timeout, this, &MapCanvas::startRender);
    // Renders get their own pool so a long load in the global pool never delays them.
    pool_.setMaxThreadCount(2);
    view_ = core::MapView({0, 0}, 1.0, size());
}

MapCanvas::~MapCanvas() {
    if (activeFeedback_)
        activeFeedback_->cancel();
    pool_.waitForDone();
}

void MapCanvas::setLayers(std::vector<core::RenderLayer> layers) {
    layers_ = std::move(layers);
    scheduleRender();
}

void MapCanvas::setOverlay(core::MapOverlay overlay) {
    for (core::MapOverlay& o : overlays_)
        if (o.id == overlay.id) {
            o = std::move(overlay);
            scheduleRender();
            return;
        }
    overlays_.push_back(std::move(overlay));
    scheduleRender();
}

void MapCanvas::removeOverlay(const QString& id) {
    const auto before = overlays_.size();
    std::erase_if(overlays_, [&](const core::MapOverlay& o) { return o.id == id; });
    if (overlays_.size() != before)
        scheduleRender();
}

void MapCanvas::setStyle(const core::MapStyle& style) {
    style_ = style;
    scheduleRender();
}

void MapCanvas::setView(const core::MapView& view) {
    core::MapView v = view;
    v.setSize(size());
    changeView(v);
}

void MapCanvas::changeView(const core::MapView& view, bool keepFitting) {
    fitToExtent_ = keepFitting;
    if (view == view_)
        return;
    view_ = view;
    update();
    emit viewChanged();
    scheduleRender();
}

void MapCanvas::zoomBy(double factor, QPointF aboutPixel) {
    core::MapView v = view_;
    v.zoomAbout(aboutPixel, factor);
    changeView(v);
}

void MapCanvas::zoomIn() {
    zoomBy(kKeyZoomFactor, QPointF(width() / 2.0, height() / 2.0));
}

void MapCanvas::zoomOut() {
    zoomBy(1.0 / kKeyZoomFactor, QPointF(width() / 2.0, height() / 2.0));
}

void MapCanvas::panByPixels(QPointF delta) {
    core::MapView v = view_;
    v.panByPixels(delta);
    changeView(v);
}

void MapCanvas::zoomToExtent() {
    if (fullExtent_.empty())
        return;
    changeView(fittedView(), true);
}

void MapCanvas::setPickingPoint(bool on) {
    picking_ = on;
    setCursor(restingCursor());
}

void MapCanvas::setClickTool(bool on) {
    clickTool_ = on;
    setCursor(restingCursor());
}

Qt::CursorShape MapCanvas::restingCursor() const {
    return picking_ || clickTool_ ? Qt::CrossCursor : Qt::OpenHandCursor;
}

double MapCanvas::metresPerPixel() const {
    const core::Point a = view_.toWorld(QPointF(0, 0));
    const core::Point b = view_.toWorld(QPointF(1, 0));
    return std::hypot(b.x - a.x, b.y - a.y);
}

void MapCanvas::zoomToBox(const core::Box& box, double minSpan) {
    if (box.empty())
        return;
    core::Box b = box;
    const core::Point c = box.center();
    if (b.width() < minSpan) {
        b.minX = c.x - minSpan / 2;
        b.maxX = c.x + minSpan / 2;
    }
    if (b.height() < minSpan) {
        b.minY = c.y - minSpan / 2;
        b.maxY = c.y + minSpan / 2;
    }
    core::MapView v = view_;
    v.setSize(size());
    v.fit(b);
    changeView(v);
}

core::MapView MapCanvas::fittedView() const {
    core::MapView v = view_;
    v.setSize(size());
    if (fullExtent_.width() == 0 && fullExtent_.height() == 0)
        v.setCenter(fullExtent_.center());
    else
        v.fit(fullExtent_);
    return v;
}

void MapCanvas::scheduleRender() {
    timer_.start();
}

void MapCanvas::startRender() {
    if (!view_.isValid())
        return;
    if (activeFeedback_)
        activeFeedback_->cancel();
    const quint64 generation = ++nextGeneration_;
    activeGeneration_ = generation;
    activeFeedback_ = std::make_shared<core::Feedback>();

    core::RenderJob job;
    job.layers = layers_;
    job.view = view_;
    job.devicePixelRatio = devicePixelRatioF();
    job.style = style_;
    job.overlays = overlays_;

    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onRenderDone(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(&pool_, [job = std::move(job), generation, fb = activeFeedback_]() {
            Outcome out;
            out.generation = generation;
            out.view = job.view;
            try {
                core::RenderResult r = core::MapRenderer(job).render(*fb);
                out.image = std::move(r.image);
                out.labels = std::move(r.labels);
            } catch (const core::OperationCanceled&) {
                out.canceled = true;
            } catch (const std::exception& e) {
                out.error = QString::fromUtf8(e.what());
            }
            return out;
        }));
}

void MapCanvas::onRenderDone(const Outcome& outcome) {
    if (outcome.generation != activeGeneration_)
        return; // superseded by a newer request
    activeGeneration_ = 0;
    activeFeedback_.reset();
    if (outcome.canceled)
        return;
    if (!outcome.error.isEmpty()) {
        emit renderFailed(outcome.error);
        return;
    }
    image_ = outcome.image;
    imageView_ = outcome.view;
    labels_ = outcome.labels;
    imageGeneration_ = outcome.generation;
    update();
    if (!timer_.isActive())
        emit renderFinished();
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), style_.background);
    if (image_.isNull() || !imageView_.isValid())
        return;
    // The last image, moved and scaled to where its content lies in the current view.
    const double scale = imageView_.metresPerPixel() / view_.metresPerPixel();
    const QPointF topLeft = view_.toPixel(imageView_.toWorld(QPointF(0, 0)));
    const QRectF target(topLeft, QSizeF(imageView_.size()) * scale);
    p.setRenderHint(QPainter::SmoothPixmapTransform, std::abs(scale - 1.0) > 1e-9);
    p.drawImage(target, image_);
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    view_.setSize(size());
    // Until the user moves the map, it keeps showing the whole district as the window settles.
    if (fitToExtent_ && !fullExtent_.empty())
        view_ = fittedView();
    emit viewChanged();
    scheduleRender();
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        dragging_ = true;
        lastDragPos_ = event->position();
        pressPos_ = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (dragging_) {
        const QPointF delta = event->position() - lastDragPos_;
        lastDragPos_ = event->position();
        panByPixels(delta);
    }
    const core::Point w = view_.toWorld(event->position());
    emit cursorMoved(QPointF(w.x, w.y));
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && dragging_) {
        dragging_ = false;
        setCursor(restingCursor());
        if ((event->position() - pressPos_).manhattanLength() >= 5)
            return;
        const core::Point w = view_.toWorld(event->position());
        if (picking_) {
            setPickingPoint(false);
            emit pointPicked(QPointF(w.x, w.y));
        } else if (clickTool_) {
            emit mapClicked(QPointF(w.x, w.y));
        }
    }
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(kWheelStepFactor, steps), event->position());
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
    const QPointF quarter(width() / 4.0, height() / 4.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        panByPixels(QPointF(quarter.x(), 0));
        break;
    case Qt::Key_Right:
        panByPixels(QPointF(-quarter.x(), 0));
        break;
    case Qt::Key_Up:
        panByPixels(QPointF(0, quarter.y()));
        break;
    case Qt::Key_Down:
        panByPixels(QPointF(0, -quarter.y()));
        break;
    case Qt::Key_Home:
        zoomToExtent();
        break;
    case Qt::Key_0:
        if (event->modifiers() & Qt::ControlModifier) {
            zoomToExtent();
            break;
        }
        QWidget::keyPressEvent(event);
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MapCanvas::leaveEvent(QEvent*) {
    emit cursorLeft();
}

} // namespace app
