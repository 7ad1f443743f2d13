#include "core/model/card.h"

#include <array>

namespace core {

namespace {

constexpr std::array<const char*, 3> kColourKeys{"white", "yellow", "red"};
constexpr std::array<const char*, 3> kColourZh{"白卡", "黄卡", "红卡"};
constexpr std::array<const char*, 3> kColourShortZh{"白", "黄", "红"};
constexpr std::array<const char*, 7> kStageKeys{"found",    "issued",    "dispatched", "fixing",
                                                "reported", "rechecked", "closed"};
constexpr std::array<const char*, 7> kStageZh{"发现", "发卡", "派遣", "整改",
                                              "反馈", "复核", "销号"};

} // namespace

QString cardColourKey(CardColour c) {
    return QString::fromLatin1(kColourKeys[static_cast<std::size_t>(c)]);
}
QString cardColourChinese(CardColour c) {
    return QString::fromUtf8(kColourZh[static_cast<std::size_t>(c)]);
}
std::optional<CardColour> cardColourFromKey(const QString& key) {
    const QString k = key.trimmed();
    for (std::size_t i = 0; i < kColourKeys.size(); ++i)
        if (k.compare(QLatin1String(kColourKeys[i]), Qt::CaseInsensitive) == 0 ||
            k == QString::fromUtf8(kColourZh[i]) || k == QString::fromUtf8(kColourShortZh[i]))
            return static_cast<CardColour>(i);
    return std::nullopt;
}
QString cardStageKey(CardStage s) {
    return QString::fromLatin1(kStageKeys[static_cast<std::size_t>(s)]);
}
QString cardStageChinese(CardStage s) {
    return QString::fromUtf8(kStageZh[static_cast<std::size_t>(s)]);
}
std::optional<CardStage> cardStageFromKey(const QString& key) {
    const QString k = key.trimmed();
    for (std::size_t i = 0; i < kStageKeys.size(); ++i)
        if (k.compare(QLatin1String(kStageKeys[i]), Qt::CaseInsensitive) == 0 ||
            k == QString::fromUtf8(kStageZh[i]))
            return static_cast<CardStage>(i);
    return std::nullopt;
}

} // namespace core
