// CollectPipeline against a loopback server serving feeds and pages written
// by the test: teaser items get their full text, conditional GET saves the
// second download, `watch` polls on the schedule and backs off, every
// hostile source ends with its own error while the others go on, nothing
// partial is stored, and a stop request ends the watch cleanly.
#include <filesystem>
#include <fstream>
#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/iso_time.h"
#include "tests/collect/test_server.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::TestServer;

constexpr int64_t kStart = 1'750'000'000'000;

// A paragraph of article text, distinct per (topic, i).
std::string Paragraph(const std::string& topic, int i) {
  return "<p>Le sommet consacré à " + topic + " s'est poursuivi pour la " + std::to_string(i + 1) +
         "e séance de la journée, et les délégations ont longuement débattu des engagements "
         "pris la veille, des calendriers de mise en œuvre et des garanties demandées par "
         "chacune des parties présentes autour de la table.</p>\n";
}

std::string ArticlePage(const std::string& title, const std::string& topic) {
  std::string html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" +
                     title + "</title></head><body><nav><a href=\"/\">Accueil</a></nav>" +
                     "<article><h1>" + title + "</h1>";
  for (int i = 0; i < 8; ++i) html += Paragraph(topic, i);
  return html + "</article><footer>© Exemple</footer></body></html>";
}

std::string RssItem(const std::string& link, const std::string& title,
                    const std::string& description, const std::string& content) {
  std::string item = "<item><title>" + title + "</title><link>" + link + "</link><guid>" + link +
                     "</guid><pubDate>Thu, 25 Apr 2019 08:30:00 +0000</pubDate>";
  if (!description.empty()) item += "<description>" + description + "</description>";
  if (!content.empty()) item += "<content:encoded><![CDATA[" + content + "]]></content:encoded>";
  return item + "</item>";
}

std::string Rss(const std::string& items) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
         "<channel><title>Le Flux</title><link>http://example.org/</link>"
         "<description>test</description>" +
         items + "</channel></rss>";
}

class CollectPipelineTest : public ::testing::Test {
 protected:
  CollectPipelineTest() : clock_(kStart), server_(clock_) {}

