// `perisurvey-cli draw`: the six-peripheries draw (anchors, rings, 1-2 back streets and 1-2
// compounds per anchor) from a seed, with its record; and `draw verify`, which recomputes a
// recorded draw from its inputs.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"

#include "core/render/draw_certificate.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "gis/analysis/draw_session.h"
#include "gis/layers/layer_loader.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace cli {

namespace {

/// Exit code of `draw verify` when the recomputed draw differs from the record.
constexpr int kNotVerified = 3;

core::Error bad(const QString& message) {
    return core::Error(core::ErrorCode::InvalidInput, message);
}

double metres(const Args& args, const char* name, double fallback) {
    const QString key = QLatin1String(name);
    if (!args.has(key))
        return fallback;
    bool ok = false;
    const double v = args.value(key).toDouble(&ok);
    if (!ok)
        throw bad(
            QStringLiteral("--%1 takes a number of metres, not '%2'").arg(key, args.value(key)));
    return v;
}

core::CountRange countRange(const Args& args, const char* name, core::CountRange fallback) {
    const QString key = QLatin1String(name);
    if (!args.has(key))
        return fallback;
    const QString v = args.value(key);
    const QStringList parts = v.split(QLatin1Char('-'));
    bool ok1 = false;
    bool ok2 = false;
    core::CountRange r;
    r.min = parts.value(0).toInt(&ok1);
    r.max = parts.size() == 1 ? r.min : parts.value(1).toInt(&ok2);
    if (!ok1 || (parts.size() == 2 && !ok2) || parts.size() > 2)
        throw bad(QStringLiteral("--%1 takes A-B (e.g. 1-2) or a fixed N, not '%2'").arg(key, v));
    return r;
}

std::uint64_t parseSeed(const QString& text) {
    bool ok = false;
    const std::uint64_t v = text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
                                ? text.mid(2).toULongLong(&ok, 16)
                                : text.toULongLong(&ok, 10);
    if (!ok)
        throw bad(QStringLiteral("--seed takes a whole number from 0 to 18446744073709551615 "
                                 "(or 0x hex), not '%1'")
                      .arg(text));
    return v;
}

core::DrawParameters parameters(const Args& args) {
    core::DrawParameters p;
    p.innerM = metres(args, "inner", p.innerM);
    p.outerM = metres(args, "outer", p.outerM);
    p.streets = countRange(args, "streets", p.streets);
    p.compounds = countRange(args, "compounds", p.compounds);
    p.anchorsPerKind = static_cast<int>(args.integer(QStringLiteral("anchors-per-kind"), 0));
    if (args.has(QStringLiteral("kinds"))) {
        p.kinds.clear();
        for (const QString& k :
             args.value(QStringLiteral("kinds")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto role = core::roleFromKey(k.trimmed());
            if (!role || !core::isAnchor(*role))
                throw bad(QStringLiteral("--kinds: '%1' is not an anchor kind (use market, mall, "
                                         "school, hospital, station, community)")
                              .arg(k));
            p.kinds.push_back(*role);
        }
    }
    p.allowRepeats = args.has(QStringLiteral("allow-repeats"));
    p.includeUnnamed = args.has(QStringLiteral("include-unnamed"));
    p.minStreetLengthM = metres(args, "min-street-m", p.minStreetLengthM);
    p.minCompoundAreaM2 = metres(args, "min-compound-m2", p.minCompoundAreaM2);
    if (args.has(QStringLiteral("street-rule"))) {
        const QString v = args.value(QStringLiteral("street-rule"));
        if (v == QLatin1String("any"))
            p.streetRule = core::StreetRule::AnyPart;
        else if (v == QLatin1String("midpoint"))
            p.streetRule = core::StreetRule::Midpoint;
        else if (v.startsWith(QLatin1String("share:"))) {
            p.streetRule = core::StreetRule::LengthShare;
            bool ok = false;
            p.streetSharePercent = v.mid(6).toDouble(&ok);
            if (!ok)
                throw bad(
                    QStringLiteral("--street-rule share:PCT needs a percentage, not '%1'").arg(v));
        } else
            throw bad(
                QStringLiteral("--street-rule is any, midpoint or share:PCT, not '%1'").arg(v));
    }
    if (args.has(QStringLiteral("compound-rule"))) {
        const QString v = args.value(QStringLiteral("compound-rule"));
        if (v == QLatin1String("centroid"))
            p.compoundRule = core::CompoundRule::Centroid;
        else if (v == QLatin1String("any"))
            p.compoundRule = core::CompoundRule::AnyPart;
        else
            throw bad(QStringLiteral("--compound-rule is centroid or any, not '%1'").arg(v));
    }
    if (args.has(QStringLiteral("widen"))) {
        const QStringList w = args.value(QStringLiteral("widen")).split(QLatin1Char(':'));
        bool ok1 = false;
        bool ok2 = true;
        p.widenStepM = w.value(0).toDouble(&ok1);
        if (w.size() > 1)
            p.widenLimitM = w.value(1).toDouble(&ok2);
        if (!ok1 || !ok2)
            throw bad(QStringLiteral("--widen takes STEP[:LIMIT] in metres (e.g. 500:3000)"));
    }
    p.validate();
    return p;
}

QString itemsText(const std::vector<core::DrawnItem>& items, bool street) {
    QStringList parts;
    for (const auto& i : items)
        parts << QStringLiteral("%1 (%2 %3, %4 m away)")
                     .arg(i.name.isEmpty() ? QStringLiteral("(unnamed)") : i.name)
                     .arg(i.measure, 0, 'f', 0)
                     .arg(street ? QStringLiteral("m") : QStringLiteral("m2"))
                     .arg(i.distanceM, 0, 'f', 0);
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral("; "));
}

void printSummary(QTextStream& out, const gis::DrawRun& run) {
    const auto& r = run.record;
    int streets = 0;
    int compounds = 0;
    for (const auto& a : r.outcome.anchors) {
        streets += static_cast<int>(a.streets.items.size());
        compounds += static_cast<int>(a.compounds.items.size());
    }
    out << "draw " << r.drawId << "\n";
    out << "seed " << QString::number(r.seed)
        << (r.seedFromSystem ? " (from the operating system; give --seed to repeat)" : "") << "\n";
    out << "working CRS " << r.workingCrs << "; " << r.outcome.anchors.size() << " anchors, "
        << streets << " streets, " << compounds << " compounds, shortfall " << r.totalShortfall()
        << "\n";
    for (const auto& k : r.outcome.kinds)
        out << "  " << core::roleKey(k.kind) << ": " << k.drawn << " of " << k.eligible
            << " anchors\n";
    for (const auto& a : r.outcome.anchors) {
        out << a.id << "  " << (a.name.isEmpty() ? QStringLiteral("(unnamed)") : a.name) << "\n";
        out << "    streets:   " << itemsText(a.streets.items, true) << "\n";
        out << "    compounds: " << itemsText(a.compounds.items, false) << "\n";
        if (a.streets.shortfall + a.compounds.shortfall > 0)
            out << "    shortfall: " << a.streets.shortfall << " street(s), "
                << a.compounds.shortfall << " compound(s)\n";
    }
}

int runVerify(Context& ctx, const QStringList& argv) {
    const Args args(argv, {QStringLiteral("draw")}, {QStringLiteral("json")});
    if (args.positionals().size() != 1)
        throw bad(QStringLiteral("draw verify takes one FILE (a plan .gpkg or record .json)"));
    const QString path = args.positionals().front();
    gis::initGdal();
    const auto records = gis::readDrawRecords(path);
    const core::DrawRecord* record = &records.back();
    if (args.has(QStringLiteral("draw"))) {
        const QString id = args.value(QStringLiteral("draw"));
        record = nullptr;
        for (const auto& r : records)
            if (r.drawId == id || (id.size() >= 4 && r.drawId.startsWith(id)))
                record = &r;
        if (!record)
            throw core::Error(core::ErrorCode::NotFound,
                              QStringLiteral("%1 has no draw '%2'").arg(path, id));
    }
    core::Feedback feedback;
    const auto result = gis::verifyDraw(*record, feedback);
    if (args.has(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("draw_id"), record->drawId},
                      {QStringLiteral("verified"), result.verified},
                      {QStringLiteral("difference"), result.difference}};
        if (result.recomputed)
            o.insert(QStringLiteral("recomputed_result_sha256"), result.recomputed->resultSha256());
        o.insert(QStringLiteral("recorded_result_sha256"), record->resultSha256());
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (result.verified) {
        ctx.out << "verified: draw " << record->drawId << " (seed " << QString::number(record->seed)
                << ", " << record->outcome.anchors.size()
                << " anchors) recomputes identically from its inputs\n";
    } else {
        ctx.out << "NOT verified: draw " << record->drawId << ": " << result.difference << "\n";
    }
    return result.verified ? Ok : kNotVerified;
}

} // namespace

