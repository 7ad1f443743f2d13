#include "core/index/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace core {

namespace {

// Sorts `ids` into STR order: slices by x, then each slice by y.
void strSort(std::vector<std::uint32_t>& ids, const std::vector<Point>& centers, int capacity) {
    const std::size_t n = ids.size();
    const std::size_t leafCount = (n + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(double(leafCount))));
    const std::size_t perSlice = slices * capacity;
    std::sort(ids.begin(), ids.end(), [&](auto a, auto b) { return centers[a].x < centers[b].x; });
    for (std::size_t s = 0; s < n; s += perSlice) {
        const auto end = std::min(n, s + perSlice);
        std::sort(ids.begin() + s, ids.begin() + end,
                  [&](auto a, auto b) { return centers[a].y < centers[b].y; });
    }
}

} // namespace

SpatialIndex::SpatialIndex(const std::vector<Box>& boxes, int nodeCapacity)
    : itemCount_(boxes.size()) {
    if (boxes.empty())
        return;
    std::vector<std::uint32_t> ids(boxes.size());
    std::iota(ids.begin(), ids.end(), 0u);
    std::vector<Point> centers(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i)
        centers[i] = boxes[i].empty() ? Point{0, 0} : boxes[i].center();
    strSort(ids, centers, nodeCapacity);
    items_ = ids;
    itemBoxes_.reserve(ids.size());
    for (auto id : ids)
        itemBoxes_.push_back(boxes[id]);

    // Leaves.
    std::vector<std::uint32_t> level;
    for (std::size_t s = 0; s < ids.size(); s += nodeCapacity) {
        Node node;
        node.first = static_cast<std::uint32_t>(s);
        node.count =
            static_cast<std::uint32_t>(std::min<std::size_t>(nodeCapacity, ids.size() - s));
        for (std::uint32_t k = 0; k < node.count; ++k)
            node.box.expand(itemBoxes_[s + k]);
        level.push_back(static_cast<std::uint32_t>(nodes_.size()));
        nodes_.push_back(node);
    }
    // Upper levels: consecutive groups of the level below (already spatially ordered).
    while (level.size() > 1) {
        std::vector<std::uint32_t> next;
        for (std::size_t s = 0; s < level.size(); s += nodeCapacity) {
            Node node;
            node.leaf = false;
            node.first = level[s];
            node.count =
                static_cast<std::uint32_t>(std::min<std::size_t>(nodeCapacity, level.size() - s));
            for (std::uint32_t k = 0; k < node.count; ++k)
                node.box.expand(nodes_[level[s + k]].box);
            next.push_back(static_cast<std::uint32_t>(nodes_.size()));
            nodes_.push_back(node);
        }
        level = std::move(next);
    }
}

void SpatialIndex::query(const Box& area, const std::function<bool(std::uint32_t)>& visit) const {
    if (nodes_.empty())
        return;
    std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(nodes_.size() - 1)};
    while (!stack.empty()) {
        const Node& node = nodes_[stack.back()];
        stack.pop_back();
        if (!node.box.intersects(area))
            continue;
        if (node.leaf) {
            for (std::uint32_t k = 0; k < node.count; ++k)
                if (itemBoxes_[node.first + k].intersects(area) && !visit(items_[node.first + k]))
                    return;
        } else {
            // Children of an inner node are consecutive in nodes_.
            for (std::uint32_t k = 0; k < node.count; ++k)
                stack.push_back(node.first + k);
        }
    }
}

std::vector<std::uint32_t> SpatialIndex::query(const Box& area) const {
    std::vector<std::uint32_t> out;
    query(area, [&](std::uint32_t i) {
        out.push_back(i);
        return true;
    });
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace core
