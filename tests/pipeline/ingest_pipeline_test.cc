// End-to-end ingest through the pipeline into a real SQLite store: idempotence,
// revisions, and one test per kind of bad input, each checking the error text
// and that what was stored before is intact.
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class IngestPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("pipeline_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config_.db_path = (dir_ / "test.db").string();
    auto store = OpenSqliteStore(config_.db_path, config_.store);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  std::string WriteGzip(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    gzFile f = gzopen(p.c_str(), "wb");
    gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(f);
    return p.string();
  }

  IngestSummary Ingest(const std::vector<std::string>& paths) {
    events_.clear();
    return IngestPaths(paths, config_, *store_,
                       [this](const IngestEvent& e) { events_.push_back(e); });
  }

  std::vector<IngestEvent> Errors() const {
    std::vector<IngestEvent> out;
    for (const IngestEvent& e : events_) {
      if (e.kind == IngestEvent::Kind::kError) out.push_back(e);
    }
    return out;
  }

  int64_t ArticleCount() {
    auto st = store_->Stats();
    EXPECT_TRUE(st.ok());
    return st.ok() ? st->articles : -1;
  }

  // Stores one good page and returns its id, so each bad-input test can check
  // that it survives.
  int64_t StoreGoodPage() {
    Write("good.html", kGoodHtml);
    IngestSummary s = Ingest({(dir_ / "good.html").string()});
    EXPECT_EQ(s.stored, 1);
    EXPECT_EQ(s.errors, 0);
    return events_.empty() ? 0 : events_.back().article_id;
  }

  void ExpectGoodPageIntact(int64_t id) {
    auto a = store_->GetArticle(id);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_EQ(a->article.title, "Sommet à Vladivostok");
    EXPECT_THAT(a->article.text, HasSubstr("premier sommet"));
  }

  static constexpr const char* kGoodHtml =
      "<!doctype html><html lang=fr><head><meta charset=utf-8><title>Sommet à Vladivostok</title>"
      "<link rel=canonical href='https://news.example.org/sommet?utm_source=x'></head><body>"
      "<article><h1>Sommet à Vladivostok</h1><p>Le dirigeant nord-coréen est arrivé mercredi à "
      "Vladivostok pour son premier sommet avec le président russe, a annoncé le Kremlin.</p>"
      "<p>Les deux hommes doivent se retrouver jeudi sur l'île Rousski, face au port, pour des "
      "discussions sur le programme nucléaire et les sanctions.</p></article></body></html>";

  fs::path dir_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::vector<IngestEvent> events_;
};

TEST_F(IngestPipelineTest, SampleCorpusTwiceStoresEachArticleOnce) {
  const std::string sample = std::string(VEILLE_SOURCE_DIR) + "/data/sample";
  IngestSummary first = Ingest({sample});
  EXPECT_EQ(first.errors, 0);
  EXPECT_GE(first.stored, 8);  // five seed pages and the JSONL records
  EXPECT_EQ(first.known, 0);
  const int64_t count = ArticleCount();
  IngestSummary second = Ingest({sample});
  EXPECT_EQ(second.stored, 0);
  EXPECT_EQ(second.revised, 0);
  EXPECT_EQ(second.known, first.stored);
  EXPECT_EQ(ArticleCount(), count);
}

TEST_F(IngestPipelineTest, CanonicalUrlIsTheIdentity) {
  int64_t id = StoreGoodPage();
  // The same page under another file name, same canonical URL: already known.
  Write("copy.html", kGoodHtml);
  IngestSummary s = Ingest({(dir_ / "copy.html").string()});
  EXPECT_EQ(s.known, 1);
  ASSERT_EQ(events_.size(), 1u);
  EXPECT_EQ(events_[0].article_id, id);
}

TEST_F(IngestPipelineTest, ChangedContentIsANewRevision) {
  int64_t id = StoreGoodPage();
  std::string changed = kGoodHtml;
  changed.replace(changed.find("mercredi"), 8, "mercredi soir");
  Write("good.html", changed);
  IngestSummary s = Ingest({(dir_ / "good.html").string()});
  EXPECT_EQ(s.revised, 1);
  auto a = store_->GetArticle(id);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->revision, 2);
  EXPECT_EQ(a->revision_count, 2);
  EXPECT_THAT(a->article.text, HasSubstr("mercredi soir"));
  EXPECT_EQ(ArticleCount(), 1);
}

