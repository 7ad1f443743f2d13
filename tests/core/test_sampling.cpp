// The seeded draw's building blocks: PRNG and bounded mapping known answers, sampling without
// replacement, and the draw algorithm's fairness, reproducibility and shortfall rules.
#include "core/sampling/draw.h"
#include "core/sampling/prng.h"
#include "core/util/error.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

using core::Prng;

TEST_CASE("SplitMix64 gives the published sequences", "[sampling][prng]") {
    core::SplitMix64 a(1234567);
    const std::uint64_t expectA[] = {6457827717110365317ULL, 3203168211198807973ULL,
                                     9817491932198370423ULL, 4593380528125082431ULL,
                                     16408922859458223821ULL};
    for (auto e : expectA)
        CHECK(a.next() == e);
    core::SplitMix64 zero(0);
    CHECK(zero.next() == 0xE220A8397B1DCDAFULL);
    CHECK(zero.next() == 0x6E789E6AA1B965F4ULL);
    CHECK(zero.next() == 0x06C45D188009454FULL);
}

TEST_CASE("xoshiro256** gives the reference outputs from state {1,2,3,4}", "[sampling][prng]") {
    auto rng = Prng::fromState({1, 2, 3, 4});
    const std::uint64_t expect[] = {11520ULL,
                                    0ULL,
                                    1509978240ULL,
                                    1215971899390074240ULL,
                                    1216172134540287360ULL,
                                    607988272756665600ULL,
                                    16172922978634559625ULL,
                                    8476171486693032832ULL,
                                    10595114339597558777ULL,
                                    2904607092377533576ULL};
    for (auto e : expect)
        CHECK(rng.next() == e);
    CHECK_THROWS(Prng::fromState({0, 0, 0, 0}));
}

TEST_CASE("a seed expands through SplitMix64 into a fixed stream", "[sampling][prng]") {
    Prng rng(42);
    CHECK(rng.next() == 1546998764402558742ULL);
    CHECK(rng.next() == 6990951692964543102ULL);
    CHECK(rng.next() == 12544586762248559009ULL);
    Prng again(42);
    Prng other(43);
    CHECK(again.next() == 1546998764402558742ULL);
    CHECK(other.next() != 1546998764402558742ULL);
}

TEST_CASE("the bounded mapping gives fixed answers", "[sampling][prng]") {
    Prng dice(7);
    const std::uint64_t expectDice[] = {0, 2, 0, 4, 2, 5, 4, 4, 4, 1, 5, 4};
    for (auto e : expectDice)
        CHECK(dice.below(6) == e);

    // n just above 2^63 rejects almost half of the raw outputs: the answers show the rejection
    // path runs exactly as documented.
    Prng big(7);
    const std::uint64_t n = (1ULL << 63) + 1;
    const std::uint64_t expectBig[] = {3699983033973700185ULL, 6265020869637863829ULL,
                                       8874686607794401855ULL, 9054773939583320855ULL};
    for (auto e : expectBig)
        CHECK(big.below(n) == e);

    Prng counts(2024);
    const std::int64_t expectCounts[] = {1, 2, 2, 2, 2, 2, 1, 1, 2, 1, 1, 2};
    for (auto e : expectCounts)
        CHECK(counts.between(1, 2) == e);

    Prng one(5);
    CHECK(one.below(1) == 0);
    CHECK_THROWS(one.below(0));
    CHECK_THROWS(one.between(3, 2));
}

TEST_CASE("sampleIndices is a partial Fisher-Yates with fixed answers", "[sampling][prng]") {
    Prng rng(99);
    CHECK(core::sampleIndices(rng, 10, 4) == std::vector<std::size_t>{8, 7, 5, 0});
    CHECK(core::sampleIndices(rng, 5, 5) == std::vector<std::size_t>{0, 1, 4, 2, 3});
    CHECK(core::sampleIndices(rng, 3, 0).empty());
    CHECK_THROWS(core::sampleIndices(rng, 2, 3));
}

