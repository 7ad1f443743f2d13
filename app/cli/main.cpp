#include "app/cli/commands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>
#include <string_view>

namespace {

// Commands that lay out text or maps with QPainter need a QGuiApplication (fonts); the others
// start faster without one. They paint headless: on the offscreen platform unless the user
// chose another.
bool paints(int argc, char** argv) {
    if (argc < 2)
        return false;
    const std::string_view command = argv[1];
    if (command == "report" || command == "map" || command == "atlas")
        return true;
    if (command == "route") // a .pdf route sheet
        for (int i = 2; i < argc; ++i)
            if (std::string_view(argv[i]).ends_with(".pdf"))
                return true;
    return command == "draw" && argc > 2 && std::string_view(argv[2]) == "certificate";
}

} // namespace

int main(int argc, char** argv) {
    // Our arguments are read before Qt sees them, and Qt gets only the program name: a
    // QGuiApplication would otherwise take options such as --style or --title as its own and
    // remove them (map --style category).
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    int qtArgc = 1;
    std::unique_ptr<QCoreApplication> app;
    if (paints(argc, argv)) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(qtArgc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(qtArgc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("perisurvey-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("PeriSurvey"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int rc = cli::dispatch(arguments, out, err);
    out.flush();
    err.flush();
    return rc;
}
