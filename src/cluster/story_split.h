// Story bisection: whether a story's members form two groups that score
// clearly lower across than within (two events mixed by one wrong early
// join), and which. Stateless; OnlineClusterer calls it on a growing
// story's recent members (story_split.cc), eval/cluster on whole stories.
#ifndef VEILLE_CLUSTER_STORY_SPLIT_H_
#define VEILLE_CLUSTER_STORY_SPLIT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "veille/cluster.h"

namespace veille::cluster {

// The best two-way partition of a set of members and its group averages.
struct Bisection {
  std::vector<uint8_t> side;  // per member: 0 or 1 (empty: no valid partition)
  size_t size[2] = {0, 0};
  double within[2] = {0, 0};  // mean pair score inside each side
  double between = 0;         // mean pair score across the sides
  bool split = false;         // the partition passes the split test
};

// Bisects `members` (scored pairwise with the clusterer's doc-to-doc score,
// time gap included): from each member and the member least similar to it
// as seeds, every member moves to the side it scores higher on average with
// until nothing moves; the partition with both sides of at least
// options.split_min_part members and the widest margin (lower within mean
// minus between mean) is kept. `split` is set when its between mean is
// below options.split_threshold and at most options.split_ratio times the
// lower within mean. Deterministic (ties: lower index). O(m^2) pair scores
// plus O(m^3) work for m members; fewer than 2 x split_min_part members
// give no partition.
Bisection BisectMembers(const std::vector<const ClusterDoc*>& members,
                        const ClusterOptions& options);

}  // namespace veille::cluster

#endif  // VEILLE_CLUSTER_STORY_SPLIT_H_
