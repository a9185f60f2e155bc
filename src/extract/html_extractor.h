// HtmlExtractor: the main text of an HTML page and its metadata inputs.
// Parses with libxml2's recovering HTML parser into a compact tree (any tag
// soup, truncated pages; html_dom.h), cleans it (dom_cleaner.h), then picks
// the article's container by a readability-like score. Thread-safe: each
// call owns its document.
#ifndef VEILLE_EXTRACT_HTML_EXTRACTOR_H_
#define VEILLE_EXTRACT_HTML_EXTRACTOR_H_

#include <string>
#include <string_view>

#include "extract/metadata.h"
#include "veille/extract.h"

namespace veille::extract {

struct HtmlExtraction {
  std::string text;         // paragraphs joined by "\n\n"; "" when none
  MetadataInputs metadata;  // raw candidates for ResolveMetadata()
  bool parsed = false;      // false when the page has no element at all
};

// Extracts from `utf8_html` (already decoded to UTF-8 by DecodeToUtf8).
// Never fails: a page without article text gives empty text. Below
// options.min_article_chars of main text, falls back to every kept paragraph
// of the cleaned body.
HtmlExtraction ExtractHtml(std::string_view utf8_html, const ExtractOptions& options);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_HTML_EXTRACTOR_H_
