// Tests of the embedded SQLite store (src/store/sqlite_store.cc,
// migrations.cc, raw_codec.cc) through the Store interface, plus raw SQLite
// access to damage or inspect the file.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/raw_codec.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

RawDocument Raw(std::string bytes, std::string input = "in.html") {
  RawDocument raw;
  raw.input = std::move(input);
  raw.format = DocFormat::kHtml;
  raw.bytes = std::move(bytes);
  return raw;
}

Article MakeArticle(std::string title, std::string text) {
  Article a;
  a.url = "https://example.org/a";
  a.title = std::move(title);
  a.text = std::move(text);
  a.lang = "fr";
  a.site = "Exemple";
  return a;
}

// Runs SQL on the file with a separate connection; returns the first column
// of each row joined by "|".
std::string RawQuery(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string out;
  char* err = nullptr;
  const int rc = sqlite3_exec(
      db, sql.c_str(),
      [](void* arg, int, char** values, char**) {
        auto* s = static_cast<std::string*>(arg);
        if (!s->empty()) *s += "|";
        *s += values[0] != nullptr ? values[0] : "NULL";
        return 0;
      },
      &out, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "") << " in " << sql;
  sqlite3_free(err);
  sqlite3_close(db);
  return out;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("veille_store_") + info->name() + "_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "veille.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> OpenOrDie() {
    Result<std::unique_ptr<Store>> store = OpenSqliteStore(path_, StoreOptions());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  int64_t CountArticles(Store& store) {
    Result<StoreStats> stats = store.Stats();
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? stats->articles : -1;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, NewKnownRevisedKeepHistory) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<PutResult> first = store->PutArticle("https://example.org/a", Raw("<p>v1</p>"),
                                              MakeArticle("Titre", "version un"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->outcome, PutOutcome::kNew);
  EXPECT_EQ(first->revision, 1);

  Result<PutResult> again = store->PutArticle("https://example.org/a", Raw("<p>v1</p>"),
                                              MakeArticle("Titre", "version un"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, PutOutcome::kKnown);
  EXPECT_EQ(again->article_id, first->article_id);
  EXPECT_EQ(again->revision, 1);

  Result<PutResult> revised = store->PutArticle("https://example.org/a", Raw("<p>v2</p>"),
                                                MakeArticle("Titre modifié", "version deux"));
  ASSERT_TRUE(revised.ok());
  EXPECT_EQ(revised->outcome, PutOutcome::kRevised);
  EXPECT_EQ(revised->article_id, first->article_id);
  EXPECT_EQ(revised->revision, 2);
  EXPECT_STREQ(PutOutcomeName(revised->outcome), "revised");

  Result<StoredArticle> got = store->GetArticle(first->article_id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->revision, 2);
  EXPECT_EQ(got->revision_count, 2);
  EXPECT_EQ(got->doc_key, "https://example.org/a");
  EXPECT_EQ(got->article.title, "Titre modifié");
  EXPECT_EQ(got->format, "html");
  EXPECT_THAT(got->ingested_at, ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z"));

  // The history keeps both raw inputs.
  EXPECT_EQ(*store->GetRawBytes(first->article_id, 1), "<p>v1</p>");
  EXPECT_EQ(*store->GetRawBytes(first->article_id, 2), "<p>v2</p>");
  EXPECT_EQ(store->GetRawBytes(first->article_id, 3).status().code(), StatusCode::kNotFound);

  // Going back to the first content is a third revision, sharing raw bytes.
  Result<PutResult> back = store->PutArticle("https://example.org/a", Raw("<p>v1</p>"),
                                             MakeArticle("Titre", "version un"));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->outcome, PutOutcome::kRevised);
  EXPECT_EQ(back->revision, 3);
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
  EXPECT_EQ(stats->revisions, 3);
  EXPECT_EQ(stats->raw_documents, 2);
}

TEST_F(SqliteStoreTest, SameBytesUnderAnotherKeyIsAnotherArticle) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<PutResult> a = store->PutArticle("k1", Raw("same"), MakeArticle("A", "x"));
  Result<PutResult> b = store->PutArticle("k2", Raw("same"), MakeArticle("A", "x"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->outcome, PutOutcome::kNew);
  EXPECT_NE(a->article_id, b->article_id);
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 2);
  EXPECT_EQ(stats->raw_documents, 1);
}

TEST_F(SqliteStoreTest, ArticleFieldsRoundTrip) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Article a = MakeArticle("T", "Paragraphe un.\n\nParagraphe deux.");
  a.author = "Jeanne";
  a.published = "2019-04-25T08:30:00Z";
  a.image_url = "https://example.org/i.jpg";
  a.related = {{"Autre", "Un extrait", "https://example.org/b"}, {"", "", ""}};
  a.warnings = {"charset repaired"};
  RawDocument raw = Raw("<html>x</html>", "feed.jsonl");
  raw.record = 7;
  raw.extra_json = R"({"score":3})";
  Result<PutResult> put = store->PutArticle("k", raw, a);
  ASSERT_TRUE(put.ok());
  Result<StoredArticle> got = store->GetArticle(put->article_id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->input, "feed.jsonl");
  EXPECT_EQ(got->record, 7);
  EXPECT_EQ(got->extra_json, R"({"score":3})");
  EXPECT_EQ(got->article.author, "Jeanne");
  EXPECT_EQ(got->article.published, a.published);
  EXPECT_EQ(got->article.text, a.text);
  ASSERT_EQ(got->article.related.size(), 2u);
  EXPECT_EQ(got->article.related[0].snippet, "Un extrait");
  EXPECT_EQ(got->article.related[0].url, "https://example.org/b");
  EXPECT_EQ(got->article.warnings, a.warnings);
  EXPECT_EQ(store->GetArticle(put->article_id + 1).status().code(), StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, RawBytesRoundTripAndCompress) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  std::string binary;
  for (int i = 0; i < 3000; ++i) binary.push_back(static_cast<char>(i * 7919 % 256));
  binary[10] = '\0';
  std::string repetitive;
  while (repetitive.size() < 100000) repetitive += "<div class=\"teaser\">Lire aussi</div>\n";
  Result<PutResult> b = store->PutArticle("bin", Raw(binary), MakeArticle("b", "b"));
  Result<PutResult> r = store->PutArticle("rep", Raw(repetitive), MakeArticle("r", "r"));
  Result<PutResult> e = store->PutArticle("empty", Raw(""), MakeArticle("e", "e"));
  ASSERT_TRUE(b.ok() && r.ok() && e.ok());
  EXPECT_EQ(*store->GetRawBytes(b->article_id, 1), binary);
  EXPECT_EQ(*store->GetRawBytes(r->article_id, 1), repetitive);
  EXPECT_EQ(*store->GetRawBytes(e->article_id, 1), "");
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->raw_bytes, static_cast<int64_t>(binary.size() + repetitive.size()));
  EXPECT_LT(stats->raw_stored_bytes, static_cast<int64_t>(repetitive.size()) / 20);
}

