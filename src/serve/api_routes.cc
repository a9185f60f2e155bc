// The JSON API (docs/api.md).
#include <algorithm>
#include <map>

#include "serve/api_json.h"
#include "serve/routes.h"

namespace veille::serve {
namespace {

// Leases a store or answers 503.
#define VEILLE_SERVE_LEASE_(ctx, res, var)             \
  Result<StorePool::Lease> var = (ctx).pool.Acquire(); \
  if (!var.ok()) return JsonError(res, 503, var.status().ToString())

int64_t PathId(const httplib::Request& req) {
  // The patterns only match digits; bounded to 18 of them.
  return std::stoll(req.matches[1].str());
}

}  // namespace

void RegisterApiRoutes(Context& ctx, const Route& route) {
  route("GET", "/api/stories", "api_stories",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          Result<StoryListOptions> o = StoryListParams(req, ctx.options);
          if (!o.ok()) return JsonError(res, o.status());
          VEILLE_SERVE_LEASE_(ctx, res, store);
          Result<std::vector<StoryRow>> rows = (*store)->ListStories(*o);
          if (!rows.ok()) return JsonError(res, rows.status());
          nlohmann::json items = nlohmann::json::array();
          for (const StoryRow& s : *rows) items.push_back(StoryListItemJson(s));
          Json(res, {{"stories", std::move(items)}, {"limit", o->limit}, {"offset", o->offset}});
        });

