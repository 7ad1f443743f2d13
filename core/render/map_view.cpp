#include "core/render/map_view.h"

#include <algorithm>
#include <cmath>

namespace core {

MapView::MapView(Point center, double metresPerPixel, QSize size) : center_(center), size_(size) {
    setMetresPerPixel(metresPerPixel);
}

void MapView::setMetresPerPixel(double mpp) {
    if (!std::isfinite(mpp) || mpp <= 0)
        return;
    metresPerPixel_ = std::clamp(mpp, kMinMetresPerPixel, kMaxMetresPerPixel);
}

Box MapView::extent() const {
    const double halfW = size_.width() / 2.0 * metresPerPixel_;
    const double halfH = size_.height() / 2.0 * metresPerPixel_;
    return {center_.x - halfW, center_.y - halfH, center_.x + halfW, center_.y + halfH};
}

QTransform MapView::worldToPixel() const {
    const double s = 1.0 / metresPerPixel_;
    return QTransform(s, 0, 0, -s, size_.width() / 2.0 - center_.x * s,
                      size_.height() / 2.0 + center_.y * s);
}

void MapView::zoomAbout(QPointF pixel, double factor) {
    if (!(factor > 0) || !std::isfinite(factor))
        return;
    const Point anchor = toWorld(pixel);
    setMetresPerPixel(metresPerPixel_ / factor);
    // Re-centre so that `anchor` stays under the same pixel after the scale change.
    const Point moved = toWorld(pixel);
    center_.x += anchor.x - moved.x;
    center_.y += anchor.y - moved.y;
}

void MapView::panByPixels(QPointF delta) {
    center_.x -= delta.x() * metresPerPixel_;
    center_.y += delta.y() * metresPerPixel_;
}

void MapView::fit(const Box& box, double marginPx) {
    if (box.empty())
        return;
    center_ = box.center();
    const double w = std::max(1.0, size_.width() - 2 * marginPx);
    const double h = std::max(1.0, size_.height() - 2 * marginPx);
    const double mpp = std::max(box.width() / w, box.height() / h);
    if (mpp > 0)
        setMetresPerPixel(mpp);
}

} // namespace core