TEST_F(IngestPipelineTest, BinaryFileIsRejectedAndBatchGoesOn) {
  int64_t id = StoreGoodPage();
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  std::string png(kPng, sizeof(kPng) - 1);
  std::string bin = Write("image.png", png);
  std::string txt = Write("after.txt",
                          "Un texte qui suit l'image dans le même lot, et qui doit être "
                          "stocké malgré l'erreur précédente sur le fichier binaire.\n");
  IngestSummary s = Ingest({bin, txt});
  EXPECT_EQ(s.stored, 1);
  ASSERT_EQ(Errors().size(), 1u);
  EXPECT_EQ(Errors()[0].error.input(), bin);
  EXPECT_THAT(Errors()[0].error.message(), HasSubstr("binary"));
  ExpectGoodPageIntact(id);
}

TEST_F(IngestPipelineTest, EmptyFileIsAnError) {
  int64_t id = StoreGoodPage();
  std::string empty = Write("empty.txt", "");
  IngestSummary s = Ingest({empty});
  EXPECT_EQ(s.errors, 1);
  ASSERT_EQ(Errors().size(), 1u);
  EXPECT_EQ(Errors()[0].error.input(), empty);
  EXPECT_THAT(Errors()[0].error.message(), HasSubstr("empty"));
  EXPECT_EQ(ArticleCount(), 1);
  ExpectGoodPageIntact(id);
}

TEST_F(IngestPipelineTest, InvalidUtf8IsRepairedWithAWarning) {
  int64_t id = StoreGoodPage();
  // Declared UTF-8, but one stray Latin-1 byte in otherwise valid UTF-8.
  std::string page = std::string(kGoodHtml);
  page.replace(page.find("Sommet à Vladivostok</title>"), 6, "Somm\xE9t");
  page.replace(page.find("news.example.org/sommet"), 23, "news.example.org/other");
  std::string path = Write("bad-utf8.html", page);
  IngestSummary s = Ingest({path});
  EXPECT_EQ(s.stored, 1);
  EXPECT_EQ(s.errors, 0);
  EXPECT_GE(s.warnings, 1);
  bool warned = false;
  for (const IngestEvent& e : events_) {
    if (e.kind == IngestEvent::Kind::kWarning && e.input == path) warned = true;
  }
  EXPECT_TRUE(warned);
  ExpectGoodPageIntact(id);
}

TEST_F(IngestPipelineTest, WrongDeclaredCharsetIsOverridden) {
  // Declared UTF-8, encoded in windows-1252: decoded as such, with a warning.
  std::string page =
      "<html><head><meta charset=\"utf-8\"><title>\xC9t\xE9 \xE0 Paris</title></head><body><p>"
      "L'\xE9t\xE9 a \xE9t\xE9 tr\xE8s chaud \xE0 Paris cette ann\xE9"
      "e, selon les relev\xE9s "
      "de M\xE9t\xE9o-France publi\xE9s jeudi, qui d\xE9"
      "crivent une saison exceptionnelle.</p>"
      "</body></html>";
  std::string path = Write("latin1.html", page);
  IngestSummary s = Ingest({path});
  EXPECT_EQ(s.stored, 1);
  EXPECT_GE(s.warnings, 1);
  auto a = store_->GetArticle(events_.back().article_id);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->article.title, "Été à Paris");
  EXPECT_THAT(a->article.text, HasSubstr("L'été a été très chaud"));
}

TEST_F(IngestPipelineTest, TruncatedHtmlKeepsWhatIsThere) {
  int64_t id = StoreGoodPage();
  std::string page = kGoodHtml;
  page = page.substr(0, page.find("<p>Les deux")) + "<p>Les deux hommes doivent se retr";
  page.replace(page.find("news.example.org/sommet"), 23, "news.example.org/cut");
  IngestSummary s = Ingest({Write("truncated.html", page)});
  EXPECT_EQ(s.errors, 0);
  EXPECT_EQ(s.stored, 1);
  auto a = store_->GetArticle(events_.back().article_id);
  ASSERT_TRUE(a.ok());
  EXPECT_THAT(a->article.text, HasSubstr("premier sommet"));
  ExpectGoodPageIntact(id);
}

