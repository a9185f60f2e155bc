#include <fmt/format.h>

#include "veille/config.h"

namespace veille {

Status Config::Validate() const {
  if (db_path.empty()) return Status::InvalidInput("db: the database path is empty");
  if (ingest.max_document_bytes < 1024 || ingest.max_document_bytes > (size_t{1} << 31)) {
    return Status::InvalidInput(fmt::format(
        "max_document_mb: {} bytes is out of range (1 KiB to 2 GiB)", ingest.max_document_bytes));
  }
  if (store.raw_compression_level < 1 || store.raw_compression_level > 19) {
    return Status::InvalidInput("raw_compression_level: must be 1 to 19");
  }
  if (store.busy_timeout_ms < 0) return Status::InvalidInput("busy_timeout_ms: must be >= 0");
  VEILLE_RETURN_IF_ERROR(analyze.Validate());
  if (commit_every < 1) return Status::InvalidInput("commit_every: must be >= 1");
  VEILLE_RETURN_IF_ERROR(stories.summary.Validate());
  return Status::Ok();
}

}  // namespace veille
