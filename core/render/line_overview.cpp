#include "core/render/line_overview.h"

#include "core/render/map_style.h"
#include "core/render/screen_geometry.h"

#include <QHash>
#include <QPolygonF>

#include <cmath>
#include <utility>

namespace core {

namespace {

double distanceToSegmentSq(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double lengthSq = dx * dx + dy * dy;
    double t = lengthSq > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

} // namespace

void simplifyLine(const Point* line, std::size_t count, double tolerance, std::vector<Point>& out) {
    if (count <= 2) {
        out.insert(out.end(), line, line + count);
        return;
    }
    std::vector<bool> keep(count, false);
    keep.front() = keep.back() = true;
    const double toleranceSq = tolerance * tolerance;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, count - 1}};
    while (!stack.empty()) {
        const auto [from, to] = stack.back();
        stack.pop_back();
        double worst = -1;
        std::size_t worstAt = from;
        for (std::size_t i = from + 1; i < to; ++i) {
            const double d = distanceToSegmentSq(line[i], line[from], line[to]);
            if (d > worst) {
                worst = d;
                worstAt = i;
            }
        }
        if (worst > toleranceSq) {
            keep[worstAt] = true;
            stack.emplace_back(from, worstAt);
            stack.emplace_back(worstAt, to);
        }
    }
    for (std::size_t i = 0; i < count; ++i)
        if (keep[i])
            out.push_back(line[i]);
}

std::shared_ptr<const LineOverview> LineOverview::build(const LayerData& layer,
                                                        const std::vector<RoleMask>& roles,
                                                        const std::vector<QString>& labels,
                                                        double toleranceMetres) {
    // Segments join only within a group that draws alike: same primary role, same label.
    struct Group {
        std::uint32_t feature;
        std::vector<QPolygonF> pieces;
    };
    std::vector<Group> groups;
    QHash<std::pair<int, QString>, std::size_t> groupOf;
    std::size_t sourceVertices = 0;
    for (std::size_t fi = 0; fi < layer.features.size(); ++fi) {
        const Geometry& g = layer.features[fi].geometry;
        const GeometryKind kind = g.kind == GeometryKind::None ? layer.kind : g.kind;
        if (g.points.empty())
            continue;
        if (kind != GeometryKind::Line)
            return nullptr;
        const std::optional<Role> role = primaryRole(fi < roles.size() ? roles[fi] : 0);
        const QString label = fi < labels.size() ? labels[fi].trimmed() : QString();
        const std::pair<int, QString> key{role ? static_cast<int>(*role) : -1, label};
        auto it = groupOf.constFind(key);
        if (it == groupOf.cend()) {
            it = groupOf.insert(key, groups.size());
            groups.push_back({static_cast<std::uint32_t>(fi), {}});
        }
        Group& group = groups[it.value()];
        for (std::size_t part = 0; part < g.partCount(); ++part) {
            const auto b = g.partBegin(part), e = g.partEnd(part);
            if (e - b < 2)
                continue;
            QPolygonF piece;
            piece.reserve(e - b);
            for (auto k = b; k < e; ++k)
                piece.append(QPointF(g.points[k].x, g.points[k].y));
            group.pieces.push_back(std::move(piece));
            sourceVertices += e - b;
        }
    }
    if (groups.empty())
        return nullptr;

    auto overview = std::make_shared<LineOverview>();
    overview->tolerance_ = toleranceMetres;
    overview->sourceVertices_ = sourceVertices;
    std::vector<Box> boxes;
    std::vector<Point> chain;
    for (Group& group : groups) {
        for (const QPolygonF& joined : joinPolylines(std::move(group.pieces))) {
            chain.clear();
            chain.reserve(static_cast<std::size_t>(joined.size()));
            for (const QPointF& p : joined)
                chain.push_back({p.x(), p.y()});
            const auto first = static_cast<std::uint32_t>(overview->points_.size());
            simplifyLine(chain.data(), chain.size(), toleranceMetres, overview->points_);
            const auto count = static_cast<std::uint32_t>(overview->points_.size()) - first;
            Box box;
            for (std::uint32_t k = first; k < first + count; ++k)
                box.expand(overview->points_[k]);
            overview->chains_.push_back({group.feature, first, count});
            boxes.push_back(box);
        }
    }
    overview->index_ = SpatialIndex(boxes);
    return overview;
}

} // namespace core
