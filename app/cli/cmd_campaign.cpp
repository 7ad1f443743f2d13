// `perisurvey-cli campaign new|check|backup|info`: the campaign file as a whole.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"

#include "core/model/roles.h"
#include "core/util/error.h"
#include "core/util/resources.h"
#include "gis/layers/layer_loader.h"
#include "gis/proj/crs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

namespace {

const QString kNewSynopsis = QStringLiteral(
    "campaign new FILE --name NAME [--import DATASET]... [--rules FILE] [--crs CODE] "
    "[--taxonomy FILE] [--calendar FILE] [--inspector NAME]");

core::Error bad(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

QByteArray readAll(const QString& path, const QString& what) {
    QFile f(path);
    if (!f.exists())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1 %2 does not exist").arg(what, path));
    if (!f.open(QIODevice::ReadOnly))
        throw core::IoError(
            QStringLiteral("cannot read %1 %2: %3").arg(what, path, f.errorString()));
    return f.readAll();
}

// The shipped presets merged into one rules document, so the campaign keeps exactly the rules
// its layers were classified with even after the presets change.
QByteArray defaultRulesJson() {
    QJsonArray rules;
    for (const char* preset : {"rules/osm.json", "rules/attributes-zh.json"}) {
        const QString path = core::resourcePath(QString::fromLatin1(preset));
        if (path.isEmpty())
            continue;
        const QJsonObject o =
            QJsonDocument::fromJson(readAll(path, QStringLiteral("rules"))).object();
        for (const auto& r : o.value(QLatin1String("rules")).toArray())
            rules.append(r);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("defaults")},
                                     {QStringLiteral("rules"), rules}})
        .toJson(QJsonDocument::Compact);
}

core::Box lonLatBox(const core::Box& working, const gis::CoordinateTransform& toLonLat) {
    core::Box out;
    if (working.empty())
        return out;
    for (const core::Point p :
         {core::Point{working.minX, working.minY}, core::Point{working.maxX, working.minY},
          core::Point{working.maxX, working.maxY}, core::Point{working.minX, working.maxY}})
        out.expand(toLonLat.apply(p));
    return out;
}

