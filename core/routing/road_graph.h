#pragma once

#include "core/index/spatial_index.h"
#include "core/model/geometry.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace core {

/// The kind of way an edge is, from OSM `highway` (or an imported layer's class). Profiles
/// give each class a speed, or 0 when the class is closed to them.
enum class RoadClass : std::uint8_t {
    Motorway,
    Trunk,
    Primary,
    Secondary,
    Tertiary,
    Unclassified,
    Residential,
    LivingStreet,
    Service,
    Track,
    Pedestrian,
    Footway,
    Path,
    Steps,
    Cycleway,
    Other, ///< a road of unknown class (imported layers without a highway field)
};
inline constexpr std::size_t kRoadClassCount = 16;

/// The class of an OSM highway value ("primary_link" -> Primary, "bridleway" -> Path, ...);
/// Other for an unknown or empty value.
RoadClass roadClassFromHighway(const QString& highway);
/// "motorway", "living_street", ... (stable keys for JSON and options).
QString roadClassKey(RoadClass c);

/// Which way traffic may use a line, from OSM `oneway` ("yes"/"1"/"true" forward, "-1"
/// backward) or an implied oneway (roundabouts).
enum class Oneway : std::uint8_t { No, Forward, Backward };
/// Parses an OSM oneway value; `junction` "roundabout"/"circular" implies Forward.
Oneway onewayFromTags(const QString& oneway, const QString& junction = {});

/// One road line as the graph builder takes it. Coordinates in the working CRS (metres).
struct RoadLine {
    std::vector<Point> points; ///< at least two vertices
    RoadClass roadClass = RoadClass::Other;
    Oneway oneway = Oneway::No;
    QString name; ///< street name, "" when unnamed
};

/// An edge between two graph nodes along a road line's vertices.
struct RoadEdge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    double lengthM = 0;
    std::uint32_t geometryBegin = 0; ///< first vertex in RoadGraph::vertices() (== node `from`)
    std::uint32_t geometryEnd = 0;   ///< one past the last vertex (the last == node `to`)
    std::uint32_t name = 0;          ///< index into RoadGraph::names() (0 is "")
    RoadClass roadClass = RoadClass::Other;
    Oneway oneway = Oneway::No;
};

/// A connected part of the network (edges joined through nodes, ignoring direction).
struct GraphComponent {
    std::uint32_t id = 0;
    std::size_t nodes = 0;
    std::size_t edges = 0;
    double lengthM = 0;
    Box bounds;     ///< working CRS
    Point location; ///< one node of the component, working CRS: where to look
};

/// How lines are joined into a graph.
struct RoadGraphOptions {
    /// Vertices closer than this (metres) are one node: endpoints of lines that do not quite
    /// meet (shapefile networks) and vertices shared by several lines. 0 joins exact matches only.
    double snapToleranceM = 0.5;
};

/// A road network as an undirected multigraph with per-edge direction rules, in the working
/// CRS (metres). Nodes sit at line endpoints and at vertices shared by several lines (within
/// the snap tolerance); lines that cross without a shared vertex (bridges) do not meet.
///
/// Immutable after build; const methods are safe from any number of threads. Build cost is
/// about linear in the vertex count (a hash grid joins the vertices).
class RoadGraph {
public:
    RoadGraph() = default;
    /// Builds the graph; lines with fewer than two distinct vertices are skipped (counted in
    /// skippedLines()).
    static RoadGraph build(const std::vector<RoadLine>& lines,
                           const RoadGraphOptions& options = {});

    std::size_t nodeCount() const { return nodes_.size(); }
    std::size_t edgeCount() const { return edges_.size(); }
    const std::vector<Point>& nodes() const { return nodes_; }
    const std::vector<RoadEdge>& edges() const { return edges_; }
    const RoadEdge& edge(std::uint32_t e) const { return edges_[e]; }
    /// All edge vertices, edge after edge (see RoadEdge::geometryBegin).
    const std::vector<Point>& vertices() const { return vertices_; }
    /// Distance in metres from the edge's first vertex to each vertex, parallel to vertices().
    const std::vector<double>& vertexOffsets() const { return offsets_; }
    const std::vector<QString>& names() const { return names_; }
    const QString& edgeName(std::uint32_t e) const { return names_[edges_[e].name]; }
    /// The edge's vertices between two offsets (metres from `from`; reversed when
    /// fromM > toM), interpolating the ends.
    std::vector<Point> edgeSlice(std::uint32_t e, double fromM, double toM) const;
    /// The point at an offset (metres from `from`) along the edge.
    Point pointAlong(std::uint32_t e, double offsetM) const;

    /// R-tree over edge bounds (item i = edge i).
    const SpatialIndex& edgeIndex() const { return edgeIndex_; }
    /// Components ignoring direction and profile, largest first (by length).
    const std::vector<GraphComponent>& components() const { return components_; }
    /// The component id of each node (into components()).
    std::uint32_t componentOfNode(std::uint32_t node) const { return nodeComponent_[node]; }
    std::size_t skippedLines() const { return skippedLines_; }
    Box bounds() const { return edgeIndex_.bounds(); }
    double totalLengthM() const;

private:
    std::vector<Point> nodes_;
    std::vector<RoadEdge> edges_;
    std::vector<Point> vertices_;
    std::vector<double> offsets_;
    std::vector<QString> names_;
    SpatialIndex edgeIndex_;
    std::vector<GraphComponent> components_;
    std::vector<std::uint32_t> nodeComponent_;
    std::size_t skippedLines_ = 0;
};

/// Weakly connected components of a node set joined by the given edges (indices into
/// `graph.edges()`), largest by length first; `nodeComponent` receives each node's component
/// (UINT32_MAX for nodes touching none of the edges). Thread: any.
std::vector<GraphComponent> findComponents(const RoadGraph& graph,
                                           const std::vector<std::uint32_t>& edgeIds,
                                           std::vector<std::uint32_t>& nodeComponent);

} // namespace core
