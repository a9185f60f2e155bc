// Story splits through the pipeline (ClusterOptions::story_splits): an
// ingest whose clusterer splits a story moves the split-off articles to a
// new story row, both rows are recounted and summarised, and `veille
// recluster` gives the same stories.
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

// Two events of one kind (a coach sacked by two clubs): each report has
// the kind's sentence, its event's sentences and a line of its own.
std::string Report(int i, bool lyon) {
  const std::string kind =
      "Le club de football a annoncé le limogeage de son entraîneur après une série de défaites "
      "en championnat. ";
  const std::string event =
      lyon ? "Lyon congédie Pierre Durand, arrivé en juillet, au lendemain de la déroute face à "
             "Rennes au stade de Gerland. Le président Aulas promet un successeur venu "
             "d'Allemagne avant la trêve hivernale et salue la loyauté du technicien breton. "
           : "Marseille remercie Jacques Martin, en poste depuis trois saisons, après "
             "l'élimination en coupe contre Nantes au Vélodrome. Les supporters phocéens "
             "réclamaient son départ depuis l'automne et le directeur sportif Zubizarreta "
             "assure l'intérim. ";
  const char* extra[] = {"Reportage", "Analyse",   "Réactions", "Chronique", "Témoignages",
                         "Bilan",     "Coulisses", "Dépêche",   "Éclairage", "Portrait"};
  return kind + event + extra[i % 10] + " numéro " + std::to_string(i) + " de la rédaction.";
}

class StorySplitPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test: ctest runs the tests of this file at once.
    dir_ = fs::path(::testing::TempDir()) /
           ("story_split_pipeline_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config_.analyze.data_dir = std::string(VEILLE_SOURCE_DIR) + "/data";
    auto res = AnalysisResources::Load(config_.analyze);
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    resources_ = std::move(res).value();
    // Loose joins, no story merges: the other club's reports join the first
    // story, as one wrong early join lets them on the eval sets.
    config_.stories.cluster.join_threshold = 0.2;
    config_.stories.cluster.story_merge_threshold = 0;
    config_.stories.cluster.merge_threshold = 1;
  }

  // Ingests 5 Lyon reports then 4 Marseille ones, a minute apart; returns
  // the stories as sets of report numbers.
  std::set<std::set<int>> IngestReports(Store& store) {
    const fs::path p = dir_ / "reports.jsonl";
    std::ofstream out(p, std::ios::binary);
    for (int i = 0; i < 9; ++i) {
      out << nlohmann::json({{"url", "https://news.example/r" + std::to_string(i)},
                             {"title", i < 5 ? "Lyon limoge son entraîneur"
                                             : "Marseille limoge son entraîneur"},
                             {"text", Report(i, i < 5)},
                             {"published", "2024-03-11T10:0" + std::to_string(i) + ":00Z"}})
                 .dump()
          << "\n";
    }
    out.close();
    IngestSummary s =
        IngestPaths({p.string()}, config_, *resources_, store, [](const IngestEvent& e) {
          EXPECT_NE(e.kind, IngestEvent::Kind::kError) << e.error.ToString();
        });
    EXPECT_EQ(s.errors, 0);
    return Partition(store);
  }

  // Stories as sets of report numbers; checks each row's exact counts.
  static std::set<std::set<int>> Partition(Store& store) {
    std::set<std::set<int>> out;
    auto rows = store.ListStories(StoryListOptions());
    EXPECT_TRUE(rows.ok());
    for (const StoryRow& r : *rows) {
      auto members = store.ListStoryMembers(r.id);
      EXPECT_TRUE(members.ok());
      std::set<int> reports;
      for (const StoryMemberView& m : *members)
        reports.insert(std::stoi(m.url.substr(m.url.rfind('r') + 1)));
      EXPECT_EQ(r.article_count, static_cast<int64_t>(reports.size())) << "story " << r.id;
      if (!reports.empty()) out.insert(reports);
    }
    return out;
  }

  std::unique_ptr<Store> Open(const std::string& name) {
    auto store = OpenSqliteStore((dir_ / name).string(), config_.store);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  fs::path dir_;
  Config config_;
  std::unique_ptr<const AnalysisResources> resources_;
};

const std::set<std::set<int>> kTwoEvents = {{0, 1, 2, 3, 4}, {5, 6, 7, 8}};

TEST_F(StorySplitPipelineTest, WithoutSplitsTheReportsShareOneStory) {
  // The control: what the split below undoes.
  config_.stories.cluster.story_splits = false;
  auto store = Open("control.db");
  EXPECT_EQ(IngestReports(*store), (std::set<std::set<int>>{{0, 1, 2, 3, 4, 5, 6, 7, 8}}));
}

TEST_F(StorySplitPipelineTest, SplitMovesTheOtherEventToANewStoryRow) {
  config_.stories.cluster.story_splits = true;
  auto store = Open("split.db");
  ASSERT_EQ(IngestReports(*store), kTwoEvents);
  auto rows = store->ListStories(StoryListOptions());
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  int64_t lyon = 0, marseille = 0;
  for (const StoryRow& r : *rows) {
    const StoryRow row = store->GetStory(r.id).value();
    EXPECT_FALSE(row.summary_json.empty()) << "story " << r.id << " is summarised";
    EXPECT_NE(row.storyline_id, 0) << "story " << r.id << " is in a storyline";
    EXPECT_TRUE(store->GetStoryProfile(r.id).ok()) << "story " << r.id << " is profiled";
    (row.article_count == 5 ? lyon : marseille) = r.id;
  }
  // The larger group keeps the first story's id.
  EXPECT_LT(lyon, marseille);
  EXPECT_EQ(store->GetStoryMember(1).value().story_id, lyon);
  // Recluster replays the same order: the same stories, ids kept.
  Result<ReclusterReport> report = Recluster(config_, *resources_, *store);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->stories, 2);
  EXPECT_EQ(report->kept_ids, 2);
  EXPECT_EQ(Partition(*store), kTwoEvents);
}

}  // namespace
}  // namespace veille
