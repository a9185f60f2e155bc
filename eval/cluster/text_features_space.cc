// FeatureSpace: document frequencies and TF-IDF weighting for the eval.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "text_features.h"

namespace veille::eval {

void FeatureSpace::Observe(const TextFeatures& f) {
  ++docs_;
  std::set<std::string> seen;
  for (const auto& [t, c] : f.title_terms) seen.insert(t);
  for (const auto& [t, c] : f.body_terms) seen.insert(t);
  for (const auto& t : seen) ++term_df_[t];
  for (const auto& [e, c] : f.entities) ++entity_df_[e];
}

IdVector FeatureSpace::Weigh(const Counts& counts, std::unordered_map<std::string, uint32_t>& vocab,
                             const std::unordered_map<std::string, int64_t>& df, int64_t n) {
  std::vector<std::pair<uint32_t, float>> v;
  double n2 = 0;
  for (const auto& [key, count] : counts) {
    auto it = df.find(key);
    const double d = it == df.end() ? 0 : static_cast<double>(it->second);
    const double idf = std::log((1.0 + static_cast<double>(n)) / (1.0 + d)) + 1.0;
    const double w = (1.0 + std::log(count)) * idf;
    auto [vit, inserted] = vocab.emplace(key, static_cast<uint32_t>(vocab.size()));
    v.emplace_back(vit->second, static_cast<float>(w));
    n2 += w * w;
  }
  for (auto& [id, w] : v) w = static_cast<float>(w / std::sqrt(n2));
  std::sort(v.begin(), v.end());
  return IdVector{std::move(v)};
}

ClusterDoc FeatureSpace::MakeDoc(int64_t id, int64_t time, const TextFeatures& f) {
  ClusterDoc d;
  d.id = id;
  d.time = time;
  d.title = Weigh(f.title_terms, terms_, term_df_, docs_);
  d.body = Weigh(f.body_terms, terms_, term_df_, docs_);
  d.entities = Weigh(f.entities, entities_, entity_df_, docs_);
  d.dates = f.dates;
  return d;
}

IdVector FeatureSpace::Combined(const TextFeatures& f) {
  std::map<std::string, int> all;
  for (const auto& [t, c] : f.title_terms) all[t] += c;
  for (const auto& [t, c] : f.body_terms) all[t] += c;
  return Weigh(Counts(all.begin(), all.end()), terms_, term_df_, docs_);
}

}  // namespace veille::eval
