// StoryState (story_state.h). Tested by
// tests/pipeline/story_pipeline_test.cc.
#include "pipeline/story_state.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace veille::pipeline {

StoryState::StoryState(const StoryOptions& options, Store& store, const DocumentFrequencies& df,
                       const EntityRegistry& registry)
    : options_(options),
      store_(store),
      registry_(registry),
      builder_(df),
      summarizer_(options.summary) {}

Result<std::unique_ptr<StoryState>> StoryState::Load(const StoryOptions& options, Store& store,
                                                     const DocumentFrequencies& df,
                                                     const EntityRegistry& registry) {
  std::unique_ptr<StoryState> state(new StoryState(options, store, df, registry));
  VEILLE_ASSIGN_OR_RETURN(state->linker_, CopyLinker::Create(options.dedup));
  VEILLE_ASSIGN_OR_RETURN(const int64_t max_id, store.MaxStoryId());
  VEILLE_ASSIGN_OR_RETURN(state->clusterer_, StoryClusterer::Create(options.cluster, max_id + 1));
  VEILLE_RETURN_IF_ERROR(state->Restore());
  return state;
}

Status StoryState::Restore() {
  VEILLE_ASSIGN_OR_RETURN(const int64_t latest, store_.LatestStoryTime());
  if (latest == 0) return Status::Ok();
  std::vector<StoryMember> members;
  VEILLE_RETURN_IF_ERROR(store_.ForEachRecentMember(latest - options_.cluster.time_window_s,
                                                    options_.cluster.retire_after_docs,
                                                    [&](const StoryMember& m) {
                                                      members.push_back(m);
                                                      return Status::Ok();
                                                    }));
  for (const StoryMember& m : members) {
    VEILLE_ASSIGN_OR_RETURN(const StoredArticle stored, store_.GetArticle(m.article_id));
    Result<AnalyzedArticle> features = store_.GetFeatures(m.article_id, stored.revision);
    if (!features.ok()) {
      if (features.status().code() == StatusCode::kNotFound) continue;
      return features.status();
    }
    VEILLE_ASSIGN_OR_RETURN(const auto entities, store_.GetArticleEntities(m.article_id));
    builder_.Count(entities);
    VEILLE_RETURN_IF_ERROR(
        clusterer_->Restore(builder_.Build(m.article_id, m.time, *features, entities), m.story_id));
    // Replaying in time order rebuilds the linker's groups; the links it
    // returns are the stored ones.
    const std::string text = stored.article.title + "\n" + stored.article.text;
    VEILLE_RETURN_IF_ERROR(linker_->Add(DedupDoc{m.article_id, m.time, text}).status());
  }
  return Status::Ok();
}

Status StoryState::Add(int64_t article_id, const Article& article, const AnalyzedArticle& features,
                       int64_t time) {
  // A new revision of a placed article stays in its story; the story is
  // re-summarised from the new text.
  if (Result<int64_t> story = clusterer_->StoryOf(article_id); story.ok()) {
    articles_.Erase(article_id);
    touched_.insert(*story);
    summarized_[*story] = kRedo;  // its summary may quote the old text
    return Status::Ok();
  }
  if (Result<StoryMember> placed = store_.GetStoryMember(article_id); placed.ok()) {
    articles_.Erase(article_id);  // placed before, outside the restored window
    touched_.insert(placed->story_id);
    summarized_[placed->story_id] = kRedo;
    return Status::Ok();
  } else if (placed.status().code() != StatusCode::kNotFound) {
    return placed.status();
  }
  const std::string text = article.title + "\n" + article.text;
  VEILLE_ASSIGN_OR_RETURN(const std::vector<CopyLink> links,
                          linker_->Add(DedupDoc{article_id, time, text}));
  for (const CopyLink& l : links) {
    VEILLE_RETURN_IF_ERROR(
        store_.PutCopyLink(CopyLinkRow{l.original_id, l.copy_id, l.overlap, l.exact}));
  }
  const std::vector<std::pair<int64_t, int64_t>> entities = EntityCounts(features.entities);
  builder_.Count(entities);
  VEILLE_ASSIGN_OR_RETURN(const Assignment a,
                          clusterer_->Add(builder_.Build(article_id, time, features, entities)));
  StoryMember member;
  member.article_id = article_id;
  member.story_id = a.story_id;
  member.time = time;
  member.site = article.site;
  member.score = a.new_story ? 0 : a.why.score;
  member.why_json = a.new_story ? "" : ExplanationJson(a.why, builder_, registry_);
  VEILLE_RETURN_IF_ERROR(store_.PutStoryMember(member));
  for (int64_t from : a.merged_story_ids) {
    VEILLE_RETURN_IF_ERROR(store_.MergeStories(from, a.story_id));
    touched_.erase(from);
    summarized_.erase(from);
    waiting_.erase(from);
    summarized_[a.story_id] = kRedo;  // its summary lacks the merged members
  }
  // Splits come after the merges (as the clusterer made them): the moved
  // members go to the new story's row, both rows are recounted, and both
  // stories are re-summarised and re-profiled at Flush.
  for (const StorySplit& split : a.splits) {
    for (int64_t doc : split.doc_ids) {
      VEILLE_ASSIGN_OR_RETURN(StoryMember moved, store_.GetStoryMember(doc));
      if (moved.story_id == split.story_id) continue;  // the arriving doc, placed above
      moved.story_id = split.story_id;
      VEILLE_RETURN_IF_ERROR(store_.PutStoryMember(moved));
    }
    summarized_[split.from] = kRedo;  // its summary quotes the moved members
    summarized_.erase(split.story_id);
    touched_.insert(split.from);
    touched_.insert(split.story_id);
  }
  touched_.insert(a.story_id);
  SummaryArticle sa;
  sa.id = article_id;
  sa.site = article.site;
  sa.url = article.url;
  sa.title = article.title;
  sa.text = article.text;
  sa.lang = article.lang;
  sa.published = time;
  for (const CopyLink& l : links) {
    if (l.copy_id == article_id) sa.copy_of = l.original_id;
  }
  sa.dates = features.dates;
  for (const EntityMention& m : features.entities.mentions) {
    if (m.entity_id != 0) sa.entities.push_back(m);
  }
  Remember(std::move(sa));
  return Status::Ok();
}

