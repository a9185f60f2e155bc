// Config: one Options struct per stage plus the run-wide settings. Only cli/
// (and later serve/) fill it, from flags, VEILLE_* environment variables and an
// optional config file, and pass each stage its own Options by const&.
#ifndef VEILLE_CONFIG_H_
#define VEILLE_CONFIG_H_

#include <string>

#include "veille/analyze.h"
#include "veille/cluster.h"
#include "veille/dedup.h"
#include "veille/extract.h"
#include "veille/ingest.h"
#include "veille/status.h"
#include "veille/store.h"
#include "veille/summarize.h"

namespace veille {

// What the pipeline does after analysis: copy links, story assignment,
// storylines and summaries, as each article is stored.
struct StoryOptions {
  bool enabled = true;  // false: articles are stored and analysed only
  DedupOptions dedup;
  ClusterOptions cluster;
  StorylineOptions storylines;
  SummarizeOptions summary;
};

struct Config {
  std::string db_path = "veille.db";  // SQLite database file
  IngestOptions ingest;
  ExtractOptions extract;
  AnalyzeOptions analyze;  // data_dir: the --data-dir setting
  StoreOptions store;
  StoryOptions stories;
  // Documents per transaction when one input holds many (a JSONL file);
  // a transaction never spans two inputs. Larger is faster, smaller loses
  // less work to a kill.
  int64_t commit_every = 1000;

  // Returns kInvalidInput naming the first setting out of range.
  Status Validate() const;
};

}  // namespace veille

#endif  // VEILLE_CONFIG_H_
