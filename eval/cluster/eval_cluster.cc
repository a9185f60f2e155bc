// eval_cluster: quality of the story clusterer (default ClusterOptions, the
// same for every dataset) beside a single-pass TF-IDF cosine baseline, on
// UCI News Aggregator headlines (online replay in time order, shuffled within
// 6-hour windows, timestamps kept), ECB+ full articles (shuffled order, no
// times), tgcontest same-story pairs (each pair fed as a two-article stream)
// and the seed pages. The docs are made by the pipeline's ClusterDocBuilder
// (text_features.h); document frequencies are those of each dataset's texts
// (no labels used), as the engine's DF table holds those of its base.
// Usage: eval_cluster [--orders N] [--set name=value ...] [--only NAME] [--pairs] [--dump]
// [--trace] [--post-split N] [--post-depth D] (offline split pass, split_probe.h)
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>

#include "cluster/centroid.h"
#include "cluster/similarity.h"
#include "datasets.h"
#include "diagnostics.h"
#include "metrics.h"
#include "set_option.h"
#include "split_probe.h"
#include "text_features.h"
#include "veille/cluster.h"

namespace veille::eval {
namespace {

constexpr double kBaselineThreshold = 0.30;  // chosen a priori, not fitted

std::string SourceDir() {
  const char* env = std::getenv("VEILLE_SOURCE_DIR");
  return env ? env : VEILLE_SOURCE_DIR;
}
std::string SharedDir() { return SourceDir() + "/../shared"; }

struct Prepared {
  std::vector<ClusterDoc> docs;
  std::vector<IdVector> combined;
  std::vector<std::string> gold;
  std::vector<std::string> titles;
};

bool g_dump = false;
bool g_pairs = false;
bool g_trace = false;
int g_post_split = -1;  // --post-split N: offline split pass over the last N members (0: all)
int g_post_depth = 1;

// Debug: the composition of predicted stories (gold label counts, a title each).
void Dump(const Prepared& p, const std::vector<int64_t>& label) {
  std::map<int64_t, std::map<std::string, std::vector<size_t>>> by;
  for (size_t i = 0; i < label.size(); ++i) by[label[i]][p.gold[i]].push_back(i);
  for (const auto& [story, golds] : by) {
    size_t total = 0;
    for (const auto& [g, v] : golds) total += v.size();
    if (golds.size() < 2 && total < 3) continue;
    std::printf("story %lld (%zu):\n", (long long)story, total);
    for (const auto& [g, v] : golds) {
      std::printf("   %-12.12s x%-3zu %s\n", g.c_str(), v.size(),
                  p.titles[v[0]].substr(0, 90).c_str());
    }
  }
}

Prepared Prepare(const std::vector<EvalText>& texts, const std::vector<EvalText>& background) {
  EvalDocs built = BuildEvalDocs(SourceDir(), texts, background);
  Prepared p;
  p.docs = std::move(built.docs);
  p.combined = std::move(built.combined);
  for (const EvalText& t : texts) {
    p.gold.push_back(t.gold);
    p.titles.push_back(t.title);
  }
  return p;
}

// Single-pass clustering: each doc joins the cluster whose centroid is the
// most similar by cosine if it reaches the threshold (exhaustive scan).
std::vector<int64_t> Baseline(const Prepared& p, const std::vector<size_t>& order) {
  std::vector<cluster::Centroid> clusters;
  std::vector<int64_t> label(p.docs.size());
  for (size_t i : order) {
    double best = 0;
    int best_c = -1;
    for (size_t c = 0; c < clusters.size(); ++c) {
      const double s = clusters[c].Cosine(p.combined[i]);
      if (s > best) best = s, best_c = static_cast<int>(c);
    }
    if (best_c < 0 || best < kBaselineThreshold) {
      clusters.emplace_back();
      best_c = static_cast<int>(clusters.size() - 1);
    }
    clusters[static_cast<size_t>(best_c)].Add(p.combined[i]);
    label[i] = best_c;
  }
  return label;
}

std::vector<int64_t> Engine(const Prepared& p, const std::vector<size_t>& order,
                            const ClusterOptions& options, StoryClusterer** keep = nullptr,
                            std::unique_ptr<StoryClusterer>* holder = nullptr) {
  auto c = StoryClusterer::Create(options).value();
  DecisionTrace trace(p.docs, p.gold, g_dump);
  for (size_t i : order) {
    auto a = c->Add(p.docs[i]);
    if (!a.ok()) std::fprintf(stderr, "add: %s\n", a.status().ToString().c_str());
    if (g_trace && a.ok()) trace.Record(i, *a);
  }
  if (g_trace) trace.Print("trace");
  std::vector<int64_t> label(p.docs.size());
  for (size_t i = 0; i < p.docs.size(); ++i) label[i] = c->StoryOf(p.docs[i].id).value();
  if (holder != nullptr) {
    *keep = c.get();
    *holder = std::move(c);
  }
  return label;
}

std::vector<size_t> Order(const Prepared& p, uint32_t seed, int64_t window_s) {
  std::vector<size_t> order(p.docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(seed);
  if (window_s <= 0) {
    std::shuffle(order.begin(), order.end(), rng);
    return order;
  }
  std::vector<std::pair<int64_t, uint32_t>> key(order.size());
  for (size_t i = 0; i < order.size(); ++i) key[i] = {p.docs[i].time / window_s, rng()};
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[a] < key[b]; });
  return order;
}

// Debug: quantiles of the pair parts for same-event vs other-event pairs that
// share a topic (gold labels "T_sub": same T).
void PairStats(const Prepared& p, const ClusterOptions& options) {
  std::vector<std::vector<double>> v[2];
  v[0].resize(6), v[1].resize(6);
  size_t with_places[2] = {0, 0};
  // Near the bar: how often persons disagree for same vs other-event pairs.
  size_t near[2] = {0, 0}, both[2] = {0, 0}, conflict[2] = {0, 0}, zero[2] = {0, 0},
         low[2] = {0, 0};
  for (size_t i = 0; i < p.docs.size(); ++i) {
    for (size_t j = i + 1; j < p.docs.size(); ++j) {
      const std::string ti = p.gold[i].substr(0, p.gold[i].find('_'));
      const std::string tj = p.gold[j].substr(0, p.gold[j].find('_'));
      if (ti != tj) continue;
      const int same = p.gold[i] == p.gold[j];
      const auto parts = cluster::DocParts(p.docs[i], p.docs[j]);
      v[same][0].push_back(parts.title);
      v[same][1].push_back(parts.body);
      v[same][2].push_back(parts.entities);
      v[same][3].push_back(cluster::CombineParts(parts, 0, options, nullptr));
      if (!p.docs[i].places.terms.empty() && !p.docs[j].places.terms.empty()) {
        ++with_places[same];
        v[same][4].push_back(cluster::Cosine(p.docs[i].places, p.docs[j].places));
      }
      if (!p.docs[i].persons.terms.empty() && !p.docs[j].persons.terms.empty()) {
        v[same][5].push_back(cluster::Cosine(p.docs[i].persons, p.docs[j].persons));
      }
      if (v[same][3].back() < 0.25) continue;
      ++near[same];
      const IdVector &a = p.docs[i].persons, &b = p.docs[j].persons;
      if (a.terms.empty() || b.terms.empty()) continue;
      ++both[same];
      uint32_t ta = 0, tb = 0;
      cluster::Heaviest(a, &ta), cluster::Heaviest(b, &tb);
      conflict[same] += !cluster::Carries(b, ta) && !cluster::Carries(a, tb);
      const double c = cluster::Cosine(a, b);
      zero[same] += c <= 0;
      low[same] += c < 0.2;
    }
  }
  for (int same = 0; same < 2; ++same) {
    std::printf("%s score>=0.25 n=%zu both-persons %zu top-conflict %zu cos0 %zu cos<0.2 %zu\n",
                same ? "same" : "diff", near[same], both[same], conflict[same], zero[same],
                low[same]);
  }
  const char* names[] = {"title", "body", "entity", "score", "places", "persons"};
  for (int same = 0; same < 2; ++same) {
    for (int k = 0; k < 6; ++k) {
      auto& x = v[same][k];
      std::sort(x.begin(), x.end());
      auto q = [&](double f) { return x.empty() ? 0 : x[static_cast<size_t>(f * (x.size() - 1))]; };
      std::printf("%s %-6s n=%zu q10 %.2f q25 %.2f q50 %.2f q75 %.2f q90 %.2f\n",
                  same ? "same" : "diff", names[k], x.size(), q(.1), q(.25), q(.5), q(.75), q(.9));
    }
  }
}

void PrintRow(const char* dataset, const char* system, const std::vector<Scores>& runs) {
  double p = 0, r = 0, f = 0, pf = 0, lo = 1, hi = 0, clusters = 0;
  for (const Scores& s : runs) {
    p += s.b3_p, r += s.b3_r, f += s.b3_f1, pf += s.pair_f1, clusters += s.clusters;
    lo = std::min(lo, s.b3_f1), hi = std::max(hi, s.b3_f1);
  }
  const double n = static_cast<double>(runs.size());
  std::printf(
      "%-8s %-9s orders=%zu  B3 P %.3f R %.3f F1 %.3f [%.3f..%.3f]  pairF1 %.3f  stories %.0f\n",
      dataset, system, runs.size(), p / n, r / n, f / n, lo, hi, pf / n, clusters / n);
}

void RunStream(const char* name, const Prepared& p, int orders, int64_t window_s,
               const ClusterOptions& options) {
  std::vector<Scores> engine, baseline, split;
  if (g_pairs) PairDiagnostics(name, p.docs, p.gold, window_s == 0, options);
  for (int k = 0; k < orders; ++k) {
    const auto order = Order(p, static_cast<uint32_t>(k + 1), window_s);
    const auto labels = Engine(p, order, options);
    if (g_dump && k == 0) Dump(p, labels);
    engine.push_back(Score(labels, p.gold));
    baseline.push_back(Score(Baseline(p, order), p.gold));
    if (g_post_split >= 0) {
      split.push_back(Score(PostSplit(p.docs, order, labels, options,
                                      static_cast<size_t>(g_post_split), g_post_depth),
                            p.gold));
    }
  }
  std::map<std::string, int> gold;
  for (const auto& g : p.gold) ++gold[g];
  if (g_dump && window_s == 0) PairStats(p, options);
  std::printf("%-8s docs=%zu gold_stories=%zu\n", name, p.docs.size(), gold.size());
  PrintRow(name, "veille", engine);
  if (!split.empty()) PrintRow(name, "+split", split);
  PrintRow(name, "baseline", baseline);
}

void RunPairs(const std::vector<TextPair>& pairs, const ClusterOptions& options) {
  std::vector<EvalText> texts;
  for (const TextPair& pr : pairs) texts.push_back(pr.a), texts.push_back(pr.b);
  const Prepared p = Prepare(texts, {});
  if (g_pairs) {
    std::vector<LabelledPair> pp;
    for (size_t i = 0; i < pairs.size(); ++i) pp.push_back({2 * i, 2 * i + 1, pairs[i].same});
    PairAuc("tgpairs", p.docs, pp, options);
  }
  int correct[2] = {0, 0}, base_correct = 0, same_hits = 0, diff_hits = 0, same = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    for (int dir = 0; dir < 2; ++dir) {
      const std::vector<size_t> order =
          dir == 0 ? std::vector<size_t>{2 * i, 2 * i + 1} : std::vector<size_t>{2 * i + 1, 2 * i};
      auto c = StoryClusterer::Create(options).value();
      (void)c->Add(p.docs[order[0]]);
      auto why = c->Explain(p.docs[order[1]], c->StoryOf(p.docs[order[0]].id).value());
      (void)c->Add(p.docs[order[1]]);
      const bool together =
          c->StoryOf(p.docs[2 * i].id).value() == c->StoryOf(p.docs[2 * i + 1].id).value();
      correct[dir] += together == pairs[i].same;
      if (g_dump && dir == 0 && together != pairs[i].same) {
        std::printf("%s score %.3f t %.2f b %.2f e %.2f | %s | %s\n",
                    pairs[i].same ? "MISS" : "FALSE", why.ok() ? why->score : -1,
                    why.ok() ? why->title_cosine : -1, why.ok() ? why->body_cosine : -1,
                    why.ok() ? why->entity_cosine : -1, pairs[i].a.title.substr(0, 70).c_str(),
                    pairs[i].b.title.substr(0, 70).c_str());
      }
      if (dir == 0) {
        same += pairs[i].same;
        same_hits += pairs[i].same && together;
        diff_hits += !pairs[i].same && !together;
      }
    }
    const bool base =
        cluster::Cosine(p.combined[2 * i], p.combined[2 * i + 1]) >= kBaselineThreshold;
    base_correct += base == pairs[i].same;
  }
  const double n = static_cast<double>(pairs.size());
  std::printf("tgpairs  pairs=%zu (same %d)\n", pairs.size(), same);
  std::printf(
      "tgpairs  veille    orders=2  accuracy %.3f [%.3f..%.3f]  same-recall %.3f  diff-recall "
      "%.3f\n",
      (correct[0] + correct[1]) / (2 * n), std::min(correct[0], correct[1]) / n,
      std::max(correct[0], correct[1]) / n, same_hits / static_cast<double>(same),
      diff_hits / (n - same));
  std::printf("tgpairs  baseline  accuracy %.3f\n", base_correct / n);
}

