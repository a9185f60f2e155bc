// A story row's derived columns, kept from each change alone
// (store/story_counts.h), against a full recount from story_members after a
// seeded sequence of joins, moves, re-placements, merges, summaries,
// revisions and deletions.
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/sqlite_db.h"
#include "store/story_table.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

// The columns as the store keeps them, or as a recount gives them.
struct Counts {
  int64_t first_time = 0, last_time = 0, article_count = 0, source_count = 0;
  std::string lang, headline;
  bool operator==(const Counts&) const = default;
};

std::string Show(const Counts& c) {
  return std::to_string(c.first_time) + " " + std::to_string(c.last_time) + " " +
         std::to_string(c.article_count) + " " + std::to_string(c.source_count) + " [" + c.lang +
         "] [" + c.headline + "]";
}

class StoryCountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test: ctest runs them in parallel.
    dir_ = fs::path(::testing::TempDir()) /
           ("story_counts_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    auto store = OpenSqliteStore(path_, StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    auto db = store::SqliteDb::Open(path_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  int64_t Put(const std::string& key, const std::string& title, const std::string& lang) {
    RawDocument raw;
    raw.input = key;
    raw.format = DocFormat::kText;
    raw.bytes = title + lang;
    Article a;
    a.title = title;
    a.text = title + " text";
    a.lang = lang;
    auto put = store_->PutArticle(key, raw, a);
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    return put.ok() ? put->article_id : 0;
  }

  // What the story's row should say: recounted from all its members.
  Counts Recount(int64_t story) {
    auto s = db_->Prepare(
        "SELECT COALESCE((SELECT MIN(time) FROM story_members WHERE story_id = ?1), 0), "
        "COALESCE((SELECT MAX(time) FROM story_members WHERE story_id = ?1), 0), "
        "(SELECT COUNT(*) FROM story_members WHERE story_id = ?1), "
        "(SELECT COUNT(DISTINCT site) FROM story_members WHERE story_id = ?1 AND site <> ''), "
        "COALESCE((SELECT r.lang FROM story_members m JOIN articles a ON a.id = m.article_id "
        "  JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "
        "  WHERE m.story_id = ?1 AND r.lang <> '' "
        "  GROUP BY r.lang ORDER BY COUNT(*) DESC, r.lang LIMIT 1), ''), "
        "(SELECT CASE WHEN summary_json <> '' THEN headline ELSE COALESCE((SELECT r.title "
        "  FROM story_members m JOIN articles a ON a.id = m.article_id "
        "  JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "
        "  WHERE m.story_id = ?1 ORDER BY m.time, m.article_id LIMIT 1), '') END "
        "  FROM stories WHERE id = ?1)");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return {};
    s->BindInt(1, story);
    auto row = s->Step();
    EXPECT_TRUE(row.ok() && *row);
    return Counts{s->ColumnInt(0), s->ColumnInt(1),  s->ColumnInt(2),
                  s->ColumnInt(3), s->ColumnText(4), s->ColumnText(5)};
  }

  Counts Kept(int64_t story) {
    auto r = store_->GetStory(story);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return {};
    return Counts{r->first_time,   r->last_time, r->article_count,
                  r->source_count, r->lang,      r->headline};
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<store::SqliteDb> db_;  // a second connection, for the recount
};

