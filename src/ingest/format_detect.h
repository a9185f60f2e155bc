// Format detection for one input: JSONL, WARC, feed, OPML, HTML or text, from its first bytes
// and (as a tie-breaker) its name; and binary sniffing, to reject images,
// archives and executables before any reader sees them.
// Pure functions; thread-safe.
#ifndef VEILLE_INGEST_FORMAT_DETECT_H_
#define VEILLE_INGEST_FORMAT_DETECT_H_

#include <cstddef>
#include <string_view>

#include "veille/article.h"

namespace veille::ingest {

// How many leading bytes DetectFormat and SniffBinary look at.
inline constexpr size_t kSniffBytes = 4096;

// Detects the format of an input from `head` (its first bytes after gzip
// decoding; only the first kSniffBytes are examined) and `path` (its name; a
// ".gz" suffix is ignored). Content decides first:
//   - kWarc when the first non-blank bytes are "WARC/1." (a WARC record);
//   - kFeed when the root element (after an XML declaration, comments,
//     processing instructions and a doctype) is <rss>, an Atom <feed> (its
//     start tag names http://www.w3.org/2005/Atom or the Atom 0.3 URI), or
//     an RSS 1.0/0.90 <x:RDF> (its start tag names the RSS 1.0 or 0.90 URI);
//     kOpml when it is <opml>. Checked before HTML, since a feed's bodies
//     are full of HTML tags;
//   - kJsonl when the first non-blank byte is '{' and the first line looks
//     like a JSON object ('{' then a '"' key or '}', and, when the whole line
//     is in `head`, ending with '}'); the line is not parsed.
//   - kHtml when markup (a doctype, <html, <head, <body, <meta, <div, <p,
//     <article, <title and other common tags; case-insensitive) appears in the
//     first kSniffBytes. A BOM, whitespace, comments and an XML declaration may
//     lead; UTF-16/32 with a BOM is examined too.
//   - kText otherwise.
// The extension (.html/.htm/.xhtml, .txt, .jsonl/.ndjson, .rss/.atom/.xml/.rdf
// -> kFeed, .opml, .warc) decides only when
// the content is ambiguous: blank, or starting with '{' without looking like
// JSON. Never returns kUnknown.
DocFormat DetectFormat(std::string_view head, std::string_view path);

// True when `head` starts with "WARC/1." (a WARC/1.0 or 1.1 record). WARC
// files may hold binary payloads, so this is checked before SniffBinary.
bool HasWarcMagic(std::string_view head);

// Returns why `head` (the first bytes after gzip decoding) is binary data, as
// a short noun phrase ("PNG image", "ZIP archive", "NUL bytes"), or "" when it
// may be text. NUL bytes are accepted after a UTF-16 or UTF-32 byte-order mark.
// The returned view points to static storage.
std::string_view SniffBinary(std::string_view head);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_FORMAT_DETECT_H_