void RunSeeds(const char* name, const std::vector<EvalText>& seeds,
              const std::vector<EvalText>& background, int orders, const ClusterOptions& options) {
  const Prepared p = Prepare(seeds, background);
  if (g_dump) {
    for (size_t i = 0; i < p.docs.size(); ++i) {
      for (size_t j = i + 1; j < p.docs.size(); ++j) {
        const auto parts = cluster::DocParts(p.docs[i], p.docs[j]);
        std::printf("seeds %zu-%zu t %.2f b %.2f e %.2f places %.2f score %.3f\n", i, j,
                    parts.title, parts.body, parts.entities, parts.places,
                    cluster::CombineParts(parts, 0, options, nullptr));
      }
    }
  }
  std::vector<Scores> engine, baseline;
  int exact = 0, one_line = 0;
  for (int k = 0; k < orders; ++k) {
    const auto order = Order(p, static_cast<uint32_t>(k + 1), 0);
    StoryClusterer* c = nullptr;
    std::unique_ptr<StoryClusterer> holder;
    const auto labels = Engine(p, order, options, &c, &holder);
    engine.push_back(Score(labels, p.gold));
    baseline.push_back(Score(Baseline(p, order), p.gold));
    exact += engine.back().b3_f1 > 0.999;
    const auto lines = LinkStorylines(c->Profiles(32, 16), StorylineOptions{});
    one_line += lines.size() == 1;
    if (k == 0) {
      std::printf("%-8s stories:", name);
      for (size_t i = 0; i < labels.size(); ++i)
        std::printf(" %03zu->%lld", i, (long long)labels[i]);
      std::printf("  storylines: %zu\n", lines.size());
    }
  }
  PrintRow(name, "veille", engine);
  PrintRow(name, "baseline", baseline);
  std::printf(
      "%-8s expected two stories {000,001,003,004} {002}: %d/%d orders; one storyline: %d/%d "
      "orders\n",
      name, exact, orders, one_line, orders);
}

