// Pipeline: the one place that chains the stages (ingest -> extract ->
// analyze -> store) and persists their output, one transaction per input at
// most. Used by the CLI now and by the server later. One pipeline per thread;
// the AnalysisResources may be shared by all of them.
#ifndef VEILLE_PIPELINE_H_
#define VEILLE_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "veille/analyze.h"
#include "veille/article.h"
#include "veille/collect.h"
#include "veille/config.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille {

// What happened to one document (or one input that could not be read).
struct IngestEvent {
  // kInfo: something an input's reader passed over (not an error), in `warning`.
  enum class Kind : uint8_t { kStored, kKnown, kRevised, kError, kWarning, kInfo };
  Kind kind = Kind::kStored;
  std::string input;
  int64_t record = 0;      // record in the input (JSONL line), 0 for a whole file
  int64_t article_id = 0;  // for kStored/kKnown/kRevised
  int64_t revision = 0;
  std::string title;
  Status error;         // for kError: names the input and the reason
  std::string warning;  // for kWarning and kInfo
  int64_t bytes = 0;    // raw bytes of the document
};

struct IngestSummary {
  int64_t inputs = 0;     // files (or stdin) opened
  int64_t documents = 0;  // documents read and extracted
  int64_t stored = 0;     // new articles
  int64_t known = 0;      // already stored, unchanged
  int64_t revised = 0;    // new revisions of known articles
  int64_t errors = 0;     // inputs or records that failed
  int64_t warnings = 0;
  int64_t bytes = 0;  // raw bytes of the documents read
  // OPML lists among the inputs are imported as sources, not read as articles.
  int64_t sources_added = 0;
  int64_t sources_known = 0;  // already subscribed
};

// Called for each event; keep it cheap (it runs on the ingest thread).
using IngestCallback = std::function<void(const IngestEvent&)>;

// The analysis stage's read-only resources (stop words, gazetteers, alias
// tables), loaded once per process; immutable, so one instance may serve
// every pipeline and thread. The pipeline recognises entities with `entities`
// (the analyzer is built with find_entities off) so that the registry and
// the recognizer share one copy of the gazetteers.
struct AnalysisResources {
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<const EntityResources> entities;
  bool find_entities = true;  // options.find_entities: recognise entities at all

  // Loads them for `options`: data_dir (else $VEILLE_DATA_DIR, else the source
  // tree's data/) and the entity files under it unless options.entities names
  // them. Errors as Analyzer::Create and EntityResources::Load.
  static Result<std::unique_ptr<const AnalysisResources>> Load(const AnalyzeOptions& options);
};

// Runs `paths` (files, folders, "-") through ingest, extraction, analysis and
// the store. Every stored revision gets its features (PutFeatures); the
// document frequencies and the entity registry are loaded from the store at
// the start and their changes written in the same transactions as the
// articles (a rolled-back transaction reloads them, so memory never drifts
// from the store). A reader's skipped records give one kInfo event per input.
// An OPML list among them subscribes its feeds (see Subscribe; nothing is
// fetched) and counts in sources_added / sources_known.
// Every error belongs to one input or record and is reported through `on_event`;
// the batch goes on. Each input is committed in its own transaction(s) of at
// most config.commit_every documents, so a failure or a kill leaves the store
// with every earlier commit intact and no partial row.
// Loads the AnalysisResources from config.analyze (a failure is reported as
// one error and nothing is ingested), or borrows `analysis`.
IngestSummary IngestPaths(const std::vector<std::string>& paths, const Config& config, Store& store,
                          const IngestCallback& on_event);
IngestSummary IngestPaths(const std::vector<std::string>& paths, const Config& config,
                          const AnalysisResources& analysis, Store& store,
                          const IngestCallback& on_event);

// Runs one in-memory input (a page, a JSONL batch or a feed: an HTTP request
// body, say) through the same path as IngestPaths: format detected from the
// bytes, one transaction of at most config.commit_every documents at a
// time, events and errors as IngestPaths reports them with `name` as the
// input. A document without a canonical URL is keyed by a hash of its bytes
// ("upload:..."), so posting it again finds it known.
IngestSummary IngestBuffer(std::string_view name, std::string bytes, const Config& config,
                           const AnalysisResources& analysis, Store& store,
                           const IngestCallback& on_event);

namespace pipeline {
class AnalysisState;
}  // namespace pipeline

// IngestBuffer for a long-running process (serve): the analysis state
// (document frequencies, entity registry, the joinable stories) is loaded
// from the store at the first call and kept between calls, instead of being
// loaded again for every input; it is reloaded only when another process
// (or a delete) has written the store since, or after a failed commit.
// One call at a time; `analysis` and `store` are borrowed and must outlive
// the session.
class IngestSession {
 public:
  IngestSession(const Config& config, const AnalysisResources& analysis, Store& store);
  ~IngestSession();
  IngestSession(const IngestSession&) = delete;
  IngestSession& operator=(const IngestSession&) = delete;

  // As IngestBuffer.
  IngestSummary Ingest(std::string_view name, std::string bytes, const IngestCallback& on_event);

 private:
  const Config config_;
  const AnalysisResources& analysis_;
  Store& store_;
  std::unique_ptr<pipeline::AnalysisState> state_;  // null until the first call
};

// ---- Stories (src/pipeline/story_state.h, recluster.cc) ----
// Ingest places each new article (config.stories): copy links, its story,
// the storylines, in the transaction that stores it.

struct ReclusterReport {
  int64_t articles = 0;    // analysed articles placed
  int64_t stories = 0;     // stories built
  int64_t kept_ids = 0;    // stories that kept an old id
  int64_t storylines = 0;  // storylines linking them
};

