#include "cli/json_views.h"

namespace veille::cli {
namespace {

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json RelatedView(const std::vector<RelatedLink>& related) {
  nlohmann::json out = nlohmann::json::array();
  for (const RelatedLink& r : related) {
    out.push_back({{"title", r.title}, {"snippet", OrNull(r.snippet)}, {"url", OrNull(r.url)}});
  }
  return out;
}

}  // namespace

nlohmann::json ExtractView(const std::string& input, const Article& a) {
  return {{"input", input},
          {"url", OrNull(a.url)},
          {"title", OrNull(a.title)},
          {"author", OrNull(a.author)},
          {"published", OrNull(a.published)},
          {"site", OrNull(a.site)},
          {"lang", OrNull(a.lang)},
          {"text", a.text},
          {"related", RelatedView(a.related)}};
}

nlohmann::json StoredArticleView(const StoredArticle& s, bool with_text) {
  const Article& a = s.article;
  nlohmann::json j = {{"id", s.id},
                      {"revision", s.revision},
                      {"revisions", s.revision_count},
                      {"key", s.doc_key},
                      {"input", s.input},
                      {"format", s.format},
                      {"ingested_at", s.ingested_at},
                      {"url", OrNull(a.url)},
                      {"title", OrNull(a.title)},
                      {"author", OrNull(a.author)},
                      {"published", OrNull(a.published)},
                      {"site", OrNull(a.site)},
                      {"lang", OrNull(a.lang)}};
  if (s.record > 0) j["record"] = s.record;
  if (with_text) {
    j["text"] = a.text;
    j["related"] = RelatedView(a.related);
    if (!a.warnings.empty()) j["warnings"] = a.warnings;
  }
  return j;
}

nlohmann::json ExportView(const StoredArticle& s) {
  const Article& a = s.article;
  nlohmann::json j = nlohmann::json::object();
  if (!s.extra_json.empty()) {
    nlohmann::json extra = nlohmann::json::parse(s.extra_json, nullptr, false);
    if (extra.is_object()) j = std::move(extra);
  }
  // Empty fields are left out rather than null, so the JSONL reader (which
  // takes strings) reads every record back.
  auto put = [&j](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  j["id"] = s.id;
  put("url", a.url);
  put("title", a.title);
  put("author", a.author);
  put("published", a.published);
  put("site", a.site);
  put("lang", a.lang);
  j["text"] = a.text;
  if (a.url.empty()) put("input", s.input);
  return j;
}

std::string Dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace veille::cli
