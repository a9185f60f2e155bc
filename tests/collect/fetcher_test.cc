// CurlFetcher against a loopback server: conditional GET, compression,
// robots.txt, rate and concurrency limits (checked on the injected clock and
// on the server's side, never on wall time), retries with back-off, and the
// hostile servers (never answers, 500, redirect loop, too large), each ending
// with its own error while the next fetch goes on.
#include <algorithm>
#include <atomic>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/collect/test_server.h"
#include "veille/collect.h"

namespace veille {
namespace {

using ::testing::HasSubstr;
using testing::TestServer;

constexpr int64_t kStart = 1'700'000'000'000;

// Options for tests: short timeouts, no politeness delay unless a test sets one.
FetchOptions TestOptions() {
  FetchOptions o;
  o.connect_timeout_ms = 1000;
  o.timeout_ms = 1000;
  o.max_attempts = 2;
  o.backoff_initial_ms = 500;
  o.host_min_interval_ms = 0;
  o.max_body_bytes = 1 << 20;
  return o;
}

class FetcherTest : public ::testing::Test {
 protected:
  FetcherTest() : clock_(kStart), server_(clock_) {}
  void SetUp() override {
    server_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "# test robots\nUser-agent: *\nDisallow: /private/\n\n"
          "User-agent: Veille\nDisallow: /nope\nAllow: /nope/ok\n",
          "text/plain");
    });
    server_.server().Get("/page.html", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body><p>Bonjour</p></body></html>", "text/html; charset=utf-8");
    });
    ASSERT_TRUE(server_.Start());
  }
  std::unique_ptr<Fetcher> NewFetcher(const FetchOptions& options, Clock& clock) {
    Result<std::unique_ptr<Fetcher>> f = NewCurlFetcher(options, clock);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? std::move(f).value() : nullptr;
  }
  std::unique_ptr<Fetcher> NewFetcher(const FetchOptions& options) {
    return NewFetcher(options, clock_);
  }
  Result<FetchResult> Get(Fetcher& f, const std::string& path) {
    return f.Fetch({server_.Url(path), "", ""});
  }
  // A page fetched after a failure still comes back.
  void ExpectOthersGoOn(Fetcher& f) {
    Result<FetchResult> ok = Get(f, "/page.html");
    ASSERT_TRUE(ok.ok()) << ok.status().ToString();
    EXPECT_THAT(ok->body, HasSubstr("Bonjour"));
  }
  ManualClock clock_;
  TestServer server_;
};

TEST_F(FetcherTest, FetchesPageWithUserAgentAndCompression) {
  auto f = NewFetcher(TestOptions());
  Result<FetchResult> r = Get(*f, "/page.html");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->http_status, 200);
  EXPECT_EQ(r->body, "<html><body><p>Bonjour</p></body></html>");  // decoded
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r->final_url, server_.Url("/page.html"));
  const auto reqs = server_.requests();
  ASSERT_EQ(reqs.size(), 2u);  // robots.txt, then the page
  EXPECT_EQ(reqs[0].path, "/robots.txt");
  EXPECT_THAT(reqs[1].user_agent, HasSubstr("Veille/"));
  EXPECT_THAT(reqs[1].accept_encoding, HasSubstr("gzip"));
  EXPECT_THAT(reqs[1].accept_encoding, HasSubstr("br"));
}

TEST_F(FetcherTest, ConditionalGetSavesSecondDownload) {
  const std::string body(5000, 'x');
  std::atomic<int> bodies_sent{0};
  server_.server().Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"v1\"" ||
        req.get_header_value("If-Modified-Since") == "Wed, 21 Oct 2015 07:28:00 GMT") {
      res.status = 304;
      return;
    }
    ++bodies_sent;
    res.set_header("ETag", "\"v1\"");
    res.set_header("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
    res.set_content(body, "application/rss+xml");
  });
  auto f = NewFetcher(TestOptions());
  Result<FetchResult> first = Get(*f, "/feed.xml");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->body, body);
  EXPECT_EQ(first->etag, "\"v1\"");
  EXPECT_EQ(first->last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  Result<FetchResult> second =
      f->Fetch({server_.Url("/feed.xml"), first->etag, first->last_modified});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->http_status, 304);
  EXPECT_TRUE(second->body.empty());
  EXPECT_EQ(second->etag, "\"v1\"");
  EXPECT_EQ(bodies_sent.load(), 1);
  // Last-Modified alone also makes it conditional.
  Result<FetchResult> third = f->Fetch({server_.Url("/feed.xml"), "", first->last_modified});
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->not_modified);
  EXPECT_EQ(bodies_sent.load(), 1);
}

