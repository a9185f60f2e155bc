#include "serve/response_cache.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace veille::serve {
namespace {

using std::chrono::milliseconds;
using AnswerPtr = ResponseCache::AnswerPtr;

AnswerPtr Make(std::string body, int status = 200) {
  return std::make_shared<const ResponseCache::Answer>(
      ResponseCache::Answer{status, std::move(body), "text/plain", {}});
}

ResponseCache::Options Short(milliseconds ttl, milliseconds stale) {
  ResponseCache::Options o;
  o.ttl = ttl;
  o.stale = stale;
  return o;
}

TEST(ResponseCacheTest, FreshAnswerIsReusedAndErrorsAreNotKept) {
  ResponseCache cache(Short(milliseconds(60000), milliseconds(0)));
  int calls = 0;
  auto ok = [&] {
    ++calls;
    return Make("page");
  };
  EXPECT_TRUE(cache.Get("/a", ok).computed);
  const ResponseCache::Outcome again = cache.Get("/a", ok);
  EXPECT_FALSE(again.computed);
  EXPECT_EQ(again.answer->body, "page");
  EXPECT_EQ(calls, 1);

  auto error = [&] {
    ++calls;
    return Make("no such page", 404);
  };
  EXPECT_EQ(cache.Get("/missing", error).answer->status, 404);
  EXPECT_TRUE(cache.Get("/missing", error).computed);
  EXPECT_EQ(calls, 3);
}

TEST(ResponseCacheTest, ExpiredAnswerIsRecomputed) {
  ResponseCache cache(Short(milliseconds(1), milliseconds(0)));
  int calls = 0;
  auto count = [&] { return Make(std::to_string(++calls)); };
  cache.Get("/a", count);
  std::this_thread::sleep_for(milliseconds(5));
  const ResponseCache::Outcome second = cache.Get("/a", count);
  EXPECT_TRUE(second.computed);
  EXPECT_EQ(second.answer->body, "2");
}

TEST(ResponseCacheTest, InvalidateDropsEverything) {
  ResponseCache cache(Short(milliseconds(60000), milliseconds(60000)));
  int calls = 0;
  auto count = [&] { return Make(std::to_string(++calls)); };
  cache.Get("/a", count);
  cache.Invalidate();
  EXPECT_EQ(cache.Get("/a", count).answer->body, "2");
  EXPECT_EQ(cache.counters().entries, 1);
}

TEST(ResponseCacheTest, AnswerComputedAcrossAnInvalidationIsNotKept) {
  ResponseCache cache(Short(milliseconds(60000), milliseconds(0)));
  const ResponseCache::Outcome first = cache.Get("/a", [&] {
    cache.Invalidate();  // a write lands while the page is being computed
    return Make("before the write");
  });
  EXPECT_EQ(first.answer->body, "before the write");
  EXPECT_EQ(cache.counters().entries, 0);
  EXPECT_EQ(cache.Get("/a", [] { return Make("after"); }).answer->body, "after");
}

TEST(ResponseCacheTest, BoundedByBytesLeastRecentlyUsedFirstOut) {
  ResponseCache::Options o = Short(milliseconds(60000), milliseconds(0));
  o.max_bytes = 320;  // three entries of 102 bytes (key, body, type)
  o.max_entry_bytes = 200;
  ResponseCache cache(o);
  const std::string body(90, 'x');
  int calls = 0;
  auto make = [&] {
    ++calls;
    return Make(body);
  };
  cache.Get("/1", make);
  cache.Get("/2", make);
  cache.Get("/3", make);
  cache.Get("/1", make);  // /1 used again: /2 is now the oldest
  cache.Get("/4", make);  // evicts /2
  EXPECT_EQ(calls, 4);
  EXPECT_LE(cache.counters().bytes, 320);
  cache.Get("/1", make);
  EXPECT_EQ(calls, 4);
  cache.Get("/2", make);
  EXPECT_EQ(calls, 5);
  // Larger than one entry may be: served, not kept.
  cache.Get("/big", [] { return Make(std::string(500, 'y')); });
  EXPECT_TRUE(cache.Get("/big", [] { return Make("z"); }).computed);
}

TEST(ResponseCacheTest, ConcurrentMissesComputeOnce) {
  ResponseCache cache(Short(milliseconds(60000), milliseconds(0)));
  std::atomic<int> calls{0};
  std::atomic<int> started{0};
  std::vector<std::thread> threads;
  std::vector<std::string> bodies(16);
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      ++started;
      bodies[t] = cache
                      .Get("/slow",
                           [&] {
                             ++calls;
                             // Long enough for every thread to arrive meanwhile.
                             while (started.load() < 16) std::this_thread::yield();
                             std::this_thread::sleep_for(milliseconds(50));
                             return Make("slow page");
                           })
                      .answer->body;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(calls.load(), 1);
  for (const std::string& b : bodies) EXPECT_EQ(b, "slow page");
  EXPECT_EQ(cache.counters().waits + cache.counters().fresh_hits, 15);
}

TEST(ResponseCacheTest, StaleAnswerServedWhileOneRequestRefreshes) {
  ResponseCache cache(Short(milliseconds(1), milliseconds(60000)));
  cache.Get("/a", [] { return Make("old"); });
  std::this_thread::sleep_for(milliseconds(5));
  std::atomic<bool> refreshing{false};
  std::atomic<bool> release{false};
  std::string refreshed;
  std::thread refresher([&] {
    const ResponseCache::Outcome r = cache.Get("/a", [&] {
      refreshing = true;
      while (!release.load()) std::this_thread::yield();
      return Make("new");
    });
    EXPECT_TRUE(r.computed);
    refreshed = r.answer->body;
  });
  while (!refreshing.load()) std::this_thread::yield();
  const ResponseCache::Outcome during = cache.Get("/a", [] { return Make("unexpected"); });
  EXPECT_FALSE(during.computed);
  EXPECT_TRUE(during.stale);
  EXPECT_EQ(during.answer->body, "old");
  release = true;
  refresher.join();
  EXPECT_EQ(refreshed, "new");
  EXPECT_EQ(cache.counters().stale_hits, 1);
  EXPECT_EQ(cache.counters().computes, 2);
}

TEST(ResponseCacheTest, OneRefreshAtATimeOthersServedStale) {
  ResponseCache::Options o = Short(milliseconds(1), milliseconds(60000));
  o.max_refreshes = 1;
  ResponseCache cache(o);
  cache.Get("/a", [] { return Make("old a"); });
  cache.Get("/b", [] { return Make("old b"); });
  std::this_thread::sleep_for(milliseconds(5));
  std::atomic<bool> refreshing{false};
  std::atomic<bool> release{false};
  std::thread refresher([&] {
    cache.Get("/a", [&] {
      refreshing = true;
      while (!release.load()) std::this_thread::yield();
      return Make("new a");
    });
  });
  while (!refreshing.load()) std::this_thread::yield();
  // /b is stale too, but the one refresh slot is taken: served stale.
  const ResponseCache::Outcome b = cache.Get("/b", [] { return Make("unexpected"); });
  EXPECT_FALSE(b.computed);
  EXPECT_TRUE(b.stale);
  EXPECT_EQ(b.answer->body, "old b");
  release = true;
  refresher.join();
  // The slot is free again: the next request refreshes /b.
  const ResponseCache::Outcome b2 = cache.Get("/b", [] { return Make("new b"); });
  EXPECT_TRUE(b2.computed);
  EXPECT_EQ(b2.answer->body, "new b");
}

TEST(ResponseCacheTest, ErrorAnswerIsSharedWithItsWaitersButNotKept) {
  ResponseCache cache(Short(milliseconds(60000), milliseconds(0)));
  std::atomic<int> calls{0};
  std::atomic<int> started{0};
  std::vector<std::thread> threads;
  std::vector<int> statuses(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      ++started;
      statuses[t] = cache
                        .Get("/busy",
                             [&] {
                               ++calls;
                               while (started.load() < 8) std::this_thread::yield();
                               std::this_thread::sleep_for(milliseconds(200));
                               return Make("overloaded", 503);
                             })
                        .answer->status;
    });
  }
  for (std::thread& t : threads) t.join();
  for (int status : statuses) EXPECT_EQ(status, 503);
  EXPECT_LT(calls.load(), 8);  // the waiters took the leader's answer
  EXPECT_EQ(cache.counters().entries, 0);
}

TEST(ResponseCacheTest, ExceptionInComputeLeavesNoDeadFlight) {
  ResponseCache::Options o = Short(milliseconds(60000), milliseconds(60000));
  o.max_wait = milliseconds(60000);  // a dead flight would stall the next Get
  ResponseCache cache(o);
  EXPECT_THROW(cache.Get("/a", []() -> AnswerPtr { throw std::runtime_error("handler"); }),
               std::runtime_error);
  const ResponseCache::Outcome next = cache.Get("/a", [] { return Make("fine"); });
  EXPECT_TRUE(next.computed);
  EXPECT_EQ(next.answer->body, "fine");
}

}  // namespace
}  // namespace veille::serve