void StoryState::Remember(SummaryArticle article) { articles_.Put(std::move(article)); }

namespace {

Result<SummaryArticle> LoadSummaryArticle(Store& store, const StoryMemberView& member) {
  const int64_t id = member.member.article_id;
  VEILLE_ASSIGN_OR_RETURN(const StoredArticle stored, store.GetArticle(id));
  SummaryArticle sa;
  sa.id = id;
  sa.site = stored.article.site;
  sa.url = stored.article.url;
  sa.title = stored.article.title;
  sa.text = stored.article.text;
  sa.lang = stored.article.lang;
  sa.published = member.member.time;
  sa.copy_of = member.original_id;
  Result<AnalyzedArticle> features = store.GetFeatures(id, stored.revision);
  if (features.ok()) {
    sa.dates = std::move(features->dates);
    sa.entities = std::move(features->entities.mentions);
  } else if (features.status().code() != StatusCode::kNotFound) {
    return features.status();
  }
  return sa;
}

Status PutSummary(Store& store, Summarizer& summarizer, int64_t story_id,
                  const std::vector<StoryMemberView>& members,
                  const std::vector<SummaryArticle>& articles) {
  const StorySummary summary = summarizer.Summarize(articles);
  // No usable title (all truncated or clickbait): the earliest one.
  const std::string& headline = summary.headline.empty() ? members.front().title : summary.headline;
  return store.PutStorySummary(story_id, headline, SummaryToJson(summary));
}

}  // namespace

Status StoreSummary(Store& store, Summarizer& summarizer, int64_t story_id) {
  VEILLE_ASSIGN_OR_RETURN(const std::vector<StoryMemberView> members,
                          store.ListStoryMembers(story_id));
  if (members.empty()) return Status::Ok();
  std::vector<SummaryArticle> articles;
  articles.reserve(members.size());
  for (const StoryMemberView& m : members) {
    VEILLE_ASSIGN_OR_RETURN(SummaryArticle a, LoadSummaryArticle(store, m));
    articles.push_back(std::move(a));
  }
  return PutSummary(store, summarizer, story_id, members, articles);
}

Result<const SummaryArticle*> StoryState::MemberArticle(const StoryMemberView& member) {
  const int64_t id = member.member.article_id;
  if (SummaryArticle* cached = articles_.Find(id); cached != nullptr) {
    cached->copy_of = member.original_id;  // a later original can re-link it
    return cached;
  }
  VEILLE_ASSIGN_OR_RETURN(SummaryArticle sa, LoadSummaryArticle(store_, member));
  return articles_.Put(std::move(sa));
}

Status StoryState::Summarize(int64_t story_id) {
  VEILLE_ASSIGN_OR_RETURN(const std::vector<StoryMemberView> members,
                          store_.ListStoryMembers(story_id));
  if (members.empty()) return Status::Ok();
  std::vector<SummaryArticle> articles;
  articles.reserve(members.size());
  for (const StoryMemberView& m : members) {
    VEILLE_ASSIGN_OR_RETURN(const SummaryArticle* a, MemberArticle(m));
    articles.push_back(*a);
  }
  return PutSummary(store_, summarizer_, story_id, members, articles);
}

