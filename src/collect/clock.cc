// SystemClock and ManualClock (include/veille/collect.h).
#include <algorithm>
#include <chrono>
#include <thread>

#include "veille/collect.h"

namespace veille {
namespace {

// Longest single sleep of the system clock, so that a stop request (SIGINT
// in `watch`) is noticed within this many milliseconds.
constexpr int64_t kStopPollMs = 100;

class WallClock final : public Clock {
 public:
  int64_t NowMs() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  void SleepUntilMs(int64_t deadline_ms, const std::atomic<bool>* stop) override {
    for (;;) {
      if (stop != nullptr && stop->load()) return;
      const int64_t left = deadline_ms - NowMs();
      if (left <= 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(left, kStopPollMs)));
    }
  }
};

}  // namespace

Clock& SystemClock() {
  static WallClock* clock = new WallClock();  // never destroyed: used by detached work at exit
  return *clock;
}

void ManualClock::SleepUntilMs(int64_t deadline_ms, const std::atomic<bool>* stop) {
  if (stop != nullptr && stop->load()) return;
  int64_t now = now_ms_.load();
  while (now < deadline_ms && !now_ms_.compare_exchange_weak(now, deadline_ms)) {
  }
}

void ManualClock::Advance(int64_t ms) { now_ms_.fetch_add(std::max<int64_t>(ms, 0)); }

}  // namespace veille
