// WarcReader: the DocumentReader for WARC/1.0 and WARC/1.1 web archives
// (ISO 28500), plain or gzip with one member per record (the ByteStream
// below does the gunzip): one RawDocument per archived HTML page. Streams
// record by record: memory is bounded by one record
// (IngestOptions::max_document_bytes) whatever the archive's size.
// Used from one thread at a time.
#ifndef VEILLE_INGEST_WARC_READER_H_
#define VEILLE_INGEST_WARC_READER_H_

#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "veille/ingest.h"

namespace veille::ingest {

// Returns a reader yielding one RawDocument per page of the archive in
// `stream`:
//   - a "response" record holding an HTTP response (Content-Type
//     application/http) with a 2xx status and an HTML or XHTML payload (by
//     its Content-Type, or by content when it has none): bytes = the body,
//     de-chunked and decompressed (gzip, deflate); content_type = the HTTP
//     Content-Type (its charset is the extractor's hint); http_status;
//   - a "resource" record whose own Content-Type is HTML: bytes = the block;
// with format kHtml, input = `input`, record = the record's 1-based number in
// the archive, url = WARC-Target-URI, fetched_at = WARC-Date (ISO 8601 UTC),
// extra_json = {"warc_record_id", "warc_type", "last_modified" (the HTTP
// Last-Modified header, ISO 8601 UTC, when readable)}.
// Everything else is skipped and counted in Skipped(): warcinfo, request,
// metadata, revisit, conversion, continuation and unknown records; non-HTTP
// responses (dns:...), non-2xx responses, non-HTML responses and resources.
// Errors, each naming `input` and the record number; the next call goes on:
//   - kInvalidInput "expected a WARC/1.x record header, found ...", "missing
//     Content-Length", "malformed WARC header line": the reader resynchronises
//     on the next line starting with "WARC/1.";
//   - kInvalidInput "declared Content-Length N does not end at a record
//     boundary": the record is dropped (nothing partial is returned) and the
//     reader resynchronises on the next "WARC/1." line, looking inside the
//     dropped block first (a length too long swallows the next record);
//   - kInvalidInput "declared Content-Length N runs past the end of the
//     input": the last call with an error; the next returns false;
//   - kResourceExhausted "record exceeds the 20 MiB limit" for an HTML page
//     larger than options.max_document_bytes (skipped without being held;
//     a larger record of another kind is skipped and counted silently), or
//     whose decoded body would be;
//   - kUnsupported / kCorruption for a body in an unknown or damaged coding;
//   - the stream's error (a truncated or corrupt gzip member, I/O), once,
//     then false.
std::unique_ptr<DocumentReader> NewWarcReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              const IngestOptions& options);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_WARC_READER_H_
