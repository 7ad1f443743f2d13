#include "gis/analysis/candidates.h"

#include "core/index/spatial_index.h"
#include "gis/analysis/detail/geos_handles.h"
#include "gis/analysis/detail/planar.h"
#include "gis/analysis/ring.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace gis {

namespace {

constexpr double kChordError = 0.1; ///< metres; ring buffers stay this close to the circle

/// Metres of doubt kept around a bound: far above the rounding of any distance computed here
/// (about 1e-9 m for coordinates in the millions), so a bound settles a comparison only when
/// the exact distance must fall on the same side.
constexpr double kMarginM = 1e-3;

/// GEOS builds a buffer of r from an input simplified by up to 1% of r, on the outer side only,
/// with chords inside the true offset curve: every point of it lies within r * 1.01 (plus
/// rounding) of the anchor, and every point within r - maxChordError lies inside it. The
/// factor and slack below cover both with room to spare.
constexpr double kBufferGrowth = 1.05;
constexpr double kBufferSlack = 1.0; ///< planar units (metres)

/// Vertex pairs (anchor by unit) up to which distances to a polygon anchor's rings are worked
/// out here before GEOS is asked: past that GEOS's indexed distance is the quicker.
constexpr std::size_t kMaxBoundaryPairs = 4096;

/// LazyDistance without a second pair of bounds.
struct NoTighterBounds {
    std::optional<std::pair<double, double>> operator()() const { return std::nullopt; }
};

/// A distance (metres) known to lie in [lo, hi] until a comparison the bounds cannot settle
/// asks for better ones: first from `tighter()`, then from `tightest()` (each cheaper than the
/// exact value; nullopt when it has none), then the exact value, which `exact()` computes once.
/// Compares exactly like the exact value would, so a unit is in or out of a ring exactly as
/// with the exact distance alone.
template <typename Exact, typename Tighter = NoTighterBounds, typename Tightest = NoTighterBounds>
class LazyDistance {
public:
    LazyDistance(double lo, double hi, Exact exact, Tighter tighter = {}, Tightest tightest = {})
        : lo_(lo), hi_(hi), exact_(std::move(exact)), tighter_(std::move(tighter)),
          tightest_(std::move(tightest)) {}

    /// d <= limit
    bool atMost(double limit) {
        for (;;) {
            if (known_)
                return value_ <= limit;
            if (hi_ + kMarginM <= limit)
                return true;
            if (lo_ - kMarginM > limit)
                return false;
            narrow();
        }
    }
    /// d < limit
    bool below(double limit) {
        for (;;) {
            if (known_)
                return value_ < limit;
            if (hi_ + kMarginM < limit)
                return true;
            if (lo_ - kMarginM >= limit)
                return false;
            narrow();
        }
    }
    /// The first of `steps` (ascending) that d is within, as CandidateFinder's firstStep.
    std::optional<double> firstStep(const std::vector<double>& steps) {
        for (double s : steps)
            if (atMost(s))
                return s;
        return std::nullopt;
    }

private:
    void narrow() {
        while (tier_ < 2) {
            const auto bounds = tier_++ == 0 ? tighter_() : tightest_();
            if (bounds) {
                lo_ = bounds->first;
                hi_ = bounds->second;
                return;
            }
        }
        value_ = exact_();
        known_ = true;
    }

