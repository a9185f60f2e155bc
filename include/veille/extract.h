// Extract: from one RawDocument to one Article (main text without boilerplate,
// title, date, author, site, language), with the charset decoded and repaired.
// Stateless; thread-safe; never throws.
#ifndef VEILLE_EXTRACT_H_
#define VEILLE_EXTRACT_H_

#include <cstddef>

#include "veille/article.h"
#include "veille/status.h"

namespace veille {

struct ExtractOptions {
  // Paragraphs shorter than this (in characters) need sentence punctuation to
  // count as article text in flattened pages. Larger drops more short lines.
  size_t min_paragraph_chars = 40;
  // Below this many characters of main text the HTML extractor falls back to
  // a wider selection (the whole body minus boilerplate elements).
  size_t min_article_chars = 200;
};

// Extracts the article of `doc` (doc.format must be kHtml or kText).
// Returns the Article (text may be empty for a page with no article), or
// kInvalidInput naming doc.input when the bytes cannot be decoded to text
// (binary data). Charset repairs are reported in Article::warnings.
Result<Article> Extract(const RawDocument& doc, const ExtractOptions& options);

}  // namespace veille

#endif  // VEILLE_EXTRACT_H_
