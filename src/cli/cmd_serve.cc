// `veille serve`: the HTTP API and web UI (src/serve) until SIGINT/SIGTERM.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "serve/server.h"

namespace veille::cli {

int RunServe(const Config& config, const ServeArgs& args) {
  serve::ServeOptions options;
  options.host = args.host;
  options.port = args.port;
  options.threads = args.threads;
  options.cache_ttl_s = args.cache_ttl_s;
  options.cache_stale_s = args.cache_stale_s;
  options.cache_mib = args.cache_mib;
  if (const char* token = std::getenv("VEILLE_TOKEN"); token != nullptr) options.token = token;
  if (!args.quiet) {
    options.access_log = [](std::string_view line) {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
    };
  }
  if (Status s = options.Validate(); !s.ok()) return PrintError(s), kExitUsage;
  Result<std::unique_ptr<const AnalysisResources>> analysis =
      AnalysisResources::Load(config.analyze);
  if (!analysis.ok()) {
    PrintError(analysis.status().WithContext("cannot load the analysis data (see --data-dir)"));
    return kExitFatal;
  }
  // SIGINT/SIGTERM are taken by a thread of their own (blocked everywhere
  // else, including the server's threads, which inherit the mask).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  serve::Server server(config, options, analysis->get());
  if (Status s = server.Bind(); !s.ok()) return PrintError(s), kExitFatal;
  std::printf("veille: serving %s on http://%s:%d/\n", config.db_path.c_str(), options.host.c_str(),
              server.port());
  std::fflush(stdout);
  if (!serve::IsLoopbackHost(options.host) && options.token.empty()) {
    std::fprintf(stderr,
                 "veille: warning: not on loopback and VEILLE_TOKEN unset: "
                 "POST /api/ingest and DELETE are refused\n");
  }
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "veille: signal %d, stopping\n", sig);
    server.Stop();
  });
  Status s = server.Run();
  // Run returned (stopped): wake the waiter if it is still waiting.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!s.ok()) return PrintError(s), kExitFatal;
  return kExitOk;
}

}  // namespace veille::cli
