#include "serve/server.h"

#include <httplib.h>

#include <chrono>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "serve/response_cache.h"
#include "serve/routes.h"

namespace veille::serve {
namespace {

constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kCsp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
}

bool IsApi(const std::string& path) { return path.rfind("/api/", 0) == 0; }

// The host part of a Host header ("127.0.0.1:8080" -> "127.0.0.1",
// "[::1]:80" -> "::1").
std::string_view HostName(std::string_view host) {
  if (!host.empty() && host.front() == '[') {
    const size_t close = host.find(']');
    return close == std::string_view::npos ? host : host.substr(1, close - 1);
  }
  const size_t colon = host.rfind(':');
  return colon == std::string_view::npos ? host : host.substr(0, colon);
}

}  // namespace

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Status ServeOptions::Validate() const {
  if (host.empty()) return Status::InvalidInput("serve: empty --host");
  if (port < 0 || port > 65535) return Status::InvalidInput("serve: --port must be 0..65535");
  if (threads < 1 || threads > 1024)
    return Status::InvalidInput("serve: --threads must be 1..1024");
  if (store_connections < 1 || store_connections > 256) {
    return Status::InvalidInput("serve: --connections must be 1..256");
  }
  if (cache_ttl_s < 0 || cache_stale_s < 0 || cache_mib < 0 || cache_mib > 65536) {
    return Status::InvalidInput(
        "serve: --cache-ttl-s and --cache-stale-s must be >= 0, --cache-mib 0..65536");
  }
  if (max_page_size < 1 || max_query_chars < 1 || max_body_bytes < 1) {
    return Status::InvalidInput("serve: bounds must be positive");
  }
  return Status::Ok();
}

