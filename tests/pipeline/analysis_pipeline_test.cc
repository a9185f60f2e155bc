// Analysis wired into the ingest pipeline: every stored revision has its
// features; the document frequencies in the store equal a recount over the
// stored features after new articles and revisions; a rolled-back input
// leaves the document frequencies and the entity registry, in the store and
// in memory, as if it had never been read; feed authors are kept; the
// sample corpus's entities are merged across articles.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forwarding_store.h"
#include "pipeline/analysis_state.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

// Forwards to a real store; fails the n-th Commit (1-based) when asked.
class FailingStore final : public ForwardingStore {
 public:
  explicit FailingStore(Store& s) : ForwardingStore(s) {}
  int fail_commit = 0;  // 0: never
  int commits = 0;

  Status Commit() override {
    if (++commits == fail_commit) return Status::IoError("injected commit failure");
    return s_.Commit();
  }
};

std::string Page(const std::string& url, const std::string& title,
                 const std::vector<std::string>& paragraphs) {
  std::string html = "<!doctype html><html lang=fr><head><meta charset=utf-8><title>" + title +
                     "</title><link rel=canonical href='" + url +
                     "'><meta property='article:published_time' content='2019-04-24T08:00:00Z'>"
                     "</head><body><article><h1>" +
                     title + "</h1>";
  for (const std::string& p : paragraphs) html += "<p>" + p + "</p>";
  return html + "</article></body></html>";
}

const std::vector<std::string> kParagraphs = {
    "Vladimir Poutine a reçu jeudi Kim Jong-un à Vladivostok pour un premier sommet entre les "
    "deux dirigeants, a annoncé le Kremlin dans un communiqué publié mercredi soir.",
    "Le président russe a salué une rencontre utile, tandis que M. Kim a remercié Poutine pour "
    "son accueil chaleureux sur l'île Rousski, face au port de la ville.",
    "Les discussions ont porté sur le programme nucléaire nord-coréen, les sanctions de l'ONU "
    "et la coopération économique entre Moscou et Pyongyang, selon l'agence officielle.",
    "Donald Trump, qui avait rencontré le dirigeant nord-coréen à Hanoï en février dernier, n'a "
    "pas commenté la visite, mais Washington suit de près ce rapprochement diplomatique.",
    "Les observateurs notent que Pékin, principal allié de la Corée du Nord, reste attentif aux "
    "échanges entre Xi Jinping et ses voisins dans cette région stratégique du Pacifique.",
};

// Counts the loads of the document frequencies (one per analysis state load).
class CountingStore final : public ForwardingStore {
 public:
  explicit CountingStore(Store& s) : ForwardingStore(s) {}
  int df_loads = 0;

  Result<DocumentFrequencySnapshot> LoadDocumentFrequencies() override {
    ++df_loads;
    return s_.LoadDocumentFrequencies();
  }
};

class AnalysisPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("analysis_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = Open("test.db");
    auto res = AnalysisResources::Load(config_.analyze);
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    resources_ = std::move(res).value();
  }

  std::unique_ptr<Store> Open(const std::string& name) {
    auto store = OpenSqliteStore((dir_ / name).string(), config_.store);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  // Page i: a rotation of the paragraphs, so that terms have varied df.
  std::string WritePage(int i, const std::string& extra = "") {
    std::vector<std::string> ps;
    for (int k = 0; k <= i % 4; ++k) ps.push_back(kParagraphs[(i + k) % kParagraphs.size()]);
    if (!extra.empty()) ps.push_back(extra);
    return Write("p" + std::to_string(i) + ".html",
                 Page("https://news.example.org/" + std::to_string(i),
                      "Sommet numéro " + std::to_string(i), ps));
  }

  IngestSummary Ingest(Store& store, const std::vector<std::string>& paths) {
    events_.clear();
    return IngestPaths(paths, config_, *resources_, store,
                       [this](const IngestEvent& e) { events_.push_back(e); });
  }

  // (documents, term -> df) recounted from every article's latest features.
  static std::pair<int64_t, std::map<std::string, int64_t>> Recount(Store& store) {
    std::pair<int64_t, std::map<std::string, int64_t>> out;
    Status s = store.ForEachArticle([&](const StoredArticle& a) {
      auto f = store.GetFeatures(a.id, a.revision);
      EXPECT_TRUE(f.ok()) << "article " << a.id << ": " << f.status().ToString();
      if (!f.ok()) return Status::Ok();
      ++out.first;
      std::vector<std::string> terms;
      for (const TermCount& t : f->title_terms) terms.push_back(t.term);
      for (const TermCount& t : f->body_terms) terms.push_back(t.term);
      std::sort(terms.begin(), terms.end());
      terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
      for (const std::string& t : terms) ++out.second[t];
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  static std::pair<int64_t, std::map<std::string, int64_t>> StoredDf(Store& store) {
    auto snap = store.LoadDocumentFrequencies();
    EXPECT_TRUE(snap.ok());
    return {snap->documents, {snap->terms.begin(), snap->terms.end()}};
  }

  // The registry's rows as comparable text.
  static std::vector<std::string> EntityRows(Store& store) {
    auto t = store.LoadEntities();
    EXPECT_TRUE(t.ok());
    std::vector<std::string> rows;
    for (const EntityRow& r : t->entities) {
      rows.push_back(std::to_string(r.id) + " " + EntityKindName(r.kind) + " " + r.canonical);
    }
    for (const EntityVariantRow& v : t->variants) {
      rows.push_back(std::to_string(v.entity_id) + " " + v.surface + " " + MergeRuleName(v.rule) +
                     " " + std::to_string(v.count) + " " + std::to_string(v.articles));
    }
    return rows;
  }

  fs::path dir_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<const AnalysisResources> resources_;
  std::vector<IngestEvent> events_;
};

TEST_F(AnalysisPipelineTest, EveryRevisionHasFeaturesAndDfEqualsRecount) {
  std::vector<std::string> paths;
  for (int i = 0; i < 7; ++i) paths.push_back(WritePage(i));
  IngestSummary s = Ingest(*store_, paths);
  ASSERT_EQ(s.stored, 7);
  ASSERT_EQ(s.errors, 0);
  const auto recount = Recount(*store_);
  EXPECT_EQ(recount.first, 7);
  EXPECT_GT(recount.second.size(), 40u);
  EXPECT_EQ(StoredDf(*store_), recount);
  // Features are those the analyzer computes (reference date: published).
  auto a = store_->GetArticle(1);
  ASSERT_TRUE(a.ok());
  auto f = store_->GetFeatures(1, 1);
  ASSERT_TRUE(f.ok());
  const AnalyzedArticle expected = resources_->analyzer->Analyze(a->article, "2000-01-01");
  EXPECT_EQ(f->simhash, expected.simhash);
  EXPECT_EQ(f->minhash, expected.minhash);
  EXPECT_EQ(f->reference_date, "2019-04-24");
  EXPECT_EQ(f->lsh_keys.size(), expected.lsh_keys.size());
  EXPECT_EQ(f->dates.size(), expected.dates.size());
  EXPECT_FALSE(f->body_terms.empty());
  // Ingesting the same files again changes nothing.
  s = Ingest(*store_, paths);
  EXPECT_EQ(s.known, 7);
  EXPECT_EQ(StoredDf(*store_), recount);
}

TEST_F(AnalysisPipelineTest, RevisionReplacesTheTermsOfItsPredecessor) {
  std::vector<std::string> paths;
  for (int i = 0; i < 4; ++i) paths.push_back(WritePage(i));
  ASSERT_EQ(Ingest(*store_, paths).stored, 4);
  // Page 2 changes: a paragraph with words no other page has.
  WritePage(2, "Une girafe mélomane traverse Zanzibar en trottinette électrique.");
  IngestSummary s = Ingest(*store_, {paths[2]});
  ASSERT_EQ(s.revised, 1);
  auto df = StoredDf(*store_);
  EXPECT_EQ(df.first, 4);
  EXPECT_EQ(df, Recount(*store_));
  EXPECT_EQ(df.second.count("giraf"), 1u);
  // And back: the new words leave the document frequencies.
  WritePage(2);
  ASSERT_EQ(Ingest(*store_, {paths[2]}).revised, 1);
  df = StoredDf(*store_);
  EXPECT_EQ(df, Recount(*store_));
  EXPECT_EQ(df.second.count("giraf"), 0u);
  // Each article's entity counts are those of its latest revision.
  auto listed = store_->ListEntities();
  ASSERT_TRUE(listed.ok());
  for (const EntitySummary& e : *listed) EXPECT_LE(e.articles, 4);
}

TEST_F(AnalysisPipelineTest, RolledBackInputLeavesStoreAndMemoryConsistent) {
  const std::string a = WritePage(0);
  const std::string b = WritePage(1, "Sergueï Lavrov accompagnait Vladimir Poutine à Vladivostok.");
  const std::string c = WritePage(2);
  FailingStore failing(*store_);
  failing.fail_commit = 2;  // b's transaction
  IngestSummary s = Ingest(failing, {a, b, c});
  EXPECT_EQ(s.stored, 2);
  EXPECT_EQ(s.errors, 1);
  EXPECT_THAT(events_,
              ::testing::Contains(::testing::Field(&IngestEvent::kind, IngestEvent::Kind::kError)));
  EXPECT_EQ(StoredDf(*store_), Recount(*store_));
  EXPECT_EQ(StoredDf(*store_).first, 2);

  // The same as ingesting a and c alone: had b's entities or terms stayed in
  // memory, c's rows would carry them.
  std::unique_ptr<Store> clean = Open("clean.db");
  ASSERT_EQ(Ingest(*clean, {a, c}).stored, 2);
  EXPECT_EQ(EntityRows(*store_), EntityRows(*clean));
  EXPECT_EQ(StoredDf(*store_), StoredDf(*clean));
  EXPECT_FALSE(EntityRows(*store_).empty());
}

TEST_F(AnalysisPipelineTest, StateReloadsAfterRollback) {
  auto state = pipeline::AnalysisState::Load(*resources_, *store_, StoryOptions());
  ASSERT_TRUE(state.ok());
  RawDocument raw;
  raw.input = "x";
  raw.format = DocFormat::kText;
  raw.bytes = kParagraphs[0];
  Article article;
  article.lang = "fr";
  article.text = kParagraphs[0];
  ASSERT_TRUE(store_->Begin().ok());
  auto put = store_->PutArticle("k", raw, article);
  ASSERT_TRUE(put.ok());
  ASSERT_TRUE((*state)->Add(*put, article, "2019-04-24").ok());
  EXPECT_EQ((*state)->document_frequencies().document_count(), 1);
  EXPECT_FALSE((*state)->registry().Entities().empty());
  ASSERT_TRUE(store_->Rollback().ok());
  ASSERT_TRUE((*state)->Reload().ok());
  EXPECT_EQ((*state)->document_frequencies().document_count(), 0);
  EXPECT_EQ((*state)->document_frequencies().term_count(), 0u);
  EXPECT_TRUE((*state)->registry().Entities().empty());

  ASSERT_TRUE(store_->Begin().ok());
  put = store_->PutArticle("k", raw, article);
  ASSERT_TRUE(put.ok());
  ASSERT_TRUE((*state)->Add(*put, article, "2019-04-24").ok());
  ASSERT_TRUE((*state)->Flush().ok());
  ASSERT_TRUE(store_->Commit().ok());
  (*state)->Committed();
  const auto stored = StoredDf(*store_);
  EXPECT_EQ(stored.first, 1);
  EXPECT_EQ(stored.second.size(), (*state)->document_frequencies().term_count());
  for (const auto& [term, df] : stored.second) {
    EXPECT_EQ(df, (*state)->document_frequencies().DocumentFrequency(term)) << term;
  }
  EXPECT_EQ(store_->LoadEntities()->entities.size(), (*state)->registry().Entities().size());
}

// A long-running process's session keeps its state between inputs: loaded
// once, reloaded only after another writer, and always equal to the store.
TEST_F(AnalysisPipelineTest, SessionLoadsItsStateOnceAndFollowsOtherWriters) {
  CountingStore counting(*store_);
  IngestSession session(config_, *resources_, counting);
  auto post = [&](int i) {
    std::ifstream in(WritePage(i), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return session.Ingest("post" + std::to_string(i), std::move(bytes), [](const IngestEvent&) {});
  };
  for (int i = 0; i < 4; ++i) EXPECT_EQ(post(i).stored, 1);
  EXPECT_EQ(counting.df_loads, 1);
  EXPECT_EQ(Recount(*store_), StoredDf(*store_));

  // Another process writes the base: the session reloads before its next write.
  std::unique_ptr<Store> other = Open("test.db");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(Ingest(*other, {WritePage(10)}).stored, 1);
  EXPECT_EQ(post(4).stored, 1);
  EXPECT_EQ(counting.df_loads, 2);
  EXPECT_EQ(post(5).stored, 1);
  EXPECT_EQ(counting.df_loads, 2);
  EXPECT_EQ(Recount(*store_), StoredDf(*store_));
  EXPECT_EQ(StoredDf(*store_).first, 7);
}

TEST_F(AnalysisPipelineTest, FeedAuthorFillsAMissingAuthor) {
  const std::string feed =
      Write("f.rss",
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            "xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><title>T</title>"
            "<link>https://news.example.org/</link><item><title>Sommet</title>"
            "<link>https://news.example.org/a</link><dc:creator>Anne Durand</dc:creator>"
            "<description>" +
                kParagraphs[0] + " " + kParagraphs[1] + "</description></item></channel></rss>");
  IngestSummary s = Ingest(*store_, {feed});
  ASSERT_EQ(s.stored, 1);
  auto a = store_->GetArticle(1);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->article.author, "Anne Durand");
}

TEST_F(AnalysisPipelineTest, ReaderSkipsAreReportedOncePerInput) {
  IngestSummary s =
      Ingest(*store_, {std::string(VEILLE_SOURCE_DIR) + "/data/sample/vladivostok.warc.gz"});
  EXPECT_GT(s.stored, 0);
  int infos = 0;
  for (const IngestEvent& e : events_) {
    if (e.kind != IngestEvent::Kind::kInfo) continue;
    ++infos;
    EXPECT_THAT(e.warning, ::testing::StartsWith("skipped: "));
    EXPECT_THAT(e.warning, ::testing::HasSubstr("request records"));
  }
  EXPECT_EQ(infos, 1);
}

// The sample corpus: one canonical Vladimir Putin across its French and
// English spellings, distinct from the Kims.
TEST_F(AnalysisPipelineTest, SampleCorpusEntitiesAreMergedAcrossArticles) {
  IngestSummary s = Ingest(*store_, {std::string(VEILLE_SOURCE_DIR) + "/data/sample"});
  ASSERT_GT(s.stored, 10);
  auto listed = store_->ListEntities();
  ASSERT_TRUE(listed.ok());
  std::map<std::string, std::vector<std::string>> variants;
  for (const EntitySummary& e : *listed) {
    if (e.entity.kind != EntityKind::kPerson) continue;
    for (const EntityVariantRow& v : e.variants) variants[e.entity.canonical].push_back(v.surface);
  }
  EXPECT_THAT(variants["Vladimir Putin"],
              ::testing::IsSupersetOf({"Vladimir Poutine", "Poutine", "Putin"}));
  EXPECT_THAT(variants["Kim Jong Un"], ::testing::IsSupersetOf({"Kim Jong-un", "Kim Jong Un"}));
  EXPECT_TRUE(variants.count("Kim Jong Il"));
  EXPECT_THAT(variants["Kim Jong Un"], ::testing::Not(::testing::Contains("Kim Jong Il")));
  EXPECT_EQ(StoredDf(*store_), Recount(*store_));
}

}  // namespace
}  // namespace veille
