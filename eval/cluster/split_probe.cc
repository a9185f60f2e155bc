#include "split_probe.h"

#include <algorithm>
#include <map>

#include "cluster/story_split.h"

namespace veille::eval {

std::vector<int64_t> PostSplit(const std::vector<ClusterDoc>& docs,
                               const std::vector<size_t>& order, std::vector<int64_t> labels,
                               const ClusterOptions& options, size_t sample, int depth) {
  int64_t fresh = 0;
  for (int64_t l : labels) fresh = std::max(fresh, l + 1);
  for (int level = 0; level < depth; ++level) {
    std::map<int64_t, std::vector<size_t>> members;  // label -> docs in arrival order
    for (size_t i : order) members[labels[i]].push_back(i);
    bool any = false;
    for (const auto& [label, all] : members) {
      const size_t from = sample > 0 && all.size() > sample ? all.size() - sample : 0;
      std::vector<const ClusterDoc*> m;
      for (size_t k = from; k < all.size(); ++k) m.push_back(&docs[all[k]]);
      const cluster::Bisection b = cluster::BisectMembers(m, options);
      if (!b.split) continue;
      // The smaller side moves (on ties, the side without the first member).
      const uint8_t moving =
          b.size[1] < b.size[0] || (b.size[1] == b.size[0] && b.side[0] == 0) ? 1 : 0;
      for (size_t k = 0; k < m.size(); ++k) {
        if (b.side[k] == moving) labels[all[from + k]] = fresh;
      }
      ++fresh;
      any = true;
    }
    if (!any) break;
  }
  return labels;
}

}  // namespace veille::eval
