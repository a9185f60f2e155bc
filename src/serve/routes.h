// Internal to src/serve: what the route files share — the request context,
// parameter parsing with bounds, response helpers.
#ifndef VEILLE_SERVE_ROUTES_H_
#define VEILLE_SERVE_ROUTES_H_

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "serve/catalog.h"
#include "serve/metrics.h"
#include "serve/server.h"
#include "serve/store_pool.h"
#include "veille/store.h"

namespace veille::serve {

struct Context {
  const ServeOptions& options;
  StorePool& pool;
  Catalog& catalog;
  Metrics& metrics;
  bool writes_allowed_without_token;  // listening on loopback
};

// Adds a route: `name` labels its metrics.
using Route = std::function<void(const char* method, const char* pattern, const char* name,
                                 httplib::Server::Handler handler)>;

void RegisterApiRoutes(Context& ctx, const Route& route);
void RegisterWebRoutes(Context& ctx, const Route& route);

// HTTP status for a Status code (kNotFound 404, kInvalidInput 400, ...).
int HttpStatusOf(const Status& s);

// {"error": {"status": N, "message": "..."}} with that status.
void JsonError(httplib::Response& res, int status, const std::string& message);
void JsonError(httplib::Response& res, const Status& s);
void Json(httplib::Response& res, const nlohmann::json& body, int status = 200);
void Html(httplib::Response& res, std::string body, int status = 200);
// An HTML error page.
void HtmlError(httplib::Response& res, int status, const std::string& message);

// Integer parameter `name` in [min, max], `fallback` when absent;
// kInvalidInput when present but not an integer in range.
Result<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t fallback,
                         int64_t min, int64_t max);
// A time parameter: unix seconds or an ISO 8601 date/date-time.
Result<int64_t> TimeParam(const httplib::Request& req, const char* name, int64_t fallback);
// A string parameter of at most max_chars bytes ("" when absent).
Result<std::string> StringParam(const httplib::Request& req, const char* name, size_t max_chars);

// The filters and paging of the story list (lang, site, entity, storyline,
// since, until, order, limit, offset).
Result<StoryListOptions> StoryListParams(const httplib::Request& req, const ServeOptions& options);
// q (required, bounded) and the filters of search.
Result<SearchRequest> SearchParams(const httplib::Request& req, const ServeOptions& options);
// limit/offset for articles.
Result<ArticleListOptions> ArticleListParams(const httplib::Request& req,
                                             const ServeOptions& options);

// Checks the write token; on refusal fills `res` (401/403) and returns false.
bool AuthorizeWrite(const Context& ctx, const httplib::Request& req, httplib::Response& res);

// The embedded static files: content type and body, or null when unknown.
struct StaticFile {
  const char* content_type;
  std::string_view body;
};
const StaticFile* FindStaticFile(std::string_view name);

}  // namespace veille::serve

#endif  // VEILLE_SERVE_ROUTES_H_
