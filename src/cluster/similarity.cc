// Scoring a doc against a story.
//
// The score is a weighted mean of the parts both sides have:
//   text   = (title_weight * cos_title + body_weight * cos_body) / (weights present)
//   score  = (text * L + entity_weight * cos_entities) / (1 + entity_weight)   [entities on both]
//          =  text * L                                                        [otherwise]
//   score *= T
// L = 1 + short_text_boost * length_prior / (n + length_prior), with n terms
// on the doc's side (the shorter side for two docs), adapts the score to text
// length by itself: two headlines of one story share one or two of their ~6
// terms (cosine ~0.3), while two long articles on the same kind of event
// share a topic vocabulary that gives them as much. L is 1.57 for a 6-term
// headline, 1.05 for a 150-term article, so one threshold serves both.
// T = 0.5^(excess / half_life), where excess is the time distance beyond the
// grace span around the story's [first, last] (stories are bursts).
// Covered by tests/cluster/similarity_test.cc.
#include "cluster/similarity.h"

#include <algorithm>
#include <cmath>

#include "cluster/centroid.h"

namespace veille::cluster {

int64_t TimeGap(int64_t time, int64_t first, int64_t last) {
  if (time == kUnknownTime || first == kUnknownTime || last == kUnknownTime) return 0;
  if (time < first) return first - time;
  if (time > last) return time - last;
  return 0;
}

double CombineParts(const SimilarityParts& parts, int64_t time_gap_s, const ClusterOptions& options,
                    Explanation* why) {
  double text = 0, text_weight = 0;
  if (parts.has_title) {
    text += options.title_weight * parts.title;
    text_weight += options.title_weight;
  }
  if (parts.has_body) {
    text += options.body_weight * parts.body;
    text_weight += options.body_weight;
  }
  text = text_weight > 0 ? text / text_weight : 0;
  const double n = static_cast<double>(parts.terms);
  const double length =
      n > 0 ? 1 + options.short_text_boost * options.length_prior / (n + options.length_prior) : 0;
  double score = text * length;
  if (parts.has_entities) {
    score = (score + options.entity_weight * parts.entities) / (1 + options.entity_weight);
  }
  double time_factor = 1;
  const int64_t excess = time_gap_s - options.time_grace_s;
  if (excess > 0) {
    time_factor = std::exp2(-static_cast<double>(excess) /
                            static_cast<double>(std::max<int64_t>(1, options.time_half_life_s)));
  }
  score *= time_factor;
  if (why != nullptr) {
    why->score = score;
    why->title_cosine = parts.title;
    why->body_cosine = parts.body;
    why->entity_cosine = parts.entities;
    why->length_factor = length;
    why->time_factor = time_factor;
    why->time_gap_s = time_gap_s;
  }
  return score;
}

SimilarityParts DocParts(const ClusterDoc& a, const ClusterDoc& b) {
  SimilarityParts p;
  size_t terms_a = 0, terms_b = 0;
  if (!a.title.terms.empty() && !b.title.terms.empty()) {
    p.has_title = true;
    p.title = Cosine(a.title, b.title);
    terms_a += a.title.terms.size();
    terms_b += b.title.terms.size();
  }
  if (!a.body.terms.empty() && !b.body.terms.empty()) {
    p.has_body = true;
    p.body = Cosine(a.body, b.body);
    terms_a += a.body.terms.size();
    terms_b += b.body.terms.size();
  }
  if (!a.entities.terms.empty() && !b.entities.terms.empty()) {
    p.has_entities = true;
    p.entities = Cosine(a.entities, b.entities);
  }
  p.terms = std::min(terms_a, terms_b);
  return p;
}

}  // namespace veille::cluster
