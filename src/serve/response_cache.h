// ResponseCache: GET answers kept by request target for a few seconds, so
// that what many people ask at once (the front page, a hot story, a popular
// search) is computed once per period whatever the load.
//
// - Fresh (younger than `ttl`): served as is.
// - Stale (between `ttl` and `ttl + stale`): served while one request
//   recomputes it (stale-while-revalidate), so an expiry never makes every
//   client wait at once; at most `max_refreshes` such recomputations run at
//   a time, so that many answers expiring together never crowd out the
//   requests being served.
// - Missing or older: the first request computes it; concurrent requests for
//   the same target wait for that answer (single flight) instead of computing
//   it again, for at most `max_wait`, after which they compute their own.
// - Invalidate() (after a write) drops every answer; answers being computed
//   at that moment are handed to the requests already waiting for them but
//   not kept (they may predate the write).
// - Bounded by bytes, least recently used first out; an answer larger than
//   `max_entry_bytes` is not kept.
// Thread-safe.
#ifndef VEILLE_SERVE_RESPONSE_CACHE_H_
#define VEILLE_SERVE_RESPONSE_CACHE_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace veille::serve {

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;

  struct Options {
    std::chrono::milliseconds ttl{5000};
    std::chrono::milliseconds stale{30000};
    size_t max_bytes = size_t{64} << 20;
    size_t max_entry_bytes = size_t{4} << 20;
    std::chrono::milliseconds max_wait{2000};
    // Stale answers being recomputed at once, at most; beyond, a stale
    // answer is served as is until a refresh slot frees (within `stale`).
    int max_refreshes = 1;
  };

  // A whole response: only status 200 is kept, but any answer is handed to
  // the requests that waited for it.
  struct Answer {
    int status = 200;
    std::string body;
    std::string content_type;
    std::vector<std::pair<std::string, std::string>> headers;  // others the handler set
  };
  using AnswerPtr = std::shared_ptr<const Answer>;

  // What Get gave: `answer` null only when `compute` ran here and returned
  // null (nothing to share).
  struct Outcome {
    AnswerPtr answer;
    bool computed = false;  // `compute` ran in this call
    bool stale = false;     // a stale answer served during its refresh
  };

  struct Counters {
    int64_t fresh_hits = 0;
    int64_t stale_hits = 0;
    int64_t waits = 0;  // requests answered by another request's computation
    int64_t computes = 0;
    int64_t entries = 0;
    int64_t bytes = 0;
  };

  explicit ResponseCache(const Options& options) : options_(options) {}

  // The answer for `key`: a kept one, the one another request is computing,
  // or the one `compute` returns (called at most once, in this thread; kept
  // when its status is 200). An exception from `compute` propagates;
  // requests waiting for that answer compute their own.
  Outcome Get(const std::string& key, const std::function<AnswerPtr()>& compute);

  // Drops every answer (see the file comment).
  void Invalidate();

  Counters counters() const;

 private:
  struct Entry {
    AnswerPtr answer;
    Clock::time_point stored;
    std::list<std::string>::iterator lru;  // position in lru_
  };
  struct Flight {
    std::condition_variable done_cv;
    bool done = false;
    AnswerPtr answer;
  };

  Outcome Compute(std::unique_lock<std::mutex>& lock, const std::string& key,
                  const std::function<AnswerPtr()>& compute, bool lead, bool refresh = false);
  // Ends `flight` (may be null) with `answer`: waiters wake. mu_ held.
  void Land(const std::string& key, const std::shared_ptr<Flight>& flight, const AnswerPtr& answer);
  void Keep(const std::string& key, AnswerPtr answer);              // mu_ held
  void Erase(std::unordered_map<std::string, Entry>::iterator it);  // mu_ held

  const Options options_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // most recently used first
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
  size_t bytes_ = 0;
  uint64_t generation_ = 0;  // bumped by Invalidate
  int refreshes_ = 0;        // stale answers being recomputed
  Counters counters_;
};

}  // namespace veille::serve

#endif  // VEILLE_SERVE_RESPONSE_CACHE_H_
