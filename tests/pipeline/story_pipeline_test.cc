// Stories wired into the ingest pipeline: the seed pages, ingested as the
// JSONL of their texts with their publication dates, form exactly two
// stories (000, 001, 003, 004; and 002) in one storyline whatever the order
// and however the inputs are split across processes; the Vladivostok story's
// summary names its actors, comes from the articles' main text and dates the
// summit and the arrival; near-copies are linked and share their original's
// story; recluster rebuilds the same stories under the same ids; a story's
// membership is explained.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "forwarding_store.h"
#include "veille/pipeline.h"
#include "veille/store.h"
#include "veille/summarize.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

struct Seed {
  std::string key;  // "000".."004"
  std::string text;
  std::string published;
};

std::vector<Seed> ReadSeeds() {
  const std::map<std::string, std::string> dates = {{"000", "2019-04-25"},
                                                    {"001", "2019-04-23"},
                                                    {"002", "2024-06-19"},
                                                    {"003", "2019-04-24"},
                                                    {"004", "2019-04-25"}};
  std::vector<Seed> seeds;
  const fs::path dir = fs::path(VEILLE_SOURCE_DIR) / "data/sample/seeds";
  if (!fs::exists(dir)) return seeds;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const std::string key = f.filename().string().substr(0, 3);
    std::ifstream in(f, std::ios::binary);
    seeds.push_back({key, std::string(std::istreambuf_iterator<char>(in), {}), dates.at(key)});
  }
  return seeds;
}

class StoryPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("story_pipeline_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config_.analyze.data_dir = std::string(VEILLE_SOURCE_DIR) + "/data";
    auto res = AnalysisResources::Load(config_.analyze);
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    resources_ = std::move(res).value();
  }

  std::unique_ptr<Store> Open(const std::string& name) {
    auto store = OpenSqliteStore((dir_ / name).string(), config_.store);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // One JSONL file of `seeds`, each with its URL and publication date.
  std::string WriteJsonl(const std::string& name, const std::vector<Seed>& seeds) {
    fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    for (const Seed& s : seeds) {
      out << nlohmann::json({{"url", "https://seeds.example/" + s.key},
                             {"text", s.text},
                             {"published", s.published}})
                 .dump()
          << "\n";
    }
    return p.string();
  }

  void Ingest(Store& store, const std::vector<std::string>& paths) {
    IngestSummary s = IngestPaths(paths, config_, *resources_, store, [](const IngestEvent& e) {
      EXPECT_NE(e.kind, IngestEvent::Kind::kError) << e.error.ToString();
    });
    EXPECT_EQ(s.errors, 0);
  }

  // The stories as sets of seed keys, and the storylines of those stories.
  static std::set<std::set<std::string>> Partition(Store& store) {
    std::set<std::set<std::string>> out;
    auto rows = store.ListStories(StoryListOptions());
    EXPECT_TRUE(rows.ok());
    for (const StoryRow& r : *rows) {
      std::set<std::string> keys;
      auto members = store.ListStoryMembers(r.id);
      EXPECT_TRUE(members.ok());
      for (const StoryMemberView& m : *members) keys.insert(m.url.substr(22));
      out.insert(keys);
    }
    return out;
  }

  static std::set<int64_t> Storylines(Store& store) {
    std::set<int64_t> lines;
    auto rows = store.ListStories(StoryListOptions());
    EXPECT_TRUE(rows.ok());
    for (const StoryRow& r : *rows) lines.insert(r.storyline_id);
    return lines;
  }

  fs::path dir_;
  Config config_;
  std::unique_ptr<const AnalysisResources> resources_;
};

const std::set<std::set<std::string>> kSeedStories = {{"000", "001", "003", "004"}, {"002"}};

// The lead of a wire dispatch the copy and summary tests reprint.
constexpr const char* kDispatchLead =
    "Le président russe Vladimir Poutine a reçu jeudi le dirigeant nord-coréen Kim Jong-un à "
    "Vladivostok pour un premier sommet consacré au programme nucléaire de Pyongyang. Les "
    "deux hommes se sont entretenus pendant près de quatre heures sur l'île Rousski, selon le "
    "Kremlin, qui a qualifié la rencontre de très utile. Kim Jong-un est arrivé mercredi en "
    "train blindé depuis la Corée du Nord, accueilli par une fanfare militaire sur le quai de "
    "la gare.";

