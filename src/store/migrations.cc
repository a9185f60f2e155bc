// Schema migrations (see migrations.h and docs/storage-format.md). To change
// the schema, append a Migration with the next version, update schema.sql to
// the resulting schema, and never edit a migration that has shipped.
// Tested by sqlite_store_test (SchemaSqlMatchesMigrations, ReopenKeepsData,
// RefusesNewerSchema, RejectsForeignDatabase).
#include "store/migrations.h"

#include <array>
#include <string>

namespace veille::store {
namespace {

// Version 1: the initial schema (identical to schema.sql at version 1).
constexpr const char* kV1 = R"sql(
CREATE TABLE raw_documents (
  id           INTEGER PRIMARY KEY,
  content_hash TEXT    NOT NULL UNIQUE,
  format       TEXT    NOT NULL,
  size         INTEGER NOT NULL,
  codec        TEXT    NOT NULL,
  data         BLOB    NOT NULL
);
CREATE TABLE articles (
  id              INTEGER PRIMARY KEY,
  doc_key         TEXT    NOT NULL UNIQUE,
  url             TEXT    NOT NULL,
  latest_revision INTEGER NOT NULL,
  first_seen      TEXT    NOT NULL,
  last_seen       TEXT    NOT NULL
);
CREATE TABLE revisions (
  article_id        INTEGER NOT NULL REFERENCES articles(id),
  revision          INTEGER NOT NULL,
  raw_id            INTEGER NOT NULL REFERENCES raw_documents(id),
  input             TEXT    NOT NULL,
  record            INTEGER NOT NULL,
  format            TEXT    NOT NULL,
  ingested_at       TEXT    NOT NULL,
  url               TEXT    NOT NULL,
  title             TEXT    NOT NULL,
  author            TEXT    NOT NULL,
  published         TEXT    NOT NULL,
  site              TEXT    NOT NULL,
  lang              TEXT    NOT NULL,
  text              TEXT    NOT NULL,
  image_url         TEXT    NOT NULL,
  related_json      TEXT    NOT NULL,
  warnings_json     TEXT    NOT NULL,
  extra_json        TEXT    NOT NULL,
  hint_url          TEXT    NOT NULL,
  hint_title        TEXT    NOT NULL,
  hint_site         TEXT    NOT NULL,
  hint_published    TEXT    NOT NULL,
  hint_content_type TEXT    NOT NULL,
  bytes_are_utf8    INTEGER NOT NULL,
  PRIMARY KEY (article_id, revision)
);
CREATE INDEX revisions_by_raw_id ON revisions(raw_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, tokenize = 'unicode61 remove_diacritics 2'
);
)sql";

// Version 2: subscribed sources and their polling state (veille sources/watch).
constexpr const char* kV2 = R"sql(
CREATE TABLE sources (
  id              INTEGER PRIMARY KEY,
  url             TEXT    NOT NULL UNIQUE,
  kind            TEXT    NOT NULL,
  title           TEXT    NOT NULL,
  added_at        TEXT    NOT NULL,
  etag            TEXT    NOT NULL,
  last_modified   TEXT    NOT NULL,
  last_fetch      TEXT    NOT NULL,
  last_status     INTEGER NOT NULL,
  last_error      TEXT    NOT NULL,
  error_count     INTEGER NOT NULL,
  next_poll       TEXT    NOT NULL,
  items_seen      INTEGER NOT NULL,
  poll_interval_s INTEGER NOT NULL
);
)sql";

