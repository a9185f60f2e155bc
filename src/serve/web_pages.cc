// The web UI's story and article pages.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "serve/api_json.h"
#include "serve/html.h"
#include "serve/routes.h"
#include "serve/web_render.h"

namespace veille::serve {
namespace {

constexpr int64_t kSimilarShown = 6;
// Articles of a story per page.
constexpr int64_t kMembersShown = 50;

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

// "Similar news": the stories nearest by their stored profiles.
std::string SimilarStoriesHtml(Context& ctx, Store& store, int64_t story_id) {
  Result<std::vector<SimilarStory>> similar =
      ctx.catalog.SimilarStories(store, story_id, kSimilarShown);
  if (!similar.ok() || similar->empty()) return "<p class=\"muted\">Nothing similar yet.</p>";
  std::string html = "<ul class=\"similar\">";
  for (const SimilarStory& s : *similar) {
    html += fmt::format(
        "<li><a href=\"/stories/{}\">{}</a> <span class=\"meta\">{} sources · {} · {:.2f}</span>"
        "</li>",
        s.story.id, HtmlEscape(s.story.headline.empty() ? "(untitled story)" : s.story.headline),
        s.story.source_count, HtmlEscape(FormatUnixTime(s.story.last_time)), s.score);
  }
  return html + "</ul>";
}

#define VEILLE_PAGE_LEASE_(ctx, res, var)              \
  Result<StorePool::Lease> var = (ctx).pool.Acquire(); \
  if (!var.ok()) return HtmlError(res, 503, var.status().ToString())

}  // namespace

void RegisterStoryPages(Context& ctx, const Route& route) {
  route(
      "GET", R"(/stories/(\d{1,18}))", "web_story",
      [&ctx](const httplib::Request& req, httplib::Response& res) {
        Result<int64_t> offset = IntParam(req, "offset", 0, 0, 10'000'000);
        if (!offset.ok()) return HtmlError(res, 400, offset.status().message());
        VEILLE_PAGE_LEASE_(ctx, res, store);
        Result<StoryRow> s = (*store)->GetStory(PathId(req));
        if (!s.ok()) return HtmlError(res, HttpStatusOf(s.status()), s.status().message());
        if (s->merged_into != 0) {
          res.set_redirect(fmt::format("/stories/{}", s->merged_into));
          return;
        }
        Result<std::vector<StoryMemberView>> members =
            (*store)->ListStoryMembersPage(s->id, kMembersShown, *offset);
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
        body += "<section class=\"members\"><h2>Articles</h2>";
        if (s->article_count > kMembersShown) {
          const int64_t shown = static_cast<int64_t>(members->size());
          body += fmt::format("<p class=\"meta\">{}–{} of {}", *offset + (shown > 0 ? 1 : 0),
                              *offset + shown, s->article_count);
          if (*offset > 0) {
            body += fmt::format(" · <a rel=\"prev\" href=\"/stories/{}?offset={}\">← earlier</a>",
                                s->id, std::max<int64_t>(0, *offset - kMembersShown));
          }
          if (*offset + shown < s->article_count) {
            body += fmt::format(" · <a rel=\"next\" href=\"/stories/{}?offset={}\">later →</a>",
                                s->id, *offset + shown);
          }
          body += "</p>";
        }
        body += "<ul class=\"originals\">";
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
        body += "<section><h2>Similar news</h2>" + SimilarStoriesHtml(ctx, **store, s->id) +
                "</section>";
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
