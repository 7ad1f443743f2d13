#include "core/store/database.h"

#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace core {

struct Database::Cache {
    std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle;
};

// ---------------------------------------------------------------------------------------------
// Statement

Statement::Statement(Database* db, sqlite3_stmt* stmt, std::string key)
    : db_(db), stmt_(stmt), key_(std::move(key)) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), key_(std::move(other.key_)) {
    other.stmt_ = nullptr;
    other.db_ = nullptr;
}

Statement::~Statement() {
    if (stmt_ && db_)
        db_->giveBack(std::move(key_), stmt_);
}

namespace {

void check(Database* db, int rc, const char* what) {
    if (rc != SQLITE_OK)
        db->fail(rc, QString::fromUtf8(what));
}

} // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    check(db_, sqlite3_bind_int64(stmt_, index, value), "binding a value");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(db_, sqlite3_bind_double(stmt_, index, value), "binding a value");
    return *this;
}

Statement& Statement::bind(int index, const QString& value) {
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    check(db_, sqlite3_bind_text(stmt_, index, utf8.constData(), utf8.size(), SQLITE_TRANSIENT),
          "binding a value");
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value) {
    if (value.isNull())
        return bindNull(index);
    check(db_, sqlite3_bind_blob(stmt_, index, value.constData(), value.size(), SQLITE_TRANSIENT),
          "binding a value");
    return *this;
}

Statement& Statement::bindNull(int index) {
    check(db_, sqlite3_bind_null(stmt_, index), "binding a value");
    return *this;
}

Statement& Statement::bind(int index, std::optional<double> value) {
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_step reports the primary code; the extended one tells read-only from full disk.
    const int ext = sqlite3_extended_errcode(sqlite3_db_handle(stmt_));
    sqlite3_reset(stmt_);
    db_->fail(ext ? ext : rc, QString::fromUtf8(sqlite3_sql(stmt_)).left(60));
}

void Statement::exec() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}
QString Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p)
        return {};
    const int n = sqlite3_column_bytes(stmt_, column);
    // Keep '' distinct from NULL: callers (the audit hash) rely on the difference.
    return n == 0 ? QStringLiteral("") : QString::fromUtf8(p, n);
}
QByteArray Statement::blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    if (!p)
        return {};
    return QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(stmt_, column));
}
std::optional<double> Statement::optReal(int column) const {
    if (isNull(column))
        return std::nullopt;
    return real(column);
}
std::optional<std::int64_t> Statement::optInt64(int column) const {
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}
int Statement::columnCount() const {
    return sqlite3_column_count(stmt_);
}
QString Statement::columnName(int column) const {
    return QString::fromUtf8(sqlite3_column_name(stmt_, column));
}

// ---------------------------------------------------------------------------------------------
// Database

Database Database::open(const QString& path, OpenMode mode) {
    const QFileInfo info(path);
    if (mode != OpenMode::Create && !info.exists())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("campaign file %1 does not exist").arg(path));
    if (info.exists() && info.isDir())
        throw IoError(QStringLiteral("%1 is a folder, not a campaign file").arg(path));
    Database db;
    db.path_ = path;
    db.cache_ = std::make_unique<Cache>();
    bool readOnly = mode == OpenMode::ReadOnly;
    if (!readOnly && info.exists() && !info.isWritable()) {
        if (mode == OpenMode::Create)
            throw IoError(QStringLiteral("campaign file %1 is read-only; make it writable or "
                                         "choose another file")
                              .arg(path));
        readOnly = true;
    }
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == OpenMode::Create)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;
    const QByteArray native = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(native.constData(), &db.db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = db.db_ ? QString::fromUtf8(sqlite3_errmsg(db.db_)) : QString();
        if (rc == SQLITE_CANTOPEN)
            throw IoError(QStringLiteral("cannot open campaign file %1: %2").arg(path, msg), rc);
        throw StoreError(QStringLiteral("cannot open campaign file %1: %2").arg(path, msg), rc);
    }
    db.readOnly_ = readOnly;
    sqlite3_extended_result_codes(db.db_, 1);
    sqlite3_busy_timeout(db.db_, 10000);
    db.exec("PRAGMA foreign_keys=ON");
    // 32 MB of page cache: a filtered list over 100,000 defects touches rows spread over the
    // whole table, and the default 2 MB cache re-reads them on every query.
    db.exec("PRAGMA cache_size=-32768");
    return db;
}

Database::Database(Database&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), readOnly_(other.readOnly_),
      cache_(std::move(other.cache_)) {
    other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        db_ = other.db_;
        path_ = std::move(other.path_);
        readOnly_ = other.readOnly_;
        cache_ = std::move(other.cache_);
        other.db_ = nullptr;
    }
    return *this;
}

Database::~Database() {
    close();
}

void Database::close() noexcept {
    if (!db_)
        return;
    if (cache_) {
        for (auto& [key, list] : cache_->idle)
            for (auto* s : list)
                sqlite3_finalize(s);
        cache_->idle.clear();
    }
    sqlite3_close_v2(db_);
    db_ = nullptr;
}

