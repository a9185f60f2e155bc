// Clustering metrics against gold labels: B-cubed precision/recall/F1
// (Bagga & Baldwin 1998) and pairwise F1 over all same-cluster pairs.
#ifndef VEILLE_EVAL_CLUSTER_METRICS_H_
#define VEILLE_EVAL_CLUSTER_METRICS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace veille::eval {

struct Scores {
  double b3_p = 0, b3_r = 0, b3_f1 = 0, pair_f1 = 0;
  size_t clusters = 0;
};

// `predicted[i]` and `gold[i]` label item i.
Scores Score(const std::vector<int64_t>& predicted, const std::vector<std::string>& gold);

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_METRICS_H_