TEST_F(StoryPipelineTest, SeedsFormTwoStoriesInOneStoryline) {
  std::vector<Seed> seeds = ReadSeeds();
  ASSERT_EQ(seeds.size(), 5u) << "the seed pages under data/sample/seeds";
  auto store = Open("seeds.db");
  Ingest(*store, {WriteJsonl("seeds.jsonl", seeds)});
  EXPECT_EQ(Partition(*store), kSeedStories);
  EXPECT_EQ(Storylines(*store).size(), 1u);
}

TEST_F(StoryPipelineTest, SeedStoriesDoNotDependOnOrderOrProcessSplit) {
  std::vector<Seed> seeds = ReadSeeds();
  ASSERT_EQ(seeds.size(), 5u) << "the seed pages under data/sample/seeds";
  std::reverse(seeds.begin(), seeds.end());
  {
    auto store = Open("reversed.db");
    Ingest(*store, {WriteJsonl("reversed.jsonl", seeds)});
    EXPECT_EQ(Partition(*store), kSeedStories);
  }
  // One file per seed, each ingested by a new store object (a new process
  // would restore the same way).
  for (size_t i = 0; i < seeds.size(); ++i) {
    auto store = Open("split.db");
    Ingest(*store, {WriteJsonl("s" + std::to_string(i) + ".jsonl", {seeds[i]})});
  }
  auto store = Open("split.db");
  EXPECT_EQ(Partition(*store), kSeedStories);
  EXPECT_EQ(Storylines(*store).size(), 1u);
}

TEST_F(StoryPipelineTest, SeedSummaryNamesActorsAndDatesTheSummit) {
  std::vector<Seed> seeds = ReadSeeds();
  ASSERT_EQ(seeds.size(), 5u) << "the seed pages under data/sample/seeds";
  auto store = Open("summary.db");
  Ingest(*store, {WriteJsonl("seeds.jsonl", seeds)});
  StoryListOptions options;
  options.order = StoryListOptions::Order::kImportance;
  auto rows = store->ListStories(options);
  ASSERT_TRUE(rows.ok());
  const auto it = std::find_if(rows->begin(), rows->end(),
                               [](const StoryRow& r) { return r.article_count == 4; });
  ASSERT_NE(it, rows->end());
  auto story = store->GetStory(it->id);  // lists leave the summary out
  ASSERT_TRUE(story.ok());
  Result<StorySummary> summary = ParseSummaryJson(story->summary_json);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(story->headline, summary->headline);
  ASSERT_GE(summary->sentences.size(), 3u);
  std::string all;
  for (const SummarySentence& s : summary->sentences) {
    ASSERT_FALSE(s.article_ids.empty());
    auto a = store->GetArticle(s.article_ids.front());
    ASSERT_TRUE(a.ok());
    EXPECT_NE(a->article.text.find(s.text), std::string::npos) << s.text;
    all += s.text + "\n";
  }
  EXPECT_THAT(all, ::testing::HasSubstr("Kim Jong"));
  EXPECT_THAT(all, ::testing::HasSubstr("Poutine"));
  EXPECT_THAT(all, ::testing::HasSubstr("Vladivostok"));
  std::map<std::string, std::string> timeline;
  for (const TimelineEntry& t : summary->timeline) timeline[t.date] += t.sentence + "\n";
  ASSERT_TRUE(timeline.count("2019-04-24"));
  EXPECT_THAT(timeline["2019-04-24"], ::testing::HasSubstr("arrivé"));
  ASSERT_TRUE(timeline.count("2019-04-25"));
  EXPECT_THAT(timeline["2019-04-25"], ::testing::HasSubstr("rencontre"));
}

