// SqliteDb: one SQLite connection with a cache of prepared statements, and
// Statement, a scoped handle on one of them. Errors come back as Status
// (SQLITE_CORRUPT/NOTADB -> kCorruption, I/O and locking -> kIoError, full
// disk or too big -> kResourceExhausted, the rest -> kInternal).
// Not thread-safe: a SqliteDb and its Statements are used from one thread at a
// time, like the Store that owns them.
#ifndef VEILLE_STORE_SQLITE_DB_H_
#define VEILLE_STORE_SQLITE_DB_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "veille/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace veille::store {

class SqliteDb;

// A prepared statement borrowed from a SqliteDb for the length of one use.
// Parameters are bound by 1-based index; columns are read by 0-based index.
// On destruction the statement is reset and its bindings cleared, then
// returned to the cache. REQUIRES: does not outlive its SqliteDb.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void BindInt(int index, int64_t value);
  void BindText(int index, std::string_view value);
  void BindBlob(int index, std::string_view value);
  void BindNull(int index);
  void BindDouble(int index, double value);

  // Advances to the next row. Returns true with a row, false when done, or a
  // Status naming the statement on error (the statement is then reset).
  Result<bool> Step();
  // Steps a statement that returns no rows (or whose rows are ignored).
  Status Run();

  int64_t ColumnInt(int index) const;
  double ColumnDouble(int index) const;
  bool ColumnIsNull(int index) const;
  // Copies of TEXT/BLOB columns ("" for NULL).
  std::string ColumnText(int index) const;
  std::string ColumnBlob(int index) const;

 private:
  friend class SqliteDb;
  // `in_use` is the cache entry's flag, cleared on destruction; null for a
  // one-off statement, which is finalized instead.
  Statement(SqliteDb* db, sqlite3_stmt* stmt, bool* in_use);

  SqliteDb* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

class SqliteDb {
 public:
  // Opens (creating if needed) the database at `path` with extended result
  // codes. Returns kIoError when the file cannot be opened. Does not read the
  // file yet: a file that is not a database is detected by the first query.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path);

  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;  // owns a connection handle
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more SQL statements without parameters (schema, PRAGMA,
  // transaction control). REQUIRES: `sql` is program text, never user data.
  Status Exec(std::string_view sql);

  // Returns the statement for `sql`, prepared once per connection and reused.
  // If the cached one is still in use (a nested call), a one-off copy is
  // prepared. REQUIRES: `sql` is a string literal or otherwise outlives *this.
  Result<Statement> Prepare(const char* sql);

  // Runs a cached statement without parameters whose rows are ignored
  // (BEGIN, SAVEPOINT, COMMIT...). REQUIRES: as for Prepare.
  Status Run(const char* sql);
  // The same with integer parameters bound to ?1, ?2, ... in order.
  Status Run(const char* sql, std::initializer_list<int64_t> ints);

  // Runs a query returning one integer (e.g. "PRAGMA user_version").
  Result<int64_t> QueryInt(const char* sql);

  // True when no transaction is open.
  bool autocommit() const;
  int64_t last_insert_rowid() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // Converts the connection's last error for result code `rc` into a Status,
  // prefixed by `what`.
  Status Error(int rc, std::string_view what) const;

 private:
  SqliteDb(sqlite3* db, std::string path);

  sqlite3* db_;
  std::string path_;
  struct CachedStatement {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;  // lent to a live Statement
  };
  // Keyed by the SQL text's address; node-based, so `in_use` addresses are stable.
  std::unordered_map<const char*, CachedStatement> cache_;
};

// Maps an SQLite primary result code to the Status code that describes it.
StatusCode StatusCodeForSqlite(int rc);

}  // namespace veille::store

#endif  // VEILLE_STORE_SQLITE_DB_H_
