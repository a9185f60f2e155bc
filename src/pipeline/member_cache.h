// MemberCache: the summarizer's inputs of story members (SummaryArticle),
// least recently used evicted beyond a capacity. A story re-summarised reads
// (and so refreshes) all its members, so the members of the stories still
// growing stay cached while those of stories gone quiet are evicted first;
// a full clear instead made every story's next summary reload all its
// members from the store, the more often the larger the base.
#ifndef VEILLE_PIPELINE_MEMBER_CACHE_H_
#define VEILLE_PIPELINE_MEMBER_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>
#include <utility>

#include "veille/summarize.h"

namespace veille::pipeline {

class MemberCache {
 public:
  explicit MemberCache(size_t capacity) : capacity_(capacity) {}
  MemberCache(const MemberCache&) = delete;
  MemberCache& operator=(const MemberCache&) = delete;

  // The cached article `id` (now the most recent), or null. The pointer stays
  // valid until the entry is evicted by a later Put.
  SummaryArticle* Find(int64_t id) {
    auto it = map_.find(id);
    if (it == map_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return &*it->second;
  }
  // Caches `article` (replacing an entry of the same id) as the most recent,
  // evicting the least recent beyond capacity; returns the cached copy.
  SummaryArticle* Put(SummaryArticle article) {
    if (auto it = map_.find(article.id); it != map_.end()) {
      *it->second = std::move(article);
      lru_.splice(lru_.begin(), lru_, it->second);
      return &lru_.front();
    }
    lru_.push_front(std::move(article));
    map_[lru_.front().id] = lru_.begin();
    while (lru_.size() > capacity_ && lru_.size() > 1) {
      map_.erase(lru_.back().id);
      lru_.pop_back();
    }
    return &lru_.front();
  }
  void Erase(int64_t id) {
    if (auto it = map_.find(id); it != map_.end()) {
      lru_.erase(it->second);
      map_.erase(it);
    }
  }
  size_t size() const { return lru_.size(); }

 private:
  size_t capacity_;
  std::list<SummaryArticle> lru_;  // most recent first; nodes keep addresses stable
  std::unordered_map<int64_t, std::list<SummaryArticle>::iterator> map_;
};

}  // namespace veille::pipeline

#endif  // VEILLE_PIPELINE_MEMBER_CACHE_H_