    double lo_;
    double hi_;
    Exact exact_;
    Tighter tighter_;
    Tightest tightest_;
    double value_ = 0;
    bool known_ = false;
    int tier_ = 0; ///< tighter bounds asked for so far
};

/// An anchor made ready for distance questions (planar units of the working CRS).
struct Frame {
    const AnchorSite* site = nullptr;
    double k = 1;         ///< planar units per metre
    bool isPoint = false; ///< a single point: exact distances without GEOS
    core::Point point;    ///< when isPoint
    core::Box bounds;     ///< of the anchor geometry
    core::Point center;   ///< of `bounds`: every point of the anchor lies within `radius` of it
    double radius = 0;    ///< planar units
    /// A polygon anchor, one ring, convex: the distance to it is a convex function, so along a
    /// segment it is largest at an end.
    bool convex = false;
    detail::GeomPtr geom; ///< otherwise
    detail::PreparedPtr prepared;
    detail::GeomPtr innerBuffer; ///< made on first use (innerOf)
    detail::PreparedPtr innerPrepared;
};

/// Order-preserving ranks of the units' keys (equal keys, equal ranks): what a ranked
/// core::CandidateSet carries instead of keys.
template <typename Unit>
std::vector<std::uint32_t> keyRanks(const std::vector<Unit>& units) {
    std::vector<std::uint32_t> order(units.size());
    std::iota(order.begin(), order.end(), 0u);
    const auto byKey = [&](std::uint32_t a, std::uint32_t b) {
        return QString::compare(units[a].key, units[b].key, Qt::CaseSensitive) < 0;
    };
    // buildUniverse hands over units sorted by key: one pass confirms it.
    if (!std::is_sorted(order.begin(), order.end(), byKey))
        std::stable_sort(order.begin(), order.end(), byKey);
    std::vector<std::uint32_t> ranks(units.size());
    std::uint32_t rank = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && units[order[i]].key != units[order[i - 1]].key)
            ++rank;
        ranks[order[i]] = rank;
    }
    return ranks;
}

} // namespace

struct CandidateFinder::Impl {
    const DrawUniverse& u;
    core::DrawParameters params;
    ScaleProbe probe;
    detail::GeosContext ctx;
    core::SpatialIndex streetIndex;
    core::SpatialIndex compoundIndex;
    std::vector<detail::GeomPtr> streetGeoms; ///< made on first use
    std::vector<std::optional<core::Point>> midpoints;
    std::vector<double> scales;               ///< per anchor, NaN until computed
    std::vector<std::uint32_t> streetRanks;   ///< per street, keyRanks()
    std::vector<std::uint32_t> compoundRanks; ///< per compound, keyRanks()
    /// Per street, the bounding box of its vertices; per compound, of what decides whether it
    /// is in a ring (its centroid, or its polygon): kept side by side, since every anchor
    /// scans thousands of them.
    std::vector<core::Box> streetBoxes;
    std::vector<core::Box> compoundReach;
    bool deferDetails = false;       ///< findForDraw: names, sources and GEOS nearest points later
    std::optional<Frame> completing; ///< completeDrawn: the frame of the last anchor asked for
    std::size_t completingAnchor = 0;

    Impl(const DrawUniverse& universe, const core::DrawParameters& p, const Crs& working)
        : u(universe), params(p), probe(working), streetGeoms(universe.streets.size()),
          midpoints(universe.streets.size()),
          scales(universe.anchors.size(), std::numeric_limits<double>::quiet_NaN()),
          streetRanks(keyRanks(universe.streets)), compoundRanks(keyRanks(universe.compounds)) {
        std::vector<core::Box> boxes;
        for (const auto& s : u.streets) {
            boxes.push_back(s.bounds);
            streetBoxes.push_back(s.geometry.bounds());
        }
        streetIndex = core::SpatialIndex(boxes);
        boxes.clear();
        for (const auto& c : u.compounds) {
            boxes.push_back(c.bounds);
            core::Box reach = c.bounds;
            if (params.compoundRule == core::CompoundRule::Centroid) {
                reach = {};
                reach.expand(c.centroid);
            }
            compoundReach.push_back(reach);
        }
        compoundIndex = core::SpatialIndex(boxes);
    }

    double scale(std::size_t anchor) {
        if (std::isnan(scales[anchor]))
            scales[anchor] = probe.scaleAt(u.anchors[anchor].location);
        return scales[anchor];
    }

    const GEOSGeometry* streetGeom(std::size_t i) {
        if (!streetGeoms[i])
            streetGeoms[i] = detail::toGeos(ctx, u.streets[i].geometry);
        return streetGeoms[i].get();
    }

