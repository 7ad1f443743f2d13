#include "core/store/campaign.h"

#include "core/util/error.h"
#include "core/workflow/card_rules.h"

#include <QUuid>

#include <algorithm>

namespace core {

namespace {

/// The audit entry of a card action, without the changed fields.
AuditEntry cardAudit(const QDateTime& at, const QString& actor, const QString& defectUuid,
                     const QString& action, const QString& reason) {
    AuditEntry e;
    e.at = at;
    e.actor = actor;
    e.entity = QStringLiteral("card");
    e.entityUuid = defectUuid;
    e.action = action;
    e.reason = reason;
    return e;
}

Error invalid(const QString& m) {
    return Error(ErrorCode::InvalidInput, m);
}

constexpr const char* kCardColumns = "id, uuid, defect_id, colour, stage, issued_at, deadline, "
                                     "unit_id, repeat_of, closed_at, updated_at";

Card readCard(const Statement& st) {
    Card c;
    c.id = st.int64(0);
    c.uuid = st.text(1);
    c.defectId = st.int64(2);
    c.colour = cardColourFromKey(st.text(3)).value_or(CardColour::White);
    c.stage = cardStageFromKey(st.text(4)).value_or(CardStage::Issued);
    c.issuedAt = parseIsoUtc(st.text(5));
    c.deadline = parseIsoUtc(st.text(6));
    c.unitId = st.optInt64(7);
    c.repeatOf = st.text(8);
    c.closedAt = parseIsoUtc(st.text(9));
    c.updatedAt = parseIsoUtc(st.text(10));
    return c;
}

QDateTime orNow(const QDateTime& t) {
    return t.isValid() ? t.toUTC() : QDateTime::currentDateTimeUtc();
}

} // namespace

std::optional<Card> Campaign::card(std::int64_t defectId) {
    auto st =
        db_.prepare(std::string("SELECT ") + kCardColumns + " FROM ps_cards WHERE defect_id=?");
    st.bind(1, defectId);
    if (!st.step())
        return std::nullopt;
    return readCard(st);
}

Card Campaign::issueCard(const QString& defectId, std::optional<CardColour> colour,
                         const QString& actor, const QString& reason, const QDateTime& nowUtc) {
    const QDateTime now = orNow(nowUtc);
    Transaction tx(db_);
    const Defect d = requireDefect(defectId);
    if (card(d.id))
        throw invalid(QStringLiteral("defect %1 already has a card (%2); use card advance")
                          .arg(d.uuid, cardStageChinese(d.status)));
    if (d.withdrawnAt.isValid())
        throw invalid(QStringLiteral("defect %1 was withdrawn (%2); restore it before issuing a "
                                     "card")
                          .arg(d.uuid, isoUtc(d.withdrawnAt)));
    const DefectType& type = taxonomy_.require(d.code);
    // Repeat rule: the same code on the same unit observed within the window before this one.
    QString repeatOf;
    if (d.unitId) {
        auto st = db_.prepare("SELECT uuid FROM defects WHERE code=? AND unit_id=? AND fid<>? "
                              "AND observed_at>=? AND observed_at<=? ORDER BY observed_at DESC "
                              "LIMIT 1");
        const QDateTime observed = d.observedAt.isValid() ? d.observedAt : now;
        st.bindAll(d.code, *d.unitId, d.id, isoUtc(observed.addDays(-kRepeatWindowDays)),
                   isoUtc(observed));
        if (st.step())
            repeatOf = st.text(0);
    }
    const CardColour c = initialColour(type, colour, !repeatOf.isEmpty());
    const QDateTime deadline = calendar_.add(now, cardAllowance(taxonomy_, type, c));
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto ins = db_.prepare("INSERT INTO ps_cards(uuid, defect_id, colour, stage, issued_at, "
                           "deadline, unit_id, repeat_of, updated_at) VALUES(?,?,?,?,?,?,?,?,?)");
    ins.bindAll(uuid, d.id, cardColourKey(c), cardStageKey(CardStage::Issued), isoUtc(now),
                isoUtc(deadline), d.unitId, repeatOf.isEmpty() ? QString() : repeatOf, isoUtc(now));
    ins.exec();
    const std::int64_t cardId = db_.lastInsertRowId();
    auto ev = db_.prepare("INSERT INTO ps_card_events(card_id, at, actor, action, from_stage, "
                          "to_stage, colour, deadline, reason) VALUES(?,?,?,'issue',?,?,?,?,?)");
    ev.bindAll(cardId, isoUtc(now), actor, cardStageKey(CardStage::Found),
               cardStageKey(CardStage::Issued), cardColourKey(c), isoUtc(deadline), reason);
    ev.exec();
    auto upd = db_.prepare("UPDATE defects SET status=?, updated_at=? WHERE fid=?");
    upd.bindAll(cardStageKey(CardStage::Issued), isoUtc(now), d.id).exec();
    const QString why = repeatOf.isEmpty()
                            ? reason
                            : QStringLiteral("repeat of defect %1 within %2 days; %3")
                                  .arg(repeatOf)
                                  .arg(kRepeatWindowDays)
                                  .arg(reason);
    appendAuditChanges(
        db_, cardAudit(now, actor, d.uuid, QStringLiteral("issue"), why),
        {{QStringLiteral("status"), cardStageKey(d.status), cardStageKey(CardStage::Issued)},
         {QStringLiteral("colour"), QString(), cardColourKey(c)},
         {QStringLiteral("deadline"), QString(), isoUtc(deadline)}});
    tx.commit();
    return *card(d.id);
}

Card Campaign::changeCard(const QString& defectId, const QString& action, const QString& actor,
                          const QString& reason, const QDateTime& nowUtc,
                          const std::optional<PhotoInput>& photo) {
    const QDateTime now = orNow(nowUtc);
    Transaction tx(db_);
    const Defect d = requireDefect(defectId);
    const auto current = card(d.id);
    if (!current)
        throw invalid(
            QStringLiteral("defect %1 has no card yet; issue one with card issue").arg(d.uuid));
    CardStage to = current->stage;
    if (action == QLatin1String("advance")) {
        const auto next = nextStage(current->stage);
        if (!next)
            throw invalid(QStringLiteral("card of defect %1 is at %2; %3")
                              .arg(d.uuid, cardStageChinese(current->stage),
                                   current->stage == CardStage::Rechecked
                                       ? QStringLiteral("close it with card close")
                                       : QStringLiteral("it cannot advance")));
        to = *next;
    } else if (action == QLatin1String("return")) {
        if (!canReturn(current->stage))
            throw invalid(QStringLiteral("card of defect %1 is at %2; only a card at 反馈 or 复核 "
                                         "can be returned (退回)")
                              .arg(d.uuid, cardStageChinese(current->stage)));
        if (reason.trimmed().isEmpty())
            throw invalid(QStringLiteral("returning (退回) a card needs a reason (--reason)"));
        to = CardStage::Fixing;
    } else {
        if (current->stage != CardStage::Rechecked)
            throw invalid(
                QStringLiteral("card of defect %1 is at %2; closing (销号) needs a re-check "
                               "record first (advance it to 复核)")
                    .arg(d.uuid, cardStageChinese(current->stage)));
        to = CardStage::Closed;
    }
    std::optional<std::int64_t> photoId;
    if (photo) {
        PhotoInput after = *photo;
        after.role = QStringLiteral("after");
        photoId = insertPhoto(d.id, d.uuid, after, actor);
    }
    auto upd = db_.prepare("UPDATE ps_cards SET stage=?, updated_at=?, closed_at=? WHERE id=?");
    upd.bindAll(cardStageKey(to), isoUtc(now), to == CardStage::Closed ? isoUtc(now) : QString(),
                current->id);
    upd.exec();
    auto ev =
        db_.prepare("INSERT INTO ps_card_events(card_id, at, actor, action, from_stage, "
                    "to_stage, colour, deadline, reason, photo_id) VALUES(?,?,?,?,?,?,?,?,?,?)");
    ev.bindAll(current->id, isoUtc(now), actor, action, cardStageKey(current->stage),
               cardStageKey(to), cardColourKey(current->colour), isoUtc(current->deadline), reason,
               photoId);
    ev.exec();
    auto dupd = db_.prepare("UPDATE defects SET status=?, updated_at=? WHERE fid=?");
    dupd.bindAll(cardStageKey(to), isoUtc(now), d.id).exec();
    appendAuditChanges(
        db_, cardAudit(now, actor, d.uuid, action, reason),
        {{QStringLiteral("status"), cardStageKey(current->stage), cardStageKey(to)}});
    tx.commit();
    return *card(d.id);
}

Card Campaign::advanceCard(const QString& defectId, const QString& actor, const QString& reason,
                           const std::optional<PhotoInput>& afterPhoto, const QDateTime& nowUtc) {
    return changeCard(defectId, QStringLiteral("advance"), actor, reason, nowUtc, afterPhoto);
}

Card Campaign::returnCard(const QString& defectId, const QString& actor, const QString& reason,
                          const QDateTime& nowUtc) {
    return changeCard(defectId, QStringLiteral("return"), actor, reason, nowUtc, std::nullopt);
}

Card Campaign::closeCard(const QString& defectId, const QString& actor, const QString& reason,
                         const QDateTime& nowUtc) {
    return changeCard(defectId, QStringLiteral("close"), actor, reason, nowUtc, std::nullopt);
}

std::vector<Card> Campaign::overdueCards(const QDateTime& nowUtc) {
    std::vector<Card> out;
    auto st = db_.prepare(std::string("SELECT ") + kCardColumns +
                          " FROM ps_cards WHERE stage IN ('issued','dispatched','fixing') AND "
                          "deadline < ? ORDER BY deadline, id");
    st.bind(1, isoUtc(orNow(nowUtc)));
    while (st.step())
        out.push_back(readCard(st));
    return out;
}

std::vector<Card> Campaign::escalateOverdue(const QString& actor, const QDateTime& nowUtc) {
    const QDateTime now = orNow(nowUtc);
    if (db_.isReadOnly())
        return {};
    Transaction tx(db_);
    std::vector<Card> changed;
    for (const Card& c : overdueCards(now)) {
        const Defect d = requireDefect(QString::number(c.defectId));
        const auto esc = escalate(c, taxonomy_, taxonomy_.require(d.code), calendar_, now);
        if (!esc)
            continue;
        auto upd = db_.prepare("UPDATE ps_cards SET colour=?, deadline=?, updated_at=? WHERE id=?");
        upd.bindAll(cardColourKey(esc->colour), isoUtc(esc->deadline), isoUtc(now), c.id).exec();
        auto ev =
            db_.prepare("INSERT INTO ps_card_events(card_id, at, actor, action, from_stage, "
                        "to_stage, colour, deadline, reason) VALUES(?,?,?,'escalate',?,?,?,?,?)");
        const QString why = QStringLiteral("overdue since %1").arg(isoUtc(c.deadline));
        ev.bindAll(c.id, isoUtc(now), actor, cardStageKey(c.stage), cardStageKey(c.stage),
                   cardColourKey(esc->colour), isoUtc(esc->deadline), why);
        ev.exec();
        appendAuditChanges(
            db_, cardAudit(now, actor, d.uuid, QStringLiteral("escalate"), why),
            {{QStringLiteral("colour"), cardColourKey(c.colour), cardColourKey(esc->colour)},
             {QStringLiteral("deadline"), isoUtc(c.deadline), isoUtc(esc->deadline)}});
        changed.push_back(*card(c.defectId));
    }
    tx.commit();
    return changed;
}

} // namespace core