  void SetUp() override {
    dir_ =
        fs::path(::testing::TempDir()) /
        ("collect_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config_.db_path = (dir_ / "t.db").string();
    config_.commit_every = 2;  // several transactions per feed
    options_.fetch.connect_timeout_ms = 1000;
    options_.fetch.timeout_ms = 1000;
    options_.fetch.max_attempts = 2;
    options_.fetch.backoff_initial_ms = 100;
    options_.fetch.host_min_interval_ms = 0;
    options_.fetch.max_body_bytes = 1 << 20;
    server_.server().Get(
        R"(/files/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
          // Serves the file the test wrote, with validators from its version.
          const fs::path path = dir_ / "www" / req.matches[1].str();
          std::ifstream in(path, std::ios::binary);
          if (!in) {
            res.status = 404;
            return;
          }
          const std::string body((std::istreambuf_iterator<char>(in)), {});
          const std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
          if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
          }
          ++bodies_served_[req.matches[1].str()];
          res.set_header("ETag", etag);
          res.set_content(body, path.extension() == ".xml" ? "application/rss+xml; charset=utf-8"
                                                           : "text/html; charset=utf-8");
        });
    ASSERT_TRUE(server_.Start());
    Result<std::unique_ptr<Store>> store = OpenSqliteStore(config_.db_path, config_.store);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    Rebuild();
  }

  // Makes the fetcher and the pipeline from options_ (again).
  void Rebuild() {
    pipeline_.reset();
    Result<std::unique_ptr<Fetcher>> fetcher = NewCurlFetcher(options_.fetch, clock_);
    ASSERT_TRUE(fetcher.ok());
    fetcher_ = std::move(fetcher).value();
    pipeline_ =
        std::make_unique<CollectPipeline>(config_, options_, *fetcher_, *store_, clock_,
                                          [this](const IngestEvent& e) { events_.push_back(e); });
  }

  void Write(const std::string& name, const std::string& content) {
    fs::create_directories((dir_ / "www" / name).parent_path());
    std::ofstream(dir_ / "www" / name, std::ios::binary) << content;
  }
  std::string Url(const std::string& name) { return server_.Url("/files/" + name); }
  Source Subscribe(const std::string& url) {
    Source s;
    s.url = url;
    s.poll_interval_s = options_.schedule.initial_interval_s;
    Result<AddSourceResult> r = store_->AddSource(s);
    EXPECT_TRUE(r.ok());
    return r->source;
  }
  std::vector<StoredArticle> Articles() {
    Result<std::vector<StoredArticle>> all = store_->ListArticles({1000, 0});
    EXPECT_TRUE(all.ok());
    return all.ok() ? *all : std::vector<StoredArticle>();
  }
  int Errors() const {
    return static_cast<int>(std::count_if(events_.begin(), events_.end(), [](const auto& e) {
      return e.kind == IngestEvent::Kind::kError;
    }));
  }

  // A feed of three items: full content, a teaser description, a link only.
  void WriteTeaserFeed() {
    std::string full;
    for (int i = 0; i < 6; ++i) full += Paragraph("l'énergie", i);
    Write("feed.xml", Rss(RssItem(Url("a1.html"), "Article complet", "Résumé", full) +
                          RssItem(Url("a2.html"), "Article tronqué",
                                  "Les délégations se sont retrouvées ce matin pour…", "") +
                          RssItem(Url("a3.html"), "Article sans texte", "", "")));
    Write("a1.html", ArticlePage("Article complet", "l'énergie"));
    Write("a2.html", ArticlePage("Article tronqué", "la sécurité"));
    Write("a3.html", ArticlePage("Article sans texte", "le commerce"));
  }

  fs::path dir_;
  Config config_;
  CollectOptions options_;
  ManualClock clock_;
  TestServer server_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Fetcher> fetcher_;
  std::unique_ptr<CollectPipeline> pipeline_;
  std::vector<IngestEvent> events_;
  std::map<std::string, int> bodies_served_;
};

TEST(Teaser, ShortOrEllipsisOrReadMore) {
  CollectOptions o;
  EXPECT_TRUE(LooksLikeTeaser("", o));
  EXPECT_TRUE(LooksLikeTeaser("Un court résumé.", o));
  const std::string long_text(800, 'a');
  EXPECT_FALSE(LooksLikeTeaser(long_text + ".", o));
  EXPECT_TRUE(LooksLikeTeaser(long_text + " …", o));
  EXPECT_TRUE(LooksLikeTeaser(long_text + " [...]\n", o));
  EXPECT_TRUE(LooksLikeTeaser(long_text + " Read more", o));
  EXPECT_TRUE(LooksLikeTeaser(long_text + " Lire la suite", o));
}

TEST_F(CollectPipelineTest, TeaserItemsGetTheirFullText) {
  WriteTeaserFeed();
  Source source = Subscribe(Url("feed.xml"));
  const PollReport report = pipeline_->Poll(source);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.kind, SourceKind::kFeed);
  EXPECT_EQ(report.documents, 3);
  EXPECT_EQ(report.new_items, 3);
  EXPECT_EQ(report.full_text, 2);
  EXPECT_EQ(bodies_served_["a1.html"], 0);  // a full item: its page is not fetched
  std::map<std::string, std::string> text_by_title;
  for (const StoredArticle& a : Articles()) text_by_title[a.article.title] = a.article.text;
  ASSERT_EQ(text_by_title.size(), 3u);
  EXPECT_THAT(text_by_title["Article complet"], HasSubstr("l'énergie"));
  EXPECT_THAT(text_by_title["Article tronqué"],
              HasSubstr("la sécurité s'est poursuivi pour la 8e"));
  EXPECT_THAT(text_by_title["Article sans texte"], HasSubstr("le commerce"));
  Result<Source> saved = store_->FindSource(Url("feed.xml"));
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->kind, SourceKind::kFeed);
  EXPECT_EQ(saved->items_seen, 3);
  EXPECT_EQ(saved->last_status, 200);
  EXPECT_FALSE(saved->etag.empty());
  EXPECT_EQ(saved->last_fetch, FormatIsoUtc(kStart / 1000));
}

