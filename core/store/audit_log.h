#pragma once

#include "core/store/database.h"

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <vector>

namespace core {

/// One entry of a campaign's append-only audit log: who changed which field of which defect or
/// card, when, from what to what, and why. `hash` = SHA-256 (hex) of `prevHash` followed by
/// the canonical JSON of the entry's content, so a changed or deleted past entry breaks the
/// chain.
struct AuditEntry {
    std::int64_t seq = 0;
    QDateTime at; ///< UTC
    QString actor;
    QString entity; ///< "defect", "card", "photo", "campaign"
    QString entityUuid;
    QString action;   ///< "create", "update", "issue", "advance", "return", "close", ...
    QString field;    ///< changed field, or empty
    QString oldValue; ///< null QString = no value
    QString newValue;
    QString reason;
    QString prevHash;
    QString hash;
};

/// Appends an entry (seq, at when null, prevHash and hash are filled in). Must run inside the
/// caller's write Transaction so the entry commits with the change it describes.
void appendAudit(Database& db, AuditEntry entry);

/// One field's change in an audit entry (a null QString is no value).
struct AuditChange {
    QString field;
    QString oldValue;
    QString newValue;
};

/// Appends one entry per change, each `common` (time, actor, entity, action, reason) with the
/// change's field and values. As appendAudit, inside the caller's write Transaction.
void appendAuditChanges(Database& db, const AuditEntry& common,
                        const std::vector<AuditChange>& changes);

/// Entries of one defect/card (by uuid), oldest first; all entries when `entityUuid` is empty.
std::vector<AuditEntry> auditTrail(Database& db, const QString& entityUuid = {});

/// The outcome of checking the chain.
struct AuditVerification {
    bool ok = true;
    std::int64_t entries = 0;
    std::int64_t brokenSeq = 0; ///< first entry that fails, 0 when ok
    QString problem;            ///< one line naming the entry and what is wrong
};

/// Recomputes every hash and compares it with the stored chain and with the chain head kept
/// in ps_meta (which also reveals deleted trailing entries).
AuditVerification verifyAudit(Database& db);

} // namespace core
