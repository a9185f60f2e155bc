// PageReader: the DocumentReader for a whole-file page (HTML or text): the
// input is one document. Memory is bounded by IngestOptions::max_document_bytes
// plus one read buffer. Used from one thread at a time.
#ifndef VEILLE_INGEST_PAGE_READER_H_
#define VEILLE_INGEST_PAGE_READER_H_

#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "veille/article.h"
#include "veille/ingest.h"

namespace veille::ingest {

// Returns a reader whose first Next() yields all the bytes of `stream` as one
// RawDocument {input, record 0, format, bytes}; later calls return false.
// Errors (returned once, then Next() returns false), each naming `input`:
//   - kResourceExhausted "document exceeds the N MiB limit (...)" when the
//     stream holds more than options.max_document_bytes; reading stops at the
//     first byte over the limit, so nothing larger is ever held;
//   - kInvalidInput "empty input" for no bytes or only ASCII whitespace (a
//     UTF-8 BOM included);
//   - the stream's own error (kIoError, kCorruption).
// REQUIRES: format is kHtml or kText.
std::unique_ptr<DocumentReader> NewPageReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              DocFormat format, const IngestOptions& options);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_PAGE_READER_H_
