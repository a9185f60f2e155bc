// The values that flow between stages: a RawDocument as read from an input,
// and the Article that extraction makes of it. Plain movable structs with
// public fields; a stage takes them by const& or && and returns new ones.
#ifndef VEILLE_ARTICLE_H_
#define VEILLE_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace veille {

// How a document's bytes are to be read.
enum class DocFormat : uint8_t {
  kUnknown = 0,
  kHtml,   // an HTML page (raw bytes, any charset)
  kText,   // a page already flattened to text lines, as a crawler gives it
  kJsonl,  // one JSON object per line (a container: yields other documents)
  kFeed,   // an RSS 0.9x/1.0/2.0 or Atom feed (a container: one document per item)
  kOpml,   // an OPML subscription list (yields no documents: subscriptions)
  kWarc,   // a WARC/1.0-1.1 web archive (a container: one document per HTML page)
};

// "html", "text", "jsonl", "feed", "opml", "warc" or "unknown".
const char* DocFormatName(DocFormat f);

// One document as read from an input, before extraction. `bytes` are the raw
// input bytes (not yet decoded); the other fields are hints the container gave
// (a JSONL record's url/title/site/published, an HTTP header's charset).
struct RawDocument {
  std::string input;   // where it was read: a path, "-" for stdin, or a URL
  int64_t record = 0;  // 1-based record number in a container (JSONL line); 0 for a whole file
  DocFormat format = DocFormat::kUnknown;  // kHtml or kText once read
  std::string bytes;  // the document's raw bytes (bounded by the reader's options)

  // Hints from the container; empty when absent.
  std::string url;
  std::string title;
  std::string site;
  std::string published;        // ISO 8601 as given, or normalised by the reader
  std::string content_type;     // e.g. an HTTP Content-Type value carrying a charset
  std::string extra_json;       // a JSONL record's unknown fields, as a JSON object ("" if none);
                                // a feed item's guid, categories, updated, feed title...
  bool bytes_are_utf8 = false;  // true when the container guarantees UTF-8 (JSON strings, XML)
  std::string author;           // a feed item's author (dc:creator, Atom author/name, RSS author)
  std::string fetched_at;       // when the page was captured (WARC-Date), ISO 8601 UTC
  int http_status = 0;          // the HTTP status of a captured response (WARC); 0 when none
};

// A teaser of another article found on a page (aggregator "similar news").
struct RelatedLink {
  std::string title;
  std::string snippet;
  std::string url;
};

// What extraction makes of a RawDocument. All strings are valid UTF-8, NFC.
// Fields that could not be determined are empty.
struct Article {
  std::string url;  // canonical URL ("" for a file without one)
  std::string title;
  std::string author;
  std::string published;  // ISO 8601: a date, or a date-time in the page's own offset when it
                          // gives one (so [0,10) is the local day), else UTC "Z"
  std::string site;       // the outlet's name (or host)
  std::string lang;       // ISO 639-1 code, e.g. "fr"
  std::string text;       // main text; paragraphs separated by blank lines
  std::string image_url;
  std::vector<RelatedLink> related;
  // Diagnostics that did not stop extraction (charset repaired, bytes replaced).
  std::vector<std::string> warnings;
};

}  // namespace veille

#endif  // VEILLE_ARTICLE_H_
