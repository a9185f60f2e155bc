// SqliteStore: the embedded Store (include/veille/store.h) on one SQLite file.
// Tested by tests/store/sqlite_store_test.cc.
//
// Layout (schema.sql, docs/storage-format.md): raw input bytes live once per
// distinct content in raw_documents (zstd, named by their XXH3-128 hash);
// articles has one row per doc_key pointing at its latest revision; revisions
// keeps every version (what was read, what extraction made of it); the FTS5
// table articles_fts indexes the latest revision's title and text, with
// rowid = articles.id.
//
// PutArticle, in one SAVEPOINT (or BEGIN IMMEDIATE when no transaction is
// open, so that a lone Put takes the write lock up front and waits on
// busy_timeout instead of failing to upgrade a read lock):
//   1. hash the raw bytes; look up doc_key with its latest raw hash;
//   2. same hash: kKnown, only articles.last_seen is updated;
//   3. otherwise find or insert the raw_documents row (compressing only when
//      the content is new), insert or update the articles row, insert the
//      revision, and replace the article's FTS row.
// Any error rolls back to the savepoint, so a failed Put leaves no partial
// rows and an enclosing transaction stays usable.
// Cost per new article: one hash and one zstd pass over the raw bytes, one
// FTS tokenisation of title and text, ~6 cached statements.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "common/iso_time.h"
#include "store/article_delete.h"
#include "store/feature_table.h"
#include "store/migrations.h"
#include "store/raw_codec.h"
#include "store/source_table.h"
#include "store/sqlite_db.h"
#include "store/story_counts.h"
#include "store/story_table.h"
#include "veille/store.h"

