// Ingest: turns inputs (files, folders, stdin; plain or gzip) into a stream of
// RawDocuments. One DocumentReader per input; readers for each format sit
// behind the same interface (HTML page, text page, JSONL; feeds and WARC later).
// A reader is used from one thread at a time; distinct readers are independent.
#ifndef VEILLE_INGEST_H_
#define VEILLE_INGEST_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille {

struct IngestOptions {
  // Largest single document (a page, or one JSONL record's line), in bytes,
  // after gzip decoding. Larger documents are rejected with kResourceExhausted
  // without being held in memory; the rest of the input goes on.
  size_t max_document_bytes = 20u << 20;
  // Forces the format of every input (kUnknown: detect from content, then name).
  DocFormat forced_format = DocFormat::kUnknown;
};

// Streams the documents of one input.
class DocumentReader {
 public:
  virtual ~DocumentReader() = default;

  // Reads the next document into *doc (overwriting it).
  // Returns true when *doc was filled, false at the end of the input, or an
  // error naming the input and record for a bad record. After a record error
  // the caller may call Next() again to go on with the following records; when
  // the input cannot be read further (a truncated gzip member, an I/O error),
  // the error is returned once and the next call returns false.
  virtual Result<bool> Next(RawDocument* doc) = 0;
};

// Opens one input: a file path, or "-" for standard input. Gzip is decoded
// transparently (by content, whatever the name). The format is detected from
// the first bytes (then the file extension) unless options.forced_format is set.
// Returns kNotFound / kIoError when the input cannot be opened, kInvalidInput
// for content that is neither text, HTML nor JSONL (binary data).
Result<std::unique_ptr<DocumentReader>> OpenInput(const std::string& path,
                                                  const IngestOptions& options);

// Opens an in-memory input (bytes fetched over HTTP, a WARC payload, an API
// request body) as OpenInput does a file: gzip decoded, format detected
// unless forced. `name` names the input in documents and errors (a URL, say);
// `content_type` (may be empty) is passed to the documents as their charset
// hint. Same errors as OpenInput.
Result<std::unique_ptr<DocumentReader>> OpenBuffer(std::string name, std::string bytes,
                                                   std::string content_type,
                                                   const IngestOptions& options);

// Expands paths into the list of input files: a file is kept as given, a folder
// is walked recursively (symlinked folders are not followed, hidden entries are
// skipped, and only files with a document extension -- .html .htm .xhtml
// .shtml .txt .text .jsonl .ndjson .json, optionally .gz -- or none are taken),
// in a stable sorted order; "-" stays "-". A path that does not exist
// yields an error entry so that the caller reports it and goes on.
struct InputEntry {
  std::string path;
  Status status;  // OK, or why this path cannot be read
};
std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace veille

#endif  // VEILLE_INGEST_H_
