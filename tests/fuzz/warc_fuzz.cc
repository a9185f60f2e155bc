// libFuzzer target for the WARC reader and its HTTP payload decoding
// (status line, headers, chunked, gzip/deflate): the input is read as a WARC
// file directly and as gzip data, in small reads and with a small record
// bound; every page and error is drained. Must never crash, hang, or hold
// more than one record.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/warc_reader.h"
#include "veille/ingest.h"

namespace {

void Drain(veille::DocumentReader& reader) {
  veille::RawDocument doc;
  // Each call reads at least one record or line, or ends the input.
  for (int calls = 0; calls < 1 << 20; ++calls) {
    veille::Result<bool> got = reader.Next(&doc);
    if (got.ok() && !*got) {
      (void)reader.Skipped();
      return;
    }
  }
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const size_t chunk = size > 0 ? 1 + data[0] % 64 : 1;
  veille::IngestOptions options;
  options.max_document_bytes = 4096;
  auto plain = veille::ingest::NewWarcReader(
      "fuzz.warc", veille::ingest::NewMemoryStream(bytes, chunk), options);
  Drain(*plain);
  auto gzipped = veille::ingest::NewWarcReader(
      "fuzz.warc.gz", veille::ingest::NewGzipStream(veille::ingest::NewMemoryStream(bytes, chunk)),
      options);
  Drain(*gzipped);
  return 0;
}
