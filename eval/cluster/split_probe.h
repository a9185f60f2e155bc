// Offline split pass for eval_cluster --post-split: after a replay, each
// final story is bisected (cluster/story_split.h) as the online splits
// would, to measure what splits can gain before they run online. Debug
// output only.
#ifndef VEILLE_EVAL_CLUSTER_SPLIT_PROBE_H_
#define VEILLE_EVAL_CLUSTER_SPLIT_PROBE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "veille/cluster.h"

namespace veille::eval {

// Labels after splitting the stories of `labels` (docs[i] has label
// labels[i]; `order` is the arrival order): each story's members (all of
// them, or its last `sample` to arrive when sample > 0) are bisected; on a
// split the smaller side gets a fresh label (the unsampled members stay),
// and both parts are tried again, `depth` levels at most.
std::vector<int64_t> PostSplit(const std::vector<ClusterDoc>& docs,
                               const std::vector<size_t>& order, std::vector<int64_t> labels,
                               const ClusterOptions& options, size_t sample, int depth);

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_SPLIT_PROBE_H_
