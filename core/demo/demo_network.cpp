#include "core/demo/demo_layout.h"

#include <algorithm>
#include <cmath>

namespace core {

namespace {

// (1 - t) a + t b is exact at both ends, so points on shared edges match bit for bit.
Point lerp(Point a, Point b, double t) {
    return {(1 - t) * a.x + t * b.x, (1 - t) * a.y + t * b.y};
}

constexpr double kMainSetback = 14; // metres from a main-road centreline to a plot
constexpr double kBackSetback = 5;  // metres from a back-street centreline to a plot
constexpr std::uint32_t kNoRoad = ~std::uint32_t{0};

std::vector<double> innerStops(const DemoLayout& layout, std::uint32_t line) {
    std::vector<double> params;
    for (const auto& stop : layout.lines[line].stops)
        if (stop.first > 0 && stop.first < 1)
            params.push_back(stop.first);
    return params;
}

/// n parameters spread over (0, 1) with jitter; each within `snapM` metres of a candidate
/// takes the candidate's value (streets continue across the road instead of offset
/// T-junctions a few metres apart); then those too near the ends or each other are dropped.
std::vector<double> spread(DemoRandom& rng, int n, double lengthM,
                           const std::vector<double>& candidates, double snapM) {
    std::vector<double> params;
    for (int k = 1; k <= n; ++k) {
        const double p = (k + rng.range(-0.2, 0.2)) / (n + 1);
        double best = p;
        double bestErr = snapM / lengthM;
        for (double c : candidates) {
            if (std::abs(c - p) < bestErr) {
                bestErr = std::abs(c - p);
                best = c;
            }
        }
        params.push_back(best);
    }
    std::sort(params.begin(), params.end());
    const double margin = 35 / lengthM, gap = 50 / lengthM;
    std::vector<double> kept;
    for (double p : params) {
        if (p < margin || p > 1 - margin || (!kept.empty() && p - kept.back() < gap))
            continue;
        kept.push_back(p);
    }
    return kept;
}

int countFor(DemoRandom& rng, double lengthM, double minSpacing, double maxSpacing) {
    return std::max(
        0, static_cast<int>(std::floor(lengthM / rng.range(minSpacing, maxSpacing) + 0.5)) - 1);
}

} // namespace

Point DemoBlock::at(double s, double t) const {
    const double u = transposed ? t : s;
    const double v = transposed ? s : t;
    return lerp(lerp(bl, br, u), lerp(tl, tr, u), v);
}

Point DemoLayout::linePoint(const DemoLine& line, double param) const {
    switch (line.kind) {
    case DemoLine::Kind::Edge:
        return lerp(line.a, line.b, param);
    case DemoLine::Kind::AlongT:
        return blocks[line.block].at(line.fixed, param);
    case DemoLine::Kind::AlongS:
        break;
    }
    return blocks[line.block].at(param, line.fixed);
}

std::uint32_t DemoLayout::attach(std::uint32_t lineIndex, double param) {
    auto& line = lines[lineIndex];
    for (const auto& [p, node] : line.stops)
        if (p == param)
            return node;
    nodes.push_back(linePoint(line, param));
    const auto node = static_cast<std::uint32_t>(nodes.size() - 1);
    lines[lineIndex].stops.emplace_back(param, node);
    return node;
}

double DemoLayout::snap(std::uint32_t lineIndex, double param, double tolerance) const {
    double best = param;
    double bestErr = tolerance;
    for (const auto& stop : lines[lineIndex].stops) {
        if (stop.first <= 0 || stop.first >= 1)
            continue;
        const double err = std::abs(stop.first - param);
        if (err < bestErr) {
            bestErr = err;
            best = stop.first;
        }
    }
    return best;
}

std::uint32_t DemoLayout::addLine(std::uint32_t road, DemoLine::Kind kind, std::uint32_t block,
                                  double fixed) {
    DemoLine line;
    line.road = road;
    line.kind = kind;
    line.block = block;
    line.fixed = fixed;
    lines.push_back(std::move(line));
    return static_cast<std::uint32_t>(lines.size() - 1);
}

std::uint32_t DemoLayout::addRoad(DemoRoad road) {
    roads.push_back(std::move(road));
    return static_cast<std::uint32_t>(roads.size() - 1);
}

Point DemoLayout::cellPoint(const DemoCell& cell, double fs, double ft) const {
    return blocks[cell.block].at(cell.s0 + (cell.s1 - cell.s0) * fs,
                                 cell.t0 + (cell.t1 - cell.t0) * ft);
}

DemoRoad demoBackStreetClass(DemoRandom& rng, int kind) {
    static const char* const classes[] = {"residential", "unclassified", "living_street", "service",
                                          "pedestrian"};
    // Weights per lane kind: through streets, cross lanes, dead-end alleys.
    static const double weights[3][5] = {
        {0.6, 0.25, 0.15, 0, 0}, {0.35, 0.05, 0.2, 0.3, 0.1}, {0, 0, 0.2, 0.6, 0.2}};
    DemoRoad road;
    const auto c = rng.weighted(weights[std::clamp(kind, 0, 2)]);
    road.highway = QString::fromLatin1(classes[c]);
    if (road.highway == QLatin1String("service"))
        road.service = QStringLiteral("alley");
    road.oneway = road.highway != QLatin1String("pedestrian") && rng.chance(kind == 0 ? 0.1 : 0.2);
    return road;
}

void layoutDemoBlock(DemoLayout& layout, std::uint32_t blockIndex, DemoRandom& rng,
                     DemoNames& names) {
    const DemoBlock b = layout.blocks[blockIndex];
    const auto side = b.side;

    // Through streets: constant s, from the T0 main road to the T1 main road.
    std::vector<double> sAt{0};
    std::vector<std::uint32_t> sLines{side[SideS0]};
    const int nThrough = countFor(rng, b.lenS, 130, 200);
    for (double s : spread(rng, nThrough, b.lenS, innerStops(layout, side[SideT0]), 30)) {
        DemoRoad road = demoBackStreetClass(rng, 0);
        road.name = names.throughStreet(rng);
        const auto line =
            layout.addLine(layout.addRoad(std::move(road)), DemoLine::Kind::AlongT, blockIndex, s);
        const auto n0 = layout.attach(side[SideT0], s);
        const auto n1 = layout.attach(side[SideT1], s);
        layout.lines[line].stops = {{0.0, n0}, {1.0, n1}};
        sAt.push_back(s);
        sLines.push_back(line);
    }
    sAt.push_back(1);
    sLines.push_back(side[SideS1]);

    // Cross lanes: constant t, within one strip between through streets.
    std::vector<double> prevT = innerStops(layout, side[SideS0]);
    std::vector<std::uint32_t> prevRoads(prevT.size(), kNoRoad);
    for (std::size_t k = 0; k + 1 < sAt.size(); ++k) {
        int m = countFor(rng, b.lenT, 95, 160);
        if (m > 0 && rng.chance(0.15))
            --m;
        std::vector<double> tAt{0};
        std::vector<std::uint32_t> tLines{side[SideT0]};
        std::vector<std::uint32_t> roadsHere;
        for (double t : spread(rng, m, b.lenT, prevT, 25)) {
            // A lane aligned with one in the previous strip usually is the same lane.
            std::uint32_t road = kNoRoad;
            for (std::size_t q = 0; q < prevT.size(); ++q)
                if (prevT[q] == t && prevRoads[q] != kNoRoad && rng.chance(0.8))
                    road = prevRoads[q];
            if (road == kNoRoad) {
                DemoRoad r = demoBackStreetClass(rng, 1);
                r.name = names.crossLane(rng);
                road = layout.addRoad(std::move(r));
            }
            const auto line = layout.addLine(road, DemoLine::Kind::AlongS, blockIndex, t);
            const auto nl = layout.attach(sLines[k], t);
            const auto nr = layout.attach(sLines[k + 1], t);
            layout.lines[line].stops = {{sAt[k], nl}, {sAt[k + 1], nr}};
            tAt.push_back(t);
            tLines.push_back(line);
            roadsHere.push_back(road);
        }
        tAt.push_back(1);
        tLines.push_back(side[SideT1]);

        for (std::size_t a = 0; a + 1 < tAt.size(); ++a) {
            DemoCell c;
            c.block = blockIndex;
            c.s0 = sAt[k];
            c.s1 = sAt[k + 1];
            c.t0 = tAt[a];
            c.t1 = tAt[a + 1];
            c.line = {sLines[k], sLines[k + 1], tLines[a], tLines[a + 1]};
            for (int x = 0; x < 4; ++x)
                c.setback[x] =
                    layout.roads[layout.lines[c.line[x]].road].main ? kMainSetback : kBackSetback;
            c.widthS = (c.s1 - c.s0) * b.lenS;
            c.lengthT = (c.t1 - c.t0) * b.lenT;
            layout.cells.push_back(c);
        }
        prevT.assign(tAt.begin() + 1, tAt.end() - 1);
        prevRoads = roadsHere;
    }
}
} // namespace core
