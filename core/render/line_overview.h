#pragma once

#include "core/index/spatial_index.h"
#include "core/model/geometry.h"
#include "core/model/layer_data.h"
#include "core/model/roles.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace core {

/// A generalised stand-in for a line layer, drawn instead of its features when the map is
/// zoomed far out.
///
/// Road data comes as short segments between junctions (the city demo has over 200,000,
/// OSM splits ways at every junction too). At an overview scale each segment is a few pixels
/// long, and drawing them one by one costs far more than the pixels they cover. The overview
/// joins the segments that share a drawn role and a label and meet end to end (identical end
/// vertices) into chains, and simplifies each chain (Douglas-Peucker) to `tolerance()` metres.
/// A chain draws and labels like the segments it replaces: same role, same label text, and
/// where three or more segments meet, the chains still meet at the shared vertex.
///
/// Immutable once built; share it (`std::shared_ptr<const LineOverview>`) with render jobs.
class LineOverview {
public:
    /// One chain of segments.
    struct Chain {
        std::uint32_t feature = 0; ///< a feature of the chain (the lowest index): its role and
                                   ///< label stand for the chain's
        std::uint32_t first = 0;   ///< first vertex in points()
        std::uint32_t count = 0;   ///< vertices, at least 2
    };

    /// Builds the overview of `layer` (features classified by `roles`, labelled by `labels`,
    /// both parallel to the layer's features). Returns null when the layer has no line
    /// features or a feature of another kind (mixed layers draw their features as they are).
    static std::shared_ptr<const LineOverview> build(const LayerData& layer,
                                                     const std::vector<RoleMask>& roles,
                                                     const std::vector<QString>& labels,
                                                     double toleranceMetres = kDefaultTolerance);

    /// Simplification tolerance of the chains, in the layer's units (metres).
    static constexpr double kDefaultTolerance = 2.5;

    double tolerance() const { return tolerance_; }
    /// True when a view of `metresPerPixel` should draw the overview: the chains' error is
    /// then at most half a pixel.
    bool suits(double metresPerPixel) const { return tolerance_ <= 0.5 * metresPerPixel; }

    const std::vector<Chain>& chains() const { return chains_; }
    const std::vector<Point>& points() const { return points_; }
    /// Over the chains' bounds; item i = chains()[i].
    const SpatialIndex& index() const { return index_; }
    /// Vertices of the source features, for statistics.
    std::size_t sourceVertices() const { return sourceVertices_; }

private:
    double tolerance_ = kDefaultTolerance;
    std::vector<Chain> chains_;
    std::vector<Point> points_;
    SpatialIndex index_;
    std::size_t sourceVertices_ = 0;
};

/// Douglas-Peucker: keeps the first and last vertex of `line` and every vertex needed to stay
/// within `tolerance` of it. Appends the kept vertices to `out`.
void simplifyLine(const Point* line, std::size_t count, double tolerance, std::vector<Point>& out);

} // namespace core
