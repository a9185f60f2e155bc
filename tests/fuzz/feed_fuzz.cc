// libFuzzer target for the RSS/Atom feed reader and XmlStream (libxml2's
// streaming reader with entity expansion, DTD loading and network off): the
// input is read as a feed directly and as gzip data; every item and error is
// drained. Also runs format detection. Must never crash, hang, or expand
// entities.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/feed_reader.h"
#include "ingest/format_detect.h"
#include "veille/ingest.h"

namespace {

void Drain(veille::DocumentReader& reader) {
  veille::RawDocument doc;
  // Each call consumes at least one node or ends the input; the bound only
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
  const size_t chunk = size > 0 ? 1 + data[0] % 64 : 1;
  veille::IngestOptions options;
  options.max_document_bytes = 4096;

  (void)veille::ingest::DetectFormat(bytes, "fuzz.rss");

  auto plain = veille::ingest::NewFeedReader(
      "https://fuzz.example/feed", veille::ingest::NewMemoryStream(bytes, chunk), options);
  Drain(*plain);
  auto gzipped = veille::ingest::NewFeedReader(
      "fuzz.xml.gz", veille::ingest::NewGzipStream(veille::ingest::NewMemoryStream(bytes, chunk)),
      options);
  Drain(*gzipped);
  return 0;
}