TEST_F(FetcherTest, ObeysRobotsTxtAndCachesIt) {
  server_.server().Get(R"(/(private|nope)/.*)",
                       [](const httplib::Request&, httplib::Response& res) {
                         res.set_content("<p>ok</p>", "text/html");
                       });
  auto f = NewFetcher(TestOptions());
  // The Veille group replaces the * group: /private/ is allowed for us.
  EXPECT_TRUE(Get(*f, "/private/a").ok());
  Result<FetchResult> denied = Get(*f, "/nope/secret");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.status().code(), StatusCode::kUnsupported);
  EXPECT_THAT(denied.status().ToString(), HasSubstr("robots.txt"));
  EXPECT_EQ(server_.CountPath("/nope/secret"), 0);  // never requested
  EXPECT_TRUE(Get(*f, "/nope/ok/x").ok());          // the longer allow wins
  EXPECT_EQ(server_.CountPath("/robots.txt"), 1);   // cached
  // After the TTL it is fetched again.
  clock_.Advance(TestOptions().robots_ttl_ms + 1);
  EXPECT_TRUE(Get(*f, "/page.html").ok());
  EXPECT_EQ(server_.CountPath("/robots.txt"), 2);
}

TEST(FetcherRobots, UnreachableRobotsDisallowsAll) {
  ManualClock clock(kStart);
  TestServer server(clock);
  server.server().Get("/robots.txt",
                      [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  server.server().Get("/page.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>x</p>", "text/html");
  });
  ASSERT_TRUE(server.Start());
  FetchOptions o = TestOptions();
  o.max_attempts = 1;
  auto f = NewCurlFetcher(o, clock);
  ASSERT_TRUE(f.ok());
  Result<FetchResult> r = (*f)->Fetch({server.Url("/page.html"), "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(server.CountPath("/page.html"), 0);
}

TEST(FetcherRobots, MissingRobotsAllowsAll) {
  ManualClock clock(kStart);
  TestServer server(clock);  // no /robots.txt handler: 404
  server.server().Get("/page.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>x</p>", "text/html");
  });
  ASSERT_TRUE(server.Start());
  auto f = NewCurlFetcher(TestOptions(), clock);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE((*f)->Fetch({server.Url("/page.html"), "", ""}).ok());
  EXPECT_EQ((*f)->Fetch({server.Url("/missing"), "", ""}).status().code(), StatusCode::kNotFound);
}

// Every request to the host, robots.txt included, starts at least
// host_min_interval_ms after the previous one, on the injected clock.
TEST_F(FetcherTest, RateLimitSpacesRequests) {
  FetchOptions o = TestOptions();
  o.host_min_interval_ms = 10'000;
  auto f = NewFetcher(o);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(Get(*f, "/page.html").ok());
  const auto reqs = server_.requests();
  ASSERT_EQ(reqs.size(), 5u);
  for (size_t i = 1; i < reqs.size(); ++i) {
    EXPECT_GE(reqs[i].at_ms - reqs[i - 1].at_ms, 10'000) << i;
  }
  // And no slower than needed: the limiter waits exactly the interval.
  EXPECT_EQ(reqs.back().at_ms - reqs.front().at_ms, 4 * 10'000);
}

TEST_F(FetcherTest, ConcurrencyLimitHolds) {
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  server_.server().Get(R"(/slow/\d+)", [&](const httplib::Request&, httplib::Response& res) {
    const int now = ++in_flight;
    int seen = max_in_flight.load();
    while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    --in_flight;
    res.set_content("<p>slow</p>", "text/html");
  });
  FetchOptions o = TestOptions();
  o.host_max_concurrent = 1;
  auto f = NewFetcher(o, SystemClock());
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] { ok += Get(*f, "/slow/" + std::to_string(i)).ok() ? 1 : 0; });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 4);
  EXPECT_EQ(max_in_flight.load(), 1);
}

TEST_F(FetcherTest, RetriesServerErrorsWithBackoff) {
  std::atomic<int> calls{0};
  server_.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls < 3) {
      res.status = 503;
      return;
    }
    res.set_content("<p>back</p>", "text/html");
  });
  FetchOptions o = TestOptions();
  o.max_attempts = 3;
  o.backoff_initial_ms = 1000;
  auto f = NewFetcher(o);
  Result<FetchResult> r = Get(*f, "/flaky");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->attempts, 3);
  std::vector<int64_t> at;
  for (const auto& req : server_.requests()) {
    if (req.path == "/flaky") at.push_back(req.at_ms);
  }
  ASSERT_EQ(at.size(), 3u);
  EXPECT_EQ(at[1] - at[0], 1000);  // exponential: 1 s, then 2 s
  EXPECT_EQ(at[2] - at[1], 2000);
}

