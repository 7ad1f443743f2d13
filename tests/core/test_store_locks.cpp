// Several processes on one campaign file: checks this process makes of the file while it holds
// a campaign open must not cost that connection its locks, or another process closing the file
// would delete the WAL this connection still writes to, and later records would be lost.
#include "core/store/campaign.h"
#include "core/store_test_support.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using namespace core;

namespace {

// Another process opens the campaign with SQLite, reads it and closes it.
void readInAnotherProcess(const QString& path) {
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral("-c"),
              QStringLiteral("import sqlite3, sys\n"
                             "c = sqlite3.connect(sys.argv[1])\n"
                             "c.execute('SELECT count(*) FROM defects').fetchall()\n"
                             "c.close()\n"),
              path});
    REQUIRE(py.waitForFinished(30000));
    INFO(py.readAllStandardError().toStdString());
    REQUIRE(py.exitCode() == 0);
}

} // namespace

TEST_CASE("Probing an open campaign's file keeps later records safe from other processes",
          "[store][fault]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gpkg"));
    Campaign c = Campaign::create(path, testing::campaignOptions());
    c.addDefect(testing::defectAt(114.3, 30.5));

    // What the loader and the desktop do with a file they are handed.
    REQUIRE(Campaign::isCampaignFile(path));
    {
        Campaign reader = Campaign::open(path, OpenMode::ReadOnly);
        CHECK(reader.defectCount() == 1);
    }

    readInAnotherProcess(path);
    // Our connection is still open: the other process must not have removed its WAL.
    CHECK(QFileInfo::exists(path + QStringLiteral("-wal")));

    c.addDefect(testing::defectAt(114.31, 30.5));
    Campaign other = Campaign::open(path, OpenMode::ReadOnly);
    CHECK(other.defectCount() == 2);
}
