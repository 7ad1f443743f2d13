#pragma once

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>

namespace core {

/// Supervision card colour (督办卡, domain.md 5.3): white 立行立改, yellow 限期整改,
/// red 挂牌督办. Ordered by urgency.
enum class CardColour : std::uint8_t { White, Yellow, Red };

/// A defect's place in the card lifecycle 发现 -> 发卡 -> 派遣 -> 整改 -> 反馈 -> 复核 -> 销号.
/// 退回 (return) sends a card from 反馈 or 复核 back to 整改.
enum class CardStage : std::uint8_t {
    Found,      ///< 发现: recorded, no card yet
    Issued,     ///< 发卡: confirmed, card issued
    Dispatched, ///< 派遣: sent to the responsible unit
    Fixing,     ///< 整改: the unit is fixing it
    Reported,   ///< 反馈: the unit reports it done
    Rechecked,  ///< 复核: an inspector re-checked on site and found it fixed
    Closed,     ///< 销号: closed
};

QString cardColourKey(CardColour c);                             ///< "white", "yellow", "red"
QString cardColourChinese(CardColour c);                         ///< 白卡, 黄卡, 红卡
std::optional<CardColour> cardColourFromKey(const QString& key); ///< also accepts 白/黄/红
QString cardStageKey(CardStage s);                             ///< "found", "issued", ..., "closed"
QString cardStageChinese(CardStage s);                         ///< 发现, 发卡, ..., 销号
std::optional<CardStage> cardStageFromKey(const QString& key); ///< key or Chinese name

/// A card as stored in a campaign. Times are UTC.
struct Card {
    std::int64_t id = 0;
    QString uuid;
    std::int64_t defectId = 0;
    CardColour colour = CardColour::White;
    CardStage stage = CardStage::Issued;
    QDateTime issuedAt;
    QDateTime deadline;
    std::optional<std::int64_t> unitId;
    QString repeatOf; ///< uuid of the earlier defect when the repeat rule made this card red
    QDateTime closedAt;
    QDateTime updatedAt;
};

} // namespace core
