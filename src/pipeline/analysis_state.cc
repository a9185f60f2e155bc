// AnalysisState (analysis_state.h) and AnalysisResources (veille/pipeline.h).
// Tested by tests/pipeline/analysis_pipeline_test.cc.
//
// Document frequencies count one document per article (its latest revision),
// over the union of its title and body terms: df(t) is the number of articles
// whose title or body holds t, the IDF that TfIdf applies to either field. A
// revision removes its predecessor's terms and adds its own (the count of
// documents is unchanged). The store receives only deltas: at Flush, one
// upsert per term touched since the last commit.
//
// The registry has no removal: a revision's mentions are added to the
// variant counts like another article's (entity_variants counts mentions
// over every analysed revision), while article_entities holds the latest
// revision's only. At Flush the rows of the entities this transaction touched
// are written; the registry lists its rows whole, so Flush costs
// O(registry size) once per transaction, not per article.
#include <algorithm>
#include <cstdlib>

#include "pipeline/analysis_state.h"

#include "common/iso_time.h"

namespace veille {

Result<std::unique_ptr<const AnalysisResources>> AnalysisResources::Load(
    const AnalyzeOptions& options) {
  auto res = std::make_unique<AnalysisResources>();
  AnalyzeOptions analyzer_options = options;
  analyzer_options.find_entities = false;
  VEILLE_ASSIGN_OR_RETURN(res->analyzer, Analyzer::Create(analyzer_options));
  res->find_entities = options.find_entities;
  {  // loaded even with find_entities off: the registry needs them
    // The same resolution as Analyzer::Create: data_dir, else
    // $VEILLE_DATA_DIR, else the source tree's data folder.
    EntityOptions entity_options = options.entities;
    std::string dir = options.data_dir;
    if (dir.empty()) {
      const char* env = std::getenv("VEILLE_DATA_DIR");
      if (env != nullptr && *env != '\0') dir = env;
    }
    const EntityOptions defaults = DefaultEntityOptions();
    if (entity_options.gazetteer_dir.empty()) {
      entity_options.gazetteer_dir = dir.empty() ? defaults.gazetteer_dir : dir + "/gazetteers";
    }
    if (entity_options.alias_path.empty()) {
      entity_options.alias_path = dir.empty() ? defaults.alias_path : dir + "/aliases/aliases.tsv";
    }
    VEILLE_ASSIGN_OR_RETURN(res->entities, EntityResources::Load(entity_options));
  }
  return std::unique_ptr<const AnalysisResources>(std::move(res));
}

namespace pipeline {
namespace {

// The distinct terms of title and body (both sorted bytewise), each once.
TermVector DocumentTerms(const AnalyzedArticle& a) {
  TermVector out;
  out.reserve(a.title_terms.size() + a.body_terms.size());
  std::merge(a.title_terms.begin(), a.title_terms.end(), a.body_terms.begin(), a.body_terms.end(),
             std::back_inserter(out),
             [](const TermCount& x, const TermCount& y) { return x.term < y.term; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const TermCount& x, const TermCount& y) { return x.term == y.term; }),
            out.end());
  return out;
}

}  // namespace

IngestEvent::Kind KindOf(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kNew:
      return IngestEvent::Kind::kStored;
    case PutOutcome::kKnown:
      return IngestEvent::Kind::kKnown;
    case PutOutcome::kRevised:
      return IngestEvent::Kind::kRevised;
  }
  return IngestEvent::Kind::kStored;
}

void FillFromContainer(const RawDocument& raw, Article* article) {
  if (article->author.empty() && !raw.author.empty()) article->author = raw.author;
}

AnalysisState::AnalysisState(const AnalysisResources& resources, Store& store,
                             const StoryOptions& stories)
    : resources_(resources),
      store_(store),
      registry_(*resources.entities),
      story_options_(stories) {}

Result<std::unique_ptr<AnalysisState>> AnalysisState::Load(const AnalysisResources& resources,
                                                           Store& store,
                                                           const StoryOptions& stories) {
  if (resources.analyzer == nullptr || resources.entities == nullptr) {
    return Status::InvalidInput("analysis resources without an analyzer or entity resources");
  }
  std::unique_ptr<AnalysisState> state(new AnalysisState(resources, store, stories));
  VEILLE_RETURN_IF_ERROR(state->Reload());
  return state;
}

void AnalysisState::Count(const TermVector& terms, int64_t sign) {
  if (sign > 0) {
    df_.AddDocument(terms);
  } else {
    df_.RemoveDocument(terms);
  }
  pending_documents_ += sign;
  for (const TermCount& t : terms) pending_terms_[t.term] += sign;
}

