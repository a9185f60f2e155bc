// CurlFetcher: the Fetcher of include/veille/collect.h. Tested by
// tests/collect/fetcher_test.cc against a loopback HTTP server.
//
// A fetch is a loop over redirect hops. For each hop: check the URL is
// http(s); refuse a URL already visited in this fetch (a loop) or a hop past
// max_redirects; check robots.txt for the hop's origin (fetched once per
// origin and cached; 4xx means no rules, 5xx or a network failure means
// "disallow all" for a shorter while, per RFC 9309 2.3.1); then GET it
// through the per-host limiter, retrying transient failures (timeouts,
// resets, 5xx, 429) up to max_attempts with exponential back-off slept on
// the injected clock. A 3xx with a Location moves to the next hop; 2xx and
// 304 end the fetch; anything else is an error naming the URL and the status.
// Redirects are followed here rather than by libcurl so that every hop goes
// through robots.txt, the rate limit and the loop check.
#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "collect/curl_request.h"
#include "collect/host_limiter.h"
#include "collect/robots.h"
#include "veille/collect.h"

#ifndef VEILLE_VERSION
#define VEILLE_VERSION "0"
#endif

namespace veille {
namespace {

// RFC 9309 2.5: crawlers parse at least 500 KiB of robots.txt.
constexpr size_t kMaxRobotsBytes = 500u << 10;
// How long "robots.txt unreachable, disallow all" is kept before retrying.
constexpr int64_t kUnreachableRobotsTtlMs = 10 * 60 * 1000;
constexpr const char* kProductToken = "Veille";

bool IsRetryableStatus(int status) { return status == 429 || (status >= 500 && status <= 599); }

class CurlFetcher final : public Fetcher {
 public:
  CurlFetcher(const FetchOptions& options, Clock& clock)
      : options_(options),
        clock_(clock),
        limiter_(clock, options.host_min_interval_ms, options.host_max_concurrent) {}

  Result<FetchResult> Fetch(const FetchRequest& request) override {
    FetchResult result;
    result.url = request.url;
    std::string url = request.url;
    std::unordered_set<std::string> visited;
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const collect::UrlParts parts, collect::SplitUrl(url));
      if (!visited.insert(url).second) {
        return Status::InvalidInput("redirect loop: " + url + " seen twice").At(request.url);
      }
      if (options_.obey_robots) {
        VEILLE_ASSIGN_OR_RETURN(const bool allowed, RobotsAllow(parts));
        if (!allowed) {
          return Status::Unsupported("disallowed by robots.txt: " + url).At(request.url);
        }
      }
      collect::HttpGetParams params{url, request.etag, request.last_modified,
                                    options_.max_body_bytes};
      int attempts = 0;
      collect::HttpResponse r = GetWithRetries(parts.origin, params, &attempts);
      if (!r.transport.ok()) {
        Status s = r.transport;
        if (attempts > 1) s = s.WithContext("after " + std::to_string(attempts) + " attempts");
        return s.At(request.url);
      }
      if (r.status >= 300 && r.status < 400 && r.status != 304) {
        if (r.location.empty()) {
          return Status::IoError("HTTP " + std::to_string(r.status) + " without a Location")
              .At(request.url);
        }
        if (++result.redirects > options_.max_redirects) {
          return Status::ResourceExhausted("more than " + std::to_string(options_.max_redirects) +
                                           " redirects")
              .At(request.url);
        }
        url = r.location;
        continue;
      }
      result.attempts = attempts;
      result.final_url = url;
      result.http_status = r.status;
      if (r.status == 304) {
        result.not_modified = true;
        result.etag = r.etag.empty() ? request.etag : r.etag;
        result.last_modified = r.last_modified.empty() ? request.last_modified : r.last_modified;
        return result;
      }
      if (r.status >= 200 && r.status < 300) {
        result.body = std::move(r.body);
        result.content_type = std::move(r.content_type);
        result.etag = std::move(r.etag);
        result.last_modified = std::move(r.last_modified);
        return result;
      }
      std::string reason = "HTTP " + std::to_string(r.status);
      if (attempts > 1) reason += " after " + std::to_string(attempts) + " attempts";
      if (r.status == 404 || r.status == 410) return Status::NotFound(reason).At(request.url);
      return Status::IoError(reason).At(request.url);
    }
  }

  int64_t requests_sent() const override { return requests_.load(); }

 private:
  struct RobotsEntry {
    std::mutex mu;  // held while fetching, so one origin's robots.txt is fetched once
    bool loaded = false;
    int64_t expires_ms = 0;
    collect::RobotsRules rules;
  };

