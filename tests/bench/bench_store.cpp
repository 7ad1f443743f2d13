// The campaign store (issue 3): adding defects durably (every add its own committed
// transaction, some with a ~100 KB photo), the filtered ledger list and opening a campaign at
// 100,000 defects. Baselines from the same run: plain SQLite doing the same work without our
// checks, audit chain and thumbnails.
//
// PS_BENCH_DEFECTS (default 2,000 durable adds) and PS_BENCH_FILL (default 100,000 rows for
// list/open, copied in SQL) size the run.

#include "bench_util.h"

#include "../core/photo_test_support.h"
#include "../core/store_test_support.h"
#include "core/store/campaign.h"

#include <QApplication>
#include <QTemporaryDir>

#include <sqlite3.h>

namespace {

core::PhotoInput photoOf(const QByteArray& bytes, const QString& name) {
    core::PhotoInput p;
    p.data = bytes;
    p.originalName = name;
    return p;
}

QByteArray photoBytes(int i) {
    return testing::jpeg(400, 300, {}, i) + QByteArray(100 * 1024, char(i)) + QByteArray::number(i);
}

// Plain SQLite: one INSERT per committed transaction with the same pragmas (WAL, FULL).
double plainInsertsPerSecond(const QString& path, int total) {
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(id INTEGER "
                 "PRIMARY KEY, uuid TEXT, code TEXT, lon REAL, lat REAL, photo BLOB)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t(uuid, code, lon, lat, photo) VALUES(?,?,?,?,?)", -1, &st,
                       nullptr);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < total; ++i) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const QByteArray uuid = QByteArray::number(i).toHex();
        sqlite3_bind_text(st, 1, uuid.constData(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, "RD-01", -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 3, 120.1 + (i % 1000) * 1e-4);
        sqlite3_bind_double(st, 4, 30.2 + (i / 1000) * 1e-4);
        const QByteArray photo = i % 10 == 0 ? photoBytes(i) : QByteArray();
        if (photo.isEmpty())
            sqlite3_bind_null(st, 5);
        else
            sqlite3_bind_blob(st, 5, photo.constData(), static_cast<int>(photo.size()),
                              SQLITE_TRANSIENT);
        sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double perSecond = total / (t.nsecsElapsed() / 1e9);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return perSecond;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv); // thumbnails need QImage codecs
    const int total = qEnvironmentVariableIntValue("PS_BENCH_DEFECTS") > 0
                          ? qEnvironmentVariableIntValue("PS_BENCH_DEFECTS")
                          : 2000;
    const int fill = qEnvironmentVariableIntValue("PS_BENCH_FILL") > 0
                         ? qEnvironmentVariableIntValue("PS_BENCH_FILL")
                         : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.gpkg"));

    const double plain = plainInsertsPerSecond(dir.filePath(QStringLiteral("plain.db")), total);
    double ours = 0;
    {
        core::Campaign c = core::Campaign::create(path, testing::campaignOptions());
        const auto& types = c.taxonomy().types();
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < total; ++i) {
            core::NewDefect in =
                testing::defectAt(120.1 + (i % 1000) * 1e-4, 30.2 + (i / 1000) * 1e-4,
                                  types[static_cast<std::size_t>(i) % types.size()].code);
            if (i % 10 == 0)
                in.photos.push_back(photoOf(photoBytes(i), QStringLiteral("p%1.jpg").arg(i)));
            c.addDefect(in);
        }
        ours = total / (t.nsecsElapsed() / 1e9);
    }
    bench::report("store_add_defects", ours, "defects/s",
                  QStringLiteral("%1 durable adds, 1 in 10 with a ~100 KB photo; plain SQLite "
                                 "insert %2/s; ratio %3")
                      .arg(total)
                      .arg(plain, 0, 'f', 1)
                      .arg(plain / ours, 0, 'f', 2));

    {
        core::Campaign c = core::Campaign::open(path);
        core::Transaction tx(c.database());
        while (c.defectCount() < fill)
            c.database().exec(
                "INSERT INTO defects(geom, uuid, code, name_zh, description, severity, inspector, "
                "observed_at, created_at, updated_at, status, unit_id, lon, lat) SELECT geom, "
                "lower(hex(randomblob(16))), code, name_zh, description, severity, inspector, "
                "observed_at, created_at, updated_at, status, unit_id, lon, lat FROM defects "
                "LIMIT " +
                std::to_string(fill - c.defectCount()));
        tx.commit();
    }
    const double openMs = bench::medianMs(5, [&] { core::Campaign::open(path); });
    const double rawOpenMs = bench::medianMs(5, [&] {
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_exec(db, "SELECT value FROM ps_meta WHERE key='schema_version'", nullptr, nullptr,
                     nullptr);
        sqlite3_close(db);
    });
    bench::report("store_open", openMs, "ms",
                  QStringLiteral("campaign of %1 defects (target < 300 ms); plain sqlite open "
                                 "and one ps_meta read %2 ms; ratio %3")
                      .arg(fill)
                      .arg(rawOpenMs, 0, 'f', 2)
                      .arg(openMs / rawOpenMs, 0, 'f', 2));

    core::Campaign c = core::Campaign::open(path);
    std::size_t rows = 0;
    const double listMs =
        bench::medianMs(21, [&] { rows = c.defects({.code = QStringLiteral("EN-01")}).size(); });
    const double rawListMs = bench::medianMs(21, [&] {
        auto st = c.database().prepare("SELECT * FROM defects WHERE code=?");
        st.bind(1, QStringLiteral("EN-01"));
        while (st.step()) {
        }
    });
    bench::report("store_filtered_list", listMs, "ms",
                  QStringLiteral("%1 of %2 defects by code (target < 50 ms); plain SELECT %3 ms; "
                                 "ratio %4")
                      .arg(rows)
                      .arg(fill)
                      .arg(rawListMs, 0, 'f', 2)
                      .arg(listMs / rawListMs, 0, 'f', 2));
    return 0;
}
