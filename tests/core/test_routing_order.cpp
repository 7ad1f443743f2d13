// Stop ordering and team split: Held-Karp is optimal (checked against every permutation), the
// heuristic stays within 2% of it at 12 stops and of a long multi-start search at 40 stops,
// and team days keep within their budget.

#include "core/model/geometry.h"
#include "core/routing/stop_order.h"
#include "core/routing/team_split.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace {

struct Lcg {
    std::uint64_t s;
    double next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(s >> 11) / 9007199254740992.0;
    }
};

// Travel times between random places in a 3 km square: straight distance times a detour
// factor that differs by direction (one-way streets), at 1.25 m/s.
core::CostMatrix randomMatrix(std::size_t n, std::uint64_t seed) {
    Lcg rng{seed};
    std::vector<core::Point> p;
    for (std::size_t i = 0; i < n; ++i)
        p.push_back({rng.next() * 3000, rng.next() * 3000});
    core::CostMatrix m(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (i != j)
                m(i, j) =
                    std::hypot(p[i].x - p[j].x, p[i].y - p[j].y) * (1.2 + 0.2 * rng.next()) / 1.25;
    return m;
}

double bruteForce(const core::CostMatrix& m, const core::TourEnds& ends) {
    const bool round = ends.roundTrip;
    std::vector<int> free;
    for (int i = 0; i < static_cast<int>(m.size()); ++i)
        if (i != ends.start && (round || i != ends.end))
            free.push_back(i);
    double best = std::numeric_limits<double>::infinity();
    do {
        std::vector<int> order;
        if (ends.start >= 0)
            order.push_back(ends.start);
        order.insert(order.end(), free.begin(), free.end());
        if (!round && ends.end >= 0)
            order.push_back(ends.end);
        best = std::min(best, core::tourCost(m, order, round));
    } while (std::next_permutation(free.begin(), free.end()));
    return best;
}

void checkPermutation(const std::vector<int>& order, std::size_t n) {
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> all(n);
    std::iota(all.begin(), all.end(), 0);
    CHECK(sorted == all);
}

} // namespace

TEST_CASE("Held-Karp is optimal: equal to brute force up to 8 stops", "[routing][order]") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const std::size_t stops = 3 + seed % 6; // 3..8 free stops
        {
            const std::vector<core::TourEnds> variants{
                {0, -1, false}, // open path from a fixed start
                {0, 1, false},  // fixed start and end
                {0, -1, true},  // round trip from the start
                {-1, -1, false} // free both ends
            };
            for (const auto& ends : variants) {
                const bool twoFixed = ends.start >= 0 && ends.end >= 0;
                const bool oneFixed = ends.start >= 0 && !twoFixed;
                const std::size_t n = stops + (twoFixed ? 2 : (oneFixed ? 1 : 0));
                const auto m = randomMatrix(n, seed * 7 + n);
                const auto r = core::orderStopsExact(m, ends);
                CHECK(r.exact);
                checkPermutation(r.order, n);
                if (ends.start >= 0)
                    CHECK(r.order.front() == ends.start);
                if (twoFixed)
                    CHECK(r.order.back() == ends.end);
                CHECK(r.cost == Approx(bruteForce(m, ends)).epsilon(1e-12));
                CHECK(r.cost == Approx(core::tourCost(m, r.order, ends.roundTrip)).epsilon(1e-12));
            }
        }
    }
}

TEST_CASE("the heuristic is within 2% of Held-Karp at 12 stops", "[routing][order]") {
    double worst = 0;
    for (std::uint64_t seed = 100; seed < 130; ++seed) {
        const auto m = randomMatrix(13, seed); // the start and 12 stops
        const core::TourEnds ends{0, -1, seed % 2 == 0};
        const auto exact = core::orderStopsExact(m, ends);
        const auto heur = core::orderStopsHeuristic(m, ends, 60, seed);
        checkPermutation(heur.order, 13);
        CHECK(heur.order.front() == 0);
        CHECK_FALSE(heur.exact);
        CHECK(heur.cost >= exact.cost - 1e-9);
        worst = std::max(worst, heur.cost / exact.cost);
    }
    INFO("worst ratio " << worst);
    CHECK(worst <= 1.02);
}

TEST_CASE("the heuristic is within 2% of a long multi-start best at 40 stops", "[routing][order]") {
    for (std::uint64_t seed = 200; seed < 205; ++seed) {
        const auto m = randomMatrix(41, seed);
        const core::TourEnds ends{0, -1, true};
        core::OrderOptions options;
        options.ends = ends;
        options.seed = seed;
        const auto quick = core::orderStops(m, options);
        checkPermutation(quick.order, 41);
        double longBest = std::numeric_limits<double>::infinity();
        for (std::uint64_t s = 1; s <= 4; ++s)
            longBest = std::min(longBest, core::orderStopsHeuristic(m, ends, 1500, s * 977).cost);
        INFO("seed " << seed << " quick " << quick.cost << " long " << longBest);
        CHECK(quick.cost <= 1.02 * longBest);
    }
}

