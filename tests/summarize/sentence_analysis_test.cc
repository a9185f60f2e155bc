// The batched sentence analysis (one TextTerms pass per language over all
// the articles of a call) gives exactly what analysing each article alone
// gives: same sentences, flaws and terms. Checked on mixed-language
// synthetic articles with awkward edges and on the seed pages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "seed_story.h"
#include "summarize/sentence_analysis.h"
#include "veille/summarize.h"

namespace veille::summarize {
namespace {

void ExpectSameAsAlone(const std::vector<ArticleText>& articles) {
  const std::vector<ArticleAnalysis> batch = AnalyzeArticleTexts(articles);
  ASSERT_EQ(batch.size(), articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    SCOPED_TRACE("article " + std::to_string(i));
    const ArticleAnalysis alone =
        AnalyzeArticleText(articles[i].title, articles[i].text, articles[i].lang);
    EXPECT_EQ(batch[i].title_terms, alone.title_terms);
    ASSERT_EQ(batch[i].sentences.size(), alone.sentences.size());
    for (size_t k = 0; k < alone.sentences.size(); ++k) {
      const AnalyzedSentence& a = batch[i].sentences[k];
      const AnalyzedSentence& b = alone.sentences[k];
      EXPECT_EQ(a.begin, b.begin);
      EXPECT_EQ(a.end, b.end);
      EXPECT_EQ(a.paragraph, b.paragraph);
      EXPECT_EQ(a.words, b.words);
      EXPECT_EQ(a.flaw, b.flaw);
      EXPECT_EQ(a.quote, b.quote);
      EXPECT_EQ(a.terms, b.terms) << "sentence " << k;
    }
    EXPECT_EQ(batch[i].bytes, alone.bytes);
  }
}

TEST(AnalyzeArticleTexts, EqualsEachArticleAlone) {
  ExpectSameAsAlone({
      {"Storm floods the coast", "A storm flooded the coast on Monday.\n\nIt ended in a well-",
       "en"},
      {"Tempête sur la côte", "Une tempête a inondé la côte lundi. L'eau est montée de 2,5 m",
       "fr"},
      {"", "", "en"},
      {"Untitled", "no final punctuation and lower case start", ""},
      {"Second\nline title", "-known town. 3,000 people left.\n\n\n\nAnother paragraph here.",
       "en"},
      {"Après la tempête", "« Nous reconstruirons », a dit le maire. Est-ce possible ?", "fr"},
  });
  EXPECT_TRUE(AnalyzeArticleTexts({}).empty());
}

TEST(AnalyzeArticleTexts, EqualsEachArticleAloneOnTheSeedPages) {
  auto story = testing::LoadSeedStory(std::string(VEILLE_SOURCE_DIR) + "/data/sample/seeds");
  if (!story.ok() && story.status().code() == StatusCode::kNotFound)
    GTEST_SKIP() << story.status().ToString();
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  std::vector<ArticleText> texts;
  for (const SummaryArticle& a : *story) texts.push_back({a.title, a.text, a.lang});
  ExpectSameAsAlone(texts);
}

}  // namespace
}  // namespace veille::summarize
