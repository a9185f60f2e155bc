// The `sources` table (schema version 2): subscribed feeds and pages with
// their polling state. Free functions over one SqliteDb, called by
// SqliteStore's Source methods (include/veille/store.h states the contracts).
// Not thread-safe, like the SqliteDb they use.
#ifndef VEILLE_STORE_SOURCE_TABLE_H_
#define VEILLE_STORE_SOURCE_TABLE_H_

#include <string_view>
#include <vector>

#include "store/sqlite_db.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

Result<AddSourceResult> InsertSource(SqliteDb& db, const Source& source, std::string_view now);
Result<std::vector<Source>> SelectSources(SqliteDb& db);
Result<Source> SelectSource(SqliteDb& db, std::string_view url);
Status UpdateSource(SqliteDb& db, const Source& source);

}  // namespace veille::store

#endif  // VEILLE_STORE_SOURCE_TABLE_H_
