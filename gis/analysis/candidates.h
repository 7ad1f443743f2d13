#pragma once

#include "core/model/roles.h"
#include "core/sampling/draw.h"
#include "core/util/feedback.h"
#include "gis/analysis/streets.h"
#include "gis/proj/crs.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace gis {

/// An anchor feature (one of the six kinds): a point, or a polygon footprint measured from its
/// edge. Working CRS.
struct AnchorSite {
    core::Role kind = core::Role::Market;
    QString name;
    core::Geometry geometry;
    core::Point location; ///< the point itself, or a point inside the polygon
    QString key;          ///< unitKey(name, centroid, area)
    QString source;       ///< "points #123"
};

/// A residential compound (居民小区) that passes the name and area rules. Working CRS.
struct CompoundUnit {
    QString name;
    core::Geometry geometry;
    double areaM2 = 0; ///< on the ellipsoid (planar area / k^2)
    core::Point centroid;
    core::Box bounds;
    QString key;
    QString source;
};

/// Everything a draw chooses from, extracted once from the classified layers.
struct DrawUniverse {
    QString crsAuthId;                 ///< the working CRS of every geometry below
    std::vector<AnchorSite> anchors;   ///< of the requested kinds; same-name duplicates merged
    std::vector<Street> streets;       ///< named (or all, with includeUnnamed), >= min length
    std::vector<double> streetLengthM; ///< per street, on the ellipsoid
    std::vector<CompoundUnit> compounds;
    QStringList notes; ///< what was left out and why (counts), for the report
};

/// Builds the universe: anchors of `params.kinds` (a point and a polygon of the same kind and
/// name within 250 m are one anchor, the polygon kept), back-street segments grouped into
/// streets (groupStreets) of at least params.minStreetLengthM, compounds with a name (when
/// params.compoundNeedsName) and at least params.minCompoundAreaM2. Names come from
/// `rules.featureName`. Lengths and areas use the local scale of `working`.
/// Thread: any; groups the streets on a second thread it starts and joins while it reads the
/// compounds. Throws core::CrsError when `working` is not a projected CRS.
DrawUniverse buildUniverse(const std::vector<core::ClassifiedLayer>& layers,
                           const core::RuleSet& rules, const core::DrawParameters& params,
                           const Crs& working, core::Feedback& feedback);

/// Finds each anchor's candidates in its ring (domain.md 6.2, issue 4 item 4).
///
/// Distances are planar in the working CRS divided by the local scale factor at the anchor
/// (ScaleProbe), so they agree with geodesic distance to a few centimetres at 2 km. For point
/// anchors distances are computed exactly; for polygon anchors with GEOS (prepared geometry,
/// buffers with chords within 0.1 m). Streets (StreetRule::AnyPart): eligible when some part
/// lies in [inner, outer], i.e. the nearest point is within outer and the street is not wholly
/// inside inner; the distance kept is that of the nearest in-ring point (the nearest point, or
/// the crossing of the inner circle). Midpoint: the middle of the merged line (or the point
/// nearest the centroid for a branching street). LengthShare: the share of length inside the
/// ring. Compounds: the centroid distance (CompoundRule::Centroid), or any part.
///
/// Owns a GEOS context: use on one thread only. Move-only.
class CandidateFinder {
public:
    CandidateFinder(const DrawUniverse& universe, const core::DrawParameters& params,
                    const Crs& working);
    ~CandidateFinder();
    CandidateFinder(CandidateFinder&&) noexcept;
    CandidateFinder& operator=(CandidateFinder&&) = delete;
    CandidateFinder(const CandidateFinder&) = delete;
    CandidateFinder& operator=(const CandidateFinder&) = delete;

    /// Candidates of universe.anchors[anchor] up to the widest outer step.
    core::CandidateSet find(std::size_t anchor);
    /// As find(), for a draw, which needs only the rank and step of every candidate and the
    /// rest of the few it draws: a ranked set (RankedCandidates; ranks follow the universe's
    /// keys). Which units are candidates at which step is decided exactly as find() decides
    /// it, with GEOS asked only where planar bounds cannot settle it with a 1 mm margin: from
    /// the unit's box, then its vertices (against the centre of the anchor's box, plus or
    /// minus its half-diagonal), then, for a small polygon anchor, the distance to its rings.
    core::CandidateSet findForDraw(std::size_t anchor);
    /// Fills in the rest of an item drawn from findForDraw()'s set (`street` true for a
    /// street): key, name, source, measure, distance and near point, exactly as find() has
    /// them.
    void completeDrawn(std::size_t anchor, core::DrawCandidate& item, bool street);
    /// The local scale factor used for an anchor (planar units per metre).
    double scaleOf(std::size_t anchor) const;
    /// The ring polygon of an anchor for [params.innerM, outerM], working CRS. Once
    /// scaleOf(anchor) has been called, this only reads the finder (its own GEOS context per
    /// call), so rings of such anchors may be made on several threads at once.
    core::Geometry ring(std::size_t anchor, double outerM) const;
    /// A point in lon/lat degrees (for checks and reports).
    core::Point toLonLat(core::Point p) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The anchors of a universe as the draw algorithm wants them (site = index).
std::vector<core::DrawAnchor> drawAnchors(const DrawUniverse& universe);

} // namespace gis
