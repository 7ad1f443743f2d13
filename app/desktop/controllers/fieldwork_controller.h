#pragma once

#include "core/model/checklist.h"
#include "core/model/defect.h"
#include "core/store/campaign.h"

#include <QObject>
#include <QString>

#include <optional>

class QUndoStack;

namespace app {

class CampaignController;

/// The inspector's edits of the open campaign, each committed to the file at once and kept on
/// an undo stack: recording a defect (undo withdraws it, redo restores it) and editing one
/// (undo writes the old values back). Card steps are workflow actions with reasons in the
/// audit, not undoable edits: once a defect has a card, undoing its recording is refused with
/// a message and the step leaves the stack. Checklist observations are appended (a later mark
/// supersedes an earlier one). GUI thread only.
class FieldworkController : public QObject {
    Q_OBJECT
public:
    explicit FieldworkController(CampaignController& campaign, QObject* parent = nullptr);

    QUndoStack& undoStack() { return *undo_; }
    void setActor(const QString& actor) { actor_ = actor; }
    const QString& actor() const { return actor_; }

    /// Records a defect (and issues its card when `issueCard`), then pushes the step on the
    /// undo stack. Returns the defect; on failure emits failed() and returns nullopt, leaving
    /// the file as it was.
    std::optional<core::Defect> recordDefect(const core::NewDefect& defect, bool issueCard,
                                             std::optional<core::CardColour> colour);
    /// Changes a defect's description/severity and unit, as one undoable step.
    bool editDefect(const QString& defectId, const core::DefectEdit& edit,
                    std::optional<std::int64_t> unitId);
    /// Records a checklist observation; emits observationRecorded().
    std::optional<core::Observation> observe(const core::Observation& observation);

signals:
    /// Something the inspector should read in the status bar ("问题已记录 RD-01").
    void message(const QString& text);
    void failed(const QString& message);
    /// The defects in the file changed (recorded, withdrawn, restored, edited).
    void defectsChanged();
    void observationRecorded(const core::Observation& observation);

private:
    friend class DefectCommand;
    core::Campaign* campaign();

    CampaignController& campaigns_;
    QUndoStack* undo_;
    QString actor_;
};

} // namespace app
