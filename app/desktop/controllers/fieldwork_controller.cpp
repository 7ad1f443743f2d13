#include "app/desktop/controllers/fieldwork_controller.h"

#include "app/desktop/controllers/campaign_controller.h"
#include "core/util/error.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

#include <functional>

namespace app {

/// One undoable step on a defect. The change was already written when the step is pushed, so
/// the first redo() does nothing; later ones write again. A step that cannot be undone any more
/// (the defect got a card meanwhile) reports why and leaves the stack.
class DefectCommand : public QUndoCommand {
public:
    using Apply = std::function<void(core::Campaign&)>;
    DefectCommand(FieldworkController& owner, const QString& text, Apply undo, Apply redo)
        : QUndoCommand(text), owner_(owner), undo_(std::move(undo)), redo_(std::move(redo)) {}

    void undo() override { run(undo_); }
    void redo() override {
        if (first_) {
            first_ = false;
            return;
        }
        run(redo_);
    }

private:
    void run(const Apply& step) {
        core::Campaign* c = owner_.campaign();
        if (!c) {
            setObsolete(true);
            return;
        }
        try {
            step(*c);
        } catch (const core::Error& e) {
            emit owner_.failed(e.message());
            setObsolete(true);
        }
        emit owner_.defectsChanged();
    }

    FieldworkController& owner_;
    Apply undo_;
    Apply redo_;
    bool first_ = true;
};

FieldworkController::FieldworkController(CampaignController& campaign, QObject* parent)
    : QObject(parent), campaigns_(campaign), undo_(new QUndoStack(this)) {
    // Undo steps belong to one campaign file.
    connect(&campaigns_, &CampaignController::closed, undo_, &QUndoStack::clear);
    connect(&campaigns_, &CampaignController::opened, undo_, &QUndoStack::clear);
}

core::Campaign* FieldworkController::campaign() {
    return campaigns_.campaign();
}

std::optional<core::Defect>
FieldworkController::recordDefect(const core::NewDefect& input, bool issueCard,
                                  std::optional<core::CardColour> colour) {
    core::Campaign* c = campaign();
    if (!c) {
        emit failed(tr("Open a campaign before recording defects."));
        return std::nullopt;
    }
    core::Defect d;
    try {
        d = c->addDefect(input);
    } catch (const core::Error& e) {
        emit failed(e.message());
        return std::nullopt;
    }
    const QString uuid = d.uuid;
    const QString who = actor_;
    const core::DefectType* type = c->taxonomy().find(d.code);
    const QString label = QStringLiteral("%1 %2").arg(d.code, type ? type->nameZh : QString());
    undo_->push(new DefectCommand(
        *this, tr("Record defect %1").arg(label),
        [uuid, who](core::Campaign& cc) {
            cc.withdrawDefect(uuid, who, QStringLiteral("撤销记录 (undo)"));
        },
        [uuid, who](core::Campaign& cc) {
            cc.restoreDefect(uuid, who, QStringLiteral("恢复记录 (redo)"));
        }));
    QString text = tr("Defect recorded: %1").arg(label);
    if (issueCard) {
        try {
            const core::Card card =
                c->issueCard(uuid, colour, who, QStringLiteral("现场发卡 (issued on recording)"));
            d = c->requireDefect(uuid);
            text = tr("Defect recorded: %1, %2 issued")
                       .arg(label, core::cardColourChinese(card.colour));
        } catch (const core::Error& e) {
            // The defect is kept; only the card failed.
            emit failed(
                tr("The defect was recorded but its card was not issued: %1").arg(e.message()));
        }
    }
    emit defectsChanged();
    emit message(text);
    return d;
}

bool FieldworkController::editDefect(const QString& defectId, const core::DefectEdit& edit,
                                     std::optional<std::int64_t> unitId) {
    core::Campaign* c = campaign();
    if (!c)
        return false;
    try {
        const core::Defect before = c->requireDefect(defectId);
        if (!edit.description && !edit.severity && (!unitId || unitId == before.unitId))
            return true; // nothing to change, nothing to undo
        core::DefectEdit back;
        back.description = before.description;
        back.severity = before.severity;
        c->updateDefect(before.uuid, edit, actor_);
        const bool unitChanged = unitId && unitId != before.unitId;
        if (unitChanged)
            c->setDefectUnit(before.uuid, *unitId, actor_, QStringLiteral("编辑 (edit)"));
        const QString uuid = before.uuid;
        const QString who = actor_;
        const std::optional<std::int64_t> oldUnit = before.unitId;
        undo_->push(new DefectCommand(
            *this, tr("Edit defect %1").arg(before.code),
            [=](core::Campaign& cc) {
                cc.updateDefect(uuid, back, who, QStringLiteral("撤销编辑 (undo)"));
                if (unitChanged && oldUnit)
                    cc.setDefectUnit(uuid, *oldUnit, who, QStringLiteral("撤销编辑 (undo)"));
            },
            [=](core::Campaign& cc) {
                cc.updateDefect(uuid, edit, who, QStringLiteral("重做编辑 (redo)"));
                if (unitChanged)
                    cc.setDefectUnit(uuid, *unitId, who, QStringLiteral("重做编辑 (redo)"));
            }));
    } catch (const core::Error& e) {
        emit failed(e.message());
        return false;
    }
    emit defectsChanged();
    emit message(tr("Defect changed"));
    return true;
}

std::optional<core::Observation> FieldworkController::observe(const core::Observation& o) {
    core::Campaign* c = campaign();
    if (!c) {
        emit failed(tr("Open a campaign before marking checklist items."));
        return std::nullopt;
    }
    try {
        core::Observation stored = c->recordObservation(o, actor_);
        emit observationRecorded(stored);
        return stored;
    } catch (const core::Error& e) {
        emit failed(e.message());
        return std::nullopt;
    }
}

} // namespace app