TEST_F(StoryPipelineTest, ReclusterKeepsStoriesAndIdsAndExplains) {
  std::vector<Seed> seeds = ReadSeeds();
  ASSERT_EQ(seeds.size(), 5u) << "the seed pages under data/sample/seeds";
  auto store = Open("recluster.db");
  Ingest(*store, {WriteJsonl("seeds.jsonl", seeds)});
  std::map<int64_t, int64_t> before;
  auto rows = store->ListStories(StoryListOptions());
  ASSERT_TRUE(rows.ok());
  for (const StoryRow& r : *rows) {
    auto members = store->ListStoryMembers(r.id);
    ASSERT_TRUE(members.ok());
    for (const StoryMemberView& m : *members) before[m.member.article_id] = r.id;
  }
  ASSERT_EQ(before.size(), 5u);
  Result<ReclusterReport> report = Recluster(config_, *resources_, *store);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->articles, 5);
  EXPECT_EQ(report->stories, 2);
  EXPECT_EQ(report->kept_ids, 2);
  EXPECT_EQ(report->storylines, 1);
  for (const auto& [article, story] : before) {
    auto m = store->GetStoryMember(article);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    EXPECT_EQ(m->story_id, story) << "article " << article;
    if (m->score > 0) {
      // A joining member's explanation names what it shares.
      const nlohmann::json why = nlohmann::json::parse(m->why_json);
      EXPECT_GT(why["score"].get<double>(), 0);
      EXPECT_FALSE(why["entities"].empty());
      EXPECT_FALSE(why["terms"].empty());
    }
  }
  EXPECT_EQ(Partition(*store), kSeedStories);
  rows = store->ListStories(StoryListOptions());
  ASSERT_TRUE(rows.ok());
  for (const StoryRow& r : *rows) EXPECT_FALSE(store->GetStory(r.id)->summary_json.empty()) << r.id;
}

TEST_F(StoryPipelineTest, NearCopiesAreLinkedAndShareTheStory) {
  const std::string dispatch =
      std::string(kDispatchLead) +
      " Aucun accord n'a été signé, mais Moscou s'est dit prêt à soutenir les garanties "
      "de sécurité que réclame Pyongyang en échange d'une dénucléarisation.";
  std::vector<Seed> docs = {
      {"a", dispatch, "2019-04-25T08:00:00Z"},
      // The same dispatch, re-titled by another outlet, a sentence cut and a line added.
      {"b",
       dispatch.substr(0, dispatch.rfind(" Aucun accord")) +
           " Lire aussi notre dossier sur la Corée du Nord.",
       "2019-04-25T09:30:00Z"},
      {"c",
       "Le championnat de France de rugby reprend ce week-end avec un choc entre Toulouse et "
       "La Rochelle au stade Ernest-Wallon, où les deux équipes joueront la première place du "
       "classement devant un public attendu nombreux malgré la pluie annoncée.",
       "2019-04-25T10:00:00Z"},
  };
  auto store = Open("copies.db");
  Ingest(*store, {WriteJsonl("docs.jsonl", docs)});
  auto links = store->ListCopies(2);
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].original_id, 1);
  EXPECT_EQ((*links)[0].copy_id, 2);
  EXPECT_GT((*links)[0].overlap, 0.7);
  EXPECT_FALSE((*links)[0].exact);
  EXPECT_TRUE(store->ListCopies(3)->empty());
  EXPECT_EQ(store->GetStoryMember(1)->story_id, store->GetStoryMember(2)->story_id);
  EXPECT_NE(store->GetStoryMember(1)->story_id, store->GetStoryMember(3)->story_id);
}

TEST_F(StoryPipelineTest, BigStorySummaryWaitsForGrowthAndIsWholeAtTheEndOfARun) {
  // Reprints of one dispatch, each with its own last line, committed a few at
  // a time: past the always-summarised size the story's summary waits for
  // growth, and the end of the run summarises it from every member.
  const std::string dispatch = kDispatchLead;
  std::vector<Seed> docs;
  for (int i = 0; i < 100; ++i) {
    const int minutes = 8 * 60 + 5 * i;  // 08:00, 08:05, ...
    const std::string hh = std::to_string(100 + minutes / 60).substr(1);
    const std::string mm = std::to_string(100 + minutes % 60).substr(1);
    docs.push_back({"r" + std::to_string(i),
                    dispatch + " Reprise numéro " + std::to_string(i) + " de la dépêche.",
                    "2019-04-25T" + hh + ":" + mm + ":00Z"});
  }
  config_.commit_every = 4;
  auto store = Open("big.db");
  Ingest(*store, {WriteJsonl("big.jsonl", docs)});
  StoryListOptions options;
  options.order = StoryListOptions::Order::kImportance;
  auto rows = store->ListStories(options);
  ASSERT_TRUE(rows.ok());
  ASSERT_FALSE(rows->empty());
  const StoryRow big = *std::max_element(
      rows->begin(), rows->end(),
      [](const StoryRow& a, const StoryRow& b) { return a.article_count < b.article_count; });
  ASSERT_GT(big.article_count, 40) << "the reprints should form one big story (over 32)";
  Result<StorySummary> summary = ParseSummaryJson(store->GetStory(big.id)->summary_json);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->article_count, big.article_count);
}

