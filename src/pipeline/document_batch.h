// DocumentBatch: extracted documents waiting to be stored, written with
// their analysis features (pipeline/analysis_state.h) in one transaction per
// batch; the events of a batch are reported only once it has committed, so
// that what is reported as stored is stored. Used by the
// collect pipeline (network work happens between batches, never inside a
// transaction). One thread at a time, like the Store it writes to.
#ifndef VEILLE_PIPELINE_DOCUMENT_BATCH_H_
#define VEILLE_PIPELINE_DOCUMENT_BATCH_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/analysis_state.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille::pipeline {

class DocumentBatch {
 public:
  // All references are borrowed. `max_size` documents at most per
  // transaction. `analysis` (borrowed, may be null) serves the analysis;
  // when null, resources are loaded from `analyze_options` at the first
  // Flush (a failure to load them fails that batch).
  DocumentBatch(Store& store, const IngestCallback& on_event, IngestSummary& summary,
                int64_t max_size, const AnalyzeOptions& analyze_options,
                const StoryOptions& story_options, const AnalysisResources* analysis)
      : store_(store),
        on_event_(on_event),
        summary_(summary),
        max_size_(max_size),
        analyze_options_(analyze_options),
        story_options_(story_options),
        analysis_(analysis) {}

  // Queues one document (reporting its extraction warnings now); flushes
  // when the batch is full.
  void Add(RawDocument raw, Article article);
  // Writes the queued documents and their features in one transaction and
  // reports their events, or, when the transaction fails, one error for the
  // documents lost (the analysis state is then reloaded from the store).
  void Flush();
  // Summarises, in one transaction, the stories whose summaries waited for
  // more members (see StoryState): called when the stream goes idle, so a
  // stored summary is whole again. Failures are reported through Fail.
  void SettleSummaries();
  // Reports an error / a warning about one input or record.
  void Fail(const Status& status);
  void Warn(const std::string& input, int64_t record, const std::string& warning);

  // Whether a Put or a commit failed since the last ResetFailed().
  bool failed() const { return store_failed_; }
  void ResetFailed() { store_failed_ = false; }

 private:
  Store& store_;
  const IngestCallback& on_event_;
  IngestSummary& summary_;
  const int64_t max_size_;
  const AnalyzeOptions analyze_options_;
  const StoryOptions story_options_;
  const AnalysisResources* analysis_;
  std::unique_ptr<const AnalysisResources> owned_analysis_;  // when analysis_ was null
  std::unique_ptr<AnalysisState> state_;                     // loaded at the first Flush
  // Loads state_ (and owned_analysis_) if needed.
  Status EnsureState();
  std::vector<std::pair<RawDocument, Article>> queued_;
  bool store_failed_ = false;
};

}  // namespace veille::pipeline

#endif  // VEILLE_PIPELINE_DOCUMENT_BATCH_H_
