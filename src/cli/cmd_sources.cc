// `veille sources add`, `veille sources`, `veille fetch` and `veille watch`:
// subscriptions and live collection (include/veille/pipeline.h).
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/json_views.h"
#include "veille/collect.h"
#include "veille/ingest.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille::cli {
namespace {

// Set by SIGINT/SIGTERM; `watch` finishes the poll in progress and returns.
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "used from a signal handler");

extern "C" void OnStopSignal(int sig) {
  if (g_stop.load()) {
    // A second signal: the user insists. Committed data is safe (SQLite).
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_stop.store(true);
}

void InstallStopHandlers() {
  struct sigaction sa = {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

Result<std::unique_ptr<Store>> Open(const Config& config) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(config.db_path, config.store);
  if (!store.ok()) return store.status().At(config.db_path);
  return store;
}

std::string Place(const std::string& input, int64_t record) {
  return record > 0 ? fmt::format("{}:{}", input, record) : input;
}

std::string Duration(int64_t seconds) {
  if (seconds % 3600 == 0) return fmt::format("{}h", seconds / 3600);
  if (seconds >= 3600) return fmt::format("{}h{:02}", seconds / 3600, seconds % 3600 / 60);
  if (seconds % 60 == 0) return fmt::format("{}m", seconds / 60);
  return fmt::format("{}s", seconds);
}

nlohmann::json SourceView(const Source& s) {
  return {{"id", s.id},
          {"url", s.url},
          {"kind", SourceKindName(s.kind)},
          {"title", s.title},
          {"added_at", s.added_at},
          {"last_fetch", s.last_fetch},
          {"last_status", s.last_status},
          {"last_error", s.last_error},
          {"error_count", s.error_count},
          {"next_poll", s.next_poll},
          {"items_seen", s.items_seen},
          {"poll_interval_s", s.poll_interval_s},
          {"etag", s.etag},
          {"last_modified", s.last_modified}};
}

// Prints one document event as `veille ingest` does.
void PrintEvent(const IngestEvent& e, bool quiet) {
  switch (e.kind) {
    case IngestEvent::Kind::kError:
      PrintError(e.error);
      return;
    case IngestEvent::Kind::kWarning:
      std::fprintf(stderr, "veille: warning: %s: %s\n", Place(e.input, e.record).c_str(),
                   e.warning.c_str());
      return;
    default:
      break;
  }
  if (quiet) return;
  const char* label = e.kind == IngestEvent::Kind::kStored    ? "new"
                      : e.kind == IngestEvent::Kind::kRevised ? "revised"
                                                              : "known";
  std::printf("%-8s #%-6lld %s  %s\n", label, static_cast<long long>(e.article_id),
              Place(e.input, e.record).c_str(), e.title.empty() ? "(untitled)" : e.title.c_str());
}

void PrintPoll(const PollReport& r) {
  if (!r.status.ok()) return;  // already printed as an error event
  if (r.not_modified) {
    std::printf("fetch    %s  not modified\n", r.url.c_str());
  } else {
    std::printf("fetch    %s  %s, %lld document(s), %lld new, %lld full text%s\n", r.url.c_str(),
                SourceKindName(r.kind), static_cast<long long>(r.documents),
                static_cast<long long>(r.new_items), static_cast<long long>(r.full_text),
                r.interrupted ? ", interrupted" : "");
  }
  std::fflush(stdout);
}

// The fetcher, clock and pipeline of one collect command.
struct Collector {
  std::unique_ptr<Store> store;
  std::unique_ptr<Fetcher> fetcher;
  std::unique_ptr<CollectPipeline> pipeline;
};

Result<Collector> MakeCollector(const Config& config, CollectOptions options, bool quiet) {
  // New sources start within the bounds the command line may have moved.
  options.schedule.initial_interval_s =
      std::clamp(options.schedule.initial_interval_s, options.schedule.min_interval_s,
                 std::max(options.schedule.min_interval_s, options.schedule.max_interval_s));
  VEILLE_RETURN_IF_ERROR(options.Validate());
  Collector c;
  VEILLE_ASSIGN_OR_RETURN(c.store, Open(config));
  VEILLE_ASSIGN_OR_RETURN(c.fetcher, NewCurlFetcher(options.fetch, SystemClock()));
  c.pipeline =
      std::make_unique<CollectPipeline>(config, options, *c.fetcher, *c.store, SystemClock(),
                                        [quiet](const IngestEvent& e) { PrintEvent(e, quiet); });
  return c;
}

}  // namespace

int RunSourcesAdd(const Config& config, const CollectOptions& options,
                  const std::vector<std::string>& items) {
  auto store = Open(config);
  if (!store.ok()) return PrintError(store.status()), kExitFatal;
  std::vector<std::string> urls, lists;
  int64_t errors = 0;
  for (const std::string& item : items) {
    std::error_code ec;
    if (item == "-" || std::filesystem::is_regular_file(item, ec)) {
      Result<DocFormat> format = item == "-" ? Result<DocFormat>(DocFormat::kOpml)
                                             : DetectInputFormat(item, config.ingest);
      if (format.ok() && *format == DocFormat::kOpml) {
        lists.push_back(item);
      } else {
        ++errors;
        PrintError(format.ok() ? Status::InvalidInput("not an OPML list").At(item)
                               : format.status());
      }
    } else {
      urls.push_back(item);
    }
  }
  const SubscribeSummary s =
      Subscribe(urls, lists, config, options, **store, [&](const Status& e) { PrintError(e); });
  errors += s.errors;
  std::printf("sources: %lld added, %lld already subscribed, %lld error(s)\n",
              static_cast<long long>(s.added), static_cast<long long>(s.already),
              static_cast<long long>(errors));
  return errors > 0 ? kExitPartial : kExitOk;
}

int RunSourcesList(const Config& config, bool json) {
  auto store = Open(config);
  if (!store.ok()) return PrintError(store.status()), kExitFatal;
  auto sources = (*store)->ListSources();
  if (!sources.ok()) return PrintError(sources.status()), kExitFatal;
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Source& s : *sources) out.push_back(SourceView(s));
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  for (const Source& s : *sources) {
    const std::string state = s.last_fetch.empty() ? "never fetched"
                              : s.error_count > 0  ? fmt::format("failing ({}x)", s.error_count)
                                                   : fmt::format("ok {}", s.last_status);
    std::printf("#%-4lld %-4s  %s  %s\n", static_cast<long long>(s.id), SourceKindName(s.kind),
                s.url.c_str(), s.title.c_str());
    std::printf("       %s, %lld item(s), every %s, next %s%s\n", state.c_str(),
                static_cast<long long>(s.items_seen), Duration(s.poll_interval_s).c_str(),
                s.next_poll.empty() ? "now" : s.next_poll.c_str(),
                s.last_fetch.empty() ? "" : (", last " + s.last_fetch).c_str());
    if (!s.last_error.empty()) std::printf("       last error: %s\n", s.last_error.c_str());
  }
  return kExitOk;
}

