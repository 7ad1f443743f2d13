#include "core/model/roles.h"
#include "core/util/error.h"

#include <catch2/catch.hpp>

using namespace core;

namespace {

LayerData pointLayer(const QString& name, const QStringList& fieldNames,
                     const std::vector<QStringList>& rows) {
    LayerData layer;
    layer.name = name;
    layer.kind = GeometryKind::Point;
    for (const auto& f : fieldNames)
        layer.fields.push_back({f, FieldType::String});
    double x = 0;
    for (const auto& row : rows) {
        Feature f;
        f.geometry = Geometry::point({x++, 0});
        for (const auto& v : row)
            f.attributes.push_back(v.isEmpty() ? QVariant() : QVariant(v));
        layer.features.push_back(std::move(f));
    }
    return layer;
}

bool has(RoleMask m, Role r) {
    return (m & roleBit(r)) != 0;
}

} // namespace

TEST_CASE("role keys are the public names scripts rely on", "[roles]") {
    CHECK(roleKey(Role::Market) == QLatin1String("market"));
    CHECK(roleKey(Role::BackStreet) == QLatin1String("back_street"));
    CHECK(roleKey(Role::Toilet) == QLatin1String("toilet"));
    CHECK(roleFromKey(QStringLiteral("main_road")) == Role::MainRoad);
    CHECK_FALSE(roleFromKey(QStringLiteral("bakery")).has_value());
    CHECK(roleChineseName(Role::Compound) == QString::fromUtf8("居民小区"));
}

TEST_CASE("OSM preset picks anchors by tag and leaves look-alikes out", "[roles]") {
    const RuleSet rules = RuleSet::preset(QStringLiteral("osm"));
    const LayerData layer =
        pointLayer(QStringLiteral("points"),
                   {QStringLiteral("name"), QStringLiteral("amenity"), QStringLiteral("shop")},
                   {{QString::fromUtf8("东湖农贸市场"), QStringLiteral("marketplace"), {}},
                    {QString::fromUtf8("便利店"), {}, QStringLiteral("convenience")},
                    {QString::fromUtf8("中百超市"), {}, QStringLiteral("supermarket")},
                    {QString::fromUtf8("诊所"), QStringLiteral("clinic"), {}},
                    {QString::fromUtf8("小学"), QStringLiteral("school;kindergarten"), {}},
                    {QString::fromUtf8("公厕"), QStringLiteral("toilets"), {}},
                    {QString::fromUtf8("中学"), QStringLiteral(" bench ; SCHOOL "), {}},
                    {QString::fromUtf8("长椅"), QStringLiteral("bench;schoolyard"), {}}});
    const auto m = rules.classify(layer);
    REQUIRE(m.size() == 8);
    CHECK(has(m[0], Role::Market));
    CHECK(m[1] == 0);
    CHECK(has(m[2], Role::Mall));
    CHECK(m[3] == 0);
    CHECK(has(m[4], Role::School)); // OSM multi-value "a;b"
    CHECK(has(m[5], Role::Toilet));
    CHECK(has(m[6], Role::School));       // any part, trimmed, case aside
    CHECK_FALSE(has(m[7], Role::School)); // parts are compared whole
    CHECK(rules.featureName(layer, 0, Role::Market) == QString::fromUtf8("东湖农贸市场"));
}

TEST_CASE("geometry restrictions: a back street must be a line", "[roles]") {
    const RuleSet rules = RuleSet::preset(QStringLiteral("osm"));
    LayerData lines;
    lines.name = QStringLiteral("lines");
    lines.kind = GeometryKind::Line;
    lines.fields = {
        {QStringLiteral("highway")}, {QStringLiteral("service")}, {QStringLiteral("name")}};
    auto add = [&](const char* hw, const char* svc, const char* name) {
        Feature f;
        f.geometry = Geometry::line({{0, 0}, {1, 1}});
        f.attributes = {QString::fromUtf8(hw), QString::fromUtf8(svc), QString::fromUtf8(name)};
        lines.features.push_back(f);
    };
    add("residential", "", "东亭一巷");
    add("service", "alley", "");
    add("service", "parking_aisle", "停车场通道");
    add("primary", "", "中北路");
    add("footway", "", "步道");
    const auto m = rules.classify(lines);
    CHECK(has(m[0], Role::BackStreet));
    CHECK(has(m[1], Role::BackStreet));
    CHECK_FALSE(has(m[2], Role::BackStreet)); // excluded service kind, even though named
    CHECK(has(m[3], Role::MainRoad));
    CHECK(m[4] == 0);

    LayerData points = pointLayer(QStringLiteral("p"), {QStringLiteral("highway")},
                                  {{QStringLiteral("residential")}});
    CHECK(rules.classify(points)[0] == 0);
}

