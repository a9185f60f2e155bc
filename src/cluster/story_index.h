// StoryIndex: inverted index from term ids and entity ids to the live stories
// whose members carry them, so that a new doc meets only the stories that
// share its heaviest terms or its entities (never a scan of all stories).
// Postings hold story slots; each (key, slot) pair is stored once. Not
// thread-safe.
#ifndef VEILLE_CLUSTER_STORY_INDEX_H_
#define VEILLE_CLUSTER_STORY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace veille::cluster {

class StoryIndex {
 public:
  enum class Kind : uint8_t { kTerm = 0, kEntity = 1 };

  // Indexes `slot` under `key` (no-op when already there).
  void Add(Kind kind, uint32_t key, uint32_t slot);
  // Removes every posting of `slot` (its keys are remembered per slot).
  void RemoveStory(uint32_t slot);
  // Moves every posting of `from` to `into`.
  void MoveStory(uint32_t from, uint32_t into);
  // Accumulates weight per slot over the postings of the query keys, and
  // returns the `limit` best slots (ties: lower slot first).
  std::vector<uint32_t> Query(const std::vector<std::pair<uint64_t, float>>& keyed_weights,
                              size_t limit) const;
  // Packs kind and key into one map key.
  static uint64_t Key(Kind kind, uint32_t key) { return (static_cast<uint64_t>(kind) << 32) | key; }
  size_t postings() const { return postings_count_; }

 private:
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;
  std::unordered_map<uint32_t, std::vector<uint64_t>> keys_of_;  // slot -> keys
  size_t postings_count_ = 0;
};

}  // namespace veille::cluster

#endif  // VEILLE_CLUSTER_STORY_INDEX_H_
