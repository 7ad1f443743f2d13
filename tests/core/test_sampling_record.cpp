// The draw record: input fingerprints that survive reordering and format differences but not
// edits, the record's JSON round trip, and naming the first difference between two draws.
#include "core/sampling/draw_record.h"
#include "core/sampling/fingerprint.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {

core::LayerData roads() {
    core::LayerData layer;
    layer.name = QStringLiteral("lines");
    layer.kind = core::GeometryKind::Line;
    layer.crsAuthId = QStringLiteral("EPSG:32631");
    layer.fields = {{QStringLiteral("name"), core::FieldType::String},
                    {QStringLiteral("lanes"), core::FieldType::Integer}};
    for (int i = 0; i < 4; ++i) {
        core::Feature f;
        f.fid = 100 + i;
        f.geometry = core::Geometry::line(
            {{380000.0 + i * 100, 4710000.0}, {380050.0 + i * 100, 4710080.5}});
        f.attributes = {QStringLiteral("Carrer %1").arg(i), QVariant(i % 2 + 1)};
        layer.features.push_back(std::move(f));
    }
    return layer;
}

core::LayerData square(bool clockwise) {
    core::LayerData layer;
    layer.name = QStringLiteral("multipolygons");
    layer.kind = core::GeometryKind::Polygon;
    layer.fields = {{QStringLiteral("name"), core::FieldType::String}};
    std::vector<core::Point> ring{{0, 0}, {100, 0}, {100, 100}, {0, 100}};
    if (clockwise)
        std::reverse(ring.begin() + 1, ring.end());
    core::Feature f;
    f.geometry = core::Geometry::polygon(ring);
    f.attributes = {QStringLiteral("Bloc")};
    layer.features.push_back(std::move(f));
    return layer;
}

} // namespace

TEST_CASE("a layer fingerprint ignores order, ids and storage details", "[sampling][fingerprint]") {
    const auto base = roads();
    const QString fp = core::layerFingerprint(base);
    CHECK(fp.size() == 64);

    auto reordered = base;
    std::reverse(reordered.features.begin(), reordered.features.end());
    for (auto& f : reordered.features)
        f.fid += 1000;
    CHECK(core::layerFingerprint(reordered) == fp);

    // A writer that swaps the field order and stores the integer as a real or as text.
    auto converted = base;
    std::swap(converted.fields[0], converted.fields[1]);
    for (auto& f : converted.features) {
        std::swap(f.attributes[0], f.attributes[1]);
        f.attributes[0] = QVariant(f.attributes[0].toDouble());
    }
    CHECK(core::layerFingerprint(converted) == fp);

    CHECK(core::layerFingerprint(square(false)) == core::layerFingerprint(square(true)));
}

TEST_CASE("a layer fingerprint changes with any edit", "[sampling][fingerprint]") {
    const auto base = roads();
    const QString fp = core::layerFingerprint(base);

    auto deleted = base;
    deleted.features.pop_back();
    CHECK(core::layerFingerprint(deleted) != fp);

    auto moved = base;
    moved.features[1].geometry.points[0].x += 0.02;
    CHECK(core::layerFingerprint(moved) != fp);

    auto renamed = base;
    renamed.features[2].attributes[0] = QStringLiteral("Carrer Nou");
    CHECK(core::layerFingerprint(renamed) != fp);
}

TEST_CASE("a feature's canonical bytes are fixed: recorded fingerprints stay checkable",
          "[sampling][fingerprint]") {
    // Fields sorted by lower-case name, equal names by text; nulls and empty text left out;
    // text trimmed; whole doubles as integers; coordinates in centimetres.
    core::LayerData layer;
    layer.name = QStringLiteral("pois");
    layer.kind = core::GeometryKind::Point;
    layer.fields = {{QStringLiteral("Name"), core::FieldType::String},
                    {QStringLiteral("area"), core::FieldType::Real},
                    {QStringLiteral("name"), core::FieldType::String},
                    {QStringLiteral("floors"), core::FieldType::Integer},
                    {QStringLiteral("note"), core::FieldType::String},
                    {QStringLiteral("ratio"), core::FieldType::Real},
                    {QStringLiteral("gone"), core::FieldType::String}};
    core::Feature f;
    f.geometry = core::Geometry::point({528900.004, 3383000.126});
    f.attributes = {QString::fromUtf8(" 菜场 "),
                    QVariant(1250.0),
                    QStringLiteral("Alpha"),
                    QVariant(3),
                    QStringLiteral("  "),
                    QVariant(0.125),
                    QVariant()};
    layer.features = {f};
    const QByteArray want = "G1 1 1 52890000 338300013 |"
                            "Aarea\x1f"
                            "1250\x1e"
                            "Afloors\x1f"
                            "3\x1e"
                            "Aname\x1f"
                            "Alpha\x1e"
                            "Aname\x1f"
                            "\xe8\x8f\x9c\xe5\x9c\xba\x1e"
                            "Aratio\x1f"
                            "0.125\x1e";
    CHECK(core::canonicalFeatureBytes(layer, 0) == want);
    // sha256("perisurvey-layer-fp/1" "1" sha256(want)), worked out outside PeriSurvey.
    CHECK(core::layerFingerprint(layer) ==
          QLatin1String("776072c7a2d299d774366eec8aa671a8a523c23827931358da1de0c69f667a83"));
}

