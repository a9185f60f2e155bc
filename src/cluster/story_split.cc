// Story splits. BisectMembers (story_split.h) is a two-means over pair
// scores (the "kernel" is the clusterer's own doc-to-doc score), restarted
// from m seed pairs because one restart can settle on an outlier: the
// margin (lower within mean minus between mean) picks the restart.
// Online (OnlineClusterer::MaybeSplit): a story is checked each time its
// size reaches the next of 2 x split_min_part, then x split_growth (6, 9,
// 14, 21, 32, ... members: O(log n) checks as it grows to n), over its
// recent members (m <= support_sample: m^2 / 2 pair scores, 66 at 12, and
// m^3 cheap steps), so the cost per doc stays flat. The smaller side moves
// to a new story: its centroids are built from the moved docs and
// subtracted from the old story's, which keeps its members older than the
// recent window. The old story's index postings stay (a superset: it is
// scored a little more often, never missed).
// Why group averages: a doc of event B can join a 1-3 doc story of event A
// at a score as high as right joins (ECB+: same kind of event, same team);
// single decisions are noisy, but pair-score AUC within a topic is ~0.88,
// so once both events have several members the averages tell them apart.
#include "cluster/story_split.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "cluster/online_clusterer.h"
#include "cluster/similarity.h"

namespace veille::cluster {
namespace {

// Symmetric m x m pair scores, row-major.
std::vector<double> PairScores(const std::vector<const ClusterDoc*>& m,
                               const ClusterOptions& options) {
  const size_t n = m.size();
  std::vector<double> s(n * n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const int64_t gap = TimeGap(m[i]->time, m[j]->time, m[j]->time);
      const double v = CombineParts(DocParts(*m[i], *m[j], options), gap, options, nullptr);
      s[i * n + j] = s[j * n + i] = v;
    }
  }
  return s;
}

// Group means of a partition; false when a side has fewer than 2 members.
bool Means(const std::vector<double>& s, const std::vector<uint8_t>& side, Bisection* b) {
  const size_t n = side.size();
  double sum[3] = {0, 0, 0};  // within 0, within 1, between
  b->size[0] = b->size[1] = 0;
  for (size_t i = 0; i < n; ++i) {
    ++b->size[side[i]];
    for (size_t j = i + 1; j < n; ++j) sum[side[i] == side[j] ? side[i] : 2] += s[i * n + j];
  }
  if (b->size[0] < 2 || b->size[1] < 2) return false;
  const auto pairs = [](size_t k) { return static_cast<double>(k * (k - 1) / 2); };
  b->within[0] = sum[0] / pairs(b->size[0]);
  b->within[1] = sum[1] / pairs(b->size[1]);
  b->between = sum[2] / static_cast<double>(b->size[0] * b->size[1]);
  return true;
}

// Two-means from seeds a (side 0) and b (side 1): sequential moves, in
// index order, of each member to the side it scores higher with on average.
std::vector<uint8_t> Refine(const std::vector<double>& s, size_t n, size_t a, size_t b) {
  std::vector<uint8_t> side(n, 0);
  for (size_t i = 0; i < n; ++i) side[i] = s[i * n + b] > s[i * n + a] ? 1 : 0;
  side[a] = 0, side[b] = 1;
  constexpr int kMaxRounds = 10;
  for (int round = 0; round < kMaxRounds; ++round) {
    bool moved = false;
    for (size_t i = 0; i < n; ++i) {
      double sum[2] = {0, 0};
      size_t count[2] = {0, 0};
      for (size_t j = 0; j < n; ++j) {
        if (j == i) continue;
        sum[side[j]] += s[i * n + j];
        ++count[side[j]];
      }
      if (count[0] == 0 || count[1] == 0) continue;  // the last of its side stays
      const double mean0 = sum[0] / static_cast<double>(count[0]);
      const double mean1 = sum[1] / static_cast<double>(count[1]);
      const uint8_t want = mean1 > mean0 ? 1 : mean0 > mean1 ? 0 : side[i];
      if (want != side[i]) side[i] = want, moved = true;
    }
    if (!moved) break;
  }
  return side;
}

}  // namespace

Bisection BisectMembers(const std::vector<const ClusterDoc*>& members,
                        const ClusterOptions& options) {
  Bisection best;
  const size_t n = members.size();
  const auto min_part = static_cast<size_t>(std::max(2, options.split_min_part));
  if (n < 2 * min_part) return best;
  const std::vector<double> s = PairScores(members, options);
  double best_margin = 0;
  for (size_t a = 0; a < n; ++a) {
    size_t b = a == 0 ? 1 : 0;
    for (size_t j = 0; j < n; ++j) {
      if (j != a && s[a * n + j] < s[a * n + b]) b = j;
    }
    Bisection c;
    c.side = Refine(s, n, a, b);
    if (!Means(s, c.side, &c) || c.size[0] < min_part || c.size[1] < min_part) continue;
    const double margin = std::min(c.within[0], c.within[1]) - c.between;
    if (best.side.empty() || margin > best_margin) best = std::move(c), best_margin = margin;
  }
  if (best.side.empty()) return best;
  best.split = best.between < options.split_threshold &&
               std::min(best.within[0], best.within[1]) >= options.split_cohesion &&
               best.between <= options.split_ratio * std::min(best.within[0], best.within[1]);
  return best;
}

