// Store: where articles, their revisions and their raw input bytes live.
// The interface is what a server database (PostgreSQL) will implement later;
// OpenSqliteStore gives the embedded default. A Store object is used from one
// thread at a time (open one per thread); several processes may open the same
// SQLite file (WAL), one writer at a time.
#ifndef VEILLE_STORE_H_
#define VEILLE_STORE_H_

#include <cstdint>
#include <functional>
#include <limits>
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

// ---- Stories (schema version 4) ----

// A story as stored: one real-world event, the articles the clusterer put in
// it, and its summary once summarised. Times are unix seconds of the
// members' publication (else ingest) times.
struct StoryRow {
  int64_t id = 0;
  int64_t first_time = 0;
  int64_t last_time = 0;
  int64_t article_count = 0;
  int64_t source_count = 0;  // distinct sites among the members
  int64_t storyline_id = 0;  // 0 until storylines are linked
  int64_t merged_into = 0;   // != 0: this story was merged into that one (no members left)
  std::string headline;      // the summary's headline, else the first member's title
  std::string lang;          // the members' most common language
  std::string summary_json;  // the stored summary (veille/summarize.h), "" until summarised
                             // (left empty by ListStories: see lead and key_entities)
  std::string lead;          // the summary's first sentence ("" if none)
  std::vector<std::string> key_entities;  // the summary's first (at most 5) entity names
  std::string updated_at;                 // ISO 8601 UTC of the last change
};

// An article's place in its story, as the pipeline decided it.
struct StoryMember {
  int64_t article_id = 0;
  int64_t story_id = 0;
  int64_t time = 0;      // the article's publication (else ingest) time, unix seconds
  std::string site;      // the article's site (for source counts)
  double score = 0;      // the similarity that admitted it (0 for a story's first article)
  std::string why_json;  // the clusterer's explanation, JSON ("" if none)
};

// A member with what a story listing shows of its article.
struct StoryMemberView {
  StoryMember member;
  std::string url;
  std::string input;  // where its latest revision was read
  std::string title;
  std::string published;  // as extracted ("" if unknown)
  std::string lang;
  int64_t original_id = 0;  // != 0: a copy of that article (see CopyLinkRow)
};

// A copy link (veille/dedup.h): copy_id repeats original_id's text.
struct CopyLinkRow {
  int64_t original_id = 0;
  int64_t copy_id = 0;
  double overlap = 0;
  bool exact = false;
};

// A story's profile as stored for storyline linking (veille/cluster.h
// StoryProfile with its terms as strings).
struct StoredStoryProfile {
  int64_t story_id = 0;
  std::vector<std::pair<std::string, float>> terms;  // heaviest first
  std::vector<std::pair<int64_t, float>> entities;   // central entities, heaviest first
};

struct StoryListOptions {
  int64_t limit = 50;  // bounded to 10,000
  int64_t offset = 0;
  int64_t since = std::numeric_limits<int64_t>::min();  // last_time >= since
  int64_t until = std::numeric_limits<int64_t>::max();  // first_time <= until
  std::string lang;                                     // "" = any
  std::string site;                                     // "" = any; a member's site
  int64_t entity_id = 0;                                // 0 = any; a member mentions it
  int64_t storyline_id = 0;                             // 0 = any
  // kRecent: last_time descending. kImportance: distinct sources, then
  // article count, then last_time, all descending.
  enum class Order : uint8_t { kRecent, kImportance } order = Order::kRecent;
};

// What similarity needs of an article, without its text: listing fields
// and the term vectors of its latest features.
struct ArticleTerms {
  int64_t id = 0;
  std::string title;
  std::string site;
  std::string published;  // as extracted ("" if unknown)
  TermVector title_terms;
  TermVector body_terms;
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
  int64_t stories = 0;        // stories with members (merged ones excluded)
  int64_t storylines = 0;     // distinct storylines of those stories
  int64_t copy_links = 0;     // articles linked as copies of an original
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
  // of words works). Best first (bm25); at most `limit` hits. When more than
  // 2,000 articles match, only the 2,000 most recently stored (highest ids)
  // are ranked, which bounds the cost of common words.
  virtual Result<std::vector<SearchHit>> Search(std::string_view query, int64_t limit) = 0;
  // The ids of the articles matching an FTS5 query, newest (highest id)
  // first, at most `limit` (<= 100,000): the index's posting lists read
  // without ranking, for callers that score candidates themselves.
  virtual Result<std::vector<int64_t>> MatchIds(std::string_view query, int64_t limit) = 0;
  virtual Result<StoreStats> Stats() = 0;
  // Calls fn for every article (latest revision) in id order; stops at the
  // first non-OK status fn returns and returns it.
  virtual Status ForEachArticle(const std::function<Status(const StoredArticle&)>& fn) = 0;

  // Deletes the article `id` and everything derived from it, in one
  // transaction (a savepoint inside an open one): its revisions, features,
  // LSH keys, entity links, FTS row, copy links (its copies become
  // originals), story membership (the story's counts and times refreshed, its
  // summary cleared so that the headline falls back to the earliest member's
  // title; an emptied story keeps its row with no members and loses its
  // profile), its document-frequency counts (as a delta), and the raw
  // documents no other revision references. kNotFound when no such article.
  virtual Status DeleteArticle(int64_t id) = 0;

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
  // The canonical entities the article's latest features mention, with their
  // mention counts, by entity id (empty when none or not analysed).
  virtual Result<std::vector<std::pair<int64_t, int64_t>>> GetArticleEntities(
      int64_t article_id) = 0;
  // The listing fields and latest term vectors of those of `ids` that are
  // stored and analysed (the others are left out), in the order of `ids`.
  virtual Result<std::vector<ArticleTerms>> GetArticleTerms(const std::vector<int64_t>& ids) = 0;
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