Status StoryState::SummarizeIfChanged(int64_t story_id) {
  constexpr int64_t kAlwaysSummarized = 32;
  constexpr double kResummarizeGrowth = 1.25;
  VEILLE_ASSIGN_OR_RETURN(const StoryRow row, store_.GetStory(story_id));
  auto last = summarized_.find(story_id);
  if (last == summarized_.end() && row.article_count > kAlwaysSummarized &&
      !row.summary_json.empty()) {
    // First touched in this process: the stored summary says how many
    // members it covers (a summary over more members than the story has now
    // is redone).
    Result<StorySummary> stored = ParseSummaryJson(row.summary_json);
    if (stored.ok() && stored->article_count > 0 && stored->article_count <= row.article_count)
      last = summarized_.emplace(story_id, stored->article_count).first;
  }
  const bool due = row.article_count <= kAlwaysSummarized || row.summary_json.empty() ||
                   last == summarized_.end() ||
                   static_cast<double>(row.article_count) >=
                       kResummarizeGrowth * static_cast<double>(last->second);
  if (!due) {
    if (row.article_count != last->second) waiting_.insert(story_id);
    return Status::Ok();
  }
  VEILLE_RETURN_IF_ERROR(Summarize(story_id));
  // Bounded in a long-running process: a story forgotten here falls back to
  // its stored summary's count (the ones to redo are kept).
  constexpr size_t kMaxTracked = 200000;
  if (summarized_.size() >= kMaxTracked)
    std::erase_if(summarized_, [](const auto& e) { return e.second != kRedo; });
  summarized_[story_id] = row.article_count;
  waiting_.erase(story_id);
  return Status::Ok();
}

Status StoryState::Flush() {
  if (touched_.empty()) return Status::Ok();
  for (int64_t story : touched_) VEILLE_RETURN_IF_ERROR(SummarizeIfChanged(story));
  return LinkTouched();
}

Status StoryState::SettleSummaries() {
  const std::set<int64_t> waiting = std::move(waiting_);
  waiting_.clear();
  for (int64_t story : waiting) {
    Result<StoryRow> row = store_.GetStory(story);
    if (!row.ok() && row.status().code() == StatusCode::kNotFound) continue;  // rolled back
    if (!row.ok()) return row.status();
    if (row->merged_into != 0 || row->article_count == 0) continue;
    VEILLE_RETURN_IF_ERROR(Summarize(story));
    summarized_[story] = row->article_count;
  }
  return Status::Ok();
}

Status StoryState::LinkTouched() {
  constexpr int kProfileTerms = 32;
  constexpr int kProfileEntities = 16;
  constexpr int64_t kMaxCandidates = 256;
  std::vector<StoryProfile> subset;
  std::set<int64_t> in_subset;
  std::vector<int64_t> entity_ids;
  for (int64_t id : touched_) {
    Result<StoryProfile> p = clusterer_->Profile(id, kProfileTerms, kProfileEntities);
    if (!p.ok()) continue;  // merged away since
    VEILLE_RETURN_IF_ERROR(store_.PutStoryProfile(ToStoredProfile(*p, builder_)));
    for (const auto& [entity, w] : p->entities.terms) entity_ids.push_back(entity);
    in_subset.insert(id);
    subset.push_back(std::move(p).value());
  }
  VEILLE_ASSIGN_OR_RETURN(const std::vector<int64_t> candidates,
                          store_.FindStoriesByEntities(entity_ids, kMaxCandidates));
  for (int64_t id : candidates) {
    if (in_subset.count(id) != 0) continue;
    Result<StoredStoryProfile> stored = store_.GetStoryProfile(id);
    if (!stored.ok()) {
      if (stored.status().code() == StatusCode::kNotFound) continue;
      return stored.status();
    }
    subset.push_back(FromStoredProfile(*stored, builder_));
  }
  for (const Storyline& line : LinkStorylines(subset, options_.storylines)) {
    // The storylines its stories belong to now (a story never linked is
    // alone in its own); they all merge into the smallest.
    std::set<int64_t> current;
    std::vector<int64_t> unlinked;
    for (int64_t story : line.story_ids) {
      VEILLE_ASSIGN_OR_RETURN(const StoryRow row, store_.GetStory(story));
      if (row.storyline_id == 0) {
        unlinked.push_back(story);
        current.insert(story);
      } else {
        current.insert(row.storyline_id);
      }
    }
    const int64_t target = *current.begin();
    std::vector<std::pair<int64_t, int64_t>> changes;
    for (int64_t story : unlinked) changes.emplace_back(story, target);
    for (int64_t other : current) {
      if (other == target) continue;
      VEILLE_ASSIGN_OR_RETURN(const std::vector<int64_t> stories,
                              store_.ListStorylineStories(other));
      for (int64_t story : stories) changes.emplace_back(story, target);
    }
    VEILLE_RETURN_IF_ERROR(store_.SetStorylines(changes));
  }
  return Status::Ok();
}

}  // namespace veille::pipeline