TEST_F(CollectPipelineTest, ConditionalGetSavesSecondDownload) {
  WriteTeaserFeed();
  Source source = Subscribe(Url("feed.xml"));
  ASSERT_TRUE(pipeline_->Poll(source).status.ok());
  const int64_t interval = source.poll_interval_s;
  const PollReport again = pipeline_->Poll(source);
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_TRUE(again.not_modified);
  EXPECT_EQ(bodies_served_["feed.xml"], 1);
  EXPECT_EQ(source.last_status, 304);
  EXPECT_GT(source.poll_interval_s, interval);  // nothing new: polled less often
  // The feed changes: a 200 again, old items are known, their pages not refetched.
  Write("feed.xml", Rss(RssItem(Url("a2.html"), "Article tronqué", "Les délégations…", "") +
                        RssItem(Url("a4.html"), "Nouveau", "Court…", "")));
  Write("a4.html", ArticlePage("Nouveau", "la culture"));
  const PollReport changed = pipeline_->Poll(source);
  ASSERT_TRUE(changed.status.ok()) << changed.status.ToString();
  EXPECT_EQ(changed.new_items, 1);
  EXPECT_EQ(bodies_served_["a2.html"], 1);
  EXPECT_EQ(Articles().size(), 4u);
}

// Each hostile source ends with its own error; the good one is stored; the
// failed ones back off; nothing of them is stored.
TEST_F(CollectPipelineTest, HostileSourcesFailAloneAndBackOff) {
  server_.server().Get("/hang", [this](const httplib::Request&, httplib::Response& res) {
    server_.Stall(std::chrono::seconds(10));
    res.set_content(Rss(""), "application/rss+xml");
  });
  server_.server().Get("/error",
                       [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  server_.server().Get(
      "/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop2"); });
  server_.server().Get(
      "/loop2", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
  server_.server().Get("/huge", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/rss+xml", [](size_t, httplib::DataSink& sink) {
      static const std::string block(64 << 10, ' ');
      return sink.write(block.data(), block.size());
    });
  });
  // An XML bomb: entity expansion must be refused, not performed.
  server_.server().Get("/bomb.xml", [](const httplib::Request&, httplib::Response& res) {
    std::string dtd = "<!ENTITY e0 \"lol lol lol lol lol lol lol lol lol lol\">";
    for (int i = 1; i < 10; ++i) {
      dtd += "<!ENTITY e" + std::to_string(i) + " \"";
      for (int k = 0; k < 10; ++k) dtd += "&e" + std::to_string(i - 1) + ";";
      dtd += "\">";
    }
    res.set_content("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [" + dtd +
                        "]>\n<rss version=\"2.0\"><channel><title>&e9;</title><item><title>x"
                        "</title><description>&e9;</description></item></channel></rss>",
                    "application/rss+xml");
  });
  options_.fetch.timeout_ms = 200;
  Rebuild();
  WriteTeaserFeed();
  const std::vector<std::string> urls = {server_.Url("/hang"), server_.Url("/error"),
                                         server_.Url("/loop"), Url("feed.xml"),
                                         server_.Url("/huge"), server_.Url("/bomb.xml")};
  for (const std::string& u : urls) Subscribe(u);
  std::atomic<bool> stop{false};
  std::map<std::string, PollReport> reports;
  ASSERT_TRUE(pipeline_
                  ->Watch(stop,
                          [&](const PollReport& r) {
                            reports[r.url] = r;
                            if (reports.size() == urls.size()) stop = true;
                          })
                  .ok());
  ASSERT_EQ(reports.size(), urls.size());
  EXPECT_THAT(reports[urls[0]].status.message(), HasSubstr("timed out"));
  EXPECT_THAT(reports[urls[1]].status.message(), HasSubstr("HTTP 500"));
  EXPECT_THAT(reports[urls[2]].status.message(), HasSubstr("redirect loop"));
  EXPECT_TRUE(reports[urls[3]].status.ok()) << reports[urls[3]].status.ToString();
  EXPECT_EQ(reports[urls[4]].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(reports[urls[5]].status.code(), StatusCode::kInvalidInput);
  EXPECT_THAT(reports[urls[5]].status.message(), HasSubstr("entity"));
  for (const std::string& u : urls) {
    if (u == urls[3]) continue;
    EXPECT_EQ(reports[u].status.input(), u);  // the error names the source
    Result<Source> s = store_->FindSource(u);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->error_count, 1) << u;
    EXPECT_FALSE(s->last_error.empty()) << u;
    EXPECT_EQ(s->items_seen, 0);
    EXPECT_TRUE(s->etag.empty());
  }
  EXPECT_EQ(Articles().size(), 3u);  // only the good feed's items
  EXPECT_EQ(Errors(), 5);
}

