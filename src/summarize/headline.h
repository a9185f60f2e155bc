// The story's headline: its most representative acceptable title. Pure
// functions; thread-safe.
#ifndef VEILLE_SUMMARIZE_HEADLINE_H_
#define VEILLE_SUMMARIZE_HEADLINE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "summarize/story_context.h"

namespace veille::summarize {

struct Headline {
  std::string text;
  int64_t article_id = 0;  // 0 when no article has a title
};

// Why a title is not shown as a headline, or nullptr when it may be:
// "empty", "truncated", "question", "exclamation", "capitals", "link",
// "clickbait", "too short", "too long".
const char* TitleRejection(std::string_view title);

// `title` without a trailing " - Outlet" / " | Outlet" naming `site`.
std::string_view StripSiteSuffix(std::string_view title, std::string_view site);

// The main-language, non-copy title with the best centrality (closeness to
// the centroid and to the other outlets' titles) and source diversity
// (outlets with a similar title) among acceptable titles; the best
// rejected title when none is acceptable.
Headline ChooseHeadline(const StoryContext& ctx);

}  // namespace veille::summarize

#endif  // VEILLE_SUMMARIZE_HEADLINE_H_