    Frame frame(std::size_t anchor) {
        Frame f;
        f.site = &u.anchors[anchor];
        f.k = scale(anchor);
        const auto& g = f.site->geometry;
        f.bounds = g.bounds();
        f.center = f.bounds.center();
        f.radius = std::hypot(f.bounds.width(), f.bounds.height()) / 2;
        f.isPoint = g.kind == core::GeometryKind::Point && g.points.size() == 1;
        if (f.isPoint) {
            f.point = g.points.front();
            return f;
        }
        f.convex = isConvexRing(g);
        f.geom = detail::toGeos(ctx, g);
        f.prepared = detail::prepare(ctx, f.geom.get());
        return f;
    }

    /// The distance (planar units) from a polygon anchor's rings to `g` (every pair of edges
    /// and segments, so only when that is a small job), when it is the distance to the anchor
    /// itself: beyond the anchor's diameter nothing of `g` can lie inside it. nullopt
    /// otherwise, and the caller asks GEOS.
    static std::optional<double> boundaryDistance(const Frame& f, const core::Geometry& g) {
        if (f.site->geometry.points.size() * g.points.size() > kMaxBoundaryPairs)
            return std::nullopt;
        const double d = std::sqrt(detail::lineLineDistanceSquared(f.site->geometry, g));
        if (d <= beyondAnchor(f))
            return std::nullopt;
        return d;
    }

    /// As boundaryDistance(), from a point.
    static std::optional<double> boundaryDistance(const Frame& f, core::Point p) {
        const double d = std::sqrt(detail::pointLineDistanceSquared(p, f.site->geometry));
        if (d <= beyondAnchor(f))
            return std::nullopt;
        return d;
    }

    /// Planar distance from a polygon anchor's rings beyond which a point cannot lie inside it
    /// (every point inside lies within the box's diagonal of the rings), with room for
    /// rounding.
    static double beyondAnchor(const Frame& f) { return 2 * f.radius + kBufferSlack; }

