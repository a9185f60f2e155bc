// The `sources` table: see source_table.h, schema.sql and
// docs/storage-format.md. Tested by tests/store/source_table_test.cc.
#include "store/source_table.h"

#include <sqlite3.h>

#include <string>

namespace veille::store {
namespace {

#define VEILLE_SOURCE_COLUMNS_                                                                 \
  "id, url, kind, title, added_at, etag, last_modified, last_fetch, last_status, last_error, " \
  "error_count, next_poll, items_seen, poll_interval_s "

SourceKind ParseKind(const std::string& name) {
  if (name == "feed") return SourceKind::kFeed;
  if (name == "page") return SourceKind::kPage;
  return SourceKind::kAuto;
}

// Reads a row selected with VEILLE_SOURCE_COLUMNS_.
Source ReadSource(const Statement& s) {
  Source src;
  src.id = s.ColumnInt(0);
  src.url = s.ColumnText(1);
  src.kind = ParseKind(s.ColumnText(2));
  src.title = s.ColumnText(3);
  src.added_at = s.ColumnText(4);
  src.etag = s.ColumnText(5);
  src.last_modified = s.ColumnText(6);
  src.last_fetch = s.ColumnText(7);
  src.last_status = s.ColumnInt(8);
  src.last_error = s.ColumnText(9);
  src.error_count = s.ColumnInt(10);
  src.next_poll = s.ColumnText(11);
  src.items_seen = s.ColumnInt(12);
  src.poll_interval_s = s.ColumnInt(13);
  return src;
}

}  // namespace

Result<Source> SelectSource(SqliteDb& db, std::string_view url) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s, db.Prepare("SELECT " VEILLE_SOURCE_COLUMNS_ "FROM sources WHERE url = ?1"));
  s.BindText(1, url);
  VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::NotFound("no source subscribed under " + std::string(url));
  return ReadSource(s);
}

Result<AddSourceResult> InsertSource(SqliteDb& db, const Source& source, std::string_view now) {
  if (source.url.empty()) return Status::InvalidInput("AddSource: empty URL");
  {
    Result<Source> existing = SelectSource(db, source.url);
    if (existing.ok()) return AddSourceResult{std::move(existing).value(), false};
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
  }
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("INSERT INTO sources (url, kind, title, added_at, etag, last_modified, "
                 "last_fetch, last_status, last_error, error_count, next_poll, items_seen, "
                 "poll_interval_s) VALUES (?1, ?2, ?3, ?4, '', '', '', 0, '', 0, '', 0, ?5)"));
  s.BindText(1, source.url);
  s.BindText(2, SourceKindName(source.kind));
  s.BindText(3, source.title);
  s.BindText(4, now);
  s.BindInt(5, source.poll_interval_s);
  VEILLE_RETURN_IF_ERROR(s.Run());
  AddSourceResult result;
  result.added = true;
  result.source = source;
  result.source.id = db.last_insert_rowid();
  result.source.added_at = std::string(now);
  result.source.etag.clear();
  result.source.last_modified.clear();
  result.source.last_fetch.clear();
  result.source.last_status = 0;
  result.source.last_error.clear();
  result.source.error_count = 0;
  result.source.next_poll.clear();
  result.source.items_seen = 0;
  return result;
}

Result<std::vector<Source>> SelectSources(SqliteDb& db) {
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("SELECT " VEILLE_SOURCE_COLUMNS_ "FROM sources ORDER BY id"));
  std::vector<Source> out;
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    out.push_back(ReadSource(s));
  }
}

Status UpdateSource(SqliteDb& db, const Source& source) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("UPDATE sources SET kind = ?2, title = ?3, etag = ?4, last_modified = ?5, "
                 "last_fetch = ?6, last_status = ?7, last_error = ?8, error_count = ?9, "
                 "next_poll = ?10, items_seen = ?11, poll_interval_s = ?12 WHERE id = ?1"));
  s.BindInt(1, source.id);
  s.BindText(2, SourceKindName(source.kind));
  s.BindText(3, source.title);
  s.BindText(4, source.etag);
  s.BindText(5, source.last_modified);
  s.BindText(6, source.last_fetch);
  s.BindInt(7, source.last_status);
  s.BindText(8, source.last_error);
  s.BindInt(9, source.error_count);
  s.BindText(10, source.next_poll);
  s.BindInt(11, source.items_seen);
  s.BindInt(12, source.poll_interval_s);
  VEILLE_RETURN_IF_ERROR(s.Run());
  if (sqlite3_changes(db.handle()) == 0) {
    return Status::NotFound("no source with id " + std::to_string(source.id));
  }
  return Status::Ok();
}

}  // namespace veille::store
