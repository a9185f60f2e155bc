// Storyline linking.
//
// A storyline is a chain of stories about one ongoing matter (the 2019
// Vladivostok summit and the 2024 Pyongyang visit of the same two leaders).
// Stories are linked when they share central entities (the heaviest entities
// of each story's centroid) and some topic vocabulary, with no time limit;
// storylines are the connected components of the links (union-find).
// Candidates: an inverted index from entity id to the stories holding it
// among their central entities, so the cost is the sum over entities of the
// squared posting length, not all pairs; entities in more than
// kMaxPostingStories stories ("United States") are too common to link on and
// are skipped as keys (they still count in the cosine).
// Example: stories A {Kim, Putin, Vladivostok} and B {Kim, Putin, Pyongyang}
// share two central entities, entity cosine 0.6, topic cosine 0.2: linked.
// Covered by tests/cluster/storyline_linker_test.cc.
#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "cluster/centroid.h"
#include "veille/cluster.h"

namespace veille {
namespace {

constexpr size_t kMaxPostingStories = 2000;

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

int SharedCount(const IdVector& a, const IdVector& b) {
  int n = 0;
  size_t i = 0, j = 0;
  while (i < a.terms.size() && j < b.terms.size()) {
    if (a.terms[i].first < b.terms[j].first) {
      ++i;
    } else if (a.terms[i].first > b.terms[j].first) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

}  // namespace

std::vector<Storyline> LinkStorylines(const std::vector<StoryProfile>& stories,
                                      const StorylineOptions& options) {
  std::vector<size_t> order(stories.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return stories[a].story_id < stories[b].story_id; });
  std::unordered_map<uint32_t, std::vector<size_t>> by_entity;
  for (size_t idx : order) {
    for (const auto& [id, w] : stories[idx].entities.terms) by_entity[id].push_back(idx);
  }
  UnionFind uf(stories.size());
  std::vector<int> seen(stories.size(), -1);
  for (size_t idx : order) {
    const StoryProfile& a = stories[idx];
    for (const auto& [id, w] : a.entities.terms) {
      const auto& list = by_entity[id];
      if (list.size() > kMaxPostingStories) continue;
      for (size_t other : list) {
        if (other == idx || seen[other] == static_cast<int>(idx)) continue;
        seen[other] = static_cast<int>(idx);
        const StoryProfile& b = stories[other];
        if (SharedCount(a.entities, b.entities) < options.min_shared_entities) continue;
        if (cluster::Cosine(a.entities, b.entities) < options.entity_threshold) continue;
        if (cluster::Cosine(a.terms, b.terms) < options.topic_threshold) continue;
        uf.Union(idx, other);
      }
    }
  }
  std::unordered_map<size_t, size_t> line_of_root;
  std::vector<Storyline> lines;
  for (size_t idx : order) {
    const size_t root = uf.Find(idx);
    auto [it, inserted] = line_of_root.emplace(root, lines.size());
    if (inserted) lines.push_back({stories[idx].story_id, {}});
    lines[it->second].story_ids.push_back(stories[idx].story_id);
  }
  return lines;
}

}  // namespace veille
