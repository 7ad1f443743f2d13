// Field work in the campaign: editing, withdrawing and restoring recorded defects (what the
// desktop's undo/redo does), the campaign's checklists, and checklist observations.
#include "core/store/campaign.h"

#include "core/util/error.h"

#include <QUuid>

namespace core {

namespace {

Error invalid(const QString& m) {
    return Error(ErrorCode::InvalidInput, m);
}

AuditEntry defectEntry(const Defect& d, const QString& actor, const QString& action,
                       const QString& reason) {
    AuditEntry e;
    e.actor = actor;
    e.entity = QStringLiteral("defect");
    e.entityUuid = d.uuid;
    e.action = action;
    e.reason = reason;
    return e;
}

} // namespace

Defect Campaign::updateDefect(const QString& defectId, const DefectEdit& edit, const QString& actor,
                              const QString& reason) {
    Transaction tx(db_);
    const Defect d = requireDefect(defectId);
    if (d.withdrawnAt.isValid())
        throw invalid(QStringLiteral("defect %1 in campaign %2 was withdrawn; restore it before "
                                     "editing it")
                          .arg(d.uuid, path()));
    if (edit.severity && (*edit.severity < 1 || *edit.severity > 3))
        throw invalid(QStringLiteral("severity must be 1, 2 or 3, not %1").arg(*edit.severity));
    const QString now = isoUtcNow();
    if (edit.description && *edit.description != d.description) {
        auto st = db_.prepare("UPDATE defects SET description=?, updated_at=? WHERE fid=?");
        st.bindAll(*edit.description, now, d.id).exec();
        AuditEntry e = defectEntry(d, actor, QStringLiteral("update"), reason);
        e.field = QStringLiteral("description");
        e.oldValue = d.description;
        e.newValue = *edit.description;
        appendAudit(db_, e);
    }
    if (edit.severity && *edit.severity != d.severity) {
        auto st = db_.prepare("UPDATE defects SET severity=?, updated_at=? WHERE fid=?");
        st.bindAll(*edit.severity, now, d.id).exec();
        AuditEntry e = defectEntry(d, actor, QStringLiteral("update"), reason);
        e.field = QStringLiteral("severity");
        e.oldValue = QString::number(d.severity);
        e.newValue = QString::number(*edit.severity);
        appendAudit(db_, e);
    }
    tx.commit();
    return requireDefect(d.uuid);
}

void Campaign::withdrawDefect(const QString& defectId, const QString& actor,
                              const QString& reason) {
    if (!fieldwork_)
        throw StoreError(QStringLiteral("campaign %1 has schema %2, which cannot withdraw "
                                        "defects; open it with PeriSurvey to upgrade it")
                             .arg(path())
                             .arg(schemaVersion()));
    Transaction tx(db_);
    const Defect d = requireDefect(defectId);
    if (d.withdrawnAt.isValid())
        return;
    if (d.status != CardStage::Found)
        throw invalid(QStringLiteral("defect %1 already has a card (%2) and cannot be withdrawn; "
                                     "take the card through its workflow instead")
                          .arg(d.uuid, cardStageChinese(d.status)));
    const QString now = isoUtcNow();
    auto st = db_.prepare("UPDATE defects SET withdrawn_at=?, updated_at=? WHERE fid=?");
    st.bindAll(now, now, d.id).exec();
    AuditEntry e = defectEntry(d, actor, QStringLiteral("withdraw"), reason);
    e.field = QStringLiteral("withdrawn_at");
    e.newValue = now;
    appendAudit(db_, e);
    tx.commit();
}

void Campaign::restoreDefect(const QString& defectId, const QString& actor, const QString& reason) {
    Transaction tx(db_);
    const Defect d = requireDefect(defectId);
    if (!d.withdrawnAt.isValid())
        return;
    auto st = db_.prepare("UPDATE defects SET withdrawn_at=NULL, updated_at=? WHERE fid=?");
    st.bindAll(isoUtcNow(), d.id).exec();
    AuditEntry e = defectEntry(d, actor, QStringLiteral("restore"), reason);
    e.field = QStringLiteral("withdrawn_at");
    e.oldValue = isoUtc(d.withdrawnAt);
    appendAudit(db_, e);
    tx.commit();
}

ChecklistSet Campaign::checklists() {
    const QString json = meta(QStringLiteral("checklists_json"));
    if (json.isEmpty())
        return ChecklistSet::defaults();
    return ChecklistSet::fromJson(json.toUtf8(),
                                  path() + QStringLiteral(" (ps_meta.checklists_json)"));
}

void Campaign::setChecklists(const ChecklistSet& set, const QString& actor) {
    // Round-trip through JSON with the taxonomy so a bad code is refused before anything is kept.
    const QByteArray json = set.toJson();
    ChecklistSet::fromJson(json, set.name(), &taxonomy_);
    Transaction tx(db_);
    setMeta(QStringLiteral("checklists_json"), QString::fromUtf8(json));
    AuditEntry e;
    e.actor = actor;
    e.entity = QStringLiteral("campaign");
    e.entityUuid = uuid();
    e.action = QStringLiteral("update");
    e.field = QStringLiteral("checklists");
    e.newValue = set.name();
    appendAudit(db_, e);
    tx.commit();
}

Observation Campaign::recordObservation(Observation o, const QString& actor) {
    if (!fieldwork_)
        throw StoreError(QStringLiteral("campaign %1 has schema %2, which has no observations; "
                                        "open it with PeriSurvey to upgrade it")
                             .arg(path())
                             .arg(schemaVersion()));
    const ChecklistSet set = checklists();
    const Checklist* list = set.find(o.checklistId);
    if (!list)
        throw invalid(QStringLiteral("observation: checklist \"%1\" is not among the campaign's "
                                     "checklists (%2)")
                          .arg(o.checklistId, set.name()));
    const ChecklistItem* item = list->find(o.itemId);
    if (!item)
        throw invalid(
            QStringLiteral("observation: checklist %1 has no item \"%2\"").arg(list->id, o.itemId));
    if (o.attachId.trimmed().isEmpty())
        throw invalid(QStringLiteral("observation of %1: no place (attached_id) given; pick the "
                                     "drawn street, compound or anchor first")
                          .arg(item->id));
    if (o.inspector.trimmed().isEmpty())
        throw invalid(
            QStringLiteral("observation of %1: the inspector's name is empty").arg(item->id));
    if (o.count && !item->count)
        throw invalid(QStringLiteral("observation of %1: the item does not count; leave the "
                                     "count empty")
                          .arg(item->id));
    if (o.count && *o.count < 0)
        throw invalid(
            QStringLiteral("observation of %1: count %2 is negative").arg(item->id).arg(*o.count));
    Transaction tx(db_);
    if (!o.defectUuid.isEmpty() && !defect(o.defectUuid))
        throw invalid(QStringLiteral("observation of %1: campaign %2 has no defect %3")
                          .arg(item->id, path(), o.defectUuid));
    o.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    o.recordedAt = parseIsoUtc(isoUtcNow());
    if (!o.observedAt.isValid())
        o.observedAt = o.recordedAt;
    auto st = db_.prepare("INSERT INTO ps_observations(uuid, draw_id, attached_kind, attached_id, "
                          "attached_name, checklist, item, result, count, defect_uuid, inspector, "
                          "observed_at, recorded_at, note) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bindAll(o.uuid, o.drawId, attachKindKey(o.attachKind), o.attachId, o.attachName,
               o.checklistId, o.itemId, observationResultKey(o.result));
    if (o.count)
        st.bind(9, static_cast<std::int64_t>(*o.count));
    else
        st.bindNull(9);
    st.bind(10, o.defectUuid)
        .bind(11, o.inspector.trimmed())
        .bind(12, isoUtc(o.observedAt))
        .bind(13, isoUtc(o.recordedAt))
        .bind(14, o.note)
        .exec();
    o.id = db_.lastInsertRowId();
    AuditEntry e;
    e.actor = actor;
    e.entity = QStringLiteral("observation");
    e.entityUuid = o.uuid;
    e.action = QStringLiteral("create");
    e.field = o.checklistId + QLatin1Char('/') + o.itemId;
    e.newValue = observationResultKey(o.result) +
                 (o.count ? QStringLiteral(" %1").arg(*o.count) : QString()) + QLatin1Char(' ') +
                 o.attachId;
    appendAudit(db_, e);
    tx.commit();
    return o;
}

std::vector<Observation> Campaign::observations(const QString& attachId) {
    std::vector<Observation> out;
    if (!fieldwork_)
        return out;
    auto st = db_.prepare(
        "SELECT id, uuid, draw_id, attached_kind, attached_id, attached_name, checklist, item, "
        "result, count, defect_uuid, inspector, observed_at, recorded_at, note "
        "FROM ps_observations WHERE ?1 = '' OR attached_id = ?1 ORDER BY id");
    st.bind(1, attachId.isNull() ? QStringLiteral("") : attachId);
    while (st.step()) {
        Observation o;
        o.id = st.int64(0);
        o.uuid = st.text(1);
        o.drawId = st.text(2);
        o.attachKind = attachKindFromKey(st.text(3)).value_or(AttachKind::None);
        o.attachId = st.text(4);
        o.attachName = st.text(5);
        o.checklistId = st.text(6);
        o.itemId = st.text(7);
        o.result = observationResultFromKey(st.text(8)).value_or(ObservationResult::Pass);
        if (const auto c = st.optInt64(9))
            o.count = static_cast<int>(*c);
        o.defectUuid = st.text(10);
        o.inspector = st.text(11);
        o.observedAt = parseIsoUtc(st.text(12));
        o.recordedAt = parseIsoUtc(st.text(13));
        o.note = st.text(14);
        out.push_back(std::move(o));
    }
    return out;
}

} // namespace core
