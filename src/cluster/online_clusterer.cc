// Online story clustering.
//
// Idea: a story is a burst of articles about one event. Each arriving doc is
// compared with a few candidate stories and joins the best one if it is close
// enough to the story as a whole, else it founds a new story.
//   1. Candidates: the doc's heaviest `query_terms` terms and its entities
//      probe StoryIndex (term/entity -> stories whose members carry it); the
//      `max_candidates` stories with the largest accumulated weight are
//      scored in full. Cost per doc: the postings of ~30 keys plus ~12 full
//      scores, independent of the number of stories, because stories idle for
//      longer than `time_window_s` are retired from the index.
//   2. Score (similarity.cc): title and body TF-IDF cosines with the story's
//      centroids, entity cosine (corroborating only), a short-text factor, a
//      time factor and an event-date factor (the doc's lead date against the
//      median of the members' event dates: no publication time needed).
//      Optionally (member_rank, off by default) a story's score is the larger
//      of the centroid score and that of its member_rank-th most similar
//      recent member, or (member_blend, off) a blend of the centroid score
//      and the mean of the member_top best member scores.
//   3. Anti-chaining: a centroid can be pulled towards a neighbour story by
//      one loosely related member, and a doc resembling that member would
//      then follow. So the doc must also score >= support_ratio *
//      join_threshold against at least min(support_members, story size) of
//      the story's recent members (support from several members, not one),
//      and, with cohesion_ratio (off by default), reach that share of the
//      mean score at which the members joined.
//   4. Merges: when the doc also scores >= merge_threshold against another
//      candidate (with member support) and the two centroids score >=
//      merge_centroid_threshold against each other, the stories were one
//      event split by arrival order; the younger is merged into the older
//      (smaller id), and the merge is recorded. Then (story_merge_threshold)
//      the story the doc joined or founded is merged with the candidates
//      whose members agree with its members on group average (a singleton
//      that a later story matches strongly included). story_merge.cc.
// Example: "Kim arrives in Vladivostok" founds story 7; "Putin meets Kim in
// Vladivostok" shares title terms and entities (score 0.5) and joins 7; "Putin
// visits Pyongyang" five years later shares the entities but not the place
// and is far in time: new story 8 (storyline_linker.cc links 7 and 8).
// Out-of-order arrival needs nothing special: time distance is measured to a
// story's [first, last] span, and merges repair splits. Determinism: ties are
// broken by slot (creation order), so the same input order gives the same
// stories; tests/cluster/online_clusterer_test.cc checks it against the
// exhaustive scan (differential) and across shuffled orders.
// Reference: the single-pass clustering of TDT (Allan et al., "Topic
// Detection and Tracking pilot study", 1998), with centroid + member support
// in the spirit of group-average linkage.
#include "cluster/online_clusterer.h"

#include <algorithm>
#include <cmath>

