// The web UI's story and article pages.
#include <fmt/format.h>

#include <set>

#include "serve/api_json.h"
#include "serve/html.h"
#include "serve/routes.h"
#include "serve/web_render.h"

namespace veille::serve {
namespace {

constexpr int64_t kSimilarShown = 6;

std::string MemberItem(const StoryMemberView& m) {
  const std::string url = SafeHttpUrl(m.url);
  std::string html = fmt::format(
      "<li><a href=\"/articles/{}\">{}</a> <span class=\"meta\">{}", m.member.article_id,
      HtmlEscape(m.title.empty() ? "(untitled)" : m.title), HtmlEscape(m.member.site));
  if (!m.published.empty()) html += " · " + HtmlEscape(m.published);
  html += "</span>";
  if (!url.empty()) {
    html += " <a class=\"out\" rel=\"noopener noreferrer nofollow\" href=\"" + HtmlEscape(url) +
            "\">source ↗</a>";
  }
  return html;
}

int64_t PathId(const httplib::Request& req) { return std::stoll(req.matches[1].str()); }

// Similar articles from other stories than `story_id`, one per story.
std::vector<SimilarArticle> SimilarElsewhere(Context& ctx, Store& store, int64_t article_id,
                                             int64_t story_id) {
  std::vector<SimilarArticle> out;
  Result<std::vector<SimilarArticle>> similar =
      ctx.catalog.Similar(store, article_id, kSimilarShown * 4);
  if (!similar.ok()) return out;
  std::set<int64_t> stories = {story_id};
  for (SimilarArticle& s : *similar) {
    if (static_cast<int64_t>(out.size()) >= kSimilarShown) break;
    Result<StoryMember> m = store.GetStoryMember(s.id);
    const int64_t other = m.ok() ? m->story_id : -s.id;  // unclustered: its own
    if (!stories.insert(other).second) continue;
    out.push_back(std::move(s));
  }
  return out;
}

#define VEILLE_PAGE_LEASE_(ctx, res, var)              \
  Result<StorePool::Lease> var = (ctx).pool.Acquire(); \
  if (!var.ok()) return HtmlError(res, 503, var.status().ToString())

}  // namespace

void RegisterStoryPages(Context& ctx, const Route& route) {
  route(
      "GET", R"(/stories/(\d{1,18}))", "web_story",
      [&ctx](const httplib::Request& req, httplib::Response& res) {
        VEILLE_PAGE_LEASE_(ctx, res, store);
        Result<StoryRow> s = (*store)->GetStory(PathId(req));
        if (!s.ok()) return HtmlError(res, HttpStatusOf(s.status()), s.status().message());
        if (s->merged_into != 0) {
          res.set_redirect(fmt::format("/stories/{}", s->merged_into));
          return;
        }
        Result<std::vector<StoryMemberView>> members = (*store)->ListStoryMembers(s->id);
        if (!members.ok()) return HtmlError(res, 500, members.status().message());
        std::string body = fmt::format(
            "<article class=\"story-page\"><h1>{}</h1><p class=\"meta\">{} sources · {} articles · "
            "{} – {}",
            HtmlEscape(s->headline.empty() ? "(untitled story)" : s->headline), s->source_count,
            s->article_count, HtmlEscape(FormatUnixTime(s->first_time)),
            HtmlEscape(FormatUnixTime(s->last_time)));
        if (s->storyline_id != 0) {
          body += fmt::format(" · <a href=\"/?storyline={0}\">storyline {0}</a>", s->storyline_id);
        }
        body += "</p>" + SummaryHtml(ParsedSummary(s->summary_json), *members);
        // Originals, each followed by its copies in the story.
        std::set<int64_t> in_story;
        for (const StoryMemberView& m : *members) in_story.insert(m.member.article_id);
        body += "<section class=\"members\"><h2>Articles</h2><ul class=\"originals\">";
        std::string orphan_copies;
        for (const StoryMemberView& m : *members) {
          if (m.original_id != 0) {
            if (in_story.count(m.original_id) == 0) orphan_copies += MemberItem(m) + "</li>";
            continue;
          }
          body += MemberItem(m);
          std::string copies;
          for (const StoryMemberView& c : *members) {
            if (c.original_id == m.member.article_id) copies += MemberItem(c) + "</li>";
          }
          if (!copies.empty())
            body += "<ul class=\"copies\"><li class=\"label\">copies:</li>" + copies + "</ul>";
          body += "</li>";
        }
        body += "</ul>";
        if (!orphan_copies.empty()) {
          body += "<h3>Copies of articles outside this story</h3><ul class=\"copies\">" +
                  orphan_copies + "</ul>";
        }
        body += "</section>";
        if (!members->empty()) {
          body += "<section><h2>Similar news</h2>" +
                  SimilarList(
                      SimilarElsewhere(ctx, **store, members->front().member.article_id, s->id)) +
                  "</section>";
        }
        body += "</article>";
        Html(res, Page(s->headline, body));
      });

  route("GET", R"(/articles/(\d{1,18}))", "web_article",
        [&ctx](const httplib::Request& req, httplib::Response& res) {
          VEILLE_PAGE_LEASE_(ctx, res, store);
          Result<StoredArticle> a = (*store)->GetArticle(PathId(req));
          if (!a.ok()) return HtmlError(res, HttpStatusOf(a.status()), a.status().message());
          const Article& art = a->article;
          std::string body =
              fmt::format("<article class=\"article-page\"><h1>{}</h1><p class=\"meta\">",
                          HtmlEscape(art.title.empty() ? "(untitled)" : art.title));
          for (const std::string* f : {&art.site, &art.author, &art.published, &art.lang}) {
            if (!f->empty()) body += "<span>" + HtmlEscape(*f) + "</span> ";
          }
          const std::string url = SafeHttpUrl(art.url);
          if (!url.empty()) {
            body += "<a class=\"out\" rel=\"noopener noreferrer nofollow\" href=\"" +
                    HtmlEscape(url) + "\">original ↗</a>";
          }
          body += "</p>";
          if (Result<StoryMember> m = (*store)->GetStoryMember(a->id); m.ok()) {
            if (Result<StoryRow> s = (*store)->GetStory(m->story_id); s.ok()) {
              body += fmt::format(
                  "<p class=\"in-story\">Part of the story <a href=\"/stories/{}\">{}</a>"
                  "</p>",
                  s->id, HtmlEscape(s->headline));
            }
          }
          if (Result<std::vector<CopyLinkRow>> copies = (*store)->ListCopies(a->id);
              copies.ok() && !copies->empty()) {
            body += "<p class=\"copies\">Copies:";
            for (const CopyLinkRow& c : *copies) {
              const int64_t other = c.copy_id == a->id ? c.original_id : c.copy_id;
              body += fmt::format(" <a href=\"/articles/{0}\">#{0}</a>{1}", other,
                                  c.copy_id == a->id ? " (original)" : "");
            }
            body += "</p>";
          }
          body += "<div class=\"text\">";
          size_t start = 0;
          while (start <= art.text.size()) {
            size_t end = art.text.find('\n', start);
            if (end == std::string::npos) end = art.text.size();
            if (end > start)
              body += "<p>" + HtmlEscape(std::string_view(art.text).substr(start, end - start)) +
                      "</p>";
            start = end + 1;
          }
          body += "</div>";
          Result<std::vector<SimilarArticle>> similar =
              ctx.catalog.Similar(**store, a->id, kSimilarShown);
          if (similar.ok())
            body += "<section><h2>Similar articles</h2>" + SimilarList(*similar) + "</section>";
          body += "</article>";
          Html(res, Page(art.title.empty() ? "Article" : art.title, body));
        });
}

}  // namespace veille::serve
