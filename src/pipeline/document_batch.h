// DocumentBatch: extracted documents waiting to be stored, written in one
// transaction per batch; the events of a batch are reported only once it has
// committed, so that what is reported as stored is stored. Used by the
// collect pipeline (network work happens between batches, never inside a
// transaction). One thread at a time, like the Store it writes to.
#ifndef VEILLE_PIPELINE_DOCUMENT_BATCH_H_
#define VEILLE_PIPELINE_DOCUMENT_BATCH_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille::pipeline {

class DocumentBatch {
 public:
  // All references are borrowed. `max_size` documents at most per transaction.
  DocumentBatch(Store& store, const IngestCallback& on_event, IngestSummary& summary,
                int64_t max_size)
      : store_(store), on_event_(on_event), summary_(summary), max_size_(max_size) {}

  // Queues one document (reporting its extraction warnings now); flushes
  // when the batch is full.
  void Add(RawDocument raw, Article article);
  // Writes the queued documents in one transaction and reports their events,
  // or, when the transaction fails, one error for the documents lost.
  void Flush();
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
  std::vector<std::pair<RawDocument, Article>> queued_;
  bool store_failed_ = false;
};

}  // namespace veille::pipeline

#endif  // VEILLE_PIPELINE_DOCUMENT_BATCH_H_
