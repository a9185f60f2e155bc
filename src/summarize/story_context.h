// The story-level view every part of a summary reads: the member articles
// with their cached sentence analysis, each sentence as a sorted list of
// interned terms (stems, numbers, plus one pseudo-term per canonical entity
// and per resolved date it mentions), term weights from their spread over
// the story's sentences, and an inverted index. Built once per Summarize
// call; read-only afterwards.
#ifndef VEILLE_SUMMARIZE_STORY_CONTEXT_H_
#define VEILLE_SUMMARIZE_STORY_CONTEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "summarize/sentence_analysis.h"
#include "veille/summarize.h"

namespace veille::summarize {

struct StoryArticle {
  const SummaryArticle* article = nullptr;    // borrowed from the caller
  const ArticleAnalysis* analysis = nullptr;  // borrowed from the cache
  bool main_lang = false;                     // written in the story's main language
  bool derived = false;                       // a copy of another article of this story
  uint32_t site = 0;                          // index into StoryContext::sites
  double recency = 0;                         // 0 for the earliest publication .. 1 for the latest
  std::vector<uint32_t> title_terms;          // interned, sorted (with entity pseudo-terms)
};

struct StorySentence {
  uint32_t article = 0;           // index into StoryContext::articles
  uint32_t sentence = 0;          // index into that article's analysis->sentences
  std::vector<uint32_t> terms;    // interned, sorted, distinct
  std::vector<int64_t> entities;  // canonical ids mentioned, sorted
  uint32_t dates = 0;             // resolved date mentions in it
  double weight = 0;              // sum of its terms' weights
  bool eligible = false;          // main language, length and surface fine
};

class StoryContext {
 public:
  StoryContext(const std::vector<SummaryArticle>& articles,
               const std::vector<const ArticleAnalysis*>& analyses,
               const SummarizeOptions& options);

  std::string lang;  // main language
  std::vector<std::string> sites;
  std::vector<StoryArticle> articles;
  std::vector<StorySentence> sentences;  // article by article, in text order
  std::vector<uint32_t> first_sentence;  // per article: its first index in `sentences`
  std::vector<double> weight;            // per term id: ln((S + 1) / sentence frequency)
  std::vector<double> centroid;          // per term id: weight * share of articles using it
  double centroid_norm = 0;
  enum TermKind : uint8_t { kWord = 0, kEntity = 1, kDate = 2, kNumber = 3 };
  std::vector<uint8_t> term_kind;               // per term id
  std::vector<std::vector<uint32_t>> postings;  // term id -> eligible sentences using it
  // Canonical entity id -> number of main-language articles naming it.
  std::unordered_map<int64_t, uint32_t> entity_articles;
  uint32_t main_articles = 0;  // main-language, non-derived articles

  // The text of sentence `i`. Valid while the caller's articles are.
  std::string_view Text(uint32_t i) const;
  const AnalyzedSentence& Analyzed(uint32_t i) const;
  // Weighted share of the lighter side's terms found in the other (0..1).
  double Overlap(const std::vector<uint32_t>& a, double weight_a, const std::vector<uint32_t>& b,
                 double weight_b) const;
  double Overlap(uint32_t i, uint32_t j) const;
  // True when sentences i and j state the same fact (SummarizeOptions::redundancy).
  bool SameFact(uint32_t i, uint32_t j, double redundancy) const;
  double TermsWeight(const std::vector<uint32_t>& terms) const;
  // The index in `sentences` of article `article`'s sentence holding byte
  // `offset` of its text, or -1.
  int SentenceOf(uint32_t article, uint32_t offset) const;

 private:
  uint32_t Intern(std::string_view term, TermKind kind);
  std::unordered_map<std::string, uint32_t> ids_;
};

}  // namespace veille::summarize

#endif  // VEILLE_SUMMARIZE_STORY_CONTEXT_H_
