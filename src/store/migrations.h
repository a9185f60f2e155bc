// Schema migrations of the SQLite store: an ordered list of SQL scripts, the
// n-th taking the schema from version n-1 to n. The version lives in PRAGMA
// user_version and the file is marked as Veille's by PRAGMA application_id.
// Migrating is not thread-safe on one connection; across processes it is
// serialised by SQLite's write lock (BEGIN IMMEDIATE).
#ifndef VEILLE_STORE_MIGRATIONS_H_
#define VEILLE_STORE_MIGRATIONS_H_

#include <cstdint>
#include <span>

#include "store/sqlite_db.h"
#include "veille/status.h"

namespace veille::store {

// PRAGMA application_id of every Veille store: "Veil" in ASCII.
inline constexpr int64_t kApplicationId = 0x5665696C;

struct Migration {
  int64_t version;          // the schema version after this script: 1, 2, ...
  const char* description;  // one line, for docs and error messages
  const char* sql;          // one or more statements; no data-dependent text
};

// All migrations, in order (versions 1..n, none missing).
std::span<const Migration> Migrations();

// The version the newest migration produces.
int64_t LatestSchemaVersion();

// Reads the database header and returns OK when the file is an empty
// database or a Veille store this program can read. Writes nothing.
// Returns kCorruption / kUnsupported as ApplyMigrations does.
Status CheckIsVeilleOrEmpty(SqliteDb& db);

// Brings the database to LatestSchemaVersion(), applying every pending
// migration and the new user_version in one BEGIN IMMEDIATE transaction (all
// or nothing). A database already up to date is only read.
// REQUIRES: no transaction is open on `db`; busy timeout already set.
// Returns kCorruption when the file is not an SQLite database, is damaged, or
// is an SQLite database of another program (foreign application_id, or tables
// but no Veille mark), or is marked as Veille's but lacks its tables;
// kUnsupported when its schema version is newer than LatestSchemaVersion();
// the SQLite error otherwise (the transaction is then rolled back).
Status ApplyMigrations(SqliteDb& db);

}  // namespace veille::store

#endif  // VEILLE_STORE_MIGRATIONS_H_