int RunFetch(const Config& config, const CollectOptions& options, const FetchArgs& args) {
  Result<Collector> c = MakeCollector(config, options, args.quiet);
  if (!c.ok()) return PrintError(c.status()), kExitFatal;
  int64_t failed = 0;
  for (const std::string& url : args.urls) {
    const PollReport r = c->pipeline->FetchOnce(url);
    if (!r.status.ok()) ++failed;
    PrintPoll(r);
  }
  const IngestSummary& sum = c->pipeline->summary();
  std::printf(
      "fetch: %lld URL(s), %lld document(s): %lld new, %lld revised, %lld already known, "
      "%lld error(s), %lld warning(s)\n",
      static_cast<long long>(args.urls.size()), static_cast<long long>(sum.documents),
      static_cast<long long>(sum.stored), static_cast<long long>(sum.revised),
      static_cast<long long>(sum.known), static_cast<long long>(sum.errors),
      static_cast<long long>(sum.warnings));
  return failed > 0 || sum.errors > 0 ? kExitPartial : kExitOk;
}

int RunWatch(const Config& config, const CollectOptions& options, const WatchArgs& args) {
  Result<Collector> c = MakeCollector(config, options, args.quiet);
  if (!c.ok()) return PrintError(c.status()), kExitFatal;
  InstallStopHandlers();
  std::fprintf(stderr, "veille: watching the sources of %s (Ctrl-C to stop)\n",
               config.db_path.c_str());
  int64_t polls = 0;
  const Status s = c->pipeline->Watch(g_stop, [&](const PollReport& r) {
    PrintPoll(r);
    if (args.max_polls > 0 && ++polls >= args.max_polls) g_stop.store(true);
  });
  const IngestSummary& sum = c->pipeline->summary();
  std::printf("watch: stopped; %lld document(s): %lld new, %lld revised, %lld error(s)\n",
              static_cast<long long>(sum.documents), static_cast<long long>(sum.stored),
              static_cast<long long>(sum.revised), static_cast<long long>(sum.errors));
  std::fflush(stdout);
  if (!s.ok()) return PrintError(s), kExitFatal;
  return kExitOk;
}

}  // namespace veille::cli
