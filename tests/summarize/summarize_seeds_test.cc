// The acceptance check on the seed pages: the Vladivostok 2019
// story (seeds 000, 001, 003, 004, extracted and analysed as the pipeline
// does) is summarised without a repeated fact, only from main text, naming
// its actors and place, with the summit on 2019-04-25 and the arrival on
// 2019-04-24 in its timeline. Nothing here knows the seeds beyond that.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "seed_story.h"
#include "veille/analyze.h"
#include "veille/summarize.h"

namespace veille {
namespace {

class SummarizeSeeds : public ::testing::Test {
 protected:
  void SetUp() override {
    auto story = testing::LoadSeedStory(std::string(VEILLE_SOURCE_DIR) + "/data/sample/seeds");
    if (!story.ok() && story.status().code() == StatusCode::kNotFound)
      GTEST_SKIP() << story.status().ToString();
    ASSERT_TRUE(story.ok()) << story.status().ToString();
    articles_ = std::move(*story);
    summary_ = SummarizeStory(articles_, SummarizeOptions());
  }
  std::vector<SummaryArticle> articles_;
  StorySummary summary_;
};

// Content stems (4+ characters or a number) of a sentence.
std::set<std::string> ContentTerms(const std::string& s, const std::string& lang) {
  std::set<std::string> out;
  for (const TextTerm& t : TextTerms(s, lang)) {
    if (t.number || t.term.size() >= 4) out.insert(t.term);
  }
  return out;
}

TEST_F(SummarizeSeeds, HasFiveSentencesEachVerbatimFromItsArticle) {
  ASSERT_EQ(summary_.sentences.size(), 5u);
  for (const SummarySentence& s : summary_.sentences) {
    ASSERT_FALSE(s.article_ids.empty());
    const auto a = std::find_if(articles_.begin(), articles_.end(),
                                [&](const SummaryArticle& x) { return x.id == s.article_ids[0]; });
    ASSERT_NE(a, articles_.end());
    EXPECT_EQ(a->text.substr(s.begin, s.end - s.begin), s.text);
  }
}

TEST_F(SummarizeSeeds, NoTwoSentencesStateTheSameFact) {
  const auto& s = summary_.sentences;
  for (size_t i = 0; i < s.size(); ++i) {
    for (size_t j = i + 1; j < s.size(); ++j) {
      const auto a = ContentTerms(s[i].text, "fr"), b = ContentTerms(s[j].text, "fr");
      size_t shared = 0;
      for (const std::string& t : a) shared += b.count(t);
      const size_t smaller = std::min(a.size(), b.size());
      EXPECT_LT(shared * 2, smaller) << s[i].text << "\n  vs\n" << s[j].text;
    }
  }
}

TEST_F(SummarizeSeeds, NamesKimPutinAndVladivostok) {
  std::string all;
  for (const SummarySentence& s : summary_.sentences) all += s.text + "\n";
  EXPECT_NE(all.find("Kim"), std::string::npos) << all;
  EXPECT_TRUE(all.find("Poutine") != std::string::npos || all.find("Putin") != std::string::npos)
      << all;
  EXPECT_NE(all.find("Vladivostok"), std::string::npos) << all;
  std::set<std::string> names;
  for (const KeyEntity& e : summary_.entities) names.insert(e.name);
  EXPECT_TRUE(names.count("Kim Jong Un"));
  EXPECT_TRUE(names.count("Vladimir Putin"));
}

TEST_F(SummarizeSeeds, TimelinePlacesSummitOn25AndArrivalOn24April) {
  bool summit = false, arrival = false;
  for (const TimelineEntry& t : summary_.timeline) {
    const std::string lower = t.sentence;
    if (t.date == "2019-04-25" &&
        (lower.find("sommet") != std::string::npos || lower.find("rencontre") != std::string::npos))
      summit = true;
    if (t.date == "2019-04-24" && lower.find("arriv") != std::string::npos) arrival = true;
    // No other date may carry the arrival.
    if (lower.find("est arrivé") != std::string::npos) {
      EXPECT_EQ(t.date, "2019-04-24") << t.sentence;
    }
  }
  EXPECT_TRUE(summit);
  EXPECT_TRUE(arrival);
}

TEST_F(SummarizeSeeds, SourcesAndHeadline) {
  EXPECT_EQ(summary_.sources.size(), std::set<std::string>({articles_[0].site, articles_[1].site,
                                                            articles_[2].site, articles_[3].site})
                                         .size());
  EXPECT_EQ(summary_.first_article_id, 2);  // seed 001, published 2019-04-23
  EXPECT_FALSE(summary_.headline.empty());
  EXPECT_EQ(summary_.headline.find("..."), std::string::npos);
  EXPECT_EQ(summary_.lang, "fr");
}

TEST_F(SummarizeSeeds, JsonRoundTrips) {
  const std::string json = SummaryToJson(summary_);
  auto back = ParseSummaryJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(SummaryToJson(*back), json);
}

}  // namespace
}  // namespace veille