namespace veille {
namespace {

using store::SqliteDb;
using store::Statement;

constexpr int64_t kMaxListLimit = 10000;
constexpr int64_t kMaxSearchLimit = 1000;
constexpr int64_t kMaxMatchIds = 100000;
// Matches ranked per search at most (the newest ones; see RunSearch).
constexpr int64_t kMaxRankedMatches = 2000;
constexpr int64_t kTopSites = 20;
constexpr int64_t kTopLangs = 100;
// Tokens of context around matches in a search snippet.
constexpr int kSnippetTokens = 24;

// The columns ReadStoredArticle expects, for the latest revision.
#define VEILLE_STORE_SELECT_LATEST_                                                           \
  "SELECT a.id, r.revision, a.latest_revision, a.doc_key, r.input, r.record, r.ingested_at, " \
  "r.format, r.url, r.title, r.author, r.published, r.site, r.lang, r.text, r.image_url, "    \
  "r.related_json, r.warnings_json, r.extra_json, r.fetched_at, r.http_status "               \
  "FROM articles a JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "

std::string NowIsoUtc() { return FormatIsoUtc(static_cast<int64_t>(std::time(nullptr))); }

std::string DumpJson(const nlohmann::json& j) {
  // Replaces invalid UTF-8 instead of throwing.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RelatedToJson(const std::vector<RelatedLink>& related) {
  nlohmann::json arr = nlohmann::json::array();
  for (const RelatedLink& link : related) {
    arr.push_back({{"title", link.title}, {"snippet", link.snippet}, {"url", link.url}});
  }
  return DumpJson(arr);
}

std::string WarningsToJson(const std::vector<std::string>& warnings) {
  nlohmann::json arr = nlohmann::json::array();
  for (const std::string& w : warnings) arr.push_back(w);
  return DumpJson(arr);
}

std::string StringField(const nlohmann::json& obj, const char* key) {
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status ParseRelated(const std::string& text, std::vector<RelatedLink>* out) {
  const nlohmann::json arr = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!arr.is_array()) return Status::Corruption("revisions.related_json is not a JSON array");
  for (const nlohmann::json& item : arr) {
    if (!item.is_object()) return Status::Corruption("revisions.related_json: not an object");
    out->push_back(
        {StringField(item, "title"), StringField(item, "snippet"), StringField(item, "url")});
  }
  return Status::Ok();
}

Status ParseWarnings(const std::string& text, std::vector<std::string>* out) {
  const nlohmann::json arr = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!arr.is_array()) return Status::Corruption("revisions.warnings_json is not a JSON array");
  for (const nlohmann::json& item : arr) {
    if (!item.is_string()) return Status::Corruption("revisions.warnings_json: not a string");
    out->push_back(item.get<std::string>());
  }
  return Status::Ok();
}

// Reads a row of VEILLE_STORE_SELECT_LATEST_.
Result<StoredArticle> ReadStoredArticle(const Statement& s) {
  StoredArticle sa;
  sa.id = s.ColumnInt(0);
  sa.revision = s.ColumnInt(1);
  sa.revision_count = s.ColumnInt(2);  // revisions are 1..latest_revision
  sa.doc_key = s.ColumnText(3);
  sa.input = s.ColumnText(4);
  sa.record = s.ColumnInt(5);
  sa.ingested_at = s.ColumnText(6);
  sa.format = s.ColumnText(7);
  Article& a = sa.article;
  a.url = s.ColumnText(8);
  a.title = s.ColumnText(9);
  a.author = s.ColumnText(10);
  a.published = s.ColumnText(11);
  a.site = s.ColumnText(12);
  a.lang = s.ColumnText(13);
  a.text = s.ColumnText(14);
  a.image_url = s.ColumnText(15);
  const Status related = ParseRelated(s.ColumnText(16), &a.related);
  const Status warnings = ParseWarnings(s.ColumnText(17), &a.warnings);
  if (!related.ok()) return related.WithContext("article " + std::to_string(sa.id));
  if (!warnings.ok()) return warnings.WithContext("article " + std::to_string(sa.id));
  sa.extra_json = s.ColumnText(18);
  sa.fetched_at = s.ColumnText(19);
  sa.http_status = s.ColumnInt(20);
  return sa;
}

// "Kim Jong-un (KCNA)" -> "\"Kim\" \"Jong-un\" \"(KCNA)\"": every
// whitespace-separated word becomes an FTS5 string (a phrase of its tokens),
// so no character of it is FTS5 syntax.
std::string QuoteWords(std::string_view query) {
  std::string out;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i]))) ++i;
    if (i == query.size()) break;
    if (!out.empty()) out += ' ';
    out += '"';
    for (; i < query.size() && !std::isspace(static_cast<unsigned char>(query[i])); ++i) {
      if (query[i] == '"') out += '"';
      out += query[i];
    }
    out += '"';
  }
  return out;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<SqliteDb> db, const StoreOptions& options)
      : db_(std::move(db)), options_(options) {}

  Status Begin() override {
    if (!db_->autocommit()) return Status::InvalidInput("Begin: a transaction is already open");
    return db_->Run("BEGIN IMMEDIATE");
  }

  Status Commit() override {
    if (db_->autocommit()) return Status::InvalidInput("Commit: no transaction is open");
    return db_->Run("COMMIT");
  }

  // A no-op when no transaction is open: SQLite may already have rolled back
  // after an I/O error, and the caller cannot always know.
  Status Rollback() override {
    if (db_->autocommit()) return Status::Ok();
    return db_->Run("ROLLBACK");
  }

  Result<PutResult> PutArticle(std::string_view doc_key, const RawDocument& raw,
                               const Article& article) override {
    if (doc_key.empty()) return Status::InvalidInput("PutArticle: empty doc_key");
    const bool own_transaction = db_->autocommit();
    VEILLE_RETURN_IF_ERROR(db_->Run(own_transaction ? "BEGIN IMMEDIATE" : "SAVEPOINT put"));
    Result<PutResult> result = PutLocked(doc_key, raw, article);
    if (result.ok()) {
      Status done = db_->Run(own_transaction ? "COMMIT" : "RELEASE put");
      if (done.ok()) return result;
      result = std::move(done);
    }
    if (own_transaction) {
      if (!db_->autocommit()) (void)db_->Run("ROLLBACK");
    } else if (!db_->autocommit()) {
      // Undo this Put only; the enclosing transaction goes on.
      (void)db_->Run("ROLLBACK TO put");
      (void)db_->Run("RELEASE put");
    }
    return result.status().WithContext("PutArticle " + std::string(doc_key));
  }

  Result<StoredArticle> GetArticle(int64_t id) override {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db_->Prepare(VEILLE_STORE_SELECT_LATEST_ "WHERE a.id = ?1"));
    s.BindInt(1, id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("no article with id " + std::to_string(id));
    return ReadStoredArticle(s);
  }

  Result<std::string> GetRawBytes(int64_t id, int64_t revision) override {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db_->Prepare("SELECT d.content_hash, d.size, d.codec, d.data "
                                         "FROM revisions r JOIN raw_documents d ON d.id = r.raw_id "
                                         "WHERE r.article_id = ?1 AND r.revision = ?2"));
    s.BindInt(1, id);
    s.BindInt(2, revision);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    const std::string where =
        "article " + std::to_string(id) + " revision " + std::to_string(revision);
    if (!row) return Status::NotFound("no " + where);
    const std::string hash = s.ColumnText(0);
    const std::string codec = s.ColumnText(2);
    if (codec != store::kRawCodecZstd) {
      return Status::Unsupported("raw bytes of " + where + ": unknown codec '" + codec + "'");
    }
    Result<std::string> bytes = store::DecompressRaw(s.ColumnBlob(3), s.ColumnInt(1));
    if (!bytes.ok()) return bytes.status().WithContext(where).At(db_->path());
    if (store::ContentHash(*bytes) != hash) {
      return Status::Corruption("raw bytes of " + where + " do not match their hash " + hash)
          .At(db_->path());
    }
    return bytes;
  }

  Result<std::vector<StoredArticle>> ListArticles(const ArticleListOptions& options) override {
    if (options.offset < 0) return Status::InvalidInput("ListArticles: negative offset");
    const int64_t limit = std::clamp<int64_t>(options.limit, 0, kMaxListLimit);
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db_->Prepare(VEILLE_STORE_SELECT_LATEST_ "ORDER BY a.id LIMIT ?1 OFFSET ?2"));
    s.BindInt(1, limit);
    s.BindInt(2, options.offset);
    std::vector<StoredArticle> out;
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      VEILLE_ASSIGN_OR_RETURN(StoredArticle sa, ReadStoredArticle(s));
      out.push_back(std::move(sa));
    }
    return out;
  }

  Result<std::vector<SearchHit>> Search(std::string_view query, int64_t limit) override {
    if (std::all_of(query.begin(), query.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
      return Status::InvalidInput("empty search query");
    }
    limit = std::clamp<int64_t>(limit, 0, kMaxSearchLimit);
    Result<std::vector<SearchHit>> hits = RunSearch(query, limit);
    if (hits.ok() || hits.status().code() != StatusCode::kInternal) return hits;
    // SQLITE_ERROR from MATCH: the query is not valid FTS5 syntax (or names a
    // column that does not exist). Retry with every word taken literally.
    Result<std::vector<SearchHit>> quoted = RunSearch(QuoteWords(query), limit);
    if (quoted.ok() || quoted.status().code() != StatusCode::kInternal) return quoted;
    return Status::InvalidInput("search query '" + std::string(query) +
                                "': " + hits.status().message());
  }

  Result<std::vector<int64_t>> MatchIds(std::string_view query, int64_t limit) override {
    if (std::all_of(query.begin(), query.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
      return Status::InvalidInput("empty search query");
    }
    limit = std::clamp<int64_t>(limit, 0, kMaxMatchIds);
    Result<std::vector<int64_t>> ids = NewestMatches(query, limit);
    if (ids.ok() || ids.status().code() != StatusCode::kInternal) return ids;
    return NewestMatches(QuoteWords(query), limit);
  }

  Result<StoreStats> Stats() override {
    StoreStats st;
    VEILLE_ASSIGN_OR_RETURN(st.articles, db_->QueryInt("SELECT count(*) FROM articles"));
    VEILLE_ASSIGN_OR_RETURN(st.revisions, db_->QueryInt("SELECT count(*) FROM revisions"));
    VEILLE_ASSIGN_OR_RETURN(Statement raw,
                            db_->Prepare("SELECT count(*), coalesce(sum(size), 0), "
                                         "coalesce(sum(length(data)), 0) FROM raw_documents"));
    VEILLE_ASSIGN_OR_RETURN(const bool row, raw.Step());
    if (row) {
      st.raw_documents = raw.ColumnInt(0);
      st.raw_bytes = raw.ColumnInt(1);
      st.raw_stored_bytes = raw.ColumnInt(2);
    }
    VEILLE_ASSIGN_OR_RETURN(st.schema_version, db_->QueryInt("PRAGMA user_version"));
    VEILLE_ASSIGN_OR_RETURN(st.feature_rows,
                            db_->QueryInt("SELECT count(*) FROM article_features"));
    VEILLE_ASSIGN_OR_RETURN(
        st.feature_bytes,
        db_->QueryInt("SELECT coalesce(sum(length(title_terms) + length(body_terms) + "
                      "length(minhash) + length(dates_json) + length(lang) + "
                      "length(reference_date) + 8), 0) FROM article_features"));
    VEILLE_ASSIGN_OR_RETURN(st.terms, db_->QueryInt("SELECT count(*) FROM term_df"));
    VEILLE_ASSIGN_OR_RETURN(st.entities, db_->QueryInt("SELECT count(*) FROM entities"));
    VEILLE_ASSIGN_OR_RETURN(
        st.stories,
        db_->QueryInt("SELECT count(*) FROM stories WHERE merged_into = 0 AND article_count > 0"));
    VEILLE_ASSIGN_OR_RETURN(st.storylines,
                            db_->QueryInt("SELECT count(DISTINCT storyline_id) FROM stories "
                                          "WHERE merged_into = 0 AND article_count > 0"));
    VEILLE_ASSIGN_OR_RETURN(st.copy_links, db_->QueryInt("SELECT count(*) FROM copy_links"));
    VEILLE_ASSIGN_OR_RETURN(
        Statement langs,
        db_->Prepare("SELECT r.lang, count(*) AS n FROM articles a JOIN revisions r "
                     "ON r.article_id = a.id AND r.revision = a.latest_revision "
                     "GROUP BY r.lang ORDER BY n DESC, r.lang LIMIT ?1"));
    langs.BindInt(1, kTopLangs);
    VEILLE_RETURN_IF_ERROR(ReadCounts(langs, &st.by_lang));
    VEILLE_ASSIGN_OR_RETURN(
        Statement sites,
        db_->Prepare("SELECT r.site, count(*) AS n FROM articles a JOIN revisions r "
                     "ON r.article_id = a.id AND r.revision = a.latest_revision "
                     "GROUP BY r.site ORDER BY n DESC, r.site LIMIT ?1"));
    sites.BindInt(1, kTopSites);
    VEILLE_RETURN_IF_ERROR(ReadCounts(sites, &st.by_site));
    return st;
  }

  Status ForEachArticle(const std::function<Status(const StoredArticle&)>& fn) override {
    VEILLE_ASSIGN_OR_RETURN(Statement s, db_->Prepare(VEILLE_STORE_SELECT_LATEST_ "ORDER BY a.id"));
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return Status::Ok();
      VEILLE_ASSIGN_OR_RETURN(const StoredArticle sa, ReadStoredArticle(s));
      VEILLE_RETURN_IF_ERROR(fn(sa));
    }
  }

  Status DeleteArticle(int64_t id) override {
    const bool own_transaction = db_->autocommit();
    VEILLE_RETURN_IF_ERROR(db_->Run(own_transaction ? "BEGIN IMMEDIATE" : "SAVEPOINT del"));
    Status s = store::DeleteArticleRows(*db_, id, NowIsoUtc());
    if (s.ok()) {
      s = db_->Run(own_transaction ? "COMMIT" : "RELEASE del");
      if (s.ok()) return s;
    }
    if (own_transaction) {
      if (!db_->autocommit()) (void)db_->Run("ROLLBACK");
    } else if (!db_->autocommit()) {
      (void)db_->Run("ROLLBACK TO del");
      (void)db_->Run("RELEASE del");
    }
    return s.WithContext("DeleteArticle " + std::to_string(id));
  }

  Result<std::vector<ArticleTerms>> GetArticleTerms(const std::vector<int64_t>& ids) override {
    return store::SelectArticleTerms(*db_, ids);
  }

  Result<bool> HasArticle(std::string_view doc_key) override {
    VEILLE_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT 1 FROM articles WHERE doc_key = ?1"));
    s.BindText(1, doc_key);
    return s.Step();
  }

  Result<AddSourceResult> AddSource(const Source& source) override {
    return store::InsertSource(*db_, source, NowIsoUtc());
  }
  Result<std::vector<Source>> ListSources() override { return store::SelectSources(*db_); }
  Result<Source> FindSource(std::string_view url) override {
    return store::SelectSource(*db_, url);
  }
  Status UpdateSourceState(const Source& source) override {
    return store::UpdateSource(*db_, source);
  }

  Status PutFeatures(int64_t article_id, int64_t revision,
                     const AnalyzedArticle& features) override {
    return Atomically("PutFeatures",
                      [&] { return store::InsertFeatures(*db_, article_id, revision, features); });
  }
  Result<AnalyzedArticle> GetFeatures(int64_t article_id, int64_t revision) override {
    return store::SelectFeatures(*db_, article_id, revision);
  }
  Result<bool> HasFeatures(int64_t article_id, int64_t revision) override {
    return store::FeaturesExist(*db_, article_id, revision);
  }
  Result<std::vector<std::pair<int64_t, int64_t>>> GetArticleEntities(int64_t article_id) override {
    return store::SelectArticleEntities(*db_, article_id);
  }
  Result<std::vector<int64_t>> FindLshCandidates(const std::vector<uint64_t>& keys,
                                                 int64_t limit) override {
    return store::SelectLshCandidates(*db_, keys, limit);
  }
  Result<DocumentFrequencySnapshot> LoadDocumentFrequencies() override {
    return store::SelectDocumentFrequencies(*db_);
  }
  Status ApplyDocumentFrequencyDeltas(
      int64_t document_delta,
      const std::vector<std::pair<std::string, int64_t>>& term_deltas) override {
    return Atomically("ApplyDocumentFrequencyDeltas", [&] {
      return store::UpdateDocumentFrequencies(*db_, document_delta, term_deltas);
    });
  }
  Result<EntityTable> LoadEntities() override { return store::SelectEntities(*db_); }
  Status PutEntities(const std::vector<EntityRow>& entities,
                     const std::vector<EntityVariantRow>& variants) override {
    return Atomically("PutEntities",
                      [&] { return store::UpsertEntities(*db_, entities, variants); });
  }
  Result<std::vector<EntitySummary>> ListEntities() override {
    return store::SummarizeEntities(*db_);
  }

  Result<int64_t> WriteGeneration() override {
    return db_->QueryInt("SELECT COALESCE((SELECT value FROM meta WHERE key = 'generation'), 0)");
  }
  Result<int64_t> BumpWriteGeneration() override {
    int64_t generation = 0;
    VEILLE_RETURN_IF_ERROR(Atomically("BumpWriteGeneration", [&]() -> Status {
      VEILLE_RETURN_IF_ERROR(
          db_->Run("INSERT INTO meta (key, value) VALUES ('generation', 1) "
                   "ON CONFLICT (key) DO UPDATE SET value = value + 1"));
      VEILLE_ASSIGN_OR_RETURN(generation, WriteGeneration());
      return Status::Ok();
    }));
    return generation;
  }
  Status PutStoryMember(const StoryMember& member) override {
    return Atomically("PutStoryMember",
                      [&] { return store::UpsertStoryMember(*db_, member, NowIsoUtc()); });
  }
  Status MergeStories(int64_t from, int64_t into) override {
    return Atomically("MergeStories",
                      [&] { return store::MergeStoryRows(*db_, from, into, NowIsoUtc()); });
  }
  Status PutStorySummary(int64_t story_id, std::string_view headline,
                         std::string_view summary_json) override {
    return Atomically("PutStorySummary", [&] {
      return store::UpdateStorySummary(*db_, story_id, headline, summary_json, NowIsoUtc());
    });
  }
  Status SetStorylines(const std::vector<std::pair<int64_t, int64_t>>& assignments) override {
    return Atomically("SetStorylines", [&] { return store::UpdateStorylines(*db_, assignments); });
  }
  Status PutStoryProfile(const StoredStoryProfile& profile) override {
    return Atomically("PutStoryProfile", [&] { return store::UpsertStoryProfile(*db_, profile); });
  }
  Result<StoredStoryProfile> GetStoryProfile(int64_t story_id) override {
    return store::SelectStoryProfile(*db_, story_id);
  }
  Result<std::vector<int64_t>> FindStoriesByEntities(const std::vector<int64_t>& entity_ids,
                                                     int64_t limit) override {
    return store::SelectStoriesByEntities(*db_, entity_ids, limit);
  }
  Result<std::vector<int64_t>> ListStorylineStories(int64_t storyline_id) override {
    return store::SelectStorylineStories(*db_, storyline_id);
  }
  Status PutCopyLink(const CopyLinkRow& link) override {
    return Atomically("PutCopyLink", [&] { return store::UpsertCopyLink(*db_, link); });
  }
  Status ClearStories() override {
    return Atomically("ClearStories", [&] { return store::DeleteAllStories(*db_); });
  }
  Result<StoryRow> GetStory(int64_t id) override { return store::SelectStory(*db_, id); }
  Result<std::vector<StoryRow>> ListStories(const StoryListOptions& options) override {
    return store::SelectStories(*db_, options);
  }
  Result<std::vector<StoryMemberView>> ListStoryMembers(int64_t story_id) override {
    return store::SelectStoryMembers(*db_, story_id, -1, 0);
  }
  Result<std::vector<StoryMemberView>> ListStoryMembersPage(int64_t story_id, int64_t limit,
                                                            int64_t offset) override {
    return store::SelectStoryMembers(*db_, story_id, std::clamp<int64_t>(limit, 0, kMaxListLimit),
                                     offset);
  }
  Result<StoryMember> GetStoryMember(int64_t article_id) override {
    return store::SelectStoryMember(*db_, article_id);
  }
  Status ForEachRecentMember(int64_t since, int64_t latest_articles,
                             const std::function<Status(const StoryMember&)>& fn) override {
    return store::SelectRecentMembers(*db_, since, latest_articles, fn);
  }
  Result<int64_t> LatestStoryTime() override { return store::SelectLatestStoryTime(*db_); }
  Result<int64_t> MaxStoryId() override { return store::SelectMaxStoryId(*db_); }
  Result<std::vector<CopyLinkRow>> ListCopies(int64_t article_id) override {
    return store::SelectCopies(*db_, article_id);
  }
  Result<std::vector<std::pair<int64_t, int64_t>>> ListStorylines() override {
    return store::SelectStorylines(*db_);
  }

 private:
  // Runs `work` in its own transaction, or in a savepoint of the open one
  // (rolled back to on failure, leaving the enclosing transaction open).
  template <typename Fn>
  Status Atomically(const char* what, Fn&& work) {
    const bool own_transaction = db_->autocommit();
    VEILLE_RETURN_IF_ERROR(db_->Run(own_transaction ? "BEGIN IMMEDIATE" : "SAVEPOINT work"));
    Status s = work();
    if (s.ok()) s = db_->Run(own_transaction ? "COMMIT" : "RELEASE work");
    if (s.ok()) return s;
    if (own_transaction) {
      if (!db_->autocommit()) (void)db_->Run("ROLLBACK");
    } else if (!db_->autocommit()) {
      (void)db_->Run("ROLLBACK TO work");
      (void)db_->Run("RELEASE work");
    }
    return s.WithContext(what);
  }

  struct Latest {
    int64_t id = 0;
    int64_t revision = 0;
    std::string content_hash;
  };

  // Returns the article stored under doc_key, or an id of 0.
  Result<Latest> FindLatest(std::string_view doc_key) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db_->Prepare("SELECT a.id, a.latest_revision, d.content_hash FROM articles a "
                     "LEFT JOIN revisions r ON r.article_id = a.id "
                     "AND r.revision = a.latest_revision "
                     "LEFT JOIN raw_documents d ON d.id = r.raw_id WHERE a.doc_key = ?1"));
    s.BindText(1, doc_key);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    Latest latest;
    if (!row) return latest;
    latest.id = s.ColumnInt(0);
    latest.revision = s.ColumnInt(1);
    if (s.ColumnIsNull(2)) {
      return Status::Corruption("article " + std::to_string(latest.id) +
                                " lacks its latest revision or raw document")
          .At(db_->path());
    }
    latest.content_hash = s.ColumnText(2);
    return latest;
  }

  // Returns the raw_documents id for content `hash`, inserting it if needed.
  Result<int64_t> FindOrInsertRaw(const RawDocument& raw, const std::string& hash) {
    {
      VEILLE_ASSIGN_OR_RETURN(Statement s,
                              db_->Prepare("SELECT id FROM raw_documents WHERE content_hash = ?1"));
      s.BindText(1, hash);
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (row) return s.ColumnInt(0);
    }
    VEILLE_ASSIGN_OR_RETURN(const std::string data,
                            store::CompressRaw(raw.bytes, options_.raw_compression_level));
    VEILLE_ASSIGN_OR_RETURN(Statement s, db_->Prepare("INSERT INTO raw_documents "
                                                      "(content_hash, format, size, codec, data) "
                                                      "VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.BindText(1, hash);
    s.BindText(2, DocFormatName(raw.format));
    s.BindInt(3, static_cast<int64_t>(raw.bytes.size()));
    s.BindText(4, store::kRawCodecZstd);
    s.BindBlob(5, data);
    VEILLE_RETURN_IF_ERROR(s.Run());
    return db_->last_insert_rowid();
  }

  // PutArticle's work. REQUIRES: inside the Put's savepoint or transaction.
  Result<PutResult> PutLocked(std::string_view doc_key, const RawDocument& raw,
                              const Article& article) {
    const std::string hash = store::ContentHash(raw.bytes);
    const std::string now = NowIsoUtc();
    VEILLE_ASSIGN_OR_RETURN(const Latest latest, FindLatest(doc_key));
    PutResult result;
    if (latest.id != 0 && latest.content_hash == hash) {
      VEILLE_ASSIGN_OR_RETURN(Statement s,
                              db_->Prepare("UPDATE articles SET last_seen = ?2 WHERE id = ?1"));
      s.BindInt(1, latest.id);
      s.BindText(2, now);
      VEILLE_RETURN_IF_ERROR(s.Run());
      return PutResult{latest.id, latest.revision, PutOutcome::kKnown};
    }
    VEILLE_ASSIGN_OR_RETURN(const int64_t raw_id, FindOrInsertRaw(raw, hash));

    if (latest.id == 0) {
      VEILLE_ASSIGN_OR_RETURN(Statement s,
                              db_->Prepare("INSERT INTO articles "
                                           "(doc_key, url, latest_revision, first_seen, last_seen) "
                                           "VALUES (?1, ?2, 1, ?3, ?3)"));
      s.BindText(1, doc_key);
      s.BindText(2, article.url);
      s.BindText(3, now);
      VEILLE_RETURN_IF_ERROR(s.Run());
      result = {db_->last_insert_rowid(), 1, PutOutcome::kNew};
    } else {
      result = {latest.id, latest.revision + 1, PutOutcome::kRevised};
      VEILLE_ASSIGN_OR_RETURN(Statement s,
                              db_->Prepare("UPDATE articles SET url = ?2, latest_revision = ?3, "
                                           "last_seen = ?4 WHERE id = ?1"));
      s.BindInt(1, result.article_id);
      s.BindText(2, article.url);
      s.BindInt(3, result.revision);
      s.BindText(4, now);
      VEILLE_RETURN_IF_ERROR(s.Run());
    }
    VEILLE_RETURN_IF_ERROR(InsertRevision(result, raw_id, raw, article, now));
    if (result.outcome == PutOutcome::kRevised) {
      // Its story's language and headline are read from the latest revision.
      VEILLE_RETURN_IF_ERROR(store::RefreshRevisedMember(*db_, result.article_id, now));
    }
    return UpdateFts(result, article);
  }

  Status InsertRevision(const PutResult& r, int64_t raw_id, const RawDocument& raw,
                        const Article& article, const std::string& now) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db_->Prepare("INSERT INTO revisions (article_id, revision, raw_id, input, record, "
                     "format, ingested_at, url, title, author, published, site, lang, text, "
                     "image_url, related_json, warnings_json, extra_json, hint_url, "
                     "hint_title, hint_site, hint_published, hint_content_type, "
                     "bytes_are_utf8, hint_author, fetched_at, http_status) VALUES (?1, ?2, ?3, "
                     "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                     "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)"));
    const std::string related = RelatedToJson(article.related);
    const std::string warnings = WarningsToJson(article.warnings);
    s.BindInt(1, r.article_id);
    s.BindInt(2, r.revision);
    s.BindInt(3, raw_id);
    s.BindText(4, raw.input);
    s.BindInt(5, raw.record);
    s.BindText(6, DocFormatName(raw.format));
    s.BindText(7, now);
    s.BindText(8, article.url);
    s.BindText(9, article.title);
    s.BindText(10, article.author);
    s.BindText(11, article.published);
    s.BindText(12, article.site);
    s.BindText(13, article.lang);
    s.BindText(14, article.text);
    s.BindText(15, article.image_url);
    s.BindText(16, related);
    s.BindText(17, warnings);
    s.BindText(18, raw.extra_json);
    s.BindText(19, raw.url);
    s.BindText(20, raw.title);
    s.BindText(21, raw.site);
    s.BindText(22, raw.published);
    s.BindText(23, raw.content_type);
    s.BindInt(24, raw.bytes_are_utf8 ? 1 : 0);
    s.BindText(25, raw.author);
    s.BindText(26, raw.fetched_at);
    s.BindInt(27, raw.http_status);
    return s.Run();
  }

  // Makes the FTS row of r.article_id hold `article`; returns r.
  Result<PutResult> UpdateFts(const PutResult& r, const Article& article) {
    if (r.outcome == PutOutcome::kRevised) {
      VEILLE_ASSIGN_OR_RETURN(Statement del,
                              db_->Prepare("DELETE FROM articles_fts WHERE rowid = ?1"));
      del.BindInt(1, r.article_id);
      VEILLE_RETURN_IF_ERROR(del.Run());
    }
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db_->Prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)"));
    s.BindInt(1, r.article_id);
    s.BindText(2, article.title);
    s.BindText(3, article.text);
    VEILLE_RETURN_IF_ERROR(s.Run());
    return r;
  }

  // The first row of the newest kMaxRankedMatches matches of `fts_query`
  // (FTS5 walks the doclist backwards and stops), 0 when fewer match.
  // Ranking only rows from there bounds the cost of a common word.
  Result<int64_t> RankFloor(std::string_view fts_query) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db_->Prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                                  "ORDER BY rowid DESC LIMIT 1 OFFSET ?2"));
    s.BindText(1, fts_query);
    s.BindInt(2, kMaxRankedMatches - 1);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    return row ? s.ColumnInt(0) : 0;
  }

  // The newest `limit` matches' ids: FTS5 walks the doclist backwards.
  Result<std::vector<int64_t>> NewestMatches(std::string_view fts_query, int64_t limit) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db_->Prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                                  "ORDER BY rowid DESC LIMIT ?2"));
    s.BindText(1, fts_query);
    s.BindInt(2, limit);
    std::vector<int64_t> ids;
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return ids;
      ids.push_back(s.ColumnInt(0));
    }
  }

  Result<std::vector<SearchHit>> RunSearch(std::string_view fts_query, int64_t limit) {
    VEILLE_ASSIGN_OR_RETURN(const int64_t floor, RankFloor(fts_query));
    // With ORDER BY rank FTS5 returns the rows sorted, so SQLite makes the
    // snippets (which re-tokenise a document) for the returned rows only,
    // in the same evaluation of the query.
    std::vector<SearchHit> hits;
    {
      VEILLE_ASSIGN_OR_RETURN(
          Statement s,
          db_->Prepare("SELECT rowid, rank, title, snippet(articles_fts, 1, '[', ']', '…', ?4) "
                       "FROM articles_fts WHERE articles_fts MATCH ?1 "
                       "AND rank MATCH 'bm25(2.0, 1.0)' AND rowid >= ?3 ORDER BY rank LIMIT ?2"));
      s.BindText(1, fts_query);
      s.BindInt(2, limit);
      s.BindInt(3, floor);
      s.BindInt(4, kSnippetTokens);
      for (;;) {
        VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
        if (!row) break;
        hits.push_back(
            {s.ColumnInt(0), s.ColumnText(2), std::string(), s.ColumnText(3), s.ColumnDouble(1)});
      }
    }
    for (SearchHit& hit : hits) {
      VEILLE_ASSIGN_OR_RETURN(
          Statement s,
          db_->Prepare("SELECT r.site FROM articles a JOIN revisions r ON r.article_id = a.id "
                       "AND r.revision = a.latest_revision WHERE a.id = ?1"));
      s.BindInt(1, hit.id);
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (row) hit.site = s.ColumnText(0);
    }
    return hits;
  }

  static Status ReadCounts(Statement& s, std::vector<std::pair<std::string, int64_t>>* out) {
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) return Status::Ok();
      out->emplace_back(s.ColumnText(0), s.ColumnInt(1));
    }
  }

  std::unique_ptr<SqliteDb> db_;
  const StoreOptions options_;
};

