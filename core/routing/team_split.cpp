#include "core/routing/team_split.h"

#include "core/util/error.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace core {

namespace {

constexpr double kEps = 1e-9;

class Days {
public:
    Days(const CostMatrix& m, const TourEnds& ends, const TeamOptions& opt)
        : m_(m), ends_(ends), opt_(opt),
          round_(ends.roundTrip || (ends.start >= 0 && ends.start == ends.end)) {}

    std::vector<int> full(const std::vector<int>& stops) const {
        std::vector<int> f;
        if (ends_.start >= 0)
            f.push_back(ends_.start);
        f.insert(f.end(), stops.begin(), stops.end());
        if (!round_ && ends_.end >= 0)
            f.push_back(ends_.end);
        return f;
    }
    double cost(const std::vector<int>& stops) const {
        if (stops.empty() && ends_.start < 0)
            return 0;
        return tourCost(m_, full(stops), round_);
    }
    // Re-orders a day's stops optimally (or by the heuristic for long days).
    std::vector<int> reorder(const std::vector<int>& stops) const {
        if (stops.size() < 2)
            return stops;
        const std::vector<int> places = full(stops);
        CostMatrix sub(places.size());
        for (std::size_t i = 0; i < places.size(); ++i)
            for (std::size_t j = 0; j < places.size(); ++j)
                sub(i, j) = m_(places[i], places[j]);
        OrderOptions o;
        o.exactLimit = opt_.exactLimit;
        o.seed = opt_.seed;
        o.ends.roundTrip = round_;
        o.ends.start = ends_.start >= 0 ? 0 : -1;
        o.ends.end = (!round_ && ends_.end >= 0) ? static_cast<int>(places.size()) - 1 : -1;
        const OrderResult r = orderStops(sub, o);
        std::vector<int> out;
        for (const int i : r.order) {
            const int place = places[i];
            if (place != ends_.start && (round_ || place != ends_.end))
                out.push_back(place);
        }
        return cost(out) <= cost(stops) ? out : stops;
    }
    // Cheapest position to insert `s` into `stops`, and the resulting cost.
    std::pair<std::size_t, double> bestInsert(const std::vector<int>& stops, int s) const {
        std::size_t bestPos = 0;
        double best = std::numeric_limits<double>::infinity();
        std::vector<int> trial;
        for (std::size_t pos = 0; pos <= stops.size(); ++pos) {
            trial = stops;
            trial.insert(trial.begin() + static_cast<long>(pos), s);
            const double c = cost(trial);
            if (c < best) {
                best = c;
                bestPos = pos;
            }
        }
        return {bestPos, best};
    }

private:
    const CostMatrix& m_;
    TourEnds ends_;
    TeamOptions opt_;
    bool round_;
};

// Cuts a sequence into k consecutive days minimising the longest (dynamic programming).
std::vector<std::vector<int>> cut(const Days& days, const std::vector<int>& seq, int k) {
    const std::size_t n = seq.size();
    std::vector<std::vector<double>> seg(n + 1, std::vector<double>(n + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
        for (std::size_t j = i; j <= n; ++j)
            seg[i][j] = days.cost(std::vector<int>(seq.begin() + static_cast<long>(i),
                                                   seq.begin() + static_cast<long>(j)));
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> best(k + 1, std::vector<double>(n + 1, inf));
    std::vector<std::vector<std::size_t>> from(k + 1, std::vector<std::size_t>(n + 1, 0));
    best[0][0] = 0;
    for (int d = 1; d <= k; ++d)
        for (std::size_t j = 0; j <= n; ++j)
            for (std::size_t i = 0; i <= j; ++i) {
                const double v = std::max(best[d - 1][i], seg[i][j]);
                if (v < best[d][j]) {
                    best[d][j] = v;
                    from[d][j] = i;
                }
            }
    std::vector<std::vector<int>> out(k);
    std::size_t j = n;
    for (int d = k; d >= 1; --d) {
        const std::size_t i = from[d][j];
        out[d - 1].assign(seq.begin() + static_cast<long>(i), seq.begin() + static_cast<long>(j));
        j = i;
    }
    return out;
}

} // namespace

TeamSplit splitTeams(const CostMatrix& m, const std::vector<int>& stops, const TourEnds& ends,
                     const TeamOptions& options) {
    if (options.teams < 1)
        throw Error(
            ErrorCode::InvalidInput,
            QStringLiteral("the number of teams must be at least 1 (got %1)").arg(options.teams));
    for (const int s : stops)
        if (s < 0 || s >= static_cast<int>(m.size()) || s == ends.start || s == ends.end)
            throw Error(ErrorCode::InvalidInput,
                        QStringLiteral("stop index %1 is not a free place of the matrix").arg(s));
    const Days days(m, ends, options);
    const int k = options.teams;

    // The giant tour: every stop in one day, then cut.
    std::vector<int> giant = days.reorder(stops);
    std::vector<std::vector<int>> team = cut(days, giant, k);
    for (auto& t : team)
        t = days.reorder(t);
    std::vector<double> cost(k);
    auto recost = [&] {
        for (int d = 0; d < k; ++d)
            cost[d] = days.cost(team[d]);
    };
    recost();

    // Move a stop out of the longest day, or swap one with another day, while that shortens
    // the longest day; re-order the days touched.
    for (int round = 0; round < 50 && k > 1; ++round) {
        const int longest =
            static_cast<int>(std::max_element(cost.begin(), cost.end()) - cost.begin());
        bool improved = false;
        for (std::size_t i = 0; i < team[longest].size() && !improved; ++i) {
            std::vector<int> rest = team[longest];
            const int s = rest[i];
            rest.erase(rest.begin() + static_cast<long>(i));
            const double restCost = days.cost(rest);
            for (int d = 0; d < k && !improved; ++d) {
                if (d == longest)
                    continue;
                auto [pos, c] = days.bestInsert(team[d], s);
                if (std::max(restCost, c) < cost[longest] - kEps) {
                    team[d].insert(team[d].begin() + static_cast<long>(pos), s);
                    team[longest] = rest;
                    improved = true;
                    continue;
                }
                for (std::size_t j = 0; j < team[d].size() && !improved; ++j) {
                    std::vector<int> other = team[d];
                    const int t = other[j];
                    other.erase(other.begin() + static_cast<long>(j));
                    auto [p1, c1] = days.bestInsert(rest, t);
                    auto [p2, c2] = days.bestInsert(other, s);
                    if (std::max(c1, c2) < cost[longest] - kEps) {
                        rest.insert(rest.begin() + static_cast<long>(p1), t);
                        other.insert(other.begin() + static_cast<long>(p2), s);
                        team[longest] = rest;
                        team[d] = other;
                        improved = true;
                    }
                }
            }
        }
        if (!improved)
            break;
        for (auto& t : team)
            t = days.reorder(t);
        recost();
    }

    // Days over budget give up the stop whose removal saves most, until they fit.
    std::vector<int> pool;
    for (int d = 0; d < k; ++d) {
        while (cost[d] > options.budget + kEps && !team[d].empty()) {
            std::size_t bestI = 0;
            double bestCost = std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < team[d].size(); ++i) {
                std::vector<int> rest = team[d];
                rest.erase(rest.begin() + static_cast<long>(i));
                const double c = days.cost(rest);
                if (c < bestCost) {
                    bestCost = c;
                    bestI = i;
                }
            }
            pool.push_back(team[d][bestI]);
            team[d].erase(team[d].begin() + static_cast<long>(bestI));
            team[d] = days.reorder(team[d]);
            cost[d] = days.cost(team[d]);
        }
    }
    // Then every removed stop goes where it fits at least cost, if anywhere.
    std::sort(pool.begin(), pool.end());
    std::vector<int> unplaced;
    for (const int s : pool) {
        int bestD = -1;
        std::size_t bestPos = 0;
        double bestC = std::numeric_limits<double>::infinity();
        for (int d = 0; d < k; ++d) {
            auto [pos, c] = days.bestInsert(team[d], s);
            if (c <= options.budget + kEps && c < bestC) {
                bestC = c;
                bestD = d;
                bestPos = pos;
            }
        }
        if (bestD < 0) {
            unplaced.push_back(s);
            continue;
        }
        team[bestD].insert(team[bestD].begin() + static_cast<long>(bestPos), s);
        team[bestD] = days.reorder(team[bestD]);
        cost[bestD] = days.cost(team[bestD]);
    }

    TeamSplit out;
    for (int d = 0; d < k; ++d) {
        out.days.push_back({days.full(team[d]), cost[d]});
        out.longest = std::max(out.longest, cost[d]);
    }
    out.unplaced = std::move(unplaced);
    return out;
}

} // namespace core
