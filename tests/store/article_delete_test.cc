// Store::DeleteArticle: everything derived from the article goes in one
// transaction (revisions, features, LSH keys, entity links, FTS row, copy
// links, membership, document frequencies, unshared raw bytes); its story is
// refreshed; a rolled-back delete leaves the article whole.
// Store::GetArticleTerms: term vectors without the text.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

class ArticleDeleteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::path(::testing::TempDir()) /
        ("delete_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "t.db").string(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    EntityRow e;
    e.id = 1;
    e.canonical = "Vladimir Putin";
    ASSERT_TRUE(store_->PutEntities({e}, {}).ok());
  }

  // Stores `bytes` under `key` with `title`, and features of one body term
  // `word`, LSH key `lsh` and a mention of entity 1, counted in the
  // document frequencies as the pipeline does.
  PutResult Put(const std::string& key, const std::string& bytes, const std::string& title,
                const std::string& word, uint64_t lsh) {
    RawDocument raw;
    raw.input = key;
    raw.format = DocFormat::kText;
    raw.bytes = bytes;
    Article a;
    a.title = title;
    a.text = title + " " + word;
    a.site = key + ".example";
    auto put = store_->PutArticle(key, raw, a);
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    AnalyzedArticle f;
    f.title_terms = {{word, 1}};
    f.body_terms = {{word, 2}, {"zeta", 1}};
    f.lsh_keys = {lsh};
    EntityMention m;
    m.entity_id = 1;
    f.entities.mentions.push_back(m);
    EXPECT_TRUE(store_->PutFeatures(put->article_id, put->revision, f).ok());
    EXPECT_TRUE(store_->ApplyDocumentFrequencyDeltas(1, {{word, 1}, {"zeta", 1}}).ok());
    return *put;
  }

  void Join(int64_t article, int64_t story, int64_t time, const std::string& site) {
    StoryMember m;
    m.article_id = article;
    m.story_id = story;
    m.time = time;
    m.site = site;
    ASSERT_TRUE(store_->PutStoryMember(m).ok());
  }

  int64_t Df(const std::string& term) {
    auto snap = store_->LoadDocumentFrequencies();
    EXPECT_TRUE(snap.ok());
    for (const auto& [t, df] : snap->terms) {
      if (t == term) return df;
    }
    return 0;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ArticleDeleteTest, RemovesEverythingDerivedAndRefreshesTheStory) {
  const PutResult a = Put("a", "bytes one", "Sommet alpha", "alpha", 11);
  const PutResult b = Put("b", "bytes one", "Sommet beta", "beta", 11);  // shares a's raw bytes
  const PutResult c = Put("c", "bytes three", "Sommet gamma", "gamma", 33);
  Join(a.article_id, 7, 1000, "a.example");
  Join(b.article_id, 7, 2000, "b.example");
  Join(c.article_id, 8, 3000, "c.example");
  ASSERT_TRUE(store_->PutStorySummary(7, "Summit headline", R"({"sentences":[]})").ok());
  ASSERT_TRUE(store_->PutCopyLink({a.article_id, b.article_id, 0.9, false}).ok());
  StoredStoryProfile profile;
  profile.story_id = 8;
  profile.terms = {{"gamma", 1.0f}};
  profile.entities = {{1, 1.0f}};
  ASSERT_TRUE(store_->PutStoryProfile(profile).ok());
  auto before = store_->Stats();
  ASSERT_TRUE(before.ok());

  ASSERT_TRUE(store_->DeleteArticle(a.article_id).ok());
  EXPECT_EQ(store_->GetArticle(a.article_id).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(*store_->HasFeatures(a.article_id, a.revision));
  EXPECT_TRUE(store_->GetArticleEntities(a.article_id)->empty());
  EXPECT_EQ(*store_->FindLshCandidates({11}, 10), std::vector<int64_t>{b.article_id});
  auto hits = store_->Search("alpha", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
  EXPECT_TRUE(store_->ListCopies(b.article_id)->empty());  // b is an original now
  // The raw bytes b shares stay readable.
  EXPECT_TRUE(store_->GetRawBytes(b.article_id, b.revision).ok());
  auto after = store_->Stats();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->articles, before->articles - 1);
  EXPECT_EQ(after->raw_documents, before->raw_documents);
  EXPECT_EQ(Df("alpha"), 0);
  EXPECT_EQ(Df("zeta"), 2);
  EXPECT_EQ(store_->LoadDocumentFrequencies()->documents, 2);
  auto story = store_->GetStory(7);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->article_count, 1);
  EXPECT_EQ(story->first_time, 2000);
  EXPECT_EQ(story->summary_json, "");
  EXPECT_EQ(story->headline, "Sommet beta");
  EXPECT_EQ(store_->GetStoryMember(a.article_id).status().code(), StatusCode::kNotFound);

  // The last member of story 8: the story leaves the list and its profile goes.
  ASSERT_TRUE(store_->DeleteArticle(c.article_id).ok());
  EXPECT_EQ(store_->GetStoryProfile(8).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->FindStoriesByEntities({1}, 10)->empty());
  auto listed = store_->ListStories(StoryListOptions());
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, 7);
  EXPECT_EQ(store_->Stats()->raw_documents, before->raw_documents - 1);

  EXPECT_EQ(store_->DeleteArticle(a.article_id).code(), StatusCode::kNotFound);
}

