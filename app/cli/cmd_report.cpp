// `perisurvey-cli report`: the per-unit report (通报) as XLSX or PDF.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"
#include "app/cli/report_cli_support.h"

#include "core/report/report_tables.h"
#include "core/util/error.h"
#include "gis/io/report_xlsx.h"
#include "gis/layers/layer_loader.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

namespace {

const QString kSynopsis = QStringLiteral(
    "report CAMPAIGN [--unit NAME] --out report.xlsx|report.pdf [--now ISO] [--json]");

core::Error bad(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

} // namespace

int runReport(Context& ctx) {
    const Args args(ctx.args,
                    {QStringLiteral("unit"), QStringLiteral("out"), QStringLiteral("now")},
                    {QStringLiteral("json")});
    if (args.positionals().size() != 1 || !args.has(QStringLiteral("out")))
        throw bad(QStringLiteral("usage: %1").arg(kSynopsis));
    const QString out = args.value(QStringLiteral("out"));
    const QString ext = QFileInfo(out).suffix().toLower();
    if (ext != QLatin1String("xlsx") && ext != QLatin1String("pdf"))
        throw bad(QStringLiteral("%1: a report is written as .xlsx or .pdf").arg(out));
    if (ext == QLatin1String("pdf") &&
        !qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        throw core::Error(core::ErrorCode::Internal,
                          QStringLiteral("writing a PDF needs fonts, but perisurvey-cli was "
                                         "started without a GUI application object"));
    const QDateTime now = reportTime(args.value(QStringLiteral("now")));

    gis::initGdal();
    core::Campaign c = openCampaign(args.positionals(), kSynopsis, false);
    std::optional<core::ResponsibleUnit> unit;
    if (args.has(QStringLiteral("unit")))
        unit = core::requireUnit(c, args.value(QStringLiteral("unit")));
    core::Feedback feedback;
    const gis::CampaignReportResult written = gis::writeCampaignReport(c, unit, now, out, feedback);
    const core::CampaignReport& report = written.report;
    const QStringList& files = written.files;
    const std::size_t photos = written.photos;
    const core::Tally& all = report.summary.all;
    if (args.has(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(
                       QJsonObject{
                           {QStringLiteral("defects"), all.total},
                           {QStringLiteral("carded"), all.carded},
                           {QStringLiteral("closed"), all.closed},
                           {QStringLiteral("overdue"), all.overdue},
                           {QStringLiteral("closure_rate"),
                            all.closureRate() ? QJsonValue(*all.closureRate()) : QJsonValue()},
                           {QStringLiteral("on_time_closure_rate"),
                            all.onTimeClosureRate() ? QJsonValue(*all.onTimeClosureRate())
                                                    : QJsonValue()},
                           {QStringLiteral("units"), static_cast<qint64>(report.unitTables.size())},
                           {QStringLiteral("photos"), static_cast<qint64>(photos)},
                           {QStringLiteral("files"), QJsonArray::fromStringList(files)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        return Ok;
    }
    ctx.out << "report of " << all.total << " defect(s) in " << report.unitTables.size()
            << " unit(s): closure rate " << core::percentText(all.closureRate())
            << ", on-time closure rate " << core::percentText(all.onTimeClosureRate()) << ", "
            << all.overdue << " overdue\n";
    for (const QString& f : files)
        ctx.out << "  " << f << '\n';
    return Ok;
}

} // namespace cli