Status Configure(SqliteDb& db, const StoreOptions& options) {
  // busy_timeout is a PRAGMA taking a program value, not user text.
  VEILLE_RETURN_IF_ERROR(
      db.Exec("PRAGMA busy_timeout = " + std::to_string(std::max(0, options.busy_timeout_ms))));
  VEILLE_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options) {
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteDb> db, store::SqliteDb::Open(path));
  VEILLE_RETURN_IF_ERROR(Configure(*db, options));
  // Reads the header first, so a file that is not a Veille database is
  // reported as such before anything is written to it.
  VEILLE_RETURN_IF_ERROR(store::CheckIsVeilleOrEmpty(*db));
  // WAL cannot be entered inside a transaction: set it before migrating.
  VEILLE_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
  VEILLE_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = NORMAL"));
  // Page cache in KiB (negative = KiB): the document-frequency and LSH-key
  // indexes are updated at every commit, and re-reading their pages from the
  // file was a large share of ingest with SQLite's 2 MiB default.
  VEILLE_RETURN_IF_ERROR(
      db->Exec("PRAGMA cache_size = -" + std::to_string(std::max(1024, options.cache_kib))));
  VEILLE_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store = MEMORY"));
  if (options.mmap_bytes > 0) {
    VEILLE_RETURN_IF_ERROR(db->Exec("PRAGMA mmap_size = " + std::to_string(options.mmap_bytes)));
  }
  VEILLE_RETURN_IF_ERROR(store::ApplyMigrations(*db));
  return std::unique_ptr<Store>(new SqliteStore(std::move(db), options));
}

}  // namespace veille
