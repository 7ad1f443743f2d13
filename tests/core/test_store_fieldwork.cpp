// Field work in the campaign file: editing, withdrawing (undo) and restoring (redo) a defect,
// the shipped checklists, a district's own checklist file, and checklist observations.
#include "core/model/checklist.h"
#include "core/store/campaign.h"
#include "core/store_test_support.h"
#include "core/util/error.h"

#include <catch2/catch.hpp>

#include <QSet>
#include <QTemporaryDir>

using namespace core;

namespace {

bool listed(Campaign& c, const QString& uuid) {
    for (const auto& d : c.defects())
        if (d.uuid == uuid)
            return true;
    return false;
}

QStringList actions(Campaign& c, const QString& uuid) {
    QStringList out;
    for (const auto& e : c.auditTrail(uuid))
        out << e.action;
    return out;
}

} // namespace

TEST_CASE("Withdrawing a defect hides it everywhere and restoring brings it back",
          "[store][fieldwork]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    const Defect d = c.addDefect(testing::defectAt(114.3, 30.5));
    const Defect other = c.addDefect(testing::defectAt(114.31, 30.5));
    REQUIRE(c.defectCount() == 2);

    c.withdrawDefect(d.uuid, QStringLiteral("张三"), QStringLiteral("撤销"));
    CHECK(c.defectCount() == 1);
    CHECK_FALSE(listed(c, d.uuid));
    CHECK(listed(c, other.uuid));
    REQUIRE(c.defect(d.uuid)); // still in the file, found by id
    CHECK(c.defect(d.uuid)->withdrawnAt.isValid());
    CHECK_THROWS_WITH(c.issueCard(d.uuid, std::nullopt, QStringLiteral("李四"), {}),
                      Catch::Contains("withdrawn"));

    c.restoreDefect(d.uuid, QStringLiteral("张三"), QStringLiteral("重做"));
    CHECK(c.defectCount() == 2);
    CHECK(listed(c, d.uuid));
    CHECK_FALSE(c.defect(d.uuid)->withdrawnAt.isValid());
    CHECK(actions(c, d.uuid) == (QStringList{QStringLiteral("create"), QStringLiteral("withdraw"),
                                             QStringLiteral("restore")}));
    CHECK(c.verifyAudit().ok);
    CHECK(c.check().isEmpty());
}

TEST_CASE("A defect with a card cannot be withdrawn", "[store][fieldwork]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    const Defect d = c.addDefect(testing::defectAt(114.3, 30.5));
    c.issueCard(d.uuid, CardColour::Yellow, QStringLiteral("李四"), {});
    CHECK_THROWS_WITH(c.withdrawDefect(d.uuid, QStringLiteral("张三"), {}),
                      Catch::Contains("already has a card"));
    CHECK(listed(c, d.uuid));
}

TEST_CASE("Editing a defect records each changed field", "[store][fieldwork]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    const Defect d = c.addDefect(testing::defectAt(114.3, 30.5));
    DefectEdit edit;
    edit.description = QStringLiteral("垃圾堆约2平方米");
    edit.severity = 2;
    const Defect e = c.updateDefect(d.uuid, edit, QStringLiteral("张三"));
    CHECK(e.description == QStringLiteral("垃圾堆约2平方米"));
    CHECK(e.severity == 2);
    const auto trail = c.auditTrail(d.uuid);
    REQUIRE(trail.size() == 3);
    CHECK(trail[1].field == QStringLiteral("description"));
    CHECK(trail[1].oldValue == d.description);
    CHECK(trail[2].field == QStringLiteral("severity"));
    CHECK(trail[2].newValue == QStringLiteral("2"));
    // Nothing changed: no entry.
    c.updateDefect(d.uuid, edit, QStringLiteral("张三"));
    CHECK(c.auditTrail(d.uuid).size() == 3);
    edit.severity = 7;
    CHECK_THROWS_WITH(c.updateDefect(d.uuid, edit, QStringLiteral("张三")),
                      Catch::Contains("severity must be 1, 2 or 3"));
}

