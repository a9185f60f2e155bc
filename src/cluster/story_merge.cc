// Story merges (OnlineClusterer members; see online_clusterer.cc for the
// algorithm): when two stories are one event split by arrival order.
//   - Bridged (ShouldMerge, in Add): a doc that joins one story and scores
//     >= merge_threshold against another, whose centroids agree.
//   - On change (MergeLinked, story_merge_threshold): the story a doc just
//     joined or founded and a candidate story whose members agree with its
//     members on average (group average, Voorhees 1986: unlike the best
//     pair, it stays low for two same-kind events that share the kind's
//     vocabulary but not actors, places or numbers), and whose centroids
//     agree. One pair (two singletons) needs the join threshold.
// The older id survives; every merge is recorded (merges()).
#include <algorithm>
#include <cmath>

#include "cluster/online_clusterer.h"

namespace veille::cluster {

bool OnlineClusterer::ShouldMerge(const Story& a, const Story& b) const {
  SimilarityParts p;
  // Terms per member (a centroid's distinct terms over its members).
  // At least 1: members repeating the same few terms must not zero it (the
  // length weighting would then fall back to the fixed weights).
  auto per_member = [](const Centroid& c) {
    return std::max<size_t>(1, c.count() > 0 ? c.size() / c.count() : c.size());
  };
  if (!a.title.empty() && !b.title.empty()) {
    p.has_title = true;
    p.title = a.title.Cosine(b.title);
    p.title_terms = std::min(per_member(a.title), per_member(b.title));
  }
  if (options_.cross_text ? !a.body.empty() || !b.body.empty()
                          : !a.body.empty() && !b.body.empty()) {
    p.has_body = true;
    p.body = options_.cross_text ? a.whole.Cosine(b.whole) : a.body.Cosine(b.body);
    p.body_terms = std::min(per_member(a.body), per_member(b.body));
  }
  if (!a.entities.empty() && !b.entities.empty()) {
    p.has_entities = true;
    p.entities = a.entities.Cosine(b.entities);
    p.entity_count = std::min(a.entities.size(), b.entities.size());
  }
  if (!a.places.empty() && !b.places.empty()) {
    p.has_places = true;
    p.places = a.places.Cosine(b.places);
    const bool check = options_.place_penalty > 0;
    const IdVector top_a = check ? a.places.Top(1) : IdVector();
    const IdVector top_b = check ? b.places.Top(1) : IdVector();
    p.place_conflict = !top_a.terms.empty() && !top_b.terms.empty() &&
                       b.places.Cosine(top_a) <= 0 && a.places.Cosine(top_b) <= 0;
  }
  if (options_.person_penalty > 0 && !a.persons.empty() && !b.persons.empty()) {
    p.has_persons = true;
    p.persons = a.persons.Cosine(b.persons);
  }
  int32_t day_a = 0, day_b = 0;
  if (EventDay(a, &day_a) && EventDay(b, &day_b)) {
    p.has_dates = true;
    p.date_gap_days = std::abs(day_a - day_b);
  }
  p.terms = std::min(a.title.size() + a.body.size(), b.title.size() + b.body.size());
  int64_t gap = 0;
  if (a.first != kUnknownTime && b.first != kUnknownTime) {
    gap = std::max<int64_t>({0, a.first - b.last, b.first - a.last});
  }
  return CombineParts(p, gap, options_, nullptr) >= options_.merge_centroid_threshold;
}

void OnlineClusterer::MergeInto(uint32_t into, uint32_t from) {
  Story& a = stories_[into];
  Story& b = stories_[from];
  a.title.Merge(b.title);
  a.body.Merge(b.body);
  a.whole.Merge(b.whole);
  a.entities.Merge(b.entities);
  a.places.Merge(b.places);
  a.persons.Merge(b.persons);
  a.join_score_sum += b.join_score_sum;
  a.join_count += b.join_count;
  for (int32_t day : b.event_days) AddEventDay(&a, day);
  for (int64_t d : b.doc_ids) {
    a.doc_ids.push_back(d);
    doc_to_slot_[d] = into;
  }
  a.doc_times.insert(a.doc_times.end(), b.doc_times.begin(), b.doc_times.end());
  a.split_level = std::max(a.split_level, b.split_level);
  a.apart.insert(a.apart.end(), b.apart.begin(), b.apart.end());
  if (b.first != kUnknownTime) {
    a.first = a.first == kUnknownTime ? b.first : std::min(a.first, b.first);
    a.last = a.last == kUnknownTime ? b.last : std::max(a.last, b.last);
    expiry_.emplace(a.last, into);
  }
  for (ClusterDoc& d : b.recent) a.recent.push_back(std::move(d));
  std::sort(a.recent.begin(), a.recent.end(),
            [](const ClusterDoc& x, const ClusterDoc& y) { return x.time < y.time; });
  while (a.recent.size() > static_cast<size_t>(std::max(1, options_.support_sample))) {
    a.recent.pop_front();
    --live_docs_;
  }
  index_.MoveStory(from, into);
  merges_.push_back({b.id, a.id});
  const int64_t from_id = b.id;
  b = Story();
  b.id = from_id;
  b.merged = true;
  id_to_slot_[b.id] = into;
}

double OnlineClusterer::GroupAverage(const Story& a, const Story& b) const {
  double sum = 0;
  size_t n = 0;
  for (const ClusterDoc& x : a.recent) {
    for (const ClusterDoc& y : b.recent) {
      const int64_t gap = TimeGap(x.time, y.time, y.time);
      sum += CombineParts(DocParts(x, y, options_), gap, options_, nullptr);
      ++n;
    }
  }
  return n > 0 ? sum / static_cast<double>(n) : 0;
}

uint32_t OnlineClusterer::MergeLinked(uint32_t slot, const std::vector<Scored>& scored,
                                      Assignment* out) {
  if (options_.story_merge_threshold <= 0) return slot;
  const double floor = options_.support_ratio * options_.join_threshold;
  for (const Scored& c : scored) {
    if (c.score < floor) break;  // sorted best first
    const uint32_t other = c.slot;
    if (other == slot || stories_[other].merged || !stories_[other].live) continue;
    // One pair is one doc's evidence: it needs what a join needs.
    const size_t pairs = stories_[slot].recent.size() * stories_[other].recent.size();
    const double bar = pairs > 1
                           ? options_.story_merge_threshold
                           : std::max(options_.story_merge_threshold, options_.join_threshold);
    if (GroupAverage(stories_[slot], stories_[other]) < bar) continue;
    if (Apart(slot, other) || !ShouldMerge(stories_[slot], stories_[other])) continue;
    const uint32_t into = stories_[slot].id < stories_[other].id ? slot : other;
    const uint32_t from = into == slot ? other : slot;
    out->merged_story_ids.push_back(stories_[from].id);
    MergeInto(into, from);
    slot = into;
  }
  return slot;
}

}  // namespace veille::cluster
