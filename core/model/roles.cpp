#include "core/model/roles.h"

#include "core/util/error.h"
#include "core/util/resources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringTokenizer>

#include <algorithm>

namespace core {

namespace {

struct RoleNames {
    Role role;
    const char* key;
    const char* zh;
};

// The keys are a public contract: `info --json`, rule files and later issues rely on them.
constexpr RoleNames kRoleNames[kRoleCount] = {
    {Role::Market, "market", "农贸市场"},
    {Role::Mall, "mall", "商场超市"},
    {Role::School, "school", "学校"},
    {Role::Hospital, "hospital", "医院"},
    {Role::Station, "station", "交通场站"},
    {Role::Community, "community", "城市社区"},
    {Role::BackStreet, "back_street", "背街小巷"},
    {Role::MainRoad, "main_road", "主次干道"},
    {Role::Compound, "compound", "居民小区"},
    {Role::Subdistrict, "subdistrict", "街道"},
    {Role::Boundary, "boundary", "行政区界"},
    {Role::Toilet, "toilet", "公共厕所"},
};

[[noreturn]] void ruleError(const QString& source, int index, const QString& what) {
    throw FormatError(
        QStringLiteral("role rules %1, rule %2: %3").arg(source).arg(index + 1).arg(what));
}

QStringList stringOrList(const QJsonValue& v) {
    QStringList out;
    if (v.isString())
        out << v.toString();
    else if (v.isArray())
        for (const auto& item : v.toArray())
            out << item.toString();
    return out;
}

AttributeCondition parseCondition(const QJsonValue& v, const QString& source, int index) {
    if (!v.isObject())
        ruleError(source, index,
                  QStringLiteral("a condition must be an object {\"field\": value}"));
    AttributeCondition cond;
    const QJsonObject obj = v.toObject();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QStringList raw = stringOrList(it.value());
        if (raw.isEmpty())
            ruleError(source, index,
                      QStringLiteral("field '%1' needs a value or a list of values").arg(it.key()));
        // All values of one test share one operator, taken from the first value's prefix.
        AttributeCondition::Test test;
        test.field = it.key();
        const QString& first = raw.front();
        if (raw.size() == 1 && first == QLatin1String("*"))
            test.op = AttributeCondition::Op::NotEmpty;
        else if (first.startsWith(QLatin1Char('~')))
            test.op = AttributeCondition::Op::Contains;
        else if (first.startsWith(QLatin1Char('$')))
            test.op = AttributeCondition::Op::EndsWith;
        for (QString value : raw) {
            if (test.op == AttributeCondition::Op::Contains ||
                test.op == AttributeCondition::Op::EndsWith)
                value = value.mid(1);
            test.values << value.trimmed();
        }
        cond.tests.push_back(std::move(test));
    }
    return cond;
}

std::vector<AttributeCondition> parseConditions(const QJsonValue& v, const QString& source,
                                                int index) {
    std::vector<AttributeCondition> out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (v.isObject()) {
        out.push_back(parseCondition(v, source, index));
        return out;
    }
    if (!v.isArray())
        ruleError(source, index, QStringLiteral("'match'/'exclude' must be a list of conditions"));
    for (const auto& c : v.toArray())
        out.push_back(parseCondition(c, source, index));
    return out;
}

GeometryKind parseKind(const QString& s, const QString& source, int index) {
    if (s == QLatin1String("point"))
        return GeometryKind::Point;
    if (s == QLatin1String("line"))
        return GeometryKind::Line;
    if (s == QLatin1String("polygon"))
        return GeometryKind::Polygon;
    ruleError(source, index,
              QStringLiteral("unknown geometry '%1' (use point, line or polygon)").arg(s));
}

// Field indices resolved once per layer: a test's field may name alternatives "a|b|c".
struct ResolvedTest {
    int field = -1;
    const AttributeCondition::Test* test = nullptr;
};

int resolveField(const LayerData& layer, const QString& alternatives) {
    for (const auto& name : alternatives.split(QLatin1Char('|'))) {
        const int i = layer.fieldIndex(name.trimmed());
        if (i >= 0)
            return i;
    }
    return -1;
}

bool testHolds(const LayerData& layer, std::size_t feature, const ResolvedTest& rt) {
    if (rt.field < 0)
        return false;
    // Views into the attribute's text: classifying a city tests millions of values, and
    // copies of their parts would cost more than the tests.
    const QString text = layer.text(feature, rt.field);
    const QStringView value = QStringView(text).trimmed();
    if (value.isEmpty())
        return false;
    switch (rt.test->op) {
    case AttributeCondition::Op::NotEmpty:
        return true;
    case AttributeCondition::Op::Equals:
        // OSM allows "a;b" multi-values; any of them may match.
        for (const QStringView part : qTokenize(value, u';'))
            for (const auto& v : rt.test->values)
                if (part.trimmed().compare(v, Qt::CaseInsensitive) == 0)
                    return true;
        return false;
    case AttributeCondition::Op::Contains:
        for (const auto& v : rt.test->values)
            if (value.contains(v, Qt::CaseInsensitive))
                return true;
        return false;
    case AttributeCondition::Op::EndsWith:
        for (const auto& v : rt.test->values)
            if (value.endsWith(v, Qt::CaseInsensitive))
                return true;
        return false;
    }
    return false;
}

using ResolvedCondition = std::vector<ResolvedTest>;

std::vector<ResolvedCondition> resolve(const LayerData& layer,
                                       const std::vector<AttributeCondition>& conds) {
    std::vector<ResolvedCondition> out;
    for (const auto& c : conds) {
        ResolvedCondition rc;
        for (const auto& t : c.tests)
            rc.push_back({resolveField(layer, t.field), &t});
        out.push_back(std::move(rc));
    }
    return out;
}

bool anyHolds(const LayerData& layer, std::size_t feature,
              const std::vector<ResolvedCondition>& conds) {
    for (const auto& c : conds) {
        bool all = true;
        for (const auto& t : c)
            if (!testHolds(layer, feature, t)) {
                all = false;
                break;
            }
        if (all)
            return true;
    }
    return false;
}

bool layerMatches(const RoleRule& rule, const LayerData& layer) {
    if (!rule.geometries.empty() && std::find(rule.geometries.begin(), rule.geometries.end(),
                                              layer.kind) == rule.geometries.end())
        return false;
    if (rule.layerPattern.isEmpty() || rule.layerPattern == QLatin1String("*"))
        return true;
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(rule.layerPattern),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(layer.name).hasMatch() || re.match(layer.source.layerName).hasMatch();
}

std::vector<int> resolveFields(const LayerData& layer, const QStringList& fields) {
    std::vector<int> out;
    out.reserve(static_cast<std::size_t>(fields.size()));
    for (const auto& f : fields)
        out.push_back(resolveField(layer, f));
    return out;
}

} // namespace