int runCertificate(Context& ctx, const QStringList& argv) {
    const Args args(argv, {QStringLiteral("draw"), QStringLiteral("out")}, {});
    if (args.positionals().size() != 1 || !args.has(QStringLiteral("out")))
        throw bad(QStringLiteral("usage: draw certificate CAMPAIGN|PLAN.gpkg|RECORD.json "
                                 "[--draw ID] --out CERT.pdf"));
    const QString path = args.positionals().front();
    const QString out = args.value(QStringLiteral("out"));
    if (!out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        throw bad(QStringLiteral("--out %1: the certificate is a PDF; name it *.pdf").arg(out));
    const QString wanted = args.value(QStringLiteral("draw"));
    core::CertificateOptions options;
    std::optional<core::DrawRecord> record;
    if (core::Campaign::isCampaignFile(path)) {
        core::Campaign c = core::Campaign::open(path, core::OpenMode::ReadOnly);
        record = c.requireDraw(wanted);
        options.campaignName = c.name();
        options.campaignPath = QFileInfo(path).absoluteFilePath();
    } else {
        gis::initGdal();
        const auto records = gis::readDrawRecords(path);
        for (const auto& r : records)
            if (wanted.isEmpty() || r.drawId == wanted ||
                (wanted.size() >= 4 && r.drawId.startsWith(wanted)))
                record = r;
        if (!record)
            throw core::Error(core::ErrorCode::NotFound,
                              QStringLiteral("%1 has no draw '%2'").arg(path, wanted));
    }
    core::writeDrawCertificate(out, *record, options);
    ctx.out << "certificate of draw " << record->drawId << " (seed "
            << QString::number(record->seed) << "): " << out << "\n";
    return Ok;
}

int runDraw(Context& ctx) {
    if (!ctx.args.isEmpty() && ctx.args.front() == QLatin1String("verify"))
        return runVerify(ctx, ctx.args.mid(1));
    if (!ctx.args.isEmpty() && ctx.args.front() == QLatin1String("certificate"))
        return runCertificate(ctx, ctx.args.mid(1));
    const Args args(
        ctx.args,
        {QStringLiteral("rules"), QStringLiteral("seed"), QStringLiteral("inner"),
         QStringLiteral("outer"), QStringLiteral("streets"), QStringLiteral("compounds"),
         QStringLiteral("anchors-per-kind"), QStringLiteral("kinds"), QStringLiteral("operator"),
         QStringLiteral("out"), QStringLiteral("crs"), QStringLiteral("street-rule"),
         QStringLiteral("compound-rule"), QStringLiteral("widen"), QStringLiteral("min-street-m"),
         QStringLiteral("min-compound-m2"), QStringLiteral("supersedes")},
        {QStringLiteral("json"), QStringLiteral("allow-repeats"),
         QStringLiteral("include-unnamed")});
    if (args.positionals().isEmpty())
        throw bad(QStringLiteral("draw needs at least one DATASET path (or: draw verify FILE)"));
    gis::DrawRequest request;
    request.datasets = args.positionals();
    request.rulesFile = args.value(QStringLiteral("rules"));
    request.params = parameters(args);
    if (args.has(QStringLiteral("seed")))
        request.seed = parseSeed(args.value(QStringLiteral("seed")));
    request.operatorName = args.value(QStringLiteral("operator"));
    request.workingCrs = args.value(QStringLiteral("crs"));

    // A campaign among the inputs gives its imported layers and keeps the draw.
    std::optional<core::Campaign> campaign;
    for (const QString& path : request.datasets) {
        if (!core::Campaign::isCampaignFile(path))
            continue;
        if (campaign)
            throw bad(QStringLiteral("draw takes one campaign at a time (%1 and %2)")
                          .arg(campaign->path(), path));
        campaign = core::Campaign::open(path, core::OpenMode::ReadWrite);
        const QString campaignCrs = campaign->workingCrs().authId;
        if (!request.workingCrs.isEmpty() &&
            gis::Crs::fromUserInput(request.workingCrs).authId() != campaignCrs)
            throw bad(QStringLiteral("campaign %1 works in %2, so its draws are made in %2; "
                                     "leave out --crs %3")
                          .arg(path, campaignCrs, request.workingCrs));
        request.workingCrs = campaignCrs;
    }
    if (args.has(QStringLiteral("supersedes")) && !campaign)
        throw bad(QStringLiteral("--supersedes needs a campaign among the inputs: draws are kept "
                                 "(and superseded) in a campaign"));

    gis::initGdal();
    core::Feedback feedback;
    gis::DrawRun run = gis::performDraw(request, feedback);
    if (campaign) {
        if (args.has(QStringLiteral("supersedes")))
            run.record.supersedes =
                campaign->requireDraw(args.value(QStringLiteral("supersedes"))).drawId;
        campaign->recordDraw(run.record, gis::drawLayers(run), actorName(request.operatorName));
    }
    if (args.has(QStringLiteral("out"))) {
        core::Feedback writeFeedback;
        gis::writeDrawOutput(args.value(QStringLiteral("out")), run, writeFeedback);
    }
    for (const auto& w : run.warnings)
        ctx.err << "note: " << w << "\n";
    if (args.has(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(run.record.toJson()).toJson(QJsonDocument::Indented);
    } else {
        printSummary(ctx.out, run);
        if (campaign)
            ctx.out << "recorded in campaign " << campaign->path() << "\n";
        if (args.has(QStringLiteral("out")))
            ctx.out << "written: " << args.value(QStringLiteral("out")) << "\n";
    }
    return Ok;
}

} // namespace cli
