// FeatureExtractor over the project's analyze stage: Analyzer term vectors
// (tokenizer, Snowball stems, stop words) and canonical entities from
// RecognizeEntities + EntityRegistry (alias table: "Poutine" ~ "Putin").
// FeatureSpace (TF-IDF weighting) is shared with text_features.cc.
#include <cstdio>
#include <cstdlib>
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
  options.find_dates = false;
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
  const AnalyzedArticle f = impl_->analyzer->Analyze(a, "");
  TextFeatures out;
  for (const TermCount& t : f.title_terms)
    out.title_terms.emplace_back(t.term, static_cast<int>(t.count));
  for (const TermCount& t : f.body_terms)
    out.body_terms.emplace_back(t.term, static_cast<int>(t.count));
  ArticleEntities ents = RecognizeEntities(*impl_->resources, text.title, text.body, text.lang);
  impl_->registry->Add(&ents);
  std::map<std::string, int> counts;
  for (const EntityMention& m : ents.mentions) {
    if (m.entity_id != 0) ++counts["e" + std::to_string(m.entity_id)];
  }
  out.entities.assign(counts.begin(), counts.end());
  return out;
}

}  // namespace veille::eval
