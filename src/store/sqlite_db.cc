#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace veille::store {

StatusCode StatusCodeForSqlite(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StatusCode::kCorruption;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
      return StatusCode::kIoError;
    case SQLITE_FULL:
    case SQLITE_TOOBIG:
    case SQLITE_NOMEM:
      return StatusCode::kResourceExhausted;
    default:
      return StatusCode::kInternal;
  }
}

// --- Statement ---

Statement::Statement(SqliteDb* db, sqlite3_stmt* stmt, bool* in_use)
    : db_(db), stmt_(stmt), in_use_(in_use) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), in_use_(other.in_use_) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (in_use_ == nullptr) {
    sqlite3_finalize(stmt_);
  } else {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
  }
}

void Statement::BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::BindText(int index, std::string_view value) {
  // A non-null pointer even for "", so the value is '' and not NULL.
  sqlite3_bind_text64(stmt_, index, value.empty() ? "" : value.data(), value.size(), SQLITE_STATIC,
                      SQLITE_UTF8);
}

void Statement::BindBlob(int index, std::string_view value) {
  sqlite3_bind_blob64(stmt_, index, value.empty() ? "" : value.data(), value.size(), SQLITE_STATIC);
}

void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }
void Statement::BindDouble(int index, double value) { sqlite3_bind_double(stmt_, index, value); }

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status status = db_->Error(rc, sqlite3_sql(stmt_));
  sqlite3_reset(stmt_);
  return status;
}

Status Statement::Run() {
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, Step());
    if (!row) return Status::Ok();
  }
}

int64_t Statement::ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::ColumnDouble(int index) const { return sqlite3_column_double(stmt_, index); }

bool Statement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

std::string Statement::ColumnText(int index) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  if (p == nullptr) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
}

std::string Statement::ColumnBlob(int index) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  if (p == nullptr) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
}

// --- SqliteDb ---

SqliteDb::SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

SqliteDb::~SqliteDb() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  // Rolls back any open transaction.
  sqlite3_close_v2(db_);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = std::string("cannot open database: ") +
                      (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    const StatusCode code = StatusCodeForSqlite(rc) == StatusCode::kCorruption
                                ? StatusCode::kCorruption
                                : StatusCode::kIoError;
    return Status(code, std::move(msg)).At(path);
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

Status SqliteDb::Exec(std::string_view sql) {
  const std::string text(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  const std::string_view head = sql.substr(0, sql.find('\n'));
  return Status(StatusCodeForSqlite(rc), std::string(head) + ": " + msg).At(path_);
}

Result<Statement> SqliteDb::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return Statement(this, it->second.stmt, &it->second.in_use);
  }
  const bool cache_it = it == cache_.end();
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v3(db_, sql, -1, cache_it ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc, sql);
  }
  if (!cache_it) return Statement(this, stmt, /*in_use=*/nullptr);  // one-off
  CachedStatement& cached = cache_[sql];
  cached = {stmt, true};
  return Statement(this, stmt, &cached.in_use);
}

Status SqliteDb::Run(const char* sql) {
  VEILLE_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  return stmt.Run();
}

Status SqliteDb::Run(const char* sql, std::initializer_list<int64_t> ints) {
  VEILLE_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  int index = 0;
  for (int64_t value : ints) stmt.BindInt(++index, value);
  return stmt.Run();
}

Result<int64_t> SqliteDb::QueryInt(const char* sql) {
  VEILLE_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  VEILLE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return Status::Internal(std::string("no row from: ") + sql);
  return stmt.ColumnInt(0);
}

bool SqliteDb::autocommit() const { return sqlite3_get_autocommit(db_) != 0; }

int64_t SqliteDb::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

Status SqliteDb::Error(int rc, std::string_view what) const {
  std::string msg(what.substr(0, what.find('\n')));
  if (msg.size() > 80) msg = msg.substr(0, 77) + "...";
  msg += ": ";
  msg += sqlite3_errmsg(db_);
  if ((rc & 0xff) == SQLITE_BUSY) msg += " (another writer held the lock past busy_timeout_ms)";
  return Status(StatusCodeForSqlite(rc), std::move(msg)).At(path_);
}

}  // namespace veille::store
