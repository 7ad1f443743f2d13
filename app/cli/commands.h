#pragma once

#include <QStringList>
#include <QTextStream>

namespace cli {

/// Exit codes of perisurvey-cli.
enum ExitCode : int { Ok = 0, InternalFailure = 1, BadInput = 2 };

/// What a command gets: its arguments (after the command name) and the output streams.
/// Commands write results to `out` (stdout) and one-line errors to `err` (stderr).
struct Context {
    QStringList args;
    QTextStream& out;
    QTextStream& err;
};

/// `info DATASET... [--rules FILE] [--crs CODE] [--encoding ENC] [--json]`
int runInfo(Context& ctx);
/// `demo --out DIR [--seed N] [--scale district|city]`
int runDemo(Context& ctx);
/// `campaign new|check|info|backup ...`: the campaign file.
int runCampaign(Context& ctx);
/// `defect add|list ...`: the defect ledger.
int runDefect(Context& ctx);
/// `card issue|advance|return|close ...`: one defect's supervision card.
int runCard(Context& ctx);
/// `cards overdue ...`: overdue cards, optionally escalated.
int runCards(Context& ctx);
/// `audit verify|show ...`: the hash-chained audit log.
int runAudit(Context& ctx);
/// `units list|import|add FILE ...`: the campaign's responsible units.
int runUnits(Context& ctx);
/// `draw DATASET... [options] | draw verify FILE [--draw ID]`: the six-peripheries draw.
int runDraw(Context& ctx);
/// `route DRAW_OR_DATASET... [options]`: inspectors' routes through a draw's sample.
int runRoute(Context& ctx);
/// `export CAMPAIGN --out PATH [--format F] [filters]`: defects as GIS files and spreadsheets.
int runExport(Context& ctx);
/// `report CAMPAIGN [--unit NAME] --out report.xlsx|.pdf`: the per-unit report (通报).
int runReport(Context& ctx);

/// `map CAMPAIGN --out FILE.pdf|.png|.svg [--extent ...] [--paper A4|A3] ...`: a map page.
int runMap(Context& ctx);
/// `atlas CAMPAIGN --by anchor|subdistrict|unit --out atlas.pdf [--draw ID]`: the atlas.
int runAtlas(Context& ctx);

/// Dispatches `perisurvey-cli COMMAND ARGS...`; catches every exception and maps it to an
/// exit code with one clear line on `err`.
int dispatch(const QStringList& argv, QTextStream& out, QTextStream& err);

} // namespace cli
