// The analysis tables of the store (schema version 3): features stored and
// read back equal, LSH candidates, document-frequency deltas, the entity
// registry's rows and the per-article entity counts, the revision's capture
// fields, and the blob codecs' corruption checks.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "store/feature_table.h"
#include "store/migrations.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

class FeatureTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("features_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "t.db").string(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  PutResult Put(const std::string& key, const std::string& text) {
    RawDocument raw;
    raw.input = key;
    raw.format = DocFormat::kText;
    raw.bytes = text;
    raw.author = "Feed Author";
    raw.fetched_at = "2019-04-24T10:00:00Z";
    raw.http_status = 200;
    Article a;
    a.title = "t " + key;
    a.text = text;
    auto put = store_->PutArticle(key, raw, a);
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    return put.ok() ? *put : PutResult();
  }

  static AnalyzedArticle Sample() {
    AnalyzedArticle f;
    f.lang = "fr";
    f.stemmed = true;
    f.title_terms = {{"sommet", 1}, {"vladivostok", 2}};
    f.body_terms = {{"kim", 3}, {"poutin", 2}, {"élysé", 1}};
    f.simhash = 0xF0E1D2C3B4A59687ull;  // high bit set: stored as a negative integer
    for (uint32_t i = 0; i < 8; ++i) f.minhash.push_back(0xFFFFFFF0u + i);
    f.lsh_keys = {0x8000000000000001ull, 42};
    f.reference_date = "2019-04-24";
    DateMention d;
    d.begin = 10;
    d.end = 15;
    d.year = 2019;
    d.month = 4;
    d.day = 25;
    d.relative = true;
    d.sentence = 1;
    d.sentence_begin = 5;
    d.sentence_end = 40;
    f.dates.push_back(d);
    d.granularity = DateGranularity::kMonth;
    d.day = 0;
    d.relative = false;
    f.dates.push_back(d);
    return f;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

void ExpectSameFeatures(const AnalyzedArticle& a, const AnalyzedArticle& b) {
  EXPECT_EQ(a.lang, b.lang);
  EXPECT_EQ(a.stemmed, b.stemmed);
  ASSERT_EQ(a.title_terms.size(), b.title_terms.size());
  for (size_t i = 0; i < a.title_terms.size(); ++i) {
    EXPECT_EQ(a.title_terms[i].term, b.title_terms[i].term);
    EXPECT_EQ(a.title_terms[i].count, b.title_terms[i].count);
  }
  ASSERT_EQ(a.body_terms.size(), b.body_terms.size());
  for (size_t i = 0; i < a.body_terms.size(); ++i) {
    EXPECT_EQ(a.body_terms[i].term, b.body_terms[i].term);
    EXPECT_EQ(a.body_terms[i].count, b.body_terms[i].count);
  }
  EXPECT_EQ(a.simhash, b.simhash);
  EXPECT_EQ(a.minhash, b.minhash);
  std::vector<uint64_t> ka = a.lsh_keys, kb = b.lsh_keys;
  std::sort(ka.begin(), ka.end());
  std::sort(kb.begin(), kb.end());
  EXPECT_EQ(ka, kb);
  EXPECT_EQ(a.reference_date, b.reference_date);
  ASSERT_EQ(a.dates.size(), b.dates.size());
  for (size_t i = 0; i < a.dates.size(); ++i) {
    const DateMention &x = a.dates[i], &y = b.dates[i];
    EXPECT_EQ(std::tie(x.begin, x.end, x.year, x.month, x.day, x.relative, x.sentence,
                       x.sentence_begin, x.sentence_end),
              std::tie(y.begin, y.end, y.year, y.month, y.day, y.relative, y.sentence,
                       y.sentence_begin, y.sentence_end));
    EXPECT_EQ(x.granularity, y.granularity);
  }
}

TEST_F(FeatureTableTest, FeaturesStoredAndReadBackEqual) {
  const PutResult put = Put("a", "texte a");
  const AnalyzedArticle f = Sample();
  ASSERT_TRUE(store_->PutFeatures(put.article_id, put.revision, f).ok());
  auto got = store_->GetFeatures(put.article_id, put.revision);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectSameFeatures(f, *got);
  EXPECT_TRUE(*store_->HasFeatures(put.article_id, put.revision));
  EXPECT_FALSE(*store_->HasFeatures(put.article_id, put.revision + 1));
  // Reopened: the same.
  store_.reset();
  store_ = std::move(OpenSqliteStore((dir_ / "t.db").string(), StoreOptions())).value();
  got = store_->GetFeatures(put.article_id, put.revision);
  ASSERT_TRUE(got.ok());
  ExpectSameFeatures(f, *got);
  auto st = store_->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->schema_version, 7);
  EXPECT_EQ(st->feature_rows, 1);
  EXPECT_GT(st->feature_bytes, 32);
}

