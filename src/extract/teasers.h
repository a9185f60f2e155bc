// Teasers: the other stories a flattened page advertises around its own
// (aggregator "similar news" rails, "à lire aussi" lists), as RelatedLinks.
// Pure; thread-safe.
#ifndef VEILLE_EXTRACT_TEASERS_H_
#define VEILLE_EXTRACT_TEASERS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/line_classifier.h"
#include "veille/article.h"

namespace veille::extract {

// Where a headline glued to its snippet ends ("...avec Vladimir PoutineLe
// dirigeant nord-coréen va...": at "Le"): the first place where a lowercase
// letter (or a closing ? ! » " )) is followed by a capital with no space,
// with at least 3 words and 15 bytes before and 3 words after, and where the
// glued word is not a name the page writes that way elsewhere ("YouTube",
// "McDonald", "iPhone": `word_lines` counts the distinct lines holding each
// whole word; a word on 2+ lines is a name). Returns the byte offset of the
// snippet's first character, or 0 when `line` has no such place.
size_t GluedHeadlineEnd(std::string_view line,
                        const std::unordered_map<std::string, int>& word_lines);

// The distinct-line count of every whole word (white-space separated, outer
// punctuation kept) of `lines`, for GluedHeadlineEnd.
std::unordered_map<std::string, int> CountWordLines(const std::vector<Line>& lines);

// The teasers of other stories among `lines` outside [skip_begin, skip_end)
// (the article's own lines): a line that a "read more" closes (headline and
// snippet glued, split by GluedHeadlineEnd; a line with no split point is a
// bare headline when it is short and not a sentence, else dropped), and a
// headline-like line (3+ words, at most 200 chars, not cut) followed by a
// longer snippet cut with "..." or "…". In page order.
std::vector<RelatedLink> FindTeasers(const std::vector<Line>& lines, size_t skip_begin,
                                     size_t skip_end);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_TEASERS_H_
