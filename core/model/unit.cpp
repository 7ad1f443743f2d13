#include "core/model/unit.h"

namespace core {

namespace {

struct KindName {
    const char* key;
    const char* zh;
};

constexpr std::array<KindName, kUnitKindCount> kKinds{{
    {"STREET_OFFICE", "街道办事处"},
    {"COMMUNITY", "社区居委会"},
    {"PROPERTY_MGMT", "物业"},
    {"URBAN_MGMT", "城管局"},
    {"HOUSING_CONSTR", "住建局"},
    {"STREETLIGHT", "路灯所"},
    {"GREENING", "园林"},
    {"TRAFFIC_POLICE", "交警大队"},
    {"POLICE", "公安局"},
    {"TRANSPORT", "交通运输局"},
    {"MARKET_REG", "市场监管局"},
    {"COMMERCE", "商务局"},
    {"EDUCATION", "教育局"},
    {"HEALTH", "卫健委"},
    {"CIVILIZATION_OFFICE", "文明办"},
    {"FIRE", "消防救援"},
    {"UTILITY_OWNER", "管线权属单位"},
    {"MERCHANT", "沿街商户"},
}};

} // namespace

QString unitKindKey(UnitKind kind) {
    return QString::fromLatin1(kKinds[static_cast<std::size_t>(kind)].key);
}

QString unitKindChineseName(UnitKind kind) {
    return QString::fromUtf8(kKinds[static_cast<std::size_t>(kind)].zh);
}

std::optional<UnitKind> unitKindFromKey(const QString& key) {
    const QString k = key.trimmed();
    for (std::size_t i = 0; i < kKinds.size(); ++i)
        if (k.compare(QLatin1String(kKinds[i].key), Qt::CaseInsensitive) == 0)
            return static_cast<UnitKind>(i);
    return std::nullopt;
}

} // namespace core