TEST_CASE("A campaign of schema 4 is upgraded and can then withdraw defects",
          "[store][fieldwork][migration]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.gpkg"));
    QString uuid;
    {
        Campaign c = Campaign::create(path, testing::campaignOptions(4));
        uuid = c.addDefect(testing::defectAt(114.3, 30.5)).uuid;
        CHECK_THROWS_WITH(c.withdrawDefect(uuid, QStringLiteral("张三"), {}),
                          Catch::Contains("schema 4"));
        CHECK(c.observations().empty());
    }
    Campaign c = Campaign::open(path);
    CHECK(c.schemaVersion() == 5);
    c.withdrawDefect(uuid, QStringLiteral("张三"), {});
    CHECK(c.defectCount() == 0);
}

TEST_CASE("The shipped checklists cover every point type and name known defect codes",
          "[store][checklist]") {
    const ChecklistSet set = ChecklistSet::defaults();
    const Taxonomy tax = Taxonomy::defaults();
    // Validating against the taxonomy throws on an unknown code.
    REQUIRE_NOTHROW(ChecklistSet::fromJson(set.toJson(), QStringLiteral("shipped"), &tax));
    for (const char* role : {"back_street", "main_road", "compound", "market", "mall", "school",
                             "hospital", "station", "community", "toilet"})
        CHECK_FALSE(set.forRole(QString::fromLatin1(role)).empty());
    const auto street = set.forRole(QStringLiteral("back_street"));
    REQUIRE(street.front()->id == QStringLiteral("back_street"));
    const ChecklistItem* ads = street.front()->find(QStringLiteral("BS-11"));
    REQUIRE(ads);
    REQUIRE(ads->count);
    CHECK(ads->count->per == CountRule::Per::Walk500m);
    CHECK_FALSE(ads->count->passes(2));
    CHECK(ads->count->passes(3));
    CHECK(ads->count->describe(true) == QStringLiteral("每500米 ≥ 3 处"));
    const ChecklistItem* toilet = street.front()->find(QStringLiteral("BS-19"));
    REQUIRE(toilet);
    CHECK(toilet->defectCode == QStringLiteral("TL-01"));
}

TEST_CASE("A bad checklist file is refused naming the item", "[store][checklist][fault]") {
    const Taxonomy tax = Taxonomy::defaults();
    const QByteArray unknownCode =
        R"({"checklists":[{"id":"x","zh":"测试","applies_to":["compound"],
        "items":[{"id":"X-1","zh":"项","defect":"ZZ-99"}]}]})";
    CHECK_THROWS_WITH(ChecklistSet::fromJson(unknownCode, QStringLiteral("my.json"), &tax),
                      Catch::Contains("my.json") && Catch::Contains("X-1") &&
                          Catch::Contains("ZZ-99"));
    const QByteArray noBound = R"({"checklists":[{"id":"x","zh":"测试","applies_to":["compound"],
        "items":[{"id":"X-1","zh":"项","count":{"per":"500m"}}]}]})";
    CHECK_THROWS_WITH(ChecklistSet::fromJson(noBound, QStringLiteral("my.json")),
                      Catch::Contains("X-1") && Catch::Contains("min"));
    const QByteArray dup = R"({"checklists":[{"id":"x","zh":"测试","applies_to":["compound"],
        "items":[{"id":"X-1","zh":"项"},{"id":"X-1","zh":"又"}]}]})";
    CHECK_THROWS_WITH(ChecklistSet::fromJson(dup, QStringLiteral("my.json")),
                      Catch::Contains("appears twice"));
    CHECK_THROWS_WITH(ChecklistSet::fromJson("{", QStringLiteral("my.json")),
                      Catch::Contains("not valid JSON"));
}

