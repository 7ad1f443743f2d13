#pragma once

// Private to gis/analysis: ordering units (streets, compounds) by their stable keys.

#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gis::detail {

/// The first eight UTF-16 code units of `s`, packed so that comparing two prefixes as integers
/// (hi, then lo) orders them as QString::compare does (by code unit, a shorter string first);
/// units past the end count as 0. Equal prefixes say nothing: compare the strings.
struct KeyPrefix {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;

    explicit KeyPrefix(const QString& s) {
        const auto n = std::min<qsizetype>(s.size(), 8);
        for (qsizetype i = 0; i < 8; ++i) {
            const std::uint64_t unit = i < n ? s.at(i).unicode() : 0;
            (i < 4 ? hi : lo) |= unit << (16 * (3 - i % 4));
        }
    }
};

/// Sorts units (anything with a QString `key`) by key, case-sensitively, exactly as std::sort
/// on the units themselves would (the same comparison results, so the same permutation, equal
/// keys included), but comparing packed key prefixes where they differ instead of reading two
/// strings, and moving each unit once instead of swapping large structs. Thread: any.
template <typename Unit>
void sortByKey(std::vector<Unit>& units) {
    struct Entry {
        KeyPrefix prefix;
        std::size_t index;
    };
    std::vector<Entry> order;
    order.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i)
        order.push_back({KeyPrefix(units[i].key), i});
    std::sort(order.begin(), order.end(), [&](const Entry& a, const Entry& b) {
        if (a.prefix.hi != b.prefix.hi)
            return a.prefix.hi < b.prefix.hi;
        if (a.prefix.lo != b.prefix.lo)
            return a.prefix.lo < b.prefix.lo;
        return QString::compare(units[a.index].key, units[b.index].key, Qt::CaseSensitive) < 0;
    });
    std::vector<Unit> sorted;
    sorted.reserve(units.size());
    for (const Entry& e : order)
        sorted.push_back(std::move(units[e.index]));
    units = std::move(sorted);
}

} // namespace gis::detail
