// JsonlReader: the DocumentReader for JSONL (one JSON object per line), as
// crawlers and exports give it. Streams line by line: memory is bounded by
// IngestOptions::max_document_bytes (the longest line accepted) and the parsed
// record, whatever the input size. Used from one thread at a time.
#ifndef VEILLE_INGEST_JSONL_READER_H_
#define VEILLE_INGEST_JSONL_READER_H_

#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "veille/ingest.h"

namespace veille::ingest {

// Deepest nesting of arrays and objects accepted in a record (deeper records
// are rejected before parsing: they would only serve to exhaust the stack).
inline constexpr int kMaxJsonDepth = 512;

// Returns a reader yielding one RawDocument per non-blank line of `stream`.
// Record fields (all optional except one of text/html; null = absent):
//   url, title, site (or its synonym "source"; "site" wins when both are
//   given, "source" then stays in extra_json), published (ISO 8601,
//   normalised by NormalizeIsoTime), content_type: strings, copied to the
//   RawDocument field of the same name;
//   html: the page's HTML -> bytes, format kHtml;
//   text: the page as text lines -> bytes, format kText. When both html and
//   text are given, html wins and text is kept in extra_json under "text";
//   every other field (including "charset", which cannot apply to bytes
//   already decoded from a JSON string) -> extra_json, a compact JSON object
//   ("" when there is none).
// Each document has input = `input`, record = its 1-based line number and
// bytes_are_utf8 = true. Blank lines are skipped.
// Errors, each naming `input` and the line; the next call goes on with the
// next line:
//   - kInvalidInput "malformed JSON at column N: reason", "invalid UTF-8 in
//     JSON string (column N)", "record is not a JSON object (found array)",
//     "record has neither \"text\" nor \"html\"", "field \"url\" must be a
//     string (found number)", "invalid date in \"published\": ...",
//     "JSON nested deeper than 512 levels";
//   - kResourceExhausted "record exceeds the 20 MiB limit" for a longer line
//     (skipped without being held in memory).
// A stream error (truncated or corrupt gzip, I/O error) is returned once and
// ends the input: the next call returns false.
std::unique_ptr<DocumentReader> NewJsonlReader(std::string input,
                                               std::unique_ptr<ByteStream> stream,
                                               const IngestOptions& options);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_JSONL_READER_H_
