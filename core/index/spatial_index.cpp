#include "core/index/spatial_index.h"

#include <algorithm>
#include <bit>
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
    std::size_t levels = 1;
    for (std::size_t n = (ids.size() + nodeCapacity - 1) / nodeCapacity; n > 1;
         n = (n + nodeCapacity - 1) / nodeCapacity)
        ++levels;
    stackBound_ = levels * static_cast<std::size_t>(nodeCapacity) + 1;
}

std::vector<std::uint32_t> SpatialIndex::query(const Box& area) const {
    std::vector<std::uint32_t> out;
    query(area, [&](std::uint32_t i) {
        out.push_back(i);
        return true;
    });
    // Ascending order: a large result is ordered by marking it in a bit set of every item and
    // reading the set back, a small one by sorting (both give the one ascending order).
    const std::size_t n = out.size();
    if (n < 2)
        return out;
    if (n * static_cast<std::size_t>(std::bit_width(n)) * 4 < itemCount_ / 64) {
        std::sort(out.begin(), out.end());
        return out;
    }
    std::vector<std::uint64_t> bits((itemCount_ + 63) / 64, 0);
    for (std::uint32_t i : out)
        bits[i / 64] |= std::uint64_t{1} << (i % 64);
    out.clear();
    for (std::size_t w = 0; w < bits.size(); ++w)
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
            out.push_back(static_cast<std::uint32_t>(w * 64 + std::countr_zero(word)));
    return out;
}

} // namespace core
