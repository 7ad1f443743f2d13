// Catch2 main for every test executable: a QApplication on the offscreen platform (so render
// and widget tests need no display), C locale for numbers, then the Catch session.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QStandardPaths>

#include <clocale>
#include <cstdlib>

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings the desktop remembers (last campaign, inspector, window layout) go to a test
    // location, never to the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PeriSurveyTests"));
    std::setlocale(LC_NUMERIC, "C");
    return Catch::Session().run(argc, argv);
}
