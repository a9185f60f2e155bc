// A loopback HTTP server for collect tests (cpp-httplib): started on a free
// 127.0.0.1 port in its own thread, it records every request it receives
// (path, the injected clock's time, a few headers) so that tests check
// conditional GET, robots.txt, rate limits and retries from the server's side.
// Handlers that stall wait on Release(), which the destructor calls, so a
// test never waits for them longer than its own client timeout.
#ifndef VEILLE_TESTS_COLLECT_TEST_SERVER_H_
#define VEILLE_TESTS_COLLECT_TEST_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "veille/collect.h"

namespace veille::testing {

struct SeenRequest {
  std::string path;   // with the query, as sent
  int64_t at_ms = 0;  // the clock's time when the request arrived
  std::string if_none_match;
  std::string if_modified_since;
  std::string user_agent;
  std::string accept_encoding;
};

class TestServer {
 public:
  explicit TestServer(Clock& clock) : clock_(clock) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(8); };
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      SeenRequest seen;
      seen.path = req.target;
      seen.at_ms = clock_.NowMs();
      seen.if_none_match = req.get_header_value("If-None-Match");
      seen.if_modified_since = req.get_header_value("If-Modified-Since");
      seen.user_agent = req.get_header_value("User-Agent");
      seen.accept_encoding = req.get_header_value("Accept-Encoding");
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(seen);
      return httplib::Server::HandlerResponse::Unhandled;
    });
  }

  ~TestServer() { Stop(); }

  httplib::Server& server() { return server_; }

  // Binds a free loopback port and serves in a thread; returns once the
  // server accepts connections.
  bool Start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return false;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // cpp-httplib 0.11 has no wait_until_ready(): poll is_running().
    for (int i = 0; i < 2000 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return server_.is_running();
  }

  void Stop() {
    Release();
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  std::vector<SeenRequest> requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  int CountPath(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    int n = 0;
    for (const SeenRequest& r : requests_) n += r.path == path ? 1 : 0;
    return n;
  }

  // Blocks a handler until Release() or `max` has passed.
  void Stall(std::chrono::milliseconds max) {
    std::unique_lock<std::mutex> lock(mu_);
    released_cv_.wait_for(lock, max, [this] { return released_; });
  }
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      released_ = true;
    }
    released_cv_.notify_all();
  }

 private:
  Clock& clock_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::condition_variable released_cv_;
  bool released_ = false;
  std::vector<SeenRequest> requests_;
};

}  // namespace veille::testing

#endif  // VEILLE_TESTS_COLLECT_TEST_SERVER_H_
