#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace core {

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit generator used here only to expand a
/// 64-bit seed into the state of Prng, as the xoshiro authors recommend.
///
/// Step: state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
/// z = (z ^ (z >> 27)) * 0x94D049BB133111EB; return z ^ (z >> 31). Value type; not thread-safe.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();

private:
    std::uint64_t state_;
};

/// The draw's random number generator: xoshiro256** 1.0 (Blackman and Vigna, 2018), written
/// here so that a seed gives the same sequence with every compiler and standard library.
///
/// Seeding: the four state words are the first four outputs of SplitMix64(seed), in order.
/// Output: rotl(s1 * 5, 7) * 9, then the xoshiro256 state transition. Bounded integers come from
/// below() (rejection, unbiased), never from the standard library's distributions, whose
/// results differ between implementations. Value type; one instance per thread.
class Prng {
public:
    explicit Prng(std::uint64_t seed);
    /// A generator with the given raw state (not all zero); for known-answer tests.
    static Prng fromState(const std::array<std::uint64_t, 4>& state);

    /// The next 64 random bits.
    std::uint64_t next();

    /// A uniform integer in [0, n), n >= 1 (throws core::Error(InvalidInput) for n == 0).
    ///
    /// Mapping (documented because reproducibility depends on it): let t = (2^64 - n) mod n;
    /// draw r = next() until r >= t, then return r mod n. The accepted range holds a whole
    /// number of copies of [0, n), so the result is exactly uniform. Consumes at least one
    /// output, even for n == 1.
    std::uint64_t below(std::uint64_t n);

    /// A uniform integer in [lo, hi] (lo <= hi): lo + below(hi - lo + 1).
    std::int64_t between(std::int64_t lo, std::int64_t hi);

    const std::array<std::uint64_t, 4>& state() const { return s_; }

private:
    Prng() = default;
    std::array<std::uint64_t, 4> s_{};
};

/// k distinct indices drawn uniformly without replacement from [0, n), in the order drawn.
///
/// Partial Fisher-Yates: start from the identity 0..n-1; for i = 0..k-1 swap item i with item
/// i + below(n - i). Consumes exactly k below() calls. Requires k <= n.
std::vector<std::size_t> sampleIndices(Prng& rng, std::size_t n, std::size_t k);

/// A 64-bit seed from the operating system's entropy source (for draws without --seed; the
/// seed is then printed and recorded).
std::uint64_t systemSeed();

} // namespace core
