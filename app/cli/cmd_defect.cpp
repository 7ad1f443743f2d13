// `perisurvey-cli defect add|list`: record defects in the field and list them.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"
#include "app/cli/report_cli_support.h"

#include "core/report/defect_rows.h"
#include "core/util/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

namespace {

const QString kAddSynopsis = QStringLiteral(
    "defect add FILE --code CODE (--lon X --lat Y | --photo P) [--photo P]... "
    "[--attach street:ID|compound:ID|anchor:ID] [--inspector NAME] [--note TEXT] [--unit ID|NAME] "
    "[--force]");
const QString kListSynopsis = QStringLiteral("defect list FILE [--status S] [--unit ID|NAME] "
                                             "[--code C] [--card COLOUR] [--overdue] [--json]");

core::Error bad(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

double number(const Args& args, const QString& name) {
    bool ok = false;
    const double v = args.value(name).toDouble(&ok);
    if (!ok)
        throw bad(
            QStringLiteral("--%1 takes a number in degrees, not '%2'").arg(name, args.value(name)));
    return v;
}

int defectAdd(Context& ctx, const QStringList& argv) {
    const Args args(argv,
                    {QStringLiteral("code"), QStringLiteral("lon"), QStringLiteral("lat"),
                     QStringLiteral("photo"), QStringLiteral("attach"), QStringLiteral("inspector"),
                     QStringLiteral("note"), QStringLiteral("unit")},
                    {QStringLiteral("force"), QStringLiteral("json")});
    if (args.positionals().size() != 1)
        throw bad(QStringLiteral("usage: %1").arg(kAddSynopsis));
    if (!args.has(QStringLiteral("code")))
        throw bad(QStringLiteral("defect add needs --code (e.g. EN-01)"));
    if (args.has(QStringLiteral("lon")) != args.has(QStringLiteral("lat")))
        throw bad(QStringLiteral("give both --lon and --lat"));
    core::NewDefect in;
    in.code = args.value(QStringLiteral("code"));
    in.description = args.value(QStringLiteral("note"));
    in.inspector = actorName(args.value(QStringLiteral("inspector")));
    in.forceLocation = args.has(QStringLiteral("force"));
    if (args.has(QStringLiteral("lon")))
        in.lonLat =
            core::Point{number(args, QStringLiteral("lon")), number(args, QStringLiteral("lat"))};
    if (args.has(QStringLiteral("attach"))) {
        const QString a = args.value(QStringLiteral("attach"));
        const auto colon = a.indexOf(QLatin1Char(':'));
        const auto kind = colon > 0 ? core::attachKindFromKey(a.left(colon)) : std::nullopt;
        if (!kind || *kind == core::AttachKind::None || a.mid(colon + 1).isEmpty())
            throw bad(QStringLiteral("--attach takes street:ID, compound:ID or anchor:ID, not '%1'")
                          .arg(a));
        in.attachKind = *kind;
        in.attachId = a.mid(colon + 1);
    }
    for (const auto& p : args.values(QStringLiteral("photo")))
        in.photos.push_back(readPhoto(p));
    if (!in.lonLat && std::none_of(in.photos.begin(), in.photos.end(),
                                   [](const auto& p) { return p.exifLonLat.has_value(); }))
        throw bad(in.photos.empty()
                      ? QStringLiteral("defect add needs --lon and --lat, or a --photo with GPS")
                      : QStringLiteral("photo %1 has no GPS position; give --lon and --lat")
                            .arg(in.photos.front().originalName));
    core::Campaign c = openCampaign(args.positionals(), kAddSynopsis, true);
    if (args.has(QStringLiteral("unit")))
        in.unitId = core::requireUnit(c, args.value(QStringLiteral("unit"))).id;
    const core::Point ll =
        in.lonLat ? *in.lonLat
                  : *std::find_if(in.photos.begin(), in.photos.end(), [](const auto& p) {
                         return p.exifLonLat.has_value();
                     })->exifLonLat;
    if (std::abs(ll.x) <= 180 && std::abs(ll.y) <= 90)
        in.working = toWorking(c, ll);
    const core::Defect d = c.addDefect(in);
    if (args.has(QStringLiteral("json")))
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("uuid"), d.uuid},
                                             {QStringLiteral("id"), static_cast<qint64>(d.id)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
    else
        ctx.out << "added defect " << d.uuid << " (" << d.code << ", id " << d.id << ")\n";
    return Ok;
}

int defectList(Context& ctx, const QStringList& argv) {
    const Args args(argv,
                    {QStringLiteral("status"), QStringLiteral("unit"), QStringLiteral("code"),
                     QStringLiteral("card")},
                    {QStringLiteral("overdue"), QStringLiteral("json")});
    core::Campaign c = openCampaign(args.positionals(), kListSynopsis, false);
    const auto defects = c.defects(defectFilter(args, c));
    if (args.has(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const auto& d : defects) {
            QJsonObject o{{QStringLiteral("id"), static_cast<qint64>(d.id)},
                          {QStringLiteral("uuid"), d.uuid},
                          {QStringLiteral("code"), d.code},
                          {QStringLiteral("description"), d.description},
                          {QStringLiteral("severity"), d.severity},
                          {QStringLiteral("status"), core::cardStageKey(d.status)},
                          {QStringLiteral("lon"), d.lonLat.x},
                          {QStringLiteral("lat"), d.lonLat.y},
                          {QStringLiteral("inspector"), d.inspector},
                          {QStringLiteral("observed_at"), core::isoUtc(d.observedAt)}};
            if (d.working) {
                o.insert(QStringLiteral("x"), d.working->x);
                o.insert(QStringLiteral("y"), d.working->y);
            }
            if (d.unitId)
                o.insert(QStringLiteral("unit_id"), static_cast<qint64>(*d.unitId));
            if (!d.attachId.isEmpty())
                o.insert(QStringLiteral("attached"),
                         core::attachKindKey(d.attachKind) + QLatin1Char(':') + d.attachId);
            if (d.cardColour) {
                o.insert(QStringLiteral("card"), core::cardColourKey(*d.cardColour));
                o.insert(QStringLiteral("deadline"), core::isoUtc(d.deadline));
            }
            arr.append(o);
        }
        ctx.out << QJsonDocument(arr).toJson(QJsonDocument::Compact) << '\n';
        return Ok;
    }
    for (const auto& d : defects) {
        const auto* type = c.taxonomy().find(d.code);
        ctx.out << d.uuid << "  " << d.code << ' ' << (type ? type->nameZh : QString()) << "  "
                << core::cardStageChinese(d.status);
        if (d.cardColour)
            ctx.out << "  " << core::cardColourChinese(*d.cardColour) << " due "
                    << core::isoUtc(d.deadline);
        ctx.out << "  " << QString::number(d.lonLat.x, 'f', 6) << ','
                << QString::number(d.lonLat.y, 'f', 6);
        if (!d.description.isEmpty())
            ctx.out << "  " << d.description;
        ctx.out << '\n';
    }
    ctx.out << defects.size() << " defect(s)\n";
    return Ok;
}

} // namespace

int runDefect(Context& ctx) {
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("add"))
        return defectAdd(ctx, ctx.args.mid(1));
    if (sub == QLatin1String("list"))
        return defectList(ctx, ctx.args.mid(1));
    throw bad(QStringLiteral("defect needs a subcommand: add or list"));
}

} // namespace cli
