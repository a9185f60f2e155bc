// Collect: fetching feeds and pages over HTTP(S), politely. A Fetcher does
// conditional GETs with bounded redirects, timeouts, retries with back-off, a
// size cap, robots.txt, and per-host rate and concurrency limits; it returns
// bytes and never parses or stores them (the pipeline does). Time comes from
// an injected Clock, so that schedules, rate limits and back-off are tested
// without waiting. A Fetcher is thread-safe: several threads may call Fetch.
#ifndef VEILLE_COLLECT_H_
#define VEILLE_COLLECT_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "veille/status.h"

namespace veille {

// Time as the collector sees it. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch.
  virtual int64_t NowMs() = 0;
  // Returns once NowMs() >= deadline_ms, or early (soon after) when *stop
  // becomes true (stop may be null).
  virtual void SleepUntilMs(int64_t deadline_ms, const std::atomic<bool>* stop = nullptr) = 0;
};

// The wall clock (system_clock); sleeps in short slices to notice *stop.
Clock& SystemClock();

// A clock that moves only when told: SleepUntilMs jumps to the deadline at
// once (so a test of back-off or rate limits runs instantly and its times are
// exact), Advance moves it forward. Thread-safe; time never goes backwards.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_ms) : now_ms_(start_ms) {}
  int64_t NowMs() override { return now_ms_.load(); }
  void SleepUntilMs(int64_t deadline_ms, const std::atomic<bool>* stop = nullptr) override;
  void Advance(int64_t ms);

 private:
  std::atomic<int64_t> now_ms_;
};

// "Veille/<version> (news collector; contact: unset)".
std::string DefaultUserAgent();

struct FetchOptions {
  // Sent with every request; names Veille and its version. Operators should
  // put a way to reach them in place of "contact: unset".
  std::string user_agent = DefaultUserAgent();
  // Time to establish a connection, then for the whole transfer of one
  // attempt (wall time, enforced by libcurl). Longer tolerates slow servers,
  // shorter frees a stuck worker sooner.
  int64_t connect_timeout_ms = 10'000;
  int64_t timeout_ms = 30'000;
  // Redirects followed per fetch; one more is an error, so is a loop.
  int max_redirects = 5;
  // Attempts per URL on a retryable failure (5xx, 429, timeout, connection
  // refused or reset), waiting backoff_initial_ms, then twice as long each
  // time, at most backoff_max_ms. 1 disables retries.
  int max_attempts = 3;
  int64_t backoff_initial_ms = 1'000;
  int64_t backoff_max_ms = 60'000;
  // Largest body accepted (after gzip/brotli decoding): a larger response is
  // cut there and fails with kResourceExhausted. Matches the ingest bound.
  size_t max_body_bytes = 20u << 20;
  // robots.txt: fetched once per host (scheme://host:port) and kept this long;
  // its rules for our product token ("Veille"), else for "*", are obeyed.
  bool obey_robots = true;
  int64_t robots_ttl_ms = 24 * 3600 * 1000LL;
  // Politeness per host: at least this long between the starts of two
  // requests (robots.txt and retries included), and at most this many at once.
  int64_t host_min_interval_ms = 1'000;
  int host_max_concurrent = 2;

  // kInvalidInput naming the first field out of range.
  Status Validate() const;
};

// One GET. The validators make it conditional (from the previous 200).
struct FetchRequest {
  std::string url;            // absolute http:// or https:// URL
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
};

struct FetchResult {
  std::string url;            // the URL asked for
  std::string final_url;      // after redirects
  int http_status = 0;        // of the final response: 200, or 304
  bool not_modified = false;  // 304: the validators still hold, body is empty
  std::string body;           // decoded (gzip/brotli undone), at most max_body_bytes
  std::string content_type;   // Content-Type header, as sent
  std::string etag;           // validators to send next time ("" when absent)
  std::string last_modified;
  int attempts = 0;   // requests made for the final hop (1 without retries)
  int redirects = 0;  // redirects followed
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;

  // Fetches request.url, following redirects, honouring robots.txt and the
  // per-host limits (blocking on them through the clock). Returns the 200 or
  // 304 response, or an error naming the URL and the reason:
  //   kInvalidInput       not an http(s) URL, a redirect loop, a redirect to
  //                       another scheme;
  //   kResourceExhausted  body over max_body_bytes, more than max_redirects;
  //   kUnsupported        disallowed by robots.txt;
  //   kNotFound           404 or 410;
  //   kIoError            any other HTTP status, or a network failure or
  //                       timeout after max_attempts attempts.
  // Nothing partial is returned: an error carries no body.
  virtual Result<FetchResult> Fetch(const FetchRequest& request) = 0;

  // Requests sent so far (robots.txt, retries and redirects included).
  virtual int64_t requests_sent() const = 0;
};

// A libcurl Fetcher. `clock` is borrowed and must outlive the fetcher.
// kInvalidInput when options do not validate.
Result<std::unique_ptr<Fetcher>> NewCurlFetcher(const FetchOptions& options, Clock& clock);

// Adaptive polling: how long to wait before polling a source again, given
// what its last poll found. Pure functions of their arguments.
struct ScheduleOptions {
  // Bounds of the polling interval, seconds. A source that publishes at every
  // poll converges to min; a quiet one drifts to max.
  int64_t min_interval_s = 5 * 60;
  int64_t max_interval_s = 24 * 3600;
  // First interval of a new source.
  int64_t initial_interval_s = 3600;
  // The interval is multiplied by `speedup` (< 1) after a poll that found
  // new items and by `slowdown` (> 1) after one that found none.
  double speedup = 0.5;
  double slowdown = 1.5;
  // After n consecutive failures the next poll waits
  // min(error_backoff_max_s, error_backoff_initial_s * 2^(n-1)).
  int64_t error_backoff_initial_s = 5 * 60;
  int64_t error_backoff_max_s = 12 * 3600;

  Status Validate() const;
};

// The interval after a successful poll that stored `new_items` new or
// revised documents, from the current `interval_s`.
int64_t NextPollInterval(int64_t interval_s, int64_t new_items, const ScheduleOptions& options);

// The delay before retrying a source that has failed `error_count` (>= 1)
// times in a row.
int64_t ErrorBackoff(int64_t error_count, const ScheduleOptions& options);

}  // namespace veille

#endif  // VEILLE_COLLECT_H_