TEST_CASE("Observations are stored, superseded by later ones and validated",
          "[store][fieldwork][checklist]") {
    QTemporaryDir dir;
    Campaign c =
        Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    Observation o;
    o.drawId = QStringLiteral("d1");
    o.attachKind = AttachKind::Street;
    o.attachId = QStringLiteral("drawn_streets:3");
    o.attachName = QStringLiteral("胜利巷");
    o.checklistId = QStringLiteral("back_street");
    o.itemId = QStringLiteral("BS-11");
    o.result = ObservationResult::Fail;
    o.count = 1;
    o.inspector = QStringLiteral("张三");
    const Observation first = c.recordObservation(o, QStringLiteral("张三"));
    CHECK(first.id > 0);
    CHECK_FALSE(first.uuid.isEmpty());

    o.result = ObservationResult::Pass;
    o.count = 4;
    c.recordObservation(o, QStringLiteral("张三"));
    o.itemId = QStringLiteral("BS-01");
    o.count.reset();
    c.recordObservation(o, QStringLiteral("张三"));

    const auto all = c.observations(QStringLiteral("drawn_streets:3"));
    REQUIRE(all.size() == 3);
    const auto current = currentObservations(all);
    REQUIRE(current.size() == 2);
    CHECK(current[0].itemId == QStringLiteral("BS-11"));
    CHECK(current[0].result == ObservationResult::Pass);
    CHECK(current[0].count == 4);
    CHECK(c.observations(QStringLiteral("drawn_streets:4")).empty());
    CHECK(c.auditTrail(first.uuid).size() == 1);

    Observation bad = o;
    bad.itemId = QStringLiteral("NOPE");
    CHECK_THROWS_WITH(c.recordObservation(bad, QStringLiteral("张三")),
                      Catch::Contains("no item \"NOPE\""));
    bad = o;
    bad.count = 3; // BS-01 does not count
    CHECK_THROWS_WITH(c.recordObservation(bad, QStringLiteral("张三")),
                      Catch::Contains("does not count"));
    bad = o;
    bad.attachId.clear();
    CHECK_THROWS_WITH(c.recordObservation(bad, QStringLiteral("张三")),
                      Catch::Contains("no place"));
    bad = o;
    bad.defectUuid = QStringLiteral("00000000-0000-0000-0000-000000000000");
    CHECK_THROWS_WITH(c.recordObservation(bad, QStringLiteral("张三")),
                      Catch::Contains("has no defect"));
    CHECK(c.observations().size() == 3); // nothing half-written
}

TEST_CASE("A district's own checklists are kept with the campaign", "[store][checklist]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    {
        Campaign c = Campaign::create(path, testing::campaignOptions());
        const ChecklistSet own = ChecklistSet::fromJson(
            R"({"name":"江岸区自定","checklists":[{"id":"lane","zh":"里份巷道",
            "applies_to":["back_street"],"items":[{"id":"L-1","zh":"路面平整","defect":"RD-01"}]}]})",
            QStringLiteral("own.json"));
        c.setChecklists(own, QStringLiteral("王五"));
        const ChecklistSet bad = ChecklistSet::fromJson(
            R"({"checklists":[{"id":"x","zh":"x","applies_to":["compound"],
            "items":[{"id":"X","zh":"x","defect":"ZZ-1"}]}]})",
            QStringLiteral("bad.json"));
        CHECK_THROWS_WITH(c.setChecklists(bad, QStringLiteral("王五")), Catch::Contains("ZZ-1"));
    }
    Campaign c = Campaign::open(path);
    const ChecklistSet kept = c.checklists();
    CHECK(kept.name() == QStringLiteral("江岸区自定"));
    REQUIRE(kept.forRole(QStringLiteral("back_street")).size() == 1);
    CHECK(kept.forRole(QStringLiteral("back_street"))[0]->items[0].id == QStringLiteral("L-1"));
}