// Version 3: what analysis computes once per revision (article_features,
// lsh_keys), the document frequencies kept incrementally (term_df, meta), the
// entity registry (entities, entity_variants) and each article's resolved
// entities; plus the container hints added with feeds and WARC (author,
// capture time, HTTP status) on revisions.
constexpr const char* kV3 = R"sql(
ALTER TABLE revisions ADD COLUMN hint_author TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN fetched_at TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0;
CREATE TABLE article_features (
  article_id     INTEGER NOT NULL,
  revision       INTEGER NOT NULL,
  lang           TEXT    NOT NULL,
  stemmed        INTEGER NOT NULL,
  title_terms    BLOB    NOT NULL,
  body_terms     BLOB    NOT NULL,
  simhash        INTEGER NOT NULL,
  minhash        BLOB    NOT NULL,
  reference_date TEXT    NOT NULL,
  dates_json     TEXT    NOT NULL,
  PRIMARY KEY (article_id, revision),
  FOREIGN KEY (article_id, revision) REFERENCES revisions(article_id, revision)
);
CREATE TABLE lsh_keys (
  band_key   INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX lsh_keys_by_article ON lsh_keys(article_id);
CREATE TABLE term_df (
  term TEXT    PRIMARY KEY,
  df   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE meta (
  key   TEXT    PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('df_documents', 0);
CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,
  kind      TEXT    NOT NULL,
  canonical TEXT    NOT NULL,
  alias_of  TEXT    NOT NULL,
  place_id  TEXT    NOT NULL
);
CREATE TABLE entity_variants (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  surface   TEXT    NOT NULL,
  rule      TEXT    NOT NULL,
  full_form INTEGER NOT NULL,
  count     INTEGER NOT NULL,
  articles  INTEGER NOT NULL,
  PRIMARY KEY (entity_id, surface)
) WITHOUT ROWID;
CREATE TABLE article_entities (
  article_id INTEGER NOT NULL REFERENCES articles(id),
  entity_id  INTEGER NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  mentions   INTEGER NOT NULL,
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_entity ON article_entities(entity_id);
)sql";

// Version 4: stories (the clusterer's decisions, their summaries and
// storylines), their merges, and copy links between articles.
constexpr const char* kV4 = R"sql(
ALTER TABLE article_features ADD COLUMN mentions_json TEXT NOT NULL DEFAULT '';
CREATE TABLE stories (
  id            INTEGER PRIMARY KEY,
  first_time    INTEGER NOT NULL,
  last_time     INTEGER NOT NULL,
  article_count INTEGER NOT NULL,
  source_count  INTEGER NOT NULL,
  storyline_id  INTEGER NOT NULL,
  merged_into   INTEGER NOT NULL,
  headline      TEXT    NOT NULL,
  lang          TEXT    NOT NULL,
  summary_json  TEXT    NOT NULL,
  lead          TEXT    NOT NULL,
  key_entities  TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
);
CREATE INDEX stories_by_last_time ON stories(last_time);
CREATE INDEX stories_by_storyline ON stories(storyline_id);
CREATE INDEX stories_by_importance ON stories(source_count DESC, article_count DESC, last_time DESC, id DESC) WHERE merged_into = 0 AND article_count > 0;
CREATE INDEX stories_by_recency ON stories(last_time DESC, id DESC) WHERE merged_into = 0 AND article_count > 0;
CREATE TABLE story_members (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id),
  story_id   INTEGER NOT NULL REFERENCES stories(id) DEFERRABLE INITIALLY DEFERRED,
  time       INTEGER NOT NULL,
  site       TEXT    NOT NULL,
  score      REAL    NOT NULL,
  why_json   TEXT    NOT NULL
);
CREATE INDEX story_members_by_story ON story_members(story_id, time);
CREATE TABLE story_merges (
  from_id   INTEGER PRIMARY KEY,
  into_id   INTEGER NOT NULL,
  merged_at TEXT    NOT NULL
);
CREATE TABLE copy_links (
  copy_id     INTEGER PRIMARY KEY REFERENCES articles(id),
  original_id INTEGER NOT NULL REFERENCES articles(id),
  overlap     REAL    NOT NULL,
  exact       INTEGER NOT NULL
);
CREATE INDEX copy_links_by_original ON copy_links(original_id);
CREATE TABLE story_profiles (
  story_id      INTEGER PRIMARY KEY,
  terms_json    TEXT    NOT NULL,
  entities_json TEXT    NOT NULL
);
CREATE TABLE story_entities (
  entity_id INTEGER NOT NULL,
  story_id  INTEGER NOT NULL,
  weight    REAL    NOT NULL,
  PRIMARY KEY (entity_id, story_id)
) WITHOUT ROWID;
CREATE INDEX story_entities_by_story ON story_entities(story_id);
CREATE INDEX story_entities_by_weight ON story_entities(entity_id, weight DESC);
)sql";

// Version 5: story counts kept from each change (story_counts.cc): a story's
// members per language, and its members by outlet, backfilled from the
// members stored at version 4.
constexpr const char* kV5 = R"sql(
CREATE INDEX story_members_by_site ON story_members(story_id, site);
CREATE TABLE story_langs (
  story_id INTEGER NOT NULL,
  lang     TEXT    NOT NULL,
  members  INTEGER NOT NULL,
  PRIMARY KEY (story_id, lang)
) WITHOUT ROWID;
INSERT INTO story_langs (story_id, lang, members)
  SELECT m.story_id, r.lang, COUNT(*) FROM story_members m
  JOIN articles a ON a.id = m.article_id
  JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision
  WHERE r.lang <> '' GROUP BY m.story_id, r.lang;
)sql";

// Version 6: the stories merged into each story, indexed (a merge re-points
// the stories merged earlier into the merged one: without the index, a scan of
// every story row at each merge, the ingest cost that grew with the base).
constexpr const char* kV6 = R"sql(
CREATE INDEX stories_by_merged_into ON stories(merged_into) WHERE merged_into <> 0;
)sql";

// Version 7: the storyline profiles (story_profiles, story_entities) are the
// live stories' only, so that candidate stories come from story_entities alone
// (no probe of each story row): the profiles of stories merged before are
// dropped, as a merge does since.
constexpr const char* kV7 = R"sql(
DELETE FROM story_entities WHERE story_id IN (SELECT id FROM stories WHERE merged_into <> 0);
DELETE FROM story_profiles WHERE story_id IN (SELECT id FROM stories WHERE merged_into <> 0);
)sql";

