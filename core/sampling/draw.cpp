#include "core/sampling/draw.h"

#include "core/sampling/prng.h"
#include "core/util/error.h"

#include <QObject>
#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>

namespace core {

namespace {

int kindRank(Role r) {
    return static_cast<int>(r);
}

/// Sorts by key and keeps the first of equal keys (equal keys are the same unit twice).
void sortUnique(std::vector<DrawCandidate>& items) {
    const auto byKey = [](const DrawCandidate& a, const DrawCandidate& b) {
        return QString::compare(a.key, b.key, Qt::CaseSensitive) < 0;
    };
    // Callers usually hand over candidates already in key order; checking is much cheaper
    // than sorting thousands of strings per anchor.
    if (!std::is_sorted(items.begin(), items.end(), byKey))
        std::sort(items.begin(), items.end(), byKey);
    items.erase(
        std::unique(items.begin(), items.end(),
                    [](const DrawCandidate& a, const DrawCandidate& b) { return a.key == b.key; }),
        items.end());
}

/// As above, by rank.
void sortUnique(std::vector<RankedCandidate>& items) {
    const auto byRank = [](const RankedCandidate& a, const RankedCandidate& b) {
        return a.rank < b.rank;
    };
    if (!std::is_sorted(items.begin(), items.end(), byRank))
        std::stable_sort(items.begin(), items.end(), byRank);
    items.erase(std::unique(items.begin(), items.end(),
                            [](const RankedCandidate& a, const RankedCandidate& b) {
                                return a.rank == b.rank;
                            }),
                items.end());
}

DrawnItem drawnItem(const DrawCandidate& c) {
    return c;
}

DrawnItem drawnItem(const RankedCandidate& c) {
    DrawnItem item;
    item.rank = c.rank;
    item.unit = c.unit;
    item.eligibleOuterM = c.eligibleOuterM;
    item.measure = std::numeric_limits<double>::quiet_NaN();
    item.distanceM = item.measure;
    item.nearPoint = {item.measure, item.measure};
    return item;
}

/// The units (streets or compounds) drawn so far in a draw: by key for keyed candidate sets,
/// by rank for ranked ones.
class UsedUnits {
public:
    bool contains(const DrawCandidate& c) const { return keys_.contains(c.key); }
    bool contains(const RankedCandidate& c) const {
        return c.rank < ranks_.size() && ranks_[c.rank];
    }
    void insert(const DrawCandidate& c) { keys_.insert(c.key); }
    void insert(const RankedCandidate& c) {
        if (c.rank >= ranks_.size())
            ranks_.resize(std::max<std::size_t>(c.rank + 1, ranks_.size() * 2), false);
        ranks_[c.rank] = true;
    }

private:
    std::vector<bool> ranks_;
    QSet<QString> keys_;
};

template <typename Candidate>
UnitDraw drawUnits(std::vector<Candidate> pool, int asked, const DrawParameters& params,
                   UsedUnits& used, Prng& rng) {
    sortUnique(pool);
    UnitDraw out;
    out.asked = asked;
    constexpr double eps = 1e-9;
    out.candidates =
        static_cast<int>(std::count_if(pool.begin(), pool.end(), [&](const Candidate& c) {
            return c.eligibleOuterM <= params.outerM + eps;
        }));
    const auto steps = params.outerSteps();
    std::vector<const Candidate*> open;
    for (std::size_t s = 0; s < steps.size(); ++s) {
        open.clear();
        for (const auto& c : pool)
            if (c.eligibleOuterM <= steps[s] + eps && (params.allowRepeats || !used.contains(c)))
                open.push_back(&c);
        out.outerUsedM = steps[s];
        if (static_cast<int>(open.size()) >= asked)
            break;
    }
    out.widened = out.outerUsedM > params.outerM + eps;
    out.available = static_cast<int>(open.size());
    const auto take = std::min<std::size_t>(open.size(), static_cast<std::size_t>(asked));
    for (std::size_t i : sampleIndices(rng, open.size(), take)) {
        out.items.push_back(drawnItem(*open[i]));
        used.insert(*open[i]);
    }
    out.shortfall = asked - static_cast<int>(out.items.size());
    return out;
}

} // namespace

DrawOutcome runDraw(const DrawParameters& params, std::uint64_t seed,
                    std::vector<DrawAnchor> anchors, const CandidateProvider& candidates,
                    Feedback& feedback, const ProcessingOrderHook& onOrder) {
    params.validate();
    std::sort(anchors.begin(), anchors.end(), [](const DrawAnchor& a, const DrawAnchor& b) {
        if (a.kind != b.kind)
            return kindRank(a.kind) < kindRank(b.kind);
        return QString::compare(a.key, b.key, Qt::CaseSensitive) < 0;
    });
    anchors.erase(std::unique(anchors.begin(), anchors.end(),
                              [](const DrawAnchor& a, const DrawAnchor& b) {
                                  return a.kind == b.kind && a.key == b.key;
                              }),
                  anchors.end());

    DrawOutcome outcome;
    Prng rng(seed);
    std::vector<AnchorDraw> picked;
    for (Role kind : kAnchorRoles) {
        if (std::find(params.kinds.begin(), params.kinds.end(), kind) == params.kinds.end())
            continue;
        std::vector<const DrawAnchor*> ofKind;
        for (const auto& a : anchors)
            if (a.kind == kind)
                ofKind.push_back(&a);
        KindCount count{kind, static_cast<int>(ofKind.size()), 0};
        std::vector<std::size_t> chosen;
        if (params.anchorsPerKind > 0 &&
            ofKind.size() > static_cast<std::size_t>(params.anchorsPerKind)) {
            chosen =
                sampleIndices(rng, ofKind.size(), static_cast<std::size_t>(params.anchorsPerKind));
            std::sort(chosen.begin(), chosen.end());
        } else {
            for (std::size_t i = 0; i < ofKind.size(); ++i)
                chosen.push_back(i);
        }
        for (std::size_t i : chosen) {
            const DrawAnchor& a = *ofKind[i];
            AnchorDraw d;
            d.id = QStringLiteral("%1-%2").arg(roleKey(kind)).arg(i + 1);
            d.kind = a.kind;
            d.name = a.name;
            d.key = a.key;
            d.source = a.source;
            d.location = a.location;
            d.site = a.site;
            picked.push_back(std::move(d));
        }
        count.drawn = static_cast<int>(chosen.size());
        outcome.kinds.push_back(count);
    }

    const auto order = sampleIndices(rng, picked.size(), picked.size());
    if (onOrder) {
        std::vector<DrawAnchor> inOrder;
        inOrder.reserve(order.size());
        for (std::size_t i : order) {
            const AnchorDraw& d = picked[i];
            inOrder.push_back({d.kind, d.name, d.key, d.source, d.location, d.site});
        }
        onOrder(inOrder);
    }
    UsedUnits usedStreets;
    UsedUnits usedCompounds;
    std::optional<bool> ranked; // as the provider's first set
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        feedback.throwIfCanceled();
        AnchorDraw& d = picked[order[pos]];
        d.order = static_cast<int>(pos + 1);
        const int k = static_cast<int>(rng.between(params.streets.min, params.streets.max));
        const int m = static_cast<int>(rng.between(params.compounds.min, params.compounds.max));
        DrawAnchor query{d.kind, d.name, d.key, d.source, d.location, d.site};
        CandidateSet found = candidates(query);
        if (!ranked)
            ranked = found.ranked;
        else if (*ranked != found.ranked)
            throw Error(ErrorCode::Internal,
                        QStringLiteral("the draw's candidate provider ranked some candidate sets "
                                       "but not others"));
        if (found.ranked ? !found.streets.empty() || !found.compounds.empty()
                         : !found.rankedStreets.empty() || !found.rankedCompounds.empty())
            throw Error(ErrorCode::Internal,
                        QStringLiteral("the draw's candidate provider mixed ranked and keyed "
                                       "candidates in one set"));
        if (found.ranked) {
            d.streets = drawUnits(std::move(found.rankedStreets), k, params, usedStreets, rng);
            d.compounds =
                drawUnits(std::move(found.rankedCompounds), m, params, usedCompounds, rng);
        } else {
            d.streets = drawUnits(std::move(found.streets), k, params, usedStreets, rng);
            d.compounds = drawUnits(std::move(found.compounds), m, params, usedCompounds, rng);
        }
        feedback.setProgress(100.0 * static_cast<double>(pos + 1) /
                                 static_cast<double>(order.size()),
                             QObject::tr("Drawing around anchors"));
    }
    outcome.anchors = std::move(picked);
    return outcome;
}

} // namespace core
