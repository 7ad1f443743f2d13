#pragma once

#include <cstdint>

namespace core {

/// The demo generator's pseudo-random source: xoshiro256** seeded through splitmix64, with
/// our own mappings to integers and doubles, so that one seed gives bit-identical output with
/// every compiler and standard library (std::*_distribution differ between libraries).
///
/// Value type; not thread-safe (one per thread). Not for cryptography.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) {
        std::uint64_t s = seed;
        for (auto& word : state_)
            word = splitMix64(s);
    }

    /// A child stream for an independent part of the generation (its own seed derived from
    /// this stream's seed and `salt`), so adding draws in one part does not shift another.
    DemoRandom fork(std::uint64_t salt) const {
        std::uint64_t s = state_[0] ^ (salt * 0x9E3779B97F4A7C15ull);
        return DemoRandom(splitMix64(s));
    }

    /// 64 uniformly distributed bits.
    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// A double in [0, 1) from the top 53 bits (exact, no rounding involved).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// A double in [lo, hi).
    double range(double lo, double hi) { return lo + (hi - lo) * unit(); }

    /// An integer in [0, n) without modulo bias (rejection on the top of the 64-bit range);
    /// n == 0 returns 0.
    std::uint64_t below(std::uint64_t n) {
        if (n == 0)
            return 0;
        const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
        std::uint64_t v = next();
        while (v >= limit)
            v = next();
        return v % n;
    }

    /// An integer in [lo, hi] (inclusive); lo > hi returns lo.
    int between(int lo, int hi) {
        if (hi <= lo)
            return lo;
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    /// True with probability p.
    bool chance(double p) { return unit() < p; }

    /// Picks an index in [0, weights.size()) with the given non-negative weights.
    template <typename Container>
    std::size_t weighted(const Container& weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = unit() * total;
        std::size_t i = 0;
        for (double w : weights) {
            if (r < w)
                return i;
            r -= w;
            ++i;
        }
        return i == 0 ? 0 : i - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitMix64(std::uint64_t& s) {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    std::uint64_t state_[4]{};
};

} // namespace core