TEST_CASE("Chinese attribute preset: type field alternatives and layer-name rules", "[roles]") {
    const RuleSet rules = RuleSet::preset(QStringLiteral("attributes-zh"));
    const LayerData layer =
        pointLayer(QStringLiteral("点位"), {QString::fromUtf8("名称"), QString::fromUtf8("类别")},
                   {{QString::fromUtf8("白沙洲农贸市场"), QString::fromUtf8("农贸市场")},
                    {QString::fromUtf8("第十四中学"), QString::fromUtf8("学校")},
                    {QString::fromUtf8("某公司"), QString::fromUtf8("企业")}});
    const auto m = rules.classify(layer);
    CHECK(has(m[0], Role::Market));
    CHECK(has(m[1], Role::School));
    CHECK(m[2] == 0);
    CHECK(rules.featureName(layer, 1, Role::School) == QString::fromUtf8("第十四中学"));

    LayerData roads;
    roads.name = QString::fromUtf8("河西区路网_其它道路");
    roads.kind = GeometryKind::Line;
    roads.fields = {{QStringLiteral("Name")}};
    Feature f;
    f.geometry = Geometry::line({{0, 0}, {1, 0}});
    f.attributes = {QString::fromUtf8("吴家窑大街")};
    roads.features.push_back(f);
    CHECK(has(rules.classify(roads)[0], Role::BackStreet));
    roads.name = QString::fromUtf8("河西区路网_市区一级道路");
    CHECK(has(rules.classify(roads)[0], Role::MainRoad));
}

TEST_CASE("rule files: bad rules are refused with the file and rule named", "[roles]") {
    const QByteArray good =
        R"({"name":"mine","rules":[{"role":"market","match":[{"kind":"~菜场"}]}]})";
    const RuleSet set = RuleSet::fromJson(good, QStringLiteral("mine.json"));
    REQUIRE(set.rules().size() == 1);
    CHECK(set.rules()[0].match[0].tests[0].op == AttributeCondition::Op::Contains);

    auto messageOf = [](const QByteArray& json) {
        try {
            RuleSet::fromJson(json, QStringLiteral("district.json"));
        } catch (const FormatError& e) {
            return e.message();
        }
        return QString();
    };
    CHECK(messageOf("{not json").contains(QLatin1String("district.json")));
    const QString unknownRole = messageOf(R"({"rules":[{"role":"bakery","match":{"a":"b"}}]})");
    CHECK(unknownRole.contains(QLatin1String("rule 1")));
    CHECK(unknownRole.contains(QLatin1String("bakery")));
    CHECK(messageOf(R"({"rules":[{"role":"market"}]})").contains(QLatin1String("every feature")));
    CHECK(messageOf(R"({"rules":[{"role":"market","geometry":"blob","match":{"a":"b"}}]})")
              .contains(QLatin1String("blob")));
    CHECK_THROWS_AS(RuleSet::fromFile(QStringLiteral("/nonexistent/rules.json")), Error);
}

TEST_CASE("names come from the usual name fields, then from the most telling *name field",
          "[roles]") {
    // A bus stop table: every stop shares the line's name, each has its own stop name.
    const LayerData stops =
        pointLayer(QStringLiteral("stops"),
                   {QStringLiteral("linename"), QStringLiteral("stopname"), QStringLiteral("lon"),
                    QStringLiteral("lat")},
                   {{QStringLiteral("71路"), QStringLiteral("外滩"), {}, {}},
                    {QStringLiteral("71路"), QStringLiteral("西藏中路"), {}, {}},
                    {QStringLiteral("71路"), {}, {}, {}}});
    CHECK(defaultNameFields(stops) == std::vector<int>{1, 0});
    CHECK(nameFrom(stops, 1, defaultNameFields(stops)) == QStringLiteral("西藏中路"));
    // No stop name: the next field that has one.
    CHECK(nameFrom(stops, 2, defaultNameFields(stops)) == QStringLiteral("71路"));

    // The usual fields come first whatever their case, in their usual order; 站点名称 holds 名称.
    const LayerData zh =
        pointLayer(QStringLiteral("poi"),
                   {QString::fromUtf8("站点名称"), QStringLiteral("NAME"),
                    QStringLiteral("name_zh"), QStringLiteral("type")},
                   {{QString::fromUtf8("甲"), QStringLiteral("A"), QString::fromUtf8("乙")}});
    CHECK(defaultNameFields(zh) == std::vector<int>{2, 1, 0});
    CHECK(defaultNameFields(pointLayer(QStringLiteral("bare"), {QStringLiteral("type")}, {}))
              .empty());

    // Rules without name fields name features the same way.
    const RuleSet rules = RuleSet::fromJson(
        R"({"rules":[{"role":"station","match":[{"linename":"*"}],"require_name":true}]})",
        QStringLiteral("test"));
    CHECK(rules.featureName(stops, 0, Role::Station) == QStringLiteral("外滩"));
}
