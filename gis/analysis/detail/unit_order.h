#pragma once

// Private to gis/analysis: ordering units (streets, compounds) by their stable keys.

#include <QString>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace gis::detail {

/// Sorts units (anything with a QString `key`) by key, case-sensitively, exactly as std::sort
/// on the units themselves would (the same comparisons, so the same permutation, equal keys
/// included), but moving each unit once instead of swapping large structs. Thread: any.
template <typename Unit>
void sortByKey(std::vector<Unit>& units) {
    std::vector<std::size_t> order(units.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return QString::compare(units[a].key, units[b].key, Qt::CaseSensitive) < 0;
    });
    std::vector<Unit> sorted;
    sorted.reserve(units.size());
    for (std::size_t i : order)
        sorted.push_back(std::move(units[i]));
    units = std::move(sorted);
}

} // namespace gis::detail
