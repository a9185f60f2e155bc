// The ingest pipeline's shared body (ingest_pipeline.cc): IngestPaths runs
// it over files, IngestBuffer (ingest_buffer.cc) over one in-memory input,
// so both take the same per-document path (extract, store, analyse, commit).
#ifndef VEILLE_PIPELINE_INGEST_DOCUMENTS_H_
#define VEILLE_PIPELINE_INGEST_DOCUMENTS_H_

#include <memory>
#include <string>
#include <vector>

#include "veille/ingest.h"
#include "veille/pipeline.h"

namespace veille::pipeline {

// One opened in-memory input (OpenBuffer) and the name it is reported under.
struct BufferInput {
  std::string name;
  std::unique_ptr<DocumentReader> reader;
};

class AnalysisState;

// Ingests `paths`, or only `buffer` when it is not null (paths are then
// ignored). See IngestPaths for the contract. With `kept_state`, the
// analysis state it holds is used (loaded into it first when it is null) and
// left there for the next call; otherwise one is loaded for this call.
IngestSummary IngestDocuments(const std::vector<std::string>& paths, BufferInput* buffer,
                              const Config& config, const AnalysisResources& analysis, Store& store,
                              const IngestCallback& on_event,
                              std::unique_ptr<AnalysisState>* kept_state = nullptr);

// The key of a document read from a buffer: its canonical URL, else
// "upload:" + a hash of its bytes (a buffer has no path to name it by).
std::string BufferDocumentKey(const RawDocument& raw, const Article& article);

}  // namespace veille::pipeline

#endif  // VEILLE_PIPELINE_INGEST_DOCUMENTS_H_
