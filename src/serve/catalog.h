// Catalog: what the HTTP routes ask of the store beyond single reads —
// stemmed full-text search with filters, similar articles, cached document
// frequencies and entity lists, and the one writer (ingest) — shared by the
// JSON API and the web UI. Thread-safe; each call takes the Store of the
// calling request (see StorePool).
#ifndef VEILLE_SERVE_CATALOG_H_
#define VEILLE_SERVE_CATALOG_H_

#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "veille/analyze.h"
#include "veille/config.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille::serve {

struct SearchRequest {
  std::string q;
  std::string lang;                                     // "" = any
  std::string site;                                     // "" = any
  int64_t since = std::numeric_limits<int64_t>::min();  // article time (published, else ingest)
  int64_t until = std::numeric_limits<int64_t>::max();
  int64_t storyline_id = 0;  // 0 = any
  int64_t limit = 20;
  int64_t offset = 0;
};

struct SimilarArticle {
  int64_t id = 0;
  std::string title;
  std::string site;
  std::string published;
  double score = 0;  // TF-IDF cosine, 0..1
};

struct SimilarStory {
  StoryRow story;
  double score = 0;  // cosine of the stories' profile terms, 0..1
};

struct IngestReport {
  IngestSummary summary;
  std::vector<IngestEvent> events;  // at most kMaxEvents; errors first kept
  static constexpr size_t kMaxEvents = 1000;
};

class Catalog {
 public:
  // `analysis` is borrowed (may be null: ingest then fails with
  // kUnsupported); `config` gives the pipeline settings of ingest.
  Catalog(const Config& config, const AnalysisResources* analysis);

  // FTS5 over title and text, best first. A query of plain words is
  // expanded so that each word also matches its Snowball stem's forms in
  // the supported languages (prefix of the stem); a query with FTS5 syntax
  // (quotes, *, AND/OR/NOT/NEAR, parentheses, column filters) runs as given.
  // Filters apply to up to kMaxFilteredCandidates best hits.
  Result<std::vector<SearchHit>> Search(Store& store, const SearchRequest& request) const;
  static constexpr int64_t kMaxFilteredCandidates = 400;

  // Articles nearest to `article_id` by TF-IDF cosine of their stored
  // term vectors (Store::GetArticleTerms: no text is read), excluding its
  // copy group; candidates are the articles sharing the most weight of its
  // heaviest distinctive terms, read from the FTS5 postings of those terms
  // (bounded per term; never a scan). Of results nearly identical to each
  // other (the same text elsewhere), only the best is kept. The document frequencies are
  // cached (reloaded every 10 minutes and after an ingest or a delete).
  // kNotFound for an unknown article.
  Result<std::vector<SimilarArticle>> Similar(Store& store, int64_t article_id, int64_t limit);

  // Stories nearest to `story_id` by the cosine of their stored profiles
  // (story_profiles), among the stories that share one of its heaviest
  // central entities (story_entities): a few indexed reads, no text. Merged
  // and emptied stories are left out; empty when the story has no profile.
  Result<std::vector<SimilarStory>> SimilarStories(Store& store, int64_t story_id, int64_t limit);

  // Every canonical entity (as Store::ListEntities), cached for a minute.
  Result<std::shared_ptr<const std::vector<EntitySummary>>> Entities(Store& store);

  // Runs a request body through the pipeline (an IngestSession kept between
  // requests: the analysis state is not reloaded for each) on the writer
  // connection, one ingest at a time; invalidates the caches. An exception
  // from below (memory) becomes kInternal and the writer connection is
  // closed, which rolls its transaction back.
  Result<IngestReport> Ingest(std::string_view name, std::string bytes);

  // Store::DeleteArticle on the writer connection (serialised with ingest);
  // invalidates the caches. kNotFound for an unknown article.
  Status Delete(int64_t article_id);

  // The query Search runs for `q` (exposed for tests).
  std::string ExpandQuery(std::string_view q) const;

 private:
  Result<std::shared_ptr<const DocumentFrequencies>> Frequencies(Store& store);
  // Drops the cached frequencies and entities after a write.
  void ForgetCaches();
  // Delete's transaction on writer_ (write_mu_ held).
  Status DeleteLocked(int64_t article_id);

  const Config config_;
  const AnalysisResources* analysis_;
  using Clock = std::chrono::steady_clock;
  std::mutex cache_mu_;
  std::shared_ptr<const DocumentFrequencies> df_;
  Clock::time_point df_loaded_;
  std::shared_ptr<const std::vector<EntitySummary>> entities_;
  Clock::time_point entities_loaded_;
  uint64_t cache_generation_ = 0;  // bumped by every write: loads older than it are not kept
  std::mutex write_mu_;            // one ingest at a time; guards writer_ and ingest_
  std::unique_ptr<Store> writer_;
  // Keeps the ingest state between requests (declared after writer_, which
  // it borrows: destroyed first).
  std::unique_ptr<IngestSession> ingest_;
};

}  // namespace veille::serve

#endif  // VEILLE_SERVE_CATALOG_H_
