// `perisurvey-cli export`: defects as GIS files and spreadsheets for other systems.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"
#include "app/cli/report_cli_support.h"

#include "core/report/defect_rows.h"
#include "core/util/error.h"
#include "gis/io/defect_export.h"
#include "gis/io/draw_export.h"
#include "gis/layers/layer_loader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

namespace {

const QString kSynopsis = QStringLiteral(
    "export CAMPAIGN [--what defects|draw|route] [--format gpkg|geojson|kml|shp|csv|xlsx] --out "
    "PATH "
    "[--encoding UTF-8|GBK] [--status S] [--unit U] [--code C] [--card COLOUR] [--overdue] "
    "[--photos] [--now ISO] [--draw ID] [--route ID] [--json]");

core::Error bad(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

// --what draw, or --what route (a route plan kept in the campaign).
int exportDraw(Context& ctx, const Args& args, const QString& out,
               const gis::DefectExportOptions& defectOptions, bool route) {
    for (const char* defectOnly : {"photos", "status", "unit", "code", "card", "overdue", "now"})
        if (args.has(QString::fromLatin1(defectOnly)))
            throw bad(QStringLiteral("--%1 filters defects; it does not apply to --what %2")
                          .arg(QString::fromLatin1(defectOnly),
                               route ? QStringLiteral("route") : QStringLiteral("draw")));
    gis::ExportFileOptions options;
    options.format = defectOptions.format;
    options.encoding = defectOptions.encoding;
    options.kmlNameField = QStringLiteral("name");
    gis::initGdal();
    core::Campaign c = openCampaign(args.positionals(), kSynopsis, false);
    core::Feedback feedback;
    const gis::DrawExportResult r =
        route
            ? gis::exportStoredRoute(c, args.value(QStringLiteral("route")), out, options, feedback)
            : gis::exportDraw(c, args.value(QStringLiteral("draw")), out, options, feedback);
    if (args.has(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(
                       QJsonObject{{route ? QStringLiteral("route_id") : QStringLiteral("draw_id"),
                                    r.drawId},
                                   {QStringLiteral("features"), static_cast<qint64>(r.features)},
                                   {QStringLiteral("files"), QJsonArray::fromStringList(r.files)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        return Ok;
    }
    ctx.out << "exported " << (route ? "route " : "draw ") << r.drawId << " (" << r.features
            << " feature(s)) to " << out << '\n';
    for (const QString& f : r.files)
        ctx.out << "  " << f << '\n';
    return Ok;
}

} // namespace

int runExport(Context& ctx) {
    const Args args(ctx.args,
                    {QStringLiteral("what"), QStringLiteral("format"), QStringLiteral("out"),
                     QStringLiteral("encoding"), QStringLiteral("status"), QStringLiteral("unit"),
                     QStringLiteral("code"), QStringLiteral("card"), QStringLiteral("now"),
                     QStringLiteral("draw"), QStringLiteral("route")},
                    {QStringLiteral("overdue"), QStringLiteral("photos"), QStringLiteral("json")});
    const QString what = args.value(QStringLiteral("what"), QStringLiteral("defects")).toLower();
    if (what != QLatin1String("defects") && what != QLatin1String("draw") &&
        what != QLatin1String("route"))
        throw bad(QStringLiteral("--what takes defects, draw or route, not '%1'").arg(what));
    if (args.positionals().size() != 1 || !args.has(QStringLiteral("out")))
        throw bad(QStringLiteral("usage: %1").arg(kSynopsis));
    const QString out = args.value(QStringLiteral("out"));

    gis::DefectExportOptions options;
    const QString formatKey = args.has(QStringLiteral("format"))
                                  ? args.value(QStringLiteral("format"))
                                  : QFileInfo(out).suffix();
    const auto format = gis::exportFormatFromKey(formatKey);
    if (!format)
        throw bad(args.has(QStringLiteral("format"))
                      ? QStringLiteral("--format takes gpkg, geojson, kml, shp, csv or xlsx, not "
                                       "'%1'")
                            .arg(formatKey)
                      : QStringLiteral("%1: cannot tell the format from the extension; give "
                                       "--format gpkg|geojson|kml|shp|csv|xlsx")
                            .arg(out));
    options.format = *format;
    // CSV, shapefiles and KML must have their extension (the export says so); others may not.
    if (gis::exportFormatFromKey(QFileInfo(out).suffix()) != format &&
        *format != gis::ExportFormat::Csv && *format != gis::ExportFormat::Shapefile &&
        *format != gis::ExportFormat::Kml)
        ctx.err << "perisurvey-cli export: note: " << out << " does not end in ."
                << gis::exportFormatExtension(*format) << '\n';
    if (args.has(QStringLiteral("encoding"))) {
        options.encoding = gis::shapefileEncoding(args.value(QStringLiteral("encoding")));
        if (*format != gis::ExportFormat::Shapefile && options.encoding != QLatin1String("UTF-8"))
            throw bad(QStringLiteral("--encoding %1 applies to shapefiles (--format shp) only")
                          .arg(args.value(QStringLiteral("encoding"))));
    }
    if (what == QLatin1String("draw") || what == QLatin1String("route"))
        return exportDraw(ctx, args, out, options, what == QLatin1String("route"));
    options.photos = args.has(QStringLiteral("photos"));
    options.nowUtc = reportTime(args.value(QStringLiteral("now")));

    gis::initGdal();
    core::Campaign c = openCampaign(args.positionals(), kSynopsis, false);
    core::DefectFilter filter = defectFilter(args, c);
    filter.now = options.nowUtc;
    core::Feedback feedback;
    const std::vector<core::DefectRow> rows = core::collectDefectRows(c, filter, feedback);
    const gis::DefectExportResult r = gis::exportDefects(c, rows, out, options, feedback);
    if (args.has(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(
                       QJsonObject{{QStringLiteral("defects"), static_cast<qint64>(r.defects)},
                                   {QStringLiteral("photos"), static_cast<qint64>(r.photos)},
                                   {QStringLiteral("files"), QJsonArray::fromStringList(r.files)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        return Ok;
    }
    ctx.out << "exported " << r.defects << " defect(s) to " << out;
    if (options.photos)
        ctx.out << " with " << r.photos << " photo(s)";
    ctx.out << '\n';
    for (const QString& f : r.files)
        ctx.out << "  " << f << '\n';
    return Ok;
}

} // namespace cli
