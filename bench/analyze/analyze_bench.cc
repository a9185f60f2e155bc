// bench/analyze: articles per second of the whole analysis (Analyzer::Analyze:
// tokens, term vectors, SimHash, MinHash + LSH, sentences, dates, and named
// entities once that component runs inside Analyze) on one thread, over the
// article texts the project's extractor takes from the trafilatura
// evaluation pages; plus the bytes of features per article.
// Usage: analyze_bench [CORPUS_DIR] [MIN_SECONDS] [MENTIONS_TSV]
//   (run through bench/analyze/run). MENTIONS_TSV, if given, receives one
//   line per entity mention (article, lang, kind, cue, surface) to review
//   the recognizer's precision on real pages. MIN_SECONDS = 0 analyzes the
//   corpus twice (a warm-up, then one pass) and stops: the run to profile,
//   e.g. valgrind --tool=callgrind --toggle-collect='*AnalyzerImpl::Analyze*'
//   (the count of the second pass alone is the total minus the first's).
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "analyze/dates.h"
#include "analyze/entity_gazetteer.h"
#include "analyze/entity_recognizer.h"
#include "analyze/minhash.h"
#include "analyze/sentence_splitter.h"
#include "analyze/simhash.h"
#include "analyze/stopwords.h"
#include "analyze/term_vector.h"
#include "analyze/tokenizer.h"
#include "veille/analyze.h"
#include "veille/extract.h"

namespace {

// CPU time of this thread, in seconds: what "one core" costs, unaffected by
// other processes taking the core away (the machine may be shared).
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

bool Gunzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, n);
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

