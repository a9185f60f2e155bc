-- Veille store schema, version 7: the result of applying every migration in
-- src/store/migrations.cc (PRAGMA user_version = 7,
-- PRAGMA application_id = 0x5665696C, "Veil"). Documentation only: the program
-- runs the migrations. sqlite_store_test (SchemaSqlMatchesMigrations) checks
-- that this file and the migrations build the same tables, columns and indexes.
-- See docs/storage-format.md.

-- Raw input bytes, deduplicated by content: several revisions (of one or of
-- several articles) may share a row.
CREATE TABLE raw_documents (
  id           INTEGER PRIMARY KEY,
  content_hash TEXT    NOT NULL UNIQUE,  -- XXH3-128 of the raw bytes, 32 lowercase hex digits
  format       TEXT    NOT NULL,         -- 'html' / 'text' when first stored
  size         INTEGER NOT NULL,         -- uncompressed size in bytes
  codec        TEXT    NOT NULL,         -- how `data` is encoded: 'zstd'
  data         BLOB    NOT NULL          -- the raw bytes, compressed with `codec`
);

-- One row per document key (canonical URL or "file:" path).
CREATE TABLE articles (
  id              INTEGER PRIMARY KEY,
  doc_key         TEXT    NOT NULL UNIQUE,
  url             TEXT    NOT NULL,  -- canonical URL of the latest revision ('' if none)
  latest_revision INTEGER NOT NULL,  -- revisions are numbered 1..latest_revision, none missing
  first_seen      TEXT    NOT NULL,  -- ISO 8601 UTC of the first Put
  last_seen       TEXT    NOT NULL   -- ISO 8601 UTC of the last Put (kKnown included)
);

-- Every stored version of an article: what was read and what extraction made of it.
CREATE TABLE revisions (
  article_id        INTEGER NOT NULL REFERENCES articles(id),
  revision          INTEGER NOT NULL,  -- 1-based
  raw_id            INTEGER NOT NULL REFERENCES raw_documents(id),
  input             TEXT    NOT NULL,  -- where it was read (path, "-", URL)
  record            INTEGER NOT NULL,  -- record number in a container, 0 for a whole file
  format            TEXT    NOT NULL,  -- 'html' / 'text'
  ingested_at       TEXT    NOT NULL,  -- ISO 8601 UTC
  -- The extracted Article (include/veille/article.h).
  url               TEXT    NOT NULL,
  title             TEXT    NOT NULL,
  author            TEXT    NOT NULL,
  published         TEXT    NOT NULL,
  site              TEXT    NOT NULL,
  lang              TEXT    NOT NULL,
  text              TEXT    NOT NULL,
  image_url         TEXT    NOT NULL,
  related_json      TEXT    NOT NULL,  -- [{"title": .., "snippet": .., "url": ..}, ...]
  warnings_json     TEXT    NOT NULL,  -- ["...", ...]
  extra_json        TEXT    NOT NULL,  -- a JSONL record's unknown fields ('' if none)
  -- Hints the container gave with the raw bytes (RawDocument).
  hint_url          TEXT    NOT NULL,
  hint_title        TEXT    NOT NULL,
  hint_site         TEXT    NOT NULL,
  hint_published    TEXT    NOT NULL,
  hint_content_type TEXT    NOT NULL,
  bytes_are_utf8    INTEGER NOT NULL,  -- 0 / 1
  -- Added by version 3 (rows stored before it hold the defaults).
  hint_author       TEXT    NOT NULL DEFAULT '',  -- a feed item's author
  fetched_at        TEXT    NOT NULL DEFAULT '',  -- capture time (WARC-Date), ISO 8601 UTC
  http_status       INTEGER NOT NULL DEFAULT 0,   -- HTTP status of a captured response, 0 if none
  PRIMARY KEY (article_id, revision)
);
CREATE INDEX revisions_by_raw_id ON revisions(raw_id);

-- Full-text index over the latest revision of each article; rowid = articles.id.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, tokenize = 'unicode61 remove_diacritics 2'
);

