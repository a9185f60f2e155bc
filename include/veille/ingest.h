// Ingest: turns inputs (files, folders, stdin; plain or gzip) into a stream of
// RawDocuments. One DocumentReader per input; readers for each format sit
// behind the same interface (HTML page, text page, JSONL, RSS/Atom feed, WARC).
// OPML subscription lists are read with ReadOpml/ReadOpmlInput.
// A reader is used from one thread at a time; distinct readers are independent.
#ifndef VEILLE_INGEST_H_
#define VEILLE_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
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

// Something a container reader passed over without yielding a document (WARC
// request records, non-2xx responses, OPML subscriptions...), and how often.
// Informational: these are not errors.
struct SkipCount {
  std::string what;  // a plural noun phrase, e.g. "request records", "non-2xx responses"
  int64_t count = 0;
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

  // What the reader has skipped so far, in a stable order, counts > 0 only;
  // complete once Next() has returned false. Empty for page and JSONL readers.
  // A CLI prints it as one informational line per input ("skipped: 3 request
  // records, 1 revisit record"); the reader of an OPML list reports its
  // subscriptions here ("feed subscriptions (import them with `veille sources
  // add`)"), since it yields no documents.
  virtual std::vector<SkipCount> Skipped() const { return {}; }
};

// Opens one input: a file path, or "-" for standard input. Gzip is decoded
// transparently (by content, whatever the name). The format is detected from
// the first bytes (then the file extension) unless options.forced_format is set.
// Feeds yield one document per item, WARC files one per HTML page; an OPML
// list yields no documents (it is a list of sources, not articles: read it
// with ReadOpmlInput; the reader's Skipped() counts its subscriptions).
// Returns kNotFound / kIoError when the input cannot be opened, kInvalidInput
// for content that is neither text, HTML, JSONL, a feed, OPML nor WARC
// (binary data).
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

// The format OpenInput would read `path` as ("-" is not accepted: standard
// input cannot be read twice: kInvalidInput): gzip decoded, first bytes sniffed, extension
// as tie-breaker, options.forced_format honoured. Lets a caller route an
// input before opening it (an OPML list to `sources add`, say). Returns
// kUnknown for binary content; kNotFound / kIoError as OpenInput.
Result<DocFormat> DetectInputFormat(const std::string& path, const IngestOptions& options);

// One subscription of an OPML list: an <outline> with an xmlUrl.
struct Subscription {
  std::string url;       // the feed's URL (xmlUrl), resolved against the list's URL when relative
  std::string title;     // title, else text attribute; "" when absent
  std::string html_url;  // the site's home page (htmlUrl), "" when absent
  std::string category;  // the enclosing outlines' titles joined by "/" (e.g. "News/Asia"),
                         // else the category attribute; "" at top level
};

// Reads the subscriptions of an OPML 1.0/2.0 list held in `bytes` (gzip
// decoded). `name` names the list in errors (a path or URL; relative xmlUrl
// values are resolved against it when it is an absolute http(s) URL).
// Outlines without xmlUrl are folders; nested folders give the category.
// Duplicate URLs are kept once (the first). The list is one document: its
// size is bounded by options.max_document_bytes (kResourceExhausted beyond).
// Returns kInvalidInput, naming `name` and the XML line, for malformed XML
// or a root element other than <opml>; entity expansion, DTD loading and
// network access are off.
Result<std::vector<Subscription>> ReadOpml(std::string_view name, std::string_view bytes,
                                           const IngestOptions& options);

// As ReadOpml, for a file path or "-" (standard input).
Result<std::vector<Subscription>> ReadOpmlInput(const std::string& path,
                                                const IngestOptions& options);

// Expands paths into the list of input files: a file is kept as given, a folder
// is walked recursively (symlinked folders are not followed, hidden entries are
// skipped, and only files with a document extension -- .html .htm .xhtml
// .shtml .txt .text .jsonl .ndjson .json .rss .atom .rdf .xml .opml .warc,
// optionally .gz -- or none are taken),
// in a stable sorted order; "-" stays "-". A path that does not exist
// yields an error entry so that the caller reports it and goes on.
struct InputEntry {
  std::string path;
  Status status;  // OK, or why this path cannot be read
};
std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace veille

#endif  // VEILLE_INGEST_H_
