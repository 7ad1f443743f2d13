// `perisurvey-cli units`: importing responsible units from CSV (UTF-8 or GBK, as Excel saves it)
// and XLSX, refusing a bad table whole, and listing units with their cards.
#include "app/cli/commands.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "gis/io/vector_writer.h"
#include "support/cli_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>

namespace {

using Result = testing::CliResult;

Result run(const QStringList& argv) {
    return testing::runCliCommand(argv);
}

QString newCampaign(const QTemporaryDir& dir) {
    return testing::makeDemoCampaign(dir.filePath(QStringLiteral("c.gpkg")));
}

QString writeBytes(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

std::vector<core::ResponsibleUnit> unitsOf(const QString& campaign) {
    return core::Campaign::open(campaign, core::OpenMode::ReadOnly).units();
}

const char* const kTable = "单位名称,类型,联系人,辖区\n"
                           "凤凰街道办事处,街道办事处,王主任 13800000000,凤凰街道\n"
                           "区住建局,HOUSING_CONSTR,李科长,\n"
                           "\"绿城物业, 一分公司\",物业,张经理,\n";

} // namespace

TEST_CASE("units import reads a UTF-8 CSV with a BOM and a GBK CSV from Excel", "[cli][units]") {
    QTemporaryDir dir;
    const QString campaign = newCampaign(dir);
    const QString utf8 =
        writeBytes(dir, QStringLiteral("units.csv"), QByteArray("\xEF\xBB\xBF") + kTable);
    const Result r = run({QStringLiteral("units"), QStringLiteral("import"), campaign, utf8,
                          QStringLiteral("--inspector"), QStringLiteral("组长")});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    auto units = unitsOf(campaign);
    REQUIRE(units.size() == 3);
    CHECK(units[0].name == QStringLiteral("凤凰街道办事处"));
    CHECK(units[0].kind == core::UnitKind::StreetOffice);
    CHECK(units[0].area == QStringLiteral("凤凰街道"));
    CHECK(units[0].contact == QStringLiteral("王主任 13800000000"));
    CHECK(units[1].kind == core::UnitKind::HousingConstr);
    CHECK(units[2].name == QStringLiteral("绿城物业, 一分公司"));
    CHECK(units[2].kind == core::UnitKind::PropertyMgmt);

    // The same list again is refused whole: nothing is added twice.
    const Result again = run({QStringLiteral("units"), QStringLiteral("import"), campaign, utf8});
    CHECK(again.rc == cli::BadInput);
    CHECK(again.err.contains(QStringLiteral("凤凰街道办事处")));
    CHECK(unitsOf(campaign).size() == 3);

    // A GBK file (what Excel writes on a Chinese Windows) reads the same.
    QStringEncoder gbk("GB18030");
    REQUIRE(gbk.isValid()); // Debian's Qt is built with ICU
    QTemporaryDir other;
    const QString campaign2 = newCampaign(other);
    const QString gbkFile =
        writeBytes(other, QStringLiteral("units_gbk.csv"), gbk.encode(QString::fromUtf8(kTable)));
    const Result g = run({QStringLiteral("units"), QStringLiteral("import"), campaign2, gbkFile});
    INFO(g.err.toStdString());
    REQUIRE(g.rc == 0);
    units = unitsOf(campaign2);
    REQUIRE(units.size() == 3);
    CHECK(units[2].name == QStringLiteral("绿城物业, 一分公司"));
}

TEST_CASE("units import reads an XLSX workbook", "[cli][units]") {
    QTemporaryDir dir;
    const QString campaign = newCampaign(dir);
    auto table = std::make_shared<core::LayerData>();
    table->name = QStringLiteral("责任单位");
    table->kind = core::GeometryKind::None;
    table->fields = {{QStringLiteral("名称"), core::FieldType::String},
                     {QStringLiteral("单位类型"), core::FieldType::String},
                     {QStringLiteral("电话"), core::FieldType::String}};
    for (const auto& [name, kind] :
         {std::pair{"区城管局", "URBAN_MGMT"}, {"区市场监管局", "市场监管局"}}) {
        core::Feature f;
        f.attributes = {QString::fromUtf8(name), QString::fromUtf8(kind), QStringLiteral("12345")};
        table->features.push_back(f);
    }
    const QString xlsx = dir.filePath(QStringLiteral("units.xlsx"));
    core::Feedback fb;
    try {
        gis::writeVector(xlsx, {table}, {}, fb);
    } catch (const core::Error& e) {
        FAIL("cannot write the XLSX fixture: " << e.message().toStdString());
    }
    const Result r = run({QStringLiteral("units"), QStringLiteral("import"), campaign, xlsx});
    INFO(r.err.toStdString());
    const auto units = unitsOf(campaign);
    REQUIRE(r.rc == 0);
    REQUIRE(units.size() == 2);
    CHECK(units[0].kind == core::UnitKind::UrbanMgmt);
    CHECK(units[1].name == QStringLiteral("区市场监管局"));
    CHECK(units[1].kind == core::UnitKind::MarketReg);
    CHECK(units[1].contact == QStringLiteral("12345"));
}

TEST_CASE("a bad unit table is refused whole with the row named", "[cli][units][fault]") {
    QTemporaryDir dir;
    const QString campaign = newCampaign(dir);
    const QString badKind = writeBytes(dir, QStringLiteral("bad.csv"),
                                       "name,kind\n区住建局,HOUSING_CONSTR\n某公司,外包\n");
    const Result r = run({QStringLiteral("units"), QStringLiteral("import"), campaign, badKind});
    CHECK(r.rc == cli::BadInput);
    CHECK(r.err.contains(QStringLiteral("bad.csv, row 3")));
    CHECK(r.err.contains(QStringLiteral("外包")));
    CHECK(r.err.contains(QStringLiteral("STREET_OFFICE")));
    CHECK(unitsOf(campaign).empty());

    const QString noName =
        writeBytes(dir, QStringLiteral("noname.csv"), "kind,contact\nHOUSING_CONSTR,x\n");
    const Result n = run({QStringLiteral("units"), QStringLiteral("import"), campaign, noName});
    CHECK(n.rc == cli::BadInput);
    CHECK(n.err.contains(QStringLiteral("no table with a unit name column")));

    const QString emptyName =
        writeBytes(dir, QStringLiteral("empty.csv"), "name,kind\n,HOUSING_CONSTR\n");
    const Result e = run({QStringLiteral("units"), QStringLiteral("import"), campaign, emptyName});
    CHECK(e.rc == cli::BadInput);
    CHECK(e.err.contains(QStringLiteral("row 2")));
    CHECK(unitsOf(campaign).empty());
}

TEST_CASE("units list shows each unit's cards", "[cli][units]") {
    QTemporaryDir dir;
    const QString campaign = newCampaign(dir);
    REQUIRE(run({QStringLiteral("units"), QStringLiteral("add"), campaign, QStringLiteral("--name"),
                 QStringLiteral("区住建局"), QStringLiteral("--kind"),
                 QStringLiteral("HOUSING_CONSTR")})
                .rc == 0);
    const Result add =
        run({QStringLiteral("defect"), QStringLiteral("add"), campaign, QStringLiteral("--code"),
             QStringLiteral("RD-01"), QStringLiteral("--lon"), QStringLiteral("114.33"),
             QStringLiteral("--lat"), QStringLiteral("30.54"), QStringLiteral("--unit"),
             QStringLiteral("1"), QStringLiteral("--json")});
    INFO(add.err.toStdString());
    REQUIRE(add.rc == 0);
    REQUIRE(
        run({QStringLiteral("card"), QStringLiteral("issue"), campaign, QStringLiteral("1")}).rc ==
        0);
    const Result list =
        run({QStringLiteral("units"), QStringLiteral("list"), campaign, QStringLiteral("--json")});
    REQUIRE(list.rc == 0);
    const QJsonArray units = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(units.size() == 1);
    const QJsonObject u = units.at(0).toObject();
    CHECK(u.value(QLatin1String("name")).toString() == QStringLiteral("区住建局"));
    CHECK(u.value(QLatin1String("defects")).toInt() == 1);
    CHECK(u.value(QLatin1String("open_cards")).toInt() == 1);
    CHECK(u.value(QLatin1String("overdue_cards")).toInt() == 0);

    // defect add and defect list take a unit by id or by name, as export and report do.
    const Result byName =
        run({QStringLiteral("defect"), QStringLiteral("add"), campaign, QStringLiteral("--code"),
             QStringLiteral("EN-01"), QStringLiteral("--lon"), QStringLiteral("114.331"),
             QStringLiteral("--lat"), QStringLiteral("30.541"), QStringLiteral("--unit"),
             QStringLiteral("住建局")});
    INFO(byName.err.toStdString());
    REQUIRE(byName.rc == 0);
    for (const QString& unit : {QStringLiteral("1"), QStringLiteral("区住建局")}) {
        const Result mine = run({QStringLiteral("defect"), QStringLiteral("list"), campaign,
                                 QStringLiteral("--unit"), unit, QStringLiteral("--json")});
        REQUIRE(mine.rc == 0);
        CHECK(QJsonDocument::fromJson(mine.out.toUtf8()).array().size() == 2);
    }
    const Result unknown = run({QStringLiteral("defect"), QStringLiteral("list"), campaign,
                                QStringLiteral("--unit"), QStringLiteral("区水务局")});
    CHECK(unknown.rc == cli::BadInput);
    CHECK(unknown.err.contains(QStringLiteral("no unit named '区水务局'")));
    CHECK(unknown.err.contains(QStringLiteral("1 区住建局")));
}