TEST_F(ArticleDeleteTest, RolledBackDeleteLeavesTheArticle) {
  const PutResult a = Put("a", "bytes one", "Sommet alpha", "alpha", 11);
  Join(a.article_id, 7, 1000, "a.example");
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->DeleteArticle(a.article_id).ok());
  ASSERT_TRUE(store_->Rollback().ok());
  EXPECT_TRUE(store_->GetArticle(a.article_id).ok());
  EXPECT_EQ(store_->GetStory(7)->article_count, 1);
  EXPECT_EQ(store_->Search("alpha", 10)->size(), 1u);
  EXPECT_EQ(Df("alpha"), 1);
}

TEST_F(ArticleDeleteTest, ArticleTermsWithoutText) {
  const PutResult a = Put("a", "bytes one", "Sommet alpha", "alpha", 11);
  auto terms = store_->GetArticleTerms({999, a.article_id});
  ASSERT_TRUE(terms.ok());
  ASSERT_EQ(terms->size(), 1u);
  EXPECT_EQ((*terms)[0].id, a.article_id);
  EXPECT_EQ((*terms)[0].title, "Sommet alpha");
  EXPECT_EQ((*terms)[0].site, "a.example");
  ASSERT_EQ((*terms)[0].body_terms.size(), 2u);
  EXPECT_EQ((*terms)[0].body_terms[0].term, "alpha");
  EXPECT_EQ((*terms)[0].title_terms[0].count, 1);
}

// PutStorySummary keeps what a list shows (lead, key entities) beside the
// summary, and stores only a JSON object, which readers may splice as is.
TEST_F(ArticleDeleteTest, SummaryLeadAndKeyEntities) {
  const PutResult a = Put("a", "bytes one", "Sommet alpha", "alpha", 11);
  Join(a.article_id, 7, 1000, "a.example");
  ASSERT_TRUE(store_
                  ->PutStorySummary(7, "H",
                                    R"({"sentences":[{"text":"First."},{"text":"Second."}],)"
                                    R"("entities":[{"name":"A"},{"id":3},{"name":"B"}]})")
                  .ok());
  auto listed = store_->ListStories(StoryListOptions());
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].lead, "First.");
  EXPECT_EQ((*listed)[0].key_entities, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ((*listed)[0].summary_json, "");  // lists do not read it
  EXPECT_NE(store_->GetStory(7)->summary_json, "");
  EXPECT_EQ(store_->PutStorySummary(7, "H", "[1]").code(), StatusCode::kInvalidInput);
  EXPECT_EQ(store_->PutStorySummary(7, "H", "{").code(), StatusCode::kInvalidInput);
  ASSERT_TRUE(store_->DeleteArticle(a.article_id).ok());
  EXPECT_EQ(store_->GetStory(7)->lead, "");
  EXPECT_TRUE(store_->GetStory(7)->key_entities.empty());
}

}  // namespace
}  // namespace veille