TEST_F(SqliteStoreTest, DamagedRawBytesAreCorruption) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutArticle("k", Raw("hello hello hello"), MakeArticle("t", "x")).ok());
  }
  // Same frame, but the recorded hash no longer matches.
  RawQuery(path_, "UPDATE raw_documents SET content_hash = '00000000000000000000000000000000'");
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<std::string> bytes = store->GetRawBytes(1, 1);
  EXPECT_EQ(bytes.status().code(), StatusCode::kCorruption);
  EXPECT_THAT(bytes.status().message(), HasSubstr("hash"));
  RawQuery(path_, "UPDATE raw_documents SET data = x'0102030405'");
  EXPECT_EQ(store->GetRawBytes(1, 1).status().code(), StatusCode::kCorruption);
}

TEST_F(SqliteStoreTest, ContentHashIsXxh3_128Hex) {
  const std::string h = store::ContentHash("abc");
  EXPECT_EQ(h.size(), 32u);
  EXPECT_EQ(h, store::ContentHash("abc"));
  EXPECT_NE(h, store::ContentHash("abd"));
}

TEST_F(SqliteStoreTest, SearchFoldsAccentsAndRanks) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->PutArticle("a", Raw("a"),
                               MakeArticle("Canicule", "Un été très chaud à Paris cette année."))
                  .ok());
  ASSERT_TRUE(store
                  ->PutArticle("b", Raw("b"),
                               MakeArticle("Kim Jong-un à Vladivostok",
                                           "Le dirigeant nord-coréen Kim Jong-un rencontre "
                                           "Vladimir Poutine."))
                  .ok());
  Result<std::vector<SearchHit>> hits = store->Search("ete", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, 1);
  EXPECT_EQ((*hits)[0].title, "Canicule");
  EXPECT_EQ((*hits)[0].site, "Exemple");
  EXPECT_THAT((*hits)[0].snippet, HasSubstr("[été]"));

  hits = store->Search("Kim Jong-un", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, 2);

  hits = store->Search("poutine OR paris", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 2u);
  hits = store->Search("title:canicule", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
}

