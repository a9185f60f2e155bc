// `veille ingest` and `veille extract`.
#include <cstdio>
#include <unordered_set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/json_views.h"
#include "cli/progress.h"
#include "veille/ingest.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille::cli {
namespace {

const char* EventLabel(IngestEvent::Kind kind) {
  switch (kind) {
    case IngestEvent::Kind::kStored:
      return "new";
    case IngestEvent::Kind::kKnown:
      return "known";
    case IngestEvent::Kind::kRevised:
      return "revised";
    case IngestEvent::Kind::kError:
      return "error";
    case IngestEvent::Kind::kWarning:
      return "warning";
    case IngestEvent::Kind::kInfo:
      return "info";
  }
  return "?";
}

std::string Place(const std::string& input, int64_t record) {
  return record > 0 ? fmt::format("{}:{}", input, record) : input;
}

}  // namespace

void PrintError(const Status& status) {
  std::fprintf(stderr, "veille: error: %s\n", status.ToString().c_str());
}

int RunIngest(const Config& config, const IngestArgs& args) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(config.db_path, config.store);
  if (!store.ok()) {
    PrintError(store.status().At(config.db_path));
    return kExitFatal;
  }
  // Expand once here to know the total for the progress display.
  std::vector<std::string> inputs;
  int64_t expand_errors = 0;
  for (const InputEntry& e : ExpandInputs(args.paths)) {
    if (e.status.ok()) {
      inputs.push_back(e.path);
    } else {
      PrintError(e.status.input().empty() ? e.status.At(e.path) : e.status);
      ++expand_errors;
    }
  }
  Progress progress("inputs", static_cast<int64_t>(inputs.size()), args.progress && !args.json);
  std::unordered_set<std::string> seen_inputs;
  int64_t documents = 0;
  auto on_event = [&](const IngestEvent& e) {
    seen_inputs.insert(e.input);
    if (e.kind != IngestEvent::Kind::kWarning && e.kind != IngestEvent::Kind::kInfo) ++documents;
    progress.Update(static_cast<int64_t>(seen_inputs.size()), documents);
    if (args.json) {
      nlohmann::json j = {{"event", EventLabel(e.kind)}, {"input", e.input}};
      if (e.record > 0) j["record"] = e.record;
      if (e.article_id > 0) {
        j["id"] = e.article_id;
        j["revision"] = e.revision;
        j["title"] = e.title;
      }
      if (e.kind == IngestEvent::Kind::kError) j["error"] = e.error.message();
      if (e.kind == IngestEvent::Kind::kWarning) j["warning"] = e.warning;
      if (e.kind == IngestEvent::Kind::kInfo) j["info"] = e.warning;
      std::printf("%s\n", Dump(j).c_str());
      return;
    }
    if (e.kind == IngestEvent::Kind::kError) {
      progress.Clear();
      PrintError(e.error);
    } else if (e.kind == IngestEvent::Kind::kWarning) {
      progress.Clear();
      std::fprintf(stderr, "veille: warning: %s: %s\n", Place(e.input, e.record).c_str(),
                   e.warning.c_str());
    } else if (e.kind == IngestEvent::Kind::kInfo) {
      progress.Clear();
      std::fprintf(stderr, "veille: info: %s: %s\n", e.input.c_str(), e.warning.c_str());
    } else if (!args.quiet) {
      progress.Clear();
      std::string rev = e.kind == IngestEvent::Kind::kRevised
                            ? fmt::format(" (revision {})", e.revision)
                            : std::string();
      std::printf("%-8s #%-6lld %s  %s%s\n", EventLabel(e.kind),
                  static_cast<long long>(e.article_id), Place(e.input, e.record).c_str(),
                  e.title.empty() ? "(untitled)" : e.title.c_str(), rev.c_str());
    }
  };
  IngestSummary sum = IngestPaths(inputs, config, **store, on_event);
  progress.Finish();
  sum.errors += expand_errors;
  if (!args.json) {
    std::printf(
        "ingest: %lld document(s) from %lld input(s): %lld new, %lld revised, %lld already "
        "known, %lld error(s), %lld warning(s)\n",
        static_cast<long long>(sum.documents), static_cast<long long>(sum.inputs),
        static_cast<long long>(sum.stored), static_cast<long long>(sum.revised),
        static_cast<long long>(sum.known), static_cast<long long>(sum.errors),
        static_cast<long long>(sum.warnings));
    if (sum.sources_added + sum.sources_known > 0) {
      std::printf("ingest: OPML subscriptions: %lld source(s) added, %lld already subscribed\n",
                  static_cast<long long>(sum.sources_added),
                  static_cast<long long>(sum.sources_known));
    }
  }
  std::fflush(stdout);
  return sum.errors > 0 ? kExitPartial : kExitOk;
}

int RunExtract(const Config& config, const ExtractArgs& args) {
  int64_t errors = 0;
  std::string line;
  ExtractPaths(
      args.paths, config,
      [&](const RawDocument& raw, const Article& article) {
        std::string input = raw.record > 0 ? Place(raw.input, raw.record) : raw.input;
        if (args.pretty) {
          line = Dump(ExtractView(input, article), 2);
        } else {
          line.clear();
          AppendExtractLine(input, article, &line);
        }
        line.push_back('\n');
        std::fwrite(line.data(), 1, line.size(), stdout);
        for (const std::string& w : article.warnings) {
          std::fprintf(stderr, "veille: warning: %s: %s\n", input.c_str(), w.c_str());
        }
      },
      [&](const Status& s) {
        ++errors;
        PrintError(s);
      });
  std::fflush(stdout);
  return errors > 0 ? kExitPartial : kExitOk;
}

}  // namespace veille::cli