Status AnalysisState::Add(const PutResult& put, const Article& article,
                          std::string_view ingest_date) {
  if (broken_) {
    return Status::Internal("the analysis state could not be reloaded from the store");
  }
  if (!checked_) {
    // Another process may have written since this state was loaded.
    VEILLE_ASSIGN_OR_RETURN(const int64_t generation, store_.WriteGeneration());
    if (generation != generation_) VEILLE_RETURN_IF_ERROR(Reload());
    checked_ = true;
  }
  if (put.outcome == PutOutcome::kKnown) {
    VEILLE_ASSIGN_OR_RETURN(const bool has, store_.HasFeatures(put.article_id, put.revision));
    if (has) return Status::Ok();
  }
  AnalyzedArticle features = resources_.analyzer->Analyze(article, ingest_date);
  if (resources_.find_entities) {
    features.entities =
        RecognizeEntities(*resources_.entities, article.title, article.text, features.lang);
    registry_.Add(&features.entities);
    for (const EntityMention& m : features.entities.mentions) {
      if (m.entity_id != 0) touched_entities_.insert(m.entity_id);
    }
  }
  if (put.outcome == PutOutcome::kRevised && put.revision > 1) {
    Result<AnalyzedArticle> previous = store_.GetFeatures(put.article_id, put.revision - 1);
    if (previous.ok()) {
      TermVector old_terms = DocumentTerms(*previous);
      Count(old_terms, -1);
    } else if (previous.status().code() != StatusCode::kNotFound) {
      return previous.status();
    }  // kNotFound: stored before analysis existed, never counted.
  }
  Count(DocumentTerms(features), +1);
  VEILLE_RETURN_IF_ERROR(store_.PutFeatures(put.article_id, put.revision, features));
  if (stories_ == nullptr) return Status::Ok();
  int64_t ingested = 0;
  if (Result<std::string> iso = NormalizeIsoTime(ingest_date); iso.ok()) {
    ingested = IsoToUnixSeconds(*iso);
  }
  return stories_->Add(put.article_id, article, features, ArticleTime(article, ingested));
}

Status AnalysisState::Flush() {
  VEILLE_ASSIGN_OR_RETURN(pending_generation_, store_.BumpWriteGeneration());
  if (stories_ != nullptr) VEILLE_RETURN_IF_ERROR(stories_->Flush());
  if (!touched_entities_.empty()) {
    std::vector<EntityRow> entities;
    std::vector<EntityVariantRow> variants;
    registry_.RowsFor({touched_entities_.begin(), touched_entities_.end()}, &entities, &variants);
    VEILLE_RETURN_IF_ERROR(store_.PutEntities(entities, variants));
  }
  if (pending_documents_ != 0 || !pending_terms_.empty()) {
    std::vector<std::pair<std::string, int64_t>> deltas;
    deltas.reserve(pending_terms_.size());
    for (const auto& [term, delta] : pending_terms_) {
      if (delta != 0) deltas.emplace_back(term, delta);
    }
    VEILLE_RETURN_IF_ERROR(store_.ApplyDocumentFrequencyDeltas(pending_documents_, deltas));
  }
  return Status::Ok();
}

void AnalysisState::Committed() {
  pending_documents_ = 0;
  pending_terms_.clear();
  touched_entities_.clear();
  if (stories_ != nullptr) stories_->Committed();
  if (pending_generation_ != 0) generation_ = pending_generation_;
  pending_generation_ = 0;
  checked_ = false;
}

bool AnalysisState::has_waiting_summaries() const {
  return stories_ != nullptr && stories_->has_waiting_summaries();
}

Status AnalysisState::SettleSummaries() {
  if (broken_ || stories_ == nullptr) return Status::Ok();
  VEILLE_ASSIGN_OR_RETURN(const int64_t generation, store_.WriteGeneration());
  // Another writer committed: reload (the waiting stories are carried over)
  // and summarise them against the store as it is now.
  if (generation != generation_) VEILLE_RETURN_IF_ERROR(Reload());
  if (stories_ == nullptr) return Status::Ok();
  checked_ = true;
  return stories_->SettleSummaries();
}

Status AnalysisState::Reload() {
  pending_documents_ = 0;
  pending_terms_.clear();
  touched_entities_.clear();
  pending_generation_ = 0;
  // The stories whose summaries wait are still to be summarised after the
  // reload (those a rollback removed are skipped then).
  if (stories_ != nullptr) waiting_summaries_.merge(stories_->TakeWaiting());
  stories_.reset();  // never keep a clusterer that disagrees with the store
  broken_ = true;
  VEILLE_ASSIGN_OR_RETURN(generation_, store_.WriteGeneration());
  VEILLE_ASSIGN_OR_RETURN(DocumentFrequencySnapshot snap, store_.LoadDocumentFrequencies());
  df_.Restore(snap.documents, snap.terms);
  VEILLE_ASSIGN_OR_RETURN(EntityTable table, store_.LoadEntities());
  VEILLE_RETURN_IF_ERROR(registry_.Load(table.entities, table.variants));
  if (story_options_.enabled) {
    VEILLE_ASSIGN_OR_RETURN(stories_, StoryState::Load(story_options_, store_, df_, registry_));
    stories_->AddWaiting(std::move(waiting_summaries_));
    waiting_summaries_.clear();
  }
  broken_ = false;
  return Status::Ok();
}

}  // namespace pipeline
}  // namespace veille
