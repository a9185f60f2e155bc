// Parameter parsing and response helpers shared by the API and web routes.
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "common/iso_time.h"
#include "serve/html.h"
#include "serve/routes.h"

namespace veille::serve {

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidInput:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kResourceExhausted:
      return 413;
    case StatusCode::kUnsupported:
      return 501;
    default:
      return 500;
  }
}

void Json(httplib::Response& res, const nlohmann::json& body, int status) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                  "application/json; charset=utf-8");
}

void JsonError(httplib::Response& res, int status, const std::string& message) {
  Json(res, {{"error", {{"status", status}, {"message", message}}}}, status);
}

void JsonError(httplib::Response& res, const Status& s) {
  JsonError(res, HttpStatusOf(s), s.ToString());
}

void Html(httplib::Response& res, std::string body, int status) {
  res.status = status;
  res.set_content(std::move(body), "text/html; charset=utf-8");
}

void HtmlError(httplib::Response& res, int status, const std::string& message) {
  Html(res,
       Page(std::to_string(status),
            "<section class=\"error\"><h1>" + std::to_string(status) + "</h1><p>" +
                HtmlEscape(message) + "</p><p><a href=\"/\">Back to the stories</a></p></section>"),
       status);
}

Result<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t fallback,
                         int64_t min, int64_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  if (v.empty()) return fallback;
  int64_t x = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || end != v.data() + v.size() || x < min || x > max) {
    return Status::InvalidInput(
        fmt::format("parameter '{}' must be an integer from {} to {}", name, min, max));
  }
  return x;
}

Result<int64_t> TimeParam(const httplib::Request& req, const char* name, int64_t fallback) {
  if (!req.has_param(name) || req.get_param_value(name).empty()) return fallback;
  const std::string v = req.get_param_value(name);
  if (v.size() > 40) return Status::InvalidInput(fmt::format("parameter '{}' is too long", name));
  int64_t x = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec == std::errc() && end == v.data() + v.size()) return x;
  Result<std::string> iso = NormalizeIsoTime(v);
  if (!iso.ok()) {
    return Status::InvalidInput(
        fmt::format("parameter '{}' must be unix seconds or an ISO 8601 date", name));
  }
  return IsoToUnixSeconds(*iso);
}

Result<std::string> StringParam(const httplib::Request& req, const char* name, size_t max_chars) {
  if (!req.has_param(name)) return std::string();
  std::string v = req.get_param_value(name);
  if (v.size() > max_chars) {
    return Status::InvalidInput(
        fmt::format("parameter '{}' is longer than {} bytes", name, max_chars));
  }
  return v;
}

Result<StoryListOptions> StoryListParams(const httplib::Request& req, const ServeOptions& options) {
  StoryListOptions o;
  VEILLE_ASSIGN_OR_RETURN(o.limit, IntParam(req, "limit", 20, 1, options.max_page_size));
  VEILLE_ASSIGN_OR_RETURN(o.offset, IntParam(req, "offset", 0, 0, 1'000'000));
  VEILLE_ASSIGN_OR_RETURN(o.since, TimeParam(req, "since", o.since));
  VEILLE_ASSIGN_OR_RETURN(o.until, TimeParam(req, "until", o.until));
  VEILLE_ASSIGN_OR_RETURN(o.lang, StringParam(req, "lang", 16));
  VEILLE_ASSIGN_OR_RETURN(o.site, StringParam(req, "site", 256));
  VEILLE_ASSIGN_OR_RETURN(o.entity_id, IntParam(req, "entity", 0, 0, INT64_MAX));
  VEILLE_ASSIGN_OR_RETURN(o.storyline_id, IntParam(req, "storyline", 0, 0, INT64_MAX));
  VEILLE_ASSIGN_OR_RETURN(std::string order, StringParam(req, "order", 16));
  if (order.empty() || order == "importance") {
    o.order = StoryListOptions::Order::kImportance;
  } else if (order == "recent") {
    o.order = StoryListOptions::Order::kRecent;
  } else {
    return Status::InvalidInput("parameter 'order' must be 'importance' or 'recent'");
  }
  return o;
}

Result<SearchRequest> SearchParams(const httplib::Request& req, const ServeOptions& options) {
  SearchRequest r;
  VEILLE_ASSIGN_OR_RETURN(r.q, StringParam(req, "q", options.max_query_chars));
  VEILLE_ASSIGN_OR_RETURN(r.limit, IntParam(req, "limit", 20, 1, options.max_page_size));
  VEILLE_ASSIGN_OR_RETURN(r.offset, IntParam(req, "offset", 0, 0, 1000));
  VEILLE_ASSIGN_OR_RETURN(r.since, TimeParam(req, "since", r.since));
  VEILLE_ASSIGN_OR_RETURN(r.until, TimeParam(req, "until", r.until));
  VEILLE_ASSIGN_OR_RETURN(r.lang, StringParam(req, "lang", 16));
  VEILLE_ASSIGN_OR_RETURN(r.site, StringParam(req, "site", 256));
  VEILLE_ASSIGN_OR_RETURN(r.storyline_id, IntParam(req, "storyline", 0, 0, INT64_MAX));
  return r;
}

Result<ArticleListOptions> ArticleListParams(const httplib::Request& req,
                                             const ServeOptions& options) {
  ArticleListOptions o;
  VEILLE_ASSIGN_OR_RETURN(o.limit, IntParam(req, "limit", 20, 1, options.max_page_size));
  VEILLE_ASSIGN_OR_RETURN(o.offset, IntParam(req, "offset", 0, 0, INT64_MAX / 2));
  return o;
}

bool AuthorizeWrite(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string& token = ctx.options.token;
  if (token.empty()) {
    if (ctx.writes_allowed_without_token) {
      // A page of another site can POST to 127.0.0.1 without asking (a
      // "simple" request); a custom header makes the browser ask first,
      // and this server never allows another origin.
      if (req.has_header("X-Veille-Write")) return true;
      JsonError(res, 403, "write refused: send the header X-Veille-Write: 1 (or set VEILLE_TOKEN)");
      return false;
    }
    JsonError(res, 403, "write endpoints are disabled: set VEILLE_TOKEN to enable them");
    return false;
  }
  const std::string auth = req.get_header_value("Authorization");
  const std::string expected = "Bearer " + token;
  // Constant-time comparison.
  unsigned diff = auth.size() != expected.size() ? 1 : 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    diff |= static_cast<unsigned char>(i < auth.size() ? auth[i] : 0) ^
            static_cast<unsigned char>(expected[i]);
  }
  if (diff != 0) {
    res.set_header("WWW-Authenticate", "Bearer");
    JsonError(res, 401, "missing or wrong bearer token");
    return false;
  }
  return true;
}

}  // namespace veille::serve