TEST_F(CollectPipelineTest, WatchPollsOnTheAdaptiveScheduleUntilStopped) {
  // A feed that gains one item before every poll (a busy source).
  int generation = 0;
  server_.server().Get("/busy.xml", [&](const httplib::Request&, httplib::Response& res) {
    ++generation;
    std::string items;
    for (int i = 1; i <= generation; ++i) {
      std::string full;
      for (int p = 0; p < 5; ++p) full += Paragraph("l'épisode " + std::to_string(i), p);
      items += RssItem("http://example.org/e" + std::to_string(i), "Épisode " + std::to_string(i),
                       "", full);
    }
    res.set_content(Rss(items), "application/rss+xml");
  });
  Subscribe(server_.Url("/busy.xml"));
  std::atomic<bool> stop{false};
  int polls = 0;
  ASSERT_TRUE(pipeline_
                  ->Watch(stop,
                          [&](const PollReport& r) {
                            EXPECT_TRUE(r.status.ok()) << r.status.ToString();
                            EXPECT_EQ(r.new_items, 1);
                            if (++polls == 5) stop = true;
                          })
                  .ok());
  std::vector<int64_t> at;
  for (const auto& req : server_.requests()) {
    if (req.path == "/busy.xml") at.push_back(req.at_ms);
  }
  ASSERT_EQ(at.size(), 5u);
  // The interval halves after each poll with news: 30 min, 15 min, 7.5 min, 5 min (floor).
  EXPECT_EQ(at[1] - at[0], 1800 * 1000);
  EXPECT_EQ(at[2] - at[1], 900 * 1000);
  EXPECT_EQ(at[3] - at[2], 450 * 1000);
  EXPECT_EQ(at[4] - at[3], 300 * 1000);
  EXPECT_EQ(Articles().size(), 5u);
  Result<Source> s = store_->FindSource(server_.Url("/busy.xml"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->items_seen, 5);
  EXPECT_EQ(s->poll_interval_s, 300);
}

// The page of a teaser item is disallowed by robots.txt: not requested, the
// teaser is kept with a warning naming the reason.
TEST_F(CollectPipelineTest, TeaserPageDisallowedByRobotsKeepsTheTeaser) {
  server_.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /files/private/\n", "text/plain");
  });
  Write("feed.xml",
        Rss(RssItem(Url("private/p.html"), "Réservé", "Un résumé que seul le site complète…", "")));
  Write("private/p.html", ArticlePage("Réservé", "la défense"));
  const PollReport r = pipeline_->FetchOnce(Url("feed.xml"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.full_text, 0);
  EXPECT_EQ(server_.CountPath("/files/private/p.html"), 0);
  const auto warning = std::find_if(events_.begin(), events_.end(), [](const IngestEvent& e) {
    return e.kind == IngestEvent::Kind::kWarning;
  });
  ASSERT_NE(warning, events_.end());
  EXPECT_THAT(warning->warning, HasSubstr("robots.txt"));
  const auto articles = Articles();
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_THAT(articles[0].article.text, HasSubstr("seul le site"));
}

