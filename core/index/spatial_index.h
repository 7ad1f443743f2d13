#pragma once

#include "core/model/geometry.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace core {

/// A static, packed R-tree (Sort-Tile-Recursive) over item bounding boxes.
///
/// Built once from an immutable layer; queries are const and safe from any number of threads.
/// Coordinates are in the layer's CRS.
class SpatialIndex {
public:
    SpatialIndex() = default;
    /// Builds the tree; item i of the result corresponds to boxes[i].
    explicit SpatialIndex(const std::vector<Box>& boxes, int nodeCapacity = 16);

    /// Calls visit(itemIndex) for every item whose box intersects `area`. visit returns false
    /// to stop early.
    void query(const Box& area, const std::function<bool(std::uint32_t)>& visit) const;
    /// Convenience: all item indices whose boxes intersect `area`, in ascending order.
    std::vector<std::uint32_t> query(const Box& area) const;
    std::size_t size() const { return itemCount_; }
    Box bounds() const { return nodes_.empty() ? Box{} : nodes_.back().box; }

private:
    struct Node {
        Box box;
        std::uint32_t first = 0; ///< first child (node index, or item slot for leaves)
        std::uint32_t count = 0;
        bool leaf = true;
    };
    std::vector<Node> nodes_;          ///< all levels; the root is last
    std::vector<std::uint32_t> items_; ///< item indices in leaf order
    std::vector<Box> itemBoxes_;       ///< boxes in leaf order
    std::size_t itemCount_ = 0;
};

} // namespace core