QString nameFrom(const LayerData& layer, std::size_t feature, const std::vector<int>& fields) {
    for (const int f : fields) {
        const QString v = layer.text(feature, f).trimmed();
        if (!v.isEmpty())
            return v;
    }
    return {};
}

std::vector<int> defaultNameFields(const LayerData& layer) {
    static const char* const kUsual[] = {"name:zh", "name_zh", "name", "名称",
                                         "名字",    "mc",      "label"};
    std::vector<int> out;
    for (const char* n : kUsual)
        if (const int i = layer.fieldIndex(QString::fromUtf8(n)); i >= 0)
            out.push_back(i);
    // Other name-like fields, the one with the most distinct values first: a bus stop layer's
    // "stopname" names each stop, its "linename" the line they all share.
    const QString chineseName = QString::fromUtf8("名称");
    std::vector<std::pair<int, std::size_t>> more; // field, distinct values among the first
    constexpr std::size_t kSample = 1000;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        const QString& f = layer.fields[i].name;
        if ((!f.endsWith(QLatin1String("name"), Qt::CaseInsensitive) && !f.contains(chineseName)) ||
            std::find(out.begin(), out.end(), static_cast<int>(i)) != out.end())
            continue;
        QSet<QString> values;
        for (std::size_t k = 0; k < std::min(kSample, layer.features.size()); ++k)
            values.insert(layer.text(k, static_cast<int>(i)).trimmed());
        values.remove(QString());
        more.emplace_back(static_cast<int>(i), static_cast<std::size_t>(values.size()));
    }
    std::stable_sort(more.begin(), more.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [field, distinct] : more)
        out.push_back(field);
    return out;
}

QString roleKey(Role r) {
    return QString::fromLatin1(kRoleNames[static_cast<int>(r)].key);
}

QString roleChineseName(Role r) {
    return QString::fromUtf8(kRoleNames[static_cast<int>(r)].zh);
}

std::optional<Role> roleFromKey(const QString& key) {
    for (const auto& n : kRoleNames)
        if (key == QLatin1String(n.key))
            return n.role;
    return std::nullopt;
}

