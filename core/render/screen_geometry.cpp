#include "core/render/screen_geometry.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace core {

void projectDecimated(const MapView& view, const Point* points, std::size_t count, double minStepPx,
                      QPolygonF& out) {
    out.clear();
    if (count == 0)
        return;
    out.reserve(static_cast<qsizetype>(count));
    const double minSq = minStepPx * minStepPx;
    QPointF last = view.toPixel(points[0]);
    out.append(last);
    for (std::size_t i = 1; i < count; ++i) {
        const QPointF p = view.toPixel(points[i]);
        const double dx = p.x() - last.x(), dy = p.y() - last.y();
        if (dx * dx + dy * dy >= minSq || i + 1 == count) {
            out.append(p);
            last = p;
        }
    }
}

namespace {

// Liang-Barsky: clips segment a-b to rect; returns false when it misses entirely.
bool clipSegment(QPointF& a, QPointF& b, const QRectF& r) {
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > t1)
                return false;
            if (t > t0)
                t0 = t;
        } else {
            if (t < t0)
                return false;
            if (t < t1)
                t1 = t;
        }
    }
    const QPointF a0 = a;
    if (t1 < 1)
        b = QPointF(a0.x() + t1 * dx, a0.y() + t1 * dy);
    if (t0 > 0)
        a = QPointF(a0.x() + t0 * dx, a0.y() + t0 * dy);
    return true;
}

} // namespace

void clipPolyline(const QPolygonF& line, const QRectF& rect, std::vector<QPolygonF>& out) {
    if (line.size() < 2)
        return;
    QPolygonF current;
    for (qsizetype i = 0; i + 1 < line.size(); ++i) {
        QPointF a = line[i], b = line[i + 1];
        const bool bInside = rect.contains(b);
        if (!clipSegment(a, b, rect)) {
            if (current.size() >= 2)
                out.push_back(std::move(current));
            current = QPolygonF();
            continue;
        }
        if (current.isEmpty())
            current.append(a);
        current.append(b);
        if (!bInside) {
            // The segment left the rectangle: the piece ends here.
            if (current.size() >= 2)
                out.push_back(std::move(current));
            current = QPolygonF();
        }
    }
    if (current.size() >= 2)
        out.push_back(std::move(current));
}

QPolygonF clipRing(const QPolygonF& ring, const QRectF& rect) {
    if (ring.size() < 3)
        return {};
    if (rect.contains(ring.boundingRect()))
        return ring;
    QPolygonF input = ring;
    QPolygonF output;
    // One pass per rectangle edge: edge 0 left, 1 right, 2 top, 3 bottom.
    for (int edge = 0; edge < 4 && !input.isEmpty(); ++edge) {
        const auto inside = [&](const QPointF& p) {
            switch (edge) {
            case 0:
                return p.x() >= rect.left();
            case 1:
                return p.x() <= rect.right();
            case 2:
                return p.y() >= rect.top();
            default:
                return p.y() <= rect.bottom();
            }
        };
        const auto cross = [&](const QPointF& a, const QPointF& b) {
            double t = 0;
            switch (edge) {
            case 0:
                t = (rect.left() - a.x()) / (b.x() - a.x());
                break;
            case 1:
                t = (rect.right() - a.x()) / (b.x() - a.x());
                break;
            case 2:
                t = (rect.top() - a.y()) / (b.y() - a.y());
                break;
            default:
                t = (rect.bottom() - a.y()) / (b.y() - a.y());
                break;
            }
            return QPointF(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
        };
        output.clear();
        QPointF prev = input.last();
        bool prevIn = inside(prev);
        for (const QPointF& cur : std::as_const(input)) {
            const bool curIn = inside(cur);
            if (curIn) {
                if (!prevIn)
                    output.append(cross(prev, cur));
                output.append(cur);
            } else if (prevIn) {
                output.append(cross(prev, cur));
            }
            prev = cur;
            prevIn = curIn;
        }
        input.swap(output);
    }
    return input.size() >= 3 ? input : QPolygonF();
}

std::vector<QPolygonF> joinPolylines(std::vector<QPolygonF> pieces) {
    if (pieces.size() < 2)
        return pieces;
    // Pieces of one street share exact vertices, so exact keys find the joints.
    using Key = std::pair<double, double>;
    const auto key = [](const QPointF& p) {
        return Key{p.x(), p.y()};
    };
    std::map<Key, std::vector<std::size_t>> ends;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].size() < 2)
            continue;
        ends[key(pieces[i].first())].push_back(i);
        ends[key(pieces[i].last())].push_back(i);
    }
    std::vector<bool> used(pieces.size(), false);
    const auto takeAt = [&](const QPointF& p) -> std::optional<std::size_t> {
        const auto it = ends.find(key(p));
        if (it == ends.end())
            return std::nullopt;
        for (std::size_t j : it->second)
            if (!used[j])
                return j;
        return std::nullopt;
    };
    std::vector<QPolygonF> chains;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (used[i] || pieces[i].size() < 2)
            continue;
        used[i] = true;
        QPolygonF chain = std::move(pieces[i]);
        while (const auto j = takeAt(chain.last())) {
            used[*j] = true;
            QPolygonF next = std::move(pieces[*j]);
            if (!(next.first() == chain.last()))
                std::reverse(next.begin(), next.end());
            chain.append(next.mid(1));
        }
        while (const auto j = takeAt(chain.first())) {
            used[*j] = true;
            QPolygonF prev = std::move(pieces[*j]);
            if (!(prev.last() == chain.first()))
                std::reverse(prev.begin(), prev.end());
            prev.append(chain.mid(1));
            chain = std::move(prev);
        }
        chains.push_back(std::move(chain));
    }
    return chains;
}

double polylineLength(const QPolygonF& line) {
    double len = 0;
    for (qsizetype i = 0; i + 1 < line.size(); ++i)
        len += std::hypot(line[i + 1].x() - line[i].x(), line[i + 1].y() - line[i].y());
    return len;
}

} // namespace core
