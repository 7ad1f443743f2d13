#include "core/demo/demo_builder.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <set>

namespace core {

namespace {

/// One form of an anchor kind: its name suffix, tags, how often it is drawn, how often it is
/// mapped as a polygon (needing a plot of at least `minArea` m²), and whether its point sits
/// at a main-road frontage (metro entrances).
struct AnchorVariant {
    const char* suffix;
    DemoTags tags;
    double weight;
    double polygonShare;
    double minArea;
    bool mainFront;
};

struct AnchorKind {
    double perBlock; ///< anchors per main-road block
    int minimum;     ///< at least this many, whatever the scale
    std::vector<AnchorVariant> variants;
};

const std::vector<AnchorKind>& anchorKinds() {
    static const std::vector<AnchorKind> kinds{
        {1 / 7.0,
         6,
         {{"农贸市场", {"农贸市场", "marketplace"}, 0.4, 0.5, 6000, false},
          {"菜市场", {"农贸市场", "marketplace"}, 0.4, 0.5, 5000, false},
          {"集贸市场", {"农贸市场", "marketplace"}, 0.2, 0.5, 6000, false}}},
        {1 / 7.0,
         6,
         {{"商场", {"商场超市", nullptr, "mall"}, 0.3, 0.8, 9000, false},
          {"超市", {"商场超市", nullptr, "supermarket"}, 0.5, 0.3, 5000, false},
          {"百货商场", {"商场超市", nullptr, "department_store"}, 0.2, 0.7, 8000, false}}},
        {1 / 4.0,
         6,
         {{"小学", {"学校", "school"}, 0.45, 0.85, 12000, false},
          {"中学", {"学校", "school"}, 0.25, 0.9, 16000, false},
          {"幼儿园", {"学校", "kindergarten"}, 0.3, 0.4, 3000, false}}},
        {1 / 9.0, 6, {{"医院", {"医院", "hospital"}, 1, 0.7, 10000, false}}},
        {1 / 6.0,
         6,
         {{"火车站",
           {"交通场站", nullptr, nullptr, "station", "station", nullptr, "yes"},
           0,
           1,
           25000,
           false},
          {"长途汽车站",
           {"交通场站", "bus_station", nullptr, nullptr, "station"},
           0.3,
           0.7,
           8000,
           false},
          {"公交场站",
           {"交通场站", "bus_station", nullptr, nullptr, "station"},
           0.3,
           0.6,
           6000,
           false},
          {"地铁站",
           {"交通场站", nullptr, nullptr, "station", "station", "subway"},
           0.4,
           0,
           0,
           true}}},
    };
    return kinds;
}

const DemoTags kCommunityTags{"城市社区", "community_centre"};
const DemoTags kToiletTags{"公共厕所", "toilets"};
const DemoTags kParkTags{"公园", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, "park"};

QString u(const char* utf8) {
    return QString::fromUtf8(utf8);
}

} // namespace

int DemoBuilder::pickCell(double minArea, bool needMainSide) {
    const auto n = static_cast<std::uint64_t>(layout_.cells.size());
    for (int attempt = 0; attempt < 400; ++attempt) {
        const auto c = static_cast<std::uint32_t>(rng_.below(n));
        const DemoCell& cell = layout_.cells[c];
        if (use_[c] == Use::Free && cell.area() >= std::max(minArea, 2500.0) && cell.widthS >= 50 &&
            cell.lengthT >= 50 && (!needMainSide || hasMainSide(cell)))
            return static_cast<int>(c);
    }
    return -1;
}

void DemoBuilder::placeAnchors() {
    const auto blocks = static_cast<double>(layout_.blocks.size());
    const int trainStations = options_.scale == DemoScale::City ? 3 : 1;
    int hospitals = 0, middleSchools = 0;
    for (const AnchorKind& kind : anchorKinds()) {
        const int count =
            std::max(kind.minimum, static_cast<int>(std::floor(blocks * kind.perBlock + 0.5)));
        std::vector<double> weights;
        for (const auto& v : kind.variants)
            weights.push_back(v.weight);
        for (int k = 0; k < count; ++k) {
            const bool train = kind.variants.front().weight == 0 && k < trainStations;
            const AnchorVariant& v = kind.variants[train ? 0 : rng_.weighted(weights)];
            int cell = -1;
            const bool polygon = rng_.chance(v.polygonShare);
            if (polygon)
                cell = pickCell(v.minArea, false);
            const bool asPolygon = cell >= 0;
            if (!asPolygon)
                cell = pickCell(2500, v.mainFront);
            if (cell < 0) // a crowded district: any plot will do for a point
                cell = static_cast<int>(rng_.below(layout_.cells.size()));
            const DemoCell& c = layout_.cells[static_cast<std::size_t>(cell)];

            QString name;
            const QString suffix = u(v.suffix);
            if (v.tags.amenity && u(v.tags.amenity) == QLatin1String("hospital") && hospitals < 4) {
                static const char* const fixed[] = {"X区人民医院", "X区中医医院", "X区第二人民医院",
                                                    "X区第三人民医院"};
                name = u(fixed[hospitals++]);
                names_.take(name);
            } else if (suffix == u("中学") && rng_.chance(0.5)) {
                do {
                    name = u("X区第") + demoChineseNumber(++middleSchools) + suffix;
                } while (!names_.take(name));
            } else if (suffix == u("医院")) {
                static const char* const kinds[] = {
                    "医院", "医院", "医院", "骨科医院", "口腔医院", "妇产医院", "中西医结合医院"};
                name = names_.anchor(rng_, roadNames(c), u(kinds[rng_.below(7)]));
            } else {
                name = names_.anchor(rng_, roadNames(c), suffix);
            }

            if (asPolygon) {
                use_[static_cast<std::size_t>(cell)] = Use::Facility;
                const auto r = inner(c);
                addPlace(*facilities_,
                         plotPolygon(c.block, r[0], r[1], r[2], r[3], rng_.chance(0.2)), name,
                         v.tags, subdistrictOf(c));
                continue;
            }
            Point p;
            if (v.mainFront) {
                int side = 0;
                while (side < 3 && !layout_.roads[layout_.lines[c.line[side]].road].main)
                    ++side;
                p = frontPoint(c, side, 9, rng_.range(0.3, 0.7));
            } else {
                if (use_[static_cast<std::size_t>(cell)] == Use::Free)
                    use_[static_cast<std::size_t>(cell)] = Use::PointAnchor;
                p = layout_.cellPoint(c, rng_.range(0.35, 0.65), rng_.range(0.35, 0.65));
            }
            addPlace(*pois_, worldPoint(p), name, v.tags, subdistrictOf(c));
        }
        feedback_.throwIfCanceled();
    }
}

void DemoBuilder::placeParks() {
    const int count = std::max(2, static_cast<int>(layout_.blocks.size() / 14));
    for (int k = 0; k < count; ++k) {
        const int cell = pickCell(15000, false);
        if (cell < 0)
            continue;
        use_[static_cast<std::size_t>(cell)] = Use::Park;
        const DemoCell& c = layout_.cells[static_cast<std::size_t>(cell)];
        QString road;
        for (auto line : c.line)
            if (layout_.roads[layout_.lines[line].road].main)
                road = layout_.roads[layout_.lines[line].road].name;
        const auto r = inner(c);
        addPlace(*facilities_, plotPolygon(c.block, r[0], r[1], r[2], r[3], rng_.chance(0.3)),
                 names_.park(rng_, road), kParkTags, subdistrictOf(c));
    }
}

void DemoBuilder::placeCompounds() {
    for (std::size_t ci = 0; ci < layout_.cells.size(); ++ci) {
        if (ci % 2048 == 0)
            feedback_.throwIfCanceled();
        const DemoCell c = layout_.cells[ci];
        if (use_[ci] != Use::Free || c.area() < 2200)
            continue;
        const DemoBlock& b = layout_.blocks[c.block];
        const auto r = inner(c);
        if ((r[1] - r[0]) * b.lenS < 25 || (r[3] - r[2]) * b.lenT < 25)
            continue;
        use_[ci] = Use::Compound;
        const auto cell = static_cast<std::uint32_t>(ci);
        std::vector<CompoundPlot> plots;
        const bool alley =
            c.widthS >= 100 && c.lengthT >= 80 && rng_.chance(0.45) && addStub(cell, plots);
        if (!alley && c.area() >= 40000 && rng_.chance(0.5)) {
            // Two gated compounds wall to wall, split across the longer side.
            const double f = rng_.range(0.4, 0.6);
            if (c.widthS >= c.lengthT) {
                const double mid = r[0] + (r[1] - r[0]) * f, gap = 3 / b.lenS;
                plots.push_back({cell, r[0], mid - gap, r[2], r[3]});
                plots.push_back({cell, mid + gap, r[1], r[2], r[3]});
            } else {
                const double mid = r[2] + (r[3] - r[2]) * f, gap = 3 / b.lenT;
                plots.push_back({cell, r[0], r[1], r[2], mid - gap});
                plots.push_back({cell, r[0], r[1], mid + gap, r[3]});
            }
        } else if (!alley) {
            plots.push_back({cell, r[0], r[1], r[2], r[3]});
        }
        for (const auto& p : plots)
            addCompound(p.cell, p.s0, p.s1, p.t0, p.t1);
    }
}

bool DemoBuilder::addStub(std::uint32_t cell, std::vector<CompoundPlot>& plots) {
    // A dead-end alley (胡同/巷) into the plot from one of its cross streets, with a compound
    // on either side of it.
    const DemoCell c = layout_.cells[cell];
    const DemoBlock& b = layout_.blocks[c.block];
    const bool fromT1 = rng_.chance(0.5);
    const std::uint32_t startLine = c.line[fromT1 ? SideT1 : SideT0];
    const double lo = c.s0 + 45 / b.lenS, hi = c.s1 - 45 / b.lenS;
    double s = c.s0 + (c.s1 - c.s0) * rng_.range(0.38, 0.62);
    const double snapped = layout_.snap(startLine, s, 15 / b.lenS);
    if (snapped < lo || snapped > hi)
        return false; // a junction too close by and no room to line up with it: no alley
    s = snapped;
    const double depth = (c.t1 - c.t0) * rng_.range(0.45, 0.72);
    const double tStart = fromT1 ? c.t1 : c.t0;
    const double tEnd = fromT1 ? c.t1 - depth : c.t0 + depth;

    DemoRoad road = demoBackStreetClass(rng_, 2);
    road.name = names_.alleyOff(rng_, layout_.roads[layout_.lines[startLine].road].name);
    const auto line =
        layout_.addLine(layout_.addRoad(std::move(road)), DemoLine::Kind::AlongT, c.block, s);
    const auto start = layout_.attach(startLine, s);
    layout_.nodes.push_back(b.at(s, tEnd));
    const auto end = static_cast<std::uint32_t>(layout_.nodes.size() - 1);
    layout_.lines[line].stops = {{tStart, start}, {tEnd, end}};

    const auto r = inner(c);
    const double gap = 4 / b.lenS;
    if ((s - gap - r[0]) * b.lenS >= 20)
        plots.push_back({cell, r[0], s - gap, r[2], r[3]});
    if ((r[1] - s - gap) * b.lenS >= 20)
        plots.push_back({cell, s + gap, r[1], r[2], r[3]});
    return true;
}

void DemoBuilder::addCompound(std::uint32_t cell, double s0, double s1, double t0, double t1) {
    const DemoCell& c = layout_.cells[cell];
    Geometry g = plotPolygon(c.block, s0, s1, t0, t1, rng_.chance(0.3));
    const double area = planarArea(g);
    QString fallbackRoad;
    for (auto line : c.line)
        if (fallbackRoad.isEmpty() || layout_.roads[layout_.lines[line].road].main)
            fallbackRoad = layout_.roads[layout_.lines[line].road].name;
    const QString name = names_.compound(rng_, fallbackRoad);
    const auto households = static_cast<qlonglong>(std::floor(area * rng_.range(0.012, 0.03)));
    compounds_.push_back({cell, s0, s1, t0, t1});
    Feature f;
    f.fid = static_cast<std::int64_t>(compoundLayer_->features.size()) + 1;
    f.geometry = std::move(g);
    f.attributes = {name,
                    u("居民小区"),
                    QStringLiteral("residential"),
                    QVariant(households),
                    QVariant(std::floor(area * 10 + 0.5) / 10),
                    subdistrictOf(c)};
    compoundLayer_->features.push_back(std::move(f));
}

void DemoBuilder::placeCommunities() {
    // 社区居委会 and 党群服务中心 sit inside residential compounds.
    const int count = std::max(8, static_cast<int>(std::floor(layout_.blocks.size() / 3.5 + 0.5)));
    std::set<std::size_t> taken;
    for (int k = 0; k < count && !compounds_.empty(); ++k) {
        std::size_t pick = 0;
        for (int attempt = 0; attempt < 50; ++attempt) {
            pick = static_cast<std::size_t>(rng_.below(compounds_.size()));
            if (!taken.count(pick))
                break;
        }
        taken.insert(pick);
        const CompoundPlot& plot = compounds_[pick];
        const DemoCell& c = layout_.cells[plot.cell];
        const Point p =
            layout_.blocks[c.block].at((plot.s0 + plot.s1) / 2, (plot.t0 + plot.t1) / 2);
        const QString suffix = rng_.chance(0.6) ? u("社区居委会") : u("社区党群服务中心");
        addPlace(*pois_, worldPoint(p), names_.anchor(rng_, roadNames(c), suffix), kCommunityTags,
                 subdistrictOf(c));
    }
}

void DemoBuilder::placeToilets() {
    // Roughly one public toilet per 500 m of main road: one or two per block, at a frontage.
    QHash<QString, int> perStreet;
    for (std::size_t bi = 0; bi < layout_.blocks.size(); ++bi) {
        const std::uint32_t first = firstCell_[bi], last = firstCell_[bi + 1];
        if (first >= last)
            continue;
        const int n = rng_.chance(0.6) ? 2 : 1;
        for (int k = 0; k < n; ++k) {
            const DemoCell& c = layout_.cells[first + rng_.below(last - first)];
            const int side = static_cast<int>(rng_.below(4));
            const Point p = frontPoint(c, side, c.setback[side] * 0.5, rng_.range(0.2, 0.8));
            const QString street = layout_.roads[layout_.lines[c.line[side]].road].name;
            const int nth = ++perStreet[street];
            const QString name =
                street + (nth == 1 ? QString() : u("第") + demoChineseNumber(nth)) + u("公共厕所");
            addPlace(*pois_, worldPoint(p), name, kToiletTags, subdistrictOf(c));
        }
    }
}

} // namespace core
