// The PeriSurvey desktop: a map of the district's layers by role.
//
//   perisurvey [--lang en|zh_CN] [--screenshot FILE] [FILE...]
//
// --screenshot renders the window once the files are loaded and drawn, saves it as an image
// and exits (exit code 1 when a file failed to load); with "-platform offscreen" it needs no
// display.
#include "app/desktop/canvas/map_canvas.h"
#include "app/desktop/main_window.h"
#include "gis/layers/layer_loader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

#ifndef PERISURVEY_VERSION_STRING
#define PERISURVEY_VERSION_STRING "0.1.0"
#endif

namespace {

QString chooseLanguage(const QString& forced) {
    if (!forced.isEmpty())
        return forced;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

void installTranslators(QApplication& app, const QString& language) {
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/perisurvey_%1.qm").arg(language)))
        app.installTranslator(own);
    // Qt's own strings (standard buttons, file dialog), when the system ships them.
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

// Saves the window once loading and drawing are done, then quits.
void scheduleScreenshot(app::MainWindow& window, const QString& file) {
    auto* poll = new QTimer(&window);
    auto* clock = new QElapsedTimer;
    clock->start();
    QObject::connect(poll, &QTimer::timeout, &window, [&window, file, poll, clock] {
        constexpr qint64 kGiveUpMs = 300000;
        const bool timedOut = clock->elapsed() > kGiveUpMs;
        if (!timedOut && (!window.isIdle() || window.canvas().renderedImage().isNull()))
            return;
        poll->stop();
        delete clock;
        const bool saved = window.grab().save(file);
        if (!saved)
            std::fprintf(stderr, "could not write the screenshot %s\n", qUtf8Printable(file));
        int code = 0;
        if (!saved || timedOut)
            code = 2;
        else if (window.failureCount() > 0)
            code = 1;
        QCoreApplication::exit(code);
    });
    poll->start(100);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("PeriSurvey"));
    QCoreApplication::setOrganizationName(QStringLiteral("PeriSurvey"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERISURVEY_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PeriSurvey: six-peripheries inspection GIS"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("User interface language: en or zh_CN."),
                                  QStringLiteral("language"));
    const QCommandLineOption shot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window to FILE after loading, then exit."),
        QStringLiteral("file"));
    parser.addOption(lang);
    parser.addOption(shot);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Data files to open."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    const QString language = chooseLanguage(parser.value(lang));
    if (language != QLatin1String("en") && language != QLatin1String("zh_CN")) {
        std::fprintf(stderr, "--lang must be en or zh_CN, not %s\n", qUtf8Printable(language));
        return 2;
    }
    installTranslators(app, language);
    gis::initGdal();

    app::MainWindow window;
    window.resize(1280, 800);
    window.show();

    QStringList files;
    for (const QString& f : parser.positionalArguments())
        files << QFileInfo(f).absoluteFilePath();
    if (parser.isSet(shot)) {
        window.setInteractive(false);
        scheduleScreenshot(window, parser.value(shot));
    }
    // Without files, the campaign of the last session is opened again (an inspector's day
    // starts where the previous one ended).
    if (files.isEmpty() && !parser.isSet(shot)) {
        const QString last = QSettings().value(QStringLiteral("campaign/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last))
            files << last;
    }
    if (!files.isEmpty())
        QTimer::singleShot(0, &window, [&window, files] { window.openFiles(files); });
    return app.exec();
}