// Rebuilds every story and storyline from the stored features with
// config.stories (after a settings change or an upgrade), replaying the
// articles in publication-time order, in one transaction: on failure the
// old stories stay. A new story keeps the id of the old story with which it
// shares more than half of both stories' members; the others get ids above
// every id used before. Copy links are kept.
Result<ReclusterReport> Recluster(const Config& config, const AnalysisResources& analysis,
                                  Store& store);

// The identity of a document for idempotent ingest: its canonical URL, else
// "file:" + absolute path (+ "#" + record for a record of a container), else
// for standard input "stdin:" + a hash of its bytes.
std::string DocumentKey(const RawDocument& raw, const Article& article);

// Reads `path` and extracts every document without touching a store; calls
// `on_article` with each article (or on_error for a failed input/record).
void ExtractPaths(const std::vector<std::string>& paths, const Config& config,
                  const std::function<void(const RawDocument&, const Article&)>& on_article,
                  const std::function<void(const Status&)>& on_error);

// ---- Live collection (collect_pipeline.cc) ----
// The collect stage only fetches bytes; this pipeline reads them (a feed's
// items or a page), completes teaser items by fetching their page, extracts,
// stores, and keeps each source's polling state.

struct CollectOptions {
  FetchOptions fetch;
  ScheduleOptions schedule;
  // A feed item is a teaser, and its linked page is fetched and extracted in
  // its place, when its text is shorter than this many characters or ends
  // with an ellipsis or a "read more" link ("…", "[...]", "Read more", "Lire
  // la suite"...). Larger catches longer summaries, at one page fetch each.
  size_t teaser_max_chars = 500;
  // The page replaces the teaser only when its article text is at least this
  // many times longer (else the teaser is kept: the page had nothing more).
  double full_text_min_ratio = 1.5;
  // Fetch the pages of teaser items at all.
  bool fetch_full_text = true;
  // `watch` with no source due and none subscribed re-reads the source list
  // this often (a source added meanwhile is picked up), seconds.
  int64_t idle_recheck_s = 60;

  Status Validate() const;
};

// Whether an item's extracted text is only a teaser (see CollectOptions).
bool LooksLikeTeaser(std::string_view text, const CollectOptions& options);

// What one fetch of one URL (a source or not) gave.
struct PollReport {
  std::string url;
  Status status;                        // OK, or why the fetch (or the store) failed
  bool not_modified = false;            // 304: nothing read
  SourceKind kind = SourceKind::kAuto;  // what the response was
  int64_t documents = 0;                // items (or the page) read and extracted
  int64_t new_items = 0;                // of which stored as new articles or revisions
  int64_t full_text = 0;                // teaser items replaced by their fetched page
  bool interrupted = false;             // stopped early by the stop flag; the rest on next poll
};

// Fetches, reads, extracts and stores, one URL or one source at a time. Uses
// the Store and Fetcher it is given from the calling thread only.
// Per-document outcomes go to on_event (as IngestPaths reports them, with the
// URL as input and the item number as record).
class CollectPipeline {
 public:
  // All references are borrowed and must outlive the pipeline. `analysis`
  // (borrowed too) may be null: the resources are then loaded from
  // config.analyze at the first store, and a failure to load them fails
  // that poll.
  CollectPipeline(const Config& config, const CollectOptions& options, Fetcher& fetcher,
                  Store& store, Clock& clock, IngestCallback on_event,
                  const AnalysisResources* analysis = nullptr);
  // Big stories' summaries that waited for more members (see
  // pipeline/story_state.h) are made whole when the stream goes idle (Watch
  // between polls, after FetchOnce) and at destruction.
  ~CollectPipeline();
  CollectPipeline(const CollectPipeline&) = delete;
  CollectPipeline& operator=(const CollectPipeline&) = delete;

  // Fetches `url` once and stores what it holds. A subscribed URL is polled
  // as Poll does (conditional GET, state updated); another is fetched
  // unconditionally and leaves no state.
  PollReport FetchOnce(const std::string& url);

  // Polls one subscribed source: conditional GET with its validators, its
  // items (or page) stored in transactions of at most config.commit_every
  // documents, then its state (status, error, validators, items seen, next
  // poll on the adaptive schedule or the error back-off) written. A failure
  // stores nothing of this poll but the state. When *stop turns true midway
  // (stop may be null), the documents already fetched are stored and the
  // validators are kept, so the next poll reads the rest.
  PollReport Poll(Source& source, const std::atomic<bool>* stop = nullptr);

  // Polls the subscribed sources, each when its next_poll comes (new ones at
  // once), sleeping on the clock in between, until *stop turns true; the
  // poll in progress then finishes storing what it fetched. Calls on_poll
  // after each poll. Returns an error only when the source list cannot be read.
  Status Watch(const std::atomic<bool>& stop,
               const std::function<void(const PollReport&)>& on_poll);

  // Counts over every document this pipeline handled.
  const IngestSummary& summary() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Subscribes `urls` (feeds or pages, kind detected at the first fetch) and the
// feeds of `opml_paths` (OPML lists: files or "-") without fetching anything.
struct SubscribeSummary {
  int64_t added = 0;
  int64_t already = 0;  // subscribed before
  int64_t errors = 0;
};
SubscribeSummary Subscribe(const std::vector<std::string>& urls,
                           const std::vector<std::string>& opml_paths, const Config& config,
                           const CollectOptions& options, Store& store,
                           const std::function<void(const Status&)>& on_error);

}  // namespace veille

#endif  // VEILLE_PIPELINE_H_