    /// True for a convex polygon of one ring: every vertex on the same side of every edge
    /// (which a self-crossing ring like a star fails). Rings of more than 64 vertices are not
    /// checked (false).
    static bool isConvexRing(const core::Geometry& g) {
        if (g.kind != core::GeometryKind::Polygon || g.partCount() != 1)
            return false;
        const auto b = g.partBegin(0);
        auto e = g.partEnd(0);
        if (e > b && g.points[e - 1] == g.points[b])
            --e; // a closed ring repeats its first vertex
        const std::uint32_t n = e - b;
        if (n < 3 || n > 64)
            return false;
        int sign = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
            const core::Point p = g.points[b + i];
            const core::Point q = g.points[b + (i + 1) % n];
            for (std::uint32_t j = 0; j < n; ++j) {
                const double c = detail::cross(p, q, g.points[b + j]);
                const int side = c > 0 ? 1 : c < 0 ? -1 : 0;
                if (side == 0)
                    continue;
                if (sign != 0 && side != sign)
                    return false;
                sign = side;
            }
        }
        return sign != 0;
    }

    /// The anchor's inner buffer (params.innerM > 0, not a single point), prepared.
    const GEOSPreparedGeometry* innerOf(Frame& f) {
        if (!f.innerPrepared) {
            const double r = params.innerM * f.k;
            f.innerBuffer = detail::own(
                ctx, GEOSBuffer_r(ctx.get(), f.geom.get(), r, quadrantSegmentsFor(r, kChordError)),
                "buffering an anchor");
            f.innerPrepared = detail::prepare(ctx, f.innerBuffer.get());
        }
        return f.innerPrepared.get();
    }

    /// The frame of `anchor` for completeDrawn, kept while the same anchor is asked again.
    Frame& completingFrame(std::size_t anchor) {
        if (!completing || completingAnchor != anchor) {
            completing.reset();
            completing.emplace(frame(anchor));
            completingAnchor = anchor;
        }
        return *completing;
    }

    /// Distance in metres from the anchor to a point.
    double distanceTo(const Frame& f, core::Point p) {
        if (f.isPoint)
            return detail::distance(f.point, p) / f.k;
        const auto g = detail::toGeos(ctx, p);
        double d = 0;
        GEOSPreparedDistance_r(ctx.get(), f.prepared.get(), g.get(), &d);
        return d / f.k;
    }

    /// True when everything in `box` is certainly farther than `reachM` metres from the anchor:
    /// the gap between the bounding boxes is a lower bound of any distance between their
    /// contents, and the margin covers rounding, so skipping such units changes no result.
    /// (Squares compared: rounding there is far inside the margin.)
    static bool beyond(const Frame& f, const core::Box& box, double reachM) {
        const double dx =
            std::max(0.0, std::max(box.minX - f.bounds.maxX, f.bounds.minX - box.maxX));
        const double dy =
            std::max(0.0, std::max(box.minY - f.bounds.maxY, f.bounds.minY - box.maxY));
        const double reach = (reachM + 1e-6) * f.k;
        return dx * dx + dy * dy > reach * reach;
    }

    /// Nearest distance (metres) from the anchor to a street, and the street's nearest point
    /// (left unset when the street lies farther than `reachM`: the caller drops it).
    double nearest(const Frame& f, std::size_t street, core::Point& at, double reachM) {
        if (f.isPoint)
            return detail::pointLineDistance(f.point, u.streets[street].geometry, &at) / f.k;
        const GEOSGeometry* sg = streetGeom(street);
        double d = 0;
        GEOSPreparedDistance_r(ctx.get(), f.prepared.get(), sg, &d);
        if (d / f.k > reachM)
            return d / f.k;
        if (deferDetails) {
            at = {std::numeric_limits<double>::quiet_NaN(),
                  std::numeric_limits<double>::quiet_NaN()};
            return d / f.k;
        }
        nearestPoint(f, sg, at);
        return d / f.k;
    }

    /// GEOS's nearest point of a street to a polygon anchor.
    void nearestPoint(const Frame& f, const GEOSGeometry* sg, core::Point& at) {
        GEOSCoordSequence* seq = GEOSPreparedNearestPoints_r(ctx.get(), f.prepared.get(), sg);
        if (seq) {
            double x = 0;
            double y = 0;
            GEOSCoordSeq_getXY_r(ctx.get(), seq, 1, &x, &y);
            at = {x, y};
            GEOSCoordSeq_destroy_r(ctx.get(), seq);
        }
    }

    /// True when some point of the street lies at inner distance or beyond.
    bool reachesInner(Frame& f, std::size_t street) {
        if (params.innerM <= 0)
            return true;
        if (f.isPoint)
            return detail::farthestVertexDistance(f.point, u.streets[street].geometry) / f.k >=
                   params.innerM;
        return GEOSPreparedContains_r(ctx.get(), innerOf(f), streetGeom(street)) == 0;
    }

    /// reachesInner(), asking GEOS only when the street's farthest vertex from the centre of
    /// the anchor's box lies near the inner buffer's edge: a vertex farther than any point of
    /// the buffer leaves it, a street whose vertices all lie well inside it stays inside
    /// (a disc around the centre holds the segments between them too).
    bool reachesInnerBounded(Frame& f, std::size_t street) {
        if (params.innerM <= 0)
            return true;
        const auto& g = u.streets[street].geometry;
        const core::Box& box = streetBoxes[street];
        if (f.isPoint) {
            // As reachesInner(), from the street's box where it settles the answer, else from
            // its vertices, with the exact distance only where rounding could matter.
            LazyDistance far(
                detail::farthestVertexLowerBound(f.point, box) / f.k,
                detail::boxFarthestDistance(f.point, box) / f.k,
                [&] { return detail::farthestVertexDistance(f.point, g) / f.k; },
                [&] {
                    const double approx =
                        std::sqrt(detail::farthestVertexDistanceSquared(f.point, g)) / f.k;
                    return std::optional(std::pair(approx, approx));
                });
            return !far.below(params.innerM);
        }
        const double r = params.innerM * f.k;
        // The same two tests from the street's box first: its vertices lie no farther than its
        // farthest corner, and one lies no nearer than its farther sides.
        if (detail::farthestVertexLowerBound(f.center, box) - f.radius >
            r * kBufferGrowth + kBufferSlack)
            return true;
        if (detail::boxFarthestDistance(f.center, box) + f.radius < r - kBufferSlack)
            return false;
        const double far = std::sqrt(detail::farthestVertexDistanceSquared(f.center, g));
        if (far - f.radius > r * kBufferGrowth + kBufferSlack)
            return true;
        if (far + f.radius < r - kBufferSlack)
            return false;
        // Then from each vertex's distance to the anchor's rings, which is its distance to the
        // anchor where boundaryDistance() says so and an upper bound of it everywhere: a vertex
        // beyond the buffer leaves it; a street whose vertices all lie well inside the buffer
        // of a convex anchor stays inside (along a segment the distance peaks at an end).
        if (g.points.size() * f.site->geometry.points.size() <= kMaxBoundaryPairs) {
            double farthest = 0;
            for (const auto& p : g.points) {
                const double d = std::sqrt(detail::pointLineDistanceSquared(p, f.site->geometry));
                if (d > beyondAnchor(f) && d > r * kBufferGrowth + kBufferSlack)
                    return true;
                farthest = std::max(farthest, d);
            }
            if (f.convex && farthest < r - kBufferSlack)
                return false;
        }
        return reachesInner(f, street);
    }

    /// For a draw (StreetRule::AnyPart): the step at which the street is a candidate, decided
    /// as addStreets decides it for find(), but with GEOS asked about a polygon anchor only
    /// where bounds from the centre of the anchor's box leave the answer open.
    std::optional<double> anyPartStep(Frame& f, std::size_t street,
                                      const std::vector<double>& steps) {
        const auto& g = u.streets[street].geometry;
        const auto exact = [&] {
            core::Point near;
            return nearest(f, street, near, steps.back());
        };
        // Bounds from the street's box (which settle most streets without reading a vertex),
        // then from its vertices: for a point anchor both of those are the distance itself, up
        // to rounding.
        const core::Point from = f.isPoint ? f.point : f.center;
        const core::Box& box = streetBoxes[street];
        const auto fromVertices = [&] {
            const double dc = std::sqrt(detail::pointLineDistanceSquared(from, g));
            return std::optional(
                std::pair(std::max(0.0, dc - f.radius) / f.k, (dc + f.radius) / f.k));
        };
        // For a polygon anchor, then the distance to its rings, where that is the distance.
        const auto fromRings = [&]() -> std::optional<std::pair<double, double>> {
            if (f.isPoint)
                return std::nullopt;
            const auto d = boundaryDistance(f, g);
            if (!d)
                return std::nullopt;
            return std::pair(*d / f.k, *d / f.k);
        };
        LazyDistance d(std::max(0.0, detail::boxNearestDistance(from, box) - f.radius) / f.k,
                       (detail::nearestVertexUpperBound(from, box) + f.radius) / f.k, exact,
                       fromVertices, fromRings);
        if (!d.atMost(steps.back()) || !reachesInnerBounded(f, street))
            return std::nullopt;
        return d.firstStep(steps);
    }

    /// A point of the street at distance >= inner, as near the inner circle as bisection gets
    /// (the street crosses the inner circle there).
    core::Point innerCrossing(const Frame& f, std::size_t street, double& dist) {
        const auto& g = u.streets[street].geometry;
        std::optional<core::Point> best;
        double bestD = std::numeric_limits<double>::infinity();
        detail::forEachSegment(g, [&](core::Point a, core::Point b) {
            const double da = distanceTo(f, a);
            const double db = distanceTo(f, b);
            if ((da < params.innerM) == (db < params.innerM))
                return;
            core::Point in = da < params.innerM ? a : b;
            core::Point out = da < params.innerM ? b : a;
            for (int i = 0; i < 60; ++i) {
                const core::Point mid{(in.x + out.x) / 2, (in.y + out.y) / 2};
                (distanceTo(f, mid) < params.innerM ? in : out) = mid;
            }
            const double d = distanceTo(f, out);
            if (d < bestD) {
                bestD = d;
                best = out;
            }
        });
        if (!best) {
            // Every vertex lies inside: the street leaves the inner circle mid-segment (only
            // possible around a concave polygon anchor); its farthest vertex stands in.
            for (const auto& p : g.points) {
                const double d = distanceTo(f, p);
                if (!best || d > bestD) {
                    bestD = d;
                    best = p;
                }
            }
        }
        dist = bestD;
        return *best;
    }

    core::Point midpoint(std::size_t street) {
        if (midpoints[street])
            return *midpoints[street];
        const auto& s = u.streets[street];
        const auto merged =
            detail::own(ctx, GEOSLineMerge_r(ctx.get(), streetGeom(street)), "merging a street");
        core::Point m;
        if (GEOSGeomTypeId_r(ctx.get(), merged.get()) == GEOS_LINESTRING) {
            const auto p =
                detail::own(ctx, GEOSInterpolateNormalized_r(ctx.get(), merged.get(), 0.5),
                            "finding a midpoint");
            GEOSGeomGetX_r(ctx.get(), p.get(), &m.x);
            GEOSGeomGetY_r(ctx.get(), p.get(), &m.y);
        } else {
            detail::pointLineDistance(s.centroid, s.geometry, &m);
        }
        midpoints[street] = m;
        return m;
    }

    std::optional<double> firstStep(double d, const std::vector<double>& steps) const {
        for (double s : steps)
            if (d <= s)
                return s;
        return std::nullopt;
    }

    core::Geometry ringAt(const Frame& f, double outerM) const {
        return ringPolygon(f.site->geometry, params.innerM * f.k, outerM * f.k, kChordError);
    }

    /// The distance a street candidate keeps and the point it is measured to, by the street
    /// rule, from its nearest distance `dmin` and nearest point `near`: AnyPart, the nearest
    /// in-ring point (the crossing of the inner circle when the nearest point lies inside it);
    /// Midpoint, the street's middle; LengthShare, as AnyPart.
    void measureStreet(Frame& f, std::size_t i, double dmin, core::Point near,
                       core::DrawCandidate& c) {
        if (params.streetRule == core::StreetRule::Midpoint) {
            c.nearPoint = midpoint(i);
            c.distanceM = distanceTo(f, c.nearPoint);
            return;
        }
        c.distanceM =
            params.streetRule == core::StreetRule::AnyPart ? dmin : std::max(dmin, params.innerM);
        c.nearPoint = near;
        if (dmin < params.innerM)
            c.nearPoint = innerCrossing(f, i, c.distanceM);
    }

    void addStreets(Frame& f, core::CandidateSet& out) {
        const auto steps = params.outerSteps();
        const double reach = steps.back() * f.k;
        const core::Box box = f.site->geometry.bounds().buffered(reach);
        std::vector<std::pair<double, detail::GeomPtr>> shareRings;
        const bool quick = deferDetails && params.streetRule == core::StreetRule::AnyPart;
        const auto hits = streetIndex.query(box);
        if (deferDetails)
            out.rankedStreets.reserve(hits.size());
        else
            out.streets.reserve(hits.size());
        for (std::uint32_t i : hits) {
            if (beyond(f, streetBoxes[i], steps.back()))
                continue;
            if (quick) {
                // A draw needs the step of every candidate, the distances of the drawn few
                // only: completeDrawn() measures those as find() does.
                if (const auto step = anyPartStep(f, i, steps))
                    out.rankedStreets.push_back({streetRanks[i], i, *step});
                continue;
            }
            core::DrawCandidate c;
            core::Point near;
            const double dmin = nearest(f, i, near, steps.back());
            if (dmin > steps.back())
                continue;
            std::optional<double> step;
            if (params.streetRule == core::StreetRule::AnyPart) {
                if (!reachesInner(f, i))
                    continue;
                step = firstStep(dmin, steps);
                if (step && !deferDetails)
                    measureStreet(f, i, dmin, near, c);
            } else if (params.streetRule == core::StreetRule::Midpoint) {
                const double d = distanceTo(f, midpoint(i));
                if (d >= params.innerM)
                    step = firstStep(d, steps);
                if (step && !deferDetails)
                    measureStreet(f, i, dmin, near, c);
            } else {
                if (shareRings.empty())
                    for (double s : steps) {
                        const auto r = ringAt(f, s);
                        shareRings.emplace_back(s, detail::toGeos(ctx, r));
                    }
                const double total = u.streets[i].planarLength;
                for (const auto& [s, ring] : shareRings) {
                    const auto part =
                        detail::own(ctx, GEOSIntersection_r(ctx.get(), streetGeom(i), ring.get()),
                                    "clipping a street");
                    double len = 0;
                    GEOSLength_r(ctx.get(), part.get(), &len);
                    if (total > 0 && len / total * 100.0 >= params.streetSharePercent) {
                        step = s;
                        if (!deferDetails)
                            measureStreet(f, i, dmin, near, c);
                        break;
                    }
                }
            }
            if (!step)
                continue;
            if (deferDetails) {
                out.rankedStreets.push_back({streetRanks[i], i, *step});
                continue;
            }
            const auto& s = u.streets[i];
            c.rank = streetRanks[i];
            c.key = s.key;
            c.name = s.name;
            c.source = s.source;
            c.measure = u.streetLengthM[i];
            c.eligibleOuterM = *step;
            c.unit = i;
            out.streets.push_back(std::move(c));
        }
    }

    void addCompounds(Frame& f, core::CandidateSet& out) {
        const auto steps = params.outerSteps();
        const core::Box box = f.site->geometry.bounds().buffered(steps.back() * f.k);
        const auto hits = compoundIndex.query(box);
        if (deferDetails)
            out.rankedCompounds.reserve(hits.size());
        else
            out.compounds.reserve(hits.size());
        for (std::uint32_t i : hits) {
            const bool centroidRule = params.compoundRule == core::CompoundRule::Centroid;
            if (centroidRule && deferDetails && f.isPoint) {
                // The most common case in a city, kept lean: the centroid (compoundReach holds
                // it) from a point, the exact distance only within a millimetre of a limit.
                const core::Point c{compoundReach[i].minX, compoundReach[i].minY};
                const double dx = c.x - f.point.x;
                const double dy = c.y - f.point.y;
                const double approx = std::sqrt(dx * dx + dy * dy) / f.k;
                LazyDistance d(approx, approx, [&] { return distanceTo(f, c); });
                if (d.below(params.innerM))
                    continue;
                if (const auto step = d.firstStep(steps))
                    out.rankedCompounds.push_back({compoundRanks[i], i, *step});
                continue;
            }
            if (beyond(f, compoundReach[i], steps.back()))
                continue;
            const auto& cu = u.compounds[i];
            if (centroidRule && deferDetails && !f.isPoint) {
                // As below, with GEOS asked only where bounds from the centre of the anchor's
                // box leave the answer open; completeDrawn() measures the drawn ones.
                const double dcc = detail::distance(f.center, cu.centroid);
                LazyDistance d(
                    std::max(0.0, dcc - f.radius) / f.k, (dcc + f.radius) / f.k,
                    [&] { return distanceTo(f, cu.centroid); },
                    [&]() -> std::optional<std::pair<double, double>> {
                        const auto ring = boundaryDistance(f, cu.centroid);
                        if (!ring)
                            return std::nullopt;
                        return std::pair(*ring / f.k, *ring / f.k);
                    });
                if (d.below(params.innerM))
                    continue;
                if (const auto step = d.firstStep(steps))
                    out.rankedCompounds.push_back({compoundRanks[i], i, *step});
                continue;
            }
            const double dc = distanceTo(f, cu.centroid);
            std::optional<double> step;
            if (params.compoundRule == core::CompoundRule::Centroid) {
                if (dc >= params.innerM)
                    step = firstStep(dc, steps);
            } else {
                const auto g = detail::toGeos(ctx, cu.geometry);
                double d = 0;
                if (f.isPoint) {
                    const auto p = detail::toGeos(ctx, f.point);
                    GEOSDistance_r(ctx.get(), p.get(), g.get(), &d);
                } else {
                    GEOSPreparedDistance_r(ctx.get(), f.prepared.get(), g.get(), &d);
                }
                d /= f.k;
                bool reaches = true;
                if (params.innerM > 0) {
                    if (f.isPoint)
                        reaches = detail::farthestVertexDistance(f.point, cu.geometry) / f.k >=
                                  params.innerM;
                    else
                        reaches = GEOSPreparedContains_r(ctx.get(), innerOf(f), g.get()) == 0;
                }
                if (reaches)
                    step = firstStep(d, steps);
            }
            if (!step)
                continue;
            if (deferDetails) {
                out.rankedCompounds.push_back({compoundRanks[i], i, *step});
                continue;
            }
            core::DrawCandidate c;
            c.rank = compoundRanks[i];
            c.key = cu.key;
            c.name = cu.name;
            c.source = cu.source;
            c.measure = cu.areaM2;
            c.distanceM = dc;
            c.eligibleOuterM = *step;
            c.nearPoint = cu.centroid;
            c.unit = i;
            out.compounds.push_back(std::move(c));
        }
    }
};

