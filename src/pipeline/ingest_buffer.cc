// IngestBuffer: one in-memory input (an HTTP request body) through the same
// per-document path as IngestPaths.
#include <xxhash.h>

#include <utility>

#include <fmt/format.h>

#include "pipeline/analysis_state.h"
#include "pipeline/ingest_documents.h"
#include "veille/pipeline.h"

namespace veille {

std::string pipeline::BufferDocumentKey(const RawDocument& raw, const Article& article) {
  if (!article.url.empty()) return article.url;
  return fmt::format("upload:{:016x}", XXH3_64bits(raw.bytes.data(), raw.bytes.size()));
}

namespace {

IngestSummary IngestOneBuffer(std::string_view name, std::string bytes, const Config& config,
                              const AnalysisResources& analysis, Store& store,
                              const IngestCallback& on_event,
                              std::unique_ptr<pipeline::AnalysisState>* kept_state) {
  Result<std::unique_ptr<DocumentReader>> reader =
      OpenBuffer(std::string(name), std::move(bytes), std::string(), config.ingest);
  if (!reader.ok()) {
    IngestSummary summary;
    summary.errors = 1;
    IngestEvent e;
    e.kind = IngestEvent::Kind::kError;
    e.error =
        reader.status().input().empty() ? reader.status().At(std::string(name)) : reader.status();
    e.input = e.error.input();
    on_event(e);
    return summary;
  }
  pipeline::BufferInput buffer{std::string(name), std::move(*reader)};
  return pipeline::IngestDocuments({}, &buffer, config, analysis, store, on_event, kept_state);
}

}  // namespace

IngestSummary IngestBuffer(std::string_view name, std::string bytes, const Config& config,
                           const AnalysisResources& analysis, Store& store,
                           const IngestCallback& on_event) {
  return IngestOneBuffer(name, std::move(bytes), config, analysis, store, on_event, nullptr);
}

IngestSession::IngestSession(const Config& config, const AnalysisResources& analysis, Store& store)
    : config_(config), analysis_(analysis), store_(store) {}

IngestSession::~IngestSession() = default;

IngestSummary IngestSession::Ingest(std::string_view name, std::string bytes,
                                    const IngestCallback& on_event) {
  return IngestOneBuffer(name, std::move(bytes), config_, analysis_, store_, on_event, &state_);
}

}  // namespace veille
