#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace core {

/// A square matrix of travel costs (seconds, or any additive cost) between n places;
/// cost(i, j) need not equal cost(j, i). Infinite or huge entries mean "unreachable".
class CostMatrix {
public:
    CostMatrix() = default;
    explicit CostMatrix(std::size_t n, double fill = 0) : n_(n), c_(n * n, fill) {}
    std::size_t size() const { return n_; }
    double operator()(std::size_t i, std::size_t j) const { return c_[i * n_ + j]; }
    double& operator()(std::size_t i, std::size_t j) { return c_[i * n_ + j]; }

private:
    std::size_t n_ = 0;
    std::vector<double> c_;
};

/// Where a tour begins and ends, as indices into the matrix (-1 = free).
struct TourEnds {
    int start = -1;         ///< fixed first place, or -1 to let the order choose
    int end = -1;           ///< fixed last place (ignored for a round trip), or -1
    bool roundTrip = false; ///< return to the start (to the first place when start is -1)
};

/// How stops are ordered.
struct OrderOptions {
    TourEnds ends;
    int exactLimit = 12;    ///< Held-Karp when at most this many places are free to order
    int restarts = 0;       ///< heuristic restarts; 0 = automatic (more for small n)
    std::uint64_t seed = 1; ///< seeds the restarts (same seed, same order everywhere)
};

/// An ordering: every place once (a round trip's return to the start is implied).
struct OrderResult {
    std::vector<int> order; ///< matrix indices; order.front() == ends.start when fixed
    double cost = 0;        ///< sum along the order (+ the return leg of a round trip)
    bool exact = false;     ///< true when Held-Karp proved the order optimal
};

/// Cost of visiting `order` as given (open path, or cycle when roundTrip).
double tourCost(const CostMatrix& m, const std::vector<int>& order, bool roundTrip);

/// Orders all places of the matrix: exact Held-Karp (O(2^n n^2)) up to options.exactLimit
/// free places, else greedy construction + 2-opt + Or-opt local search with seeded restarts
/// (double-bridge kicks). Deterministic for a given seed. Thread: any (pure function).
OrderResult orderStops(const CostMatrix& m, const OrderOptions& options = {});

/// Held-Karp only; throws core::Error(InvalidInput) above 20 free places.
OrderResult orderStopsExact(const CostMatrix& m, const TourEnds& ends);
/// The heuristic only, with `restarts` improvement rounds (>= 1).
OrderResult orderStopsHeuristic(const CostMatrix& m, const TourEnds& ends, int restarts,
                                std::uint64_t seed);

} // namespace core
