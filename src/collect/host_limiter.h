// HostLimiter: politeness per host. At most `max_concurrent` requests to one
// host at a time, and the starts of two requests to one host at least
// `min_interval_ms` apart, measured on the injected Clock. Thread-safe.
#ifndef VEILLE_COLLECT_HOST_LIMITER_H_
#define VEILLE_COLLECT_HOST_LIMITER_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "veille/collect.h"

namespace veille::collect {

class HostLimiter {
 public:
  HostLimiter(Clock& clock, int64_t min_interval_ms, int max_concurrent)
      : clock_(clock), min_interval_ms_(min_interval_ms), max_concurrent_(max_concurrent) {}
  HostLimiter(const HostLimiter&) = delete;  // threads wait on its members
  HostLimiter& operator=(const HostLimiter&) = delete;

  // Blocks until a request to `host` may start: a concurrency slot is free
  // and the host's next start time (reserved here, so concurrent callers are
  // spaced out too) has come. Returns the reserved start time.
  // Every Acquire must be followed by one Release(host).
  int64_t Acquire(const std::string& host);
  void Release(const std::string& host);

 private:
  struct HostState {
    int active = 0;
    int64_t next_start_ms = 0;  // earliest start of the next request
  };
  Clock& clock_;
  const int64_t min_interval_ms_;
  const int max_concurrent_;
  std::mutex mu_;
  std::condition_variable slot_freed_;
  std::unordered_map<std::string, HostState> hosts_;  // GUARDED_BY(mu_)
};

}  // namespace veille::collect

#endif  // VEILLE_COLLECT_HOST_LIMITER_H_
