#include "core/routing/stop_order.h"

#include "core/routing/detail/route_random.h"
#include "core/util/error.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace core {

namespace {

// Unreachable legs cost this much rather than infinity so that move deltas stay finite.
constexpr double kBig = 1e12;
// Improvements below a microsecond are noise, not progress.
constexpr double kEps = 1e-6;

// The problem as a path from S to T through the free places; a round trip's T is a copy of S,
// a free start or end is a dummy place with zero-cost legs.
struct PathProblem {
    std::size_t size = 0;
    std::vector<double> c;
    int s = 0;
    int t = 0;
    std::vector<int> middle;
    std::vector<int> original; ///< augmented index -> matrix index, -1 for dummies/copies
    double operator()(int i, int j) const { return c[static_cast<std::size_t>(i) * size + j]; }
};

PathProblem makeProblem(const CostMatrix& m, const TourEnds& ends) {
    const int n = static_cast<int>(m.size());
    if (ends.start >= n || ends.end >= n)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("tour start or end index is outside the %1 places").arg(n));
    PathProblem p;
    const bool round = ends.roundTrip || (ends.start >= 0 && ends.start == ends.end);
    p.size = static_cast<std::size_t>(n) + 2;
    p.c.assign(p.size * p.size, kBig);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double v = m(i, j);
            p.c[i * p.size + j] = std::isfinite(v) ? std::min(v, kBig) : kBig;
        }
    p.original.resize(p.size);
    for (int i = 0; i < n; ++i)
        p.original[i] = i;
    const int extraA = n;
    const int extraB = n + 1;
    p.original[extraA] = p.original[extraB] = -1;
    auto set = [&](int i, int j, double v) {
        p.c[i * p.size + j] = v;
    };
    if (round) {
        p.s = ends.start >= 0 ? ends.start : 0;
        p.t = extraB;
        for (int i = 0; i < n; ++i)
            set(i, p.t, i == p.s ? 0 : p(i, p.s));
    } else {
        if (ends.start >= 0) {
            p.s = ends.start;
        } else {
            p.s = extraA;
            for (int i = 0; i < n; ++i)
                set(p.s, i, 0);
        }
        if (ends.end >= 0) {
            p.t = ends.end;
        } else {
            p.t = extraB;
            for (int i = 0; i < n; ++i)
                set(i, p.t, 0);
        }
        set(p.s, p.t, ends.start < 0 || ends.end < 0 ? 0 : p(p.s, p.t));
    }
    for (int i = 0; i < n; ++i)
        if (i != p.s && i != p.t)
            p.middle.push_back(i);
    return p;
}

OrderResult finish(const PathProblem& p, const std::vector<int>& path, const CostMatrix& m,
                   const TourEnds& ends, bool exact) {
    OrderResult r;
    r.exact = exact;
    for (const int v : path)
        if (p.original[v] >= 0)
            r.order.push_back(p.original[v]);
    const bool round = ends.roundTrip || (ends.start >= 0 && ends.start == ends.end);
    if (round && ends.start >= 0 && ends.start == ends.end && !r.order.empty() &&
        r.order.back() == r.order.front() && r.order.size() > 1)
        r.order.pop_back();
    r.cost = tourCost(m, r.order, round);
    return r;
}

double pathCost(const PathProblem& p, const std::vector<int>& t) {
    double s = 0;
    for (std::size_t i = 0; i + 1 < t.size(); ++i)
        s += p(t[i], t[i + 1]);
    return s;
}

class LocalSearch {
public:
    explicit LocalSearch(const PathProblem& p) : p_(p) {}

