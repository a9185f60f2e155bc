// The adaptive polling schedule: busy sources are polled more often down to
// the floor, quiet ones less often up to the cap, failures back off
// exponentially to a bound.
#include <algorithm>

#include <gtest/gtest.h>

#include "veille/collect.h"

namespace veille {
namespace {

TEST(Schedule, IntervalShortensForSourcesThatPublishOften) {
  ScheduleOptions o;
  int64_t interval = o.initial_interval_s;
  for (int poll = 0; poll < 20; ++poll) {
    const int64_t next = NextPollInterval(interval, /*new_items=*/3, o);
    EXPECT_LE(next, interval);
    interval = next;
  }
  EXPECT_EQ(interval, o.min_interval_s);
}

TEST(Schedule, IntervalLengthensUpToCapForQuietSources) {
  ScheduleOptions o;
  int64_t interval = o.initial_interval_s;
  for (int poll = 0; poll < 30; ++poll) {
    const int64_t next = NextPollInterval(interval, /*new_items=*/0, o);
    EXPECT_GE(next, interval);
    interval = next;
  }
  EXPECT_EQ(interval, o.max_interval_s);
}

// A source publishing one item every T seconds: the interval settles where
// the shrinking and growing steps balance, p log(speedup) + (1 - p)
// log(slowdown) = 0, i.e. about 37% of polls finding news with the
// defaults: an interval near 0.37 T, always well under T (news is caught
// within half a period) and never wastefully below T/4.
TEST(Schedule, SettlesNearThePublishingRate) {
  ScheduleOptions o;
  for (const int64_t period : {3600, 4 * 3600, 12 * 3600}) {
    int64_t t = 0, interval = o.initial_interval_s, last_seen_item = 0;
    int64_t sum = 0, n = 0;
    for (int poll = 0; poll < 200; ++poll) {
      t += interval;
      const int64_t published = t / period;  // items published so far
      const int64_t fresh = published - last_seen_item;
      last_seen_item = published;
      interval = NextPollInterval(interval, fresh, o);
      if (poll >= 100) {
        sum += interval;
        ++n;
      }
    }
    const double mean = static_cast<double>(sum) / static_cast<double>(n);
    EXPECT_GT(mean, std::max<double>(0.25 * period, o.min_interval_s)) << period;
    EXPECT_LT(mean, 0.6 * period) << period;
  }
}

TEST(Schedule, WorkedExampleFromTheEssay) {
  ScheduleOptions o;
  EXPECT_EQ(NextPollInterval(3600, 3, o), 1800);
  EXPECT_EQ(NextPollInterval(1800, 1, o), 900);
  EXPECT_EQ(NextPollInterval(900, 0, o), 1350);
  EXPECT_EQ(NextPollInterval(1350, 0, o), 2025);
}

TEST(Schedule, ErrorsBackOffExponentiallyToABound) {
  ScheduleOptions o;
  EXPECT_EQ(ErrorBackoff(1, o), 300);
  EXPECT_EQ(ErrorBackoff(2, o), 600);
  EXPECT_EQ(ErrorBackoff(3, o), 1200);
  EXPECT_EQ(ErrorBackoff(100, o), o.error_backoff_max_s);
  for (int64_t n = 1; n < 40; ++n) EXPECT_LE(ErrorBackoff(n, o), ErrorBackoff(n + 1, o));
}

TEST(Schedule, ValidateRejectsInconsistentBounds) {
  ScheduleOptions o;
  EXPECT_TRUE(o.Validate().ok());
  o.max_interval_s = o.min_interval_s - 1;
  EXPECT_FALSE(o.Validate().ok());
  o = ScheduleOptions();
  o.speedup = 1.2;
  EXPECT_FALSE(o.Validate().ok());
}

TEST(ManualClockTest, SleepJumpsAndNeverGoesBack) {
  ManualClock c(1000);
  c.SleepUntilMs(5000);
  EXPECT_EQ(c.NowMs(), 5000);
  c.SleepUntilMs(10);
  EXPECT_EQ(c.NowMs(), 5000);
  c.Advance(7);
  EXPECT_EQ(c.NowMs(), 5007);
  std::atomic<bool> stop{true};
  c.SleepUntilMs(99999, &stop);
  EXPECT_EQ(c.NowMs(), 5007);
}

}  // namespace
}  // namespace veille
