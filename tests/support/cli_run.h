#pragma once

// Running perisurvey-cli commands in the test process, as the executable would (same dispatch,
// same exit codes, same error lines), capturing what they print.

#include "app/cli/commands.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace testing {

struct CliResult {
    int rc = -1;
    QString out;
    QString err;
    /// stdout parsed as a JSON object (for --json).
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

/// Runs `argv` ("campaign", "new", PATH, ...) through cli::dispatch.
inline CliResult runCliCommand(const QStringList& argv) {
    CliResult r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.rc = cli::dispatch(argv, out, err);
    out.flush();
    err.flush();
    return r;
}

} // namespace testing