  // The write generation: a counter every pipeline writer increments in
  // each transaction it commits (BumpWriteGeneration returns the new value),
  // so that a process holding in-memory state (document frequencies, entity
  // registry, clusterer) sees that another process wrote since it loaded.
  virtual Result<int64_t> WriteGeneration() = 0;
  virtual Result<int64_t> BumpWriteGeneration() = 0;

  // ---- Stories (schema version 4; written by the pipeline in the
  // transaction of the articles they concern) ----

  // Places member.article_id in member.story_id (replacing its previous
  // membership) and refreshes both stories' counts and times (creating the
  // story row when new). kNotFound when the article is not stored.
  virtual Status PutStoryMember(const StoryMember& member) = 0;
  // Moves every member of `from` into `into`, records the merge (`from`
  // keeps a row with merged_into set, so its id still resolves) and
  // refreshes `into`. kInvalidInput when from == into.
  virtual Status MergeStories(int64_t from, int64_t into) = 0;
  // Stores a story's summary and headline. kNotFound for an unknown story;
  // kInvalidInput when summary_json is neither "" nor a JSON object.
  virtual Status PutStorySummary(int64_t story_id, std::string_view headline,
                                 std::string_view summary_json) = 0;
  // Sets the storyline of each (story id, storyline id) pair.
  virtual Status SetStorylines(const std::vector<std::pair<int64_t, int64_t>>& assignments) = 0;
  // Inserts or replaces a story's profile and its central-entity index rows.
  virtual Status PutStoryProfile(const StoredStoryProfile& profile) = 0;
  // Inserts or replaces the link of link.copy_id.
  virtual Status PutCopyLink(const CopyLinkRow& link) = 0;
  // Removes every story, member, merge, profile and storyline (copy links stay):
  // `recluster` calls it inside the transaction that rebuilds them.
  virtual Status ClearStories() = 0;

  // The story with `id` (also a merged one: see merged_into), or kNotFound.
  virtual Result<StoryRow> GetStory(int64_t id) = 0;
  virtual Result<std::vector<StoryRow>> ListStories(const StoryListOptions& options) = 0;
  // Members of a story, by time then article id.
  virtual Result<std::vector<StoryMemberView>> ListStoryMembers(int64_t story_id) = 0;
  // At most `limit` (bounded to 10,000) of them from `offset`, in that order.
  virtual Result<std::vector<StoryMemberView>> ListStoryMembersPage(int64_t story_id, int64_t limit,
                                                                    int64_t offset) = 0;
  // The membership of an article, or kNotFound when it is in no story.
  virtual Result<StoryMember> GetStoryMember(int64_t article_id) = 0;
  // Members of the stories whose last_time >= since or that hold one of the
  // `latest_articles` most recently stored articles (highest ids), by time
  // then id: what the pipeline restores into its clusterer at start-up.
  virtual Status ForEachRecentMember(int64_t since, int64_t latest_articles,
                                     const std::function<Status(const StoryMember&)>& fn) = 0;
  // The newest member time of any story (0 when there is none) and the
  // largest story id ever used (merged and cleared stories included; 0 when
  // none): new stories take larger ids, so an old id never names another
  // story.
  virtual Result<int64_t> LatestStoryTime() = 0;
  virtual Result<int64_t> MaxStoryId() = 0;
  // The stored profile of a story, or kNotFound.
  virtual Result<StoredStoryProfile> GetStoryProfile(int64_t story_id) = 0;
  // Stories (ids ascending, at most `limit`, merged ones excluded) whose
  // profile holds one of `entity_ids` among its central entities.
  virtual Result<std::vector<int64_t>> FindStoriesByEntities(const std::vector<int64_t>& entity_ids,
                                                             int64_t limit) = 0;
  // The stories of a storyline, ids ascending (merged ones excluded).
  virtual Result<std::vector<int64_t>> ListStorylineStories(int64_t storyline_id) = 0;
  // The copy links in which `article_id` is the original or the copy: its
  // copy group seen from the group's original.
  virtual Result<std::vector<CopyLinkRow>> ListCopies(int64_t article_id) = 0;
  // Every (story id, storyline id) of live stories, by storyline then story.
  virtual Result<std::vector<std::pair<int64_t, int64_t>>> ListStorylines() = 0;
};

struct StoreOptions {
  // zstd level for raw input bytes (1 fast .. 19 small).
  int raw_compression_level = 3;
  // Milliseconds to wait for another writer's lock before failing.
  int busy_timeout_ms = 10000;
  // SQLite page cache per connection, KiB (at least 1024). Larger keeps the
  // indexes updated at every commit in memory; costs that much RAM at most.
  int cache_kib = 65536;
  // Bytes of the database file read through a memory map instead of read
  // calls (0: none). Shared between the connections of a process by the OS
  // page cache; for read-mostly connections (serve).
  int64_t mmap_bytes = 0;
};

// Opens (creating if needed) an SQLite store at `path` (":memory:" works),
// applying pending schema migrations in one transaction. Returns kIoError if
// the file cannot be opened, kCorruption if it is not a Veille database or is
// damaged, kUnsupported if its schema is newer than this program knows.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options);

}  // namespace veille

#endif  // VEILLE_STORE_H_
