#include "core/demo/demo_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace core {

namespace {

// Only +, -, *, / and sqrt (all correctly rounded in IEEE 754) shape the layout, so the same
// seed gives the same coordinates with every compiler and C library; no sin/cos/exp.

double dist(Point a, Point b) {
    return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

/// Per-row cell ranges [lo, hi] of a shape made of grid cells.
struct RowRanges {
    int row0 = 0;
    std::vector<int> lo, hi;
    int rows() const { return static_cast<int>(lo.size()); }
    int cells() const {
        int n = 0;
        for (int r = 0; r < rows(); ++r)
            n += hi[r] - lo[r] + 1;
        return n;
    }
};

/// The outline of a row-ranged shape as grid vertex indices, counter-clockwise, every grid
/// vertex on the outline included so that neighbouring outlines share vertices.
std::vector<std::pair<int, int>> traceOutline(const RowRanges& r) {
    std::vector<std::pair<int, int>> v;
    const int n = r.rows();
    for (int i = r.lo[0]; i <= r.hi[0] + 1; ++i)
        v.emplace_back(i, r.row0);
    for (int k = 0; k < n; ++k) {
        const int j = r.row0 + k;
        v.emplace_back(r.hi[k] + 1, j + 1);
        if (k + 1 < n) {
            const int from = r.hi[k] + 1, to = r.hi[k + 1] + 1;
            for (int i = from; i != to;) {
                i += to > from ? 1 : -1;
                v.emplace_back(i, j + 1);
            }
        }
    }
    for (int i = r.hi[n - 1]; i >= r.lo[n - 1]; --i)
        v.emplace_back(i, r.row0 + n);
    for (int k = n - 1; k >= 0; --k) {
        const int j = r.row0 + k;
        v.emplace_back(r.lo[k], j);
        if (k > 0) {
            const int from = r.lo[k], to = r.lo[k - 1];
            for (int i = from; i != to;) {
                i += to > from ? 1 : -1;
                v.emplace_back(i, j);
            }
        }
    }
    // The loop ends where it started: close the ring exactly once.
    if (v.front() != v.back())
        v.push_back(v.front());
    return v;
}

RowRanges drawOutline(DemoRandom& rng, const DemoScaleParams& p) {
    RowRanges r;
    const double halfWidth = p.columns / 2.0 * rng.range(0.82, 0.98);
    double drift = 0;
    for (int j = 0; j < p.rows; ++j) {
        drift = std::clamp(drift + rng.range(-0.7, 0.7), -0.12 * p.columns, 0.12 * p.columns);
        const double yn = (j + 0.5) / p.rows * 2 - 1;
        const double hw =
            halfWidth * std::sqrt(std::max(0.1, 1 - 0.7 * yn * yn)) * rng.range(0.86, 1.08);
        const double c = p.columns / 2.0 + drift;
        int lo = std::clamp(static_cast<int>(std::floor(c - hw + 0.5)), 0, p.columns - 2);
        int hi = std::clamp(static_cast<int>(std::floor(c + hw + 0.5)) - 1, lo + 1, p.columns - 1);
        if (j > 0) { // overlap the previous row by two cells: one piece, no pinched corners
            lo = std::min(lo, r.hi.back() - 1);
            hi = std::max(hi, r.lo.back() + 1);
        }
        r.lo.push_back(lo);
        r.hi.push_back(hi);
    }
    return r;
}

/// Splits the outline into 街道: bands of rows, each band cut by whole grid columns. Each
/// part keeps one piece per row overlapping its neighbours, so every 街道 is one simple
/// polygon and the parts tile the district along main roads. Empty when the draw fails.
std::vector<RowRanges> partition(DemoRandom& rng, const RowRanges& all, const DemoScaleParams& p) {
    const int total = all.cells();
    const int target =
        rng.between(p.minSubdistricts + (p.maxSubdistricts > 6 ? 1 : 0), p.maxSubdistricts - 1);
    const int bands =
        std::max(2, static_cast<int>(std::floor(std::sqrt(static_cast<double>(target)) + 0.5)));
    std::vector<RowRanges> parts;
    int row = 0;
    int bandsLeft = bands;
    int partsLeft = target;
    int cellsLeft = total;
    while (row < all.rows()) {
        // Rows of this band: about an equal share of the remaining cells.
        int end = row, cells = 0;
        const double share = static_cast<double>(cellsLeft) / bandsLeft;
        while (end < all.rows() && (cells < share * 0.92 || end == row || bandsLeft == 1)) {
            cells += all.hi[end] - all.lo[end] + 1;
            ++end;
        }
        int lMax = 0, hMin = p.columns;
        for (int k = row; k < end; ++k) {
            lMax = std::max(lMax, all.lo[k]);
            hMin = std::min(hMin, all.hi[k]);
        }
        int want = std::max(1, static_cast<int>(std::floor(
                                   static_cast<double>(partsLeft) / bandsLeft + rng.unit())));
        want = std::min(want, hMin - lMax + 1); // cuts must lie in [lMax + 1, hMin]
        std::vector<int> cuts;
        int prev = lMax;
        for (int q = 1; q < want; ++q) {
            const double goal = static_cast<double>(cells) * q / want;
            int best = -1;
            double bestErr = 1e300;
            for (int c = prev + 1; c <= hMin - (want - 1 - q); ++c) {
                int left = 0;
                for (int k = row; k < end; ++k)
                    left += std::max(0, std::min(all.hi[k], c - 1) - all.lo[k] + 1);
                const double err = std::abs(left - goal);
                if (err < bestErr) {
                    bestErr = err;
                    best = c;
                }
            }
            if (best < 0)
                break;
            cuts.push_back(best);
            prev = best;
        }
        for (std::size_t q = 0; q <= cuts.size(); ++q) {
            RowRanges part;
            part.row0 = row;
            for (int k = row; k < end; ++k) {
                part.lo.push_back(q == 0 ? all.lo[k] : cuts[q - 1]);
                part.hi.push_back(q == cuts.size() ? all.hi[k] : cuts[q] - 1);
            }
            parts.push_back(std::move(part));
        }
        partsLeft -= static_cast<int>(cuts.size()) + 1;
        cellsLeft -= cells;
        --bandsLeft;
        row = end;
    }
    const int n = static_cast<int>(parts.size());
    if (n < p.minSubdistricts || n > p.maxSubdistricts)
        return {};
    return parts;
}

} // namespace

DemoLayout buildDemoLayout(DemoRandom& rng, const DemoScaleParams& p, DemoNames& names) {
    DemoLayout layout;
    // The outline and its 街道 are redrawn (from forked streams, so the count of attempts
    // does not shift the rest of the draw) until the 街道 count fits the range.
    RowRanges outline;
    std::vector<RowRanges> parts;
    for (std::uint64_t attempt = 1; parts.empty() && attempt < 1000; ++attempt) {
        DemoRandom draw = rng.fork(attempt);
        outline = drawOutline(draw, p);
        parts = partition(draw, outline, p);
    }
    if (parts.empty())
        parts.push_back(outline); // unreachable with the shipped parameters

    const int nx = p.columns, ny = p.rows;
    std::vector<double> xs(nx + 1, 0.0), ys(ny + 1, 0.0);
    for (int i = 0; i < nx; ++i)
        xs[i + 1] = xs[i] + p.cellSize * rng.range(0.8, 1.22);
    for (int j = 0; j < ny; ++j)
        ys[j + 1] = ys[j] + p.cellSize * rng.range(0.8, 1.22);
    const double midX = xs[nx] / 2, midY = ys[ny] / 2;
    for (auto& x : xs)
        x -= midX;
    for (auto& y : ys)
        y -= midY;
    // Slightly sheared and turned, and every main road gently wandering: a grid that is not
    // perfectly regular. The turn uses (1, k)/|(1, k)| instead of sin/cos (see above).
    const double shearX = rng.range(-0.07, 0.07), shearY = rng.range(-0.07, 0.07);
    const double tilt = rng.range(-0.18, 0.18);
    const double cosA = 1 / std::sqrt(1 + tilt * tilt), sinA = tilt * cosA;
    const auto at = [nx](int i, int j) {
        return static_cast<std::size_t>(j) * (nx + 1) + i;
    };
    std::vector<double> wobX((nx + 1) * (ny + 1)), wobY((nx + 1) * (ny + 1));
    for (int i = 0; i <= nx; ++i) {
        double w = 0;
        for (int j = 0; j <= ny; ++j)
            wobX[at(i, j)] = w = std::clamp(0.75 * w + rng.range(-22, 22), -55.0, 55.0);
    }
    for (int j = 0; j <= ny; ++j) {
        double w = 0;
        for (int i = 0; i <= nx; ++i)
            wobY[at(i, j)] = w = std::clamp(0.75 * w + rng.range(-22, 22), -55.0, 55.0);
    }
    const auto grid = [&](int i, int j) {
        const double x = xs[i] + shearX * ys[j] + wobX[at(i, j)];
        const double y = ys[j] + shearY * xs[i] + wobY[at(i, j)];
        return Point{cosA * x - sinA * y, sinA * x + cosA * y};
    };

    std::vector<int> subOf(static_cast<std::size_t>(nx) * ny, -1);
    for (std::size_t q = 0; q < parts.size(); ++q)
        for (int k = 0; k < parts[q].rows(); ++k)
            for (int i = parts[q].lo[k]; i <= parts[q].hi[k]; ++i)
                subOf[static_cast<std::size_t>(parts[q].row0 + k) * nx + i] = static_cast<int>(q);

    const auto drawClass = [&rng](int index, int count) {
        if (index == count / 2) // one primary avenue through the middle, always
            return QStringLiteral("primary");
        const double r = rng.unit();
        return r < 0.28   ? QStringLiteral("primary")
               : r < 0.68 ? QStringLiteral("secondary")
                          : QStringLiteral("tertiary");
    };
    std::vector<QString> classV, classH;
    for (int i = 0; i <= nx; ++i)
        classV.push_back(drawClass(i, nx));
    for (int j = 0; j <= ny; ++j)
        classH.push_back(drawClass(j, ny));

    std::map<std::tuple<bool, int, int>, std::uint32_t> mainRoads, edges;
    std::map<std::pair<int, int>, std::uint32_t> corners;
    const auto corner = [&](int i, int j) {
        const auto it = corners.find({i, j});
        if (it != corners.end())
            return it->second;
        layout.nodes.push_back(grid(i, j));
        const auto node = static_cast<std::uint32_t>(layout.nodes.size() - 1);
        corners.emplace(std::pair{i, j}, node);
        return node;
    };
    const auto mainRoad = [&](bool vertical, int index, int along) {
        const auto key = std::tuple{vertical, index, along / p.sectionCells};
        const auto it = mainRoads.find(key);
        if (it != mainRoads.end())
            return it->second;
        DemoRoad road;
        road.highway = vertical ? classV[index] : classH[index];
        road.name = names.mainRoad(rng, road.highway);
        road.main = true;
        const auto id = layout.addRoad(std::move(road));
        mainRoads.emplace(key, id);
        return id;
    };
    // Vertical edge (i, j) runs from grid (i, j) to (i, j+1), horizontal from (i, j) to (i+1, j).
    const auto edge = [&](bool vertical, int i, int j) {
        const auto key = std::tuple{vertical, i, j};
        const auto it = edges.find(key);
        if (it != edges.end())
            return it->second;
        const int i1 = vertical ? i : i + 1, j1 = vertical ? j + 1 : j;
        const auto line = layout.addLine(mainRoad(vertical, vertical ? i : j, vertical ? j : i),
                                         DemoLine::Kind::Edge, 0, 0);
        const auto n0 = corner(i, j), n1 = corner(i1, j1);
        auto& l = layout.lines[line];
        l.a = layout.nodes[n0];
        l.b = layout.nodes[n1];
        l.stops = {{0.0, n0}, {1.0, n1}};
        edges.emplace(key, line);
        return line;
    };

    std::vector<int> blocksPerPart(parts.size(), 0);
    for (int k = 0; k < outline.rows(); ++k) {
        const int j = outline.row0 + k;
        for (int i = outline.lo[k]; i <= outline.hi[k]; ++i) {
            DemoBlock b;
            b.i = i;
            b.j = j;
            b.bl = grid(i, j);
            b.br = grid(i + 1, j);
            b.tr = grid(i + 1, j + 1);
            b.tl = grid(i, j + 1);
            b.transposed = rng.chance(0.5);
            const auto h0 = edge(false, i, j), h1 = edge(false, i, j + 1);
            const auto v0 = edge(true, i, j), v1 = edge(true, i + 1, j);
            b.side = b.transposed ? std::array{h0, h1, v0, v1} : std::array{v0, v1, h0, h1};
            const double w = (dist(b.bl, b.br) + dist(b.tl, b.tr)) / 2;
            const double h = (dist(b.bl, b.tl) + dist(b.br, b.tr)) / 2;
            b.lenS = b.transposed ? h : w;
            b.lenT = b.transposed ? w : h;
            b.subdistrict = std::max(0, subOf[static_cast<std::size_t>(j) * nx + i]);
            ++blocksPerPart[b.subdistrict];
            layout.blocks.push_back(b);
            layoutDemoBlock(layout, static_cast<std::uint32_t>(layout.blocks.size() - 1), rng,
                            names);
        }
    }

    const auto toPoints = [&](const RowRanges& r) {
        std::vector<Point> ring;
        for (const auto& [i, j] : traceOutline(r))
            ring.push_back(grid(i, j));
        return ring;
    };
    layout.boundary = toPoints(outline);
    for (std::size_t q = 0; q < parts.size(); ++q)
        layout.subdistricts.push_back(
            {names.subdistrict(rng), toPoints(parts[q]), blocksPerPart[q]});
    return layout;
}
} // namespace core
