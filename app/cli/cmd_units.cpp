// `perisurvey-cli units`: the responsible units (责任单位) of a campaign: list them with their
// open and overdue cards and on-time closure rate, import them from a CSV/XLSX table, add one.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"

#include "core/report/campaign_summary.h"
#include "core/report/defect_rows.h"
#include "core/util/error.h"
#include "gis/io/unit_table.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

namespace {

const QString kSynopsis = QStringLiteral(
    "units list FILE [--json] | units import FILE TABLE.csv|.xlsx [--inspector NAME] | units add "
    "FILE --name NAME --kind KIND [--contact TEXT] [--area SUBDISTRICT] [--inspector NAME]");

core::Error bad(const QString& message) {
    return core::Error(core::ErrorCode::InvalidInput, message);
}

int list(Context& ctx, const QStringList& argv) {
    const Args args(argv, {}, {QStringLiteral("json")});
    core::Campaign c = openCampaign(args.positionals(), kSynopsis, false);
    core::Feedback feedback;
    const auto rows = core::collectDefectRows(c, {}, feedback);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const core::CampaignSummary summary =
        core::summarize(rows, now, core::categoryOrder(c.taxonomy()));
    auto tallyOf = [&](std::int64_t id) {
        for (const auto& u : summary.byUnit)
            if (u.unitId && *u.unitId == id)
                return u.tally;
        return core::Tally{};
    };
    const auto units = c.units();
    if (args.has(QStringLiteral("json"))) {
        QJsonArray out;
        for (const auto& u : units) {
            const core::Tally t = tallyOf(u.id);
            QJsonObject o{{QStringLiteral("id"), static_cast<qint64>(u.id)},
                          {QStringLiteral("name"), u.name},
                          {QStringLiteral("kind"), core::unitKindKey(u.kind)},
                          {QStringLiteral("contact"), u.contact},
                          {QStringLiteral("area"), u.area},
                          {QStringLiteral("defects"), t.total},
                          {QStringLiteral("open_cards"), t.open()},
                          {QStringLiteral("overdue_cards"), t.overdue},
                          {QStringLiteral("closed"), t.closed}};
            const auto rate = t.onTimeClosureRate();
            o.insert(QStringLiteral("on_time_closure_rate"),
                     rate ? QJsonValue(*rate) : QJsonValue(QJsonValue::Null));
            out.append(o);
        }
        ctx.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const auto& u : units) {
        const core::Tally t = tallyOf(u.id);
        ctx.out << u.id << "  " << u.name << "  " << core::unitKindChineseName(u.kind) << " ("
                << core::unitKindKey(u.kind) << ")";
        if (!u.area.isEmpty())
            ctx.out << "  辖区 " << u.area;
        if (!u.contact.isEmpty())
            ctx.out << "  " << u.contact;
        ctx.out << "\n    defects " << t.total << ", open cards " << t.open() << ", overdue "
                << t.overdue << ", on-time closure " << core::percentText(t.onTimeClosureRate())
                << "\n";
    }
    ctx.out << units.size() << " unit(s)\n";
    return Ok;
}

int import(Context& ctx, const QStringList& argv) {
    const Args args(argv, {QStringLiteral("inspector")}, {});
    if (args.positionals().size() != 2)
        throw bad(QStringLiteral("units import takes FILE and TABLE: %1").arg(kSynopsis));
    const QString table = args.positionals().at(1);
    // Read the whole table first: a bad row stops the import before anything is written.
    const auto units = gis::readUnitTable(table);
    core::Campaign c = openCampaign(args.positionals().mid(0, 1), kSynopsis, true);
    const auto ids = c.addUnits(units, actorName(args.value(QStringLiteral("inspector"))),
                                QFileInfo(table).fileName());
    for (std::size_t i = 0; i < units.size(); ++i)
        ctx.out << ids[i] << "  " << units[i].name << "  " << core::unitKindKey(units[i].kind)
                << "\n";
    ctx.out << "imported " << ids.size() << " unit(s) from " << table << "\n";
    return Ok;
}

int add(Context& ctx, const QStringList& argv) {
    const Args args(argv,
                    {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("contact"),
                     QStringLiteral("area"), QStringLiteral("inspector")},
                    {});
    core::ResponsibleUnit u;
    u.name = args.value(QStringLiteral("name")).trimmed();
    if (u.name.isEmpty())
        throw bad(QStringLiteral("units add needs --name NAME"));
    const QString kind = args.value(QStringLiteral("kind"));
    const auto k = core::unitKindFromKey(kind);
    if (!k)
        throw bad(QStringLiteral("--kind takes a unit kind key such as STREET_OFFICE, "
                                 "PROPERTY_MGMT, URBAN_MGMT, HOUSING_CONSTR, not '%1'")
                      .arg(kind));
    u.kind = *k;
    u.contact = args.value(QStringLiteral("contact"));
    u.area = args.value(QStringLiteral("area"));
    core::Campaign c = openCampaign(args.positionals(), kSynopsis, true);
    const auto ids = c.addUnits({u}, actorName(args.value(QStringLiteral("inspector"))),
                                QStringLiteral("units add"));
    ctx.out << ids.front() << "  " << u.name << "\n";
    return Ok;
}

} // namespace

int runUnits(Context& ctx) {
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list"))
        return list(ctx, ctx.args.mid(1));
    if (sub == QLatin1String("import"))
        return import(ctx, ctx.args.mid(1));
    if (sub == QLatin1String("add"))
        return add(ctx, ctx.args.mid(1));
    throw bad(QStringLiteral("usage: %1").arg(kSynopsis));
}

} // namespace cli