    void improve(std::vector<int>& t) {
        // A tour converges in far fewer moves; the cap only guards against cycling on legs
        // whose costs are too large to compare exactly (unreachable pairs at kBig).
        movesLeft_ = 50 * t.size() * t.size() + 1000;
        bool again = true;
        while (again && movesLeft_ > 0) {
            again = twoOpt(t);
            again = orOpt(t) || again;
        }
    }

private:
    // f_[k]: cost of the path t[0..k] forwards; r_[k]: of t[1..k] backwards. Moves only use
    // differences r_[j] - r_[i] with i >= 1, so the backward leg into the start (a dummy
    // place's kBig) stays out: summed in, it would drown the deltas in rounding noise and
    // let equal-cost flips cycle for minutes.
    void prefixes(const std::vector<int>& t) {
        f_.assign(t.size(), 0);
        r_.assign(t.size(), 0);
        for (std::size_t k = 1; k < t.size(); ++k) {
            f_[k] = f_[k - 1] + p_(t[k - 1], t[k]);
            r_[k] = k == 1 ? 0 : r_[k - 1] + p_(t[k], t[k - 1]);
        }
    }
    bool twoOpt(std::vector<int>& t) {
        bool any = false;
        const std::size_t last = t.size() - 1;
        bool again = true;
        while (again) {
            again = false;
            prefixes(t);
            for (std::size_t i = 1; i + 1 < last && !again; ++i)
                for (std::size_t j = i + 1; j < last; ++j) {
                    const double delta = p_(t[i - 1], t[j]) + (r_[j] - r_[i]) + p_(t[i], t[j + 1]) -
                                         p_(t[i - 1], t[i]) - (f_[j] - f_[i]) - p_(t[j], t[j + 1]);
                    if (delta < -kEps && movesLeft_ > 0) {
                        --movesLeft_;
                        std::reverse(t.begin() + static_cast<long>(i),
                                     t.begin() + static_cast<long>(j) + 1);
                        again = any = true;
                        break;
                    }
                }
        }
        return any;
    }
    bool orOpt(std::vector<int>& t) {
        bool any = false;
        const std::size_t last = t.size() - 1;
        bool again = true;
        while (again) {
            again = false;
            prefixes(t);
            for (std::size_t len = 1; len <= 3 && !again; ++len)
                for (std::size_t i = 1; i + len <= last && !again; ++i) {
                    const std::size_t e = i + len - 1; // segment t[i..e]
                    const int prev = t[i - 1];
                    const int next = t[e + 1];
                    const int s0 = t[i];
                    const int se = t[e];
                    const double gain = p_(prev, s0) + p_(se, next) - p_(prev, next);
                    const double revDiff = (r_[e] - r_[i]) - (f_[e] - f_[i]);
                    for (std::size_t q = 0; q < last; ++q) {
                        if (q + 1 >= i && q <= e)
                            continue; // edge (t[q], t[q+1]) touches the segment
                        const int a = t[q];
                        const int b = t[q + 1];
                        const double add = p_(a, s0) + p_(se, b) - p_(a, b);
                        const double addRev = p_(a, se) + p_(s0, b) - p_(a, b) + revDiff;
                        const bool rev = addRev < add;
                        if (std::min(add, addRev) - gain < -kEps && movesLeft_ > 0) {
                            --movesLeft_;
                            move(t, i, e, q, rev);
                            again = any = true;
                            break;
                        }
                    }
                }
        }
        return any;
    }
    static void move(std::vector<int>& t, std::size_t i, std::size_t e, std::size_t q, bool rev) {
        std::vector<int> seg(t.begin() + static_cast<long>(i),
                             t.begin() + static_cast<long>(e) + 1);
        if (rev)
            std::reverse(seg.begin(), seg.end());
        std::vector<int> out;
        out.reserve(t.size());
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (k >= i && k <= e)
                continue;
            out.push_back(t[k]);
            if (k == q)
                out.insert(out.end(), seg.begin(), seg.end());
        }
        t = std::move(out);
    }

    const PathProblem& p_;
    std::size_t movesLeft_ = 0;
    std::vector<double> f_;
    std::vector<double> r_;
};

// Nearest neighbour from S; with `rng`, picks among the three nearest at random.
std::vector<int> greedy(const PathProblem& p, detail::RouteRandom* rng) {
    std::vector<int> t{p.s};
    std::vector<int> left = p.middle;
    while (!left.empty()) {
        std::vector<std::size_t> idx(left.size());
        for (std::size_t k = 0; k < idx.size(); ++k)
            idx[k] = k;
        const int from = t.back();
        const std::size_t pickFrom = rng ? std::min<std::size_t>(3, idx.size()) : 1;
        std::partial_sort(idx.begin(), idx.begin() + static_cast<long>(pickFrom), idx.end(),
                          [&](std::size_t a, std::size_t b) {
                              return p(from, left[a]) < p(from, left[b]) ||
                                     (p(from, left[a]) == p(from, left[b]) && left[a] < left[b]);
                          });
        const std::size_t k = idx[rng ? rng->below(static_cast<std::uint32_t>(pickFrom)) : 0];
        t.push_back(left[k]);
        left.erase(left.begin() + static_cast<long>(k));
    }
    t.push_back(p.t);
    return t;
}