TEST_CASE("the bounded mapping is uniform", "[sampling][prng]") {
    // 60,000 draws over 6 values: chi-square with 5 degrees of freedom stays under 20.5
    // (p = 0.001) for a fair die.
    Prng rng(123456789);
    std::array<int, 6> counts{};
    for (int i = 0; i < 60000; ++i)
        ++counts[rng.below(6)];
    double chi2 = 0;
    for (int c : counts)
        chi2 += (c - 10000.0) * (c - 10000.0) / 10000.0;
    CHECK(chi2 < 20.5);
}

namespace {

core::DrawCandidate candidate(const QString& name, double dist, double outer = 2000) {
    core::DrawCandidate c;
    c.key = name;
    c.name = name;
    c.measure = 100;
    c.distanceM = dist;
    c.eligibleOuterM = outer;
    return c;
}

core::DrawAnchor anchor(core::Role kind, const QString& name) {
    core::DrawAnchor a;
    a.kind = kind;
    a.name = name;
    a.key = name;
    return a;
}

/// Every anchor sees the same streets s0..s(n-1) and compounds c0..c(m-1).
core::CandidateProvider sharedUnits(int streets, int compounds) {
    return [=](const core::DrawAnchor&) {
        core::CandidateSet set;
        for (int i = 0; i < streets; ++i)
            set.streets.push_back(candidate(QStringLiteral("s%1").arg(i), 600 + i));
        for (int i = 0; i < compounds; ++i)
            set.compounds.push_back(candidate(QStringLiteral("c%1").arg(i), 700 + i));
        return set;
    };
}

std::vector<core::DrawAnchor> someAnchors() {
    return {anchor(core::Role::School, QStringLiteral("Escola A")),
            anchor(core::Role::Market, QStringLiteral("Mercat")),
            anchor(core::Role::School, QStringLiteral("Escola B")),
            anchor(core::Role::Hospital, QStringLiteral("Hospital")),
            anchor(core::Role::Mall, QStringLiteral("Centre"))};
}

std::vector<QString> drawnKeys(const core::DrawOutcome& o) {
    std::vector<QString> keys;
    for (const auto& a : o.anchors) {
        keys.push_back(a.id + QLatin1Char('@') + a.key);
        for (const auto& s : a.streets.items)
            keys.push_back(s.key);
        for (const auto& c : a.compounds.items)
            keys.push_back(c.key);
    }
    return keys;
}

} // namespace

TEST_CASE("the same seed gives the same draw whatever the input order", "[sampling][draw]") {
    core::Feedback fb;
    core::DrawParameters p;
    const auto reference = core::runDraw(p, 7, someAnchors(), sharedUnits(12, 8), fb);
    REQUIRE(reference.anchors.size() == 5);
    CHECK(reference.anchors[0].id == QLatin1String("market-1"));
    CHECK(reference.anchors[2].id == QLatin1String("school-1"));
    CHECK(reference.anchors[2].name == QLatin1String("Escola A"));

    std::mt19937 shuffler(1); // only shuffles the test input; the draw never uses it
    for (int round = 0; round < 5; ++round) {
        auto anchors = someAnchors();
        std::shuffle(anchors.begin(), anchors.end(), shuffler);
        const auto provider = [&](const core::DrawAnchor& a) {
            auto set = sharedUnits(12, 8)(a);
            std::shuffle(set.streets.begin(), set.streets.end(), shuffler);
            std::shuffle(set.compounds.begin(), set.compounds.end(), shuffler);
            return set;
        };
        CHECK(drawnKeys(core::runDraw(p, 7, anchors, provider, fb)) == drawnKeys(reference));
    }
    CHECK(drawnKeys(core::runDraw(p, 8, someAnchors(), sharedUnits(12, 8), fb)) !=
          drawnKeys(reference));
}

