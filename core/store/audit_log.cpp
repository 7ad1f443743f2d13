#include "core/store/audit_log.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace core {

namespace {

const QString kGenesis(64, QLatin1Char('0'));

QString isoUtc(const QDateTime& t) {
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QJsonValue nullable(const QString& s) {
    return s.isNull() ? QJsonValue() : QJsonValue(s);
}

// A JSON array is unambiguous (no separator can be forged inside a value) and its compact
// form is stable across Qt versions for strings, integers and nulls.
QString computeHash(const QString& prev, const AuditEntry& e, const QString& at) {
    const QJsonArray content{QJsonValue(static_cast<qint64>(e.seq)),
                             at,
                             e.actor,
                             e.entity,
                             e.entityUuid,
                             e.action,
                             nullable(e.field),
                             nullable(e.oldValue),
                             nullable(e.newValue),
                             nullable(e.reason)};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prev.toLatin1());
    h.addData(QJsonDocument(content).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(h.result().toHex());
}

AuditEntry readEntry(const Statement& st) {
    AuditEntry e;
    e.seq = st.int64(0);
    e.at = QDateTime::fromString(st.text(1), Qt::ISODateWithMs);
    e.actor = st.text(2);
    e.entity = st.text(3);
    e.entityUuid = st.text(4);
    e.action = st.text(5);
    e.field = st.text(6);
    e.oldValue = st.text(7);
    e.newValue = st.text(8);
    e.reason = st.text(9);
    e.prevHash = st.text(10);
    e.hash = st.text(11);
    return e;
}

constexpr const char* kSelect = "SELECT seq, at, actor, entity, entity_uuid, action, field, "
                                "old_value, new_value, reason, prev_hash, hash FROM ps_audit ";

} // namespace

void appendAuditChanges(Database& db, const AuditEntry& common,
                        const std::vector<AuditChange>& changes) {
    for (const auto& c : changes) {
        AuditEntry e = common;
        e.field = c.field;
        e.oldValue = c.oldValue;
        e.newValue = c.newValue;
        appendAudit(db, std::move(e));
    }
}

void appendAudit(Database& db, AuditEntry e) {
    QString prev = kGenesis;
    e.seq = 1;
    {
        auto st = db.prepare("SELECT seq, hash FROM ps_audit ORDER BY seq DESC LIMIT 1");
        if (st.step()) {
            e.seq = st.int64(0) + 1;
            prev = st.text(1);
        }
    }
    if (!e.at.isValid())
        e.at = QDateTime::currentDateTimeUtc();
    const QString at = isoUtc(e.at);
    e.prevHash = prev;
    e.hash = computeHash(prev, e, at);
    auto ins = db.prepare("INSERT INTO ps_audit(seq, at, actor, entity, entity_uuid, action, "
                          "field, old_value, new_value, reason, prev_hash, hash) "
                          "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bindAll(static_cast<std::int64_t>(e.seq), at, e.actor, e.entity, e.entityUuid, e.action,
                e.field, e.oldValue, e.newValue, e.reason, e.prevHash, e.hash);
    ins.exec();
    auto head = db.prepare("INSERT INTO ps_meta(key, value) VALUES('audit_head', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    head.bind(1, QStringLiteral("%1:%2").arg(e.seq).arg(e.hash)).exec();
}

std::vector<AuditEntry> auditTrail(Database& db, const QString& entityUuid) {
    std::vector<AuditEntry> out;
    auto st = entityUuid.isEmpty()
                  ? db.prepare(std::string(kSelect) + "ORDER BY seq")
                  : db.prepare(std::string(kSelect) + "WHERE entity_uuid=? ORDER BY seq");
    if (!entityUuid.isEmpty())
        st.bind(1, entityUuid);
    while (st.step())
        out.push_back(readEntry(st));
    return out;
}

AuditVerification verifyAudit(Database& db) {
    AuditVerification v;
    QString prev = kGenesis;
    std::int64_t expectedSeq = 1;
    auto fail = [&](std::int64_t seq, const QString& why) {
        v.ok = false;
        v.brokenSeq = seq;
        v.problem = QStringLiteral("audit entry %1: %2").arg(seq).arg(why);
    };
    auto st = db.prepare(std::string(kSelect) + "ORDER BY seq");
    while (st.step()) {
        const AuditEntry e = readEntry(st);
        ++v.entries;
        if (e.seq != expectedSeq) {
            fail(expectedSeq, QStringLiteral("missing (the log jumps to entry %1)").arg(e.seq));
            return v;
        }
        if (e.prevHash != prev) {
            fail(e.seq, QStringLiteral("does not follow the previous entry (an entry before it "
                                       "was changed or removed)"));
            return v;
        }
        if (computeHash(prev, e, st.text(1)) != e.hash) {
            fail(e.seq, QStringLiteral("content does not match its hash (it was edited after "
                                       "it was written)"));
            return v;
        }
        prev = e.hash;
        ++expectedSeq;
    }
    const auto head = db.scalarText("SELECT value FROM ps_meta WHERE key='audit_head'");
    const QString expectedHead =
        v.entries ? QStringLiteral("%1:%2").arg(v.entries).arg(prev) : QString();
    if (head.value_or(QString()) != expectedHead) {
        fail(v.entries + 1, QStringLiteral("the log ends at entry %1 but the chain head says "
                                           "%2 (entries were removed from the end)")
                                .arg(v.entries)
                                .arg(head.value_or(QStringLiteral("nothing"))));
    }
    return v;
}

} // namespace core
