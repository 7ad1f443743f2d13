#pragma once

#include "core/model/card.h"
#include "core/model/taxonomy.h"
#include "core/workflow/work_calendar.h"

#include <QDateTime>

#include <optional>

namespace core {

/// Days within which the same defect code on the same responsible unit makes a new card red
/// (domain.md 5.3, "repeated").
inline constexpr int kRepeatWindowDays = 30;

/// The time allowed for a card of `colour` on a defect of `type` (domain.md 5.3): white the
/// taxonomy's white allowance (4 working hours); yellow the type's own deadline or the
/// taxonomy's yellow allowance (3 working days); red 24 calendar hours for severity 1, else
/// half the yellow allowance.
Allowance cardAllowance(const Taxonomy& taxonomy, const DefectType& type, CardColour colour);

/// The colour a new card gets: `requested` when given, else the type's default; red when the
/// defect repeats an earlier one (same code and unit within kRepeatWindowDays).
CardColour initialColour(const DefectType& type, std::optional<CardColour> requested,
                         bool isRepeat);

/// The stage `card advance` moves to: Issued -> Dispatched -> Fixing -> Reported ->
/// Rechecked; nullopt from Rechecked (closing is its own step) and from Closed.
std::optional<CardStage> nextStage(CardStage stage);
/// Whether 退回 is allowed (from Reported or Rechecked back to Fixing).
bool canReturn(CardStage stage);
/// Whether a card in this stage can be overdue: open and not yet reported done.
bool countsTowardsDeadline(CardStage stage);
/// Overdue at `nowUtc`: counts toward its deadline and the deadline has passed.
bool isOverdue(const Card& card, const QDateTime& nowUtc);

/// The result of escalating one overdue card.
struct Escalation {
    CardColour colour;
    QDateTime deadline;
};
/// What an overdue card becomes at `nowUtc`: white -> yellow, yellow -> red, each with a fresh
/// deadline counted from now; nullopt for a red card (it stays red and overdue) or a card that
/// is not overdue.
std::optional<Escalation> escalate(const Card& card, const Taxonomy& taxonomy,
                                   const DefectType& type, const WorkCalendar& calendar,
                                   const QDateTime& nowUtc);

} // namespace core
