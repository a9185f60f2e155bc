// IngestBuffer: one in-memory input (an HTTP request body) through the same
// per-document path as IngestPaths.
#include <xxhash.h>

#include <utility>

#include <fmt/format.h>

#include "pipeline/ingest_documents.h"
#include "veille/pipeline.h"

namespace veille {

std::string pipeline::BufferDocumentKey(const RawDocument& raw, const Article& article) {
  if (!article.url.empty()) return article.url;
  return fmt::format("upload:{:016x}", XXH3_64bits(raw.bytes.data(), raw.bytes.size()));
}

IngestSummary IngestBuffer(std::string_view name, std::string bytes, const Config& config,
                           const AnalysisResources& analysis, Store& store,
                           const IngestCallback& on_event) {
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
  return pipeline::IngestDocuments({}, &buffer, config, analysis, store, on_event);
}

}  // namespace veille
