// The eval's adapter from text to ClusterDoc: the one file to change when the
// analyze and entities stages take over (they will give the same shapes:
// stemmed term counts for title and body, canonical entity keys).
// Until then: ICU word splitting, Snowball stems (libstemmer), the project's
// stop-word lists (data/stopwords), and a proxy for entities (capitalised
// word sequences that do not start a sentence, folded).
#ifndef VEILLE_EVAL_CLUSTER_TEXT_FEATURES_H_
#define VEILLE_EVAL_CLUSTER_TEXT_FEATURES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "veille/cluster.h"

namespace veille::eval {

struct EvalText {
  std::string title;
  std::string body;
  std::string lang;  // "en", "fr", "ru"
  int64_t time = kUnknownTime;
  std::string gold;  // gold story label ("" when none)
};

using Counts = std::vector<std::pair<std::string, int>>;  // sorted by key

struct TextFeatures {
  Counts title_terms, body_terms, entities;
  std::vector<DateSpan> dates;  // dates the body mentions (analyze stage only)
};

// Term and entity extraction. The entity proxy needs corpus statistics: a
// word is a name when, where it does not start a sentence, it is written
// capitalised at least 70% of the time (Title Case headlines excluded); then
// all its occurrences count, sentence-initial ones included.
// Two implementations: text_features.cc (the proxy described above) and
// text_features_analyze.cc (the project's Analyzer and EntityRegistry:
// stemmed term vectors, canonical entity ids). CMake picks the second when
// VEILLE_EVAL_ANALYZE is ON (the default).
class FeatureExtractor {
 public:
  explicit FeatureExtractor(std::string source_dir);
  ~FeatureExtractor();
  // First pass (corpus statistics; texts in arrival order).
  void Learn(const EvalText& text);
  // Second pass. Not const-thread-safe.
  TextFeatures Analyze(const EvalText& text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Document frequencies and the string -> id vocabularies that turn
// TextFeatures into ClusterDoc vectors.
class FeatureSpace {
 public:
  // Counts one document (its title and body terms, and its entities).
  void Observe(const TextFeatures& f);
  // TF-IDF vectors ((1 + ln tf) * idf, L2-normalised); entities weighted the same way.
  ClusterDoc MakeDoc(int64_t id, int64_t time, const TextFeatures& f);
  // Title and body terms in one vector (the baseline's representation).
  IdVector Combined(const TextFeatures& f);

 private:
  IdVector Weigh(const Counts& counts, std::unordered_map<std::string, uint32_t>& vocab,
                 const std::unordered_map<std::string, int64_t>& df, int64_t n);
  int64_t docs_ = 0;
  std::unordered_map<std::string, int64_t> term_df_, entity_df_;
  std::unordered_map<std::string, uint32_t> terms_, entities_;
};

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_TEXT_FEATURES_H_
