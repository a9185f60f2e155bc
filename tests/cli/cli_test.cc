// The `veille` binary as a user runs it: exit statuses, --help on every
// command, idempotent ingest of the sample corpus, export read back by ingest,
// settings precedence (flag > environment > config file).
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

struct CmdResult {
  int status = -1;
  std::string out;  // stdout and stderr, merged
};

CmdResult Veille(const std::string& args, const std::string& env = "") {
  std::string cmd = env + " " VEILLE_BINARY " " + args + " 2>&1";
  CmdResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
  }
  std::string Db() const { return "--db " + db_; }
  fs::path dir_;
  std::string db_;
  const std::string sample_ = std::string(VEILLE_SOURCE_DIR) + "/data/sample";
};

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const char* cmd :
       {"", "ingest", "extract", "articles", "show", "search", "stats", "export"}) {
    CmdResult r = Veille(std::string(cmd) + " --help");
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr("Usage")) << cmd;
  }
}

TEST_F(CliTest, UnknownCommandIsAUsageError) {
  CmdResult r = Veille("frobnicate");
  EXPECT_EQ(r.status, 2);
}

TEST_F(CliTest, IngestTwiceReportsKnown) {
  CmdResult first = Veille(Db() + " ingest --no-progress " + sample_);
  EXPECT_EQ(first.status, 0) << first.out;
  EXPECT_THAT(first.out, HasSubstr("0 already known"));
  EXPECT_THAT(first.out, HasSubstr("new "));
  CmdResult second = Veille(Db() + " ingest --no-progress " + sample_);
  EXPECT_EQ(second.status, 0) << second.out;
  EXPECT_THAT(second.out, HasSubstr(" 0 new, 0 revised"));
  EXPECT_THAT(second.out, Not(HasSubstr("new  ")));
  EXPECT_THAT(second.out, HasSubstr("known "));
}

TEST_F(CliTest, FailedInputGivesPartialExitStatus) {
  std::ofstream(dir_ / "empty.txt") << "";
  CmdResult r =
      Veille(Db() + " ingest --no-progress " + (dir_ / "empty.txt").string() + " " + sample_);
  EXPECT_EQ(r.status, 3) << r.out;
  EXPECT_THAT(r.out, HasSubstr("veille: error: " + (dir_ / "empty.txt").string()));
  EXPECT_THAT(r.out, HasSubstr("1 error(s)"));
}

TEST_F(CliTest, ShowMissingArticleIsNotFound) {
  Veille(Db() + " ingest -q --no-progress " + sample_);
  CmdResult r = Veille(Db() + " show 99999");
  EXPECT_EQ(r.status, 4);
}

TEST_F(CliTest, ExportReadsBackWithIngest) {
  ASSERT_EQ(Veille(Db() + " ingest -q --no-progress " + sample_).status, 0);
  const std::string out = (dir_ / "export.jsonl").string();
  CmdResult e = Veille(Db() + " export -o " + out);
  ASSERT_EQ(e.status, 0) << e.out;
  CmdResult back =
      Veille("--db " + (dir_ / "back.db").string() + " ingest -q --no-progress " + out);
  EXPECT_EQ(back.status, 0) << back.out;
  CmdResult a = Veille(Db() + " stats --json");
  CmdResult b = Veille("--db " + (dir_ / "back.db").string() + " stats --json");
  auto count = [](const std::string& s) {
    size_t p = s.find("\"articles\": ");
    return p == std::string::npos ? -1 : std::stoi(s.substr(p + 12));
  };
  EXPECT_EQ(count(a.out), count(b.out));
  EXPECT_GT(count(a.out), 0);
}

TEST_F(CliTest, ExtractPrintsOneJsonObjectPerPage) {
  CmdResult r = Veille("extract " + sample_ + "/seeds/001_7ed8cf3b4f60d3ac.txt");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("\"input\":"));
  EXPECT_THAT(r.out, HasSubstr("\"lang\":\"fr\""));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

