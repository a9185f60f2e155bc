#include "cluster/story_index.h"

#include <algorithm>

namespace veille::cluster {

void StoryIndex::Add(Kind kind, uint32_t key, uint32_t slot) {
  const uint64_t k = Key(kind, key);
  std::vector<uint32_t>& list = postings_[k];
  // Postings are appended in slot-update order; a story re-indexed under the
  // same key is usually the last one added, so check the tail first.
  if (!list.empty() && list.back() == slot) return;
  if (std::find(list.begin(), list.end(), slot) != list.end()) return;
  list.push_back(slot);
  keys_of_[slot].push_back(k);
  ++postings_count_;
}

void StoryIndex::RemoveStory(uint32_t slot) {
  auto it = keys_of_.find(slot);
  if (it == keys_of_.end()) return;
  for (uint64_t k : it->second) {
    auto pit = postings_.find(k);
    if (pit == postings_.end()) continue;
    auto& list = pit->second;
    auto pos = std::find(list.begin(), list.end(), slot);
    if (pos != list.end()) {
      list.erase(pos);
      --postings_count_;
    }
    if (list.empty()) postings_.erase(pit);
  }
  keys_of_.erase(it);
}

void StoryIndex::MoveStory(uint32_t from, uint32_t into) {
  auto it = keys_of_.find(from);
  if (it == keys_of_.end()) return;
  const std::vector<uint64_t> keys = it->second;  // a copy: RemoveStory reads the original
  RemoveStory(from);
  for (uint64_t k : keys) {
    Add(static_cast<Kind>(k >> 32), static_cast<uint32_t>(k & 0xffffffffu), into);
  }
}

std::vector<uint32_t> StoryIndex::Query(
    const std::vector<std::pair<uint64_t, float>>& keyed_weights, size_t limit) const {
  std::unordered_map<uint32_t, float> acc;
  for (const auto& [k, w] : keyed_weights) {
    auto it = postings_.find(k);
    if (it == postings_.end()) continue;
    for (uint32_t slot : it->second) acc[slot] += w;
  }
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(acc.size());
  for (const auto& [slot, w] : acc) ranked.emplace_back(w, slot);
  auto better = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  if (ranked.size() > limit) {
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(limit), ranked.end(),
                      better);
    ranked.resize(limit);
  } else {
    std::sort(ranked.begin(), ranked.end(), better);
  }
  std::vector<uint32_t> out;
  out.reserve(ranked.size());
  for (const auto& r : ranked) out.push_back(r.second);
  return out;
}

}  // namespace veille::cluster
