#pragma once

#include "core/model/layer_data.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// What a feature is for the evaluation. The six anchor kinds come first.
enum class Role : std::uint8_t {
    Market,      ///< 农贸市场
    Mall,        ///< 商场超市
    School,      ///< 学校
    Hospital,    ///< 医院
    Station,     ///< 交通场站
    Community,   ///< 城市社区
    BackStreet,  ///< 背街小巷
    MainRoad,    ///< 主次干道
    Compound,    ///< 居民小区
    Subdistrict, ///< 街道 (sub-district polygon)
    Boundary,    ///< district boundary
    Toilet,      ///< 公共厕所
};
inline constexpr std::size_t kRoleCount = 12;
inline constexpr std::array<Role, 6> kAnchorRoles{Role::Market,   Role::Mall,    Role::School,
                                                  Role::Hospital, Role::Station, Role::Community};

/// Bit set of roles for one feature.
using RoleMask = std::uint16_t;
constexpr RoleMask roleBit(Role r) {
    return static_cast<RoleMask>(1u << static_cast<int>(r));
}
constexpr bool isAnchor(Role r) {
    return static_cast<int>(r) <= static_cast<int>(Role::Community);
}

/// The stable machine key of a role: "market", "back_street", ... (used in JSON and files).
QString roleKey(Role r);
/// Chinese display name (农贸市场, 背街小巷, ...).
QString roleChineseName(Role r);
std::optional<Role> roleFromKey(const QString& key);

/// One condition on a feature's attributes: every field listed must match one of its values.
struct AttributeCondition {
    enum class Op : std::uint8_t { Equals, Contains, EndsWith, NotEmpty };
    struct Test {
        QString field;
        Op op = Op::Equals;
        QStringList values; ///< alternatives; compared case-insensitively after trimming
    };
    std::vector<Test> tests; ///< all must hold
};

/// The fields a feature's name is read from when no rule names them, best first: those of
/// "name:zh", "name_zh", "name", "名称", "名字", "mc", "label" the layer has (any case), then
/// the other fields whose name ends in "name" or holds "名称" ("stopname", "poi_name",
/// "站点名称"), the one with the most distinct values among the first 1,000 features first.
/// Read them in turn: the first non-empty value is the name.
std::vector<int> defaultNameFields(const LayerData& layer);
/// The first non-empty value (trimmed) of a feature's `fields`, or "" (-1 entries are skipped).
QString nameFrom(const LayerData& layer, std::size_t feature, const std::vector<int>& fields);

/// A rule assigning a role to features of matching layers.
struct RoleRule {
    Role role = Role::Market;
    QString layerPattern;                    ///< wildcard on the layer name; empty = any layer
    std::vector<GeometryKind> geometries;    ///< allowed kinds; empty = any
    std::vector<AttributeCondition> match;   ///< any one must hold; empty = every feature
    std::vector<AttributeCondition> exclude; ///< none may hold
    QStringList nameFields;                  ///< where the feature's name is, first non-empty wins
    bool requireName = false;                ///< unnamed features do not match
};

/// Role rules as data. JSON format (see resources/rules/README.md):
/// `{"name": "...", "rules": [{"role": "market", "layer": "*", "geometry": ["point","polygon"],
///   "match": [{"amenity": "marketplace"}], "exclude": [...], "name_fields": ["name"],
///   "require_name": false}]}`; a condition value is a string or a list of strings, optionally
///   prefixed "~" (contains), "$" (ends with), or the single value "*" (any non-empty value).
class RuleSet {
public:
    /// Parses rules; throws core::FormatError naming `sourceName` and the offending rule.
    static RuleSet fromJson(const QByteArray& json, const QString& sourceName);
    /// Reads a rules file; throws core::Error (NotFound / Format) naming the file.
    static RuleSet fromFile(const QString& path);
    /// A shipped preset by name ("osm", "attributes-zh"); throws NotFound for unknown names.
    static RuleSet preset(const QString& name);
    /// All shipped presets merged ("osm" and "attributes-zh"): suits most inputs.
    static RuleSet defaults();

    const QString& name() const { return name_; }
    const std::vector<RoleRule>& rules() const { return rules_; }
    void append(const RuleSet& other);

    /// Roles of every feature of `layer` (one mask per feature).
    std::vector<RoleMask> classify(const LayerData& layer) const;
    /// The feature's name for a role, from the first rule of that role matching the layer
    /// (falls back to common name fields: name:zh, name, 名称, NAME, ...). To name many
    /// features of one layer, use a FeatureNamer: it matches the rules once.
    QString featureName(const LayerData& layer, std::size_t feature, Role role) const;
    /// The field indices featureName() reads for `role` in `layer`, in order: one list per
    /// matching rule that names fields, then the fallback fields (-1 where a field is missing).
    std::vector<std::vector<int>> nameFieldIndices(const LayerData& layer, Role role) const;

private:
    QString name_;
    std::vector<RoleRule> rules_;
};

/// Names the features of one layer as RuleSet::featureName() does, matching the rules and
/// looking the fields up once per role instead of once per feature (a city has 300,000
/// features). Thread: one namer per thread; the rules and the layer must outlive it.
class FeatureNamer {
public:
    FeatureNamer(const RuleSet& rules, const LayerData& layer) : rules_(rules), layer_(layer) {}
    QString name(std::size_t feature, Role role) const;

private:
    const RuleSet& rules_;
    const LayerData& layer_;
    mutable std::array<std::optional<std::vector<std::vector<int>>>, kRoleCount> fields_;
};

/// A layer with the roles of its features.
struct ClassifiedLayer {
    LayerPtr data;
    std::vector<RoleMask> roles; ///< per feature
    RoleMask layerRoles = 0;     ///< union over features
};

} // namespace core
