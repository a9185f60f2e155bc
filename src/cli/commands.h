// The CLI's subcommands. Each Run* function takes the validated Config and its
// own arguments, prints to stdout (results) and stderr (diagnostics), and
// returns the process exit status (see ExitCode).
#ifndef VEILLE_CLI_COMMANDS_H_
#define VEILLE_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "veille/config.h"
#include "veille/pipeline.h"
#include "veille/status.h"

namespace veille::cli {

// Exit statuses, documented in docs/cli.md.
enum ExitCode : int {
  kExitOk = 0,        // everything succeeded
  kExitFatal = 1,     // the command could not run (database unusable, bad setting)
  kExitUsage = 2,     // bad command line
  kExitPartial = 3,   // the command ran, but some inputs or records failed
  kExitNotFound = 4,  // the requested item does not exist
};

struct IngestArgs {
  std::vector<std::string> paths;
  bool quiet = false;  // only the summary line
  bool json = false;   // one JSON object per event on stdout
  bool progress = true;
};
int RunIngest(const Config& config, const IngestArgs& args);

struct ExtractArgs {
  std::vector<std::string> paths;
  bool pretty = false;
};
int RunExtract(const Config& config, const ExtractArgs& args);

struct ListArgs {
  int64_t limit = 50;
  int64_t offset = 0;
  bool json = false;
};
int RunArticles(const Config& config, const ListArgs& args);
int RunShow(const Config& config, int64_t id, bool json);
int RunSearch(const Config& config, const std::string& query, const ListArgs& args);
int RunStats(const Config& config, bool json);

struct ExportArgs {
  std::string format = "jsonl";  // "jsonl" or "csv"
  std::string output = "-";      // file path, or "-" for stdout
};
int RunExport(const Config& config, const ExportArgs& args);

// Stories (cmd_stories.cc).
struct StoriesArgs {
  int64_t limit = 50;
  int64_t offset = 0;
  std::string order = "recent";  // "recent" or "importance"
  bool json = false;
};
int RunStories(const Config& config, const StoriesArgs& args);
struct StoryArgs {
  bool json = false;
  int64_t why = 0;  // != 0: explain this article's membership instead
};
int RunStory(const Config& config, int64_t id, const StoryArgs& args);
int RunCopies(const Config& config, int64_t id, bool json);
int RunStorylines(const Config& config, bool json);
int RunRecluster(const Config& config, bool json);

// Live collection (cmd_sources.cc). `options` carries the fetch and schedule
// settings of the command line.
int RunSourcesAdd(const Config& config, const CollectOptions& options,
                  const std::vector<std::string>& items);  // URLs and OPML files
int RunSourcesList(const Config& config, bool json);
struct FetchArgs {
  std::vector<std::string> urls;
  bool quiet = false;  // only polls, errors and the summary
};
int RunFetch(const Config& config, const CollectOptions& options, const FetchArgs& args);
struct WatchArgs {
  int64_t max_polls = 0;  // stop after this many polls (0: until SIGINT/SIGTERM)
  bool quiet = false;
};
int RunWatch(const Config& config, const CollectOptions& options, const WatchArgs& args);

// `veille entities` (cmd_entities.cc): canonical named entities of the
// stored articles, their variants and merge rules, as ingest stored them.
struct EntitiesArgs {
  std::string kind;   // "" for all, else person / organization / place / other
  int64_t limit = 0;  // 0: all
  bool json = false;
};
int RunEntities(const Config& config, const EntitiesArgs& args);

// `veille serve` (cmd_serve.cc): HTTP API and web UI until SIGINT/SIGTERM.
struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 48;
  int cache_ttl_s = 5;     // GET answers reused this long (0: never)
  int cache_stale_s = 30;  // then served while one request recomputes them
  int cache_mib = 64;      // memory bound of those answers
  bool quiet = false;      // no access log
};
int RunServe(const Config& config, const ServeArgs& args);

// Prints "veille: error: <status>" on stderr.
void PrintError(const Status& status);

}  // namespace veille::cli

#endif  // VEILLE_CLI_COMMANDS_H_
