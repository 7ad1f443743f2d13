// The responsible-units dialog on the hand-made report campaign of
// tests/core/report_test_support.h (three units with known open, overdue and on-time figures):
// the per-unit counts and open-card list, importing a CSV (all or nothing, a bad row named),
// and adding one unit.
#include "app/desktop/dialogs/units_dialog.h"
#include "app/desktop/panels/ledger_model.h"
#include "core/report_test_support.h"
#include "core/store/campaign.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>

#include <optional>

namespace {

using app::UnitsDialog;

struct UnitsFixture {
    QTemporaryDir dir;
    testing::ReportFixture fx;
    std::optional<core::Campaign> campaign;

    UnitsFixture() {
        REQUIRE(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("units.gpkg"));
        fx = testing::buildReportCampaign(path);
        campaign.emplace(core::Campaign::open(path));
    }

    QString writeCsv(const QString& name, const QString& text) {
        const QString path = dir.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        return path;
    }
};

// The row of the units table naming `name`, or -1.
int rowNamed(QTableWidget& table, const QString& name) {
    for (int r = 0; r < table.rowCount(); ++r)
        if (table.item(r, UnitsDialog::NameColumn)->text() == name)
            return r;
    return -1;
}

QString cell(QTableWidget& table, int row, int column) {
    REQUIRE(row >= 0);
    return table.item(row, column)->text();
}

} // namespace

TEST_CASE("the units dialog counts each unit's open and overdue cards", "[app][gui][units]") {
    UnitsFixture f;
    UnitsDialog dialog(*f.campaign, QStringLiteral("李四"));
    dialog.setInteractive(false);
    dialog.setNow(testing::kReportNow);
    QTableWidget& units = dialog.unitsTable();
    REQUIRE(units.rowCount() == 3);

    // Figures worked out by hand in report_test_support.h, at the report time.
    struct Expect {
        const char* name;
        const char* open;
        const char* overdue;
        const char* onTime;
    };
    const Expect expected[] = {
        {"西湖街道办事处", "1", "1", "33.3%"}, // #3 overdue; #1 closed on time, #2 late
        {"住建局", "1", "0", "0.0%"},          // #4 reported after its deadline
        {"城管执法局", "2", "1", "0.0%"},      // #5 overdue, #8 not yet due
    };
    for (const Expect& e : expected) {
        INFO(e.name);
        const int row = rowNamed(units, QString::fromUtf8(e.name));
        REQUIRE(row >= 0);
        CHECK(cell(units, row, UnitsDialog::OpenColumn) == QString::fromUtf8(e.open));
        CHECK(cell(units, row, UnitsDialog::OverdueColumn) == QString::fromUtf8(e.overdue));
        CHECK(cell(units, row, UnitsDialog::OnTimeColumn) == QString::fromUtf8(e.onTime));
        CHECK(cell(units, row, UnitsDialog::KindColumn) ==
              core::unitKindChineseName(
                  f.campaign->unit(units.item(row, 0)->data(Qt::UserRole + 1).toLongLong())->kind));
    }
    CHECK(cell(units, rowNamed(units, QStringLiteral("西湖街道办事处")), UnitsDialog::AreaColumn) ==
          QStringLiteral("西湖街道"));

    // Selecting a unit lists its open cards, the overdue one first and marked.
    dialog.selectUnit(f.fx.urban);
    QTableWidget& cards = dialog.cardsTable();
    REQUIRE(cards.rowCount() == 2);
    CHECK(cards.item(0, 0)->text() == QString::number(f.fx.defects[4].id)); // #5, 1 day late
    CHECK(cards.item(0, 5)->text() == app::LedgerModel::overdueText(1));
    CHECK(cards.item(1, 0)->text() == QString::number(f.fx.defects[7].id)); // #8, not due
    CHECK(cards.item(1, 5)->text().isEmpty());
    dialog.selectUnit(f.fx.westOffice);
    REQUIRE(cards.rowCount() == 1); // #1 and #2 are closed
    CHECK(cards.item(0, 0)->text() == QString::number(f.fx.defects[2].id));
    CHECK(cards.item(0, 3)->text() == QStringLiteral("整改"));

    // A later report time: #8's deadline has passed too.
    dialog.setNow(testing::utc(4, 5, 2));
    CHECK(cell(units, rowNamed(units, QStringLiteral("城管执法局")), UnitsDialog::OverdueColumn) ==
          QStringLiteral("2"));
}