-- Subscribed sources (version 2): feeds and pages polled by `veille watch`,
-- with the state of their last fetch. Times are ISO 8601 UTC, '' for never.
CREATE TABLE sources (
  id              INTEGER PRIMARY KEY,
  url             TEXT    NOT NULL UNIQUE,  -- as subscribed, absolute http(s)
  kind            TEXT    NOT NULL,         -- 'auto' (not fetched yet), 'feed', 'page'
  title           TEXT    NOT NULL,         -- from the OPML outline or the feed
  added_at        TEXT    NOT NULL,
  etag            TEXT    NOT NULL,         -- validators of the last 200, for conditional GET
  last_modified   TEXT    NOT NULL,         -- HTTP-date as the server sent it
  last_fetch      TEXT    NOT NULL,         -- time of the last attempt
  last_status     INTEGER NOT NULL,         -- HTTP status of the last attempt, 0 for none
  last_error      TEXT    NOT NULL,         -- reason of the last failure, '' after a success
  error_count     INTEGER NOT NULL,         -- consecutive failures, 0 after a success
  next_poll       TEXT    NOT NULL,         -- when watch polls it next ('' = now)
  items_seen      INTEGER NOT NULL,         -- documents stored from it (new or revised)
  poll_interval_s INTEGER NOT NULL          -- current adaptive polling interval, seconds
);