void removeDatabaseFiles(const QString& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

int campaignNew(Context& ctx, const QStringList& argv) {
    const Args args(argv,
                    {QStringLiteral("name"), QStringLiteral("import"), QStringLiteral("rules"),
                     QStringLiteral("crs"), QStringLiteral("taxonomy"), QStringLiteral("calendar"),
                     QStringLiteral("inspector"), QStringLiteral("encoding")},
                    {});
    if (args.positionals().size() != 1)
        throw bad(QStringLiteral("usage: %1").arg(kNewSynopsis));
    const QString path = args.positionals().front();
    if (QFileInfo::exists(path))
        throw bad(QStringLiteral("%1 already exists; choose a new campaign file name").arg(path));
    if (args.value(QStringLiteral("name")).trimmed().isEmpty())
        throw bad(QStringLiteral("campaign new needs --name, e.g. --name \"X区 2027 春季测评\""));
    const QStringList datasets = args.values(QStringLiteral("import"));
    gis::OpenOptions options;
    options.encoding = args.value(QStringLiteral("encoding"));

    core::CampaignOptions co;
    co.name = args.value(QStringLiteral("name"));
    co.actor = actorName(args.value(QStringLiteral("inspector")));
    co.rulesJson = args.has(QStringLiteral("rules"))
                       ? readAll(args.value(QStringLiteral("rules")), QStringLiteral("rules file"))
                       : defaultRulesJson();
    const core::RuleSet rules = core::RuleSet::fromJson(
        co.rulesJson, args.value(QStringLiteral("rules"), QStringLiteral("default rules")));
    if (args.has(QStringLiteral("taxonomy")))
        co.taxonomy = core::Taxonomy::fromFile(args.value(QStringLiteral("taxonomy")));
    if (args.has(QStringLiteral("calendar")))
        co.calendar = core::WorkCalendar::fromJson(
            readAll(args.value(QStringLiteral("calendar")), QStringLiteral("calendar")),
            args.value(QStringLiteral("calendar")));

    gis::Crs working;
    if (args.has(QStringLiteral("crs"))) {
        working = gis::Crs::fromUserInput(args.value(QStringLiteral("crs")));
    } else {
        if (datasets.isEmpty())
            throw bad(
                QStringLiteral("campaign new needs --crs when nothing is imported (--import)"));
        std::vector<gis::LayerInfo> infos;
        for (const auto& ds : datasets) {
            auto more = gis::inspectDataset(ds, options);
            infos.insert(infos.end(), more.begin(), more.end());
        }
        working = gis::workingCrsFor(infos);
    }
    if (working.epsg() <= 0 || working.isGeographic())
        throw bad(
            QStringLiteral("working CRS %1 must be a projected EPSG CRS (--crs), e.g. EPSG:4547")
                .arg(working.authId().isEmpty() ? working.name() : working.authId()));
    co.workingCrs = core::CampaignCrs{working.authId(), working.name(), working.wkt()};

    // Built under a temporary name and renamed at the end, so a failed import leaves no
    // half-made campaign behind.
    const QString tmp = path + QStringLiteral(".part");
    removeDatabaseFiles(tmp);
    QStringList summary;
    try {
        core::Campaign c = core::Campaign::create(tmp, co);
        const gis::CoordinateTransform toLonLat(working, gis::Crs::fromEpsg(4490));
        for (const auto& ds : datasets) {
            core::Feedback feedback;
            const gis::LoadedDataset loaded = gis::loadDataset(ds, working, options, feedback);
            for (const auto& w : loaded.warnings)
                ctx.err << "warning: " << w << '\n';
            for (const auto& layer : loaded.layers) {
                const QString table = c.importLayer(*layer, lonLatBox(layer->extent, toLonLat));
                summary << QStringLiteral("  %1: %2 features (%3)")
                               .arg(table)
                               .arg(layer->features.size())
                               .arg(ds);
                if (layer->kind != core::GeometryKind::Polygon ||
                    !c.meta(QStringLiteral("subdistrict_layer")).isEmpty())
                    continue;
                const auto masks = rules.classify(*layer);
                const bool hasSubdistricts = std::any_of(masks.begin(), masks.end(), [](auto m) {
                    return m & core::roleBit(core::Role::Subdistrict);
                });
                if (!hasSubdistricts)
                    continue;
                for (const char* f : {"name:zh", "name", "名称", "NAME", "街道", "JDMC"})
                    if (layer->fieldIndex(QString::fromUtf8(f)) >= 0) {
                        c.setMeta(QStringLiteral("subdistrict_layer"), table);
                        c.setMeta(QStringLiteral("subdistrict_name_field"),
                                  layer
                                      ->fields[static_cast<std::size_t>(
                                          layer->fieldIndex(QString::fromUtf8(f)))]
                                      .name);
                        break;
                    }
            }
        }
    } catch (...) {
        removeDatabaseFiles(tmp);
        throw;
    }
    if (!QFile::rename(tmp, path)) {
        removeDatabaseFiles(tmp);
        throw core::IoError(QStringLiteral("cannot rename %1 to %2").arg(tmp, path));
    }
    ctx.out << "created campaign " << path << " \"" << co.name.trimmed() << "\", working CRS "
            << working.authId() << '\n';
    for (const auto& s : summary)
        ctx.out << s << '\n';
    return Ok;
}

int campaignCheck(Context& ctx, const QStringList& argv) {
    const Args args(argv, {}, {QStringLiteral("json")});
    core::Campaign c =
        openCampaign(args.positionals(), QStringLiteral("campaign check FILE"), false);
    const QStringList problems = c.check();
    if (args.has(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(
                       QJsonObject{
                           {QStringLiteral("file"), c.path()},
                           {QStringLiteral("ok"), problems.isEmpty()},
                           {QStringLiteral("defects"), static_cast<qint64>(c.defectCount())},
                           {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
    } else if (problems.isEmpty()) {
        ctx.out << "ok: " << c.path() << " (schema " << c.schemaVersion() << ", " << c.defectCount()
                << " defects)\n";
    } else {
        for (const auto& p : problems)
            ctx.out << p << '\n';
        ctx.err << "perisurvey-cli campaign check: " << problems.size() << " problem(s) in "
                << c.path() << '\n';
    }
    return problems.isEmpty() ? Ok : BadInput;
}

int campaignBackup(Context& ctx, const QStringList& argv) {
    const Args args(argv, {}, {});
    if (args.positionals().size() != 2)
        throw bad(QStringLiteral("usage: campaign backup FILE OUT"));
    core::Campaign c =
        openCampaign(args.positionals(), QStringLiteral("campaign backup FILE OUT"), false);
    c.backup(args.positionals()[1]);
    ctx.out << "backed up " << c.path() << " to " << args.positionals()[1] << '\n';
    return Ok;
}

int campaignInfo(Context& ctx, const QStringList& argv) {
    const Args args(argv, {}, {});
    core::Campaign c =
        openCampaign(args.positionals(), QStringLiteral("campaign info FILE"), false);
    ctx.out << "campaign " << c.name() << " (" << c.path() << ")\n"
            << "  schema: " << c.schemaVersion() << ", uuid " << c.uuid() << '\n'
            << "  working CRS: " << c.workingCrs().authId << ' ' << c.workingCrs().name << '\n'
            << "  taxonomy: " << c.taxonomy().name() << " (" << c.taxonomy().types().size()
            << " codes)\n"
            << "  layers: " << c.layerTables().join(QStringLiteral(", ")) << '\n'
            << "  defects: " << c.defectCount() << ", units: " << c.units().size() << '\n';
    return Ok;
}

} // namespace

int runCampaign(Context& ctx) {
    const QString sub = ctx.args.value(0);
    const QStringList rest = ctx.args.mid(1);
    if (sub == QLatin1String("new"))
        return campaignNew(ctx, rest);
    if (sub == QLatin1String("check"))
        return campaignCheck(ctx, rest);
    if (sub == QLatin1String("backup"))
        return campaignBackup(ctx, rest);
    if (sub == QLatin1String("info"))
        return campaignInfo(ctx, rest);
    throw bad(QStringLiteral("campaign needs a subcommand: new, check, backup or info"));
}

} // namespace cli
