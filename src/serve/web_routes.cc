// The web UI's list pages: stories (front page), search, articles,
// storylines, entities. Story and article pages: web_pages.cc.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "serve/html.h"
#include "serve/routes.h"
#include "serve/web_render.h"

namespace veille::serve {

void RegisterStoryPages(Context& ctx, const Route& route);  // web_pages.cc

namespace {

std::string Pager(const std::string& path, std::vector<std::pair<std::string, std::string>> params,
                  int64_t offset, int64_t limit, bool more) {
  std::string html = "<nav class=\"pager\">";
  if (offset > 0) {
    auto p = params;
    p.push_back({"offset", std::to_string(std::max<int64_t>(0, offset - limit))});
    html += "<a rel=\"prev\" href=\"" + HtmlEscape(path + QueryString(p)) + "\">← Previous</a>";
  }
  if (more) {
    params.push_back({"offset", std::to_string(offset + limit)});
    html += "<a rel=\"next\" href=\"" + HtmlEscape(path + QueryString(params)) + "\">Next →</a>";
  }
  return html + "</nav>";
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : "";
}

#define VEILLE_WEB_LEASE_(ctx, res, var)               \
  Result<StorePool::Lease> var = (ctx).pool.Acquire(); \
  if (!var.ok()) return HtmlError(res, 503, var.status().ToString())

}  // namespace

void RegisterWebRoutes(Context& ctx, const Route& route) {
  route("GET", "/", "web_front", [&ctx](const httplib::Request& req, httplib::Response& res) {
    Result<StoryListOptions> o = StoryListParams(req, ctx.options);
    if (!o.ok()) return HtmlError(res, 400, o.status().message());
    VEILLE_WEB_LEASE_(ctx, res, store);
    Result<std::vector<StoryRow>> rows = (*store)->ListStories(*o);
    if (!rows.ok()) return HtmlError(res, HttpStatusOf(rows.status()), rows.status().message());
    std::string body = "<h1>Stories</h1>";
    if (rows->empty()) body += "<p class=\"muted\">No stories yet: ingest some articles.</p>";
    body += "<div class=\"stories\">";
    for (const StoryRow& s : *rows) body += StoryCard(s);
    body += "</div>";
    body += Pager("/",
                  {{"lang", o->lang},
                   {"site", o->site},
                   {"entity", o->entity_id ? std::to_string(o->entity_id) : ""},
                   {"storyline", o->storyline_id ? std::to_string(o->storyline_id) : ""},
                   {"order", Param(req, "order")}},
                  o->offset, o->limit, static_cast<int64_t>(rows->size()) == o->limit);
    Html(res, Page("Stories", body));
  });

  route(
      "GET", "/search", "web_search", [&ctx](const httplib::Request& req, httplib::Response& res) {
        Result<SearchRequest> r = SearchParams(req, ctx.options);
        if (!r.ok()) return HtmlError(res, 400, r.status().message());
        std::string body = "<h1>Search</h1>";
        body += fmt::format(
            "<form class=\"filters\" action=\"/search\" method=\"get\">"
            "<input type=\"search\" name=\"q\" value=\"{}\" maxlength=\"{}\" aria-label=\"Words\">"
            "<input name=\"lang\" value=\"{}\" placeholder=\"language (fr)\" size=\"6\">"
            "<input name=\"site\" value=\"{}\" placeholder=\"site\" size=\"14\">"
            "<input name=\"since\" value=\"{}\" placeholder=\"since (2019-04-01)\" size=\"12\">"
            "<input name=\"until\" value=\"{}\" placeholder=\"until\" size=\"12\">"
            "<button type=\"submit\">Search</button></form>",
            HtmlEscape(r->q), ctx.options.max_query_chars, HtmlEscape(r->lang), HtmlEscape(r->site),
            HtmlEscape(Param(req, "since")), HtmlEscape(Param(req, "until")));
        if (!r->q.empty()) {
          VEILLE_WEB_LEASE_(ctx, res, store);
          Result<std::vector<SearchHit>> hits = ctx.catalog.Search(**store, *r);
          if (!hits.ok()) {
            body += "<p class=\"error\">" + HtmlEscape(hits.status().message()) + "</p>";
          } else if (hits->empty()) {
            body += "<p class=\"muted\">No article matches.</p>";
          } else {
            body += "<ol class=\"hits\" start=\"" + std::to_string(r->offset + 1) + "\">";
            for (const SearchHit& h : *hits) {
              body += fmt::format(
                  "<li><a href=\"/articles/{}\">{}</a> <span class=\"meta\">{}</span>"
                  "<p class=\"snippet\">{}</p></li>",
                  h.id, HtmlEscape(h.title.empty() ? "(untitled)" : h.title), HtmlEscape(h.site),
                  SnippetHtml(h.snippet));
            }
            body += "</ol>";
            body += Pager("/search",
                          {{"q", r->q},
                           {"lang", r->lang},
                           {"site", r->site},
                           {"since", Param(req, "since")},
                           {"until", Param(req, "until")}},
                          r->offset, r->limit, static_cast<int64_t>(hits->size()) == r->limit);
          }
        }
        Html(res, Page(r->q.empty() ? "Search" : r->q + " – search", body, r->q));
      });

  route("GET", "/articles", "web_articles",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          Result<ArticleListOptions> o = ArticleListParams(req, ctx.options);
          if (!o.ok()) return HtmlError(res, 400, o.status().message());
          VEILLE_WEB_LEASE_(ctx, res, store);
          Result<std::vector<StoredArticle>> rows = (*store)->ListArticles(*o);
          if (!rows.ok()) return HtmlError(res, 500, rows.status().message());
          std::string body = "<h1>Articles</h1><ol class=\"articles\" start=\"" +
                             std::to_string(o->offset + 1) + "\">";
          for (const StoredArticle& a : *rows) {
            body += fmt::format(
                "<li><a href=\"/articles/{}\">{}</a> <span class=\"meta\">{} · {} · {}</span></li>",
                a.id, HtmlEscape(a.article.title.empty() ? "(untitled)" : a.article.title),
                HtmlEscape(a.article.site), HtmlEscape(a.article.lang),
                HtmlEscape(a.article.published));
          }
          body += "</ol>" + Pager("/articles", {}, o->offset, o->limit,
                                  static_cast<int64_t>(rows->size()) == o->limit);
          Html(res, Page("Articles", body));
        });

