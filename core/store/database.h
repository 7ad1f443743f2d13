#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace core {

class Database;

/// A prepared statement borrowed from its Database's cache. Move-only; on destruction it is
/// reset, its bindings cleared, and it goes back to the cache. Bind indices are 1-based (as in
/// SQLite), column indices 0-based. It must not outlive its Database.
/// Thread affinity: the thread that owns the Database.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    /// Binds UTF-8 text; a null QString binds SQL NULL.
    Statement& bind(int index, const QString& value);
    /// Binds a BLOB; a null QByteArray binds SQL NULL.
    Statement& bind(int index, const QByteArray& value);
    Statement& bindNull(int index);
    /// Binds an optional number: NULL when empty.
    Statement& bind(int index, std::optional<double> value);
    Statement& bind(int index, std::optional<std::int64_t> value);

    /// Binds every argument in order starting at index 1.
    template <class... Args>
    Statement& bindAll(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    /// Advances; true when a row is available. Throws StoreError/IoError naming the file.
    bool step();
    /// Runs to completion (for INSERT/UPDATE/DDL).
    void exec();
    /// Rewinds so the statement can run again with new bindings.
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    std::optional<double> optReal(int column) const;
    std::optional<std::int64_t> optInt64(int column) const;
    int columnCount() const;
    QString columnName(int column) const;

private:
    friend class Database;
    Statement(Database* db, sqlite3_stmt* stmt, std::string key);
    Database* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::string key_;
};

/// How to open a campaign database.
enum class OpenMode { ReadOnly, ReadWrite, Create };

/// An open SQLite connection: the campaign store's only door to SQLite.
///
/// Move-only owner of the `sqlite3*` handle and of a cache of prepared statements. Opening
/// sets busy_timeout=10000 ms and foreign_keys=ON; configureForWriting() adds
/// journal_mode=WAL and synchronous=FULL (kept separate so that a file we refuse is never
/// modified). Errors are thrown as StoreError (IoError for read-only/full disk, FormatError
/// for a file that is not SQLite), each naming the file.
/// Thread affinity: one thread at a time (SQLite's serialized mode is not relied on).
class Database {
public:
    /// Opens `path`. ReadOnly/ReadWrite require the file to exist (NotFound otherwise);
    /// Create makes it if absent.
    static Database open(const QString& path, OpenMode mode);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    const QString& path() const { return path_; }
    bool isReadOnly() const { return readOnly_; }

    /// journal_mode=WAL, synchronous=FULL.
    void configureForWriting();
    /// Runs one or more SQL statements without results.
    void exec(std::string_view sql);
    /// A cached prepared statement for `sql` (a new one when the cached one is in use).
    Statement prepare(std::string_view sql);
    /// The single value of a one-row, one-column query, or nullopt when it returns no row.
    std::optional<QString> scalarText(std::string_view sql);
    std::int64_t scalarInt(std::string_view sql, std::int64_t fallback = 0);
    bool tableExists(const QString& name);

    std::int64_t lastInsertRowId() const;
    int changes() const;

    /// Copies the whole database to `target` with the online backup API (consistent even
    /// while other connections write). Writes `target`.tmp then renames it.
    void backupTo(const QString& target);

    /// Throws the error matching SQLite result `rc`, naming the file and `what`.
    [[noreturn]] void fail(int rc, const QString& what) const;

private:
    Database() = default;
    void close() noexcept;
    friend class Statement;
    void giveBack(std::string key, sqlite3_stmt* stmt) noexcept;

    struct Cache;
    sqlite3* db_ = nullptr;
    QString path_;
    bool readOnly_ = false;
    std::unique_ptr<Cache> cache_;
};

/// BEGIN IMMEDIATE ... COMMIT guard. commit() must be called explicitly; otherwise the
/// destructor rolls back (never throws). Not nestable.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

} // namespace core
