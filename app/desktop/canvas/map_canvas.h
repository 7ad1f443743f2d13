#pragma once

#include "core/render/map_renderer.h"
#include "core/render/map_view.h"

#include <QImage>
#include <QPointF>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

namespace app {

/// The map widget: shows the base map and overlays rendered in the background.
///
/// View changes (pan, zoom, resize, layers) schedule one render, coalesced over ~30 ms. The
/// render runs in a worker (QtConcurrent on the canvas's own pool) on a snapshot of the
/// layers; a newer request cancels the running job without waiting for it. Results carry a
/// generation number and stale ones are dropped. Until the new image arrives the last image
/// is drawn warped (scaled and shifted) to the current view.
///
/// Mouse: drag to pan, wheel to zoom about the cursor. Keys: + and - zoom, arrows pan,
/// Home zooms to the full extent.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// Replaces what is drawn; renders again (the view is kept).
    void setLayers(std::vector<core::RenderLayer> layers);
    /// Adds an overlay, or replaces the one with the same id; renders again.
    void setOverlay(core::MapOverlay overlay);
    void removeOverlay(const QString& id);
    /// The box Home / zoomToExtent() shows (working CRS).
    void setFullExtent(const core::Box& extent) { fullExtent_ = extent; }
    const core::Box& fullExtent() const { return fullExtent_; }
    void setStyle(const core::MapStyle& style);

    /// The current view; its size follows the widget.
    const core::MapView& view() const { return view_; }
    void setView(const core::MapView& view);
    void zoomBy(double factor, QPointF aboutPixel);
    void zoomIn();
    void zoomOut();
    void panByPixels(QPointF delta);
    void zoomToExtent();
    /// Shows `box` (working CRS) with a margin; a box smaller than `minSpan` metres (a point,
    /// a short street) is shown `minSpan` wide.
    void zoomToBox(const core::Box& box, double minSpan = 300);

    /// While on, a left click (without dragging) emits pointPicked once and turns it off.
    void setPickingPoint(bool on);
    bool isPickingPoint() const { return picking_; }
    /// While on (a map tool such as identify or record-defect is active), every left click
    /// without dragging emits mapClicked; dragging still pans.
    void setClickTool(bool on);
    bool isClickTool() const { return clickTool_; }
    /// Working-CRS units per screen pixel at the current view (for click tolerances).
    double metresPerPixel() const;

    /// The last finished image and the view it was rendered for.
    const QImage& renderedImage() const { return image_; }
    const core::MapView& renderedView() const { return imageView_; }
    const std::vector<core::PlacedLabel>& renderedLabels() const { return labels_; }
    /// True while a render is scheduled or running for a view or content not yet shown.
    bool isRenderPending() const { return timer_.isActive() || activeGeneration_ != 0; }
    /// Generation of the shown image; grows with every finished render.
    quint64 renderedGeneration() const { return imageGeneration_; }
    /// Delay that coalesces view changes before a render starts (default 30 ms).
    void setRenderDelay(int ms) { timer_.setInterval(ms); }

signals:
    /// The cursor is over the map at `world` (working CRS units).
    void cursorMoved(QPointF world);
    void cursorLeft();
    /// A point was picked with setPickingPoint (working CRS).
    void pointPicked(QPointF world);
    /// A click with the click tool on (working CRS).
    void mapClicked(QPointF world);
    void viewChanged();
    /// A render for the current view finished and is shown.
    void renderFinished();
    void renderFailed(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Outcome;
    void scheduleRender();
    void startRender();
    void onRenderDone(const Outcome& outcome);
    void changeView(const core::MapView& view, bool keepFitting = false);
    core::MapView fittedView() const;
    Qt::CursorShape restingCursor() const;

    std::vector<core::RenderLayer> layers_;
    std::vector<core::MapOverlay> overlays_;
    core::MapStyle style_ = core::MapStyle::standard();
    core::MapView view_;
    core::Box fullExtent_;

    QImage image_;
    core::MapView imageView_;
    std::vector<core::PlacedLabel> labels_;
    quint64 imageGeneration_ = 0;

    QTimer timer_;
    quint64 nextGeneration_ = 0;
    quint64 activeGeneration_ = 0; ///< 0 when no render is running
    std::shared_ptr<core::Feedback> activeFeedback_;
    QThreadPool pool_;

    bool fitToExtent_ = false;
    bool dragging_ = false;
    bool picking_ = false;
    bool clickTool_ = false;
    QPointF lastDragPos_;
    QPointF pressPos_;
};

} // namespace app