TEST_CASE("every anchor gets 1-2 streets and compounds, never repeated", "[sampling][draw]") {
    core::Feedback fb;
    core::DrawParameters p;
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        const auto o = core::runDraw(p, seed, someAnchors(), sharedUnits(12, 10), fb);
        std::set<QString> streets;
        std::set<QString> compounds;
        for (const auto& a : o.anchors) {
            CHECK(a.streets.items.size() >= 1);
            CHECK(a.streets.items.size() <= 2);
            CHECK(a.compounds.items.size() >= 1);
            CHECK(a.compounds.items.size() <= 2);
            CHECK(a.streets.shortfall == 0);
            for (const auto& s : a.streets.items)
                CHECK(streets.insert(s.key).second);
            for (const auto& c : a.compounds.items)
                CHECK(compounds.insert(c.key).second);
        }
    }
}

TEST_CASE("a short ring gets what exists and records the shortfall", "[sampling][draw]") {
    core::Feedback fb;
    core::DrawParameters p;
    p.streets = {2, 2};
    p.compounds = {2, 2};
    // Five anchors share 3 streets and 1 compound: the first anchors processed take them.
    const auto o = core::runDraw(p, 11, someAnchors(), sharedUnits(3, 1), fb);
    int streetsDrawn = 0;
    int compoundsDrawn = 0;
    int shortfall = 0;
    for (const auto& a : o.anchors) {
        streetsDrawn += static_cast<int>(a.streets.items.size());
        compoundsDrawn += static_cast<int>(a.compounds.items.size());
        shortfall += a.streets.shortfall + a.compounds.shortfall;
        CHECK(a.streets.asked == 2);
        CHECK(a.streets.candidates == 3);
        CHECK(a.streets.shortfall == 2 - static_cast<int>(a.streets.items.size()));
        CHECK_FALSE(a.streets.widened);
        CHECK(a.streets.outerUsedM == 2000);
    }
    CHECK(streetsDrawn == 3);
    CHECK(compoundsDrawn == 1);
    CHECK(shortfall == 5 * 4 - 4);

    p.allowRepeats = true;
    const auto repeats = core::runDraw(p, 11, someAnchors(), sharedUnits(3, 1), fb);
    for (const auto& a : repeats.anchors) {
        CHECK(a.streets.items.size() == 2);
        CHECK(a.compounds.items.size() == 1);
        CHECK(a.compounds.shortfall == 1);
    }
}

TEST_CASE("the ring widens only when asked, in steps, and says so", "[sampling][draw]") {
    core::Feedback fb;
    const auto provider = [](const core::DrawAnchor&) {
        core::CandidateSet set;
        set.streets = {candidate(QStringLiteral("near"), 900),
                       candidate(QStringLiteral("far"), 2300, 2500)};
        set.compounds = {candidate(QStringLiteral("very far"), 2900, 3000)};
        return set;
    };
    core::DrawParameters p;
    p.streets = {2, 2};
    p.compounds = {1, 1};
    const std::vector<core::DrawAnchor> one{anchor(core::Role::School, QStringLiteral("S"))};
    const auto plain = core::runDraw(p, 1, one, provider, fb);
    CHECK(plain.anchors[0].streets.items.size() == 1);
    CHECK(plain.anchors[0].streets.shortfall == 1);
    CHECK(plain.anchors[0].compounds.items.empty());

    p.widenStepM = 500;
    p.widenLimitM = 3000;
    const auto wide = core::runDraw(p, 1, one, provider, fb);
    CHECK(wide.anchors[0].streets.items.size() == 2);
    CHECK(wide.anchors[0].streets.widened);
    CHECK(wide.anchors[0].streets.outerUsedM == 2500);
    CHECK(wide.anchors[0].compounds.outerUsedM == 3000);
    CHECK(wide.anchors[0].compounds.items.size() == 1);
    CHECK(wide.anchors[0].streets.candidates == 1);
}