int Main(int argc, char** argv) {
  int orders = 5;
  std::string only;
  ClusterOptions options;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--orders") && i + 1 < argc) {
      orders = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--set") && i + 1 < argc) {
      if (!SetOption(&options, argv[++i])) {
        std::fprintf(stderr, "unknown option %s\n", argv[i]);
        return 2;
      }
    } else if (!std::strcmp(argv[i], "--pairs")) {
      g_pairs = true;
    } else if (!std::strcmp(argv[i], "--dump")) {
      g_dump = true;
    } else if (!std::strcmp(argv[i], "--post-split") && i + 1 < argc) {
      g_post_split = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--post-depth") && i + 1 < argc) {
      g_post_depth = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--trace")) {
      g_trace = true;
    } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) {
      only = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: eval_cluster [--orders N] [--set name=value] [--only uci|ecb|tg|seeds] "
                   "[--pairs] [--dump] [--trace] [--post-split N] [--post-depth D]\n");
      return 2;
    }
  }
  const std::string data = SharedDir() + "/data";
  auto want = [&](const char* n) { return only.empty() || only == n; };
  if (want("ecb")) {
    auto ecb = LoadEcb(data + "/ecbplus_event_clusters/ECB+_topics1-35.tar.gz",
                       data + "/ecbplus_event_clusters/doc_clusters.tsv");
    if (!ecb.ok()) return std::fprintf(stderr, "%s\n", ecb.status().ToString().c_str()), 1;
    RunStream("ecb+", Prepare(*ecb, {}), orders, 0, options);
  }
  if (want("uci")) {
    auto uci = LoadUci(data + "/uci_news_aggregator_stories/uci-news-aggregator.ids1-4633.csv.gz");
    if (!uci.ok()) return std::fprintf(stderr, "%s\n", uci.status().ToString().c_str()), 1;
    RunStream("uci", Prepare(*uci, {}), orders, 6 * 3600, options);
  }
  if (want("tg")) {
    auto tg = LoadTgPairs(data + "/tgcontest_clustering_pairs");
    if (!tg.ok()) return std::fprintf(stderr, "%s\n", tg.status().ToString().c_str()), 1;
    RunPairs(*tg, options);
  }
  if (want("seeds")) {
    auto bg = LoadFrenchBackground(data + "/europeana_newspapers_ner_fr/enp_FR.bnf.bio.gz", 2000);
    if (!bg.ok()) return std::fprintf(stderr, "%s\n", bg.status().ToString().c_str()), 1;
    // With the publication dates the pages came with (as the pipeline feeds
    // them), then without any time.
    for (const bool dated : {true, false}) {
      auto seeds = LoadSeeds(SharedDir() + "/seeds", dated);
      if (!seeds.ok()) return std::fprintf(stderr, "%s\n", seeds.status().ToString().c_str()), 1;
      RunSeeds(dated ? "seeds" : "seeds-nd", *seeds, *bg, orders, options);
    }
  }
  return 0;
}

}  // namespace
}  // namespace veille::eval

int main(int argc, char** argv) { return veille::eval::Main(argc, argv); }
