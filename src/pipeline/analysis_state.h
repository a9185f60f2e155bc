// AnalysisState: the analysis stage's per-process state held by the pipeline
// — the document frequencies and the entity registry — loaded once from the
// store, fed one stored revision at a time, and persisted by deltas in the
// transaction that stores the revisions (docs/architecture.md, "Analyze").
// One owner thread, like the Store it writes to.
//
// Invariant: term_df counts exactly the articles whose latest revision has
// features; in memory, DF and registry equal the store's committed rows plus
// the pending changes of the open transaction. Hence the protocol:
//   Begin; (PutArticle; Add)*; Flush; Commit; Committed
// and, when anything fails after Begin, Rollback then Reload.
// Other processes may write the same store (watch, serve, ingest): each
// commit bumps the store's write generation, and the first Add of a
// transaction reloads everything when the generation is not the one this
// state last loaded or committed, so ids (entities, stories) never collide.
#ifndef VEILLE_PIPELINE_ANALYSIS_STATE_H_
#define VEILLE_PIPELINE_ANALYSIS_STATE_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pipeline/story_state.h"
#include "veille/analyze.h"
#include "veille/config.h"
#include "veille/entities.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille::pipeline {

class AnalysisState {
 public:
  // Reads the document frequencies and the entity registry from `store`.
  // Both references are borrowed and must outlive the state.
  // With stories.enabled, each new article is then placed by a StoryState
  // (copy links, story, storylines) in the same transaction.
  static Result<std::unique_ptr<AnalysisState>> Load(const AnalysisResources& resources,
                                                     Store& store, const StoryOptions& stories);
  AnalysisState(const AnalysisState&) = delete;  // owns the registry
  AnalysisState& operator=(const AnalysisState&) = delete;

  // Analyses the revision that PutArticle just stored as `put` (nothing for
  // kKnown, unless that revision has no features yet: a store from before
  // schema 3), resolves its entities in the registry, counts it in the
  // document frequencies (replacing the previous revision's terms) and
  // stores its features. `ingest_date` (ISO 8601) is the reference date when
  // the article has no publication date.
  // REQUIRES: inside the transaction that stored `put`. On error the caller
  // must roll the transaction back and call Reload().
  Status Add(const PutResult& put, const Article& article, std::string_view ingest_date);

  // Writes the pending DF deltas and the registry rows touched since the last
  // commit. REQUIRES: inside the transaction, just before Commit.
  Status Flush();
  // The transaction committed: the pending changes are now the store's.
  void Committed();
  // The transaction was rolled back: re-reads DF and registry from the store.
  Status Reload();
  // Whether some story summaries wait for more members (story_state.h).
  bool has_waiting_summaries() const;
  // Summarises the waiting stories (once at the end of a run; nothing when
  // another process wrote since). REQUIRES: inside a transaction with no
  // Add since the last commit. On error: as for Add.
  Status SettleSummaries();

  // Whether a Reload failed (Add refuses until one succeeds).
  bool broken() const { return broken_; }

  const DocumentFrequencies& document_frequencies() const { return df_; }
  const EntityRegistry& registry() const { return registry_; }

 private:
  AnalysisState(const AnalysisResources& resources, Store& store, const StoryOptions& stories);
  void Count(const TermVector& terms, int64_t sign);

  const AnalysisResources& resources_;
  Store& store_;
  DocumentFrequencies df_;
  EntityRegistry registry_;
  // Changes not yet written by Flush.
  int64_t pending_documents_ = 0;
  std::unordered_map<std::string, int64_t> pending_terms_;
  std::set<int64_t> touched_entities_;
  const StoryOptions story_options_;
  std::unique_ptr<StoryState> stories_;  // null when stories are disabled
  int64_t generation_ = 0;               // the store's write generation this state matches
  int64_t pending_generation_ = 0;       // set by Flush, adopted by Committed
  bool checked_ = false;                 // generation compared in this transaction
  bool broken_ = false;                  // a Reload failed: Add refuses until one succeeds
  std::set<int64_t> waiting_summaries_;  // carried across a Reload (see StoryState)
};

// Completes an extracted article with what its container said and
// extraction did not find: the feed item's author.
void FillFromContainer(const RawDocument& raw, Article* article);

// The event that reports a Put's outcome (kStored, kKnown or kRevised).
IngestEvent::Kind KindOf(PutOutcome outcome);

}  // namespace veille::pipeline

#endif  // VEILLE_PIPELINE_ANALYSIS_STATE_H_