constexpr std::array<Migration, 7> kMigrations = {{
    {1, "initial schema: raw_documents, articles, revisions, articles_fts", kV1},
    {2, "sources: subscribed feeds and pages with their polling state", kV2},
    {3, "analysis: article features, LSH keys, document frequencies, entity registry", kV3},
    {4, "stories: members, merges, summaries, storylines; copy links", kV4},
    {5, "story counts kept incrementally: languages per story, members by outlet", kV5},
    {6, "stories indexed by the story they were merged into", kV6},
    {7, "storyline profiles of merged stories dropped", kV7},
}};

// The tables every Veille schema since version 1 has.
constexpr std::array<const char*, 4> kRequiredTables = {"raw_documents", "articles", "revisions",
                                                        "articles_fts"};

struct Header {
  int64_t application_id = 0;
  int64_t user_version = 0;
  int64_t schema_objects = 0;
};

Result<Header> ReadHeader(SqliteDb& db) {
  Header h;
  VEILLE_ASSIGN_OR_RETURN(h.application_id, db.QueryInt("PRAGMA application_id"));
  VEILLE_ASSIGN_OR_RETURN(h.user_version, db.QueryInt("PRAGMA user_version"));
  VEILLE_ASSIGN_OR_RETURN(h.schema_objects, db.QueryInt("SELECT count(*) FROM sqlite_master"));
  return h;
}

// Returns OK when `h` is a Veille database at a version we can read or an
// empty database we may initialise.
Status CheckHeader(const Header& h, const std::string& path) {
  const bool ours = h.application_id == kApplicationId;
  const bool empty = h.application_id == 0 && h.user_version == 0 && h.schema_objects == 0;
  if (!ours && !empty) {
    return Status::Corruption("not a Veille database (application_id " +
                              std::to_string(h.application_id) + ", " +
                              std::to_string(h.schema_objects) + " schema objects)")
        .At(path);
  }
  if (ours && h.user_version > LatestSchemaVersion()) {
    return Status::Unsupported("store schema version " + std::to_string(h.user_version) +
                               " is newer than this program's (" +
                               std::to_string(LatestSchemaVersion()) + "); upgrade Veille")
        .At(path);
  }
  if (ours && h.user_version < 1) {
    return Status::Corruption("Veille database without a schema version").At(path);
  }
  return Status::Ok();
}

Status CheckTables(SqliteDb& db) {
  for (const char* table : kRequiredTables) {
    VEILLE_ASSIGN_OR_RETURN(Statement stmt,
                            db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                       "AND name = ?1"));
    stmt.BindText(1, table);
    VEILLE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
    if (!found) {
      return Status::Corruption(std::string("Veille database lacks table ") + table).At(db.path());
    }
  }
  return Status::Ok();
}

Status MigrateLocked(SqliteDb& db) {
  // Re-read under the write lock: another process may have migrated meanwhile.
  VEILLE_ASSIGN_OR_RETURN(const Header h, ReadHeader(db));
  VEILLE_RETURN_IF_ERROR(CheckHeader(h, db.path()));
  for (const Migration& m : kMigrations) {
    if (m.version <= h.user_version) continue;
    const Status s = db.Exec(m.sql);
    if (!s.ok()) {
      return s.WithContext("migration to schema version " + std::to_string(m.version) + " (" +
                           m.description + ")");
    }
  }
  // PRAGMA values cannot be bound; these are program constants.
  VEILLE_RETURN_IF_ERROR(db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                                 ";\n" +
                                 "PRAGMA user_version = " + std::to_string(LatestSchemaVersion())));
  return Status::Ok();
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int64_t LatestSchemaVersion() { return kMigrations.back().version; }

Status CheckIsVeilleOrEmpty(SqliteDb& db) {
  Result<Header> header = ReadHeader(db);
  if (!header.ok()) {
    if (header.status().code() == StatusCode::kCorruption) {
      return Status::Corruption("not a Veille database: not an SQLite file, or a damaged one (" +
                                header.status().message() + ")")
          .At(db.path());
    }
    return header.status();
  }
  return CheckHeader(*header, db.path());
}

Status ApplyMigrations(SqliteDb& db) {
  VEILLE_RETURN_IF_ERROR(CheckIsVeilleOrEmpty(db));
  VEILLE_ASSIGN_OR_RETURN(const int64_t version, db.QueryInt("PRAGMA user_version"));
  if (version == LatestSchemaVersion()) return CheckTables(db);

  VEILLE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status s = MigrateLocked(db);
  if (s.ok()) s = CheckTables(db);
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) {
    if (!db.autocommit()) (void)db.Exec("ROLLBACK");
    return s;
  }
  return Status::Ok();
}

}  // namespace veille::store
