// Internal to src/serve: HTML fragments shared by the web pages. Every
// string from the store is escaped here. Pure functions; thread-safe.
#ifndef VEILLE_SERVE_WEB_RENDER_H_
#define VEILLE_SERVE_WEB_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/catalog.h"
#include "veille/store.h"

namespace veille::serve {

// A story as a card of the front page: headline link, lead sentence, source
// and article counts, time, key entities.
std::string StoryCard(const StoryRow& s);
// A search snippet, escaped, with the store's [ ] match markers as <mark>.
std::string SnippetHtml(std::string_view snippet);
// A stored summary (veille/summarize.h JSON) as HTML: sentences with their
// source links, key entities, timeline, sources. Missing fields are skipped.
// `members` resolves article ids to titles, sites and URLs.
std::string SummaryHtml(const nlohmann::json& summary, const std::vector<StoryMemberView>& members);
// A list of similar articles.
std::string SimilarList(const std::vector<SimilarArticle>& similar);
// "?k=v&..." of the non-empty pairs, values URL-encoded (page links).
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace veille::serve

#endif  // VEILLE_SERVE_WEB_RENDER_H_
