// The eval's texts and their conversion to ClusterDoc by the pipeline's own
// code, so the eval measures what the product clusters: the project's
// Analyzer (terms, dates, entity mentions with their kinds), one
// EntityRegistry (canonical entity ids), a DocumentFrequencies filled as
// AnalysisState fills it (one document per article, title and body terms
// once each) and pipeline::ClusterDocBuilder (TF-IDF, entity weights and
// IDF, places, date spans).
#ifndef VEILLE_EVAL_CLUSTER_TEXT_FEATURES_H_
#define VEILLE_EVAL_CLUSTER_TEXT_FEATURES_H_

#include <cstdint>
#include <string>
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

struct EvalDocs {
  std::vector<ClusterDoc> docs;    // one per text, ids 1..n in text order
  std::vector<IdVector> combined;  // title and body terms in one TF-IDF vector (the baseline's)
};

// Analyses `background` and `texts`, resolves their entities in that order,
// then counts every one of them in the document frequencies (terms) and in
// the builder (entities) before building any doc: the statistics of a base
// that already holds the whole set (no labels used), so that every arrival
// order sees the same vectors. The pipeline counts as articles arrive; over
// a base of thousands of articles the two agree. `background` only feeds
// the statistics. `source_dir` holds data/ (stop words, gazetteers).
// Aborts with a message when the analysis resources cannot be loaded.
EvalDocs BuildEvalDocs(const std::string& source_dir, const std::vector<EvalText>& texts,
                       const std::vector<EvalText>& background);

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_TEXT_FEATURES_H_
