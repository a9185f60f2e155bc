// veille: the command-line front end. Settings come from flags, then VEILLE_*
// environment variables, then a config file, then defaults (cli/settings.h,
// docs/cli.md).
#include <malloc.h>

#include <cstdlib>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/settings.h"
#include "veille/config.h"

namespace {

// Veille allocates and frees a few buffers per document (its bytes, DOM and
// text: 100 KiB to a few MiB). glibc's defaults map each buffer over 128 KiB
// afresh until its adaptive threshold catches up and hand the heap's top
// back to the kernel whenever 128 KiB of it are free, so document after
// document faults the same memory in again: 13-16k minor page faults over the
// 742 pages of bench/extract, 4k with these settings, same peak RSS.
void TuneAllocator() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

veille::DocFormat ParseFormat(const std::string& name) {
  if (name == "html") return veille::DocFormat::kHtml;
  if (name == "text") return veille::DocFormat::kText;
  if (name == "jsonl") return veille::DocFormat::kJsonl;
  return veille::DocFormat::kUnknown;
}

int Main(int argc, char** argv) {
  using namespace veille::cli;
  veille::Config config;
  CLI::App app{"Veille: turns a stream of news pages into a clean, organised news base."};
  app.require_subcommand(1);
  // Config file, then environment; the flags below override both.
  RawSettings raw;
  if (veille::Status s = LoadSettings(FindConfigFlag(argc, argv), &config, &raw); !s.ok()) {
    PrintError(s);
    return kExitUsage;
  }
  std::string config_path;
  app.add_option("--config", config_path,
                 "Read settings from this TOML file (else $VEILLE_CONFIG, else "
                 "~/.config/veille/config.toml when present)");
  int64_t& max_document_mb = raw.max_document_mb;
  app.add_option("--db", config.db_path, "SQLite database file")->capture_default_str();
  app.add_option("--max-document-mb", max_document_mb, "Largest single document, in MiB")
      ->capture_default_str();
  app.add_option("--commit-every", config.commit_every,
                 "Documents per transaction within one input")
      ->capture_default_str();
  app.add_option("--stories", config.stories.enabled,
                 "1: link copies, place articles in stories, summarise them at ingest; 0: off")
      ->capture_default_str();
  app.add_option("--summary-sentences", config.stories.summary.sentences,
                 "Sentences of a story's summary")
      ->capture_default_str();
  app.add_option("--raw-compression-level", config.store.raw_compression_level,
                 "zstd level for stored raw inputs (1-19)")
      ->capture_default_str();
  app.add_option("--busy-timeout-ms", config.store.busy_timeout_ms,
                 "Wait this long for another writer's lock")
      ->capture_default_str();
  app.add_option("--min-paragraph-chars", config.extract.min_paragraph_chars,
                 "Shorter lines of a text page need sentence punctuation to count as text")
      ->capture_default_str();
  app.add_option("--min-article-chars", config.extract.min_article_chars,
                 "Below this, HTML extraction falls back to a wider selection")
      ->capture_default_str();
  app.add_option("--data-dir", config.analyze.data_dir,
                 "Folder of the analysis data: stopwords/, gazetteers/, aliases/ (default: "
                 "$VEILLE_DATA_DIR, else the source tree's data/)");
  app.add_option("--user-aliases", config.analyze.entities.user_alias_path,
                 "Extra entity aliases merged at ingest, same TSV format as "
                 "data/aliases/aliases.tsv");

  IngestArgs ingest;
  std::string format = "auto";
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Read pages (HTML, text), JSONL files, folders or - (stdin) into the database");
  ingest_cmd->add_option("paths", ingest.paths, "Files, folders, or - for stdin")->required();
  ingest_cmd->add_option("--format", format, "Force the input format")
      ->check(CLI::IsMember({"auto", "html", "text", "jsonl"}))
      ->capture_default_str();
  ingest_cmd->add_flag("-q,--quiet", ingest.quiet, "Print only the summary line");
  ingest_cmd->add_flag("--json", ingest.json, "One JSON object per document on stdout");
  ingest_cmd->add_flag("!--no-progress", ingest.progress, "No progress display on stderr");

  ExtractArgs extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Extract articles from pages and print one JSON object per page (no database)");
  extract_cmd->add_option("paths", extract.paths, "Files, folders, or - for stdin")->required();
  extract_cmd->add_option("--format", format, "Force the input format")
      ->check(CLI::IsMember({"auto", "html", "text", "jsonl"}))
      ->capture_default_str();
  extract_cmd->add_flag("--pretty", extract.pretty, "Indent the JSON");

  ListArgs list;
  CLI::App* articles_cmd = app.add_subcommand("articles", "List stored articles");
  articles_cmd->add_option("--limit", list.limit, "At most this many")->capture_default_str();
  articles_cmd->add_option("--offset", list.offset, "Skip this many")->capture_default_str();
  articles_cmd->add_flag("--json", list.json, "JSON output");

  int64_t show_id = 0;
  bool show_json = false;
  CLI::App* show_cmd = app.add_subcommand("show", "Show one article with its text");
  show_cmd->add_option("id", show_id, "Article id")->required();
  show_cmd->add_flag("--json", show_json, "JSON output");

  std::string query;
  CLI::App* search_cmd = app.add_subcommand("search", "Full-text search over titles and texts");
  search_cmd->add_option("query", query, "Words to find (FTS5 syntax allowed)")->required();
  search_cmd->add_option("--limit", list.limit, "At most this many")->capture_default_str();
  search_cmd->add_flag("--json", list.json, "JSON output");

  bool stats_json = false;
  CLI::App* stats_cmd = app.add_subcommand("stats", "Counts of what the database holds");
  stats_cmd->add_flag("--json", stats_json, "JSON output");

  ExportArgs exp;
  CLI::App* export_cmd = app.add_subcommand(
      "export", "Write the stored articles as JSONL (readable by ingest) or CSV");
  export_cmd->add_option("--format", exp.format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  export_cmd->add_option("-o,--output", exp.output, "Output file, - for stdout")
      ->capture_default_str();

  // Live collection: subscriptions, one-off fetches, the polling loop.
  veille::CollectOptions collect;
  auto add_fetch_options = [&](CLI::App* cmd) {
    cmd->add_option("--user-agent", collect.fetch.user_agent,
                    "User-Agent sent (put a way to contact you in place of 'contact: unset')")
        ->capture_default_str();
    cmd->add_option("--timeout-ms", collect.fetch.timeout_ms, "Whole-transfer timeout per attempt")
        ->capture_default_str();
    cmd->add_option("--max-attempts", collect.fetch.max_attempts,
                    "Attempts per URL on timeouts and 5xx (exponential back-off)")
        ->capture_default_str();
    cmd->add_option("--host-interval-ms", collect.fetch.host_min_interval_ms,
                    "Least time between two requests to one host")
        ->capture_default_str();
    cmd->add_flag("!--no-full-text", collect.fetch_full_text,
                  "Keep teaser feed items as they are (do not fetch their page)");
  };
  CLI::App* sources_cmd =
      app.add_subcommand("sources", "List the subscribed sources with their state");
  bool sources_json = false;
  sources_cmd->add_flag("--json", sources_json, "JSON output");
  std::vector<std::string> source_items;
  CLI::App* sources_add_cmd =
      sources_cmd->add_subcommand("add", "Subscribe to feed or page URLs, or an OPML list's feeds");
  sources_add_cmd->add_option("items", source_items, "URLs, OPML files, or - (OPML on stdin)")
      ->required();
  FetchArgs fetch;
  CLI::App* fetch_cmd = app.add_subcommand("fetch", "Fetch URLs once and store what they hold");
  fetch_cmd->add_option("urls", fetch.urls, "Feed or page URLs")->required();
  fetch_cmd->add_flag("-q,--quiet", fetch.quiet, "No line per document");
  add_fetch_options(fetch_cmd);
  WatchArgs watch;
  CLI::App* watch_cmd = app.add_subcommand(
      "watch", "Poll the subscribed sources on their adaptive schedule until SIGINT/SIGTERM");
  watch_cmd->add_option("--max-polls", watch.max_polls, "Stop after this many polls (0: never)")
      ->capture_default_str();
  watch_cmd
      ->add_option("--min-interval-s", collect.schedule.min_interval_s,
                   "Shortest interval between two polls of a source")
      ->capture_default_str();
  watch_cmd
      ->add_option("--max-interval-s", collect.schedule.max_interval_s,
                   "Longest interval between two polls of a source")
      ->capture_default_str();
  watch_cmd->add_flag("-q,--quiet", watch.quiet, "No line per document");
  add_fetch_options(watch_cmd);

  EntitiesArgs entities;
  CLI::App* entities_cmd = app.add_subcommand(
      "entities", "Named entities of the stored articles, with their variants and merge rules");
  entities_cmd->add_option("--kind", entities.kind, "Only this kind")
      ->check(CLI::IsMember({"person", "organization", "place", "other"}));
  entities_cmd->add_option("--limit", entities.limit, "At most this many (0: all)")
      ->capture_default_str();
  entities_cmd->add_flag("--json", entities.json, "JSON output");

  StoriesArgs stories;
  CLI::App* stories_cmd =
      app.add_subcommand("stories", "Stories (one event each), most recent first");
  stories_cmd->add_option("--limit", stories.limit, "At most this many")->capture_default_str();
  stories_cmd->add_option("--offset", stories.offset, "Skip this many")->capture_default_str();
  stories_cmd->add_option("--order", stories.order, "recent or importance (distinct sources)")
      ->check(CLI::IsMember({"recent", "importance"}))
      ->capture_default_str();
  stories_cmd->add_flag("--json", stories.json, "JSON output");

  int64_t story_id = 0;
  StoryArgs story;
  CLI::App* story_cmd =
      app.add_subcommand("story", "One story: summary, entities, timeline, sources and articles");
  story_cmd->add_option("id", story_id, "Story id")->required();
  story_cmd->add_option("--why", story.why, "Explain why this article is in the story");
  story_cmd->add_flag("--json", story.json, "JSON output (the HTTP API's story object)");

  int64_t copies_id = 0;
  bool copies_json = false;
  CLI::App* copies_cmd =
      app.add_subcommand("copies", "The copy group of an article (original and near-copies)");
  copies_cmd->add_option("id", copies_id, "Article id")->required();
  copies_cmd->add_flag("--json", copies_json, "JSON output");

  bool storylines_json = false;
  CLI::App* storylines_cmd =
      app.add_subcommand("storylines", "Storylines: stories linked across time by their actors");
  storylines_cmd->add_flag("--json", storylines_json, "JSON output");

  bool recluster_json = false;
  CLI::App* recluster_cmd = app.add_subcommand(
      "recluster", "Rebuild every story from the stored features, in one transaction");
  recluster_cmd->add_flag("--json", recluster_json, "JSON output");

  ServeArgs serve;
  CLI::App* serve_cmd =
      app.add_subcommand("serve", "HTTP JSON API and web UI over the database (docs/api.md)");
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port (0: any free one)")->capture_default_str();
  serve_cmd->add_option("--threads", serve.threads, "HTTP worker threads")->capture_default_str();
  serve_cmd
      ->add_option("--cache-ttl-s", serve.cache_ttl_s,
                   "Reuse a GET answer for this many seconds (0: no cache)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--cache-stale-s", serve.cache_stale_s,
                   "Then serve it this many seconds more while one request recomputes it")
      ->capture_default_str();
  serve_cmd->add_option("--cache-mib", serve.cache_mib, "Memory bound of the GET answer cache")
      ->capture_default_str();
  serve_cmd->add_flag("-q,--quiet", serve.quiet, "No access log on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  config.ingest.max_document_bytes = static_cast<size_t>(std::max<int64_t>(max_document_mb, 0))
                                     << 20;
  config.ingest.forced_format = ParseFormat(format);
  collect.fetch.max_body_bytes = config.ingest.max_document_bytes;  // one bound for all documents
  if (veille::Status s = config.Validate(); !s.ok()) {
    PrintError(s);
    return kExitUsage;
  }

  if (*ingest_cmd) return RunIngest(config, ingest);
  if (*extract_cmd) return RunExtract(config, extract);
  if (*articles_cmd) return RunArticles(config, list);
  if (*show_cmd) return RunShow(config, show_id, show_json);
  if (*search_cmd) return RunSearch(config, query, list);
  if (*stats_cmd) return RunStats(config, stats_json);
  if (*entities_cmd) return RunEntities(config, entities);
  if (*export_cmd) return RunExport(config, exp);
  if (*sources_add_cmd) return RunSourcesAdd(config, collect, source_items);
  if (*sources_cmd) return RunSourcesList(config, sources_json);
  if (*fetch_cmd) return RunFetch(config, collect, fetch);
  if (*watch_cmd) return RunWatch(config, collect, watch);
  if (*stories_cmd) return RunStories(config, stories);
  if (*story_cmd) return RunStory(config, story_id, story);
  if (*copies_cmd) return RunCopies(config, copies_id, copies_json);
  if (*storylines_cmd) return RunStorylines(config, storylines_json);
  if (*recluster_cmd) return RunRecluster(config, recluster_json);
  if (*serve_cmd) return RunServe(config, serve);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  TuneAllocator();
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    // Nothing below should throw; this is the last line of defence.
    veille::cli::PrintError(veille::Status::Internal(e.what()));
    return veille::cli::kExitFatal;
  }
}