  route("GET", "/storylines", "web_storylines",
        [&ctx](const httplib::Request&, httplib::Response& res) {
          VEILLE_WEB_LEASE_(ctx, res, store);
          Result<std::vector<std::pair<int64_t, int64_t>>> pairs = (*store)->ListStorylines();
          if (!pairs.ok()) return HtmlError(res, 500, pairs.status().message());
          std::map<int64_t, std::vector<int64_t>> lines;
          for (const auto& [story, line] : *pairs) lines[line].push_back(story);
          std::vector<std::pair<int64_t, std::vector<int64_t>>> sorted(lines.begin(), lines.end());
          std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return a.second.size() > b.second.size();
          });
          std::string body = "<h1>Storylines</h1>";
          if (sorted.empty()) body += "<p class=\"muted\">No storylines yet.</p>";
          for (size_t i = 0; i < sorted.size() && i < 30; ++i) {
            body += fmt::format(
                "<section class=\"storyline\"><h2><a href=\"/?storyline={0}\">"
                "Storyline {0}</a> <span class=\"meta\">{1} stories</span></h2><ul>",
                sorted[i].first, sorted[i].second.size());
            for (size_t k = 0; k < sorted[i].second.size() && k < 10; ++k) {
              Result<StoryRow> s = (*store)->GetStory(sorted[i].second[k]);
              if (!s.ok()) continue;
              body += fmt::format(
                  "<li><a href=\"/stories/{}\">{}</a> <span class=\"meta\">{}</span>"
                  "</li>",
                  s->id, HtmlEscape(s->headline), HtmlEscape(FormatUnixTime(s->last_time)));
            }
            body += "</ul></section>";
          }
          Html(res, Page("Storylines", body));
        });

  route("GET", "/entities", "web_entities",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          Result<int64_t> offset = IntParam(req, "offset", 0, 0, 10'000'000);
          if (!offset.ok()) return HtmlError(res, 400, offset.status().message());
          VEILLE_WEB_LEASE_(ctx, res, store);
          auto list = ctx.catalog.Entities(**store);
          if (!list.ok()) return HtmlError(res, 500, list.status().message());
          constexpr int64_t kPage = 100;
          std::string body =
              "<h1>Entities</h1><table class=\"entities\"><thead><tr><th>Name</th>"
              "<th>Kind</th><th>Articles</th><th>Variants</th></tr></thead><tbody>";
          const int64_t end = std::min<int64_t>(*offset + kPage, (*list)->size());
          for (int64_t i = *offset; i < end; ++i) {
            const EntitySummary& e = (**list)[i];
            std::string variants;
            for (size_t k = 0; k < e.variants.size() && k < 8; ++k) {
              if (k != 0) variants += ", ";
              variants += HtmlEscape(e.variants[k].surface);
            }
            body += fmt::format(
                "<tr><td><a href=\"/?entity={}\">{}</a></td><td>{}</td><td>{}</td>"
                "<td>{}</td></tr>",
                e.entity.id, HtmlEscape(e.entity.canonical), EntityKindName(e.entity.kind),
                e.articles, variants);
          }
          body += "</tbody></table>" + Pager("/entities", {}, *offset, kPage,
                                             end < static_cast<int64_t>((*list)->size()));
          Html(res, Page("Entities", body));
        });

  RegisterStoryPages(ctx, route);
}

}  // namespace veille::serve