void Database::configureForWriting() {
    if (readOnly_)
        return;
    // WAL lets the desktop read while the CLI writes; FULL syncs the WAL on every commit so an
    // acknowledged record survives a power cut, not only a process crash.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string s(sql);
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : QString();
        sqlite3_free(err);
        fail(sqlite3_extended_errcode(db_), msg);
    }
}

Statement Database::prepare(std::string_view sql) {
    std::string key(sql);
    auto& list = cache_->idle[key];
    if (!list.empty()) {
        sqlite3_stmt* s = list.back();
        list.pop_back();
        return Statement(this, s, std::move(key));
    }
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                                      SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK)
        fail(sqlite3_extended_errcode(db_), QString::fromStdString(key).left(60));
    return Statement(this, s, std::move(key));
}

void Database::giveBack(std::string key, sqlite3_stmt* stmt) noexcept {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!cache_) {
        sqlite3_finalize(stmt);
        return;
    }
    try {
        cache_->idle[std::move(key)].push_back(stmt);
    } catch (...) {
        sqlite3_finalize(stmt);
    }
}

std::optional<QString> Database::scalarText(std::string_view sql) {
    auto st = prepare(sql);
    if (!st.step())
        return std::nullopt;
    return st.text(0);
}

std::int64_t Database::scalarInt(std::string_view sql, std::int64_t fallback) {
    auto st = prepare(sql);
    if (!st.step() || st.isNull(0))
        return fallback;
    return st.int64(0);
}

bool Database::tableExists(const QString& name) {
    auto st = prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name=?");
    st.bind(1, name);
    return st.step();
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}

void Database::backupTo(const QString& target) {
    const QString tmp = target + QStringLiteral(".tmp");
    QFile::remove(tmp);
    sqlite3* out = nullptr;
    const QByteArray native = QFile::encodeName(tmp);
    int rc = sqlite3_open_v2(native.constData(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(out);
        throw IoError(QStringLiteral("cannot write backup %1 of %2").arg(target, path_), rc);
    }
    sqlite3_backup* b = sqlite3_backup_init(out, "main", db_, "main");
    if (!b) {
        const QString msg = QString::fromUtf8(sqlite3_errmsg(out));
        sqlite3_close_v2(out);
        QFile::remove(tmp);
        throw IoError(QStringLiteral("cannot back up %1 to %2: %3").arg(path_, target, msg));
    }
    rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE)
        rc = sqlite3_exec(out, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    sqlite3_close_v2(out);
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        QFile::remove(tmp);
        if (rc == SQLITE_FULL)
            throw IoError(QStringLiteral("disk full writing backup %1").arg(target), rc);
        throw IoError(QStringLiteral("backup of %1 to %2 failed: %3")
                          .arg(path_, target, QString::fromUtf8(sqlite3_errstr(rc))),
                      rc);
    }
    QFile::remove(target);
    if (!QFile::rename(tmp, target)) {
        QFile::remove(tmp);
        throw IoError(QStringLiteral("cannot rename backup %1 to %2").arg(tmp, target));
    }
}

void Database::fail(int rc, const QString& what) const {
    const int primary = rc & 0xff;
    const QString msg =
        db_ ? QString::fromUtf8(sqlite3_errmsg(db_)) : QString::fromUtf8(sqlite3_errstr(rc));
    switch (primary) {
    case SQLITE_NOTADB:
        throw FormatError(QStringLiteral("%1 is not a PeriSurvey campaign (not an SQLite/"
                                         "GeoPackage file)")
                              .arg(path_),
                          rc);
    case SQLITE_CORRUPT:
        throw FormatError(
            QStringLiteral("campaign file %1 is damaged (%2); restore it from a backup")
                .arg(path_, msg),
            rc);
    case SQLITE_READONLY:
        throw IoError(QStringLiteral("campaign file %1 is read-only; make it writable to change it")
                          .arg(path_),
                      rc);
    case SQLITE_FULL:
        throw IoError(QStringLiteral("disk full writing campaign file %1; nothing was saved by "
                                     "this operation")
                          .arg(path_),
                      rc);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        throw IoError(QStringLiteral("cannot read or write campaign file %1: %2").arg(path_, msg),
                      rc);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StoreError(QStringLiteral("campaign file %1 is busy (another program holds a write "
                                        "lock for over 10 s); try again")
                             .arg(path_),
                         rc);
    case SQLITE_CONSTRAINT:
        throw Error(ErrorCode::InvalidInput, QStringLiteral("campaign file %1: %2").arg(path_, msg),
                    rc);
    default:
        throw StoreError(QStringLiteral("campaign file %1: %2 (%3)").arg(path_, msg, what), rc);
    }
}

// ---------------------------------------------------------------------------------------------
// Transaction

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_)
        return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // A failed rollback leaves SQLite to roll back the journal on the next open; a
        // destructor must not throw.
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace core
