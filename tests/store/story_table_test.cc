// The story tables of the store (schema version 4): membership with derived
// counts and times, moves between stories, merges that keep the old id
// resolvable, summaries, storylines, filters and orders of the story list,
// copy groups, the members restored at start-up, and ClearStories.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::Pair;

class StoryTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::path(::testing::TempDir()) /
        ("stories_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "t.db").string(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  int64_t Put(const std::string& key, const std::string& title, const std::string& lang) {
    RawDocument raw;
    raw.input = key;
    raw.format = DocFormat::kText;
    raw.bytes = title;
    Article a;
    a.title = title;
    a.text = title + " text";
    a.lang = lang;
    auto put = store_->PutArticle(key, raw, a);
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    return put.ok() ? put->article_id : 0;
  }

  void Join(int64_t article, int64_t story, int64_t time, const std::string& site) {
    StoryMember m;
    m.article_id = article;
    m.story_id = story;
    m.time = time;
    m.site = site;
    m.score = 0.5;
    m.why_json = R"({"score":0.5})";
    Status s = store_->PutStoryMember(m);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // The article ids ForEachRecentMember(since, latest_articles) visits.
  std::vector<int64_t> RecentMembers(int64_t since, int64_t latest_articles) {
    std::vector<int64_t> seen;
    Status s = store_->ForEachRecentMember(since, latest_articles, [&](const StoryMember& m) {
      seen.push_back(m.article_id);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return seen;
  }

  StoryRow Story(int64_t id) {
    auto r = store_->GetStory(id);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : StoryRow();
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoryTableTest, MembersDeriveCountsTimesLanguageAndHeadline) {
  const int64_t a = Put("a", "Sommet à Vladivostok", "fr");
  const int64_t b = Put("b", "Kim rencontre Poutine", "fr");
  const int64_t c = Put("c", "Kim meets Putin", "en");
  Join(b, 7, 2000, "lemonde.fr");
  Join(a, 7, 1000, "lefigaro.fr");
  Join(c, 7, 3000, "lemonde.fr");
  StoryRow s = Story(7);
  EXPECT_EQ(s.first_time, 1000);
  EXPECT_EQ(s.last_time, 3000);
  EXPECT_EQ(s.article_count, 3);
  EXPECT_EQ(s.source_count, 2);
  EXPECT_EQ(s.lang, "fr");
  EXPECT_EQ(s.headline, "Sommet à Vladivostok");  // the earliest member's title
  auto members = store_->ListStoryMembers(7);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 3u);
  EXPECT_EQ((*members)[0].member.article_id, a);
  EXPECT_EQ((*members)[0].title, "Sommet à Vladivostok");
  EXPECT_EQ((*members)[2].member.why_json, R"({"score":0.5})");
  EXPECT_EQ(store_->GetStoryMember(b)->story_id, 7);
  EXPECT_EQ(store_->GetStoryMember(999).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*store_->LatestStoryTime(), 3000);
  EXPECT_EQ(*store_->MaxStoryId(), 7);
}

TEST_F(StoryTableTest, MovingAMemberRefreshesBothStories) {
  const int64_t a = Put("a", "A", "fr");
  const int64_t b = Put("b", "B", "fr");
  Join(a, 1, 100, "x");
  Join(b, 1, 200, "y");
  Join(b, 2, 200, "y");
  EXPECT_EQ(Story(1).article_count, 1);
  EXPECT_EQ(Story(1).last_time, 100);
  EXPECT_EQ(Story(2).article_count, 1);
  StoryMember m;
  m.article_id = 12345;
  m.story_id = 1;
  EXPECT_EQ(store_->PutStoryMember(m).code(), StatusCode::kNotFound);
}

TEST_F(StoryTableTest, MergeMovesMembersAndKeepsTheOldIdResolvable) {
  const int64_t a = Put("a", "A", "fr");
  const int64_t b = Put("b", "B", "fr");
  const int64_t c = Put("c", "C", "fr");
  Join(a, 1, 100, "x");
  Join(b, 2, 200, "y");
  Join(c, 3, 300, "z");
  ASSERT_TRUE(store_->MergeStories(3, 2).ok());
  ASSERT_TRUE(store_->MergeStories(2, 1).ok());
  EXPECT_EQ(Story(1).article_count, 3);
  EXPECT_EQ(Story(1).source_count, 3);
  EXPECT_EQ(Story(2).merged_into, 1);
  EXPECT_EQ(Story(3).merged_into, 1);  // followed through 2
  EXPECT_EQ(Story(2).article_count, 0);
  EXPECT_EQ(store_->MergeStories(1, 1).code(), StatusCode::kInvalidInput);
  auto list = store_->ListStories(StoryListOptions());
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);  // merged stories are not listed
  EXPECT_EQ((*list)[0].id, 1);
}

TEST_F(StoryTableTest, SummaryHeadlineSurvivesNewMembers) {
  const int64_t a = Put("a", "First title", "fr");
  const int64_t b = Put("b", "Earlier title", "fr");
  Join(a, 4, 100, "x");
  ASSERT_TRUE(
      store_->PutStorySummary(4, "Chosen headline", R"({"headline":"Chosen headline"})").ok());
  Join(b, 4, 50, "y");
  EXPECT_EQ(Story(4).headline, "Chosen headline");
  EXPECT_EQ(Story(4).summary_json, R"({"headline":"Chosen headline"})");
  EXPECT_EQ(store_->PutStorySummary(99, "h", "{}").code(), StatusCode::kNotFound);
}

TEST_F(StoryTableTest, ListFiltersAndOrders) {
  const int64_t a = Put("a", "A", "fr");
  const int64_t b = Put("b", "B", "en");
  const int64_t c = Put("c", "C", "fr");
  const int64_t d = Put("d", "D", "fr");
  Join(a, 1, 1000, "x");  // story 1: one source, old
  Join(b, 2, 500, "x");   // story 2: two sources, older, English
  Join(c, 2, 600, "y");
  Join(d, 3, 2000, "z");  // story 3: newest
  ASSERT_TRUE(store_->SetStorylines({{1, 1}, {2, 1}, {3, 3}}).ok());
  auto ids = [&](const StoryListOptions& o) {
    std::vector<int64_t> out;
    auto r = store_->ListStories(o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r.ok()) {
      for (const StoryRow& s : *r) out.push_back(s.id);
    }
    return out;
  };
  StoryListOptions o;
  EXPECT_THAT(ids(o), ElementsAre(3, 1, 2));
  o.order = StoryListOptions::Order::kImportance;
  EXPECT_THAT(ids(o), ElementsAre(2, 3, 1));
  o = StoryListOptions();
  o.since = 900;
  EXPECT_THAT(ids(o), ElementsAre(3, 1));
  o.until = 1500;
  EXPECT_THAT(ids(o), ElementsAre(1));
  o = StoryListOptions();
  o.site = "y";
  EXPECT_THAT(ids(o), ElementsAre(2));
  o = StoryListOptions();
  o.storyline_id = 1;
  EXPECT_THAT(ids(o), ElementsAre(1, 2));
  o = StoryListOptions();
  o.lang = "fr";
  EXPECT_THAT(ids(o),
              ElementsAre(3, 1));  // story 2 is half English: its lang is "en" (ties by name)
  o = StoryListOptions();
  o.limit = 1;
  o.offset = 1;
  EXPECT_THAT(ids(o), ElementsAre(1));
  auto lines = store_->ListStorylines();
  ASSERT_TRUE(lines.ok());
  EXPECT_THAT(*lines, ElementsAre(Pair(1, 1), Pair(2, 1), Pair(3, 3)));
}

TEST_F(StoryTableTest, CopyGroupsSeenFromAnyMember) {
  const int64_t a = Put("a", "A", "fr");
  const int64_t b = Put("b", "B", "fr");
  const int64_t c = Put("c", "C", "fr");
  ASSERT_TRUE(store_->PutCopyLink({a, b, 0.9, false}).ok());
  ASSERT_TRUE(store_->PutCopyLink({a, c, 1.0, true}).ok());
  for (int64_t id : {a, b, c}) {
    auto links = store_->ListCopies(id);
    ASSERT_TRUE(links.ok());
    ASSERT_EQ(links->size(), 2u) << id;
    EXPECT_EQ((*links)[0].original_id, a);
    EXPECT_EQ((*links)[1].copy_id, c);
    EXPECT_TRUE((*links)[1].exact);
  }
  EXPECT_EQ(store_->PutCopyLink({a, a, 1.0, true}).code(), StatusCode::kInvalidInput);
  Join(b, 1, 10, "x");
  auto members = store_->ListStoryMembers(1);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ((*members)[0].original_id, a);
}

TEST_F(StoryTableTest, RecentMembersAndClear) {
  const int64_t a = Put("a", "A", "fr");
  const int64_t b = Put("b", "B", "fr");
  const int64_t c = Put("c", "C", "fr");
  Join(a, 1, 100, "x");
  Join(b, 2, 5000, "x");
  Join(c, 2, 4000, "y");
  EXPECT_THAT(RecentMembers(1000, 0), ElementsAre(c, b));  // by time
  // Story 1 is old, but holds the most recently stored article when asked.
  EXPECT_THAT(RecentMembers(1000000, 1), ElementsAre(c, b));  // c has the highest id: its story
  const int64_t d = Put("d", "D", "fr");
  Join(d, 1, 200, "x");
  EXPECT_THAT(RecentMembers(1000000, 1), ElementsAre(a, d));
  ASSERT_TRUE(store_->PutCopyLink({a, b, 0.8, false}).ok());
  ASSERT_TRUE(store_->ClearStories().ok());
  EXPECT_EQ(store_->GetStory(1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*store_->MaxStoryId(), 2);           // cleared ids are never handed out again
  EXPECT_EQ(store_->ListCopies(a)->size(), 1u);  // copy links stay
}

TEST_F(StoryTableTest, WriteGenerationCountsCommits) {
  EXPECT_EQ(*store_->WriteGeneration(), 0);
  ASSERT_TRUE(store_->Begin().ok());
  EXPECT_EQ(*store_->BumpWriteGeneration(), 1);
  ASSERT_TRUE(store_->Rollback().ok());
  EXPECT_EQ(*store_->WriteGeneration(), 0);
  EXPECT_EQ(*store_->BumpWriteGeneration(), 1);
  EXPECT_EQ(*store_->BumpWriteGeneration(), 2);
  EXPECT_EQ(*store_->WriteGeneration(), 2);
}

TEST_F(StoryTableTest, StoriesSurviveReopen) {
  const int64_t a = Put("a", "A", "fr");
  Join(a, 5, 100, "x");
  store_.reset();
  auto store = OpenSqliteStore((dir_ / "t.db").string(), StoreOptions());
  ASSERT_TRUE(store.ok());
  auto s = (*store)->GetStory(5);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->article_count, 1);
}

TEST_F(StoryTableTest, ProfilesIndexTheirCentralEntities) {
  const int64_t a = Put("a", "A", "fr");
  const int64_t b = Put("b", "B", "fr");
  const int64_t c = Put("c", "C", "fr");
  Join(a, 1, 100, "x");
  Join(b, 2, 200, "y");
  Join(c, 3, 300, "z");
  ASSERT_TRUE(
      store_->PutStoryProfile({1, {{"sommet", 0.8f}, {"kim", 0.6f}}, {{7, 0.9f}, {8, 0.4f}}}).ok());
  ASSERT_TRUE(store_->PutStoryProfile({2, {{"visit", 1.0f}}, {{8, 1.0f}}}).ok());
  ASSERT_TRUE(store_->PutStoryProfile({3, {{"rugby", 1.0f}}, {{9, 1.0f}}}).ok());
  auto p = store_->GetStoryProfile(1);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->terms.size(), 2u);
  EXPECT_EQ(p->terms[0].first, "sommet");
  EXPECT_FLOAT_EQ(p->entities[1].second, 0.4f);
  EXPECT_THAT(*store_->FindStoriesByEntities({8}, 10), ElementsAre(1, 2));
  EXPECT_THAT(*store_->FindStoriesByEntities({7, 9}, 10), ElementsAre(1, 3));
  EXPECT_TRUE(store_->FindStoriesByEntities({42}, 10)->empty());
  // Replacing a profile replaces its index rows.
  ASSERT_TRUE(store_->PutStoryProfile({1, {{"sommet", 1.0f}}, {{9, 1.0f}}}).ok());
  EXPECT_THAT(*store_->FindStoriesByEntities({8}, 10), ElementsAre(2));
  // A merged-away story loses its profile.
  ASSERT_TRUE(store_->MergeStories(3, 1).ok());
  EXPECT_EQ(store_->GetStoryProfile(3).status().code(), StatusCode::kNotFound);
  EXPECT_THAT(*store_->FindStoriesByEntities({9}, 10), ElementsAre(1));
  // ... and cannot get one back.
  EXPECT_EQ(store_->PutStoryProfile({3, {{"rugby", 1.0f}}, {{9, 1.0f}}}).code(),
            StatusCode::kInvalidInput);
  EXPECT_THAT(*store_->FindStoriesByEntities({9}, 10), ElementsAre(1));
  ASSERT_TRUE(store_->SetStorylines({{1, 1}, {2, 1}}).ok());
  EXPECT_THAT(*store_->ListStorylineStories(1), ElementsAre(1, 2));
  ASSERT_TRUE(store_->ClearStories().ok());
  EXPECT_EQ(store_->GetStoryProfile(1).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->FindStoriesByEntities({8}, 10)->empty());
}

}  // namespace
}  // namespace veille