TEST_CASE("anchors per kind draws N of each kind", "[sampling][draw]") {
    core::Feedback fb;
    std::vector<core::DrawAnchor> anchors;
    for (int i = 0; i < 9; ++i)
        anchors.push_back(anchor(core::Role::School, QStringLiteral("school %1").arg(i)));
    for (int i = 0; i < 2; ++i)
        anchors.push_back(anchor(core::Role::Station, QStringLiteral("station %1").arg(i)));
    core::DrawParameters p;
    p.anchorsPerKind = 3;
    p.kinds = {core::Role::School, core::Role::Station, core::Role::Market};
    const auto o = core::runDraw(p, 5, anchors, sharedUnits(40, 40), fb);
    REQUIRE(o.kinds.size() == 3);
    CHECK(o.kinds[0].kind == core::Role::Market);
    CHECK(o.kinds[0].eligible == 0);
    CHECK(o.kinds[1].kind == core::Role::School);
    CHECK(o.kinds[1].eligible == 9);
    CHECK(o.kinds[1].drawn == 3);
    CHECK(o.kinds[2].drawn == 2);
    CHECK(o.anchors.size() == 5);
    std::set<int> orders;
    for (const auto& a : o.anchors)
        orders.insert(a.order);
    CHECK(orders == std::set<int>{1, 2, 3, 4, 5});
}

TEST_CASE("each candidate is equally likely (chi-square over seeds)", "[sampling][draw]") {
    core::Feedback fb;
    core::DrawParameters p;
    p.streets = {1, 1};
    p.compounds = {2, 2};
    const std::vector<core::DrawAnchor> one{anchor(core::Role::Market, QStringLiteral("M"))};
    std::map<QString, int> singles;
    std::map<QString, int> pairs;
    constexpr int draws = 6000;
    for (std::uint64_t seed = 0; seed < draws; ++seed) {
        const auto o = core::runDraw(p, seed, one, sharedUnits(5, 4), fb);
        ++singles[o.anchors[0].streets.items[0].key];
        auto c = o.anchors[0].compounds.items;
        std::sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
        ++pairs[c[0].key + c[1].key];
    }
    REQUIRE(singles.size() == 5);
    REQUIRE(pairs.size() == 6);
    const auto chi2 = [](const std::map<QString, int>& counts, double expected) {
        double sum = 0;
        for (const auto& [key, n] : counts)
            sum += (n - expected) * (n - expected) / expected;
        return sum;
    };
    // p = 0.001 critical values: 18.47 (4 degrees of freedom), 20.52 (5).
    CHECK(chi2(singles, draws / 5.0) < 18.47);
    CHECK(chi2(pairs, draws / 6.0) < 20.52);
}

