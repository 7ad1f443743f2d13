#pragma once

#include "core/model/unit.h"
#include "core/report/defect_rows.h"

#include <QDateTime>
#include <QDialog>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

class QLabel;
class QTableWidget;

namespace core {
class Campaign;
}

namespace app {

/// The campaign's responsible units (责任单位): a table with each unit's name, kind, contact,
/// area, open and overdue cards and on-time closure rate (core::summarize, as `units list`
/// counts them); "Import..." reads a CSV/XLSX table (gis::readUnitTable) and adds all its units
/// or none (Campaign::addUnits); "Add..." adds one. Selecting a unit lists its open cards,
/// overdue ones first and marked.
///
/// The campaign must outlive the dialog. Errors are shown (message box when interactive) and
/// kept in lastError(). GUI thread.
class UnitsDialog : public QDialog {
    Q_OBJECT
public:
    UnitsDialog(core::Campaign& campaign, const QString& actor, QWidget* parent = nullptr);

    /// Imports a unit table; false (nothing added, lastError() naming the row) on refusal.
    bool importFile(const QString& path);
    /// Adds one unit; false (lastError()) on refusal (no name, a name already held).
    bool addUnit(const core::ResponsibleUnit& unit);
    /// Re-reads units and cards.
    void reload();
    /// The moment overdue cards are counted at (UTC); null = the current time. For tests.
    void setNow(const QDateTime& utc);
    void setInteractive(bool interactive) { interactive_ = interactive; }
    /// Shows the open cards of this unit (and selects its row).
    void selectUnit(std::int64_t unitId);

    QString lastError() const { return lastError_; }
    /// Columns: name, kind, contact, area, open cards, overdue cards, on-time closure rate.
    QTableWidget& unitsTable() { return *units_; }
    /// The selected unit's open cards: defect, code, card, stage, deadline, overdue.
    QTableWidget& cardsTable() { return *cards_; }

    enum UnitColumn {
        NameColumn,
        KindColumn,
        ContactColumn,
        AreaColumn,
        OpenColumn,
        OverdueColumn,
        OnTimeColumn,
        UnitColumnCount
    };

signals:
    /// Units were added: the ledger's unit filter needs refreshing.
    void unitsChanged();

private:
    void chooseAndImport();
    void askAdd();
    void showUnitCards();
    bool fail(const QString& message);
    QDateTime now() const;

    core::Campaign& campaign_;
    QString actor_;
    QDateTime fixedNow_;
    bool interactive_ = true;
    QString lastError_;
    std::vector<core::ResponsibleUnit> unitList_;
    std::vector<core::DefectRow> rows_;
    QTableWidget* units_;
    QTableWidget* cards_;
    QLabel* cardsTitle_;
};

} // namespace app
