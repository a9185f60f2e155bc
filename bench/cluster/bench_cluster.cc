// bench_cluster: throughput of StoryClusterer::Add alone (features already
// computed) at growing stream sizes, and memory per article.
// The base stream is the UCI headlines (real times) and the ECB+ articles
// (full texts, times spread over the same span), analysed once and made
// into ClusterDocs by pipeline::ClusterDocBuilder; it is
// replayed with ids shifted by the base size and times shifted by
// `period` per replica, so the stream runs on for weeks and old stories
// retire from the index as in production; each replica's vocabulary is
// shifted so that it reports new events (see below).
// Times are the CPU time of Add (the thread's clock: the machine is shared).
// VEILLE_BENCH_SPLITS=1 turns ClusterOptions::story_splits on.
// Usage: bench_cluster N [N...]   (e.g. 10000 100000 1000000)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>

#include "datasets.h"
#include "text_features.h"
#include "veille/cluster.h"

namespace veille::eval {
namespace {

long RssKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
  }
  return 0;
}

int Main(int argc, char** argv) {
  const std::string source =
      std::getenv("VEILLE_SOURCE_DIR") ? std::getenv("VEILLE_SOURCE_DIR") : VEILLE_SOURCE_DIR;
  const std::string data = source + "/../shared/data";
  auto uci = LoadUci(data + "/uci_news_aggregator_stories/uci-news-aggregator.ids1-4633.csv.gz");
  auto ecb = LoadEcb(data + "/ecbplus_event_clusters/ECB+_topics1-35.tar.gz",
                     data + "/ecbplus_event_clusters/doc_clusters.tsv");
  if (!uci.ok() || !ecb.ok()) {
    std::fprintf(stderr, "bench_cluster: cannot load the datasets\n");
    return 1;
  }
  std::vector<EvalText> texts = std::move(*uci);
  const int64_t t0 = texts.front().time, span = texts.back().time - texts.front().time;
  for (size_t i = 0; i < ecb->size(); ++i) {
    (*ecb)[i].time = t0 + span * static_cast<int64_t>(i) / static_cast<int64_t>(ecb->size());
    texts.push_back(std::move((*ecb)[i]));
  }
  std::sort(texts.begin(), texts.end(),
            [](const EvalText& a, const EvalText& b) { return a.time < b.time; });
  // The pipeline's conversion (text_features.h), ids 1..n in time order.
  std::vector<ClusterDoc> base = BuildEvalDocs(source, texts, {}).docs;
  const int64_t period = span + 3600 * 12;
  std::printf("base: %zu articles (%zu headlines, rest full texts), replica period %.1f h\n",
              base.size(), base.size() - ecb->size(), period / 3600.0);
  double first_us = 0;
  for (int a = 1; a < argc; ++a) {
    const long n = std::atol(argv[a]);
    const long rss_before = RssKb("VmRSS:");
    ClusterOptions options;
    const char* splits = std::getenv("VEILLE_BENCH_SPLITS");
    options.story_splits = splits != nullptr && std::strcmp(splits, "1") == 0;
    auto c = StoryClusterer::Create(options).value();
    double seconds = 0;
    auto cpu = [] {
      timespec t{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
      return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    };
    for (long i = 0; i < n; ++i) {
      const long replica = i / static_cast<long>(base.size());
      ClusterDoc d = base[static_cast<size_t>(i) % base.size()];
      d.id += replica * static_cast<long>(base.size());
      d.time += replica * period;
      // Each replica reports new events: its term and entity ids move to one
      // of 8 vocabulary epochs, which recur only after the stories of the
      // previous use have retired (8 periods > time_window_s).
      const auto shift = static_cast<uint32_t>(replica % 8) << 24;
      for (auto* v : {&d.title, &d.body, &d.entities, &d.places}) {
        for (auto& term : v->terms) term.first += shift;
      }
      const double start = cpu();
      auto r = c->Add(d);
      seconds += cpu() - start;
      if (!r.ok()) {
        std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
        return 1;
      }
    }
    const long rss_after = RssKb("VmRSS:");
    const double us = seconds * 1e6 / static_cast<double>(n);
    if (first_us == 0) first_us = us;
    std::printf(
        "%8ld articles: %8.0f articles/s  %6.1f us/article (x%.2f of first)  "
        "stories %zu  splits %zu  live docs %zu  memory %.0f bytes/article  peak RSS %ld MB\n",
        n, n / seconds, us, us / first_us, c->Stories().size(), c->splits().size(), c->live_docs(),
        (rss_after - rss_before) * 1024.0 / static_cast<double>(n), RssKb("VmHWM:") / 1024);
  }
  return 0;
}

}  // namespace
}  // namespace veille::eval

int main(int argc, char** argv) { return veille::eval::Main(argc, argv); }