namespace veille::cluster {
namespace {

constexpr size_t kExplainTerms = 8;

}  // namespace

OnlineClusterer::OnlineClusterer(const ClusterOptions& options, int64_t first_story_id)
    : options_(options), next_id_(first_story_id) {}

Status OnlineClusterer::Validate(const ClusterDoc& doc) const {
  if (doc_to_slot_.count(doc.id)) {
    return Status::InvalidInput("doc " + std::to_string(doc.id) + " already clustered");
  }
  if (!IsSorted(doc.title) || !IsSorted(doc.body) || !IsSorted(doc.entities) ||
      !IsSorted(doc.places) || !IsSorted(doc.persons)) {
    return Status::InvalidInput("doc " + std::to_string(doc.id) + ": vector ids not ascending");
  }
  return Status::Ok();
}

uint32_t OnlineClusterer::NewStory(int64_t id) {
  const auto slot = static_cast<uint32_t>(stories_.size());
  stories_.emplace_back();
  stories_.back().id = id;
  id_to_slot_[id] = slot;
  next_id_ = std::max(next_id_, id + 1);
  return slot;
}

void OnlineClusterer::AddMember(uint32_t slot, const ClusterDoc& doc) {
  Story& s = stories_[slot];
  s.title.Add(doc.title);
  s.body.Add(doc.body);
  if (options_.cross_text) s.whole.Add(WholeText(doc, options_));
  s.entities.Add(doc.entities);
  s.places.Add(doc.places);
  // Persons only weigh with person_penalty (off by default): no centroid to keep else.
  if (options_.person_penalty > 0) s.persons.Add(doc.persons);
  s.doc_ids.push_back(doc.id);
  s.doc_times.push_back(doc.time);
  doc_to_slot_[doc.id] = slot;
  s.touched = ++arrivals_;
  if (doc.time != kUnknownTime) {
    s.first = s.first == kUnknownTime ? doc.time : std::min(s.first, doc.time);
    s.last = s.last == kUnknownTime ? doc.time : std::max(s.last, doc.time);
    expiry_.emplace(s.last, slot);
  }
  int32_t event_first = 0, event_last = 0;
  if (EventSpan(doc, options_.date_lead_sentences, &event_first, &event_last)) {
    AddEventDay(&s, event_first + (event_last - event_first) / 2);
  }
  s.recent.push_back(doc);
  ++live_docs_;
  if (s.recent.size() > static_cast<size_t>(std::max(1, options_.support_sample))) {
    s.recent.pop_front();
    --live_docs_;
  }
  // Index the story under the member's heaviest terms and its entities.
  std::vector<std::pair<float, uint32_t>> heavy;
  for (const auto& [id, w] : doc.title.terms) heavy.emplace_back(w, id);
  for (const auto& [id, w] : doc.body.terms) heavy.emplace_back(w, id);
  const size_t n = std::min(heavy.size(), static_cast<size_t>(options_.index_terms_per_doc));
  std::partial_sort(heavy.begin(), heavy.begin() + static_cast<long>(n), heavy.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  for (size_t i = 0; i < n; ++i) index_.Add(StoryIndex::Kind::kTerm, heavy[i].second, slot);
  for (const auto& [id, w] : doc.entities.terms) index_.Add(StoryIndex::Kind::kEntity, id, slot);
}

void OnlineClusterer::AddEventDay(Story* story, int32_t day) {
  auto& days = story->event_days;
  days.insert(std::upper_bound(days.begin(), days.end(), day), day);
}

bool OnlineClusterer::EventDay(const Story& story, int32_t* day) {
  if (story.event_days.empty()) return false;
  *day = story.event_days[(story.event_days.size() - 1) / 2];
  return true;
}

double OnlineClusterer::Bar(const Story& story) const {
  double bar = options_.join_threshold;
  if (story.join_count > 0) {
    bar = std::max(bar, options_.cohesion_ratio * story.join_score_sum / story.join_count);
  }
  return bar;
}

SimilarityParts OnlineClusterer::StoryParts(const ClusterDoc& doc, const Story& story) const {
  SimilarityParts p;
  if (!doc.title.terms.empty() && !story.title.empty()) {
    p.has_title = true;
    p.title = story.title.Cosine(doc.title);
    p.terms += doc.title.terms.size();
    p.title_terms = doc.title.terms.size();
  }
  if (options_.cross_text ? !doc.body.terms.empty() || !story.body.empty()
                          : !doc.body.terms.empty() && !story.body.empty()) {
    p.has_body = true;
    p.body = options_.cross_text ? story.whole.Cosine(WholeText(doc, options_))
                                 : story.body.Cosine(doc.body);
    p.terms += doc.body.terms.size();
    p.body_terms = doc.body.terms.size();
  }
  if (!doc.entities.terms.empty() && !story.entities.empty()) {
    p.has_entities = true;
    p.entities = story.entities.Cosine(doc.entities);
    p.entity_count = doc.entities.terms.size();
  }
  if (!doc.places.terms.empty() && !story.places.empty()) {
    p.has_places = true;
    p.places = story.places.Cosine(doc.places);
    const IdVector story_top = options_.place_penalty > 0 ? story.places.Top(1) : IdVector();
    uint32_t doc_top = 0;
    p.place_conflict = !story_top.terms.empty() && Heaviest(doc.places, &doc_top) &&
                       story.places.Cosine(IdVector{{{doc_top, 1.0f}}}) <= 0 &&
                       !Carries(doc.places, story_top.terms[0].first);
  }
  if (options_.person_penalty > 0 && !doc.persons.terms.empty() && !story.persons.empty()) {
    p.has_persons = true;
    p.persons = story.persons.Cosine(doc.persons);
  }
  int32_t first = 0, last = 0, day = 0;
  if (EventDay(story, &day) && EventSpan(doc, options_.date_lead_sentences, &first, &last)) {
    p.has_dates = true;
    p.date_gap_days = SpanGap(first, last, day, day);
  }
  return p;
}

double OnlineClusterer::ScoreStory(const ClusterDoc& doc, const Story& story,
                                   Explanation* why) const {
  return CombineParts(StoryParts(doc, story), TimeGap(doc.time, story.first, story.last), options_,
                      why);
}

std::vector<double> OnlineClusterer::MemberScores(const ClusterDoc& doc, const Story& story) const {
  std::vector<double> scores;
  scores.reserve(story.recent.size());
  for (const ClusterDoc& member : story.recent) {
    const int64_t gap = TimeGap(doc.time, member.time, member.time);
    scores.push_back(CombineParts(DocParts(doc, member, options_), gap, options_, nullptr));
  }
  std::sort(scores.begin(), scores.end(), std::greater<>());
  return scores;
}

double OnlineClusterer::ScoreWithMembers(const ClusterDoc& doc, const Story& story,
                                         Explanation* why) const {
  double score = ScoreStory(doc, story, why);
  const std::vector<double> members = MemberScores(doc, story);
  const double bar = options_.support_ratio * options_.join_threshold;
  const auto rank = static_cast<size_t>(std::max(0, options_.member_rank));
  if (rank > 0 && members.size() >= rank) score = std::max(score, members[rank - 1]);
  if (options_.member_blend > 0 && !members.empty()) {
    const size_t k = std::min(members.size(), static_cast<size_t>(options_.member_top));
    double top = 0;
    for (size_t i = 0; i < k; ++i) top += members[i];
    score = (1 - options_.member_blend) * score + options_.member_blend * top / k;
  }
  if (why != nullptr) {
    why->score = score;
    why->supporting_members = static_cast<int>(
        std::count_if(members.begin(), members.end(), [&](double m) { return m >= bar; }));
  }
  return score;
}

std::vector<uint32_t> OnlineClusterer::Candidates(const ClusterDoc& doc) const {
  if (options_.exhaustive_candidates) {
    std::vector<uint32_t> all;
    for (uint32_t slot = 0; slot < stories_.size(); ++slot) {
      if (!stories_[slot].merged && stories_[slot].live) all.push_back(slot);
    }
    return all;
  }
  std::vector<std::pair<float, uint32_t>> heavy;
  for (const auto& [id, w] : doc.title.terms) heavy.emplace_back(w, id);
  for (const auto& [id, w] : doc.body.terms) heavy.emplace_back(w, id);
  std::sort(heavy.begin(), heavy.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::pair<uint64_t, float>> query;
  for (const auto& [w, id] : heavy) {
    if (query.size() >= static_cast<size_t>(options_.query_terms)) break;
    query.emplace_back(StoryIndex::Key(StoryIndex::Kind::kTerm, id), w);
  }
  const double en = Norm(doc.entities);
  for (const auto& [id, w] : doc.entities.terms) {
    query.emplace_back(StoryIndex::Key(StoryIndex::Kind::kEntity, id),
                       static_cast<float>(en > 0 ? w / en : 0));
  }
  return index_.Query(query, static_cast<size_t>(std::max(1, options_.max_candidates)));
}

void OnlineClusterer::RetireOld(int64_t now) {
  if (now == kUnknownTime) return;
  const int64_t cutoff = now - options_.time_window_s;
  // Stories idle beyond the window first wait for retire_after_docs more
  // arrivals: a late (out-of-order) doc of their time can still join them.
  while (!expiry_.empty() && expiry_.top().first < cutoff) {
    const auto [last, slot] = expiry_.top();
    expiry_.pop();
    const Story& s = stories_[slot];
    if (s.merged || !s.live || s.last != last) continue;  // stale entry
    idle_.emplace(s.touched, slot);
  }
  const auto hold = static_cast<uint64_t>(options_.retire_after_docs);
  while (!idle_.empty() && idle_.top().first + hold <= arrivals_) {
    const auto [touched, slot] = idle_.top();
    idle_.pop();
    Story& s = stories_[slot];
    if (s.merged || !s.live || s.touched != touched) continue;  // joined since: re-queued
    if (s.last != kUnknownTime && s.last >= cutoff) continue;   // fresh again
    s.profile = MakeProfile(s, 32, 16);
    s.live = false;
    index_.RemoveStory(slot);
    live_docs_ -= s.recent.size();
    s.recent = {};
    s.title = Centroid();
    s.body = Centroid();
    s.whole = Centroid();
    s.entities = Centroid();
    s.places = Centroid();
    s.persons = Centroid();
  }
}

Result<Assignment> OnlineClusterer::Add(const ClusterDoc& input) {
  VEILLE_RETURN_IF_ERROR(Validate(input));
  ClusterDoc whole;
  const ClusterDoc& doc = options_.whole_text ? (whole = AsWholeText(input, options_)) : input;
  if (doc.time != kUnknownTime && (clock_ == kUnknownTime || doc.time > clock_)) {
    clock_ = doc.time;
  }
  RetireOld(clock_);
  std::vector<Scored> scored;
  for (uint32_t slot : Candidates(doc)) {
    Scored s{0, slot, {}};
    s.score = ScoreWithMembers(doc, stories_[slot], &s.why);
    s.why.story_id = stories_[slot].id;
    scored.push_back(std::move(s));
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.slot < b.slot;
  });
  Assignment out;
  out.doc_id = doc.id;
  int chosen = -1;
  for (size_t i = 0; i < scored.size() && scored[i].score >= options_.join_threshold; ++i) {
    const Story& story = stories_[scored[i].slot];
    if (scored[i].score < Bar(story)) continue;
    const int need = std::min<int>(options_.support_members, static_cast<int>(story.recent.size()));
    if (scored[i].why.supporting_members >= need) {
      chosen = static_cast<int>(i);
      break;
    }
  }
  if (chosen < 0) {
    const uint32_t slot = NewStory(next_id_);
    AddMember(slot, doc);
    out.new_story = true;
    if (!scored.empty()) out.why = scored[0].why;
    const uint32_t kept = MergeLinked(slot, scored, &out);
    out.new_story = kept == slot;
    out.story_id = stories_[kept].id;
    if (!out.new_story) out.why.story_id = out.story_id;
    MaybeSplit(kept, &out);
    return out;
  }
  uint32_t slot = scored[static_cast<size_t>(chosen)].slot;
  out.why = scored[static_cast<size_t>(chosen)].why;
  const Story& joined = stories_[slot];
  out.why.top_terms = joined.body.TopShared(doc.body, kExplainTerms);
  for (const auto& t : joined.title.TopShared(doc.title, kExplainTerms)) {
    out.why.top_terms.push_back(t);
  }
  std::sort(out.why.top_terms.begin(), out.why.top_terms.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.why.top_terms.size() > kExplainTerms) out.why.top_terms.resize(kExplainTerms);
  out.why.top_entities = joined.entities.TopShared(doc.entities, kExplainTerms);
  AddMember(slot, doc);
  stories_[slot].join_score_sum += out.why.score;
  ++stories_[slot].join_count;
  // Merge the other strong candidates that the doc shows to be the same event.
  for (size_t i = 0; i < scored.size() && scored[i].score >= options_.merge_threshold; ++i) {
    const uint32_t other = scored[i].slot;
    if (other == slot || stories_[other].merged) continue;
    const int need =
        std::min<int>(options_.support_members, static_cast<int>(stories_[other].recent.size()));
    if (scored[i].why.supporting_members < need) continue;
    if (Apart(slot, other) || !ShouldMerge(stories_[slot], stories_[other])) continue;
    const uint32_t into = stories_[slot].id < stories_[other].id ? slot : other;
    const uint32_t from = into == slot ? other : slot;
    out.merged_story_ids.push_back(stories_[from].id);
    MergeInto(into, from);
    slot = into;
  }
  slot = MergeLinked(slot, scored, &out);
  out.story_id = stories_[slot].id;
  out.why.story_id = out.story_id;
  MaybeSplit(slot, &out);
  return out;
}

Status OnlineClusterer::Restore(const ClusterDoc& input, int64_t story_id) {
  VEILLE_RETURN_IF_ERROR(Validate(input));
  ClusterDoc whole;
  const ClusterDoc& doc = options_.whole_text ? (whole = AsWholeText(input, options_)) : input;
  auto it = id_to_slot_.find(story_id);
  const uint32_t slot = it == id_to_slot_.end() ? NewStory(story_id) : it->second;
  AddMember(slot, doc);
  // As if checked on reaching the size restored so far. Restore sees only the
  // recent members, so a resumed process may check a story later than an
  // uninterrupted one would (it counts fewer members).
  stories_[slot].split_level = SplitLevel(stories_[slot].doc_ids.size());
  if (doc.time != kUnknownTime && (clock_ == kUnknownTime || doc.time > clock_)) {
    clock_ = doc.time;
  }
  return Status::Ok();
}

Result<Explanation> OnlineClusterer::Explain(const ClusterDoc& input, int64_t story_id) const {
  ClusterDoc whole;
  const ClusterDoc& doc = options_.whole_text ? (whole = AsWholeText(input, options_)) : input;
  auto it = id_to_slot_.find(story_id);
  if (it == id_to_slot_.end() || !stories_[it->second].live) {
    return Status::NotFound("story " + std::to_string(story_id) + " is not live");
  }
  const Story& s = stories_[it->second];
  Explanation why;
  ScoreWithMembers(doc, s, &why);
  why.story_id = s.id;
  why.top_terms = s.body.TopShared(doc.body, kExplainTerms);
  for (const auto& t : s.title.TopShared(doc.title, kExplainTerms)) why.top_terms.push_back(t);
  std::sort(why.top_terms.begin(), why.top_terms.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (why.top_terms.size() > kExplainTerms) why.top_terms.resize(kExplainTerms);
  why.top_entities = s.entities.TopShared(doc.entities, kExplainTerms);
  return why;
}

Result<int64_t> OnlineClusterer::StoryOf(int64_t doc_id) const {
  auto it = doc_to_slot_.find(doc_id);
  if (it == doc_to_slot_.end()) return Status::NotFound("doc " + std::to_string(doc_id));
  return stories_[it->second].id;
}

std::vector<StoryInfo> OnlineClusterer::Stories() const {
  std::vector<StoryInfo> out;
  for (const Story& s : stories_) {
    if (s.merged) continue;
    out.push_back({s.id, s.doc_ids, s.first, s.last, s.live});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

StoryProfile OnlineClusterer::MakeProfile(const Story& s, int top_terms, int top_entities) const {
  if (!s.live) return s.profile;
  StoryProfile p;
  p.story_id = s.id;
  p.first_time = s.first;
  p.last_time = s.last;
  Centroid text = s.title;
  text.Merge(s.body);
  p.terms = text.Top(static_cast<size_t>(std::max(0, top_terms)));
  p.entities = s.entities.Top(static_cast<size_t>(std::max(0, top_entities)));
  return p;
}

Result<StoryProfile> OnlineClusterer::Profile(int64_t story_id, int top_terms,
                                              int top_entities) const {
  auto it = id_to_slot_.find(story_id);
  if (it == id_to_slot_.end() || stories_[it->second].merged ||
      stories_[it->second].id != story_id) {
    return Status::NotFound("story " + std::to_string(story_id));
  }
  return MakeProfile(stories_[it->second], top_terms, top_entities);
}

std::vector<StoryProfile> OnlineClusterer::Profiles(int top_terms, int top_entities) const {
  std::vector<StoryProfile> out;
  for (const Story& s : stories_) {
    if (!s.merged) out.push_back(MakeProfile(s, top_terms, top_entities));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.story_id < b.story_id; });
  return out;
}

}  // namespace veille::cluster