TEST_F(SqliteStoreTest, SearchSurvivesFtsSyntax) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(
      store->PutArticle("a", Raw("a"), MakeArticle("Paris (AFP)", "Il a dit \"non\".")).ok());
  for (const char* q : {"\"unbalanced", "(paris", "paris)", "AND", "NOT paris", "a:b", "*", "\"",
                        "((\"))", "-paris", "paris NEAR(", "^", "\"non\" (AFP"}) {
    Result<std::vector<SearchHit>> hits = store->Search(q, 10);
    if (!hits.ok()) {
      EXPECT_EQ(hits.status().code(), StatusCode::kInvalidInput) << q;
    }
  }
  Result<std::vector<SearchHit>> hits = store->Search("Paris (AFP", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 1u);
  EXPECT_EQ(store->Search("   ", 10).status().code(), StatusCode::kInvalidInput);
}

TEST_F(SqliteStoreTest, RevisionReplacesSearchEntry) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutArticle("k", Raw("1"), MakeArticle("Ancien", "girafe")).ok());
  ASSERT_TRUE(store->PutArticle("k", Raw("2"), MakeArticle("Nouveau", "éléphant")).ok());
  EXPECT_TRUE(store->Search("girafe", 10)->empty());
  EXPECT_EQ(store->Search("elephant", 10)->size(), 1u);
}

TEST_F(SqliteStoreTest, ListAndForEachInIdOrder) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < 25; ++i) {
    const std::string n = std::to_string(i);
    Article a = MakeArticle(std::string("t").append(n), "x");
    a.site = i % 3 == 0 ? "Le Monde" : "AFP";
    a.lang = i % 5 == 0 ? "en" : "fr";
    ASSERT_TRUE(store->PutArticle(std::string("k").append(n), Raw(n), a).ok());
  }
  ArticleListOptions list;
  list.limit = 10;
  list.offset = 20;
  Result<std::vector<StoredArticle>> page = store->ListArticles(list);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 5u);
  EXPECT_EQ((*page)[0].id, 21);
  EXPECT_EQ((*page)[0].article.title, "t20");
  list.offset = -1;
  EXPECT_EQ(store->ListArticles(list).status().code(), StatusCode::kInvalidInput);

  std::vector<int64_t> ids;
  Status s = store->ForEachArticle([&](const StoredArticle& sa) {
    ids.push_back(sa.id);
    // Nested use of the store while streaming.
    EXPECT_TRUE(store->GetArticle(sa.id).ok());
    return ids.size() == 12 ? Status::NotFound("stop here") : Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  ASSERT_EQ(ids.size(), 12u);
  EXPECT_EQ(ids.front(), 1);
  EXPECT_EQ(ids.back(), 12);

  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->by_site.size(), 2u);
  EXPECT_EQ(stats->by_site[0], (std::pair<std::string, int64_t>("AFP", 16)));
  EXPECT_EQ(stats->by_site[1], (std::pair<std::string, int64_t>("Le Monde", 9)));
  ASSERT_EQ(stats->by_lang.size(), 2u);
  EXPECT_EQ(stats->by_lang[0], (std::pair<std::string, int64_t>("fr", 20)));
  EXPECT_EQ(stats->schema_version, 7);
}

TEST_F(SqliteStoreTest, RollbackDiscardsCommitKeeps) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Begin().ok());
  EXPECT_EQ(store->Begin().code(), StatusCode::kInvalidInput);
  ASSERT_TRUE(store->PutArticle("a", Raw("a"), MakeArticle("a", "a")).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(CountArticles(*store), 0);
  EXPECT_TRUE(store->Search("a", 10)->empty());

  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutArticle("b", Raw("b"), MakeArticle("b", "b")).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(store->Commit().code(), StatusCode::kInvalidInput);
  EXPECT_TRUE(store->Rollback().ok());  // nothing open: a no-op
  EXPECT_EQ(CountArticles(*store), 1);
}

