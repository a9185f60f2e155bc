// Store: where articles, their revisions and their raw input bytes live.
// The interface is what a server database (PostgreSQL) will implement later;
// OpenSqliteStore gives the embedded default. A Store object is used from one
// thread at a time (open one per thread); several processes may open the same
// SQLite file (WAL), one writer at a time.
#ifndef VEILLE_STORE_H_
#define VEILLE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "veille/analyze.h"
#include "veille/article.h"
#include "veille/entities.h"
#include "veille/status.h"

namespace veille {

enum class PutOutcome : uint8_t {
  kNew,      // a new article (revision 1)
  kKnown,    // same key, same content as its latest revision: nothing written
  kRevised,  // same key, changed content: stored as a new revision
};
const char* PutOutcomeName(PutOutcome o);

struct PutResult {
  int64_t article_id = 0;
  int64_t revision = 0;
  PutOutcome outcome = PutOutcome::kNew;
};

// One stored article at its latest revision (or the revision asked for).
struct StoredArticle {
  int64_t id = 0;
  int64_t revision = 0;
  int64_t revision_count = 0;
  std::string doc_key;  // canonical URL, or "file:" + absolute path (+ "#" + record)
  std::string input;    // where this revision was read
  int64_t record = 0;
  std::string ingested_at;  // ISO 8601 UTC
  std::string format;       // "html" / "text"
  Article article;
  std::string extra_json;   // unknown fields of a JSONL record
  std::string fetched_at;   // when the container captured it (WARC-Date), "" if unknown
  int64_t http_status = 0;  // HTTP status of the captured response, 0 if none
};

struct ArticleListOptions {
  int64_t limit = 50;  // at most this many rows (bounded to 10,000)
  int64_t offset = 0;
};

struct SearchHit {
  int64_t id = 0;
  std::string title;
  std::string site;
  std::string snippet;  // with matched words between [ and ]
  double score = 0;     // bm25: lower is better
};

// A subscribed source (a feed or a page polled by `veille watch`) and its
// polling state. Times are ISO 8601 UTC ("" for never); the state fields are
// rewritten after each fetch by UpdateSourceState.
enum class SourceKind : uint8_t {
  kAuto,  // not fetched yet: the first fetch tells a feed from a page
  kFeed,  // RSS/Atom: each item is an article
  kPage,  // one page, stored again when it changes
};
// "auto", "feed" or "page".
const char* SourceKindName(SourceKind kind);

struct Source {
  int64_t id = 0;
  std::string url;  // as subscribed (absolute http/https); UNIQUE
  SourceKind kind = SourceKind::kAuto;
  std::string title;               // from the OPML outline or the feed
  std::string added_at;            // ISO 8601 UTC
  std::string etag;                // validators of the last 200 response, for conditional GET
  std::string last_modified;       // as the server sent it (HTTP-date)
  std::string last_fetch;          // time of the last attempt
  int64_t last_status = 0;         // HTTP status of the last attempt (0: no response)
  std::string last_error;          // reason of the last failure ("" after a success)
  int64_t error_count = 0;         // consecutive failed attempts (0 after a success)
  std::string next_poll;           // when `watch` polls it next ("" = now)
  int64_t items_seen = 0;          // documents stored from it (new or revised), all fetches
  int64_t poll_interval_s = 3600;  // current adaptive interval between polls, seconds
};

struct AddSourceResult {
  Source source;       // as stored (the existing row when already subscribed)
  bool added = false;  // false when a source with that URL existed
};

// Document frequencies as stored: the number of documents counted and the
// (term, df) pairs with df > 0. See DocumentFrequencies (veille/analyze.h).
struct DocumentFrequencySnapshot {
  int64_t documents = 0;
  std::vector<std::pair<std::string, int64_t>> terms;
};

// The stored rows of an EntityRegistry (veille/entities.h).
struct EntityTable {
  std::vector<EntityRow> entities;         // by id
  std::vector<EntityVariantRow> variants;  // by entity id, then count descending
};

// One canonical entity with its variants and its mentions in the latest
// revisions of the stored articles.
struct EntitySummary {
  EntityRow entity;
  int64_t mentions = 0;                    // resolved mentions in the articles' latest revisions
  int64_t articles = 0;                    // articles whose latest revision mentions it
  std::vector<EntityVariantRow> variants;  // count descending
};

struct StoreStats {
  int64_t articles = 0;
  int64_t revisions = 0;
  int64_t raw_documents = 0;
  int64_t raw_bytes = 0;         // uncompressed size of the stored raw inputs
  int64_t raw_stored_bytes = 0;  // their compressed size
  int64_t schema_version = 0;
  int64_t feature_rows = 0;   // article_features rows (one per analysed revision)
  int64_t feature_bytes = 0;  // their stored size: term blobs, MinHash, dates JSON
  int64_t terms = 0;          // distinct terms with a document frequency
  int64_t entities = 0;       // canonical entities
  std::vector<std::pair<std::string, int64_t>> by_lang;
  std::vector<std::pair<std::string, int64_t>> by_site;
};

class Store {
 public:
  virtual ~Store() = default;