namespace {

core::DrawRecord sampleRecord() {
    core::DrawRecord r;
    r.drawId = QStringLiteral("8a0f5c2e-0000-4000-8000-000000000001");
    r.createdUtc = QStringLiteral("2026-11-26T20:00:00Z");
    r.operatorName = QStringLiteral("李明");
    r.software = QStringLiteral("PeriSurvey 0.1.0");
    r.algorithm = QLatin1String(core::kDrawAlgorithm);
    r.seed = 18446744073709551557ULL; // above 2^53: must survive JSON
    r.rulesName = QStringLiteral("osm");
    r.rulesSha256 = QStringLiteral("ab").repeated(32);
    r.workingCrs = QStringLiteral("EPSG:32631");
    r.inputs = {{QStringLiteral("/data/andorra.osm.pbf"),
                 {{QStringLiteral("lines"), 6152, QStringLiteral("11").repeated(32)},
                  {QStringLiteral("points"), 4218, QStringLiteral("22").repeated(32)}}}};
    core::AnchorDraw a;
    a.id = QStringLiteral("school-1");
    a.kind = core::Role::School;
    a.name = QStringLiteral("Escola Andorrana");
    a.key = QStringLiteral("Escola Andorrana\x1f"
                           "1\x1f"
                           "2");
    a.location = {380000.25, 4710000.5};
    a.order = 1;
    a.streets.asked = 2;
    a.streets.candidates = 5;
    a.streets.outerUsedM = 2000;
    core::DrawnItem s;
    s.key = QStringLiteral("Carrer Major");
    s.name = QStringLiteral("Carrer Major");
    s.measure = 412.34;
    s.distanceM = 640.5;
    a.streets.items = {s};
    s.key = QStringLiteral("Avinguda");
    s.name = QStringLiteral("Avinguda");
    a.streets.items.push_back(s);
    a.compounds.asked = 2;
    a.compounds.candidates = 1;
    a.compounds.shortfall = 1;
    a.compounds.outerUsedM = 2000;
    core::DrawnItem c;
    c.key = QStringLiteral("Bloc");
    c.name = QStringLiteral("Bloc");
    c.measure = 5230;
    c.distanceM = 1500.25;
    a.compounds.items = {c};
    r.outcome.anchors = {a};
    r.outcome.kinds = {{core::Role::School, 3, 1}};
    return r;
}

} // namespace

TEST_CASE("a draw record survives its JSON", "[sampling][record]") {
    const auto r = sampleRecord();
    const QJsonObject json = r.toJson();
    CHECK(json.value(QStringLiteral("seed")).toString() == QLatin1String("18446744073709551557"));
    CHECK(json.value(QStringLiteral("draw_id")).toString() == r.drawId);
    const auto anchor = json.value(QStringLiteral("anchors")).toArray().at(0).toObject();
    CHECK(anchor.value(QStringLiteral("id")).toString() == QLatin1String("school-1"));
    CHECK(anchor.value(QStringLiteral("kind")).toString() == QLatin1String("school"));
    CHECK(anchor.value(QStringLiteral("shortfall"))
              .toObject()
              .value(QStringLiteral("compounds"))
              .toInt() == 1);
    const auto street = anchor.value(QStringLiteral("streets")).toArray().at(0).toObject();
    CHECK(street.value(QStringLiteral("name")).toString() == QLatin1String("Carrer Major"));
    CHECK(street.value(QStringLiteral("min_dist_m")).toDouble() == 640.5);
    CHECK(json.value(QStringLiteral("total_shortfall")).toInt() == 1);

    const auto back = core::DrawRecord::fromJson(json, QStringLiteral("test"));
    CHECK(back.seed == r.seed);
    CHECK(back.operatorName == r.operatorName);
    CHECK(back.resultSha256() == r.resultSha256());
    CHECK(core::firstDifference(r, back).isEmpty());
    CHECK(back.toJson() == json);

    CHECK_THROWS_WITH(core::DrawRecord::fromJson(QJsonObject{}, QStringLiteral("plan.json")),
                      Catch::Contains("plan.json") &&
                          Catch::Contains("not a PeriSurvey draw record"));
}

TEST_CASE("the first difference between two draws is named", "[sampling][record]") {
    const auto r = sampleRecord();

    auto changedInput = r;
    changedInput.inputs[0].layers[0].sha256 = QStringLiteral("33").repeated(32);
    changedInput.inputs[0].layers[0].features = 6151;
    const QString inputDiff = core::firstDifference(r, changedInput);
    CHECK(inputDiff.contains(QLatin1String("layer 'lines' changed")));
    CHECK(inputDiff.contains(QLatin1String("6151 features, recorded 6152")));

    auto goneLayer = r;
    goneLayer.inputs[0].layers.pop_back();
    CHECK(core::firstDifference(r, goneLayer).contains(QLatin1String("layer 'points' is gone")));

    auto changedParameter = r;
    changedParameter.parameters.outerM = 2500;
    CHECK(core::firstDifference(r, changedParameter)
              .contains(QLatin1String("parameter 'outer_m' changed")));

    auto changedItem = r;
    changedItem.outcome.anchors[0].streets.items[1].key = QStringLiteral("Carrer Nou");
    changedItem.outcome.anchors[0].streets.items[1].name = QStringLiteral("Carrer Nou");
    const QString itemDiff = core::firstDifference(r, changedItem);
    CHECK(itemDiff.contains(QLatin1String("school-1")));
    CHECK(itemDiff.contains(QLatin1String("street 2")));
    CHECK(itemDiff.contains(QLatin1String("'Avinguda'")));
    CHECK(itemDiff.contains(QLatin1String("'Carrer Nou'")));
    CHECK(r.resultSha256() != changedItem.resultSha256());
}

TEST_CASE("the role rules round-trip through the record's JSON", "[sampling][record]") {
    const auto rules = core::RuleSet::defaults();
    const QJsonObject json = core::rulesToJson(rules);
    const auto back =
        core::RuleSet::fromJson(QJsonDocument(json).toJson(), QStringLiteral("record"));
    CHECK(back.rules().size() == rules.rules().size());
    CHECK(core::rulesFingerprint(back) == core::rulesFingerprint(rules));
}
