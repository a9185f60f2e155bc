// FeedReader: the DocumentReader for RSS 0.90/0.91/0.92/1.0 (RDF)/2.0 and
// Atom 1.0 (and 0.3) feeds: one RawDocument per item or entry, streamed with
// XmlStream so that a feed of 100k items is read in memory bounded by one
// item (IngestOptions::max_document_bytes) plus the parser's buffers.
// Used from one thread at a time.
#ifndef VEILLE_INGEST_FEED_READER_H_
#define VEILLE_INGEST_FEED_READER_H_

#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "veille/ingest.h"

namespace veille::ingest {

// Returns a reader yielding one RawDocument per item (RSS) or entry (Atom) of
// the feed in `stream`. Elements are recognised by namespace URI, never by
// prefix. For each item:
//   - record: its 1-based number in the feed; input: `input`;
//   - bytes: content:encoded, else Atom <content> (inline), else description
//     / Atom <summary>; format kHtml when that body carries HTML (Atom
//     type="html"/"xhtml", or markup found in an RSS body), else kText; ""
//     (format kHtml) when the item has no body at all (a link-only item:
//     the caller may fetch the link); bytes_are_utf8 = true;
//   - url: <link> (Atom: rel="alternate", else the first link without rel),
//     else a permalink <guid>, else rdf:about; resolved against xml:base,
//     the input's name when it is an absolute URL, then the channel's link;
//   - title, author (dc:creator, RSS <author>, Atom author/name, the feed's
//     Atom author by default), site (the feed's title);
//   - published: <pubDate> (RFC 822), dc:date, Atom <published> (or 0.3
//     <issued>), else the Atom <updated>, normalised to ISO 8601 UTC;
//   - extra_json: {"guid", "categories" (RSS category, dc:subject, Atom
//     category label or term), "updated", "summary" (the description when
//     the body came from full content), "feed_title", "feed_url",
//     "unparsed_date" (a date that could not be read)} -- absent keys omitted.
// Errors, each naming `input`:
//   - kInvalidInput "not a feed: root element <x>" (record 0), "not XML
//     (...)", "malformed XML (line N): reason" or "entity expansion refused
//     (...)" -- with the item number as record when inside an item; the items
//     before it have been returned (except those ending within libxml2's
//     ~4 KiB read-ahead of the error), the one in progress is dropped, and
//     the next call returns false;
//   - kResourceExhausted "item exceeds the 20 MiB limit" for an item larger
//     than options.max_document_bytes (skipped; reading goes on);
//   - the stream's error (truncated gzip...), once, then false.
std::unique_ptr<DocumentReader> NewFeedReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              const IngestOptions& options);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_FEED_READER_H_
