// The pipeline's conversions between stored features and the cluster
// stage's types: ClusterDocBuilder (stored features -> ClusterDoc), stored
// story profiles, membership explanations as JSON, and an article's time.
#ifndef VEILLE_PIPELINE_CLUSTER_DOC_H_
#define VEILLE_PIPELINE_CLUSTER_DOC_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "veille/analyze.h"
#include "veille/cluster.h"
#include "veille/entities.h"
#include "veille/store.h"

namespace veille::pipeline {

// Turns stored features into the clusterer's ClusterDoc: TF-IDF vectors of
// title and body over process-local term ids (IDF from the pipeline's
// document frequencies), canonical entities weighted (1 + ln mentions) x
// entity IDF, and the text's dates as day spans. Entity document
// frequencies are counted by the builder itself (Count) as articles arrive
// or are restored.
class ClusterDocBuilder {
 public:
  explicit ClusterDocBuilder(const DocumentFrequencies& df) : df_(df) {}

  // Counts one article mentioning `entities` (entity id, mentions) for IDF.
  void Count(const std::vector<std::pair<int64_t, int64_t>>& entities);
  ClusterDoc Build(int64_t id, int64_t time, const AnalyzedArticle& features,
                   const std::vector<std::pair<int64_t, int64_t>>& entities);
  // The term of a process-local id ("" if unknown), and the id of a term
  // (interned if new).
  const std::string& Term(uint32_t id) const;
  uint32_t TermId(const std::string& term);

 private:
  IdVector Weigh(const TermVector& terms);

  const DocumentFrequencies& df_;
  std::unordered_map<std::string, uint32_t> term_ids_;
  std::vector<std::string> terms_;
  std::unordered_map<int64_t, int64_t> entity_df_;
  int64_t entity_docs_ = 0;
};

// A clusterer profile as stored (terms by name) and back (terms interned
// in `builder`, vectors sorted by id).
StoredStoryProfile ToStoredProfile(const StoryProfile& p, const ClusterDocBuilder& builder);
StoryProfile FromStoredProfile(const StoredStoryProfile& p, ClusterDocBuilder& builder);

// The clusterer's explanation as stored in story_members.why_json: score
// parts, and the shared terms and entities (by name) that weighed most.
std::string ExplanationJson(const Explanation& why, const ClusterDocBuilder& builder,
                            const EntityRegistry& registry);

// The entity ids of resolved mentions with their counts, by id.
std::vector<std::pair<int64_t, int64_t>> EntityCounts(const ArticleEntities& entities);

// Unix seconds of an article: its publication time when it parses and is
// not more than a day after `fallback` (its ingest time), else `fallback`.
int64_t ArticleTime(const Article& article, int64_t fallback);

}  // namespace veille::pipeline

#endif  // VEILLE_PIPELINE_CLUSTER_DOC_H_
