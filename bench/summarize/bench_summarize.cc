// bench/summarize: CPU time of summarising (features computed beforehand,
// as the pipeline has them stored). Prints
//   - stories/s over the 66 ECB+ gold stories, cold (SummarizeStory: every
//     article split and stemmed) and warm (a Summarizer that has seen them);
//   - one 200-article story (the first 200 ECB+ articles, as one story):
//     cold, warm (same members again) and incremental (199 seen + 1 new).
// Times are process CPU time (user + sys), median of the repetitions.
// Usage: bench_summarize [REPS]   (default 20)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "story_sets.h"
#include "veille/summarize.h"

namespace veille::eval {
namespace {

double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

template <typename F>
double MedianMs(int reps, F&& f) {
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) {
    const double t0 = CpuMs();
    f(r);
    ms.push_back(CpuMs() - t0);
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

int Main(int argc, char** argv) {
  const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  auto loaded = LoadEcbStories(std::string(VEILLE_SHARED_DIR) + "/data/ecbplus_event_clusters");
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    return 1;
  }
  const std::vector<EvalStory>& stories = *loaded;
  const SummarizeOptions options;
  size_t sink = 0;
  const double all_cold = MedianMs(std::max(1, reps / 4), [&](int) {
    for (const EvalStory& s : stories) sink += SummarizeStory(s.articles, options).sentences.size();
  });
  Summarizer warm(options);
  for (const EvalStory& s : stories) sink += warm.Summarize(s.articles).sentences.size();
  const double all_warm = MedianMs(std::max(1, reps / 4), [&](int) {
    for (const EvalStory& s : stories) sink += warm.Summarize(s.articles).sentences.size();
  });
  std::printf(
      "ECB+ %zu stories: cold %.0f stories/s (%.2f ms/story), warm %.0f stories/s "
      "(%.2f ms/story) CPU\n",
      stories.size(), stories.size() * 1e3 / all_cold, all_cold / stories.size(),
      stories.size() * 1e3 / all_warm, all_warm / stories.size());

  std::vector<SummaryArticle> big;
  for (const EvalStory& s : stories) {
    for (const SummaryArticle& a : s.articles) {
      if (big.size() < 201) big.push_back(a);
    }
  }
  const SummaryArticle extra = big.back();
  big.pop_back();
  size_t bytes = 0;
  for (const SummaryArticle& a : big) bytes += a.text.size();
  const double cold =
      MedianMs(reps, [&](int) { sink += SummarizeStory(big, options).sentences.size(); });
  Summarizer cache(options);
  sink += cache.Summarize(big).sentences.size();
  const double warm_ms =
      MedianMs(reps, [&](int) { sink += cache.Summarize(big).sentences.size(); });
  std::vector<SummaryArticle> grown = big;
  grown.push_back(extra);
  const double incremental = MedianMs(reps, [&](int r) {
    grown.back().id = 1000000 + r;  // a new member each time
    sink += cache.Summarize(grown).sentences.size();
  });
  std::printf(
      "200-article story (%zu KB text): cold %.2f ms, warm %.2f ms, +1 article %.2f ms "
      "CPU (median of %d)\n",
      bytes / 1024, cold, warm_ms, incremental, reps);
  return sink == 0 ? 1 : 0;
}

}  // namespace
}  // namespace veille::eval

int main(int argc, char** argv) { return veille::eval::Main(argc, argv); }