int OnlineClusterer::SplitLevel(size_t size) const {
  if (!options_.story_splits) return 0;
  double next = 2.0 * std::max(2, options_.split_min_part);
  const double growth = options_.split_growth;  // > 1 (Create checks it)
  int level = 0;
  while (static_cast<double>(size) >= next) {
    ++level;
    next = std::ceil(next * growth);
  }
  return level;
}

bool OnlineClusterer::Apart(uint32_t a, uint32_t b) const {
  for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
    for (int64_t id : stories_[from].apart) {
      auto it = id_to_slot_.find(id);
      if (it != id_to_slot_.end() && it->second == to) return true;
    }
  }
  return false;
}

void OnlineClusterer::MaybeSplit(uint32_t slot, Assignment* out) {
  if (!options_.story_splits) return;
  Story& s = stories_[slot];
  const int level = SplitLevel(s.doc_ids.size());
  if (level <= s.split_level) return;
  s.split_level = level;
  std::vector<const ClusterDoc*> members;
  for (const ClusterDoc& d : s.recent) members.push_back(&d);
  const Bisection b = BisectMembers(members, options_);
  if (!b.split) return;
  // The smaller side moves; on a tie, the side without the oldest recent
  // member (the story keeps the members that founded it).
  const uint8_t moving = b.size[0] != b.size[1] ? (b.size[1] < b.size[0] ? 1 : 0)
                                                : static_cast<uint8_t>(1 - b.side[0]);
  SplitStory(slot, b.side, moving, out);
}

void OnlineClusterer::SplitStory(uint32_t slot, const std::vector<uint8_t>& side, uint8_t moving,
                                 Assignment* out) {
  const uint32_t fresh = NewStory(next_id_);  // before taking references
  Story& s = stories_[slot];
  std::deque<ClusterDoc> kept, moved;
  for (size_t k = 0; k < s.recent.size(); ++k) {
    (side[k] == moving ? moved : kept).push_back(std::move(s.recent[k]));
  }
  s.recent = std::move(kept);
  live_docs_ -= moved.size();  // AddMember counts them again
  std::unordered_set<int64_t> moved_ids;
  for (const ClusterDoc& d : moved) {
    moved_ids.insert(d.id);
    s.title.Subtract(d.title);
    s.body.Subtract(d.body);
    if (options_.cross_text) s.whole.Subtract(WholeText(d, options_));
    s.entities.Subtract(d.entities);
    s.places.Subtract(d.places);
    if (options_.person_penalty > 0) s.persons.Subtract(d.persons);
    int32_t first = 0, last = 0;
    if (EventSpan(d, options_.date_lead_sentences, &first, &last)) {
      const int32_t day = first + (last - first) / 2;
      auto it = std::lower_bound(s.event_days.begin(), s.event_days.end(), day);
      if (it != s.event_days.end() && *it == day) s.event_days.erase(it);
    }
  }
  // Members, times and span of what stays.
  std::vector<int64_t> ids, times;
  s.first = s.last = kUnknownTime;
  for (size_t k = 0; k < s.doc_ids.size(); ++k) {
    if (moved_ids.count(s.doc_ids[k])) continue;
    ids.push_back(s.doc_ids[k]);
    times.push_back(s.doc_times[k]);
    if (s.doc_times[k] == kUnknownTime) continue;
    s.first = s.first == kUnknownTime ? s.doc_times[k] : std::min(s.first, s.doc_times[k]);
    s.last = s.last == kUnknownTime ? s.doc_times[k] : std::max(s.last, s.doc_times[k]);
  }
  s.doc_ids = std::move(ids);
  s.doc_times = std::move(times);
  if (s.last != kUnknownTime) expiry_.emplace(s.last, slot);
  s.split_level = SplitLevel(s.doc_ids.size());
  // The new story, built as if its members had joined it (not new arrivals).
  const uint64_t arrivals = arrivals_;
  StorySplit split;
  split.from = s.id;
  split.story_id = stories_[fresh].id;
  for (const ClusterDoc& d : moved) {
    AddMember(fresh, d);
    split.doc_ids.push_back(d.id);
  }
  arrivals_ = arrivals;
  Story& n = stories_[fresh];
  n.touched = arrivals_;
  n.split_level = SplitLevel(n.doc_ids.size());
  n.apart.push_back(stories_[slot].id);
  stories_[slot].apart.push_back(n.id);
  if (moved_ids.count(out->doc_id)) out->story_id = n.id;
  out->splits.push_back(split);
  splits_.push_back(std::move(split));
}

}  // namespace veille::cluster