TEST_F(FetcherTest, ServerErrorFailsAfterBoundedRetries) {
  server_.server().Get("/broken",
                       [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  FetchOptions o = TestOptions();
  o.max_attempts = 3;
  auto f = NewFetcher(o);
  Result<FetchResult> r = Get(*f, "/broken");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_THAT(r.status().message(), HasSubstr("HTTP 500 after 3 attempts"));
  EXPECT_EQ(r.status().input(), server_.Url("/broken"));
  EXPECT_EQ(server_.CountPath("/broken"), 3);
  ExpectOthersGoOn(*f);
}

TEST_F(FetcherTest, ServerThatNeverAnswersTimesOut) {
  server_.server().Get("/hang", [&](const httplib::Request&, httplib::Response& res) {
    server_.Stall(std::chrono::seconds(10));
    res.set_content("too late", "text/plain");
  });
  FetchOptions o = TestOptions();
  o.timeout_ms = 200;
  o.max_attempts = 2;
  auto f = NewFetcher(o);
  Result<FetchResult> r = Get(*f, "/hang");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_THAT(r.status().message(), HasSubstr("timed out"));
  EXPECT_THAT(r.status().message(), HasSubstr("after 2 attempts"));
  ExpectOthersGoOn(*f);
}

TEST_F(FetcherTest, RedirectsAreFollowedBoundedAndLoopsDetected) {
  server_.server().Get("/moved", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/page.html", 301);
  });
  server_.server().Get("/loop/a", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop/b");
  });
  server_.server().Get("/loop/b", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop/a");
  });
  server_.server().Get(R"(/chain/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_redirect("/chain/" + std::to_string(std::stoi(req.matches[1]) + 1));
  });
  server_.server().Get("/elsewhere", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd");
  });
  auto f = NewFetcher(TestOptions());
  Result<FetchResult> moved = Get(*f, "/moved");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->redirects, 1);
  EXPECT_EQ(moved->final_url, server_.Url("/page.html"));

  Result<FetchResult> loop = Get(*f, "/loop/a");
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.status().code(), StatusCode::kInvalidInput);
  EXPECT_THAT(loop.status().message(), HasSubstr("redirect loop"));

  Result<FetchResult> chain = Get(*f, "/chain/0");
  ASSERT_FALSE(chain.ok());
  EXPECT_EQ(chain.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(chain.status().message(), HasSubstr("more than 5 redirects"));
  EXPECT_EQ(server_.CountPath("/chain/6"), 0);

  Result<FetchResult> other_scheme = Get(*f, "/elsewhere");
  ASSERT_FALSE(other_scheme.ok());
  EXPECT_EQ(other_scheme.status().code(), StatusCode::kInvalidInput);
  ExpectOthersGoOn(*f);
}

TEST_F(FetcherTest, OversizedResponsesAreCutAtTheBound) {
  // A stream that would go on to 1 GB, without a Content-Length.
  std::atomic<int64_t> streamed{0};
  server_.server().Get("/huge", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream",
                                     [&](size_t offset, httplib::DataSink& sink) {
                                       static const std::string block(64 << 10, 'z');
                                       if (offset >= (size_t{1} << 30)) {
                                         sink.done();
                                         return true;
                                       }
                                       if (!sink.write(block.data(), block.size())) return false;
                                       streamed += static_cast<int64_t>(block.size());
                                       return true;
                                     });
  });
  // One that announces 1 GB up front.
  server_.server().Get("/declared", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(size_t{1} << 30, "application/octet-stream",
                             [](size_t, size_t, httplib::DataSink& sink) {
                               static const std::string block(64 << 10, 'z');
                               return sink.write(block.data(), block.size());
                             });
  });
  auto f = NewFetcher(TestOptions());
  Result<FetchResult> huge = Get(*f, "/huge");
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(huge.status().message(), HasSubstr("1048576-byte bound"));
  Result<FetchResult> declared = Get(*f, "/declared");
  ASSERT_FALSE(declared.ok());
  EXPECT_EQ(declared.status().code(), StatusCode::kResourceExhausted);
  ExpectOthersGoOn(*f);
  // The client stopped reading long before 1 GB (socket buffers aside).
  EXPECT_LT(streamed.load(), int64_t{64} << 20);
}

TEST(FetcherOptions, RejectsNonHttpUrlsAndBadOptions) {
  ManualClock clock(kStart);
  auto f = NewCurlFetcher(TestOptions(), clock);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)->Fetch({"file:///etc/passwd", "", ""}).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ((*f)->Fetch({"not a url", "", ""}).status().code(), StatusCode::kInvalidInput);
  FetchOptions bad = TestOptions();
  bad.max_attempts = 0;
  EXPECT_EQ(NewCurlFetcher(bad, clock).status().code(), StatusCode::kInvalidInput);
  EXPECT_THAT(DefaultUserAgent(), ::testing::StartsWith("Veille/"));
  EXPECT_THAT(DefaultUserAgent(), HasSubstr("contact"));
}

}  // namespace
}  // namespace veille
