#include <memory>
#include <string>

#include "cluster/online_clusterer.h"
#include "veille/cluster.h"

namespace veille {

int32_t DaysFromCivil(int year, int month, int day) {
  // Shift the year to start in March so that the leap day ends it; count
  // 400-year eras of 146097 days.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                             // [0, 399]
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                     // [0, 146096]
  return era * 146097 + doe - 719468;
}

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Create(const ClusterOptions& options,
                                                               int64_t first_story_id) {
  auto bad = [](const std::string& what) {
    return Status::InvalidInput("cluster options: " + what);
  };
  if (!(options.join_threshold > 0 && options.join_threshold <= 1)) {
    return bad("join_threshold must be in (0, 1]");
  }
  if (options.title_weight < 0 || options.body_weight < 0 || options.entity_weight < 0 ||
      options.title_weight + options.body_weight <= 0) {
    return bad("weights must be >= 0 and title_weight + body_weight > 0");
  }
  if (!(options.place_penalty >= 0 && options.place_penalty <= 1)) {
    return bad("place_penalty must be in [0, 1]");
  }
  if (!(options.person_penalty >= 0 && options.person_penalty <= 1) ||
      !(options.person_cosine >= 0 && options.person_cosine <= 1)) {
    return bad("person_penalty and person_cosine must be in [0, 1]");
  }
  if (!(options.time_grace_prior >= 0)) return bad("time_grace_prior must be >= 0");
  if (options.length_prior < 0 || options.short_text_boost < 0) {
    return bad("length_prior and short_text_boost must be >= 0");
  }
  if (options.support_members < 0 || options.support_sample < 1) {
    return bad("support_members must be >= 0 and support_sample >= 1");
  }
  if (options.support_ratio < 0 || options.support_ratio > 1) {
    return bad("support_ratio must be in [0, 1]");
  }
  if (options.time_grace_s < 0 || options.time_half_life_s <= 0 || options.time_window_s <= 0) {
    return bad("time_grace_s >= 0, time_half_life_s > 0 and time_window_s > 0 required");
  }
  if (options.date_lead_sentences < 0 || options.date_grace_days < 0 ||
      options.date_half_life_days <= 0) {
    return bad(
        "date_lead_sentences >= 0, date_grace_days >= 0 and date_half_life_days > 0 required");
  }
  if (options.retire_after_docs < 0) return bad("retire_after_docs must be >= 0");
  if (options.member_rank < 0 || options.cohesion_ratio < 0) {
    return bad("member_rank and cohesion_ratio must be >= 0");
  }
  if (options.entity_prior < 0) return bad("entity_prior must be >= 0");
  if (!(options.member_blend >= 0 && options.member_blend <= 1) || options.member_top < 1) {
    return bad("member_blend must be in [0, 1] and member_top >= 1");
  }
  if (options.story_merge_threshold < 0) return bad("story_merge_threshold must be >= 0");
  if (options.story_splits &&
      (options.split_min_part < 2 || !(options.split_growth > 1) || options.split_ratio < 0 ||
       options.split_threshold < 0 || options.split_cohesion < 0)) {
    return bad("story splits need split_min_part >= 2, split_growth > 1, the rest >= 0");
  }
  if (options.query_terms < 1 || options.index_terms_per_doc < 1 || options.max_candidates < 1) {
    return bad("query_terms, index_terms_per_doc and max_candidates must be >= 1");
  }
  if (first_story_id < 1) return bad("first_story_id must be >= 1");
  return std::unique_ptr<StoryClusterer>(
      std::make_unique<cluster::OnlineClusterer>(options, first_story_id));
}

}  // namespace veille
