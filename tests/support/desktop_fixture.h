#pragma once

// Helpers shared by the desktop GUI tests: waiting for the window to settle, running the CLI in
// process, and a campaign of the demo district made with the CLI.

#include "app/desktop/canvas/map_canvas.h"
#include "app/desktop/main_window.h"
#include "core/store/campaign.h"
#include "support/cli_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <functional>

namespace testing {

inline bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

inline bool waitIdle(app::MainWindow& w, int timeoutMs = 60000) {
    return waitUntil([&] { return w.isIdle() && !w.canvas().renderedImage().isNull(); }, timeoutMs);
}

/// Shows `w` at `size`, not interactive (no modal dialogs), with the campaign at `path` open,
/// and waits until it has loaded and rendered.
inline void showCampaign(app::MainWindow& w, const QString& path, QSize size = {1100, 700}) {
    w.setInteractive(false);
    w.resize(size);
    w.show();
    REQUIRE(w.openCampaign(path));
    REQUIRE(waitIdle(w));
}

/// Runs a perisurvey-cli command in process; CHECKs and returns its exit code.
inline int runCli(const QStringList& argv) {
    const CliResult r = runCliCommand(argv);
    INFO(r.err.toStdString());
    CHECK(r.rc == 0);
    return r.rc;
}

/// A campaign of the demo district, made with the CLI, optionally with one draw (seed 7).
struct CampaignFixture {
    QTemporaryDir dir;
    QString path;

    explicit CampaignFixture(bool withDraw = false) {
        QStandardPaths::setTestModeEnabled(true);
        REQUIRE(dir.isValid());
        path = dir.filePath(QStringLiteral("campaign.gpkg"));
        makeDemoCampaign(path, QStringLiteral("示范区 2027 春季测评"));
        if (withDraw)
            REQUIRE(runCli({QStringLiteral("draw"), path, QStringLiteral("--seed"),
                            QStringLiteral("7")}) == 0);
    }

    std::vector<core::DrawRecord> draws() const {
        core::Campaign c = core::Campaign::open(path, core::OpenMode::ReadOnly);
        return c.draws();
    }
};

} // namespace testing
