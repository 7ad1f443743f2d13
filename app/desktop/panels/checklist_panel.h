#pragma once

#include "core/model/checklist.h"
#include "gis/analysis/snap.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

namespace app {

/// The inspection checklist (检查项) of the place being inspected: the drawn street, compound or
/// anchor last picked on the map. The inspector marks each item pass / fail / not applicable,
/// and enters a count where the protocol counts (ads per 500 m, jaywalkers per 5 minutes);
/// a count sets the verdict by the item's rule. Every mark is emitted at once (observed()) to
/// be stored; a failed item also asks for a defect pre-filled with its code. The foot shows
/// the place's score rate (passed / judged).
class ChecklistPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChecklistPanel(QWidget* parent = nullptr);

    void setChecklists(const core::ChecklistSet& set);
    /// The place to inspect (nullopt: none) and the draw it belongs to.
    void setPlace(const std::optional<gis::SnapTarget>& place, const QString& drawId);
    const std::optional<gis::SnapTarget>& place() const { return place_; }
    /// The stored observations at the place (oldest first); the latest per item is shown.
    void setObservations(const std::vector<core::Observation>& observations);
    void setInspector(const QString& name) { inspector_ = name; }

    /// The checklist shown (its id), and choosing another one that applies to the place.
    QString checklistId() const;
    bool selectChecklist(const QString& id);
    /// Marks an item as the widgets do (a count sets the verdict by the rule when `result` is
    /// null). Returns false for an unknown item or no place.
    bool mark(const QString& itemId, std::optional<core::ObservationResult> result,
              std::optional<int> count = std::nullopt);
    /// The shown verdict of an item (nullopt: not checked yet).
    std::optional<core::ObservationResult> shownResult(const QString& itemId) const;
    /// "合格率 80% (4/5)" for the shown checklist.
    QString scoreText() const;
    QTableWidget& table() { return *table_; }

signals:
    /// An item was marked; store it.
    void observed(const core::Observation& observation);
    /// A failed item (`itemId` of the shown checklist) asks for a defect of `code` ("" when the
    /// item has none) at the place.
    void defectRequested(const QString& itemId, const QString& code, const QString& description);

private:
    void rebuild();
    void updateScore();
    int rowOf(const QString& itemId) const;
    void emitMark(int row, std::optional<core::ObservationResult> result, std::optional<int> count);

    core::ChecklistSet set_;
    std::optional<gis::SnapTarget> place_;
    QString drawId_;
    QString inspector_;
    std::vector<core::Observation> current_;
    const core::Checklist* list_ = nullptr;
    bool filling_ = false;

    QLabel* placeLabel_;
    QComboBox* listCombo_;
    QTableWidget* table_;
    QLabel* score_;
};

} // namespace app
