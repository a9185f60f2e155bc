// The HTTP API and web pages over a real server on a loopback port, with the
// bundled sample corpus ingested into a temporary database.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "serve/server.h"
#include "veille/pipeline.h"

namespace veille::serve {
namespace {

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("veille_serve_test_" + std::to_string(::getpid())));
    std::filesystem::create_directories(*dir_);
    config_ = new Config();
    config_->db_path = (*dir_ / "t.db").string();
    auto analysis = AnalysisResources::Load(config_->analyze);
    ASSERT_TRUE(analysis.ok()) << analysis.status().ToString();
    analysis_ = analysis->release();
    auto store = OpenSqliteStore(config_->db_path, config_->store);
    ASSERT_TRUE(store.ok());
    IngestSummary s = IngestPaths({std::string(VEILLE_SOURCE_DIR) + "/data/sample"}, *config_,
                                  *analysis_, **store, [](const IngestEvent&) {});
    ASSERT_GT(s.stored, 10);
  }
  static void TearDownTestSuite() {
    delete analysis_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete config_;
  }

  void Start(ServeOptions options = {}) {
    options.port = 0;
    server_ = std::make_unique<Server>(*config_, options, analysis_);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_default_headers({{"X-Veille-Write", "1"}});
    for (int i = 0; i < 2000; ++i) {
      if (auto r = client_->Get("/healthz"); r && r->status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    FAIL() << "server did not start";
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  nlohmann::json GetJson(const std::string& path, int expected_status = 200) {
    auto r = client_->Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, expected_status) << path << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    return nlohmann::json::parse(r->body, nullptr, false);
  }

  static std::filesystem::path* dir_;
  static Config* config_;
  static const AnalysisResources* analysis_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};
std::filesystem::path* ServeTest::dir_ = nullptr;
Config* ServeTest::config_ = nullptr;
const AnalysisResources* ServeTest::analysis_ = nullptr;

TEST_F(ServeTest, HealthAndMetrics) {
  Start();
  auto r = client_->Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "ok\n");
  (void)client_->Get("/api/stories");
  r = client_->Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("veille_http_requests_total{route=\"api_stories\",status=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(r->body.find("veille_articles "), std::string::npos);
  EXPECT_NE(r->body.find("veille_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST_F(ServeTest, StoriesListAndOneStory) {
  Start();
  nlohmann::json list = GetJson("/api/stories?limit=5");
  ASSERT_TRUE(list["stories"].is_array());
  ASSERT_FALSE(list["stories"].empty());
  // Importance order: distinct sources descending.
  int64_t previous = INT64_MAX;
  for (const auto& s : list["stories"]) {
    EXPECT_LE(s["source_count"].get<int64_t>(), previous);
    previous = s["source_count"].get<int64_t>();
  }
  const int64_t id = list["stories"][0]["id"];
  nlohmann::json story = GetJson("/api/stories/" + std::to_string(id));
  EXPECT_EQ(story["id"], id);
  ASSERT_TRUE(story["articles"].is_array());
  EXPECT_EQ(static_cast<int64_t>(story["articles"].size()), story["article_count"].get<int64_t>());
  nlohmann::json fr = GetJson("/api/stories?lang=xx");
  EXPECT_TRUE(fr["stories"].empty());
  GetJson("/api/stories/999999", 404);
  nlohmann::json bad = GetJson("/api/stories?limit=100000", 400);
  EXPECT_EQ(bad["error"]["status"], 400);
}

TEST_F(ServeTest, SearchMarksMatchesAndIsStemmed) {
  Start();
  nlohmann::json r = GetJson("/api/search?q=Vladivostok&limit=5");
  ASSERT_FALSE(r["hits"].empty());
  EXPECT_NE(r["hits"][0]["snippet"].get<std::string>().find("[Vladivostok]"), std::string::npos);
  // "sommets" is not in the corpus as such; its stem finds "sommet".
  nlohmann::json stem = GetJson("/api/search?q=sommets");
  EXPECT_FALSE(stem["hits"].empty());
  nlohmann::json none = GetJson("/api/search?q=Vladivostok&lang=xx");
  EXPECT_TRUE(none["hits"].empty());
  GetJson("/api/search", 400);
  GetJson("/api/search?q=" + std::string(300, 'a'), 400);
}

TEST_F(ServeTest, SimilarExcludesTheArticleAndItsCopies) {
  Start();
  nlohmann::json r = GetJson("/api/articles/1/similar?limit=5");
  ASSERT_TRUE(r["similar"].is_array());
  nlohmann::json a = GetJson("/api/articles/1");
  std::set<int64_t> excluded = {1};
  for (const auto& c : a["copies"]) {
    excluded.insert(c["original_id"].get<int64_t>());
    excluded.insert(c["copy_id"].get<int64_t>());
  }
  // The sample holds other reports of the same summit: some are found, each
  // shown once (one article per title).
  EXPECT_FALSE(r["similar"].empty());
  std::set<std::string> titles;
  double previous = 2;
  for (const auto& s : r["similar"]) {
    EXPECT_TRUE(titles.insert(s["title"].get<std::string>()).second) << s["title"];
    EXPECT_EQ(excluded.count(s["id"].get<int64_t>()), 0u);
    EXPECT_LE(s["score"].get<double>(), previous);
    previous = s["score"].get<double>();
  }
  GetJson("/api/articles/999999/similar", 404);
}

TEST_F(ServeTest, ArticlesAndEntities) {
  Start();
  nlohmann::json list = GetJson("/api/articles?limit=3&offset=1");
  ASSERT_EQ(list["articles"].size(), 3u);
  EXPECT_EQ(list["articles"][0]["id"], 2);
  nlohmann::json a = GetJson("/api/articles/2");
  EXPECT_TRUE(a["text"].is_string());
  nlohmann::json e = GetJson("/api/entities?kind=person&limit=5");
  ASSERT_FALSE(e["entities"].empty());
  EXPECT_EQ(e["entities"][0]["kind"], "person");
  GetJson("/api/nothing", 404);
}

TEST_F(ServeTest, HostilePageIsShownAsText) {
  Start();
  const std::string page =
      "<html><head><title>Evil &lt;script&gt;alert(1)&lt;/script&gt; \"&gt;&lt;img src=x "
      "onerror=alert(2)&gt;</title></head><body><article><h1>Evil &lt;script&gt;alert(1)&lt;/"
      "script&gt;</h1><p>The text says &lt;script&gt;alert(3)&lt;/script&gt; and then "
      "\"&gt;&lt;img src=x onerror=alert(4)&gt; in the middle of a long enough paragraph so "
      "that the extractor keeps it as the main text of this page about nothing at all.</p>"
      "<p>A second paragraph keeps the article long enough to be extracted as text, with a few "
      "more words about the weather, the markets and the football results.</p>"
      "<script>alert(5)</script></article></body></html>";
  auto r = client_->Post("/api/ingest?name=hostile.html", page, "text/html");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json j = nlohmann::json::parse(r->body);
  ASSERT_EQ(j["articles"].size(), 1u) << r->body;
  const int64_t id = j["articles"][0]["id"];
  nlohmann::json a = GetJson("/api/articles/" + std::to_string(id));
  const std::string text = a["text"];
  ASSERT_NE(text.find("<script>alert(3)</script>"), std::string::npos) << text;
  auto html = client_->Get("/articles/" + std::to_string(id));
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html->body.find("<img src=x"), std::string::npos);
  EXPECT_NE(html->body.find("&lt;script&gt;alert(3)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html->body.find("&quot;&gt;&lt;img src=x onerror=alert(4)&gt;"), std::string::npos);
  EXPECT_NE(html->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  // The same body again: known, not a new article.
  r = client_->Post("/api/ingest?name=hostile.html", page, "text/html");
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["known"], 1);
  // Search pages escape it too.
  auto search = client_->Get("/search?q=alert");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->body.find("<script>alert"), std::string::npos);
}

TEST_F(ServeTest, CrossSiteWritesAndForeignHostsAreRefused) {
  Start();
  httplib::Client plain("127.0.0.1", server_->port());
  // A cross-site form or fetch cannot add the custom header without a preflight.
  auto r = plain.Post("/api/ingest", "hello world from another site", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  r = plain.Delete("/api/articles/1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  // A rebound DNS name pointing at 127.0.0.1 is refused, reads included.
  r = plain.Get("/api/stories", {{"Host", "evil.example:8080"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = plain.Get("/api/stories", {{"Host", "localhost:8080"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServeTest, IngestErrorsAndBounds) {
  ServeOptions options;
  options.max_body_bytes = 1000;
  Start(options);
  auto r = client_->Post("/api/ingest", std::string("\x00\x01\x02\x03", 4) + std::string(200, '\0'),
                         "application/octet-stream");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422) << r->body;
  r = client_->Post("/api/ingest", std::string(5000, 'a'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  r = client_->Delete("/api/articles/999999");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

// DELETE /api/articles/{id}: the token rules of ingest; the article, its
// search hits and its story membership go; a second delete is a 404.
TEST_F(ServeTest, DeleteArticleUpdatesItsStory) {
  ServeOptions options;
  options.token = "s3cret";
  Start(options);
  const httplib::Headers auth = {{"Authorization", "Bearer s3cret"}};
  auto r = client_->Post(
      "/api/ingest?name=delete-me", auth,
      "Quokkaphile parade in Perth draws a crowd\n\n"
      "The quokkaphile parade went on for hours along the river on Saturday, watched by "
      "thousands of families who had come from across Western Australia. The organisers said "
      "the quokkaphile parade would return next year with more floats and a longer route. "
      "Local shops reported their busiest day of the season, and the city council thanked the "
      "volunteers who cleaned the streets after the quokkaphile parade had ended. Police said "
      "the day passed without any incident, and public transport ran extra services.",
      "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const nlohmann::json report = nlohmann::json::parse(r->body);
  ASSERT_EQ(report["articles"].size(), 1u) << r->body;
  const int64_t id = report["articles"][0]["id"];
  const std::string path = "/api/articles/" + std::to_string(id);
  nlohmann::json article = GetJson(path);
  EXPECT_FALSE(GetJson("/api/search?q=quokkaphile")["hits"].empty());

  r = client_->Delete(path);  // no token
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(GetJson(path)["id"], id);

  r = client_->Delete(path, auth);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(nlohmann::json::parse(r->body)["deleted"], id);
  GetJson(path, 404);
  GetJson(path + "/similar", 404);
  EXPECT_TRUE(GetJson("/api/search?q=quokkaphile")["hits"].empty());
  if (article["story_id"].is_number()) {
    const std::string story = "/api/stories/" + article["story_id"].dump();
    auto s = client_->Get(story);
    ASSERT_TRUE(s);
    if (s->status == 200) {
      const nlohmann::json remaining = nlohmann::json::parse(s->body);  // outlives the loop
      for (const auto& a : remaining["articles"]) EXPECT_NE(a["id"], id);
    }
  }
  r = client_->Delete(path, auth);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(ServeTest, TokenGuardsWrites) {
  ServeOptions options;
  options.token = "s3cret";
  options.max_body_bytes = 4096;
  Start(options);
  auto r = client_->Post("/api/ingest", "hello world", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  // A refused body is dropped as it arrives: on a keep-alive connection, the
  // next request is answered in step (the body is not read as a request).
  httplib::Client keep_alive("127.0.0.1", server_->port());
  keep_alive.set_keep_alive(true);
  const std::string smuggled =
      "POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n"
      "Content-Length: 5\r\n\r\nhello";
  r = keep_alive.Post("/api/ingest", smuggled, "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  r = keep_alive.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "ok\n");
  // Above the body bound, refused all the same.
  r = client_->Post("/api/ingest", std::string(8192, 'x'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->status == 401 || r->status == 413) << r->status;
  httplib::Headers h = {{"Authorization", "Bearer wrong"}};
  r = client_->Post("/api/ingest", h, "hello world", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  h = {{"Authorization", "Bearer s3cret"}};
  r = client_->Post("/api/ingest", h,
                    "Un texte assez long pour être lu comme un article. " +
                        std::string("Encore une phrase entière. "),
                    "text/plain");
  ASSERT_TRUE(r);
  EXPECT_NE(r->status, 401);
  EXPECT_NE(r->status, 403);
}

TEST_F(ServeTest, WebPagesRender) {
  Start();
  for (const char* path : {"/", "/articles", "/entities", "/storylines", "/search?q=Poutine",
                           "/articles/1", "/static/style.css", "/static/app.js"}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
  }
  nlohmann::json list = GetJson("/api/stories?limit=1");
  const int64_t id = list["stories"][0]["id"];
  auto r = client_->Get("/stories/" + std::to_string(id));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("Similar news"), std::string::npos);
  r = client_->Get("/static/../../etc/passwd");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  r = client_->Get("/nowhere");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("<html"), std::string::npos);
}

}  // namespace
}  // namespace veille::serve