RuleSet RuleSet::fromJson(const QByteArray& json, const QString& sourceName) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (doc.isNull())
        throw FormatError(QStringLiteral("role rules %1: not valid JSON (%2 at byte %3)")
                              .arg(sourceName, err.errorString())
                              .arg(err.offset));
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("rules")).isArray())
        throw FormatError(QStringLiteral("role rules %1: expected an object with a \"rules\" list")
                              .arg(sourceName));
    RuleSet set;
    set.name_ = root.value(QLatin1String("name")).toString(sourceName);
    const QJsonArray rules = root.value(QLatin1String("rules")).toArray();
    for (int i = 0; i < rules.size(); ++i) {
        const QJsonObject r = rules[i].toObject();
        RoleRule rule;
        const auto role = roleFromKey(r.value(QLatin1String("role")).toString());
        if (!role)
            ruleError(sourceName, i,
                      QStringLiteral("unknown role '%1' (use one of market, mall, school, "
                                     "hospital, station, community, back_street, main_road, "
                                     "compound, subdistrict, boundary, toilet)")
                          .arg(r.value(QLatin1String("role")).toString()));
        rule.role = *role;
        rule.layerPattern = r.value(QLatin1String("layer")).toString();
        for (const auto& g : stringOrList(r.value(QLatin1String("geometry"))))
            rule.geometries.push_back(parseKind(g, sourceName, i));
        rule.match = parseConditions(r.value(QLatin1String("match")), sourceName, i);
        rule.exclude = parseConditions(r.value(QLatin1String("exclude")), sourceName, i);
        rule.nameFields = stringOrList(r.value(QLatin1String("name_fields")));
        rule.requireName = r.value(QLatin1String("require_name")).toBool(false);
        if (rule.match.empty() && rule.layerPattern.isEmpty())
            ruleError(sourceName, i,
                      QStringLiteral("a rule needs 'match' conditions or a 'layer' pattern, "
                                     "otherwise it would match every feature of every layer"));
        set.rules_.push_back(std::move(rule));
    }
    return set;
}

RuleSet RuleSet::fromFile(const QString& path) {
    QFile f(path);
    if (!f.exists())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("role rules file %1 does not exist").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        throw IoError(
            QStringLiteral("cannot read role rules file %1: %2").arg(path, f.errorString()));
    return fromJson(f.readAll(), path);
}

RuleSet RuleSet::preset(const QString& name) {
    const QString path = resourcePath(QStringLiteral("rules/%1.json").arg(name));
    if (path.isEmpty())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("no role-rule preset named '%1' (shipped: osm, attributes-zh)")
                        .arg(name));
    return fromFile(path);
}

RuleSet RuleSet::defaults() {
    RuleSet set = preset(QStringLiteral("osm"));
    set.append(preset(QStringLiteral("attributes-zh")));
    set.name_ = QStringLiteral("osm+attributes-zh");
    return set;
}

void RuleSet::append(const RuleSet& other) {
    rules_.insert(rules_.end(), other.rules_.begin(), other.rules_.end());
}

std::vector<RoleMask> RuleSet::classify(const LayerData& layer) const {
    std::vector<RoleMask> masks(layer.features.size(), 0);
    for (const auto& rule : rules_) {
        if (!layerMatches(rule, layer))
            continue;
        const auto match = resolve(layer, rule.match);
        const auto exclude = resolve(layer, rule.exclude);
        std::vector<int> names; // read only by rules that need a name
        if (rule.requireName)
            names = rule.nameFields.isEmpty() ? defaultNameFields(layer)
                                              : resolveFields(layer, rule.nameFields);
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
            if (masks[i] & roleBit(rule.role))
                continue;
            if (layer.features[i].geometry.empty())
                continue;
            if (!match.empty() && !anyHolds(layer, i, match))
                continue;
            if (anyHolds(layer, i, exclude))
                continue;
            if (rule.requireName && nameFrom(layer, i, names).isEmpty())
                continue;
            masks[i] |= roleBit(rule.role);
        }
    }
    return masks;
}

QString RuleSet::featureName(const LayerData& layer, std::size_t feature, Role role) const {
    return FeatureNamer(*this, layer).name(feature, role);
}

std::vector<std::vector<int>> RuleSet::nameFieldIndices(const LayerData& layer, Role role) const {
    std::vector<std::vector<int>> out;
    for (const auto& rule : rules_)
        if (rule.role == role && !rule.nameFields.isEmpty() && layerMatches(rule, layer))
            out.push_back(resolveFields(layer, rule.nameFields));
    out.push_back(defaultNameFields(layer));
    return out;
}

QString FeatureNamer::name(std::size_t feature, Role role) const {
    auto& fields = fields_[static_cast<std::size_t>(role)];
    if (!fields)
        fields = rules_.nameFieldIndices(layer_, role);
    for (const std::vector<int>& list : *fields) {
        QString n = nameFrom(layer_, feature, list);
        if (!n.isEmpty())
            return n;
    }
    return {};
}

} // namespace core
