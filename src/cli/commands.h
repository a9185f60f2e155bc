// The CLI's subcommands. Each Run* function takes the validated Config and its
// own arguments, prints to stdout (results) and stderr (diagnostics), and
// returns the process exit status (see ExitCode).
#ifndef VEILLE_CLI_COMMANDS_H_
#define VEILLE_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "veille/config.h"
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

// Prints "veille: error: <status>" on stderr.
void PrintError(const Status& status);

}  // namespace veille::cli

#endif  // VEILLE_CLI_COMMANDS_H_
