#pragma once

// Private to core/routing: a small seeded generator (SplitMix64) for the ordering heuristics'
// restarts, so a seed gives the same tours on every platform and standard library.

#include <cstdint>

namespace core::detail {

class RouteRandom {
public:
    explicit RouteRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n) by rejection (n > 0).
    std::uint32_t below(std::uint32_t n) {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t v = next();
        while (v >= limit)
            v = next();
        return static_cast<std::uint32_t>(v % n);
    }

private:
    std::uint64_t state_;
};

} // namespace core::detail
