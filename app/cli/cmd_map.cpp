// `perisurvey-cli map` and `atlas`: printable map pages and the per-anchor atlas (任务图集)
// of a campaign (issue 7 items 1, 2).

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"

#include "core/render/page_document.h"
#include "core/util/error.h"
#include "gis/io/map_export.h"

#include <QFileInfo>

#include <cmath>

namespace cli {

namespace {

const QString kMapSynopsis = QStringLiteral(
    "map CAMPAIGN --out FILE.pdf|.png|.svg [--extent district|subdistrict:NAME|anchor:ID|"
    "LON,LAT,LON,LAT] [--paper A4|A3] [--landscape] [--title TEXT] [--style card|category] "
    "[--grid] [--draw ID] [--dpi N]");
const QString kAtlasSynopsis =
    QStringLiteral("atlas CAMPAIGN --by anchor|subdistrict|unit --out atlas.pdf [--draw ID] "
                   "[--paper A4|A3] [--landscape] [--title TEXT] [--style card|category]");

core::Error bad(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

core::PageFormat pageFormat(const Args& args) {
    core::PageFormat f;
    if (args.has(QStringLiteral("paper"))) {
        const auto paper = core::paperSizeFromKey(args.value(QStringLiteral("paper")));
        if (!paper)
            throw bad(QStringLiteral("--paper %1: use A4 or A3")
                          .arg(args.value(QStringLiteral("paper"))));
        f.paper = *paper;
    }
    f.landscape = args.has(QStringLiteral("landscape"));
    return f;
}

core::DefectStyle defectStyle(const Args& args) {
    if (!args.has(QStringLiteral("style")))
        return core::DefectStyle::Card;
    const auto s = core::defectStyleFromKey(args.value(QStringLiteral("style")));
    if (!s)
        throw bad(QStringLiteral("--style %1: use card or category")
                      .arg(args.value(QStringLiteral("style"))));
    return *s;
}

QString outPath(const Args& args, const QString& synopsis) {
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw bad(QStringLiteral("--out FILE is required: %1").arg(synopsis));
    return out;
}

} // namespace

int runMap(Context& ctx) {
    const Args args(ctx.args,
                    {QStringLiteral("out"), QStringLiteral("extent"), QStringLiteral("paper"),
                     QStringLiteral("title"), QStringLiteral("style"), QStringLiteral("draw"),
                     QStringLiteral("dpi")},
                    {QStringLiteral("landscape"), QStringLiteral("grid")});
    const QString out = outPath(args, kMapSynopsis);
    core::pageFileFormatFor(out);
    gis::MapExportOptions options;
    options.extent = args.value(QStringLiteral("extent"), QStringLiteral("district"));
    options.format = pageFormat(args);
    options.title = args.value(QStringLiteral("title"));
    options.style = defectStyle(args);
    options.grid = args.has(QStringLiteral("grid"));
    options.showDraw = args.has(QStringLiteral("draw"));
    options.dpi = static_cast<double>(args.integer(QStringLiteral("dpi"), 200));
    if (options.dpi < 72 || options.dpi > 600)
        throw bad(QStringLiteral("--dpi %1: use 72 to 600").arg(options.dpi));
    core::Campaign campaign = openCampaign(args.positionals(), kMapSynopsis, false);
    const bool anchorExtent =
        options.extent.startsWith(QLatin1String("anchor:"), Qt::CaseInsensitive);
    core::Feedback feedback;
    const gis::CampaignMapData data =
        gis::loadCampaignMap(campaign, args.value(QStringLiteral("draw")), anchorExtent, feedback);
    const core::MapPageLayout layout = gis::exportMap(data, out, options, feedback);
    ctx.out << "wrote " << QFileInfo(out).absoluteFilePath() << ": "
            << (options.format.paper == core::PaperSize::A3 ? "A3" : "A4")
            << (options.format.landscape ? " landscape" : " portrait")
            << ", scale 1:" << QString::number(std::llround(layout.scaleDenominator))
            << ", scale bar " << layout.scaleBar.label << ", " << data.defects.size()
            << " defects\n";
    return Ok;
}

int runAtlas(Context& ctx) {
    const Args args(ctx.args,
                    {QStringLiteral("out"), QStringLiteral("by"), QStringLiteral("draw"),
                     QStringLiteral("paper"), QStringLiteral("title"), QStringLiteral("style")},
                    {QStringLiteral("landscape")});
    const QString out = outPath(args, kAtlasSynopsis);
    if (QFileInfo(out).suffix().toLower() != QLatin1String("pdf"))
        throw bad(QStringLiteral("--out %1: an atlas is a PDF; name it .pdf").arg(out));
    gis::AtlasOptions options;
    const auto by = gis::atlasByFromKey(args.value(QStringLiteral("by"), QStringLiteral("anchor")));
    if (!by)
        throw bad(QStringLiteral("--by %1: use anchor, subdistrict or unit")
                      .arg(args.value(QStringLiteral("by"))));
    options.by = *by;
    options.format = pageFormat(args);
    options.title = args.value(QStringLiteral("title"));
    options.style = defectStyle(args);
    core::Campaign campaign = openCampaign(args.positionals(), kAtlasSynopsis, false);
    core::Feedback feedback;
    const bool needDraw = options.by == gis::AtlasBy::Anchor;
    const gis::CampaignMapData data =
        gis::loadCampaignMap(campaign, args.value(QStringLiteral("draw")), needDraw, feedback);
    const gis::AtlasSummary s = gis::exportAtlas(data, out, options, feedback);
    ctx.out << "wrote " << QFileInfo(out).absoluteFilePath() << ": " << s.pages() << " pages ("
            << s.frontPages << " front matter + " << s.items << " map pages)\n";
    return Ok;
}

} // namespace cli
