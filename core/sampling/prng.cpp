#include "core/sampling/prng.h"

#include "core/util/error.h"

#include <QRandomGenerator>

#include <numeric>
#include <utility>

namespace core {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Prng::Prng(std::uint64_t seed) {
    SplitMix64 mix(seed);
    for (auto& word : s_)
        word = mix.next();
}

Prng Prng::fromState(const std::array<std::uint64_t, 4>& state) {
    if (state[0] == 0 && state[1] == 0 && state[2] == 0 && state[3] == 0)
        throw Error(ErrorCode::InvalidInput, QStringLiteral("xoshiro256** state must not be zero"));
    Prng p;
    p.s_ = state;
    return p;
}

std::uint64_t Prng::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::uint64_t Prng::below(std::uint64_t n) {
    if (n == 0)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("cannot draw from an empty range (internal)"));
    // Unsigned negation is 2^64 - n, so this is (2^64 - n) mod n without 128-bit arithmetic.
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold)
            return r % n;
    }
}

std::int64_t Prng::between(std::int64_t lo, std::int64_t hi) {
    if (hi < lo)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("empty range [%1, %2] (internal)").arg(lo).arg(hi));
    const auto span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
    // span == 0 means the full 64-bit range.
    const std::uint64_t offset = span == 0 ? next() : below(span);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
}

std::vector<std::size_t> sampleIndices(Prng& rng, std::size_t n, std::size_t k) {
    if (k > n)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("cannot draw %1 of %2 items (internal)").arg(k).arg(n));
    std::vector<std::size_t> items(n);
    std::iota(items.begin(), items.end(), std::size_t{0});
    for (std::size_t i = 0; i < k; ++i) {
        const auto j = i + static_cast<std::size_t>(rng.below(n - i));
        std::swap(items[i], items[j]);
    }
    items.resize(k);
    return items;
}

std::uint64_t systemSeed() {
    return QRandomGenerator::system()->generate64();
}

} // namespace core
