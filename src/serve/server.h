// Server: `veille serve`'s HTTP server (cpp-httplib) — the JSON API
// (docs/api.md), the server-rendered web UI, /healthz, /metrics and the
// embedded static files — over one SQLite store.
//
// Security: listens on 127.0.0.1 unless told otherwise; the write endpoints
// (POST /api/ingest, DELETE /api/articles/{id}) need "Authorization: Bearer
// <token>" when a token is set, and are refused when the server listens on
// another address without one; bodies, page sizes and query lengths are
// bounded; every response carries a Content-Security-Policy; no request
// path reaches the file system (static files are compiled in).
#ifndef VEILLE_SERVE_SERVER_H_
#define VEILLE_SERVE_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "veille/config.h"
#include "veille/pipeline.h"
#include "veille/status.h"

namespace veille::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  // HTTP worker threads: one per open keep-alive connection being served.
  int threads = 48;
  // SQLite connections shared by the workers (reads run concurrently).
  int store_connections = 4;
  // Bearer token of the write endpoints ("" = none: writes are then allowed
  // only when listening on a loopback address).
  std::string token;
  size_t max_body_bytes = size_t{32} << 20;
  int64_t max_page_size = 100;
  size_t max_query_chars = 256;
  // GET answers (200 only) are reused for this many seconds per URL (0: no
  // cache), then served for up to cache_stale_s more while one request
  // recomputes them; POST /api/ingest and DELETE clear the cache. Their sum
  // bounds how stale a page may be when another process (`veille watch`)
  // writes the database. At most cache_mib MiB of answers are kept.
  int cache_ttl_s = 5;
  int cache_stale_s = 30;
  int cache_mib = 64;
  // One line per request ("" when null): method, path, status, milliseconds.
  std::function<void(std::string_view)> access_log;

  Status Validate() const;
};

class Server {
 public:
  // `config` names the database and the pipeline settings of ingest;
  // `analysis` is borrowed and must outlive the server (null: no ingest).
  Server(const Config& config, const ServeOptions& options, const AnalysisResources* analysis);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Checks that the database opens, then binds host:port. kIoError when the
  // address cannot be bound.
  Status Bind();
  // The bound port (after Bind).
  int port() const;
  // Serves until Stop(); returns after in-flight requests finish.
  Status Run();
  // Thread-safe; makes Run return.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether `host` is a loopback address or name.
bool IsLoopbackHost(std::string_view host);

}  // namespace veille::serve

#endif  // VEILLE_SERVE_SERVER_H_