void kick(std::vector<int>& t, detail::RouteRandom& rng) {
    const std::size_t k = t.size() - 2; // interior places
    if (k < 2)
        return;
    if (k < 8) {
        const std::size_t a = 1 + rng.below(static_cast<std::uint32_t>(k));
        const std::size_t b = 1 + rng.below(static_cast<std::uint32_t>(k));
        std::swap(t[a], t[b]);
        return;
    }
    std::size_t cut[3];
    do {
        for (auto& c : cut)
            c = 1 + rng.below(static_cast<std::uint32_t>(k - 1));
        std::sort(std::begin(cut), std::end(cut));
    } while (cut[0] == cut[1] || cut[1] == cut[2]);
    // Interior A B C D becomes A C B D (a double bridge: 2-opt cannot undo it cheaply).
    std::vector<int> out(t.begin(), t.begin() + 1 + static_cast<long>(cut[0]));
    out.insert(out.end(), t.begin() + 1 + static_cast<long>(cut[1]),
               t.begin() + 1 + static_cast<long>(cut[2]));
    out.insert(out.end(), t.begin() + 1 + static_cast<long>(cut[0]),
               t.begin() + 1 + static_cast<long>(cut[1]));
    out.insert(out.end(), t.begin() + 1 + static_cast<long>(cut[2]), t.end());
    t = std::move(out);
}

} // namespace

double tourCost(const CostMatrix& m, const std::vector<int>& order, bool roundTrip) {
    double s = 0;
    for (std::size_t i = 0; i + 1 < order.size(); ++i)
        s += m(order[i], order[i + 1]);
    if (roundTrip && order.size() > 1)
        s += m(order.back(), order.front());
    return s;
}

OrderResult orderStopsExact(const CostMatrix& m, const TourEnds& ends) {
    const PathProblem p = makeProblem(m, ends);
    const std::size_t k = p.middle.size();
    if (k > 20)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("exact ordering is limited to 20 stops, %1 given").arg(k));
    if (k == 0)
        return finish(p, {p.s, p.t}, m, ends, true);
    const std::size_t full = std::size_t{1} << k;
    std::vector<double> dp(full * k, std::numeric_limits<double>::infinity());
    std::vector<std::uint8_t> from(full * k, 0);
    for (std::size_t j = 0; j < k; ++j)
        dp[(std::size_t{1} << j) * k + j] = p(p.s, p.middle[j]);
    for (std::size_t mask = 1; mask < full; ++mask)
        for (std::size_t j = 0; j < k; ++j) {
            const double cur = dp[mask * k + j];
            if (!(mask >> j & 1) || !std::isfinite(cur))
                continue;
            for (std::size_t n = 0; n < k; ++n) {
                if (mask >> n & 1)
                    continue;
                const std::size_t nm = mask | (std::size_t{1} << n);
                const double v = cur + p(p.middle[j], p.middle[n]);
                if (v < dp[nm * k + n]) {
                    dp[nm * k + n] = v;
                    from[nm * k + n] = static_cast<std::uint8_t>(j);
                }
            }
        }
    double best = std::numeric_limits<double>::infinity();
    std::size_t last = 0;
    for (std::size_t j = 0; j < k; ++j) {
        const double v = dp[(full - 1) * k + j] + p(p.middle[j], p.t);
        if (v < best) {
            best = v;
            last = j;
        }
    }
    std::vector<int> rev{p.t};
    std::size_t mask = full - 1;
    std::size_t j = last;
    for (std::size_t step = 0; step < k; ++step) {
        rev.push_back(p.middle[j]);
        const std::size_t prev = from[mask * k + j];
        mask &= ~(std::size_t{1} << j);
        j = prev;
    }
    rev.push_back(p.s);
    return finish(p, std::vector<int>(rev.rbegin(), rev.rend()), m, ends, true);
}

OrderResult orderStopsHeuristic(const CostMatrix& m, const TourEnds& ends, int restarts,
                                std::uint64_t seed) {
    const PathProblem p = makeProblem(m, ends);
    LocalSearch ls(p);
    detail::RouteRandom rng(seed);
    std::vector<int> best = greedy(p, nullptr);
    ls.improve(best);
    double bestCost = pathCost(p, best);
    std::vector<int> current = best;
    for (int r = 1; r < std::max(1, restarts); ++r) {
        // Mostly kicks of the best tour (iterated local search), now and then a fresh start.
        std::vector<int> cand = (r % 10 == 0) ? greedy(p, &rng) : best;
        if (r % 10 != 0)
            kick(cand, rng);
        ls.improve(cand);
        const double c = pathCost(p, cand);
        if (c < bestCost - kEps) {
            bestCost = c;
            best = std::move(cand);
        }
    }
    return finish(p, best, m, ends, false);
}

OrderResult orderStops(const CostMatrix& m, const OrderOptions& options) {
    const PathProblem p = makeProblem(m, options.ends);
    if (static_cast<int>(p.middle.size()) <= std::min(options.exactLimit, 16))
        return orderStopsExact(m, options.ends);
    const int n = static_cast<int>(p.middle.size());
    const int restarts = options.restarts > 0 ? options.restarts : std::clamp(4000 / n, 50, 400);
    return orderStopsHeuristic(m, options.ends, restarts, options.seed);
}

} // namespace core
