// HttpGet with the libcurl easy interface (curl_request.h).
// Options that matter: http/https only (also for redirects, which we follow
// ourselves), Accept-Encoding with every encoding libcurl decodes (gzip,
// deflate, br, zstd), connect and total timeouts, a size cap enforced both on
// the announced Content-Length and on the decoded bytes as they arrive (a
// server sending 1 GB is cut at the cap, nothing more is read), no signals
// (thread-safe timeouts).
#include "collect/curl_request.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace veille::collect {
namespace {

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  HttpResponse* response;
  size_t max_body_bytes;
  bool too_big = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->response->body.size() + n > t->max_body_bytes) {
    t->too_big = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->response->body.append(data, n);
  return n;
}

std::string TrimHeaderValue(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) {
    v.remove_suffix(1);
  }
  return std::string(v);
}

bool HeaderIs(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  }
  return true;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  const std::string_view line(data, n);
  HttpResponse& r = *t->response;
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a 1xx): forget the old headers
    r.etag.clear();
    r.last_modified.clear();
  } else if (HeaderIs(line, "etag")) {
    r.etag = TrimHeaderValue(line.substr(5));
  } else if (HeaderIs(line, "last-modified")) {
    r.last_modified = TrimHeaderValue(line.substr(14));
  }
  return n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

bool IsRetryable(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<UrlParts> SplitUrl(const std::string& url) {
  std::unique_ptr<CURLU, UrlDeleter> h(curl_url());
  if (!h) return Status::Internal("curl_url: out of memory");
  if (curl_url_set(h.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return Status::InvalidInput("not an absolute URL").At(url);
  }
  auto part = [&](CURLUPart which, unsigned flags) -> std::string {
    char* value = nullptr;
    if (curl_url_get(h.get(), which, &value, flags) != CURLUE_OK || value == nullptr) return "";
    std::string out(value);
    curl_free(value);
    return out;
  };
  std::string scheme = part(CURLUPART_SCHEME, 0);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (scheme != "http" && scheme != "https") {
    return Status::InvalidInput("scheme '" + scheme + "' is not http or https").At(url);
  }
  std::string host = part(CURLUPART_HOST, 0);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (host.empty()) return Status::InvalidInput("URL without a host").At(url);
  UrlParts parts;
  parts.origin = scheme + "://" + host + ":" + part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
  parts.path_and_query = part(CURLUPART_PATH, 0);
  if (parts.path_and_query.empty()) parts.path_and_query = "/";
  if (const std::string query = part(CURLUPART_QUERY, 0); !query.empty()) {
    parts.path_and_query += "?" + query;
  }
  return parts;
}

HttpResponse HttpGet(const HttpGetParams& params, const FetchOptions& options) {
  GlobalInitOnce();
  HttpResponse r;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    r.transport = Status::Internal("curl_easy_init failed").At(params.url);
    return r;
  }
  CURL* c = curl.get();
  Transfer transfer{&r, params.max_body_bytes};
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&](const std::string& h) {
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  };
  add_header(
      "Accept: application/rss+xml, application/atom+xml, application/xml;q=0.9, "
      "text/html;q=0.9, */*;q=0.5");
  if (!params.etag.empty()) add_header("If-None-Match: " + params.etag);
  if (!params.last_modified.empty()) add_header("If-Modified-Since: " + params.last_modified);

  curl_easy_setopt(c, CURLOPT_URL, params.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // all encodings libcurl can decode
  curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout_ms));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_ms));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(params.max_body_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);

  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    r.body.clear();  // nothing partial leaves this function
    if (transfer.too_big || code == CURLE_FILESIZE_EXCEEDED) {
      r.transport = Status::ResourceExhausted("response larger than the " +
                                              std::to_string(params.max_body_bytes) + "-byte bound")
                        .At(params.url);
    } else if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT) {
      r.transport = Status::InvalidInput(curl_easy_strerror(code)).At(params.url);
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      r.transport =
          Status::IoError("timed out (" + std::to_string(options.timeout_ms) + " ms transfer, " +
                          std::to_string(options.connect_timeout_ms) + " ms connect)")
              .At(params.url);
      r.retryable = true;
    } else {
      r.transport = Status::IoError(curl_easy_strerror(code)).At(params.url);
      r.retryable = IsRetryable(code);
    }
    return r;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  r.status = static_cast<int>(status);
  char* content_type = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK && content_type) {
    r.content_type = content_type;
  }
  char* location = nullptr;
  if (r.status >= 300 && r.status < 400 &&
      curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
    r.location = location;
  }
  return r;
}

}  // namespace veille::collect
