#pragma once

#include "core/model/geometry.h"

#include <QPointF>
#include <QSize>
#include <QTransform>

namespace core {

/// What part of the working CRS a map shows, and how big.
///
/// The centre is in working-CRS units (metres for the projected working CRSs the app uses),
/// the scale is metres per logical pixel, and the size is in logical pixels (a device pixel
/// ratio is applied by the renderer, not here). Pixel y grows downwards, world y upwards.
/// Plain value type; safe to copy into worker threads.
class MapView {
public:
    /// Smallest and largest scale a view accepts, in metres per pixel.
    static constexpr double kMinMetresPerPixel = 0.005;
    static constexpr double kMaxMetresPerPixel = 100000.0;

    MapView() = default;
    MapView(Point center, double metresPerPixel, QSize size);

    Point center() const { return center_; }
    double metresPerPixel() const { return metresPerPixel_; }
    QSize size() const { return size_; }
    bool isValid() const { return size_.width() > 0 && size_.height() > 0; }

    void setCenter(Point c) { center_ = c; }
    /// Clamps to [kMinMetresPerPixel, kMaxMetresPerPixel].
    void setMetresPerPixel(double mpp);
    void setSize(QSize size) { size_ = size; }

    /// World (working CRS) to logical pixel.
    QPointF toPixel(Point world) const {
        return {(world.x - center_.x) / metresPerPixel_ + size_.width() / 2.0,
                (center_.y - world.y) / metresPerPixel_ + size_.height() / 2.0};
    }
    /// Logical pixel to world (working CRS).
    Point toWorld(QPointF pixel) const {
        return {center_.x + (pixel.x() - size_.width() / 2.0) * metresPerPixel_,
                center_.y - (pixel.y() - size_.height() / 2.0) * metresPerPixel_};
    }
    /// The world box the view covers.
    Box extent() const;
    /// The affine map from world to logical pixels.
    QTransform worldToPixel() const;

    /// Zooms by `factor` (>1 zooms in) keeping the world point under `pixel` fixed.
    void zoomAbout(QPointF pixel, double factor);
    /// Moves the map content by `delta` logical pixels (a drag to the right shows more west).
    void panByPixels(QPointF delta);
    /// Centres on `box` and picks the scale that shows it whole inside the view less
    /// `marginPx` on every side. Ignores empty boxes; a zero-size box keeps the scale.
    void fit(const Box& box, double marginPx = 16);

    /// The map scale denominator n of "1:n" on a screen of `dpi` logical dots per inch.
    double scaleDenominator(double dpi = 96.0) const { return metresPerPixel_ * dpi / 0.0254; }

    friend bool operator==(const MapView&, const MapView&) = default;

private:
    Point center_;
    double metresPerPixel_ = 1.0;
    QSize size_;
};

} // namespace core
