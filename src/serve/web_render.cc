#include "serve/web_render.h"

#include <fmt/format.h>

#include "serve/api_json.h"
#include "serve/html.h"

namespace veille::serve {
namespace {

std::string Str(const nlohmann::json& obj, const char* key) {
  if (!obj.is_object()) return "";
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

// The article ids of a summary item: "articles" (or "article_ids") as an
// array, else "article" (or "article_id") alone.
std::vector<int64_t> ArticleIds(const nlohmann::json& obj) {
  std::vector<int64_t> ids;
  if (!obj.is_object()) return ids;
  for (const char* key : {"articles", "article_ids"}) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_array()) continue;
    for (const nlohmann::json& v : *it) {
      if (v.is_number_integer()) ids.push_back(v.get<int64_t>());
    }
    return ids;
  }
  for (const char* key : {"article", "article_id"}) {
    const auto it = obj.find(key);
    if (it != obj.end() && it->is_number_integer()) ids.push_back(it->get<int64_t>());
  }
  return ids;
}

const nlohmann::json& Arr(const nlohmann::json& obj, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  if (!obj.is_object()) return kEmpty;
  const auto it = obj.find(key);
  return it != obj.end() && it->is_array() ? *it : kEmpty;
}

const StoryMemberView* FindMember(const std::vector<StoryMemberView>& members, int64_t id) {
  for (const StoryMemberView& m : members) {
    if (m.member.article_id == id) return &m;
  }
  return nullptr;
}

// Links to the articles `ids` named by their site.
std::string SourceLinks(const std::vector<int64_t>& ids,
                        const std::vector<StoryMemberView>& members) {
  // A fact repeated by hundreds of articles links to the first few.
  constexpr size_t kMaxLinks = 8;
  std::string out;
  for (size_t i = 0; i < ids.size() && i < kMaxLinks; ++i) {
    const int64_t id = ids[i];
    const StoryMemberView* m = FindMember(members, id);
    const std::string label =
        m != nullptr && !m->member.site.empty() ? m->member.site : fmt::format("#{}", id);
    out += fmt::format(" <a class=\"src\" href=\"/articles/{}\">{}</a>", id, HtmlEscape(label));
  }
  if (ids.size() > kMaxLinks) {
    out += fmt::format(" <span class=\"meta\">+{} more</span>", ids.size() - kMaxLinks);
  }
  return out;
}

}  // namespace

std::string StoryCard(const StoryRow& s) {
  const nlohmann::json item = StoryListItemJson(s);
  std::string html =
      fmt::format("<article class=\"story\"><h2><a href=\"/stories/{}\">{}</a></h2>", s.id,
                  HtmlEscape(s.headline.empty() ? "(untitled story)" : s.headline));
  if (item["lead"].is_string()) {
    html +=
        "<p class=\"lead\">" + HtmlEscape(Truncate(item["lead"].get<std::string>(), 280)) + "</p>";
  }
  html += fmt::format(
      "<p class=\"meta\"><span class=\"sources\">{} source{}</span> · {} article{} · "
      "<time>{}</time>",
      s.source_count, s.source_count == 1 ? "" : "s", s.article_count,
      s.article_count == 1 ? "" : "s", HtmlEscape(FormatUnixTime(s.last_time)));
  if (!s.lang.empty()) html += " · " + HtmlEscape(s.lang);
  html += "</p>";
  if (!item["key_entities"].empty()) {
    html += "<ul class=\"entities\">";
    for (const nlohmann::json& e : item["key_entities"]) {
      html += "<li>" + HtmlEscape(e.get<std::string>()) + "</li>";
    }
    html += "</ul>";
  }
  return html + "</article>";
}

std::string SnippetHtml(std::string_view snippet) {
  std::string out;
  bool open = false;
  size_t start = 0;
  for (size_t i = 0; i <= snippet.size(); ++i) {
    if (i < snippet.size() && snippet[i] != '[' && snippet[i] != ']') continue;
    out += HtmlEscape(snippet.substr(start, i - start));
    if (i < snippet.size()) {
      if (snippet[i] == '[' && !open) {
        out += "<mark>";
        open = true;
      } else if (snippet[i] == ']' && open) {
        out += "</mark>";
        open = false;
      } else {
        out += snippet[i];
      }
    }
    start = i + 1;
  }
  if (open) out += "</mark>";
  return out;
}

std::string SummaryHtml(const nlohmann::json& summary,
                        const std::vector<StoryMemberView>& members) {
  if (!summary.is_object()) return "<p class=\"muted\">Not summarised yet.</p>";
  std::string html = "<section class=\"summary\"><h2>Summary</h2>";
  const nlohmann::json& sentences = Arr(summary, "sentences");
  if (!sentences.empty()) {
    html += "<ol class=\"sentences\">";
    for (const nlohmann::json& s : sentences) {
      html += "<li>" + HtmlEscape(Str(s, "text")) + SourceLinks(ArticleIds(s), members) + "</li>";
    }
    html += "</ol>";
  }
  const nlohmann::json& entities = Arr(summary, "entities");
  if (!entities.empty()) {
    html += "<h3>Key entities</h3><ul class=\"entities\">";
    for (const nlohmann::json& e : entities) {
      const std::string name = Str(e, "name");
      if (name.empty()) continue;
      const auto id = e.is_object() && e.contains("id") && e["id"].is_number_integer()
                          ? e["id"].get<int64_t>()
                          : 0;
      html += id != 0 ? fmt::format("<li><a href=\"/?entity={}\">{}</a></li>", id, HtmlEscape(name))
                      : "<li>" + HtmlEscape(name) + "</li>";
    }
    html += "</ul>";
  }
  const nlohmann::json& timeline = Arr(summary, "timeline");
  if (!timeline.empty()) {
    html += "<h3>Timeline</h3><dl class=\"timeline\">";
    for (const nlohmann::json& t : timeline) {
      const std::vector<int64_t> ids = ArticleIds(t);
      html += "<dt>" + HtmlEscape(Str(t, "date")) + "</dt><dd>" + HtmlEscape(Str(t, "sentence")) +
              SourceLinks(ids, members) + "</dd>";
    }
    html += "</dl>";
  }
  const nlohmann::json& sources = Arr(summary, "sources");
  if (!sources.empty()) {
    html += "<h3>Sources</h3><ul class=\"sources\">";
    for (const nlohmann::json& s : sources) {
      html += "<li>" + HtmlEscape(Str(s, "site")) + SourceLinks(ArticleIds(s), members) + "</li>";
    }
    html += "</ul>";
  }
  return html + "</section>";
}

std::string SimilarList(const std::vector<SimilarArticle>& similar) {
  if (similar.empty()) return "<p class=\"muted\">Nothing similar found.</p>";
  std::string html = "<ul class=\"similar\">";
  for (const SimilarArticle& s : similar) {
    html += fmt::format(
        "<li><a href=\"/articles/{}\">{}</a> <span class=\"meta\">{} · {:.2f}</span></li>", s.id,
        HtmlEscape(s.title.empty() ? "(untitled)" : s.title), HtmlEscape(s.site), s.score);
  }
  return html + "</ul>";
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (v.empty()) continue;
    out += (out.empty() ? "?" : "&") + UrlEncode(k) + "=" + UrlEncode(v);
  }
  return out;
}

}  // namespace veille::serve
