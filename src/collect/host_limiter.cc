// HostLimiter (host_limiter.h). Tested through fetcher_test.cc
// (RateLimitSpacesRequests, ConcurrencyLimitHolds).
#include "collect/host_limiter.h"

#include <algorithm>

namespace veille::collect {

int64_t HostLimiter::Acquire(const std::string& host) {
  int64_t start = 0;
  {
    std::unique_lock<std::mutex> lock(mu_);
    HostState& h = hosts_[host];
    slot_freed_.wait(lock, [&] { return h.active < max_concurrent_; });
    ++h.active;
    start = std::max(clock_.NowMs(), h.next_start_ms);
    h.next_start_ms = start + min_interval_ms_;
  }
  clock_.SleepUntilMs(start);
  return start;
}

void HostLimiter::Release(const std::string& host) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    HostState& h = hosts_[host];
    h.active = std::max(0, h.active - 1);
  }
  slot_freed_.notify_all();
}

}  // namespace veille::collect
