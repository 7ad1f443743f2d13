#pragma once

#include "core/model/card.h"
#include "core/report/defect_rows.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDateTime>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace app {

/// The card ledger (督办台账) as a table: one row per defect with its card. Rows come from
/// core::collectDefectRows; "overdue" is core::isOverdue at now(), which the owner sets (tests
/// inject a fixed time). Times are shown in the campaign calendar's local time. GUI thread.
class LedgerModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        CodeColumn,  ///< "EN-01 暴露垃圾"
        CardColumn,  ///< 白卡/黄卡/红卡
        StageColumn, ///< 发现 ... 销号
        UnitColumn,
        SubdistrictColumn,
        AttachedColumn, ///< the drawn item the defect is attached to
        ObservedColumn,
        DeadlineColumn,
        OverdueColumn, ///< days overdue
        InspectorColumn,
        ColumnCount
    };
    enum Role {
        DefectIdRole = Qt::UserRole + 1, ///< qint64, every column
        SortRole,                        ///< numbers and date-times, not display text
        OverdueDaysRole,                 ///< int: 0 not overdue, -1 without a card
    };

    explicit LedgerModel(QObject* parent = nullptr);

    /// Replaces every row (a model reset).
    void setRows(std::vector<core::DefectRow> rows);
    const std::vector<core::DefectRow>& rows() const { return rows_; }
    /// The row of a model index row number, or null.
    const core::DefectRow* rowAt(int row) const;
    /// The model row of a defect id, or -1.
    int rowOf(qint64 defectId) const;

    /// The moment overdue cards are counted at (UTC). Changing it repaints the overdue columns.
    void setNow(const QDateTime& utc);
    QDateTime now() const { return now_; }
    /// The campaign calendar's offset from UTC (minutes; +480 for China).
    void setUtcOffsetMinutes(int minutes);
    int utcOffsetMinutes() const { return offsetMinutes_; }
    /// Whether a row's card is overdue at now().
    bool isOverdue(const core::DefectRow& row) const;
    /// The local calendar date a UTC time falls on.
    QDate localDate(const QDateTime& utc) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "背街小巷 胜利巷": the kind and the name (the attach id when the name is unknown).
    static QString attachedText(const core::Defect& defect, const QString& name = {});
    /// "overdue 3 days" (translated: 逾期 3 天); "" for 0.
    static QString overdueText(int days);

private:
    QVariant displayData(const core::DefectRow& row, int column) const;
    QVariant sortData(const core::DefectRow& row, int column) const;

    std::vector<core::DefectRow> rows_;
    QDateTime now_;
    int offsetMinutes_ = 480;
};

/// Filters and sorts the ledger. Every filter left at its default lets every row through.
/// Sorting uses LedgerModel::SortRole (numbers sort as numbers). The source must be a
/// LedgerModel.
class LedgerFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    /// setUnit() value for defects without a responsible unit (unit ids start at 1).
    static constexpr qint64 kNoUnit = 0;
    enum class Attachment { Any, Attached, Unattached };

    explicit LedgerFilter(QObject* parent = nullptr);

    void setStage(std::optional<core::CardStage> stage);
    /// A card colour; defects without a card never match a colour.
    void setColour(std::optional<core::CardColour> colour);
    void setUnit(std::optional<qint64> unitId);
    /// A full code ("EN-01") or a category prefix ("EN"), case-insensitive; empty = any.
    void setCode(const QString& codeOrCategory);
    /// Exact sub-district name; empty = any.
    void setSubdistrict(const QString& subdistrict);
    void setAttachment(Attachment attachment);
    /// One attached item ("drawn_streets:12"); empty = any. Implies Attached.
    void setAttachId(const QString& attachId);
    void setOverdueOnly(bool on);
    /// Observed between two local dates, both included; a null date leaves that end open.
    void setObservedRange(const QDate& from, const QDate& to);
    /// Case-insensitive text in the code, name, description, unit or inspector.
    void setSearchText(const QString& text);
    void clearFilters();

    bool overdueOnly() const { return overdueOnly_; }
    /// The defect id of a proxy row.
    qint64 defectIdAt(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    const LedgerModel* ledger() const;
    void changed();

    std::optional<core::CardStage> stage_;
    std::optional<core::CardColour> colour_;
    std::optional<qint64> unit_;
    QString code_;
    QString subdistrict_;
    Attachment attachment_ = Attachment::Any;
    QString attachId_;
    bool overdueOnly_ = false;
    QDate from_;
    QDate to_;
    QString search_;
};

} // namespace app
