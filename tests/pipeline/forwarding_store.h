// ForwardingStore: a Store that forwards every call to another one, for
// tests that override a few methods to inject failures.
#ifndef VEILLE_TESTS_PIPELINE_FORWARDING_STORE_H_
#define VEILLE_TESTS_PIPELINE_FORWARDING_STORE_H_

#include "veille/store.h"

namespace veille {

class ForwardingStore : public Store {
 public:
  explicit ForwardingStore(Store& s) : s_(s) {}

  Status Begin() override { return s_.Begin(); }
  Status Commit() override { return s_.Commit(); }
  Status Rollback() override { return s_.Rollback(); }
  Result<PutResult> PutArticle(std::string_view doc_key, const RawDocument& raw,
                               const Article& article) override {
    return s_.PutArticle(doc_key, raw, article);
  }
  Result<StoredArticle> GetArticle(int64_t id) override { return s_.GetArticle(id); }
  Result<std::string> GetRawBytes(int64_t id, int64_t revision) override {
    return s_.GetRawBytes(id, revision);
  }
  Result<std::vector<StoredArticle>> ListArticles(const ArticleListOptions& options) override {
    return s_.ListArticles(options);
  }
  Result<std::vector<SearchHit>> Search(std::string_view query, int64_t limit) override {
    return s_.Search(query, limit);
  }
  Result<std::vector<int64_t>> MatchIds(std::string_view query, int64_t limit) override {
    return s_.MatchIds(query, limit);
  }
  Result<StoreStats> Stats() override { return s_.Stats(); }
  Status ForEachArticle(const std::function<Status(const StoredArticle&)>& fn) override {
    return s_.ForEachArticle(fn);
  }
  Result<bool> HasArticle(std::string_view doc_key) override { return s_.HasArticle(doc_key); }
  Result<AddSourceResult> AddSource(const Source& source) override { return s_.AddSource(source); }
  Result<std::vector<Source>> ListSources() override { return s_.ListSources(); }
  Result<Source> FindSource(std::string_view url) override { return s_.FindSource(url); }
  Status UpdateSourceState(const Source& source) override { return s_.UpdateSourceState(source); }
  Status PutFeatures(int64_t article_id, int64_t revision,
                     const AnalyzedArticle& features) override {
    return s_.PutFeatures(article_id, revision, features);
  }
  Result<AnalyzedArticle> GetFeatures(int64_t article_id, int64_t revision) override {
    return s_.GetFeatures(article_id, revision);
  }
  Result<bool> HasFeatures(int64_t article_id, int64_t revision) override {
    return s_.HasFeatures(article_id, revision);
  }
  Result<std::vector<std::pair<int64_t, int64_t>>> GetArticleEntities(int64_t article_id) override {
    return s_.GetArticleEntities(article_id);
  }
  Result<std::vector<int64_t>> FindLshCandidates(const std::vector<uint64_t>& keys,
                                                 int64_t limit) override {
    return s_.FindLshCandidates(keys, limit);
  }
  Result<DocumentFrequencySnapshot> LoadDocumentFrequencies() override {
    return s_.LoadDocumentFrequencies();
  }
  Status ApplyDocumentFrequencyDeltas(
      int64_t document_delta,
      const std::vector<std::pair<std::string, int64_t>>& term_deltas) override {
    return s_.ApplyDocumentFrequencyDeltas(document_delta, term_deltas);
  }
  Result<EntityTable> LoadEntities() override { return s_.LoadEntities(); }
  Status PutEntities(const std::vector<EntityRow>& entities,
                     const std::vector<EntityVariantRow>& variants) override {
    return s_.PutEntities(entities, variants);
  }
  Result<std::vector<EntitySummary>> ListEntities() override { return s_.ListEntities(); }
  Result<int64_t> WriteGeneration() override { return s_.WriteGeneration(); }
  Result<int64_t> BumpWriteGeneration() override { return s_.BumpWriteGeneration(); }
  Status PutStoryMember(const StoryMember& member) override { return s_.PutStoryMember(member); }
  Status MergeStories(int64_t from, int64_t into) override { return s_.MergeStories(from, into); }
  Status PutStorySummary(int64_t story_id, std::string_view headline,
                         std::string_view summary_json) override {
    return s_.PutStorySummary(story_id, headline, summary_json);
  }
  Status SetStorylines(const std::vector<std::pair<int64_t, int64_t>>& assignments) override {
    return s_.SetStorylines(assignments);
  }
  Status PutStoryProfile(const StoredStoryProfile& profile) override {
    return s_.PutStoryProfile(profile);
  }
  Result<StoredStoryProfile> GetStoryProfile(int64_t story_id) override {
    return s_.GetStoryProfile(story_id);
  }
  Result<std::vector<int64_t>> FindStoriesByEntities(const std::vector<int64_t>& entity_ids,
                                                     int64_t limit) override {
    return s_.FindStoriesByEntities(entity_ids, limit);
  }
  Result<std::vector<int64_t>> ListStorylineStories(int64_t storyline_id) override {
    return s_.ListStorylineStories(storyline_id);
  }
  Status PutCopyLink(const CopyLinkRow& link) override { return s_.PutCopyLink(link); }
  Status ClearStories() override { return s_.ClearStories(); }
  Result<StoryRow> GetStory(int64_t id) override { return s_.GetStory(id); }
  Result<std::vector<StoryRow>> ListStories(const StoryListOptions& options) override {
    return s_.ListStories(options);
  }
  Result<std::vector<StoryMemberView>> ListStoryMembers(int64_t story_id) override {
    return s_.ListStoryMembers(story_id);
  }
  Result<StoryMember> GetStoryMember(int64_t article_id) override {
    return s_.GetStoryMember(article_id);
  }
  Status ForEachRecentMember(int64_t since, int64_t latest_articles,
                             const std::function<Status(const StoryMember&)>& fn) override {
    return s_.ForEachRecentMember(since, latest_articles, fn);
  }
  Result<int64_t> LatestStoryTime() override { return s_.LatestStoryTime(); }
  Result<int64_t> MaxStoryId() override { return s_.MaxStoryId(); }
  Result<std::vector<CopyLinkRow>> ListCopies(int64_t article_id) override {
    return s_.ListCopies(article_id);
  }
  Result<std::vector<std::pair<int64_t, int64_t>>> ListStorylines() override {
    return s_.ListStorylines();
  }
  Status DeleteArticle(int64_t id) override { return s_.DeleteArticle(id); }
  Result<std::vector<StoryMemberView>> ListStoryMembersPage(int64_t story_id, int64_t limit,
                                                            int64_t offset) override {
    return s_.ListStoryMembersPage(story_id, limit, offset);
  }
  Result<std::vector<ArticleTerms>> GetArticleTerms(const std::vector<int64_t>& ids) override {
    return s_.GetArticleTerms(ids);
  }

 protected:
  Store& s_;
};

}  // namespace veille

#endif  // VEILLE_TESTS_PIPELINE_FORWARDING_STORE_H_