TEST_F(SqliteStoreTest, FailedPutInsideTransactionLeavesEarlierPuts) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  // Fail the revision insert, after the raw and article rows were written.
  RawQuery(path_,
           "CREATE TRIGGER fail_put BEFORE INSERT ON revisions WHEN NEW.title = 'boom' "
           "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutArticle("a", Raw("a"), MakeArticle("ok", "un")).ok());
  Result<PutResult> bad = store->PutArticle("b", Raw("b"), MakeArticle("boom", "deux"));
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("injected failure"));
  // A failed revision of an existing article keeps its latest revision too.
  EXPECT_FALSE(store->PutArticle("a", Raw("a2"), MakeArticle("boom", "trois")).ok());
  ASSERT_TRUE(store->PutArticle("c", Raw("c"), MakeArticle("ok", "quatre")).ok());
  ASSERT_TRUE(store->Commit().ok());

  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 2);
  EXPECT_EQ(stats->revisions, 2);
  EXPECT_EQ(stats->raw_documents, 2);
  Result<StoredArticle> a = store->GetArticle(1);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->revision, 1);
  EXPECT_EQ(a->article.text, "un");
  EXPECT_EQ(store->Search("deux", 10)->size(), 0u);
  EXPECT_EQ(store->Search("un", 10)->size(), 1u);

  // Outside a transaction, a failed Put leaves nothing either.
  EXPECT_FALSE(store->PutArticle("d", Raw("d"), MakeArticle("boom", "x")).ok());
  EXPECT_EQ(CountArticles(*store), 2);
  EXPECT_EQ(RawQuery(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteStoreTest, ReopenKeepsDataAndSchemaVersion) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutArticle("k", Raw("raw"), MakeArticle("Titre", "texte")).ok());
  }
  EXPECT_EQ(RawQuery(path_, "PRAGMA user_version"), "7");
  EXPECT_EQ(RawQuery(path_, "PRAGMA journal_mode"), "wal");
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<StoredArticle> got = store->GetArticle(1);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->article.title, "Titre");
  EXPECT_EQ(*store->GetRawBytes(1, 1), "raw");
  EXPECT_EQ(store->Stats()->schema_version, 7);
  EXPECT_EQ(store->Search("texte", 10)->size(), 1u);
  Result<PutResult> known = store->PutArticle("k", Raw("raw"), MakeArticle("Titre", "texte"));
  ASSERT_TRUE(known.ok());
  EXPECT_EQ(known->outcome, PutOutcome::kKnown);
}

TEST_F(SqliteStoreTest, InMemoryStoreWorks) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:", StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->PutArticle("k", Raw("r"), MakeArticle("t", "x")).ok());
  EXPECT_EQ((*store)->Stats()->articles, 1);
}

TEST_F(SqliteStoreTest, NonSqliteFileIsCorruption) {
  {
    std::ofstream out(path_, std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "this is not an SQLite database, just text\n";
  }
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path_, StoreOptions());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_THAT(store.status().message(), HasSubstr("not a Veille database"));
  EXPECT_EQ(store.status().input(), path_);
}

TEST_F(SqliteStoreTest, ForeignSqliteDatabaseIsCorruption) {
  RawQuery(path_, "CREATE TABLE other (x)");
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path_, StoreOptions());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_THAT(store.status().message(), HasSubstr("not a Veille database"));
}

TEST_F(SqliteStoreTest, RefusesNewerSchema) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  RawQuery(path_, "PRAGMA user_version = 99");
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path_, StoreOptions());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_THAT(store.status().message(), HasSubstr("99"));
  EXPECT_EQ(RawQuery(path_, "PRAGMA user_version"), "99");  // untouched
}

// schema.sql documents what the migrations build: same tables, columns,
// indexes.
TEST_F(SqliteStoreTest, SchemaSqlMatchesMigrations) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  std::ifstream in(std::string(VEILLE_SOURCE_DIR) + "/src/store/schema.sql");
  ASSERT_TRUE(in.good());
  std::stringstream sql;
  sql << in.rdbuf();
  const std::string doc_path = (dir_ / "from_schema_sql.db").string();
  RawQuery(doc_path, sql.str());
  const std::string describe =
      "SELECT m.type || ' ' || m.name || ' ' || coalesce(group_concat(p.name || ':' || p.type || "
      "':' || p.\"notnull\" || ':' || p.pk, ','), '') FROM sqlite_master m "
      "LEFT JOIN pragma_table_info(m.name) p WHERE m.type = 'table' GROUP BY m.name "
      "UNION ALL SELECT type || ' ' || name || ' ' || tbl_name || ' ' || "
      "coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY 1";
  const std::string migrated = RawQuery(path_, describe);
  EXPECT_FALSE(migrated.empty());
  EXPECT_EQ(RawQuery(doc_path, describe), migrated);
}

