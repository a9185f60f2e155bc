// Pair diagnostics for eval_cluster --pairs: how well candidate pair
// similarities rank same-story pairs above other pairs (ROC AUC), to compare
// representations before building them into the clusterer. Debug output only.
#ifndef VEILLE_EVAL_CLUSTER_DIAGNOSTICS_H_
#define VEILLE_EVAL_CLUSTER_DIAGNOSTICS_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "veille/cluster.h"

namespace veille::eval {

struct LabelledPair {
  size_t a = 0, b = 0;
  bool same = false;
};

// ROC AUC of `positive` scores above `negative` ones (ties count half).
double Auc(const std::vector<double>& positive, const std::vector<double>& negative);

// Prints one line: the AUC of each candidate similarity over `pairs`.
void PairAuc(const char* name, const std::vector<ClusterDoc>& docs,
             const std::vector<LabelledPair>& pairs, const ClusterOptions& options);

// Builds the pairs of a labelled set and prints PairAuc. same_topic: the
// pairs within one gold topic ("T_x" labels: ECB+'s two events of a kind);
// else a sample (1 in 8) of the pairs published within 6 hours that share a
// title term (UCI).
void PairDiagnostics(const char* name, const std::vector<ClusterDoc>& docs,
                     const std::vector<std::string>& gold, bool same_topic,
                     const ClusterOptions& options);

// Which decisions of one replay put pairs together: joins (a doc joins a
// story) and merges (stories fused by a doc, bridged or on change), with the
// pairs they made within one gold story (good) and across two (bad).
class DecisionTrace {
 public:
  DecisionTrace(const std::vector<ClusterDoc>& docs, const std::vector<std::string>& gold,
                bool verbose)
      : docs_(docs), gold_(gold), verbose_(verbose) {}
  // Records the assignment of doc `doc` (index into gold).
  void Record(size_t doc, const Assignment& a);
  void Print(const char* name) const;

 private:
  const std::vector<ClusterDoc>& docs_;
  const std::vector<std::string>& gold_;
  bool verbose_;
  std::map<int64_t, std::vector<size_t>> members_;
  size_t good_[2] = {0, 0}, bad_[2] = {0, 0}, events_[2] = {0, 0};
};

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_DIAGNOSTICS_H_