TEST_F(StoryCountsTest, KeptCountsEqualARecountAfterEverySortOfChange) {
  std::mt19937 rng(7);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<std::string> langs = {"fr", "en", "de", ""};
  const std::vector<std::string> sites = {"a.fr", "b.fr", "c.com", ""};
  constexpr int kStories = 6;
  std::map<int64_t, std::string> key_of;   // by article id
  std::vector<int64_t> placed;             // live articles in a story
  std::vector<int64_t> story_of(1000, 0);  // by article id
  std::vector<bool> merged(kStories + 1, false);
  auto live_story = [&] {
    for (;;) {
      const int s = 1 + pick(kStories);
      if (!merged[s]) return s;
    }
  };
  int next_key = 0;
  int checked = 0;
  for (int step = 0; step < 400; ++step) {
    const int op = pick(100);
    std::string what;
    if (op < 45 || placed.size() < 3) {  // a new article joins a story
      const int64_t id =
          Put("k" + std::to_string(next_key), "T" + std::to_string(next_key), langs[pick(4)]);
      key_of[id] = "k" + std::to_string(next_key);
      ++next_key;
      StoryMember m;
      m.article_id = id;
      m.story_id = live_story();
      m.time = 1000 + pick(50) * 10;  // ties on time: the article id decides
      m.site = sites[pick(4)];
      ASSERT_TRUE(store_->PutStoryMember(m).ok());
      placed.push_back(id);
      story_of[id] = m.story_id;
      what = "join";
    } else if (op < 55) {  // a member moves or is re-placed
      const int64_t id = placed[pick(static_cast<int>(placed.size()))];
      StoryMember m;
      m.article_id = id;
      m.story_id = pick(2) == 0 ? story_of[id] : live_story();
      m.time = 1000 + pick(50) * 10;
      m.site = sites[pick(4)];
      ASSERT_TRUE(store_->PutStoryMember(m).ok());
      story_of[id] = m.story_id;
      what = "move";
    } else if (op < 63) {  // two live stories merge
      const int from = live_story(), into = live_story();
      if (from == into) continue;
      ASSERT_TRUE(store_->MergeStories(from, into).ok());
      merged[from] = true;
      for (int64_t id : placed) {
        if (story_of[id] == from) story_of[id] = into;
      }
      what = "merge";
    } else if (op < 73) {  // a summary sets the headline
      const int s = live_story();
      ASSERT_TRUE(
          store_->PutStorySummary(s, "Summary " + std::to_string(step), R"({"sentences":[]})")
              .ok());
      what = "summary";
    } else if (op < 85) {  // a member is revised (new language, new title)
      const int64_t id = placed[pick(static_cast<int>(placed.size()))];
      RawDocument raw;
      raw.input = key_of[id];
      raw.format = DocFormat::kText;
      raw.bytes = "revised " + std::to_string(step);
      Article a;
      a.title = "R" + std::to_string(step);
      a.text = "revised";
      a.lang = langs[pick(4)];
      auto put = store_->PutArticle(raw.input, raw, a);
      ASSERT_TRUE(put.ok()) << put.status().ToString();
      ASSERT_EQ(put->article_id, id);
      what = "revise";
    } else {  // an article is deleted
      const size_t at = static_cast<size_t>(pick(static_cast<int>(placed.size())));
      const int64_t id = placed[at];
      ASSERT_TRUE(store_->DeleteArticle(id).ok());
      placed.erase(placed.begin() + static_cast<std::ptrdiff_t>(at));
      story_of[id] = 0;
      what = "delete";
    }
    for (int s = 1; s <= kStories; ++s) {
      if (!store_->GetStory(s).ok()) continue;  // not created yet
      const Counts kept = Kept(s), want = Recount(s);
      ASSERT_EQ(kept, want) << "story " << s << " after step " << step << " (" << what << "): kept "
                            << Show(kept) << ", recount " << Show(want);
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000);
}

// A store written at schema version 4 (no story_langs) is migrated to 5 with
// the languages backfilled: a story's language then stays right as members
// join.
TEST_F(StoryCountsTest, VersionFourStoreIsBackfilled) {
  for (int i = 0; i < 5; ++i) {
    StoryMember m;
    m.article_id = Put("k" + std::to_string(i), "T" + std::to_string(i), i < 3 ? "fr" : "en");
    m.story_id = 1;
    m.time = 1000 + i;
    m.site = "site" + std::to_string(i);
    ASSERT_TRUE(store_->PutStoryMember(m).ok());
  }
  store_.reset();
  ASSERT_TRUE(db_->Exec("DROP TABLE story_langs; DROP INDEX story_members_by_site; "
                        "DROP INDEX stories_by_merged_into; "
                        "PRAGMA user_version = 4")
                  .ok());
  auto reopened = OpenSqliteStore(path_, StoreOptions());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(reopened).value();
  EXPECT_EQ(*db_->QueryInt("PRAGMA user_version"), 7);
  EXPECT_EQ(*db_->QueryInt("SELECT members FROM story_langs WHERE story_id = 1 AND lang = 'fr'"),
            3);
  // Two more English members: English now leads, as a recount says.
  for (int i = 5; i < 7; ++i) {
    StoryMember m;
    m.article_id = Put("k" + std::to_string(i), "T" + std::to_string(i), "en");
    m.story_id = 1;
    m.time = 1000 + i;
    ASSERT_TRUE(store_->PutStoryMember(m).ok());
  }
  EXPECT_EQ(Kept(1), Recount(1));
  EXPECT_EQ(Kept(1).lang, "en");
}

// A merge re-points the stories merged earlier into the merged one: that
// statement must probe the merged_into index (version 6), not scan every story
// row, or each merge costs the size of the base.
TEST_F(StoryCountsTest, MergeRepointingUsesTheMergedIntoIndex) {
  const std::string sql = std::string("EXPLAIN QUERY PLAN ") + store::kRepointMergedSql;
  auto plan = db_->Prepare(sql.c_str());
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::string details;
  for (;;) {
    auto row = plan->Step();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    details += plan->ColumnText(3) + "\n";
  }
  EXPECT_NE(details.find("stories_by_merged_into"), std::string::npos) << details;
  EXPECT_EQ(details.find("SCAN stories"), std::string::npos) << details;
}

}  // namespace
}  // namespace veille
