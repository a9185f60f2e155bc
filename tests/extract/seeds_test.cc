// The five seed pages (../shared/seeds/*.txt, flattened pages): the extracted
// text must equal the article's paragraphs exactly -- standfirst and body, in
// order; no title, caption, credit, byline, teaser, ad or prompt. The
// expected paragraphs were read off each seed by hand and are stored in
// tests/cases/extract/seed_NNN.expected.txt; the aggregator page's teasers
// (seed 000) in seed_000.related.tsv (title TAB snippet, one a line).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text_extractor.h"
#include "veille/extract.h"

namespace veille::extract {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Seed(const std::string& name) {
  const std::string page = ReadFile(std::string(VEILLE_SOURCE_DIR "/data/sample/seeds/") + name);
  EXPECT_FALSE(page.empty()) << "missing seed " << name;
  return page;
}

std::string Expected(const std::string& name) {
  std::string text = ReadFile(std::string(VEILLE_SOURCE_DIR "/tests/cases/extract/") + name);
  EXPECT_FALSE(text.empty()) << "missing expectation " << name;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

struct SeedCase {
  const char* seed;
  const char* expected;
};

class SeedTest : public ::testing::TestWithParam<SeedCase> {};

TEST_P(SeedTest, TextIsExactlyTheArticleParagraphs) {
  const TextExtraction out = ExtractText(Seed(GetParam().seed), "", ExtractOptions{});
  EXPECT_EQ(out.text, Expected(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, SeedTest,
    ::testing::Values(SeedCase{"000_2785d6a6c9a5b3ab.txt", "seed_000.expected.txt"},
                      SeedCase{"001_7ed8cf3b4f60d3ac.txt", "seed_001.expected.txt"},
                      SeedCase{"002_76a2ed4b7a0c3112.txt", "seed_002.expected.txt"},
                      SeedCase{"003_23cb88113d4ad096.txt", "seed_003.expected.txt"},
                      SeedCase{"004_4c52fd879cb4440f.txt", "seed_004.expected.txt"}));

std::vector<std::pair<std::string, std::string>> ExpectedRelated(const std::string& name) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(Expected(name));
  for (std::string line; std::getline(in, line);) {
    const size_t tab = line.find('\t');
    EXPECT_NE(tab, std::string::npos) << line;
    out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return out;
}

TEST(SeedRelated, AggregatorTeasersAreRelatedArticlesNotText) {
  const TextExtraction out = ExtractText(Seed("000_2785d6a6c9a5b3ab.txt"), "", ExtractOptions{});
  const auto want = ExpectedRelated("seed_000.related.tsv");
  ASSERT_EQ(out.related.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(out.related[i].title, want[i].first) << i;
    EXPECT_EQ(out.related[i].snippet, want[i].second) << i;
  }
}

TEST(SeedRelated, TeaserRailsAfterTheStoryAreRelated) {
  // Seed 004: eight headline + "…" snippet pairs after the comment prompt.
  const TextExtraction out = ExtractText(Seed("004_4c52fd879cb4440f.txt"), "", ExtractOptions{});
  ASSERT_EQ(out.related.size(), 8u);
  EXPECT_EQ(out.related[0].title, "Canada : une ville touristique en partie détruite par le feu");
  EXPECT_EQ(out.related[7].title, "Salt Lake City, hôte des Jeux olympiques d‘hiver 2034");
  // Seed 001 shows no teaser of another story.
  EXPECT_TRUE(ExtractText(Seed("001_7ed8cf3b4f60d3ac.txt"), "", ExtractOptions{}).related.empty());
}

TEST(SeedRelated, ExtractFillsArticleRelated) {
  RawDocument doc;
  doc.format = DocFormat::kText;
  doc.bytes = Seed("000_2785d6a6c9a5b3ab.txt");
  Result<Article> article = Extract(doc, ExtractOptions{});
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, Expected("seed_000.expected.txt"));
  ASSERT_EQ(article->related.size(), 9u);
  EXPECT_EQ(article->related[0].title, "Kim-Jong-un en Russie pour rencontrer Vladimir Poutine");
}

}  // namespace
}  // namespace veille::extract
