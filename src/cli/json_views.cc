#include "cli/json_views.h"

#include <string_view>

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

// True when `s` is well-formed UTF-8 (Unicode table 3-7: no overlongs,
// surrogates or code points past U+10FFFF), which nlohmann's decoder accepts.
bool IsUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t n;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (static_cast<size_t>(end - p) <= n || p[1] < lo || p[1] > hi) return false;
    for (size_t i = 2; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
    }
    p += n + 1;
  }
  return true;
}

// Appends `s` as a JSON string with nlohmann's escapes (ensure_ascii off):
// \b \t \n \f \r \" \\ and \u00xx (lower-case hex) for other controls.
void AppendString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '\b':
        out->append("\\b");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

// `"key":` then the string, or null when `null_if_empty` and it is empty.
void AppendField(const char* key, const std::string& value, bool null_if_empty, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
  if (null_if_empty && value.empty()) {
    out->append("null");
  } else {
    AppendString(value, out);
  }
}

}  // namespace

void AppendExtractLine(const std::string& input, const Article& a, std::string* out) {
  bool valid = IsUtf8(input) && IsUtf8(a.url) && IsUtf8(a.title) && IsUtf8(a.author) &&
               IsUtf8(a.published) && IsUtf8(a.site) && IsUtf8(a.lang) && IsUtf8(a.text);
  for (const RelatedLink& r : a.related) {
    valid = valid && IsUtf8(r.title) && IsUtf8(r.snippet) && IsUtf8(r.url);
  }
  if (!valid) {
    out->append(Dump(ExtractView(input, a)));
    return;
  }
  // std::map's order: the keys sorted.
  out->push_back('{');
  AppendField("author", a.author, true, out);
  out->push_back(',');
  AppendField("input", input, false, out);
  out->push_back(',');
  AppendField("lang", a.lang, true, out);
  out->push_back(',');
  AppendField("published", a.published, true, out);
  out->append(",\"related\":[");
  for (size_t i = 0; i < a.related.size(); ++i) {
    const RelatedLink& r = a.related[i];
    out->append(i == 0 ? "{" : ",{");
    AppendField("snippet", r.snippet, true, out);
    out->push_back(',');
    AppendField("title", r.title, false, out);
    out->push_back(',');
    AppendField("url", r.url, true, out);
    out->push_back('}');
  }
  out->append("],");
  AppendField("site", a.site, true, out);
  out->push_back(',');
  AppendField("text", a.text, false, out);
  out->push_back(',');
  AppendField("title", a.title, true, out);
  out->push_back(',');
  AppendField("url", a.url, true, out);
  out->push_back('}');
}

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
