#include "serve/response_cache.h"

#include <utility>

namespace veille::serve {
namespace {

// Bytes an entry is counted for.
size_t Footprint(const std::string& key, const ResponseCache::Answer& a) {
  size_t n = key.size() + a.body.size() + a.content_type.size();
  for (const auto& [name, value] : a.headers) n += name.size() + value.size();
  return n;
}

}  // namespace

ResponseCache::Outcome ResponseCache::Get(const std::string& key,
                                          const std::function<AnswerPtr()>& compute) {
  std::unique_lock<std::mutex> lock(mu_);
  {
    const Clock::time_point now = Clock::now();
    const bool refreshing = flights_.count(key) > 0;
    if (auto it = entries_.find(key); it != entries_.end()) {
      const auto age = now - it->second.stored;
      if (age < options_.ttl || (refreshing && age < options_.ttl + options_.stale)) {
        lru_.splice(lru_.begin(), lru_, it->second.lru);
        const bool stale = age >= options_.ttl;
        ++(stale ? counters_.stale_hits : counters_.fresh_hits);
        return {it->second.answer, false, stale};
      }
      if (age >= options_.ttl + options_.stale) {
        Erase(it);
      } else if (refreshes_ < options_.max_refreshes) {
        // Stale and nobody refreshing it: this request does, the others are
        // served the stale answer meanwhile.
        return Compute(lock, key, compute, /*lead=*/true, /*refresh=*/true);
      } else {
        // Enough refreshes run already (many answers expire together after
        // a burst): stale for a little longer, so that refreshing never
        // crowds out the answers being served.
        lru_.splice(lru_.begin(), lru_, it->second.lru);
        ++counters_.stale_hits;
        return {it->second.answer, false, true};
      }
    }
    if (!refreshing) return Compute(lock, key, compute, /*lead=*/true);
    // Another request computes this answer: wait for it.
    const std::shared_ptr<Flight> flight = flights_[key];
    if (!flight->done_cv.wait_until(lock, now + options_.max_wait,
                                    [&flight] { return flight->done; })) {
      return Compute(lock, key, compute, /*lead=*/false);  // too slow: compute our own
    }
    if (flight->answer == nullptr) {
      // Its computation threw: compute our own, in parallel with the other
      // waiters rather than one after another.
      return Compute(lock, key, compute, /*lead=*/false);
    }
    ++counters_.waits;
    return {flight->answer, false, false};
  }
}

ResponseCache::Outcome ResponseCache::Compute(std::unique_lock<std::mutex>& lock,
                                              const std::string& key,
                                              const std::function<AnswerPtr()>& compute, bool lead,
                                              bool refresh) {
  std::shared_ptr<Flight> flight;
  if (lead) {
    flight = std::make_shared<Flight>();
    flights_[key] = flight;
  }
  const uint64_t generation = generation_;
  ++counters_.computes;
  if (refresh) ++refreshes_;
  lock.unlock();
  AnswerPtr answer;
  try {
    answer = compute();
  } catch (...) {
    // The waiters compute their own; the exception goes on to the caller.
    lock.lock();
    if (refresh) --refreshes_;
    Land(key, flight, nullptr);
    throw;
  }
  lock.lock();
  if (refresh) --refreshes_;
  Land(key, flight, answer);
  if (answer != nullptr && answer->status == 200 && generation == generation_) Keep(key, answer);
  return {std::move(answer), true, false};
}

void ResponseCache::Land(const std::string& key, const std::shared_ptr<Flight>& flight,
                         const AnswerPtr& answer) {
  if (flight == nullptr) return;
  if (auto it = flights_.find(key); it != flights_.end() && it->second == flight) {
    flights_.erase(it);
  }
  flight->done = true;
  flight->answer = answer;
  flight->done_cv.notify_all();
}

void ResponseCache::Keep(const std::string& key, AnswerPtr answer) {
  const size_t size = Footprint(key, *answer);
  if (size > options_.max_entry_bytes || size > options_.max_bytes) return;
  if (auto it = entries_.find(key); it != entries_.end()) Erase(it);
  while (bytes_ + size > options_.max_bytes && !lru_.empty()) {
    Erase(entries_.find(lru_.back()));
  }
  // Allocations first (a throw changes nothing), then the no-throw splice.
  std::list<std::string> node{key};
  const auto it = entries_.emplace(key, Entry{std::move(answer), Clock::now(), node.begin()}).first;
  lru_.splice(lru_.begin(), node);
  it->second.lru = lru_.begin();
  bytes_ += size;
}

void ResponseCache::Erase(std::unordered_map<std::string, Entry>::iterator it) {
  bytes_ -= Footprint(it->first, *it->second.answer);
  lru_.erase(it->second.lru);
  entries_.erase(it);
}

void ResponseCache::Invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
  // Requests arriving from now on must not join a computation that may
  // predate the write; the ones already waiting still get its answer.
  flights_.clear();
  ++generation_;
}

ResponseCache::Counters ResponseCache::counters() const {
  std::lock_guard<std::mutex> lock(mu_);
  Counters c = counters_;
  c.entries = static_cast<int64_t>(entries_.size());
  c.bytes = static_cast<int64_t>(bytes_);
  return c;
}

}  // namespace veille::serve
