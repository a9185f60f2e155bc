// `veille sources`, `fetch` and `watch` as a user runs them, against a
// loopback server started by the test: subscriptions from URLs and OPML,
// fetch-once with per-URL errors and exit status 3, a bounded watch, and a
// watch stopped by SIGTERM that exits cleanly with what it fetched stored.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/collect/test_server.h"

namespace veille {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct CmdResult {
  int status = -1;
  std::string out;  // stdout and stderr, merged
};

CmdResult Veille(const std::string& args) {
  const std::string cmd = VEILLE_BINARY " " + args + " 2>&1";
  CmdResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string Feed(const std::string& base, int items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Flux</title>"
      "<link>" +
      base + "</link><description>d</description>";
  for (int i = 1; i <= items; ++i) {
    std::string body;
    for (int p = 0; p < 5; ++p) {
      body += "<p>Dépêche " + std::to_string(i) + ", paragraphe " + std::to_string(p) +
              " : les négociateurs ont repris leurs discussions ce matin dans la capitale, "
              "avec l'espoir d'aboutir à un accord avant la fin de la semaine prochaine.</p>";
    }
    xml += "<item><title>Dépêche " + std::to_string(i) + "</title><link>" + base + "d" +
           std::to_string(i) + "</link><content:encoded><![CDATA[" + body +
           "]]></content:encoded></item>";
  }
  return xml + "</channel></rss>";
}

class CollectCliTest : public ::testing::Test {
 protected:
  CollectCliTest() : server_(SystemClock()) {}
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("collect_cli_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = "--db " + (dir_ / "t.db").string();
    server_.server().Get("/feed.xml", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(Feed(server_.Url("/"), 3), "application/rss+xml");
    });
    server_.server().Get("/other.xml", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(Feed(server_.Url("/o/"), 2), "application/rss+xml");
    });
    server_.server().Get("/broken",
                         [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    ASSERT_TRUE(server_.Start());
  }
  const std::string kFast = " --host-interval-ms 0 --timeout-ms 1000 --max-attempts 1";
  fs::path dir_;
  std::string db_;
  testing::TestServer server_;
};

TEST_F(CollectCliTest, NewCommandsHaveHelp) {
  for (const char* cmd : {"sources", "sources add", "fetch", "watch"}) {
    const CmdResult r = Veille(std::string(cmd) + " --help");
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr("Usage")) << cmd;
  }
}

TEST_F(CollectCliTest, SourcesAddFromUrlsAndOpml) {
  const fs::path opml = dir_ / "subs.opml";
  std::ofstream(opml) << "<?xml version=\"1.0\"?><opml version=\"1.0\"><head/><body>"
                         "<outline text=\"Flux A\" type=\"rss\" xmlUrl=\"http://a.example/rss\"/>"
                         "<outline text=\"Flux B\" type=\"rss\" xmlUrl=\"http://b.example/rss\"/>"
                         "</body></opml>";
  CmdResult r = Veille(db_ + " sources add " + server_.Url("/feed.xml") + " " + opml.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("3 added"));
  r = Veille(db_ + " sources add " + opml.string() + " ftp://x.example/");
  EXPECT_EQ(r.status, 3) << r.out;
  EXPECT_THAT(r.out, HasSubstr("2 already subscribed"));
  EXPECT_THAT(r.out, HasSubstr("ftp://x.example/"));
  r = Veille(db_ + " sources --json");
  EXPECT_EQ(r.status, 0);
  EXPECT_THAT(r.out, HasSubstr("\"title\": \"Flux A\""));
  EXPECT_THAT(r.out, HasSubstr("\"kind\": \"feed\""));
  // `ingest` of the OPML list imports the same way (nothing new here).
  r = Veille(db_ + " ingest --no-progress " + opml.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("2 already subscribed"));
}

TEST_F(CollectCliTest, FetchOnceReportsEachUrl) {
  CmdResult r = Veille(db_ + " fetch" + kFast + " " + server_.Url("/feed.xml") + " " +
                       server_.Url("/broken"));
  EXPECT_EQ(r.status, 3) << r.out;  // partial: one URL failed
  EXPECT_THAT(r.out, HasSubstr("3 new"));
  EXPECT_THAT(r.out, HasSubstr(server_.Url("/broken") + ": HTTP 500"));
  r = Veille(db_ + " fetch" + kFast + " " + server_.Url("/feed.xml"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("3 already known"));
}

TEST_F(CollectCliTest, WatchStopsAfterMaxPollsAndKeepsState) {
  ASSERT_EQ(Veille(db_ + " sources add " + server_.Url("/feed.xml") + " " +
                   server_.Url("/other.xml") + " " + server_.Url("/broken"))
                .status,
            0);
  const CmdResult r = Veille(db_ + " watch --max-polls 3 -q" + kFast);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("watch: stopped; 5 document(s): 5 new"));
  const CmdResult list = Veille(db_ + " sources");
  EXPECT_THAT(list.out, HasSubstr("ok 200, 3 item(s)"));
  EXPECT_THAT(list.out, HasSubstr("failing (1x)"));
  EXPECT_THAT(list.out, HasSubstr("last error: " + server_.Url("/broken") + ": HTTP 500"));
}

TEST_F(CollectCliTest, WatchShutsDownCleanlyOnSigterm) {
  ASSERT_EQ(Veille(db_ + " sources add " + server_.Url("/feed.xml")).status, 0);
  const std::string out = (dir_ / "watch.out").string();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string cmd =
        "exec " VEILLE_BINARY " " + db_ + " watch -q" + kFast + " >" + out + " 2>&1";
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the feed has been served, then until its poll has been stored.
  bool polled = false;
  for (int i = 0; i < 1000 && !polled; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    polled = Veille(db_ + " sources --json").out.find("\"items_seen\": 3") != std::string::npos;
  }
  ASSERT_TRUE(polled);
  ASSERT_EQ(kill(child, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::ifstream in(out);
  const std::string log((std::istreambuf_iterator<char>(in)), {});
  EXPECT_THAT(log, HasSubstr("watch: stopped; 3 document(s): 3 new"));
  EXPECT_THAT(Veille(db_ + " articles").out, HasSubstr("Dépêche 3"));
}

}  // namespace
}  // namespace veille
