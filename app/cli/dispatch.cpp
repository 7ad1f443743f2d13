#include "app/cli/commands.h"

#include "core/util/error.h"

#include <exception>
#include <functional>
#include <map>

namespace cli {

namespace {

struct Command {
    std::function<int(Context&)> run;
    const char* synopsis;
};

const std::map<QString, Command>& commands() {
    static const std::map<QString, Command> table{
        {QStringLiteral("info"),
         {runInfo, "info DATASET... [--rules FILE] [--crs CODE] [--encoding ENC] [--json]"}},
        {QStringLiteral("demo"), {runDemo, "demo --out DIR [--seed N] [--scale district|city]"}},
        {QStringLiteral("campaign"),
         {runCampaign, "campaign new FILE --name NAME [--import DATASET]... [--rules FILE] "
                       "[--crs CODE] [--taxonomy FILE] [--calendar FILE] | campaign check|info "
                       "FILE | campaign backup FILE OUT"}},
        {QStringLiteral("defect"),
         {runDefect, "defect add FILE --code CODE (--lon X --lat Y | --photo P) [--photo P]... "
                     "[--attach street:ID|compound:ID|anchor:ID] [--inspector NAME] [--note TEXT] "
                     "[--unit ID] [--force] [--json] | defect list FILE [--status S] [--unit U] "
                     "[--code C] [--card COLOUR] [--overdue] [--json]"}},
        {QStringLiteral("card"),
         {runCard, "card issue|advance|return|close FILE DEFECT_ID [--reason TEXT] [--photo P] "
                   "[--colour white|yellow|red] [--inspector NAME]"}},
        {QStringLiteral("cards"), {runCards, "cards overdue FILE [--escalate] [--json]"}},
        {QStringLiteral("audit"),
         {runAudit, "audit verify FILE [--json] | audit show FILE [DEFECT_ID]"}},
        {QStringLiteral("export"),
         {runExport, "export CAMPAIGN [--what defects|draw] [--format gpkg|geojson|kml|shp|csv|"
                     "xlsx] --out PATH [--encoding UTF-8|GBK] [--status S] [--unit U] "
                     "[--code C] [--card COLOUR] [--overdue] [--photos] [--now ISO] [--draw ID] "
                     "[--json]"}},
        {QStringLiteral("report"),
         {runReport, "report CAMPAIGN [--unit NAME] --out report.xlsx|report.pdf [--now ISO] "
                     "[--json]"}},
        {QStringLiteral("map"),
         {runMap, "map CAMPAIGN --out FILE.pdf|.png|.svg [--extent district|subdistrict:NAME|"
                  "anchor:ID|LON,LAT,LON,LAT] [--paper A4|A3] [--landscape] [--title TEXT] "
                  "[--style card|category] [--grid] [--draw ID] [--dpi N]"}},
        {QStringLiteral("atlas"),
         {runAtlas, "atlas CAMPAIGN --by anchor|subdistrict|unit --out atlas.pdf [--draw ID] "
                    "[--paper A4|A3] [--landscape] [--title TEXT] [--style card|category]"}},
        {QStringLiteral("units"),
         {runUnits, "units list FILE [--json] | units import FILE TABLE.csv|.xlsx [--inspector "
                    "NAME] | units add FILE --name NAME --kind KIND [--contact TEXT] [--area "
                    "SUBDISTRICT]"}},
        {QStringLiteral("draw"),
         {runDraw,
          "draw CAMPAIGN|DATASET... [--supersedes ID] [--rules FILE] [--seed N] [--inner "
          "M] [--outer M] "
          "[--streets A-B] [--compounds A-B] [--anchors-per-kind N] [--kinds K,...] "
          "[--allow-repeats] [--include-unnamed] [--operator NAME] [--out FILE] [--json] "
          "[--crs CODE] [--street-rule any|midpoint|share:PCT] "
          "[--compound-rule centroid|any] [--widen STEP[:LIMIT]] [--min-street-m M] "
          "[--min-compound-m2 A] | draw verify FILE [--draw ID] [--json] | draw certificate "
          "CAMPAIGN|FILE [--draw ID] --out CERT.pdf"}},
        {QStringLiteral("route"),
         {runRoute,
          "route CAMPAIGN|DRAW.gpkg|DATASET... [--draw ID] [--stops FILE | --stop LON,LAT ...] "
          "[--start LON,LAT] [--end LON,LAT | --round-trip] [--profile walk|drive|ebike] "
          "[--speed KMH] [--teams K] [--budget 4h] [--walk-streets] "
          "[--snap-tolerance M] [--seed N] [--rules FILE] [--crs CODE] "
          "[--out FILE.gpx|.kml|.geojson|.pdf] [--json]"}},
    };
    return table;
}

void usage(QTextStream& s) {
    s << "perisurvey-cli: PeriSurvey (六个周边测评助手) headless commands\n\nUsage:\n";
    for (const auto& [name, cmd] : commands())
        s << "  perisurvey-cli " << cmd.synopsis << '\n';
}

} // namespace

int dispatch(const QStringList& argv, QTextStream& out, QTextStream& err) {
    if (argv.isEmpty() || argv.front() == QLatin1String("help") ||
        argv.front() == QLatin1String("--help") || argv.front() == QLatin1String("-h")) {
        usage(argv.isEmpty() ? err : out);
        return argv.isEmpty() ? BadInput : Ok;
    }
    const auto it = commands().find(argv.front());
    if (it == commands().end()) {
        err << "perisurvey-cli: unknown command '" << argv.front() << "'\n";
        usage(err);
        return BadInput;
    }
    Context ctx{argv.mid(1), out, err};
    try {
        return it->second.run(ctx);
    } catch (const core::Error& e) {
        out.flush();
        err << "perisurvey-cli " << argv.front() << ": " << e.message() << '\n';
        return e.isUserError() ? BadInput : InternalFailure;
    } catch (const core::OperationCanceled&) {
        err << "perisurvey-cli " << argv.front() << ": canceled\n";
        return InternalFailure;
    } catch (const std::exception& e) {
        err << "perisurvey-cli " << argv.front() << ": internal error: " << e.what() << '\n';
        return InternalFailure;
    }
}

} // namespace cli
