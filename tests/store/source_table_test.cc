// Sources in the SQLite store: subscribe once per URL, list, update the
// polling state, and upgrade of a version-1 store (migration 2).
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

class SourceTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::path(::testing::TempDir()) /
        ("sources_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> s = OpenSqliteStore(path_, StoreOptions());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  fs::path dir_;
  std::string path_;
};

Source Feed(const std::string& url) {
  Source s;
  s.url = url;
  s.kind = SourceKind::kFeed;
  s.title = "Un flux";
  s.poll_interval_s = 900;
  return s;
}

TEST_F(SourceTableTest, AddIsIdempotentPerUrl) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<AddSourceResult> first = store->AddSource(Feed("https://a.example/feed.xml"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->added);
  EXPECT_GT(first->source.id, 0);
  EXPECT_FALSE(first->source.added_at.empty());
  Source other = Feed("https://a.example/feed.xml");
  other.title = "autre titre";
  Result<AddSourceResult> again = store->AddSource(other);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->added);
  EXPECT_EQ(again->source.id, first->source.id);
  EXPECT_EQ(again->source.title, "Un flux");  // unchanged
  ASSERT_TRUE(store->AddSource(Feed("https://b.example/")).ok());
  Result<std::vector<Source>> all = store->ListSources();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].url, "https://a.example/feed.xml");
  EXPECT_EQ((*all)[0].kind, SourceKind::kFeed);
  EXPECT_EQ((*all)[0].poll_interval_s, 900);
  EXPECT_EQ((*all)[1].url, "https://b.example/");
  EXPECT_EQ(store->AddSource(Feed("")).status().code(), StatusCode::kInvalidInput);
}

TEST_F(SourceTableTest, StateSurvivesReopen) {
  int64_t id = 0;
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    Result<AddSourceResult> r = store->AddSource(Feed("https://a.example/feed.xml"));
    ASSERT_TRUE(r.ok());
    Source s = r->source;
    id = s.id;
    s.kind = SourceKind::kPage;
    s.etag = "\"abc\"";
    s.last_modified = "Wed, 21 Oct 2015 07:28:00 GMT";
    s.last_fetch = "2026-01-02T03:04:05Z";
    s.last_status = 503;
    s.last_error = "server error 503";
    s.error_count = 2;
    s.next_poll = "2026-01-02T04:04:05Z";
    s.items_seen = 17;
    s.poll_interval_s = 1800;
    ASSERT_TRUE(store->UpdateSourceState(s).ok());
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<Source> s = store->FindSource("https://a.example/feed.xml");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->id, id);
  EXPECT_EQ(s->kind, SourceKind::kPage);
  EXPECT_EQ(s->etag, "\"abc\"");
  EXPECT_EQ(s->last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(s->last_fetch, "2026-01-02T03:04:05Z");
  EXPECT_EQ(s->last_status, 503);
  EXPECT_EQ(s->last_error, "server error 503");
  EXPECT_EQ(s->error_count, 2);
  EXPECT_EQ(s->next_poll, "2026-01-02T04:04:05Z");
  EXPECT_EQ(s->items_seen, 17);
  EXPECT_EQ(s->poll_interval_s, 1800);
  EXPECT_EQ(store->FindSource("https://nope.example/").status().code(), StatusCode::kNotFound);
  Source ghost = *s;
  ghost.id = 999;
  EXPECT_EQ(store->UpdateSourceState(ghost).code(), StatusCode::kNotFound);
}

// A store written by a version-1 program (no sources table) is upgraded in
// place and keeps its articles.
TEST_F(SourceTableTest, MigratesVersionOneStore) {
  // A store as the version-1 program left it: its schema, one article.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  std::string sql = std::string(store::Migrations()[0].sql) +
                    "PRAGMA application_id = 1449486700; PRAGMA user_version = 1;"
                    "INSERT INTO raw_documents VALUES (1, 'h', 'html', 8, 'zstd', x'00');"
                    "INSERT INTO articles VALUES (1, 'k', '', 1, '2019-01-01T00:00:00Z', "
                    "'2019-01-01T00:00:00Z');"
                    "INSERT INTO revisions VALUES (1, 1, 1, 'in', 0, 'html', "
                    "'2019-01-01T00:00:00Z', '', 't', '', '', '', '', '', '', '[]', '[]', '', "
                    "'', '', '', '', '', 0);";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Stats()->schema_version, store::LatestSchemaVersion());
  EXPECT_EQ(store->Stats()->articles, 1);
  EXPECT_EQ(store->GetArticle(1)->article.title, "t");
  EXPECT_TRUE(store->AddSource(Feed("https://a.example/")).ok());
}

}  // namespace
}  // namespace veille
