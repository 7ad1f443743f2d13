#pragma once

#include "core/model/geometry.h"
#include "core/render/map_view.h"

#include <QPolygonF>
#include <QRectF>

#include <cstddef>
#include <vector>

namespace core {

/// Transforms `count` world points to logical pixels of `view`, dropping every vertex closer
/// than `minStepPx` to the last kept one (the final vertex is always kept, so closed rings stay
/// closed). `out` is cleared first. Thread: any.
void projectDecimated(const MapView& view, const Point* points, std::size_t count, double minStepPx,
                      QPolygonF& out);

/// Cuts a pixel polyline to `rect`, appending the visible pieces (each with >= 2 vertices) to
/// `out`. Keeps far-away vertices out of QPainter, whose dasher and rasteriser slow down or
/// lose precision with coordinates millions of pixels away when zoomed in.
void clipPolyline(const QPolygonF& line, const QRectF& rect, std::vector<QPolygonF>& out);

/// Clips a closed pixel ring to `rect` (Sutherland-Hodgman). The result may run along the
/// rectangle's edges, so `rect` should extend beyond the visible area by more than the widest
/// outline. Returns an empty polygon when nothing remains.
QPolygonF clipRing(const QPolygonF& ring, const QRectF& rect);

/// Joins polylines that meet end to end (identical end vertices) into longer chains,
/// reversing pieces where needed. Used to label a street stored as many short segments
/// between junctions as one line. Where three or more pieces meet, the first found continues
/// the chain.
std::vector<QPolygonF> joinPolylines(std::vector<QPolygonF> pieces);

/// Total length in pixels of a polyline.
double polylineLength(const QPolygonF& line);

} // namespace core
