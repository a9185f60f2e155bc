// The HTTP message inside a WARC "response" record: status line and headers
// parsed, body de-chunked and decompressed (gzip, deflate), within a size
// bound. Pure functions; thread-safe.
#ifndef VEILLE_INGEST_WARC_HTTP_H_
#define VEILLE_INGEST_WARC_HTTP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "veille/status.h"

namespace veille::ingest {

struct HttpResponse {
  int status = 0;  // e.g. 200
  // Header fields in order, names lowercased, values trimmed (folded lines joined).
  std::vector<std::pair<std::string, std::string>> headers;
  size_t body_offset = 0;  // where the body starts in the message

  // The first value of header `name` (lowercase), or "".
  std::string_view Header(std::string_view name) const;
};

// Parses the status line and headers at the start of `message` ("HTTP/1.1
// 200 OK\r\n...\r\n\r\n"; bare LF line ends accepted). Returns kInvalidInput
// "malformed HTTP status line" / "HTTP headers do not end" when the message
// is not an HTTP response head.
Result<HttpResponse> ParseHttpResponseHead(std::string_view message);

// The media type of a Content-Type value, lowercased, without parameters.
std::string MediaType(std::string_view content_type);

// Decodes `body` in place per the response's Transfer-Encoding (chunked) and
// Content-Encoding (gzip, x-gzip, deflate; identity). Crawlers often store a
// body already decoded while keeping the original headers: a body that is
// not chunked-shaped, or not gzip/deflate data, is kept as it is. Errors:
// kResourceExhausted when the decoded body would exceed `max_bytes`;
// kUnsupported for another content coding (br, compress...); kCorruption for
// damaged compressed data.
Status DecodeHttpBody(const HttpResponse& response, size_t max_bytes, std::string* body);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_WARC_HTTP_H_