// Counts the summaries stored per story.
class SummaryCountingStore : public ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;
  Status PutStorySummary(int64_t story_id, std::string_view headline,
                         std::string_view summary_json) override {
    ++summaries[story_id];
    return ForwardingStore::PutStorySummary(story_id, headline, summary_json);
  }
  std::map<int64_t, int> summaries;
};

TEST_F(StoryPipelineTest, NewProcessTakesABigStorysSummaryCountFromTheStore) {
  // A big story summarised by an earlier run: a new run adding a few members
  // one commit at a time (far from a quarter more) lets them wait for the end
  // of the run, where the story is summarised once, from every member.
  const std::string dispatch = kDispatchLead;
  std::vector<Seed> docs;
  for (int i = 0; i < 60; ++i) {
    docs.push_back({"r" + std::to_string(i),
                    dispatch + " Reprise numéro " + std::to_string(i) + " de la dépêche.",
                    "2019-04-25T" + std::to_string(10 + i / 60) + ":" +
                        std::to_string(100 + i % 60).substr(1) + ":00Z"});
  }
  config_.commit_every = 4;
  auto store = Open("base.db");
  Ingest(*store, {WriteJsonl("first.jsonl", std::vector<Seed>(docs.begin(), docs.end() - 3))});
  auto biggest = [&] {
    auto rows = store->ListStories(StoryListOptions());
    EXPECT_TRUE(rows.ok() && !rows->empty());
    return *std::max_element(rows->begin(), rows->end(), [](const StoryRow& a, const StoryRow& b) {
      return a.article_count < b.article_count;
    });
  };
  const StoryRow before = biggest();
  ASSERT_GT(before.article_count, 40) << "the reprints should form one big story (over 32)";
  config_.commit_every = 1;
  SummaryCountingStore counting(*store);
  Ingest(counting, {WriteJsonl("more.jsonl", std::vector<Seed>(docs.end() - 3, docs.end()))});
  const StoryRow after = biggest();
  ASSERT_EQ(after.id, before.id);
  ASSERT_EQ(after.article_count, before.article_count + 3);
  EXPECT_EQ(counting.summaries[after.id], 1);
  Result<StorySummary> summary = ParseSummaryJson(store->GetStory(after.id)->summary_json);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->article_count, after.article_count);
}

TEST_F(StoryPipelineTest, StorylineLinksAStoryOutsideTheRestoredWindow) {
  std::vector<Seed> seeds = ReadSeeds();
  ASSERT_EQ(seeds.size(), 5u) << "the seed pages under data/sample/seeds";
  // Stories idle beyond the time window retire at once: when the 2024 visit
  // arrives, the 2019 summit leaves memory, and storyline linking finds it
  // through its stored profile.
  config_.stories.cluster.retire_after_docs = 0;
  std::vector<Seed> summit, visit;
  for (const Seed& s : seeds) (s.key == "002" ? visit : summit).push_back(s);
  {
    auto store = Open("gap.db");
    Ingest(*store, {WriteJsonl("summit.jsonl", summit)});
  }
  auto store = Open("gap.db");
  Ingest(*store, {WriteJsonl("visit.jsonl", visit)});
  EXPECT_EQ(Partition(*store), kSeedStories);
  EXPECT_EQ(Storylines(*store).size(), 1u);
}

}  // namespace
}  // namespace veille
