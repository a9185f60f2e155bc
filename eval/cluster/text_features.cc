// BuildEvalDocs (text_features.h): the eval's texts through the analyze
// stage and pipeline::ClusterDocBuilder.
#include "text_features.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <memory>

#include "pipeline/story_state.h"
#include "veille/analyze.h"
#include "veille/entities.h"

namespace veille::eval {
namespace {

// "YYYY-MM-DDTHH:MM:SSZ" of unix seconds: the publication time the
// Analyzer resolves relative dates against.
std::string IsoTime(int64_t t) {
  const auto tt = static_cast<time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char iso[32];
  std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return iso;
}

// Title and body terms with summed counts, sorted (the baseline's text).
TermVector AllTerms(const AnalyzedArticle& a) {
  TermVector out;
  std::merge(a.title_terms.begin(), a.title_terms.end(), a.body_terms.begin(), a.body_terms.end(),
             std::back_inserter(out),
             [](const TermCount& x, const TermCount& y) { return x.term < y.term; });
  TermVector merged;
  for (const TermCount& t : out) {
    if (!merged.empty() && merged.back().term == t.term) {
      merged.back().count += t.count;
    } else {
      merged.push_back(t);
    }
  }
  return merged;
}

template <typename T>
T OrDie(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, r.status().ToString().c_str());
    std::abort();
  }
  return std::move(r).value();
}

}  // namespace

EvalDocs BuildEvalDocs(const std::string& source_dir, const std::vector<EvalText>& texts,
                       const std::vector<EvalText>& background) {
  AnalyzeOptions options;
  options.data_dir = source_dir + "/data";
  const std::unique_ptr<Analyzer> analyzer = OrDie(Analyzer::Create(options), "analyzer");
  const std::unique_ptr<const EntityResources> resources =
      OrDie(EntityResources::Load(DefaultEntityOptions()), "entities");
  EntityRegistry registry(*resources);
  DocumentFrequencies df;
  pipeline::ClusterDocBuilder builder(df);

  auto analyze = [&](const EvalText& text) {
    Article a;
    a.title = text.title;
    a.text = text.body;
    a.lang = text.lang;
    if (text.time != kUnknownTime) a.published = IsoTime(text.time);
    AnalyzedArticle f = analyzer->Analyze(a, "");
    registry.Add(&f.entities);
    // As AnalysisState::Count: each term of the title or body once.
    TermVector terms = AllTerms(f);
    df.AddDocument(terms);
    builder.Count(pipeline::EntityCounts(f.entities));
    return f;
  };
  for (const EvalText& t : background) analyze(t);
  std::vector<AnalyzedArticle> features;
  features.reserve(texts.size());
  for (const EvalText& t : texts) features.push_back(analyze(t));

  EvalDocs out;
  for (size_t i = 0; i < texts.size(); ++i) {
    const AnalyzedArticle& f = features[i];
    out.docs.push_back(builder.Build(static_cast<int64_t>(i + 1), texts[i].time, f,
                                     pipeline::EntityCounts(f.entities)));
    AnalyzedArticle whole;
    whole.body_terms = AllTerms(f);
    out.combined.push_back(builder.Build(0, kUnknownTime, whole, {}).body);
  }
  return out;
}

}  // namespace veille::eval
