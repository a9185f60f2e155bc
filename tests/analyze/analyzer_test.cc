#include <gtest/gtest.h>

#include <thread>

#include "veille/analyze.h"

namespace veille {
namespace {

AnalyzeOptions Options() {
  AnalyzeOptions o;
  o.data_dir = std::string(VEILLE_SOURCE_DIR) + "/data";
  return o;
}

Article SampleArticle() {
  Article a;
  a.lang = "fr";
  a.published = "2019-04-24T06:00:00Z";
  a.title = "Kim Jong-un et Vladimir Poutine se rencontreront jeudi";
  a.text =
      "Le dirigeant nord-coréen Kim Jong-un est arrivé mercredi à Vladivostok.\n\n"
      "Il y a huit ans, son père Kim Jong Il avait rencontré Dmitri Medvedev. "
      "Les deux dirigeants se rencontreront jeudi sur l'île Rousski.";
  return a;
}

TEST(AnalyzerTest, ComputesAllFeatures) {
  auto analyzer = Analyzer::Create(Options());
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  const AnalyzedArticle f = (*analyzer)->Analyze(SampleArticle(), "2019-05-01");
  EXPECT_EQ(f.lang, "fr");
  EXPECT_TRUE(f.stemmed);
  EXPECT_FALSE(f.title_terms.empty());
  EXPECT_FALSE(f.body_terms.empty());
  EXPECT_NE(f.simhash, 0u);
  EXPECT_EQ(f.minhash.size(), 128u);
  EXPECT_EQ(f.lsh_keys.size(), 32u);
  EXPECT_EQ(f.reference_date, "2019-04-24");
  ASSERT_EQ(f.dates.size(), 3u);
  EXPECT_EQ(f.dates[0].Iso(), "2019-04-24");  // mercredi, same day
  EXPECT_EQ(f.dates[1].Iso(), "2011");        // il y a huit ans
  EXPECT_EQ(f.dates[2].Iso(), "2019-04-25");  // se rencontreront jeudi
  EXPECT_GT(f.FeatureBytes(), 128u * 4);
  // The entities component runs behind the Analyzer.
  bool putin = false;
  for (const auto& m : f.entities.mentions) putin |= m.surface == "Vladimir Poutine";
  EXPECT_TRUE(putin);
}

TEST(AnalyzerTest, IngestDateIsTheFallbackReference) {
  auto analyzer = Analyzer::Create(Options());
  ASSERT_TRUE(analyzer.ok());
  Article a = SampleArticle();
  a.published.clear();
  EXPECT_EQ((*analyzer)->Analyze(a, "2019-04-30T10:00:00Z").reference_date, "2019-04-30");
  EXPECT_EQ((*analyzer)->Analyze(a, "").reference_date, "");
}

TEST(AnalyzerTest, EntitiesCanBeTurnedOff) {
  AnalyzeOptions o = Options();
  o.find_entities = false;
  auto analyzer = Analyzer::Create(o);
  ASSERT_TRUE(analyzer.ok());
  EXPECT_TRUE((*analyzer)->Analyze(SampleArticle(), "").entities.mentions.empty());
}

TEST(AnalyzerTest, EmptyArticle) {
  auto analyzer = Analyzer::Create(Options());
  ASSERT_TRUE(analyzer.ok());
  const AnalyzedArticle f = (*analyzer)->Analyze(Article(), "");
  EXPECT_TRUE(f.body_terms.empty());
  EXPECT_TRUE(f.minhash.empty());
  EXPECT_TRUE(f.lsh_keys.empty());
  EXPECT_EQ(f.simhash, 0u);
}

TEST(AnalyzerTest, BadOptionsAndMissingData) {
  AnalyzeOptions o = Options();
  o.lsh_bands = 30;
  EXPECT_EQ(Analyzer::Create(o).status().code(), StatusCode::kInvalidInput);
  o = Options();
  o.data_dir = "/nonexistent";
  EXPECT_EQ(Analyzer::Create(o).status().code(), StatusCode::kNotFound);
}

TEST(AnalyzerTest, ConcurrentAnalyzeMatchesSerial) {
  auto analyzer = Analyzer::Create(Options());
  ASSERT_TRUE(analyzer.ok());
  const Article a = SampleArticle();
  const AnalyzedArticle expected = (*analyzer)->Analyze(a, "");
  std::vector<int> same(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int ok = 1;
      for (int i = 0; i < 50; ++i) {
        const AnalyzedArticle f = (*analyzer)->Analyze(a, "");
        ok &= f.minhash == expected.minhash && f.simhash == expected.simhash &&
              f.dates.size() == expected.dates.size() &&
              f.body_terms.size() == expected.body_terms.size();
      }
      same[t] = ok;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(same, (std::vector<int>{1, 1, 1, 1}));
}

}  // namespace
}  // namespace veille