TEST_F(FeatureTableTest, EmptyFeaturesRoundTrip) {
  const PutResult put = Put("a", "x");
  AnalyzedArticle empty;
  ASSERT_TRUE(store_->PutFeatures(put.article_id, put.revision, empty).ok());
  auto got = store_->GetFeatures(put.article_id, put.revision);
  ASSERT_TRUE(got.ok());
  ExpectSameFeatures(empty, *got);
}

TEST_F(FeatureTableTest, FeaturesOfAMissingRevisionAreRefused) {
  const PutResult put = Put("a", "x");
  const Status s = store_->PutFeatures(put.article_id, 7, Sample());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetFeatures(put.article_id, 7).status().code(), StatusCode::kNotFound);
}

TEST_F(FeatureTableTest, LshKeysFollowTheLatestRevision) {
  const PutResult a = Put("a", "texte a");
  const PutResult b = Put("b", "texte b");
  AnalyzedArticle fa = Sample();
  AnalyzedArticle fb = Sample();
  fb.lsh_keys = {42, 7};
  ASSERT_TRUE(store_->PutFeatures(a.article_id, a.revision, fa).ok());
  ASSERT_TRUE(store_->PutFeatures(b.article_id, b.revision, fb).ok());
  EXPECT_THAT(*store_->FindLshCandidates({42}, 10),
              ::testing::ElementsAre(a.article_id, b.article_id));
  EXPECT_THAT(*store_->FindLshCandidates({7, 0x8000000000000001ull}, 10),
              ::testing::ElementsAre(a.article_id, b.article_id));
  EXPECT_THAT(*store_->FindLshCandidates({42}, 1), ::testing::ElementsAre(a.article_id));
  // A revision of b replaces its keys.
  const PutResult b2 = Put("b", "texte b, revu");
  ASSERT_EQ(b2.outcome, PutOutcome::kRevised);
  fb.lsh_keys = {99};
  ASSERT_TRUE(store_->PutFeatures(b2.article_id, b2.revision, fb).ok());
  EXPECT_THAT(*store_->FindLshCandidates({42, 7}, 10), ::testing::ElementsAre(a.article_id));
  EXPECT_THAT(*store_->FindLshCandidates({99}, 10), ::testing::ElementsAre(b.article_id));
  // The older revision keeps its features, without keys.
  auto old = store_->GetFeatures(b.article_id, b.revision);
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->lsh_keys.empty());
  EXPECT_EQ(old->minhash, fb.minhash);
}

TEST_F(FeatureTableTest, DocumentFrequencyDeltas) {
  auto empty = store_->LoadDocumentFrequencies();
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->documents, 0);
  EXPECT_TRUE(empty->terms.empty());
  ASSERT_TRUE(store_->ApplyDocumentFrequencyDeltas(2, {{"kim", 2}, {"poutin", 1}}).ok());
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->ApplyDocumentFrequencyDeltas(0, {{"kim", -1}, {"poutin", -1}}).ok());
  ASSERT_TRUE(store_->ApplyDocumentFrequencyDeltas(1, {{"trump", 1}}).ok());
  ASSERT_TRUE(store_->Commit().ok());
  auto snap = store_->LoadDocumentFrequencies();
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->documents, 3);
  EXPECT_THAT(snap->terms,
              ::testing::UnorderedElementsAre(std::pair<std::string, int64_t>{"kim", 1},
                                              std::pair<std::string, int64_t>{"trump", 1}));
  // A rolled-back delta leaves nothing.
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->ApplyDocumentFrequencyDeltas(5, {{"kim", 5}}).ok());
  ASSERT_TRUE(store_->Rollback().ok());
  snap = store_->LoadDocumentFrequencies();
  EXPECT_EQ(snap->documents, 3);
  EXPECT_THAT(snap->terms, ::testing::Contains(std::pair<std::string, int64_t>{"kim", 1}));
}