TEST_F(IngestPipelineTest, OversizedPageIsRejectedWithoutStopping) {
  int64_t id = StoreGoodPage();
  // A single 200 MB page against the default 20 MiB per-document bound.
  fs::path big = dir_ / "huge.html";
  {
    std::ofstream out(big, std::ios::binary);
    out << "<html><body><p>";
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 200; ++i) out << chunk;
  }
  std::string after = Write("after.txt",
                            "Un texte qui suit la page géante dans le même lot et "
                            "qui doit être stocké malgré l'erreur qui précède.\n");
  IngestSummary s = Ingest({big.string(), after});
  fs::remove(big);
  ASSERT_EQ(Errors().size(), 1u);
  EXPECT_EQ(Errors()[0].error.input(), big.string());
  EXPECT_EQ(Errors()[0].error.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(Errors()[0].error.message(), HasSubstr("20 MiB"));
  EXPECT_EQ(s.stored, 1);
  ExpectGoodPageIntact(id);
}

TEST_F(IngestPipelineTest, MalformedJsonLineIsReportedAndOthersStored) {
  int64_t id = StoreGoodPage();
  std::string jsonl =
      "{\"url\":\"https://a.example/1\",\"title\":\"Un\",\"text\":\"Premier article complet, avec "
      "une phrase assez longue pour compter comme texte.\"}\n"
      "{\"url\":\"https://a.example/2\",\"title\":\"Deux\",\"text\":\"tronqué\n"
      "{\"url\":\"https://a.example/3\",\"title\":\"Trois\",\"text\":\"Troisième article "
      "complet, avec une phrase assez longue pour compter comme texte.\"}\n";
  std::string path = Write("batch.jsonl", jsonl);
  IngestSummary s = Ingest({path});
  EXPECT_EQ(s.stored, 2);
  ASSERT_EQ(Errors().size(), 1u);
  EXPECT_EQ(Errors()[0].error.input(), path);
  EXPECT_EQ(Errors()[0].error.line(), 2);
  EXPECT_THAT(Errors()[0].error.ToString(), HasSubstr(path + ":2: "));
  ExpectGoodPageIntact(id);
}

TEST_F(IngestPipelineTest, TruncatedGzipKeepsEarlierRecords) {
  int64_t id = StoreGoodPage();
  std::string jsonl;
  for (int i = 1; i <= 200; ++i) {
    jsonl += "{\"url\":\"https://b.example/" + std::to_string(i) + "\",\"title\":\"Article " +
             std::to_string(i) + "\",\"text\":\"Un article de test numéro " + std::to_string(i) +
             ", assez long pour compter comme une phrase complète.\"}\n";
  }
  std::string path = WriteGzip("batch.jsonl.gz", jsonl);
  fs::resize_file(path, fs::file_size(path) * 2 / 3);
  IngestSummary s = Ingest({path});
  ASSERT_EQ(Errors().size(), 1u);
  EXPECT_EQ(Errors()[0].error.input(), path);
  EXPECT_THAT(Errors()[0].error.message(), HasSubstr("truncated gzip"));
  EXPECT_GT(s.stored, 0);
  EXPECT_LT(s.stored, 200);
  EXPECT_EQ(ArticleCount(), 1 + s.stored);
  ExpectGoodPageIntact(id);
}

TEST_F(IngestPipelineTest, MissingPathIsReported) {
  IngestSummary s = Ingest({(dir_ / "nope.html").string()});
  EXPECT_EQ(s.errors, 1);
  ASSERT_EQ(Errors().size(), 1u);
  EXPECT_THAT(Errors()[0].error.ToString(), HasSubstr("nope.html"));
}

TEST_F(IngestPipelineTest, ExtractTouchesNoStore) {
  std::vector<Article> got;
  std::vector<Status> errors;
  ExtractPaths(
      {Write("x.html", kGoodHtml)}, config_,
      [&](const RawDocument&, const Article& a) { got.push_back(a); },
      [&](const Status& s) { errors.push_back(s); });
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].url, "https://news.example.org/sommet");
  EXPECT_EQ(ArticleCount(), 0);
}

}  // namespace
}  // namespace veille