// A writer killed mid-transaction: the committed batch survives intact and
// nothing of the uncommitted one is visible.
TEST_F(SqliteStoreTest, KilledWriterLosesOnlyUncommitted) {
  int pipe_fd[2];
  ASSERT_EQ(pipe(pipe_fd), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fd[0]);
    Result<std::unique_ptr<Store>> opened = OpenSqliteStore(path_, StoreOptions());
    if (!opened.ok()) _exit(2);
    Store& store = **opened;
    std::mt19937 rng(42);
    auto text = [&rng] {
      std::string s;
      for (int i = 0; i < 5000; ++i) s.push_back(static_cast<char>('a' + rng() % 26));
      return s;
    };
    if (!store.Begin().ok()) _exit(3);
    for (int i = 0; i < 100; ++i) {
      const std::string t = text();
      if (!store.PutArticle("committed" + std::to_string(i), Raw(t), MakeArticle("c", t)).ok()) {
        _exit(4);
      }
    }
    if (!store.Commit().ok()) _exit(5);
    if (!store.Begin().ok()) _exit(6);
    for (int64_t i = 0;; ++i) {
      const std::string t = text();
      if (!store.PutArticle("pending" + std::to_string(i), Raw(t), MakeArticle("p", t)).ok()) {
        _exit(7);
      }
      // Enough pending pages to spill into the WAL before the kill.
      if (i == 500) (void)!write(pipe_fd[1], "x", 1);
    }
  }
  close(pipe_fd[1]);
  char c = 0;
  const ssize_t n = read(pipe_fd[0], &c, 1);
  close(pipe_fd[0]);
  kill(child, SIGKILL);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  ASSERT_EQ(n, 1) << "child exited early with status " << WEXITSTATUS(wstatus);
  ASSERT_TRUE(WIFSIGNALED(wstatus));

  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(RawQuery(path_, "PRAGMA integrity_check"), "ok");
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 100);
  EXPECT_EQ(stats->revisions, 100);
  EXPECT_EQ(stats->raw_documents, 100);
  EXPECT_EQ(store->Search("p", 10)->size(), 0u);
  int64_t checked = 0;
  ASSERT_TRUE(store
                  ->ForEachArticle([&](const StoredArticle& sa) {
                    EXPECT_EQ(sa.doc_key.rfind("committed", 0), 0u);
                    Result<std::string> raw = store->GetRawBytes(sa.id, 1);
                    EXPECT_TRUE(raw.ok()) << raw.status().ToString();
                    if (raw.ok()) {
                      EXPECT_EQ(*raw, sa.article.text);
                    }
                    ++checked;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(checked, 100);
}

// Throughput smoke test (no timing assertion): 1000 articles of ~5 KB in one
// transaction. Time it with --gtest_filter=*Thousand* on a Release build.
TEST_F(SqliteStoreTest, ThousandArticlesInOneTransaction) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"le",      "président", "a",         "annoncé", "une",
                                          "réforme", "des",       "retraites", "mardi",   "à",
                                          "Paris",   "selon",     "l'AFP",     "été",     "grève"};
  ASSERT_TRUE(store->Begin().ok());
  for (int i = 0; i < 1000; ++i) {
    std::string text;
    while (text.size() < 5000) {
      text += words[rng() % words.size()];
      text += ' ';
    }
    const std::string html = "<html><body><p>" + text + "</p></body></html>";
    Result<PutResult> put = store->PutArticle("https://example.org/" + std::to_string(i), Raw(html),
                                              MakeArticle("Titre", text));
    ASSERT_TRUE(put.ok()) << put.status().ToString();
  }
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(CountArticles(*store), 1000);
  EXPECT_EQ(store->Search("réforme", 5)->size(), 5u);
}

}  // namespace
}  // namespace veille
