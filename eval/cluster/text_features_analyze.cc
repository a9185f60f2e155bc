// FeatureExtractor over the project's analyze stage (the default, what the
// pipeline feeds the clusterer): Analyzer term vectors (tokenizer, Snowball
// stems, stop words), the dates the body mentions (relative ones resolved
// against the publication time when there is one) as DateSpans, and
// canonical entities from RecognizeEntities + EntityRegistry (alias table:
// "Poutine" ~ "Putin").
// FeatureSpace (TF-IDF weighting) is shared with text_features.cc.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include "text_features.h"
#include "veille/analyze.h"
#include "veille/entities.h"

namespace veille::eval {

struct FeatureExtractor::Impl {
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<const EntityResources> resources;
  std::unique_ptr<EntityRegistry> registry;
};

FeatureExtractor::FeatureExtractor(std::string source_dir) : impl_(std::make_unique<Impl>()) {
  AnalyzeOptions options;
  options.data_dir = source_dir + "/data";
  auto analyzer = Analyzer::Create(options);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "analyzer: %s\n", analyzer.status().ToString().c_str());
    std::abort();
  }
  impl_->analyzer = std::move(*analyzer);
  auto resources = EntityResources::Load(DefaultEntityOptions());
  if (!resources.ok()) {
    std::fprintf(stderr, "entities: %s\n", resources.status().ToString().c_str());
    std::abort();
  }
  impl_->resources = std::move(*resources);
  impl_->registry = std::make_unique<EntityRegistry>(*impl_->resources);
}

FeatureExtractor::~FeatureExtractor() = default;

void FeatureExtractor::Learn(const EvalText&) {}

TextFeatures FeatureExtractor::Analyze(const EvalText& text) {
  Article a;
  a.title = text.title;
  a.text = text.body;
  a.lang = text.lang;
  if (text.time != kUnknownTime) {
    // Relative dates ("Tuesday") resolve against the publication date.
    const time_t t = static_cast<time_t>(text.time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char iso[32];
    std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
    a.published = iso;
  }
  const AnalyzedArticle f = impl_->analyzer->Analyze(a, "");
  TextFeatures out;
  for (const TermCount& t : f.title_terms)
    out.title_terms.emplace_back(t.term, static_cast<int>(t.count));
  for (const TermCount& t : f.body_terms)
    out.body_terms.emplace_back(t.term, static_cast<int>(t.count));
  ArticleEntities ents = f.entities;  // RecognizeEntities, run by the Analyzer
  impl_->registry->Add(&ents);
  std::map<std::string, int> counts;
  for (const EntityMention& m : ents.mentions) {
    if (m.entity_id != 0) ++counts["e" + std::to_string(m.entity_id)];
  }
  out.entities.assign(counts.begin(), counts.end());
  for (const DateMention& d : f.dates) {
    DateSpan span;
    span.sentence = d.sentence;
    switch (d.granularity) {
      case DateGranularity::kDay:
        span.first_day = span.last_day = DaysFromCivil(d.year, d.month, d.day);
        break;
      case DateGranularity::kWeek:
        span.first_day = DaysFromCivil(d.year, d.month, d.day);
        span.last_day = span.first_day + 6;
        break;
      case DateGranularity::kMonth:
        span.first_day = DaysFromCivil(d.year, d.month, 1);
        span.last_day = DaysFromCivil(d.month == 12 ? d.year + 1 : d.year, d.month % 12 + 1, 1) - 1;
        break;
      case DateGranularity::kYear:
        span.first_day = DaysFromCivil(d.year, 1, 1);
        span.last_day = DaysFromCivil(d.year, 12, 31);
        break;
    }
    out.dates.push_back(span);
  }
  return out;
}

}  // namespace veille::eval
