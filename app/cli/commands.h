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

/// Dispatches `perisurvey-cli COMMAND ARGS...`; catches every exception and maps it to an
/// exit code with one clear line on `err`.
int dispatch(const QStringList& argv, QTextStream& out, QTextStream& err);

} // namespace cli
