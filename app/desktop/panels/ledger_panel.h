#pragma once

#include "core/model/card.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace core {
class Campaign;
struct DefectRow;
} // namespace core

namespace app {

class DefectDetailDialog;
class LedgerFilter;
class LedgerModel;

/// The card ledger dock (督办台账): every defect of the campaign with its card, filtered (stage,
/// card colour, unit, code or category, sub-district, drawn item, overdue only, observed
/// dates, free text), sorted by any column, and the card workflow on the selected row: 发卡
/// (issue, colour preselected from the taxonomy), one "advance" action named after the next
/// stage (派遣/整改/反馈/复核, the re-check with an optional after-photo), 退回 (return, needs a
/// reason), 销号 (close) and 详情 (detail).
///
/// The panel does not own the campaign (the campaign controller does); it calls the
/// core::Campaign card methods as the actor, turns a core::Error into actionFailed() (and a
/// message box when interactive), and re-reads the rows after every change. GUI thread.
class LedgerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LedgerPanel(QWidget* parent = nullptr);
    ~LedgerPanel() override;

    /// Shows `campaign`'s defects (null: none; the ledger empties). The campaign must outlive
    /// the panel or be replaced with null before it goes away.
    void setCampaign(core::Campaign* campaign, const QString& actor);
    void setActor(const QString& actor);
    /// Re-reads the rows (core::collectDefectRows), keeping the selection and the filters.
    void refresh();
    /// The moment overdue cards are counted at (UTC); a null time means the current time at
    /// each refresh. For tests.
    void setNow(const QDateTime& utc);
    /// Message boxes for failed actions and dialogs asking for input (default true).
    void setInteractive(bool interactive) { interactive_ = interactive; }

    /// Selects these defects (from the map) without emitting selectionChangedByUser().
    void selectDefects(const QList<qint64>& ids);
    QList<qint64> selectedDefects() const;

    // The workflow on one defect, as the buttons do it after asking for input. Each returns
    // false (and emits actionFailed) when the campaign refuses; the ledger is refreshed and
    // defectsChanged() emitted on success.
    bool issueCard(qint64 defectId, std::optional<core::CardColour> colour, const QString& reason);
    /// One stage on; `afterPhotoPath` (a JPEG/PNG) goes with the step to 复核 only.
    bool advance(qint64 defectId, const QString& reason, const QString& afterPhotoPath = {});
    /// 退回 to 整改; an empty reason is refused before the campaign is asked.
    bool returnCard(qint64 defectId, const QString& reason);
    bool closeCard(qint64 defectId, const QString& reason);
    /// Opens the detail dialog of a defect (non-modal, deleted on close); null on failure.
    DefectDetailDialog* openDetail(qint64 defectId);

    QTableView& view() { return *view_; }
    LedgerFilter& filter() { return *filter_; }
    LedgerModel& model() { return *model_; }
    /// "Showing 12 / 40".
    QString countText() const;
    QAction& issueAction() { return *issue_; }
    QAction& advanceAction() { return *advance_; }
    QAction& returnAction() { return *return_; }
    QAction& closeAction() { return *close_; }
    QAction& detailAction() { return *detail_; }
    QAction& editAction() { return *edit_; }
    QCheckBox& overdueOnlyBox() { return *overdueOnly_; }
    QLineEdit& searchEdit() { return *search_; }

signals:
    void selectionChangedByUser(const QList<qint64>& ids);
    void zoomRequested(qint64 defectId);
    /// "Edit..." on a defect: the window opens the edit dialog (edits go on its undo stack).
    void editRequested(qint64 defectId);
    /// A card changed: the map's defect marks need re-reading.
    void defectsChanged();
    /// A workflow action was refused; `message` says why (translated or from the campaign).
    void actionFailed(const QString& message);

private:
    QWidget* buildFilterBar();
    void rebuildFilterChoices();
    void applyFilters();
    void updateCount();
    void updateActions();
    void onSelectionChanged();
    const core::DefectRow* currentRow() const;
    bool fail(const QString& message);
    template <typename Action>
    bool perform(Action&& action);

    void askIssue();
    void askAdvance();
    void askReturn();
    void askClose();

    core::Campaign* campaign_ = nullptr;
    QString actor_;
    QDateTime fixedNow_;
    bool interactive_ = true;
    bool selecting_ = false;

    LedgerModel* model_;
    LedgerFilter* filter_;
    QTableView* view_;
    QComboBox* stage_;
    QComboBox* colour_;
    QComboBox* unit_;
    QComboBox* code_;
    QComboBox* subdistrict_;
    QComboBox* attached_;
    QCheckBox* dateRange_;
    QDateEdit* from_;
    QDateEdit* to_;
    QCheckBox* overdueOnly_;
    QLineEdit* search_;
    QLabel* count_;
    QAction* issue_;
    QAction* advance_;
    QAction* return_;
    QAction* close_;
    QAction* detail_;
    QAction* edit_;
};

} // namespace app
