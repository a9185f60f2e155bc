// One HTTP GET with libcurl, no redirect followed, no retry: the transport
// under CurlFetcher. Thread-safe (each call uses its own easy handle).
#ifndef VEILLE_COLLECT_CURL_REQUEST_H_
#define VEILLE_COLLECT_CURL_REQUEST_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "veille/collect.h"

namespace veille::collect {

struct HttpResponse {
  // The transport outcome: OK when a complete response arrived (whatever its
  // HTTP status); kIoError for network failures and timeouts,
  // kResourceExhausted for a body over the cap, kInvalidInput for a URL
  // libcurl refuses (scheme other than http/https).
  Status transport;
  bool retryable = false;  // a transient transport failure (timeout, reset...)
  int status = 0;
  std::string body;
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string location;  // absolute redirect target of a 3xx, else ""
};

struct HttpGetParams {
  std::string url;
  std::string etag;           // If-None-Match
  std::string last_modified;  // If-Modified-Since
  size_t max_body_bytes = 0;
};

// Performs the GET. Never throws; the result's transport status says whether
// `status` and the rest are meaningful.
HttpResponse HttpGet(const HttpGetParams& params, const FetchOptions& options);

// Splits an absolute URL into "scheme://host:port" (the robots.txt and rate
// limit key, lowercase, explicit port) and path + query ("/" at least).
// kInvalidInput for a URL that is not absolute http(s).
struct UrlParts {
  std::string origin;
  std::string path_and_query;
};
Result<UrlParts> SplitUrl(const std::string& url);

}  // namespace veille::collect

#endif  // VEILLE_COLLECT_CURL_REQUEST_H_