  // One GET through the limiter, retried on transient failures.
  collect::HttpResponse GetWithRetries(const std::string& origin,
                                       const collect::HttpGetParams& params, int* attempts) {
    int64_t backoff = options_.backoff_initial_ms;
    for (int attempt = 1;; ++attempt) {
      *attempts = attempt;
      limiter_.Acquire(origin);
      ++requests_;
      collect::HttpResponse r = collect::HttpGet(params, options_);
      limiter_.Release(origin);
      const bool transient = r.transport.ok() ? IsRetryableStatus(r.status) : r.retryable;
      if (!transient || attempt >= options_.max_attempts) return r;
      clock_.SleepUntilMs(clock_.NowMs() + backoff);
      backoff = std::min(backoff * 2, options_.backoff_max_ms);
    }
  }

  // Whether parts.path_and_query may be fetched, loading the origin's
  // robots.txt when not cached or expired.
  Result<bool> RobotsAllow(const collect::UrlParts& parts) {
    std::shared_ptr<RobotsEntry> entry;
    {
      std::lock_guard<std::mutex> lock(robots_mu_);
      std::shared_ptr<RobotsEntry>& slot = robots_[parts.origin];
      if (!slot) slot = std::make_shared<RobotsEntry>();
      entry = slot;
    }
    std::lock_guard<std::mutex> lock(entry->mu);
    if (!entry->loaded || clock_.NowMs() >= entry->expires_ms) LoadRobots(parts.origin, *entry);
    return entry->rules.Allowed(parts.path_and_query);
  }

  // RFC 9309 2.3.1: 2xx parsed; 3xx followed (up to 5 hops, any origin);
  // 4xx "unavailable" = no rules; 5xx and network errors "unreachable" =
  // disallow everything. REQUIRES: entry.mu held.
  void LoadRobots(const std::string& origin, RobotsEntry& entry) {
    std::string url = origin + "/robots.txt";
    collect::HttpResponse r;
    for (int hop = 0; hop <= 5; ++hop) {
      Result<collect::UrlParts> parts = collect::SplitUrl(url);
      if (!parts.ok()) break;
      int attempts = 0;
      r = GetWithRetries(parts->origin, {url, "", "", kMaxRobotsBytes}, &attempts);
      if (!r.transport.ok() || r.status < 300 || r.status >= 400 || r.location.empty()) break;
      url = r.location;
    }
    const int64_t now = clock_.NowMs();
    entry.loaded = true;
    if (r.transport.code() == StatusCode::kResourceExhausted) {
      // Too large to be a real robots.txt: parse what the RFC asks us to.
      entry.rules = collect::RobotsRules::AllowAll();
      entry.expires_ms = now + options_.robots_ttl_ms;
    } else if (!r.transport.ok() || r.status >= 500 || (r.status >= 300 && r.status < 400)) {
      entry.rules = collect::RobotsRules::DisallowAll();
      entry.expires_ms = now + std::min(options_.robots_ttl_ms, kUnreachableRobotsTtlMs);
    } else if (r.status >= 400) {
      entry.rules = collect::RobotsRules::AllowAll();
      entry.expires_ms = now + options_.robots_ttl_ms;
    } else {
      entry.rules = collect::RobotsRules::Parse(r.body, kProductToken);
      entry.expires_ms = now + options_.robots_ttl_ms;
    }
  }

  const FetchOptions options_;
  Clock& clock_;
  collect::HostLimiter limiter_;
  std::atomic<int64_t> requests_{0};
  std::mutex robots_mu_;
  std::unordered_map<std::string, std::shared_ptr<RobotsEntry>> robots_;  // GUARDED_BY(robots_mu_)
};

}  // namespace

std::string DefaultUserAgent() {
  return std::string(kProductToken) + "/" + VEILLE_VERSION + " (news collector; contact: unset)";
}

Status FetchOptions::Validate() const {
  if (user_agent.empty()) return Status::InvalidInput("fetch: empty user agent");
  if (connect_timeout_ms < 1 || timeout_ms < 1) {
    return Status::InvalidInput("fetch: timeouts must be >= 1 ms");
  }
  if (max_redirects < 0 || max_redirects > 50) {
    return Status::InvalidInput("fetch: max_redirects must lie within [0, 50]");
  }
  if (max_attempts < 1 || max_attempts > 20) {
    return Status::InvalidInput("fetch: max_attempts must lie within [1, 20]");
  }
  if (backoff_initial_ms < 0 || backoff_max_ms < backoff_initial_ms) {
    return Status::InvalidInput("fetch: back-off bounds out of range");
  }
  if (max_body_bytes < 1) return Status::InvalidInput("fetch: max_body_bytes must be >= 1");
  if (robots_ttl_ms < 0 || host_min_interval_ms < 0) {
    return Status::InvalidInput("fetch: negative robots TTL or host interval");
  }
  if (host_max_concurrent < 1) return Status::InvalidInput("fetch: host_max_concurrent >= 1");
  return Status::Ok();
}

Result<std::unique_ptr<Fetcher>> NewCurlFetcher(const FetchOptions& options, Clock& clock) {
  VEILLE_RETURN_IF_ERROR(options.Validate());
  return std::unique_ptr<Fetcher>(new CurlFetcher(options, clock));
}

}  // namespace veille