size_t VarintBytes(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

// Bytes of a compact stored form: terms as (string, varint count), the
// signature, band keys, SimHash, dates as 12-byte records, entity mentions
// as (offsets, kind, local entity: 12 bytes) plus each local entity's name.
size_t StoredBytes(const veille::AnalyzedArticle& f) {
  size_t n = 8 + f.minhash.size() * 4 + f.lsh_keys.size() * 8 + f.dates.size() * 12 + f.lang.size();
  for (const auto* v : {&f.title_terms, &f.body_terms}) {
    for (const auto& t : *v) n += VarintBytes(t.term.size()) + t.term.size() + VarintBytes(t.count);
  }
  n += f.entities.mentions.size() * 12;
  for (const auto& e : f.entities.entities) n += 2 + e.name.size();
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const std::string corpus =
      argc > 1 ? argv[1] : std::string(VEILLE_SOURCE_DIR) + "/../shared/data/trafilatura_eval";
  const double min_seconds = argc > 2 ? std::atof(argv[2]) : 3.0;

  std::vector<std::string> paths;
  for (const char* sub : {"eval", "cache"}) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(corpus) / sub, ec)) {
      if (e.path().extension() == ".gz") paths.push_back(e.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<veille::Article> articles;
  size_t text_bytes = 0;
  for (const auto& p : paths) {
    veille::RawDocument doc;
    doc.input = p;
    doc.format = veille::DocFormat::kHtml;
    if (!Gunzip(p, &doc.bytes)) continue;
    auto a = veille::Extract(doc, veille::ExtractOptions());
    if (!a.ok() || a->text.empty()) continue;
    text_bytes += a->text.size() + a->title.size();
    articles.push_back(std::move(*a));
  }
  if (articles.empty()) {
    std::fprintf(stderr, "analyze_bench: no article extracted from %s\n", corpus.c_str());
    return 1;
  }
  auto analyzer = veille::Analyzer::Create(veille::AnalyzeOptions());
  if (!analyzer.ok()) {
    std::fprintf(stderr, "analyze_bench: %s\n", analyzer.status().ToString().c_str());
    return 1;
  }
  // Warm-up pass (ICU data, stemmers, thread-local iterators), also the
  // feature sizes.
  size_t feature_bytes = 0, stored_bytes = 0, dates = 0, terms = 0, mentions = 0;
  FILE* dump = argc > 3 ? std::fopen(argv[3], "w") : nullptr;
  for (size_t i = 0; i < articles.size(); ++i) {
    const veille::Article& a = articles[i];
    const veille::AnalyzedArticle f = (*analyzer)->Analyze(a, "2020-01-01");
    for (const auto& m : f.entities.mentions) {
      if (dump == nullptr) break;
      std::fprintf(dump, "%zu\t%s\t%s\t%s\t%s\n", i, f.lang.c_str(), veille::EntityKindName(m.kind),
                   m.cue.c_str(), m.surface.c_str());
    }
    feature_bytes += f.FeatureBytes();
    stored_bytes += StoredBytes(f);
    dates += f.dates.size();
    terms += f.body_terms.size() + f.title_terms.size();
    mentions += f.entities.mentions.size();
  }
  if (dump != nullptr) std::fclose(dump);
  uint64_t sink = 0;
  if (min_seconds <= 0) {  // profiling run: one more pass
    for (const auto& a : articles) sink ^= (*analyzer)->Analyze(a, "2020-01-01").simhash;
    std::printf("profile run: %zu articles analyzed twice\n", articles.size());
    return sink == 42 ? 2 : 0;
  }
  // Analyzes the corpus repeatedly for at least min_seconds of CPU time;
  // returns articles per CPU second and sets *wall_s, *cpu_s.
  auto measure = [&](const veille::Analyzer& an, double* cpu_s, double* wall_s) {
    size_t analyzed = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = ThreadCpuSeconds();
    do {
      for (const auto& a : articles) sink ^= an.Analyze(a, "2020-01-01").simhash;
      analyzed += articles.size();
      *cpu_s = ThreadCpuSeconds() - cpu0;
      *wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    } while (*cpu_s < min_seconds);
    return analyzed / *cpu_s;
  };
  double elapsed = 0, wall = 0;
  const double rate = measure(**analyzer, &elapsed, &wall);
  veille::AnalyzeOptions no_entities;
  no_entities.find_entities = false;
  auto without = veille::Analyzer::Create(no_entities);
  double elapsed_ne = 0, wall_ne = 0;
  const double rate_ne = without.ok() ? measure(**without, &elapsed_ne, &wall_ne) : 0;
  const double n = static_cast<double>(articles.size());
  // Per-step breakdown (one pass each), from the same building blocks.
  {
    namespace va = veille::analyze;
    va::StopWords sw;
    (void)sw.LoadDirectory(std::string(VEILLE_SOURCE_DIR) + "/data/stopwords");
    const va::MinHasher hasher(128);
    auto resources = veille::EntityResources::Load(veille::DefaultEntityOptions());
    double t_tok = 0, t_terms = 0, t_sim = 0, t_min = 0, t_sent = 0, t_dates = 0, t_ent = 0;
    // Three passes; the last one is reported (the first fills the caches).
    for (int pass = 0; pass < 3; ++pass) {
      t_tok = t_terms = t_sim = t_min = t_sent = t_dates = t_ent = 0;
      auto now = [] { return ThreadCpuSeconds(); };
      auto secs = [](double a, double b) { return b - a; };
      for (const auto& a : articles) {
        auto t = now();
        const auto title = va::Tokenize(a.title, a.lang);
        const auto body = va::Tokenize(a.text, a.lang);
        auto u = now();
        t_tok += secs(t, u);
        const auto tt = va::BuildTermVector(title, a.lang, &sw);
        const auto bt = va::BuildTermVector(body, a.lang, &sw);
        t = now();
        t_terms += secs(u, t);
        sink ^= va::SimHash(tt, bt);
        u = now();
        t_sim += secs(t, u);
        sink ^= va::LshKeys(hasher.Signature(va::ShingleHashes(body, 5)), 32, 4).size();
        t = now();
        t_min += secs(u, t);
        const auto sentences = va::SplitSentences(a.text, a.lang);
        u = now();
        t_sent += secs(t, u);
        sink ^= va::FindDates(a.text, body, sentences, a.lang, va::CivilDate{2020, 1, 1}).size();
        t = now();
        t_dates += secs(u, t);
        if (resources.ok()) {  // title sentences, then entities from the shared tokens
          const auto title_sentences = va::SplitSentences(a.title, a.lang);
          sink ^= va::RecognizeFieldEntities(va::AsGazetteer(**resources),
                                             {a.title, &title, &title_sentences},
                                             {a.text, &body, &sentences}, a.lang)
                      .mentions.size();
          t_ent += secs(t, now());
        }
      }
    }
    std::printf(
        "per article (us): tokenize %.0f, term vectors %.0f, simhash %.0f, minhash+lsh %.0f, "
        "sentences %.0f, dates %.0f, entities %.0f\n",
        t_tok / n * 1e6, t_terms / n * 1e6, t_sim / n * 1e6, t_min / n * 1e6, t_sent / n * 1e6,
        t_dates / n * 1e6, t_ent / n * 1e6);
  }
  std::printf("pages: %zu, articles with text: %zu, mean text: %.0f bytes\n", paths.size(),
              articles.size(), text_bytes / n);
  std::printf(
      "whole analysis: %.0f articles/s on one core (%.2f s thread CPU, %.2f s wall), %.1f MB/s of "
      "text\n",
      rate, elapsed, wall, rate * text_bytes / n / 1e6);
  std::printf("without entities: %.0f articles/s on one core (%.2f s thread CPU, %.2f s wall)\n",
              rate_ne, elapsed_ne, wall_ne);
  std::printf(
      "features per article: %.0f bytes in memory (AnalyzedArticle::FeatureBytes), "
      "%.0f bytes stored compactly; %.0f distinct terms, %.1f dates, %.1f entity mentions\n",
      feature_bytes / n, stored_bytes / n, terms / n, dates / n, mentions / n);
  return sink == 42 ? 2 : 0;  // keeps the work observable
}