TEST_F(CliTest, SettingsPrecedenceFlagEnvFile) {
  const fs::path conf = dir_ / "config.toml";
  std::ofstream(conf) << "db = \"" << (dir_ / "from_file.db").string() << "\"\n";
  Veille("--config " + conf.string() + " ingest -q --no-progress " + sample_);
  EXPECT_TRUE(fs::exists(dir_ / "from_file.db"));
  Veille("--config " + conf.string() + " ingest -q --no-progress " + sample_,
         "VEILLE_DB=" + (dir_ / "from_env.db").string());
  EXPECT_TRUE(fs::exists(dir_ / "from_env.db"));
  Veille("--config " + conf.string() + " --db " + (dir_ / "from_flag.db").string() +
             " ingest -q --no-progress " + sample_,
         "VEILLE_DB=" + (dir_ / "from_env.db").string());
  EXPECT_TRUE(fs::exists(dir_ / "from_flag.db"));
}

TEST_F(CliTest, BadConfigFileNamesFileAndLine) {
  const fs::path conf = dir_ / "bad.toml";
  std::ofstream(conf) << "# settings\ndb = \"x.db\"\nmax-document-mb = lots\n";
  CmdResult r = Veille("--config " + conf.string() + " stats");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.out, HasSubstr(conf.string() + ":3: bad value for max-document-mb"));
  std::ofstream(conf) << "colour = \"blue\"\n";
  r = Veille("--config " + conf.string() + " stats");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.out, HasSubstr("unknown setting 'colour'"));
  r = Veille("stats", "VEILLE_COMMIT_EVERY=0");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.out, HasSubstr("VEILLE_COMMIT_EVERY"));
}

// `veille entities` lists the registry that ingest stored: Vladimir Putin
// with his French and English spellings and the rule that merged each.
TEST_F(CliTest, EntitiesListsTheStoredRegistry) {
  ASSERT_EQ(Veille(Db() + " ingest -q --no-progress " + sample_).status, 0);
  CmdResult r = Veille(Db() + " entities --json --kind person");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("\"name\": \"Vladimir Putin\""));
  for (const char* surface : {"Vladimir Poutine", "Poutine", "Putin"}) {
    EXPECT_THAT(r.out, HasSubstr(std::string("\"surface\": \"") + surface + "\""));
  }
  EXPECT_THAT(r.out, HasSubstr("\"rule\": \"alias\""));
  r = Veille(Db() + " stats");
  EXPECT_THAT(r.out, HasSubstr("features: 15 revision(s)"));
}

// --data-dir (and VEILLE_DATA_DIR, config key data-dir) names the analysis
// data: a folder without it fails the ingest with one clear error.
TEST_F(CliTest, DataDirSettingIsUsed) {
  const std::string page = (dir_ / "p.html").string();
  std::ofstream(page) << "<html><body><article><p>Un texte assez long pour un article, avec "
                         "des phrases completes et un peu de contenu.</p></article></body></html>";
  CmdResult r = Veille(Db() + " --data-dir " + (dir_ / "nowhere").string() + " ingest -q " + page);
  EXPECT_EQ(r.status, 3);
  EXPECT_THAT(r.out, HasSubstr("nowhere"));
  r = Veille(Db() + " ingest -q " + page, "VEILLE_DATA_DIR=" + (dir_ / "nowhere").string());
  EXPECT_EQ(r.status, 3);
  r = Veille(Db() + " --data-dir " + std::string(VEILLE_SOURCE_DIR) + "/data ingest -q " + page);
  EXPECT_EQ(r.status, 0) << r.out;
}

TEST_F(CliTest, StdinIsAnInput) {
  CmdResult r =
      Veille(Db() + " ingest --no-progress - < " + sample_ + "/seeds/003_23cb88113d4ad096.txt");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("1 new"));
}

}  // namespace
