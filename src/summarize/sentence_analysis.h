// The per-article part of summarising: an article's sentences with their
// terms and the flaws that keep a sentence out of a summary (fragment,
// boilerplate, question). Depends only on the article's title, text and
// language, so the Summarizer caches it by article. Pure functions;
// thread-safe.
#ifndef VEILLE_SUMMARIZE_SENTENCE_ANALYSIS_H_
#define VEILLE_SUMMARIZE_SENTENCE_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::summarize {

enum class SentenceFlaw : uint8_t {
  kNone = 0,
  kFragment,     // starts in lower case, unbalanced quotes, no final punctuation
  kBoilerplate,  // a link, a credit, a share or subscribe prompt, a heading in capitals
  kQuestion,     // ends with a question mark
};

struct AnalyzedSentence {
  uint32_t begin = 0;  // byte offsets in the article's text
  uint32_t end = 0;
  uint32_t index = 0;  // 0-based position among the article's sentences
  uint32_t paragraph = 0;
  uint32_t words = 0;  // whitespace-separated words
  SentenceFlaw flaw = SentenceFlaw::kNone;
  bool quote = false;              // opens with a quotation mark
  std::vector<std::string> terms;  // distinct stems and numbers, sorted
};

struct ArticleAnalysis {
  std::vector<AnalyzedSentence> sentences;  // in text order
  std::vector<std::string> title_terms;     // distinct, sorted
  size_t bytes = 0;                         // approximate memory held
};

// Splits and stems `text` (and `title`) in `lang` (may be empty).
ArticleAnalysis AnalyzeArticleText(std::string_view title, std::string_view text,
                                   std::string_view lang);

// One article's inputs to the analysis (views into the caller's strings).
struct ArticleText {
  std::string_view title;
  std::string_view text;
  std::string_view lang;
};

// AnalyzeArticleText of each article (same results), stemming each distinct
// word form once per language for the whole batch instead of once per
// article: what most of the cost of a cold story is.
std::vector<ArticleAnalysis> AnalyzeArticleTexts(const std::vector<ArticleText>& articles);

// The flaw of one sentence, by its surface alone.
SentenceFlaw FindSentenceFlaw(std::string_view sentence);

// Number of whitespace-separated words of `s`.
uint32_t CountWords(std::string_view s);

}  // namespace veille::summarize

#endif  // VEILLE_SUMMARIZE_SENTENCE_ANALYSIS_H_
