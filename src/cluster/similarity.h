// Similarity of a doc with a story (or with another doc): the combination of
// title and body TF-IDF cosines, entity cosine, a length factor and a time
// factor that online_clusterer.cc compares with its thresholds. Stateless.
#ifndef VEILLE_CLUSTER_SIMILARITY_H_
#define VEILLE_CLUSTER_SIMILARITY_H_

#include <cstdint>

#include "veille/cluster.h"

namespace veille::cluster {

// The raw parts of a comparison; a part is absent when either side lacks it.
struct SimilarityParts {
  bool has_title = false, has_body = false, has_entities = false;
  double title = 0, body = 0, entities = 0;
  // Terms on the shorter side of the text parts used (headline: ~6, article: hundreds).
  size_t terms = 0;
};

// Fills the score fields of `why` (score, cosines, length and time factors)
// from `parts` and the time gap. Returns the score.
double CombineParts(const SimilarityParts& parts, int64_t time_gap_s, const ClusterOptions& options,
                    Explanation* why);

// Distance in seconds from `time` to the span [first, last]; 0 inside it or
// when any of them is unknown.
int64_t TimeGap(int64_t time, int64_t first, int64_t last);

// Parts of doc `a` against doc `b`.
SimilarityParts DocParts(const ClusterDoc& a, const ClusterDoc& b);

}  // namespace veille::cluster

#endif  // VEILLE_CLUSTER_SIMILARITY_H_