// A feed cut in the middle of its third item: complete items are stored, the
// broken one is not, the poll is an error naming the source,
// and the validators are not kept so that the next poll reads it again.
TEST_F(CollectPipelineTest, TruncatedFeedStoresOnlyCompleteItems) {
  std::string full;
  for (int i = 0; i < 6; ++i) full += Paragraph("l'industrie", i);
  const std::string feed =
      Rss(RssItem("http://example.org/i1", "Un", "", full) +
          RssItem("http://example.org/i2", "Deux", "", full + "<p>Deux.</p>") +
          RssItem("http://example.org/i3", "Trois", "", full + "<p>Trois.</p>"));
  Write("cut.xml", feed.substr(0, feed.find("<title>Trois") + 20));
  Source source = Subscribe(Url("cut.xml"));
  const PollReport r = pipeline_->Poll(source);
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidInput) << r.status.ToString();
  EXPECT_EQ(r.status.input(), Url("cut.xml"));
  // The items the reader returned before the break are stored (at least the
  // first), the broken one is not.
  std::vector<std::string> titles;
  for (const StoredArticle& a : Articles()) titles.push_back(a.article.title);
  EXPECT_THAT(titles, ::testing::Contains("Un"));
  EXPECT_THAT(titles, ::testing::Not(::testing::Contains("Trois")));
  EXPECT_EQ(r.new_items, static_cast<int64_t>(titles.size()));
  EXPECT_EQ(source.error_count, 1);
  EXPECT_TRUE(source.etag.empty());
  EXPECT_THAT(source.last_error, HasSubstr(Url("cut.xml")));
}

TEST_F(CollectPipelineTest, FetchOnceStoresAPageWithoutState) {
  Write("page.html", ArticlePage("Une page", "la diplomatie"));
  const PollReport r = pipeline_->FetchOnce(Url("page.html"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.kind, SourceKind::kPage);
  EXPECT_EQ(r.new_items, 1);
  EXPECT_EQ(store_->ListSources()->size(), 0u);
  const PollReport missing = pipeline_->FetchOnce(Url("absent.html"));
  EXPECT_EQ(missing.status.code(), StatusCode::kNotFound);
  EXPECT_EQ(Articles().size(), 1u);
}

TEST_F(CollectPipelineTest, SubscribesUrlsAndOpmlLists) {
  const fs::path opml = dir_ / "subs.opml";
  std::ofstream(opml) << "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title>"
                         "</head><body><outline text=\"News\">"
                         "<outline type=\"rss\" text=\"Un\" xmlUrl=\"http://a.example/rss\"/>"
                         "<outline type=\"rss\" text=\"Deux\" xmlUrl=\"http://b.example/atom\"/>"
                         "</outline></body></opml>";
  std::vector<Status> errors;
  const SubscribeSummary s =
      veille::Subscribe({"http://c.example/feed", "ftp://nope"}, {opml.string()}, config_, options_,
                        *store_, [&](const Status& e) { errors.push_back(e); });
  EXPECT_EQ(s.added, 3);
  EXPECT_EQ(s.errors, 1);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].input(), "ftp://nope");
  const std::vector<Source> all = *store_->ListSources();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].title, "Un");
  EXPECT_EQ(all[1].kind, SourceKind::kFeed);
  EXPECT_EQ(all[0].kind, SourceKind::kAuto);
  EXPECT_TRUE(all[0].next_poll.empty());  // due at once
  // Ingesting the list again subscribes nothing new and stores no article.
  const IngestSummary again =
      IngestPaths({opml.string()}, config_, *store_, [](const IngestEvent&) {});
  EXPECT_EQ(again.sources_known, 2);
  EXPECT_EQ(again.sources_added, 0);
  EXPECT_EQ(again.documents, 0);
  EXPECT_EQ(Articles().size(), 0u);
}

}  // namespace
}  // namespace veille