TEST_CASE("the order is the same for the same seed", "[routing][order]") {
    const auto m = randomMatrix(30, 9);
    core::OrderOptions o;
    o.ends = {0, -1, false};
    o.seed = 42;
    CHECK(core::orderStops(m, o).order == core::orderStops(m, o).order);
}

TEST_CASE("team split keeps every day within the budget and shortens the longest day",
          "[routing][teams]") {
    const std::size_t n = 25; // the office and 24 stops
    auto m = randomMatrix(n, 77);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 1; j < n; ++j)
            if (i != j)
                m(i, j) += 15 * 60; // 15 minutes at every stop
    std::vector<int> stops(n - 1);
    std::iota(stops.begin(), stops.end(), 1);
    const core::TourEnds ends{0, -1, true};

    core::TeamOptions one;
    const auto single = core::splitTeams(m, stops, ends, one);
    REQUIRE(single.days.size() == 1);
    CHECK(single.unplaced.empty());

    core::TeamOptions three;
    three.teams = 3;
    three.budget = 4 * 3600;
    const auto split = core::splitTeams(m, stops, ends, three);
    REQUIRE(split.days.size() == 3);
    std::multiset<int> seen;
    for (const auto& day : split.days) {
        CHECK(day.cost <= three.budget + 1e-6);
        CHECK(day.cost == Approx(core::tourCost(m, day.order, true)));
        REQUIRE_FALSE(day.order.empty());
        CHECK(day.order.front() == 0);
        for (std::size_t k = 1; k < day.order.size(); ++k)
            seen.insert(day.order[k]);
    }
    for (const int u : split.unplaced)
        seen.insert(u);
    CHECK(seen == std::multiset<int>(stops.begin(), stops.end()));
    // 24 stops of 15 minutes are 6 hours of dwell alone: three 4-hour days hold them all.
    CHECK(split.unplaced.empty());
    CHECK(split.longest < single.longest / 2);
    // A fair split: no day much longer than the average.
    double total = 0;
    for (const auto& d : split.days)
        total += d.cost;
    CHECK(split.longest <= 1.25 * total / 3);

    SECTION("stops that cannot fit are reported") {
        core::TeamOptions tight = three;
        tight.budget = 2 * 3600; // 6 h of dwell cannot fit into 3 x 2 h
        const auto cut = core::splitTeams(m, stops, ends, tight);
        CHECK_FALSE(cut.unplaced.empty());
        std::size_t placed = 0;
        for (const auto& day : cut.days) {
            CHECK(day.cost <= tight.budget + 1e-6);
            placed += day.order.size() - 1;
        }
        CHECK(placed + cut.unplaced.size() == stops.size());
        CHECK(placed >= 10);
        // Each stop reported as not fitting really fits no day at any position.
        for (const int u : cut.unplaced)
            for (const auto& day : cut.days)
                for (std::size_t pos = 1; pos <= day.order.size(); ++pos) {
                    std::vector<int> trial = day.order;
                    trial.insert(trial.begin() + static_cast<long>(pos), u);
                    CHECK(core::tourCost(m, trial, true) > tight.budget);
                }
    }
}

TEST_CASE("team split with two teams is close to the best split found by enumeration",
          "[routing][teams]") {
    const std::size_t n = 9; // the office and 8 stops
    const auto m = randomMatrix(n, 5);
    std::vector<int> stops(n - 1);
    std::iota(stops.begin(), stops.end(), 1);
    const core::TourEnds ends{0, -1, true};
    core::TeamOptions two;
    two.teams = 2;
    const auto split = core::splitTeams(m, stops, ends, two);
    double best = std::numeric_limits<double>::infinity();
    for (unsigned mask = 0; mask < (1u << stops.size()); ++mask) {
        double longest = 0;
        for (int side = 0; side < 2; ++side) {
            std::vector<int> places{0};
            for (std::size_t k = 0; k < stops.size(); ++k)
                if (((mask >> k) & 1u) == static_cast<unsigned>(side))
                    places.push_back(stops[k]);
            core::CostMatrix sub(places.size());
            for (std::size_t i = 0; i < places.size(); ++i)
                for (std::size_t j = 0; j < places.size(); ++j)
                    sub(i, j) = m(places[i], places[j]);
            longest = std::max(longest, core::orderStopsExact(sub, {0, -1, true}).cost);
        }
        best = std::min(best, longest);
    }
    INFO("split " << split.longest << " best " << best);
    CHECK(split.longest <= 1.05 * best);
}
