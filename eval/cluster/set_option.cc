// SetOption (set_option.h).
#include "set_option.h"

namespace veille::eval {

bool SetOption(ClusterOptions* o, const std::string& kv) {
  const size_t eq = kv.find('=');
  if (eq == std::string::npos) return false;
  const std::string k = kv.substr(0, eq);
  const double v = std::stod(kv.substr(eq + 1));
  if (k == "join_threshold")
    o->join_threshold = v;
  else if (k == "title_weight")
    o->title_weight = v;
  else if (k == "body_weight")
    o->body_weight = v;
  else if (k == "text_weight_exponent")
    o->text_weight_exponent = v;
  else if (k == "entity_weight")
    o->entity_weight = v;
  else if (k == "entity_prior")
    o->entity_prior = v;
  else if (k == "cross_text")
    o->cross_text = v != 0;
  else if (k == "entities_only_raise")
    o->entities_only_raise = v != 0;
  else if (k == "date_lead_sentences")
    o->date_lead_sentences = static_cast<int>(v);
  else if (k == "date_grace_days")
    o->date_grace_days = static_cast<int>(v);
  else if (k == "date_half_life_days")
    o->date_half_life_days = static_cast<int>(v);
  else if (k == "place_penalty")
    o->place_penalty = v;
  else if (k == "person_penalty")
    o->person_penalty = v;
  else if (k == "person_cosine")
    o->person_cosine = v;
  else if (k == "length_prior")
    o->length_prior = v;
  else if (k == "short_text_boost")
    o->short_text_boost = v;
  else if (k == "support_members")
    o->support_members = static_cast<int>(v);
  else if (k == "support_ratio")
    o->support_ratio = v;
  else if (k == "merge_centroid_threshold")
    o->merge_centroid_threshold = v;
  else if (k == "cohesion_ratio")
    o->cohesion_ratio = v;
  else if (k == "member_rank")
    o->member_rank = static_cast<int>(v);
  else if (k == "member_blend")
    o->member_blend = v;
  else if (k == "member_top")
    o->member_top = static_cast<int>(v);
  else if (k == "story_merge_threshold")
    o->story_merge_threshold = v;
  else if (k == "merge_threshold")
    o->merge_threshold = v;
  else if (k == "time_grace_s")
    o->time_grace_s = static_cast<int64_t>(v);
  else if (k == "whole_text")
    o->whole_text = v != 0;
  else if (k == "retire_after_docs")
    o->retire_after_docs = static_cast<int>(v);
  else if (k == "support_sample")
    o->support_sample = static_cast<int>(v);
  else if (k == "max_candidates")
    o->max_candidates = static_cast<int>(v);
  else if (k == "time_half_life_s")
    o->time_half_life_s = static_cast<int64_t>(v);
  else if (k == "time_grace_prior")
    o->time_grace_prior = v;
  else if (k == "story_splits")
    o->story_splits = v != 0;
  else if (k == "split_min_part")
    o->split_min_part = static_cast<int>(v);
  else if (k == "split_ratio")
    o->split_ratio = v;
  else if (k == "split_threshold")
    o->split_threshold = v;
  else if (k == "split_cohesion")
    o->split_cohesion = v;
  else if (k == "split_growth")
    o->split_growth = v;
  else
    return false;
  return true;
}

}  // namespace veille::eval
