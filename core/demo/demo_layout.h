#pragma once

// Internal to the demo generator (core/demo): the street layout of the synthetic district in
// local metres (origin at the district centre, x east, y north).

#include "core/demo/demo_names.h"
#include "core/demo/demo_random.h"
#include "core/model/geometry.h"

#include <QString>

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace core {

/// Size parameters of one generation scale.
struct DemoScaleParams {
    int columns = 9;         ///< main-road grid cells west-east before the outline is cut
    int rows = 8;            ///< main-road grid cells south-north
    double cellSize = 560;   ///< mean main-road spacing, metres
    int minSubdistricts = 4; ///< 街道 count range
    int maxSubdistricts = 8;
    int sectionCells = 12; ///< a main road changes its name every this many cells
};

/// The four sides of a block or cell in the block's canonical (s, t) frame: through back
/// streets are lines of constant s running from side T0 to side T1.
enum DemoSide : std::uint8_t { SideS0 = 0, SideS1 = 1, SideT0 = 2, SideT1 = 3 };

/// A named street: a main road section or one back street.
struct DemoRoad {
    QString name;
    QString highway; ///< OSM class: primary/secondary/tertiary or a back-street class
    QString service; ///< "alley" for service alleys, else empty
    bool oneway = false;
    bool main = false;
};

/// A straight street line carrying junction nodes ("stops") at parameters along it.
struct DemoLine {
    enum class Kind : std::uint8_t { Edge, AlongT, AlongS };
    std::uint32_t road = 0;
    Kind kind = Kind::Edge;
    std::uint32_t block = 0; ///< AlongT/AlongS: the block whose frame defines the line
    double fixed = 0;        ///< AlongT: the constant s; AlongS: the constant t
    Point a, b;              ///< Edge: the end points (parameter 0 and 1)
    std::vector<std::pair<double, std::uint32_t>> stops; ///< (parameter, node)
};

/// One main-road block: a convex quadrilateral between four main-road intersections, with a
/// bilinear (s, t) frame; lines of constant s or t are straight.
struct DemoBlock {
    int i = 0;
    int j = 0;
    Point bl, br, tr, tl;
    bool transposed = false; ///< false: s runs west-east (u), true: s runs south-north (v)
    double lenS = 0;         ///< metres across s
    double lenT = 0;         ///< metres across t
    std::array<std::uint32_t, 4> side{}; ///< main-edge lines by DemoSide
    int subdistrict = 0;
    /// The point at canonical (s, t) in local metres.
    Point at(double s, double t) const;
};

/// A plot between back streets inside a block, in the block's (s, t) frame.
struct DemoCell {
    std::uint32_t block = 0;
    double s0 = 0, s1 = 1, t0 = 0, t1 = 1;
    std::array<std::uint32_t, 4> line{}; ///< bounding street lines by DemoSide
    std::array<double, 4> setback{};     ///< metres kept free of buildings along each side
    double widthS = 0;                   ///< metres across s
    double lengthT = 0;                  ///< metres across t
    double area() const { return widthS * lengthT; }
};

/// One 街道: its outline (closed ring, local metres), name and the number of blocks in it.
struct DemoSubdistrict {
    QString name;
    std::vector<Point> ring;
    int blocks = 0;
};

/// The street network and plots of the whole district, before content (compounds, anchors)
/// is placed. Coordinates are local metres.
struct DemoLayout {
    std::vector<Point> nodes;
    std::vector<DemoRoad> roads;
    std::vector<DemoLine> lines;
    std::vector<DemoBlock> blocks;
    std::vector<DemoCell> cells;
    std::vector<Point> boundary; ///< the district outline, closed ring
    std::vector<DemoSubdistrict> subdistricts;

    /// The point at `param` along a line.
    Point linePoint(const DemoLine& line, double param) const;
    /// The node at `param` on `line`: an existing stop at exactly that parameter, else a new
    /// node registered as a stop.
    std::uint32_t attach(std::uint32_t line, double param);
    /// The parameter of the stop nearest `param` on `line` when closer than `tolerance`
    /// (in parameter units, end stops excluded), else `param`.
    double snap(std::uint32_t line, double param, double tolerance) const;
    /// Adds a street line to `road`.
    std::uint32_t addLine(std::uint32_t road, DemoLine::Kind kind, std::uint32_t block,
                          double fixed);
    std::uint32_t addRoad(DemoRoad road);
    /// The canonical point of a cell at fractions (fs, ft) of its extent.
    Point cellPoint(const DemoCell& cell, double fs, double ft) const;
};

/// Builds the outline, 街道 partition, main-road grid and back streets. Deterministic in the
/// random stream.
DemoLayout buildDemoLayout(DemoRandom& rng, const DemoScaleParams& params, DemoNames& names);

/// Lays out the back streets and plots of one block whose main-edge lines exist already
/// (its neighbours to the south and west are laid out before it, so streets can line up).
void layoutDemoBlock(DemoLayout& layout, std::uint32_t block, DemoRandom& rng, DemoNames& names);

/// The OSM class (highway, service, oneway) of a new back street; `kind` 0 is a through
/// street, 1 a cross lane, 2 a dead-end alley. The name is left to the caller.
DemoRoad demoBackStreetClass(DemoRandom& rng, int kind);

} // namespace core