TEST_CASE("the units dialog imports a unit table all or nothing", "[app][gui][units]") {
    UnitsFixture f;
    UnitsDialog dialog(*f.campaign, QStringLiteral("李四"));
    dialog.setInteractive(false);
    int changed = 0;
    QObject::connect(&dialog, &UnitsDialog::unitsChanged, &dialog, [&] { ++changed; });
    QTableWidget& units = dialog.unitsTable();
    REQUIRE(units.rowCount() == 3);

    const QString good =
        f.writeCsv(QStringLiteral("units.csv"),
                   QStringLiteral("name,kind,contact,area\n"
                                  "东湖街道办事处,街道办事处,王主任 027-8888 0001,东湖街道\n"
                                  "园林绿化局,GREENING,,\n"));
    REQUIRE(dialog.importFile(good));
    CHECK(dialog.lastError().isEmpty());
    CHECK(changed == 1);
    CHECK(f.campaign->units().size() == 5);
    REQUIRE(units.rowCount() == 5);
    const int east = rowNamed(units, QStringLiteral("东湖街道办事处"));
    REQUIRE(east >= 0);
    CHECK(cell(units, east, UnitsDialog::KindColumn) ==
          core::unitKindChineseName(core::UnitKind::StreetOffice));
    CHECK(cell(units, east, UnitsDialog::ContactColumn) == QStringLiteral("王主任 027-8888 0001"));
    CHECK(cell(units, east, UnitsDialog::AreaColumn) == QStringLiteral("东湖街道"));
    CHECK(cell(units, east, UnitsDialog::OpenColumn) == QStringLiteral("0"));
    CHECK(cell(units, east, UnitsDialog::OnTimeColumn) == QStringLiteral("—"));
    const int green = rowNamed(units, QStringLiteral("园林绿化局"));
    REQUIRE(green >= 0);
    CHECK(cell(units, green, UnitsDialog::KindColumn) ==
          core::unitKindChineseName(core::UnitKind::Greening));

    // A bad kind on the third line: refused, the row named, nothing added.
    const QString bad =
        f.writeCsv(QStringLiteral("bad.csv"), QStringLiteral("名称,类型\n甲社区居委会,COMMUNITY\n"
                                                             "乙单位,NOT_A_KIND\n"));
    CHECK_FALSE(dialog.importFile(bad));
    CHECK(dialog.lastError().contains(QStringLiteral("row 3")));
    CHECK(dialog.lastError().contains(QStringLiteral("NOT_A_KIND")));
    CHECK(dialog.lastError().contains(QStringLiteral("bad.csv")));
    CHECK(f.campaign->units().size() == 5);
    CHECK(units.rowCount() == 5);
    CHECK(rowNamed(units, QStringLiteral("甲社区居委会")) == -1);
    CHECK(changed == 1);

    // The same table again: the names are already held, so none is added.
    CHECK_FALSE(dialog.importFile(good));
    CHECK(dialog.lastError().contains(QStringLiteral("东湖街道办事处")));
    CHECK(f.campaign->units().size() == 5);

    // Adding one by hand; a unit needs a name.
    core::ResponsibleUnit mgmt;
    mgmt.name = QStringLiteral("  丙物业公司 ");
    mgmt.kind = core::UnitKind::PropertyMgmt;
    mgmt.contact = QStringLiteral("赵经理");
    REQUIRE(dialog.addUnit(mgmt));
    CHECK(units.rowCount() == 6);
    const int added = rowNamed(units, QStringLiteral("丙物业公司"));
    REQUIRE(added >= 0);
    CHECK(units.item(added, 0)->isSelected());
    CHECK(dialog.cardsTable().rowCount() == 0);
    core::ResponsibleUnit nameless;
    CHECK_FALSE(dialog.addUnit(nameless));
    CHECK_FALSE(dialog.lastError().isEmpty());
    CHECK(f.campaign->units().size() == 6);
    CHECK(changed == 2);
}
