#include "metrics.h"

#include <map>
#include <set>

namespace veille::eval {

Scores Score(const std::vector<int64_t>& predicted, const std::vector<std::string>& gold) {
  Scores s;
  const size_t n = predicted.size();
  std::map<int64_t, std::vector<size_t>> by_pred;
  std::map<std::string, std::vector<size_t>> by_gold;
  std::map<std::pair<int64_t, std::string>, double> both;
  for (size_t i = 0; i < n; ++i) {
    by_pred[predicted[i]].push_back(i);
    by_gold[gold[i]].push_back(i);
    both[{predicted[i], gold[i]}] += 1;
  }
  double p = 0, r = 0, tp = 0, pred_pairs = 0, gold_pairs = 0;
  for (size_t i = 0; i < n; ++i) {
    const double inter = both[{predicted[i], gold[i]}];
    p += inter / static_cast<double>(by_pred[predicted[i]].size());
    r += inter / static_cast<double>(by_gold[gold[i]].size());
  }
  for (const auto& [k, c] : both) tp += c * (c - 1) / 2;
  for (const auto& [k, v] : by_pred)
    pred_pairs += static_cast<double>(v.size() * (v.size() - 1)) / 2;
  for (const auto& [k, v] : by_gold)
    gold_pairs += static_cast<double>(v.size() * (v.size() - 1)) / 2;
  s.b3_p = n ? p / static_cast<double>(n) : 0;
  s.b3_r = n ? r / static_cast<double>(n) : 0;
  s.b3_f1 = s.b3_p + s.b3_r > 0 ? 2 * s.b3_p * s.b3_r / (s.b3_p + s.b3_r) : 0;
  const double pp = pred_pairs > 0 ? tp / pred_pairs : 0;
  const double pr = gold_pairs > 0 ? tp / gold_pairs : 0;
  s.pair_f1 = pp + pr > 0 ? 2 * pp * pr / (pp + pr) : 0;
  s.clusters = by_pred.size();
  return s;
}

}  // namespace veille::eval
