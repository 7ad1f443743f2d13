#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace core {

/// The kind of a responsible unit (domain.md 5.1). Stable keys such as "STREET_OFFICE" are
/// what files and the campaign store hold.
enum class UnitKind : std::uint8_t {
    StreetOffice,
    Community,
    PropertyMgmt,
    UrbanMgmt,
    HousingConstr,
    Streetlight,
    Greening,
    TrafficPolice,
    Police,
    Transport,
    MarketReg,
    Commerce,
    Education,
    Health,
    CivilizationOffice,
    Fire,
    UtilityOwner,
    Merchant,
};
inline constexpr std::size_t kUnitKindCount = 18;

/// "STREET_OFFICE", "PROPERTY_MGMT", ...
QString unitKindKey(UnitKind kind);
/// 街道办事处, 物业, ... (for a unit created before the district names it).
QString unitKindChineseName(UnitKind kind);
/// Case-insensitive; nullopt for an unknown key.
std::optional<UnitKind> unitKindFromKey(const QString& key);

/// A responsible unit (责任单位) of one campaign: who a card is sent to.
struct ResponsibleUnit {
    std::int64_t id = 0; ///< row id in the campaign, 0 before it is stored
    QString uuid;
    QString name; ///< e.g. "西湖街道办事处"
    UnitKind kind = UnitKind::StreetOffice;
    QString contact; ///< free text: person, phone
    QString area;    ///< for street offices: the sub-district name that places defects
};

} // namespace core
