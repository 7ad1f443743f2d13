#include "app/cli/commands.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("perisurvey-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("PeriSurvey"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int rc = cli::dispatch(QCoreApplication::arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return rc;
}
