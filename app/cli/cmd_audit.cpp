// `perisurvey-cli audit verify|show`: the campaign's hash-chained audit log.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"

#include "core/util/error.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

int runAudit(Context& ctx) {
    const QString sub = ctx.args.value(0);
    const Args args(ctx.args.mid(1), {}, {QStringLiteral("json")});
    if (sub == QLatin1String("verify")) {
        core::Campaign c =
            openCampaign(args.positionals(), QStringLiteral("audit verify FILE"), false);
        const core::AuditVerification v = c.verifyAudit();
        if (args.has(QStringLiteral("json"))) {
            ctx.out << QJsonDocument(
                           QJsonObject{
                               {QStringLiteral("file"), c.path()},
                               {QStringLiteral("ok"), v.ok},
                               {QStringLiteral("entries"), static_cast<qint64>(v.entries)},
                               {QStringLiteral("broken_entry"), static_cast<qint64>(v.brokenSeq)},
                               {QStringLiteral("problem"), v.problem}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        } else if (v.ok) {
            ctx.out << "ok: audit log of " << c.path() << " is intact (" << v.entries
                    << " entries)\n";
        } else {
            ctx.err << "perisurvey-cli audit verify: " << c.path() << ": BROKEN at " << v.problem
                    << '\n';
        }
        return v.ok ? Ok : BadInput;
    }
    if (sub == QLatin1String("show")) {
        if (args.positionals().size() < 1)
            throw core::Error(core::ErrorCode::InvalidInput,
                              QStringLiteral("usage: audit show FILE [DEFECT_ID]"));
        core::Campaign c =
            openCampaign(args.positionals(), QStringLiteral("audit show FILE [DEFECT_ID]"), false);
        const QString uuid =
            args.positionals().size() > 1 ? c.requireDefect(args.positionals()[1]).uuid : QString();
        for (const auto& e : c.auditTrail(uuid))
            ctx.out << e.seq << "  " << core::isoUtc(e.at) << "  " << e.actor << "  " << e.entity
                    << ' ' << e.entityUuid << "  " << e.action << "  " << e.field << ": "
                    << e.oldValue << " -> " << e.newValue
                    << (e.reason.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(e.reason))
                    << '\n';
        return Ok;
    }
    throw core::Error(
        core::ErrorCode::InvalidInput,
        QStringLiteral("audit needs a subcommand: verify FILE or show FILE [DEFECT_ID]"));
}

} // namespace cli