  // Transactions: every Put between Begin() and Commit() is atomic; Rollback()
  // discards them. A Put outside a transaction runs in its own. Begin() inside
  // a transaction and Commit() outside one return kInvalidInput; Rollback()
  // outside one is a no-op.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Stores `article` extracted from `raw` under `doc_key` (see StoredArticle).
  // The raw bytes are kept compressed. Returns the article id, the revision
  // and whether it was new, already known (identical raw bytes as the latest
  // revision: nothing is written but the article's last-seen time) or a new
  // revision. On failure nothing of this Put is stored, and an enclosing
  // transaction stays open with its earlier Puts (unless SQLite itself had to
  // abort it: disk full, I/O error).
  virtual Result<PutResult> PutArticle(std::string_view doc_key, const RawDocument& raw,
                                       const Article& article) = 0;

  // Returns the article's latest revision, or kNotFound.
  virtual Result<StoredArticle> GetArticle(int64_t id) = 0;
  // Returns the raw bytes of a revision (decompressed), or kNotFound.
  virtual Result<std::string> GetRawBytes(int64_t id, int64_t revision) = 0;
  // Articles by id ascending, latest revisions.
  virtual Result<std::vector<StoredArticle>> ListArticles(const ArticleListOptions& options) = 0;
  // Full-text search over title and text (FTS5 query syntax; a plain phrase
  // of words works). Best first; at most `limit` hits.
  virtual Result<std::vector<SearchHit>> Search(std::string_view query, int64_t limit) = 0;
  virtual Result<StoreStats> Stats() = 0;
  // Calls fn for every article (latest revision) in id order; stops at the
  // first non-OK status fn returns and returns it.
  virtual Status ForEachArticle(const std::function<Status(const StoredArticle&)>& fn) = 0;

  // Whether an article is stored under `doc_key` (see DocumentKey).
  virtual Result<bool> HasArticle(std::string_view doc_key) = 0;

  // Sources. AddSource subscribes source.url with source.kind, title and
  // poll_interval_s (the state fields are ignored; added_at is set now), or
  // returns the existing row unchanged (added = false) when the URL is
  // already subscribed. kInvalidInput for an empty URL.
  virtual Result<AddSourceResult> AddSource(const Source& source) = 0;
  // Every source, by id.
  virtual Result<std::vector<Source>> ListSources() = 0;
  // The source subscribed under exactly `url`, or kNotFound.
  virtual Result<Source> FindSource(std::string_view url) = 0;
  // Rewrites the kind, title and polling state (etag .. poll_interval_s) of
  // the source with source.id. kNotFound when no such id.
  virtual Status UpdateSourceState(const Source& source) = 0;

  // ---- Analysis features (schema version 3; docs/storage-format.md) ----
  // Written by the pipeline in the transaction of the revision they describe.
  // Each write below is atomic like PutArticle (a failed one leaves no
  // partial rows and an enclosing transaction open).

  // Stores the features of (article_id, revision): its row of
  // article_features (replacing one stored before), and, as the article's
  // latest features, its LSH band keys and its resolved entity mentions
  // (mentions with entity_id 0 are not stored), replacing the article's
  // previous ones. kNotFound when the revision is not stored.
  virtual Status PutFeatures(int64_t article_id, int64_t revision,
                             const AnalyzedArticle& features) = 0;
  // The stored features of a revision (entities empty: see ListEntities),
  // or kNotFound; kCorruption for an undecodable row.
  virtual Result<AnalyzedArticle> GetFeatures(int64_t article_id, int64_t revision) = 0;
  virtual Result<bool> HasFeatures(int64_t article_id, int64_t revision) = 0;
  // Articles (ids ascending, at most `limit`) sharing at least one LSH band
  // key with `keys`: the candidates of near-duplicate lookup.
  virtual Result<std::vector<int64_t>> FindLshCandidates(const std::vector<uint64_t>& keys,
                                                         int64_t limit) = 0;

  // Document frequencies: loaded once per process by the pipeline, then kept
  // in step by deltas (never rewritten whole). Apply adds `document_delta` to
  // the document count and each delta to its term's df, dropping terms whose
  // df reaches 0 or less.
  virtual Result<DocumentFrequencySnapshot> LoadDocumentFrequencies() = 0;
  virtual Status ApplyDocumentFrequencyDeltas(
      int64_t document_delta, const std::vector<std::pair<std::string, int64_t>>& term_deltas) = 0;

  // The entity registry: loaded whole, saved by rows. PutEntities inserts or
  // replaces each entity row (by id) and each variant row (by entity id and
  // surface); rows not given are left as they are.
  virtual Result<EntityTable> LoadEntities() = 0;
  virtual Status PutEntities(const std::vector<EntityRow>& entities,
                             const std::vector<EntityVariantRow>& variants) = 0;
  // Every canonical entity, most mentioned first (then by id), with its
  // variants and its counts over the articles' latest revisions.
  virtual Result<std::vector<EntitySummary>> ListEntities() = 0;
};

struct StoreOptions {
  // zstd level for raw input bytes (1 fast .. 19 small).
  int raw_compression_level = 3;
  // Milliseconds to wait for another writer's lock before failing.
  int busy_timeout_ms = 10000;
  // SQLite page cache per connection, KiB (at least 1024). Larger keeps the
  // indexes updated at every commit in memory; costs that much RAM at most.
  int cache_kib = 65536;
};

// Opens (creating if needed) an SQLite store at `path` (":memory:" works),
// applying pending schema migrations in one transaction. Returns kIoError if
// the file cannot be opened, kCorruption if it is not a Veille database or is
// damaged, kUnsupported if its schema is newer than this program knows.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options);

}  // namespace veille

#endif  // VEILLE_STORE_H_