TEST_F(FeatureTableTest, EntityRowsUpsertAndSummaries) {
  std::vector<EntityRow> entities = {
      {1, EntityKind::kPerson, "Vladimir Putin", "Vladimir Putin", ""},
      {2, EntityKind::kPlace, "Moscou", "", "city:moscow"}};
  std::vector<EntityVariantRow> variants = {{1, "Vladimir Poutine", MergeRule::kFirst, true, 2, 1},
                                            {1, "Poutine", MergeRule::kShortForm, false, 3, 1},
                                            {2, "Moscou", MergeRule::kFirst, true, 1, 1}};
  ASSERT_TRUE(store_->PutEntities(entities, variants).ok());
  // An update of entity 1: a new variant and a count.
  ASSERT_TRUE(store_
                  ->PutEntities({{1, EntityKind::kPerson, "Vladimir Putin", "Vladimir Putin", ""}},
                                {{1, "Putin", MergeRule::kAlias, false, 1, 1},
                                 {1, "Poutine", MergeRule::kShortForm, false, 4, 2}})
                  .ok());
  auto table = store_->LoadEntities();
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->entities.size(), 2u);
  EXPECT_EQ(table->entities[1].place_id, "city:moscow");
  ASSERT_EQ(table->variants.size(), 4u);
  EXPECT_EQ(table->variants[0].surface, "Poutine");  // count descending within entity 1
  EXPECT_EQ(table->variants[0].count, 4);
  EXPECT_EQ(table->variants[0].rule, MergeRule::kShortForm);
  EXPECT_FALSE(table->variants[0].full_form);

  // article_entities from the mentions PutFeatures stores.
  const PutResult a = Put("a", "texte a");
  AnalyzedArticle f = Sample();
  for (int64_t id : {1, 1, 2, 0}) {
    EntityMention m;
    m.entity_id = id;
    f.entities.mentions.push_back(m);
  }
  ASSERT_TRUE(store_->PutFeatures(a.article_id, a.revision, f).ok());
  const PutResult b = Put("b", "texte b");
  f.entities.mentions.resize(1);
  ASSERT_TRUE(store_->PutFeatures(b.article_id, b.revision, f).ok());
  auto listed = store_->ListEntities();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].entity.canonical, "Vladimir Putin");
  EXPECT_EQ((*listed)[0].mentions, 3);
  EXPECT_EQ((*listed)[0].articles, 2);
  EXPECT_EQ((*listed)[0].variants.size(), 3u);
  EXPECT_EQ((*listed)[1].mentions, 1);
}

TEST_F(FeatureTableTest, MentionOfAnUnsavedEntityFailsAtCommit) {
  const PutResult a = Put("a", "texte a");
  AnalyzedArticle f = Sample();
  EntityMention m;
  m.entity_id = 9;
  f.entities.mentions.push_back(m);
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->PutFeatures(a.article_id, a.revision, f).ok());  // checked at commit
  EXPECT_FALSE(store_->Commit().ok());
  (void)store_->Rollback();
  EXPECT_FALSE(*store_->HasFeatures(a.article_id, a.revision));
}

TEST_F(FeatureTableTest, RevisionKeepsCaptureFields) {
  const PutResult a = Put("a", "texte a");
  auto got = store_->GetArticle(a.article_id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->fetched_at, "2019-04-24T10:00:00Z");
  EXPECT_EQ(got->http_status, 200);
}

// A store at schema version 2 (before analysis) is migrated in place: its
// revisions keep their rows, with the defaults for the new columns, and have
// no features until they are analysed.
TEST_F(FeatureTableTest, MigratesAVersion2Store) {
  const std::string path = (dir_ / "v2.db").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string sql;
  for (const store::Migration& m : store::Migrations()) {
    if (m.version <= 2) sql += m.sql;
  }
  sql +=
      "PRAGMA application_id = 1449486700; PRAGMA user_version = 2;"
      "INSERT INTO raw_documents VALUES (1, 'h', 'text', 1, 'zstd', x'00');"
      "INSERT INTO articles VALUES (1, 'k', '', 1, '2019-01-01T00:00:00Z', "
      "'2019-01-01T00:00:00Z');"
      "INSERT INTO revisions VALUES (1, 1, 1, 'in', 0, 'text', '2019-01-01T00:00:00Z', '', "
      "'Titre', '', '', '', 'fr', 'Texte', '', '[]', '[]', '', '', '', '', '', '', 1);";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  auto opened = OpenSqliteStore(path, StoreOptions());
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  auto got = (*opened)->GetArticle(1);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->article.title, "Titre");
  EXPECT_EQ(got->fetched_at, "");
  EXPECT_EQ(got->http_status, 0);
  EXPECT_FALSE(*(*opened)->HasFeatures(1, 1));
  EXPECT_EQ((*opened)->LoadDocumentFrequencies()->documents, 0);
  EXPECT_EQ((*opened)->Stats()->schema_version, 7);
}

TEST(FeatureCodecTest, TermVectorsRoundTripAndRejectDamage) {
  TermVector terms = {{"", 0}, {"a", 1}, {std::string(300, 'x'), 70000}, {"été", 4294967295u}};
  const std::string blob = store::EncodeTermVector(terms);
  auto back = store::DecodeTermVector(blob);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    EXPECT_EQ((*back)[i].term, terms[i].term);
    EXPECT_EQ((*back)[i].count, terms[i].count);
  }
  for (size_t cut = 0; cut < blob.size(); ++cut) {
    EXPECT_FALSE(store::DecodeTermVector(blob.substr(0, cut)).ok()) << cut;
  }
  EXPECT_FALSE(store::DecodeTermVector(blob + "z").ok());
  EXPECT_FALSE(store::DecodeMinHash("abc").ok());
  EXPECT_FALSE(store::DecodeDates("{}").ok());
  EXPECT_FALSE(store::DecodeDates("[{\"begin\": 1}]").ok());
}

}  // namespace
}  // namespace veille
