#pragma once

#include "core/model/geometry.h"

#include <array>
#include <cstdint>
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

    /// Calls visit(itemIndex) for every item whose box intersects `area`, in leaf order. visit
    /// returns false to stop early. A template, so a query pays no indirect call per item.
    template <typename Visit>
    void query(const Box& area, Visit&& visit) const {
        if (nodes_.empty())
            return;
        // Depth first: the stack holds at most (capacity - 1) nodes per level, plus the root.
        std::array<std::uint32_t, kInlineStack> inlineStack;
        std::vector<std::uint32_t> heapStack;
        std::uint32_t* stack = inlineStack.data();
        if (stackBound_ > kInlineStack) {
            heapStack.resize(stackBound_);
            stack = heapStack.data();
        }
        std::size_t top = 0;
        stack[top++] = static_cast<std::uint32_t>(nodes_.size() - 1);
        while (top > 0) {
            const Node& node = nodes_[stack[--top]];
            if (!node.box.intersects(area))
                continue;
            if (node.leaf) {
                for (std::uint32_t k = 0; k < node.count; ++k)
                    if (itemBoxes_[node.first + k].intersects(area) &&
                        !visit(items_[node.first + k]))
                        return;
            } else {
                // Children of an inner node are consecutive in nodes_.
                for (std::uint32_t k = 0; k < node.count; ++k)
                    stack[top++] = node.first + k;
            }
        }
    }
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
    std::size_t stackBound_ = 0; ///< the most nodes query() ever holds on its stack
    static constexpr std::size_t kInlineStack = 256;
};

} // namespace core
