#include "core/workflow/card_rules.h"

namespace core {

Allowance cardAllowance(const Taxonomy& taxonomy, const DefectType& type, CardColour colour) {
    const Allowance yellow = type.deadline.value_or(taxonomy.yellowDeadline());
    switch (colour) {
    case CardColour::White:
        return taxonomy.whiteDeadline();
    case CardColour::Yellow:
        return yellow;
    case CardColour::Red:
        if (type.severity == 1)
            return taxonomy.redSeverity1Deadline();
        return Allowance{yellow.amount / 2, yellow.unit};
    }
    return yellow;
}

CardColour initialColour(const DefectType& type, std::optional<CardColour> requested,
                         bool isRepeat) {
    if (isRepeat)
        return CardColour::Red;
    return requested.value_or(type.card);
}

std::optional<CardStage> nextStage(CardStage stage) {
    switch (stage) {
    case CardStage::Found:
        return CardStage::Issued;
    case CardStage::Issued:
        return CardStage::Dispatched;
    case CardStage::Dispatched:
        return CardStage::Fixing;
    case CardStage::Fixing:
        return CardStage::Reported;
    case CardStage::Reported:
        return CardStage::Rechecked;
    case CardStage::Rechecked:
    case CardStage::Closed:
        return std::nullopt;
    }
    return std::nullopt;
}

bool canReturn(CardStage stage) {
    return stage == CardStage::Reported || stage == CardStage::Rechecked;
}

bool countsTowardsDeadline(CardStage stage) {
    return stage == CardStage::Issued || stage == CardStage::Dispatched ||
           stage == CardStage::Fixing;
}

bool isOverdue(const Card& card, const QDateTime& nowUtc) {
    return countsTowardsDeadline(card.stage) && card.deadline.isValid() && card.deadline < nowUtc;
}

std::optional<Escalation> escalate(const Card& card, const Taxonomy& taxonomy,
                                   const DefectType& type, const WorkCalendar& calendar,
                                   const QDateTime& nowUtc) {
    if (!isOverdue(card, nowUtc) || card.colour == CardColour::Red)
        return std::nullopt;
    const CardColour next = card.colour == CardColour::White ? CardColour::Yellow : CardColour::Red;
    return Escalation{next, calendar.add(nowUtc, cardAllowance(taxonomy, type, next))};
}

} // namespace core
