// Adaptive polling schedule (include/veille/collect.h). Tested by
// tests/collect/schedule_test.cc.
//
// The idea: poll a source a little more often than it publishes, without
// knowing its rate in advance. After each successful poll the interval is
// multiplied by `speedup` (0.5) if the poll brought new items and by
// `slowdown` (1.5) if it brought none, clamped to [min_interval_s,
// max_interval_s]. For a source publishing every T seconds the interval is a
// random walk in log space that balances where a fraction p of polls find
// news with p log 0.5 + (1 - p) log 1.5 = 0, p ~ 0.37: the interval settles
// near 0.37 T (a new item waits ~0.2 T on average before it is collected,
// and ~2.7 polls per item, most of them cheap 304s). Quiet sources drift to the cap
// (1 h -> 1.5 h -> 2.25 h ... -> 24 h in ~8 empty polls), busy ones reach the
// floor in a few polls. Halving is faster than growing so that a source that
// wakes up is caught quickly, at the cost of one or two wasted polls.
// Worked example (min 5 min, max 24 h, start 1 h): polls finding 3, 1, 0, 0
// items give 30 min, 15 min, 22.5 min, 33.75 min.
// Failures do not change the interval: they delay the next poll by an
// exponential back-off (5 min, 10 min, 20 min ... capped at 12 h) so a dead
// server is not hammered, and the first success resumes the normal schedule.
// Conditional GET makes an unchanged poll cheap (a 304), so erring on the
// short side costs little. Cost: O(1) per poll.
#include <algorithm>
#include <cmath>

#include "veille/collect.h"

namespace veille {

Status ScheduleOptions::Validate() const {
  if (min_interval_s < 1) return Status::InvalidInput("schedule: min_interval_s must be >= 1");
  if (max_interval_s < min_interval_s) {
    return Status::InvalidInput("schedule: max_interval_s must be >= min_interval_s");
  }
  if (initial_interval_s < min_interval_s || initial_interval_s > max_interval_s) {
    return Status::InvalidInput("schedule: initial_interval_s must lie within [min, max]");
  }
  if (!(speedup > 0 && speedup < 1)) return Status::InvalidInput("schedule: speedup in (0, 1)");
  if (!(slowdown > 1 && slowdown <= 10)) {
    return Status::InvalidInput("schedule: slowdown in (1, 10]");
  }
  if (error_backoff_initial_s < 1 || error_backoff_max_s < error_backoff_initial_s) {
    return Status::InvalidInput("schedule: error back-off bounds out of range");
  }
  return Status::Ok();
}

int64_t NextPollInterval(int64_t interval_s, int64_t new_items, const ScheduleOptions& options) {
  const double factor = new_items > 0 ? options.speedup : options.slowdown;
  const double next = std::round(static_cast<double>(std::max<int64_t>(interval_s, 1)) * factor);
  const double bounded = std::clamp(next, static_cast<double>(options.min_interval_s),
                                    static_cast<double>(options.max_interval_s));
  return static_cast<int64_t>(bounded);
}

int64_t ErrorBackoff(int64_t error_count, const ScheduleOptions& options) {
  int64_t delay = options.error_backoff_initial_s;
  for (int64_t i = 1; i < error_count && delay < options.error_backoff_max_s; ++i) delay *= 2;
  return std::min(delay, options.error_backoff_max_s);
}

}  // namespace veille
