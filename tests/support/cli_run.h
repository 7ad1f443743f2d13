#pragma once

// Running perisurvey-cli commands in the test process, as the executable would (same dispatch,
// same exit codes, same error lines), capturing what they print.

#include "app/cli/commands.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

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

/// A new campaign at `path` holding the shipped demo district X区 (data/demo), made with
/// `campaign new`; REQUIREs success and returns `path`.
inline QString makeDemoCampaign(const QString& path,
                                const QString& name = QStringLiteral("X区测评")) {
    const CliResult made = runCliCommand(
        {QStringLiteral("campaign"), QStringLiteral("new"), path, QStringLiteral("--name"), name,
         QStringLiteral("--import"), sourcePath(QStringLiteral("data/demo/x_district.gpkg"))});
    INFO(made.err.toStdString());
    REQUIRE(made.rc == 0);
    return path;
}

} // namespace testing