CandidateFinder::CandidateFinder(const DrawUniverse& universe, const core::DrawParameters& params,
                                 const Crs& working)
    : impl_(std::make_unique<Impl>(universe, params, working)) {}

CandidateFinder::~CandidateFinder() = default;
CandidateFinder::CandidateFinder(CandidateFinder&&) noexcept = default;

core::CandidateSet CandidateFinder::find(std::size_t anchor) {
    Frame f = impl_->frame(anchor);
    core::CandidateSet out;
    impl_->deferDetails = false;
    impl_->addStreets(f, out);
    impl_->addCompounds(f, out);
    return out;
}

core::CandidateSet CandidateFinder::findForDraw(std::size_t anchor) {
    Frame f = impl_->frame(anchor);
    core::CandidateSet out;
    impl_->deferDetails = true;
    impl_->addStreets(f, out);
    impl_->addCompounds(f, out);
    impl_->deferDetails = false;
    out.ranked = true;
    return out;
}

void CandidateFinder::completeDrawn(std::size_t anchor, core::DrawCandidate& item, bool street) {
    auto& d = *impl_;
    const auto& u = d.u;
    Frame& f = d.completingFrame(anchor);
    if (!street) {
        const auto& c = u.compounds[item.unit];
        item.key = c.key;
        item.name = c.name;
        item.source = c.source;
        item.measure = c.areaM2;
        item.distanceM = d.distanceTo(f, c.centroid);
        item.nearPoint = c.centroid;
        return;
    }
    const auto& s = u.streets[item.unit];
    item.key = s.key;
    item.name = s.name;
    item.source = s.source;
    item.measure = u.streetLengthM[item.unit];
    core::Point near;
    const double dmin = d.nearest(f, item.unit, near, d.params.outerSteps().back());
    d.measureStreet(f, item.unit, dmin, near, item);
}

double CandidateFinder::scaleOf(std::size_t anchor) const {
    return impl_->scale(anchor);
}

core::Geometry CandidateFinder::ring(std::size_t anchor, double outerM) const {
    const double k = impl_->scale(anchor);
    return ringPolygon(impl_->u.anchors[anchor].geometry, impl_->params.innerM * k, outerM * k,
                       kChordError);
}

core::Point CandidateFinder::toLonLat(core::Point p) const {
    return impl_->probe.toLonLat(p);
}

} // namespace gis
