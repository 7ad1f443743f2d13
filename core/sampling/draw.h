#pragma once

#include "core/model/geometry.h"
#include "core/model/roles.h"
#include "core/sampling/draw_parameters.h"
#include "core/util/feedback.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace core {

/// An anchor as the draw sees it. Geometry stays with the caller (gis/analysis), which finds
/// the anchor again through `site`.
struct DrawAnchor {
    Role kind = Role::Market;
    QString name;
    QString key;    ///< stable sort key from name and geometry, never feature ids or file order
    QString source; ///< where it came from, for people ("points #123")
    Point location; ///< a point on the anchor, working CRS
    std::uint32_t site = 0; ///< the caller's index of this anchor
};

/// A back street or compound in one anchor's ring.
struct DrawCandidate {
    /// Stable sort key (name and geometry); equal keys are one unit. Empty in an item drawn
    /// from a ranked CandidateSet until the caller fills it in.
    QString key;
    /// For an item drawn from a ranked CandidateSet: its RankedCandidate::rank.
    std::uint32_t rank = 0;
    QString name;
    double measure = 0;        ///< street length in m, or compound area in m2
    double distanceM = 0;      ///< street: nearest in-ring point; compound: centroid (or nearest)
    double eligibleOuterM = 0; ///< the smallest of DrawParameters::outerSteps() that admits it
    Point nearPoint;           ///< the point distanceM was measured to, working CRS
    QString source;            ///< where it came from, for people ("lines #4, #9")
    std::uint32_t unit = 0;    ///< the caller's index of this unit
};

/// A candidate of a ranked CandidateSet: only what the draw compares and counts. A city-scale
/// draw looks at millions of candidates and keeps a few thousand, so the rest of a
/// DrawCandidate is worked out by the caller for the drawn ones alone.
struct RankedCandidate {
    /// Orders and equates the candidates of the whole draw exactly as their keys do (a < b
    /// when key a sorts before key b, equal for equal keys).
    std::uint32_t rank = 0;
    std::uint32_t unit = 0;    ///< the caller's index of this unit
    double eligibleOuterM = 0; ///< as DrawCandidate::eligibleOuterM
};

/// What the caller found in an anchor's ring (up to the widest outer radius): keyed
/// DrawCandidates, or (`ranked`) RankedCandidates, which the draw compares by rank instead of
/// key (much cheaper than comparing and hashing strings, same result). An item drawn from a
/// ranked set comes back as a DrawCandidate with rank, unit and eligibleOuterM set, key, name
/// and source empty, measure and distanceM NaN: the caller fills them in. A provider ranks
/// either every set of a draw or none.
struct CandidateSet {
    std::vector<DrawCandidate> streets; ///< keyed sets
    std::vector<DrawCandidate> compounds;
    std::vector<RankedCandidate> rankedStreets; ///< ranked sets
    std::vector<RankedCandidate> rankedCompounds;
    bool ranked = false;
};

/// Finds the candidates of an anchor; called once per drawn anchor, in processing order.
using CandidateProvider = std::function<CandidateSet(const DrawAnchor&)>;

/// Told the anchors in processing order once, before the provider is first called: lets a
/// provider compute candidates ahead (in parallel) without changing what is drawn.
using ProcessingOrderHook = std::function<void(const std::vector<DrawAnchor>&)>;

/// A drawn unit (a copy of its candidate).
using DrawnItem = DrawCandidate;

/// The streets (or compounds) drawn for one anchor.
struct UnitDraw {
    int candidates = 0; ///< eligible units in the ring [inner, outer]
    int available = 0;  ///< of those at the radius used, the ones not drawn for an earlier anchor
    int asked = 0;      ///< the k (or m) drawn from the count range
    int shortfall = 0;  ///< asked - drawn
    double outerUsedM = 0; ///< the outer radius drawn from (> outer only when widened)
    bool widened = false;
    std::vector<DrawnItem> items; ///< in the order drawn
};

/// One anchor of a draw with its drawn units.
struct AnchorDraw {
    QString id; ///< "<kind>-<n>": n counts the kind's eligible anchors in stable-key order
    Role kind = Role::Market;
    QString name;
    QString key;
    QString source;
    Point location;
    std::uint32_t site = 0;
    int order = 0; ///< position in the (random) processing order, from 1
    UnitDraw streets;
    UnitDraw compounds;
};

/// Eligible anchors per kind before --anchors-per-kind.
struct KindCount {
    Role kind = Role::Market;
    int eligible = 0;
    int drawn = 0;
};

struct DrawOutcome {
    std::vector<AnchorDraw> anchors; ///< in stable order (kind, then key)
    std::vector<KindCount> kinds;    ///< one per requested kind, in the six kinds' order
};

/// The version tag of the algorithm below; recorded with every draw.
inline constexpr const char* kDrawAlgorithm = "perisurvey-draw/1 xoshiro256** splitmix64-seed "
                                              "rejection-bounded partial-fisher-yates";

/// Runs the six-peripheries draw (domain.md 6.2, issue 4):
///
/// 1. Anchors of the requested kinds are sorted by (kind, key); equal keys are merged. Ids are
///    "<kind>-<n>" in that order.
/// 2. rng = Prng(seed). For each kind in the six kinds' order, with anchorsPerKind = N > 0 and
///    more than N anchors: sampleIndices(rng, count, N) picks them.
/// 3. The processing order of the picked anchors is sampleIndices(rng, n, n), so no anchor is
///    favoured by its position when units may not repeat.
/// 4. Per anchor in processing order: k = rng.between(streets.min, streets.max), then
///    m = rng.between(compounds.min, compounds.max); the candidates (provider), sorted by key,
///    minus units already drawn unless allowRepeats, are drawn with sampleIndices(rng, n,
///    min(k, n)) at the first outer step that has k (streets first, then compounds). What is
///    missing is the shortfall; widening happens only with DrawParameters::widenStepM > 0.
///    In a ranked CandidateSet ranks stand for keys (same order, same equalities).
///
/// `onOrder`, when set, is called with the picked anchors in processing order before the
/// first call of `candidates` (which then asks for them in exactly that order).
///
/// Thread: any; pure function of its inputs. Throws OperationCanceled via `feedback`, and
/// core::Error(Internal) when the provider ranks some sets of the draw but not others, or
/// fills both kinds of list in one set.
DrawOutcome runDraw(const DrawParameters& params, std::uint64_t seed,
                    std::vector<DrawAnchor> anchors, const CandidateProvider& candidates,
                    Feedback& feedback, const ProcessingOrderHook& onOrder = {});

} // namespace core
