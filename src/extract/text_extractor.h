// TextExtractor: the article inside a page that a crawler already flattened to
// text lines (menus, teasers, ads and prompts mixed with the story), plus the
// title and byline it shows. Pure function; thread-safe.
#ifndef VEILLE_EXTRACT_TEXT_EXTRACTOR_H_
#define VEILLE_EXTRACT_TEXT_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "veille/extract.h"

namespace veille::extract {

struct TextExtraction {
  std::string text;                  // article paragraphs joined by "\n\n"; "" when none
  std::string title;                 // `known_title`, else the page's headline line, else ""
  std::string author;                // from a byline line ("Par Joanne Massard"), else ""
  std::vector<RelatedLink> related;  // other stories' teasers around the article
};

// Extracts the article from `utf8` (valid UTF-8, entities already decoded;
// one paragraph or page element per line). Lines equal to `known_title` (a
// container's title hint, may be empty) are treated as the title. A clean
// article (sentence paragraphs only) comes back unchanged, paragraphs joined
// by blank lines.
TextExtraction ExtractText(std::string_view utf8, std::string_view known_title,
                           const ExtractOptions& options);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_TEXT_EXTRACTOR_H_
