// libFuzzer target for the OPML subscription-list reader: the input is read
// with ReadOpml (plain or gzip, detected by content) under a URL name (so
// relative xmlUrl values are resolved) and through OpenBuffer's reader.
// Must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "veille/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  veille::IngestOptions options;
  options.max_document_bytes = 8192;
  (void)veille::ReadOpml("https://fuzz.example/list.opml", bytes, options);
  options.forced_format = veille::DocFormat::kOpml;
  auto reader = veille::OpenBuffer("fuzz.opml", bytes, "", options);
  if (reader.ok()) {
    veille::RawDocument doc;
    for (int calls = 0; calls < 16; ++calls) {
      veille::Result<bool> got = (*reader)->Next(&doc);
      if (got.ok() && !*got) break;
    }
    (void)(*reader)->Skipped();
  }
  return 0;
}