TEST_CASE("ranks stand in for keys: a ranked provider draws the same units", "[sampling][draw]") {
    // Keys s00..s11 and c00..c07 sort as their numbers; the ranked provider leaves the keys
    // empty and hands the candidates over reversed, each list with one unit twice.
    const core::CandidateProvider keyed = [](const core::DrawAnchor&) {
        core::CandidateSet set;
        for (int i = 0; i < 12; ++i) {
            auto c = candidate(QStringLiteral("s%1").arg(i, 2, 10, QLatin1Char('0')), 600 + i);
            c.unit = static_cast<std::uint32_t>(i);
            set.streets.push_back(c);
        }
        for (int i = 0; i < 8; ++i) {
            auto c = candidate(QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0')), 700 + i);
            c.unit = static_cast<std::uint32_t>(i);
            set.compounds.push_back(c);
        }
        set.streets.push_back(set.streets[3]);
        set.compounds.push_back(set.compounds[5]);
        return set;
    };
    const core::CandidateProvider ranked = [&keyed](const core::DrawAnchor& a) {
        const core::CandidateSet byKey = keyed(a);
        core::CandidateSet set;
        for (const auto& c : byKey.streets)
            set.rankedStreets.push_back({c.unit, c.unit, c.eligibleOuterM});
        for (const auto& c : byKey.compounds)
            set.rankedCompounds.push_back({c.unit, c.unit, c.eligibleOuterM});
        std::reverse(set.rankedStreets.begin(), set.rankedStreets.end());
        std::reverse(set.rankedCompounds.begin(), set.rankedCompounds.end());
        set.ranked = true;
        return set;
    };
    const auto units = [](const core::UnitDraw& d) {
        std::vector<std::uint32_t> out;
        for (const auto& item : d.items)
            out.push_back(item.unit);
        return out;
    };
    core::Feedback fb;
    for (bool repeats : {false, true}) {
        core::DrawParameters p;
        p.allowRepeats = repeats;
        const auto byKey = core::runDraw(p, 7, someAnchors(), keyed, fb);
        const auto byRank = core::runDraw(p, 7, someAnchors(), ranked, fb);
        REQUIRE(byKey.anchors.size() == byRank.anchors.size());
        for (std::size_t i = 0; i < byKey.anchors.size(); ++i) {
            const auto& k = byKey.anchors[i];
            const auto& r = byRank.anchors[i];
            CHECK(units(k.streets) == units(r.streets));
            CHECK(units(k.compounds) == units(r.compounds));
            CHECK(k.streets.candidates == r.streets.candidates);
            CHECK(k.streets.available == r.streets.available);
            CHECK(k.compounds.available == r.compounds.available);
            for (const auto& item : r.streets.items) {
                CHECK(item.key.isEmpty()); // the caller fills in the drawn items
                CHECK(item.rank == item.unit);
                CHECK(std::isnan(item.distanceM));
            }
        }
    }
}

TEST_CASE("a provider that ranks some candidate sets but not others is refused",
          "[sampling][draw]") {
    int calls = 0;
    const auto shared = sharedUnits(6, 4);
    const core::CandidateProvider mixed = [&](const core::DrawAnchor& a) {
        core::CandidateSet set = shared(a);
        if (calls++ == 0) {
            for (const auto& c : set.streets)
                set.rankedStreets.push_back({c.unit, c.unit, c.eligibleOuterM});
            for (const auto& c : set.compounds)
                set.rankedCompounds.push_back({c.unit, c.unit, c.eligibleOuterM});
            set.streets.clear();
            set.compounds.clear();
            set.ranked = true;
        }
        return set;
    };
    core::Feedback fb;
    CHECK_THROWS_WITH(core::runDraw(core::DrawParameters{}, 7, someAnchors(), mixed, fb),
                      Catch::Contains("ranked some candidate sets but not others"));
    // A ranked set that carries keyed candidates too.
    const core::CandidateProvider both = [&](const core::DrawAnchor& a) {
        core::CandidateSet set = shared(a);
        set.rankedStreets.push_back({0, 0, 2000});
        set.ranked = true;
        return set;
    };
    CHECK_THROWS_WITH(core::runDraw(core::DrawParameters{}, 7, someAnchors(), both, fb),
                      Catch::Contains("mixed ranked and keyed"));
}

TEST_CASE("bad draw parameters are refused with a clear message", "[sampling][draw]") {
    core::DrawParameters p;
    p.innerM = 2000;
    p.outerM = 500;
    CHECK_THROWS_WITH(p.validate(), Catch::Contains("inner < outer"));
    p = {};
    p.streets = {3, 1};
    CHECK_THROWS_WITH(p.validate(), Catch::Contains("--streets"));
    p = {};
    p.kinds = {core::Role::BackStreet};
    CHECK_THROWS_WITH(p.validate(), Catch::Contains("not an anchor kind"));
    p = {};
    p.widenStepM = 500;
    p.widenLimitM = 3000;
    CHECK(p.outerSteps() == std::vector<double>{2000, 2500, 3000});
    const auto back = core::DrawParameters::fromJson(p.toJson(), QStringLiteral("test"));
    CHECK(back == p);
}
