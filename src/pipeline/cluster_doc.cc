// ClusterDocBuilder and the conversions between stored features and the
// clusterer's types (cluster_doc.h). Tested through
// tests/pipeline/story_pipeline_test.cc.
#include "pipeline/cluster_doc.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "common/iso_time.h"

namespace veille::pipeline {
namespace {

DateSpan ToSpan(const DateMention& d) {
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
  return span;
}

double Idf(int64_t documents, int64_t df) {
  return std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(df))) + 1.0;
}

void Normalize(std::vector<std::pair<uint32_t, float>>* v) {
  double n2 = 0;
  for (const auto& [id, w] : *v) n2 += static_cast<double>(w) * w;
  if (n2 <= 0) {
    v->clear();
    return;
  }
  const double inv = 1.0 / std::sqrt(n2);
  for (auto& [id, w] : *v) w = static_cast<float>(w * inv);
  std::sort(v->begin(), v->end());
}

}  // namespace

std::vector<std::pair<int64_t, int64_t>> EntityCounts(const ArticleEntities& entities) {
  std::map<int64_t, int64_t> counts;
  for (const EntityMention& m : entities.mentions) {
    if (m.entity_id != 0) ++counts[m.entity_id];
  }
  return {counts.begin(), counts.end()};
}

int64_t ArticleTime(const Article& article, int64_t fallback) {
  if (article.published.empty()) return fallback;
  Result<std::string> iso = NormalizeIsoTime(article.published);
  if (!iso.ok()) return fallback;
  const int64_t published = IsoToUnixSeconds(*iso);
  // A date in the future of its ingest (a typo, a mis-read date) would move
  // the clusterer's clock and retire every current story: not believed.
  constexpr int64_t kMaxAhead = 86400;
  if (fallback > 0 && published > fallback + kMaxAhead) return fallback;
  return published;
}

void ClusterDocBuilder::Count(const std::vector<std::pair<int64_t, int64_t>>& entities) {
  ++entity_docs_;
  for (const auto& [id, mentions] : entities) ++entity_df_[id];
}

IdVector ClusterDocBuilder::Weigh(const TermVector& terms) {
  IdVector out;
  out.terms.reserve(terms.size());
  for (const TermCount& t : terms) {
    if (t.count == 0) continue;
    auto [it, inserted] = term_ids_.emplace(t.term, static_cast<uint32_t>(terms_.size()));
    if (inserted) terms_.push_back(t.term);
    const double w = (1.0 + std::log(static_cast<double>(t.count))) * df_.Idf(t.term);
    out.terms.emplace_back(it->second, static_cast<float>(w));
  }
  Normalize(&out.terms);
  return out;
}

ClusterDoc ClusterDocBuilder::Build(int64_t id, int64_t time, const AnalyzedArticle& features,
                                    const std::vector<std::pair<int64_t, int64_t>>& entities) {
  ClusterDoc doc;
  doc.id = id;
  doc.time = time;
  doc.title = Weigh(features.title_terms);
  doc.body = Weigh(features.body_terms);
  // An entity is a place (a person) when most of its resolved mentions are
  // typed so.
  std::map<int64_t, int> place_votes, person_votes;
  for (const EntityMention& m : features.entities.mentions) {
    if (m.entity_id == 0) continue;
    place_votes[m.entity_id] += m.kind == EntityKind::kPlace ? 1 : -1;
    person_votes[m.entity_id] += m.kind == EntityKind::kPerson ? 1 : -1;
  }
  for (const auto& [entity, mentions] : entities) {
    auto it = entity_df_.find(entity);
    const int64_t df = it == entity_df_.end() ? 0 : it->second;
    const double w = (1.0 + std::log(static_cast<double>(std::max<int64_t>(mentions, 1)))) *
                     Idf(entity_docs_, df);
    doc.entities.terms.emplace_back(static_cast<uint32_t>(entity), static_cast<float>(w));
    const auto vote = place_votes.find(entity);
    if (vote != place_votes.end() && vote->second > 0) {
      doc.places.terms.emplace_back(static_cast<uint32_t>(entity), static_cast<float>(w));
    }
    const auto person = person_votes.find(entity);
    if (person != person_votes.end() && person->second > 0) {
      doc.persons.terms.emplace_back(static_cast<uint32_t>(entity), static_cast<float>(w));
    }
  }
  Normalize(&doc.entities.terms);
  Normalize(&doc.places.terms);
  Normalize(&doc.persons.terms);
  for (const DateMention& d : features.dates) doc.dates.push_back(ToSpan(d));
  return doc;
}

const std::string& ClusterDocBuilder::Term(uint32_t id) const {
  static const std::string kNone;
  return id < terms_.size() ? terms_[id] : kNone;
}

uint32_t ClusterDocBuilder::TermId(const std::string& term) {
  auto [it, inserted] = term_ids_.emplace(term, static_cast<uint32_t>(terms_.size()));
  if (inserted) terms_.push_back(term);
  return it->second;
}

StoredStoryProfile ToStoredProfile(const StoryProfile& p, const ClusterDocBuilder& builder) {
  StoredStoryProfile out;
  out.story_id = p.story_id;
  for (const auto& [id, w] : p.terms.terms) out.terms.emplace_back(builder.Term(id), w);
  for (const auto& [id, w] : p.entities.terms) out.entities.emplace_back(id, w);
  auto heavier = [](const auto& a, const auto& b) { return a.second > b.second; };
  std::stable_sort(out.terms.begin(), out.terms.end(), heavier);
  std::stable_sort(out.entities.begin(), out.entities.end(), heavier);
  return out;
}

StoryProfile FromStoredProfile(const StoredStoryProfile& p, ClusterDocBuilder& builder) {
  StoryProfile out;
  out.story_id = p.story_id;
  for (const auto& [term, w] : p.terms) out.terms.terms.emplace_back(builder.TermId(term), w);
  for (const auto& [id, w] : p.entities) {
    out.entities.terms.emplace_back(static_cast<uint32_t>(id), w);
  }
  std::sort(out.terms.terms.begin(), out.terms.terms.end());
  std::sort(out.entities.terms.begin(), out.entities.terms.end());
  return out;
}

std::string ExplanationJson(const Explanation& why, const ClusterDocBuilder& builder,
                            const EntityRegistry& registry) {
  nlohmann::json j;
  j["score"] = why.score;
  j["title_cosine"] = why.title_cosine;
  j["body_cosine"] = why.body_cosine;
  j["entity_cosine"] = why.entity_cosine;
  j["length_factor"] = why.length_factor;
  j["time_factor"] = why.time_factor;
  j["time_gap_s"] = why.time_gap_s;
  j["date_factor"] = why.date_factor;
  j["date_gap_days"] = why.date_gap_days;
  j["supporting_members"] = why.supporting_members;
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& [id, weight] : why.top_terms) {
    terms.push_back({{"term", builder.Term(id)}, {"weight", weight}});
  }
  j["terms"] = std::move(terms);
  nlohmann::json entities = nlohmann::json::array();
  std::vector<int64_t> ids;
  for (const auto& [id, weight] : why.top_entities) ids.push_back(id);
  std::vector<EntityRow> rows;
  std::vector<EntityVariantRow> variants;
  registry.RowsFor(ids, &rows, &variants);
  for (const auto& [id, weight] : why.top_entities) {
    std::string name;
    for (const EntityRow& r : rows) {
      if (r.id == static_cast<int64_t>(id)) name = r.canonical;
    }
    entities.push_back({{"id", id}, {"name", name}, {"weight", weight}});
  }
  j["entities"] = std::move(entities);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace veille::pipeline