-- Version 3: analysis features, computed once per revision at ingest
-- (include/veille/analyze.h AnalyzedArticle). Encodings: see
-- docs/storage-format.md ("Features").
CREATE TABLE article_features (
  article_id     INTEGER NOT NULL,
  revision       INTEGER NOT NULL,
  lang           TEXT    NOT NULL,  -- language whose rules applied ('' = none)
  stemmed        INTEGER NOT NULL,  -- 0 / 1: a Snowball stemmer was applied
  title_terms    BLOB    NOT NULL,  -- term vector, length-prefixed (varints)
  body_terms     BLOB    NOT NULL,
  simhash        INTEGER NOT NULL,  -- 64-bit SimHash, bits as a signed integer
  minhash        BLOB    NOT NULL,  -- MinHash signature, uint32 little-endian each
  reference_date TEXT    NOT NULL,  -- 'YYYY-MM-DD' relative dates were resolved against
  dates_json     TEXT    NOT NULL,  -- resolved date mentions, JSON array
  -- resolved entity mentions, JSON array of [field, begin, end, sentence,
  -- kind, entity_id, canonical, surface] (version 4; '' before)
  mentions_json  TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (article_id, revision),
  FOREIGN KEY (article_id, revision) REFERENCES revisions(article_id, revision)
);
-- LSH band keys of each article's latest features: candidate lookup for
-- near-duplicates (articles sharing a band key).
CREATE TABLE lsh_keys (
  band_key   INTEGER NOT NULL,  -- 64-bit band key, bits as a signed integer
  article_id INTEGER NOT NULL REFERENCES articles(id),
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX lsh_keys_by_article ON lsh_keys(article_id);
-- Document frequencies over the articles' latest revisions: df = number of
-- articles whose title or body holds the term; updated by deltas.
CREATE TABLE term_df (
  term TEXT    PRIMARY KEY,
  df   INTEGER NOT NULL  -- > 0
) WITHOUT ROWID;
-- Store-wide counters: 'df_documents' = documents counted in term_df.
CREATE TABLE meta (
  key   TEXT    PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
-- The entity registry (include/veille/entities.h EntityRow, EntityVariantRow).
CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,  -- the registry's canonical id
  kind      TEXT    NOT NULL,     -- 'person', 'organization', 'place', 'other'
  canonical TEXT    NOT NULL,
  alias_of  TEXT    NOT NULL,     -- alias-table canonical name, '' if none
  place_id  TEXT    NOT NULL      -- gazetteer id ('country:RU'), '' if none
);
CREATE TABLE entity_variants (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  surface   TEXT    NOT NULL,
  rule      TEXT    NOT NULL,     -- MergeRuleName: 'first', 'alias', 'typo', ...
  full_form INTEGER NOT NULL,     -- 0 for a short form ('Kim', 'Poutine')
  count     INTEGER NOT NULL,     -- mentions seen (every analysed revision)
  articles  INTEGER NOT NULL,     -- articles (revisions) it was seen in
  PRIMARY KEY (entity_id, surface)
) WITHOUT ROWID;
-- Resolved entities of each article's latest revision, with mention counts.
CREATE TABLE article_entities (
  article_id INTEGER NOT NULL REFERENCES articles(id),
  entity_id  INTEGER NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  mentions   INTEGER NOT NULL,
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_entity ON article_entities(entity_id);

-- A story: one real-world event (schema version 4). Times are unix seconds of
-- the members' publication (else ingest) times; counts are kept at every
-- membership change (from the change alone for a join or a merge). A merged story keeps its row (merged_into != 0, no
-- members) so that its id still resolves.
CREATE TABLE stories (
  id            INTEGER PRIMARY KEY,
  first_time    INTEGER NOT NULL,
  last_time     INTEGER NOT NULL,
  article_count INTEGER NOT NULL,
  source_count  INTEGER NOT NULL,  -- distinct sites of the members
  storyline_id  INTEGER NOT NULL,  -- 0 until linked
  merged_into   INTEGER NOT NULL,  -- 0, or the story this one was merged into
  headline      TEXT    NOT NULL,  -- the summary's, else the first member's title
  lang          TEXT    NOT NULL,  -- the members' most common language
  summary_json  TEXT    NOT NULL,  -- veille/summarize.h as JSON, '' until summarised
  lead          TEXT    NOT NULL,  -- the summary's first sentence ('' without one)
  key_entities  TEXT    NOT NULL,  -- JSON array of the summary's first 5 entity names
  updated_at    TEXT    NOT NULL   -- ISO 8601 UTC
);
CREATE INDEX stories_by_last_time ON stories(last_time);
CREATE INDEX stories_by_storyline ON stories(storyline_id);
-- The live stories (not merged, with members) in the two list orders.
CREATE INDEX stories_by_importance ON stories(source_count DESC, article_count DESC, last_time DESC, id DESC) WHERE merged_into = 0 AND article_count > 0;
CREATE INDEX stories_by_recency ON stories(last_time DESC, id DESC) WHERE merged_into = 0 AND article_count > 0;
-- The stories merged into a story (a merge re-points them to the survivor).
CREATE INDEX stories_by_merged_into ON stories(merged_into) WHERE merged_into <> 0;

-- Each clustered article's story (one per article).
CREATE TABLE story_members (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id),
  story_id   INTEGER NOT NULL REFERENCES stories(id) DEFERRABLE INITIALLY DEFERRED,
  time       INTEGER NOT NULL,  -- the article's publication (else ingest) time, unix seconds
  site       TEXT    NOT NULL,
  score      REAL    NOT NULL,  -- the similarity that admitted it (0 for a story's first)
  why_json   TEXT    NOT NULL   -- the clusterer's explanation
);
CREATE INDEX story_members_by_story ON story_members(story_id, time);
-- A story's members by outlet: whether a site is new to a story, in one probe
-- (version 5).
CREATE INDEX story_members_by_site ON story_members(story_id, site);

-- Each story's members per language (of their latest revision; '' not
-- counted), from which stories.lang is kept as members join or merge
-- (version 5).
CREATE TABLE story_langs (
  story_id INTEGER NOT NULL,
  lang     TEXT    NOT NULL,
  members  INTEGER NOT NULL,  -- > 0
  PRIMARY KEY (story_id, lang)
) WITHOUT ROWID;

-- Story merges: from_id's members were moved into into_id (the older id).
CREATE TABLE story_merges (
  from_id   INTEGER PRIMARY KEY,
  into_id   INTEGER NOT NULL,
  merged_at TEXT    NOT NULL
);

-- Copies: copy_id repeats original_id's text (the earliest version).
CREATE TABLE copy_links (
  copy_id     INTEGER PRIMARY KEY REFERENCES articles(id),
  original_id INTEGER NOT NULL REFERENCES articles(id),
  overlap     REAL    NOT NULL,  -- containment of the shorter text in the other, 0..1
  exact       INTEGER NOT NULL   -- 1: same normalised text
);
CREATE INDEX copy_links_by_original ON copy_links(original_id);

-- Each story's profile for storyline linking: its heaviest terms and central
-- entities (veille/cluster.h StoryProfile) as of its last change, so that a
-- story of years ago can be linked without its articles in memory.
CREATE TABLE story_profiles (
  story_id      INTEGER PRIMARY KEY,
  terms_json    TEXT    NOT NULL,  -- [[term, weight], ...], weights L2-normalised
  entities_json TEXT    NOT NULL   -- [[entity id, weight], ...]
);
-- The central entities of each profile: candidate stories of a storyline.
CREATE TABLE story_entities (
  entity_id INTEGER NOT NULL,
  story_id  INTEGER NOT NULL,
  weight    REAL    NOT NULL,
  PRIMARY KEY (entity_id, story_id)
) WITHOUT ROWID;
CREATE INDEX story_entities_by_story ON story_entities(story_id);
CREATE INDEX story_entities_by_weight ON story_entities(entity_id, weight DESC);