  route("GET", R"(/api/stories/(\d{1,18}))", "api_story",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          // Its articles are paged like any list (a story can have thousands).
          Result<int64_t> limit = IntParam(req, "limit", 50, 1, ctx.options.max_page_size);
          Result<int64_t> offset = IntParam(req, "offset", 0, 0, 10'000'000);
          if (!limit.ok()) return JsonError(res, limit.status());
          if (!offset.ok()) return JsonError(res, offset.status());
          VEILLE_SERVE_LEASE_(ctx, res, store);
          Result<StoryRow> s = (*store)->GetStory(PathId(req));
          if (!s.ok()) return JsonError(res, s.status());
          Result<std::vector<StoryMemberView>> members =
              (*store)->ListStoryMembersPage(s->id, *limit, *offset);
          if (!members.ok()) return JsonError(res, members.status());
          nlohmann::json j = StoryJson(*s, *members, /*with_summary=*/false);
          j["limit"] = *limit;
          j["offset"] = *offset;
          res.set_content(WithRawSummary(j, s->summary_json) + "\n",
                          "application/json; charset=utf-8");
        });

  route("GET", "/api/storylines", "api_storylines",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          Result<int64_t> limit = IntParam(req, "limit", 20, 1, ctx.options.max_page_size);
          if (!limit.ok()) return JsonError(res, limit.status());
          VEILLE_SERVE_LEASE_(ctx, res, store);
          Result<std::vector<std::pair<int64_t, int64_t>>> pairs = (*store)->ListStorylines();
          if (!pairs.ok()) return JsonError(res, pairs.status());
          std::map<int64_t, std::vector<int64_t>> lines;  // storyline -> stories
          for (const auto& [story, line] : *pairs) lines[line].push_back(story);
          // Largest storylines first.
          std::vector<std::pair<int64_t, std::vector<int64_t>>> sorted(lines.begin(), lines.end());
          std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return a.second.size() > b.second.size();
          });
          nlohmann::json out = nlohmann::json::array();
          for (const auto& [line, stories] : sorted) {
            if (static_cast<int64_t>(out.size()) >= *limit) break;
            nlohmann::json items = nlohmann::json::array();
            for (int64_t id : stories) {
              if (items.size() >= 50) break;
              if (Result<StoryRow> s = (*store)->GetStory(id); s.ok()) {
                items.push_back(StoryListItemJson(*s));
              }
            }
            out.push_back({{"id", line},
                           {"story_count", static_cast<int64_t>(stories.size())},
                           {"stories", std::move(items)}});
          }
          Json(res, {{"storylines", std::move(out)}});
        });

  route("GET", "/api/articles", "api_articles",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          Result<ArticleListOptions> o = ArticleListParams(req, ctx.options);
          if (!o.ok()) return JsonError(res, o.status());
          VEILLE_SERVE_LEASE_(ctx, res, store);
          Result<std::vector<StoredArticle>> rows = (*store)->ListArticles(*o);
          if (!rows.ok()) return JsonError(res, rows.status());
          nlohmann::json items = nlohmann::json::array();
          for (const StoredArticle& a : *rows) items.push_back(ArticleJson(a, false));
          Json(res, {{"articles", std::move(items)}, {"limit", o->limit}, {"offset", o->offset}});
        });

  route("GET", R"(/api/articles/(\d{1,18}))", "api_article",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          VEILLE_SERVE_LEASE_(ctx, res, store);
          Result<StoredArticle> a = (*store)->GetArticle(PathId(req));
          if (!a.ok()) return JsonError(res, a.status());
          nlohmann::json j = ArticleJson(*a, true);
          nlohmann::json copies = nlohmann::json::array();
          if (Result<std::vector<CopyLinkRow>> links = (*store)->ListCopies(a->id); links.ok()) {
            for (const CopyLinkRow& c : *links) {
              copies.push_back({{"original_id", c.original_id},
                                {"copy_id", c.copy_id},
                                {"overlap", c.overlap},
                                {"exact", c.exact}});
            }
          }
          j["copies"] = std::move(copies);
          Result<StoryMember> m = (*store)->GetStoryMember(a->id);
          j["story_id"] = m.ok() ? nlohmann::json(m->story_id) : nlohmann::json(nullptr);
          Json(res, j);
        });

  route("GET", R"(/api/articles/(\d{1,18})/similar)", "api_similar",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          Result<int64_t> limit = IntParam(req, "limit", 10, 1, ctx.options.max_page_size);
          if (!limit.ok()) return JsonError(res, limit.status());
          VEILLE_SERVE_LEASE_(ctx, res, store);
          Result<std::vector<SimilarArticle>> similar =
              ctx.catalog.Similar(**store, PathId(req), *limit);
          if (!similar.ok()) return JsonError(res, similar.status());
          nlohmann::json items = nlohmann::json::array();
          for (const SimilarArticle& s : *similar) items.push_back(SimilarJson(s));
          Json(res, {{"id", PathId(req)}, {"similar", std::move(items)}});
        });

  route(
      "GET", "/api/search", "api_search",
      [&ctx](const httplib::Request& req, httplib::Response& res) {
        Result<SearchRequest> r = SearchParams(req, ctx.options);
        if (!r.ok()) return JsonError(res, r.status());
        if (r->q.empty()) return JsonError(res, 400, "parameter 'q' is required");
        VEILLE_SERVE_LEASE_(ctx, res, store);
        Result<std::vector<SearchHit>> hits = ctx.catalog.Search(**store, *r);
        if (!hits.ok()) return JsonError(res, hits.status());
        nlohmann::json items = nlohmann::json::array();
        for (const SearchHit& h : *hits) items.push_back(SearchHitJson(h));
        Json(res,
             {{"q", r->q}, {"hits", std::move(items)}, {"limit", r->limit}, {"offset", r->offset}});
      });

  route("GET", "/api/entities", "api_entities",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          Result<int64_t> limit = IntParam(req, "limit", 50, 1, ctx.options.max_page_size);
          Result<int64_t> offset = IntParam(req, "offset", 0, 0, 10'000'000);
          Result<std::string> kind = StringParam(req, "kind", 16);
          if (!limit.ok()) return JsonError(res, limit.status());
          if (!offset.ok()) return JsonError(res, offset.status());
          if (!kind.ok()) return JsonError(res, kind.status());
          VEILLE_SERVE_LEASE_(ctx, res, store);
          auto list = ctx.catalog.Entities(**store);
          if (!list.ok()) return JsonError(res, list.status());
          nlohmann::json items = nlohmann::json::array();
          int64_t skipped = 0;
          for (const EntitySummary& e : **list) {
            if (static_cast<int64_t>(items.size()) >= *limit) break;
            if (!kind->empty() && *kind != EntityKindName(e.entity.kind)) continue;
            if (skipped++ < *offset) continue;
            items.push_back(EntityJson(e));
          }
          Json(res, {{"entities", std::move(items)}, {"limit", *limit}, {"offset", *offset}});
        });

  route("POST", "/api/ingest", "api_ingest",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          if (!AuthorizeWrite(ctx, req, res)) return;
          if (req.body.empty()) return JsonError(res, 400, "empty request body");
          Result<std::string> name = StringParam(req, "name", 200);
          if (!name.ok()) return JsonError(res, name.status());
          const std::string input = name->empty() ? "POST /api/ingest" : "POST " + *name;
          Result<IngestReport> report = ctx.catalog.Ingest(input, req.body);
          if (!report.ok()) return JsonError(res, report.status());
          ctx.metrics.AddIngest(report->summary.documents, report->summary.errors);
          // As the CLI: a body of which nothing could be read is an error.
          const bool failed = report->summary.errors > 0 && report->summary.documents == 0;
          Json(res, IngestReportJson(*report), failed ? 422 : 200);
        });

  route("DELETE", R"(/api/articles/(\d{1,18}))", "api_delete",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          if (!AuthorizeWrite(ctx, req, res)) return;
          const int64_t id = PathId(req);
          if (Status s = ctx.catalog.Delete(id); !s.ok()) return JsonError(res, s);
          Json(res, {{"deleted", id}});
        });

  route("GET", R"(/api/.*)", "api_unknown",
        [](const httplib::Request& req, httplib::Response& res) {
          JsonError(res, 404, "no such endpoint: " + req.path);
        });
}

}  // namespace veille::serve
