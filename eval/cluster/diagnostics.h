// Pair diagnostics for eval_cluster --pairs: how well candidate pair
// similarities rank same-story pairs above other pairs (ROC AUC), to compare
// representations before building them into the clusterer. Debug output only.
#ifndef VEILLE_EVAL_CLUSTER_DIAGNOSTICS_H_
#define VEILLE_EVAL_CLUSTER_DIAGNOSTICS_H_

#include <cstddef>
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

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_DIAGNOSTICS_H_
