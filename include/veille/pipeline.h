// Pipeline: the one place that chains the stages (ingest -> extract -> store)
// and persists their output, one transaction per input at most. Used by the
// CLI now and by the server later. One IngestPipeline per thread.
#ifndef VEILLE_PIPELINE_H_
#define VEILLE_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "veille/article.h"
#include "veille/config.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille {

// What happened to one document (or one input that could not be read).
struct IngestEvent {
  enum class Kind : uint8_t { kStored, kKnown, kRevised, kError, kWarning };
  Kind kind = Kind::kStored;
  std::string input;
  int64_t record = 0;      // record in the input (JSONL line), 0 for a whole file
  int64_t article_id = 0;  // for kStored/kKnown/kRevised
  int64_t revision = 0;
  std::string title;
  Status error;         // for kError: names the input and the reason
  std::string warning;  // for kWarning
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
};

// Called for each event; keep it cheap (it runs on the ingest thread).
using IngestCallback = std::function<void(const IngestEvent&)>;

// Runs `paths` (files, folders, "-") through ingest, extraction and the store.
// Every error belongs to one input or record and is reported through `on_event`;
// the batch goes on. Each input is committed in its own transaction(s) of at
// most config.commit_every documents, so a failure or a kill leaves the store
// with every earlier commit intact and no partial row.
IngestSummary IngestPaths(const std::vector<std::string>& paths, const Config& config, Store& store,
                          const IngestCallback& on_event);

// The identity of a document for idempotent ingest: its canonical URL, else
// "file:" + absolute path (+ "#" + record for a record of a container), else
// for standard input "stdin:" + a hash of its bytes.
std::string DocumentKey(const RawDocument& raw, const Article& article);

// Reads `path` and extracts every document without touching a store; calls
// `on_article` with each article (or on_error for a failed input/record).
void ExtractPaths(const std::vector<std::string>& paths, const Config& config,
                  const std::function<void(const RawDocument&, const Article&)>& on_article,
                  const std::function<void(const Status&)>& on_error);

}  // namespace veille

#endif  // VEILLE_PIPELINE_H_