class Server::Impl {
 public:
  Impl(const Config& config, const ServeOptions& options, const AnalysisResources* analysis)
      : options_(options),
        pool_(config.db_path, StoreReadOptions(config.store),
              static_cast<size_t>(options.store_connections)),
        catalog_(config, analysis),
        ctx_{options_, pool_, catalog_, metrics_, IsLoopbackHost(options.host)},
        loopback_(IsLoopbackHost(options.host)),
        cache_(CacheOptions(options)) {
    http_.new_task_queue = [n = options_.threads] {
      return new httplib::ThreadPool(static_cast<size_t>(n));
    };
    http_.set_payload_max_length(options_.max_body_bytes);
    // Headers and body go out as separate writes: without TCP_NODELAY, Nagle
    // holds the body until the client's delayed ACK (~40 ms per response).
    http_.set_tcp_nodelay(true);
    http_.set_keep_alive_max_count(10000);
    http_.set_keep_alive_timeout(5);
    http_.set_read_timeout(30, 0);
    http_.set_write_timeout(30, 0);
    http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      SecurityHeaders(res);
      if (!res.body.empty()) return;  // a handler's own error
      const int status = res.status;
      const std::string msg = status == 404   ? "no such page: " + req.path
                              : status == 413 ? "request body too large"
                                              : "request failed";
      if (IsApi(req.path)) {
        JsonError(res, status, msg);
      } else {
        HtmlError(res, status, msg);
      }
    });
    http_.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
          SecurityHeaders(res);
          if (IsApi(req.path)) {
            JsonError(res, 500, "internal error");
          } else {
            HtmlError(res, 500, "internal error");
          }
        });
    Route route = [this](const char* method, const char* pattern, const char* name,
                         httplib::Server::Handler handler) { Add(method, pattern, name, handler); };
    Add("GET", "/healthz", "healthz", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("ok\n", "text/plain; charset=utf-8");
    });
    Add("GET", "/metrics", "metrics", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(metrics_.Render(Gauges()), "text/plain; version=0.0.4; charset=utf-8");
    });
    Add("GET", R"(/static/([a-z0-9_.-]+))", "static",
        [](const httplib::Request& req, httplib::Response& res) {
          const StaticFile* file = FindStaticFile(req.matches[1].str());
          if (file == nullptr) {
            res.status = 404;
            return;
          }
          res.set_header("Cache-Control", "public, max-age=3600");
          res.set_content(file->body.data(), file->body.size(), file->content_type);
        });
    RegisterApiRoutes(ctx_, route);
    RegisterWebRoutes(ctx_, route);
  }

  static StoreOptions StoreReadOptions(StoreOptions o) {
    o.cache_kib = std::min(o.cache_kib, 16384);  // several connections: bound the page caches
    // Reads through a map of the file: no copy per page read, one copy of
    // each page for every connection (the OS page cache).
    o.mmap_bytes = int64_t{1} << 30;
    return o;
  }

  static ResponseCache::Options CacheOptions(const ServeOptions& o) {
    ResponseCache::Options c;
    c.ttl = std::chrono::seconds(o.cache_ttl_s);
    c.stale = std::chrono::seconds(o.cache_stale_s);
    c.max_bytes = static_cast<size_t>(o.cache_mib) << 20;
    return c;
  }

  // Answers `req` from the response cache, or with `handler` (whose 200
  // answers are kept; any answer is shared with the requests waiting for it).
  void Cached(const httplib::Server::Handler& handler, const httplib::Request& req,
              httplib::Response& res) {
    const ResponseCache::Outcome got = cache_.Get(req.target, [&] {
      const httplib::Headers before = res.headers;  // the security headers
      handler(req, res);
      ResponseCache::Answer a;
      a.status = res.status > 0 ? res.status : 200;
      a.body = res.body;
      a.content_type = res.get_header_value("Content-Type");
      for (const auto& [name, value] : res.headers) {
        if (name != "Content-Type" && name != "Content-Length" && before.count(name) == 0) {
          a.headers.emplace_back(name, value);
        }
      }
      return std::make_shared<const ResponseCache::Answer>(std::move(a));
    });
    if (got.computed) return;
    const ResponseCache::Answer& a = *got.answer;
    res.status = a.status;
    for (const auto& [name, value] : a.headers) res.set_header(name, value);
    res.set_content(a.body, a.content_type.c_str());
  }

  void Add(const char* method, const char* pattern, const char* name,
           httplib::Server::Handler handler) {
    const bool is_get = std::string_view(method) == "GET";
    // Static files are in memory already.
    const bool cacheable =
        is_get && options_.cache_ttl_s > 0 && std::string_view(name) != "healthz" &&
        std::string_view(name) != "metrics" && std::string_view(name) != "static";
    auto wrapped = [this, name, cacheable, is_get, handler = std::move(handler)](
                       const httplib::Request& req, httplib::Response& res) {
      const auto start = std::chrono::steady_clock::now();
      SecurityHeaders(res);
      const std::string host = req.get_header_value("Host");
      if (loopback_ && !IsLoopbackHost(HostName(host))) {
        // A page of another site whose name was re-pointed at 127.0.0.1
        // (DNS rebinding) must not read or write the base.
        res.status = 403;
        res.set_content(R"({"error":{"status":403,"message":"unexpected Host header"}})",
                        "application/json");
      } else if (cacheable) {
        Cached(handler, req, res);
      } else {
        handler(req, res);
        if (!is_get) cache_.Invalidate();
      }
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      metrics_.Observe(name, res.status <= 0 ? 200 : res.status, seconds);
      if (options_.access_log) {
        options_.access_log(fmt::format("{} {} {} {} {:.1f}ms", req.remote_addr, req.method,
                                        req.path, res.status <= 0 ? 200 : res.status,
                                        seconds * 1000));
      }
    };
    const std::string m = method;
    if (m == "GET") {
      http_.Get(pattern, wrapped);
    } else if (m == "POST") {
      // The body is kept only once the write is authorised: a refused one is
      // read and dropped as it arrives (never buffered; the keep-alive
      // connection stays in step), then the route refuses the request.
      http_.Post(pattern, [this, wrapped](const httplib::Request& req, httplib::Response& res,
                                          const httplib::ContentReader& read) {
        httplib::Response probe;
        const bool allowed =
            (!loopback_ || IsLoopbackHost(HostName(req.get_header_value("Host")))) &&
            AuthorizeWrite(ctx_, req, probe);
        if (!allowed) {
          read([](const char*, size_t) { return true; });
          wrapped(req, res);
          return;
        }
        httplib::Request full = req;
        const bool complete = read([&full](const char* data, size_t n) {
          full.body.append(data, n);
          return true;
        });
        if (!complete) {
          // httplib set 413 when the body is over max_body_bytes.
          const bool too_large = res.status == 413;
          SecurityHeaders(res);
          JsonError(res, too_large ? 413 : 400,
                    too_large ? "request body too large" : "request body cut short");
          return;
        }
        wrapped(full, res);
      });
    } else if (m == "DELETE") {
      http_.Delete(pattern, wrapped);
    }
  }

  std::map<std::string, int64_t> Gauges() {
    std::map<std::string, int64_t> g;
    Result<StorePool::Lease> store = pool_.Acquire();
    if (!store.ok()) return g;
    if (Result<StoreStats> st = (*store)->Stats(); st.ok()) {
      g["articles"] = st->articles;
      g["revisions"] = st->revisions;
      g["entities"] = st->entities;
    }
    if (Result<int64_t> max = (*store)->MaxStoryId(); max.ok()) g["story_ids_used"] = *max;
    const ResponseCache::Counters c = cache_.counters();
    g["response_cache_entries"] = c.entries;
    g["response_cache_bytes"] = c.bytes;
    g["response_cache_fresh_hits_total"] = c.fresh_hits;
    g["response_cache_stale_hits_total"] = c.stale_hits;
    g["response_cache_shared_total"] = c.waits;
    g["response_cache_computes_total"] = c.computes;
    return g;
  }

  Status Bind() {
    VEILLE_RETURN_IF_ERROR(options_.Validate());
    {
      VEILLE_ASSIGN_OR_RETURN(StorePool::Lease probe, pool_.Acquire());
      (void)probe;
    }
    if (options_.port == 0) {
      port_ = http_.bind_to_any_port(options_.host);
    } else {
      port_ = http_.bind_to_port(options_.host, options_.port) ? options_.port : -1;
    }
    if (port_ <= 0) {
      return Status::IoError(fmt::format("cannot listen on {}:{}", options_.host, options_.port));
    }
    return Status::Ok();
  }

  Status Run() {
    if (!http_.listen_after_bind()) return Status::IoError("the HTTP server stopped on an error");
    return Status::Ok();
  }

  void Stop() { http_.stop(); }
  int port() const { return port_; }

 private:
  const ServeOptions options_;
  StorePool pool_;
  Catalog catalog_;
  Metrics metrics_;
  Context ctx_;
  const bool loopback_;  // listening on a loopback address: Host headers are checked
  httplib::Server http_;
  int port_ = -1;
  ResponseCache cache_;
};

Server::Server(const Config& config, const ServeOptions& options, const AnalysisResources* analysis)
    : impl_(std::make_unique<Impl>(config, options, analysis)) {}
Server::~Server() = default;
Status Server::Bind() { return impl_->Bind(); }
int Server::port() const { return impl_->port(); }
Status Server::Run() { return impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace veille::serve
