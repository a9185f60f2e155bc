// libFuzzer target for the JSONL reader, its line reader and the gzip decoder:
// the input is read as JSONL directly, then as gzip data whose decoded bytes
// are read as JSONL; every document and error is drained. Also runs format
// detection and binary sniffing on the same bytes. Must never crash, hang or
// grow memory beyond the configured line bound.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/format_detect.h"
#include "ingest/jsonl_reader.h"
#include "veille/ingest.h"

namespace {

void Drain(veille::DocumentReader& reader) {
  veille::RawDocument doc;
  // Each call consumes at least one line or ends the input; the bound only
  // guards against a reader bug turning into an endless loop.
  for (int calls = 0; calls < 1 << 20; ++calls) {
    veille::Result<bool> got = reader.Next(&doc);
    if (got.ok() && !*got) return;
  }
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // Small reads and a small line bound reach the buffer-boundary paths.
  const size_t chunk = size > 0 ? 1 + data[0] % 64 : 1;
  veille::IngestOptions options;
  options.max_document_bytes = 4096;

  (void)veille::ingest::DetectFormat(bytes, "fuzz.jsonl");
  (void)veille::ingest::SniffBinary(bytes);

  auto plain = veille::ingest::NewJsonlReader("fuzz", veille::ingest::NewMemoryStream(bytes, chunk),
                                              options);
  Drain(*plain);

  auto gzipped = veille::ingest::NewJsonlReader(
      "fuzz.gz", veille::ingest::NewGzipStream(veille::ingest::NewMemoryStream(bytes, chunk)),
      options);
  Drain(*gzipped);
  return 0;
}
