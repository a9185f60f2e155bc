// Summaries of small synthetic stories: headline rejections, the cache
// giving the same summary as a fresh call, copies, JSON errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "summarize/headline.h"
#include "summarize/sentence_analysis.h"
#include "veille/summarize.h"

namespace veille {
namespace {

SummaryArticle Make(int64_t id, std::string site, std::string title, std::string text,
                    int64_t published) {
  SummaryArticle a;
  a.id = id;
  a.site = std::move(site);
  a.title = std::move(title);
  a.text = std::move(text);
  a.lang = "en";
  a.published = published;
  return a;
}

std::vector<int64_t> Sorted(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<SummaryArticle> Story() {
  return {
      Make(1, "a.com", "Storm floods the northern coast of the island",
           "A powerful storm flooded the northern coast of the island on Monday night.\n\n"
           "Rescue teams evacuated three hundred residents from the flooded villages.\n\n"
           "The weather service expects more heavy rain until Thursday morning.",
           1000),
      Make(2, "b.com", "STORM FLOODS NORTHERN COAST",
           "The northern coast of the island was flooded by a powerful storm on Monday night.\n\n"
           "Schools in the region will stay closed for the rest of the week, officials said.",
           2000),
      Make(3, "c.com", "Is the island ready for the next storm?",
           "Rescue teams evacuated three hundred residents from the flooded villages overnight.\n\n"
           "Insurers estimate the damage at several million euros across the region.",
           3000),
  };
}

TEST(Headline, RejectsTruncatedQuestionsCapitalsAndClickbait) {
  EXPECT_STREQ(summarize::TitleRejection("Storm floods the coast and..."), "truncated");
  EXPECT_STREQ(summarize::TitleRejection("Is the island ready for the next storm?"), "question");
  EXPECT_STREQ(summarize::TitleRejection("STORM FLOODS NORTHERN COAST"), "capitals");
  EXPECT_STREQ(summarize::TitleRejection("You won't believe what this storm did"), "clickbait");
  EXPECT_EQ(summarize::TitleRejection("Storm floods the northern coast"), nullptr);
  EXPECT_EQ(summarize::StripSiteSuffix("Storm floods the coast | Le Monde", "lemonde.fr"),
            "Storm floods the coast | Le Monde");
  EXPECT_EQ(summarize::StripSiteSuffix("Storm floods the coast - Reuters", "Reuters"),
            "Storm floods the coast");
}

TEST(SentenceAnalysis, FlagsFragmentsBoilerplateAndQuestions) {
  using summarize::FindSentenceFlaw;
  using summarize::SentenceFlaw;
  EXPECT_EQ(FindSentenceFlaw("and then the storm came back."), SentenceFlaw::kFragment);
  EXPECT_EQ(FindSentenceFlaw("He said \"we will rebuild."), SentenceFlaw::kFragment);
  EXPECT_EQ(FindSentenceFlaw("Read more at https://example.com/storm."),
            SentenceFlaw::kBoilerplate);
  EXPECT_EQ(FindSentenceFlaw("Will the dam hold?"), SentenceFlaw::kQuestion);
  EXPECT_EQ(FindSentenceFlaw("The dam held through the night."), SentenceFlaw::kNone);
}

TEST(Summarize, DropsTheRepeatedFactAndListsItsSources) {
  const StorySummary s = SummarizeStory(Story(), SummarizeOptions());
  EXPECT_EQ(s.headline, "Storm floods the northern coast of the island");
  EXPECT_EQ(s.headline_article_id, 1);
  int flood = 0, evacuated = 0;
  for (const SummarySentence& x : s.sentences) {
    if (x.text.find("storm") != std::string::npos && x.text.find("coast") != std::string::npos) {
      ++flood;
      EXPECT_EQ(Sorted(x.article_ids), (std::vector<int64_t>{1, 2}));
    }
    if (x.text.find("evacuated") != std::string::npos) {
      ++evacuated;
      EXPECT_EQ(Sorted(x.article_ids), (std::vector<int64_t>{1, 3}));
    }
  }
  EXPECT_EQ(flood, 1);
  EXPECT_EQ(evacuated, 1);
  EXPECT_EQ(s.first_source, "a.com");
  ASSERT_EQ(s.sources.size(), 3u);
  EXPECT_EQ(s.sources[0].site, "a.com");
}

// Two outlets state one fact in different words: few shared words, but the
// same amount and the same church. The summary keeps one of them, listing
// both outlets, and still has room for the other facts.
TEST(Summarize, DropsARewordedFactSharingANumberAndAName) {
  auto church = [](SummaryArticle a, const std::string& name) {
    for (size_t at = a.text.find(name); at != std::string::npos; at = a.text.find(name, at + 1)) {
      EntityMention m;
      m.entity_id = 7;
      m.canonical = name;
      m.field = EntityField::kText;
      m.begin = static_cast<uint32_t>(at);
      m.end = static_cast<uint32_t>(at + name.size());
      a.entities.push_back(m);
    }
    return a;
  };
  const std::vector<SummaryArticle> story = {
      church(Make(1, "a.com", "Fire damages the Wasilla Bible Church",
                  "A fire caused damage estimated at 1.5 million dollars to the Wasilla Bible "
                  "Church on Friday night.\n\n"
                  "Nobody was hurt, although two children were inside the building.\n\n"
                  "Investigators have not yet said how the blaze started.",
                  1000),
             "Wasilla Bible Church"),
      church(Make(2, "b.com", "Blaze at a church in Wasilla",
                  "Insurers put the cost of last week's blaze at 1.5 million dollars, "
                  "according to the pastor of Wasilla Bible Church.\n\n"
                  "Firefighters from three towns fought the flames for six hours.\n\n"
                  "The congregation will meet in a school gym until repairs are done.",
                  2000),
             "Wasilla Bible Church"),
  };
  SummarizeOptions options;
  options.sentences = 4;
  const StorySummary s = SummarizeStory(story, options);
  int amount = 0;
  for (const SummarySentence& x : s.sentences) {
    if (x.text.find("1.5 million") == std::string::npos) continue;
    ++amount;
    EXPECT_EQ(Sorted(x.article_ids), (std::vector<int64_t>{1, 2})) << x.text;
  }
  EXPECT_EQ(amount, 1);
  EXPECT_EQ(s.sentences.size(), 4u);
}

TEST(Summarize, ReadingOrderIsArticleTimeThenPosition) {
  const StorySummary s = SummarizeStory(Story(), SummarizeOptions());
  ASSERT_GE(s.sentences.size(), 2u);
  // Article times are 1000, 2000, 3000 for ids 1, 2, 3.
  for (size_t i = 1; i < s.sentences.size(); ++i)
    EXPECT_LE(s.sentences[i - 1].article_ids[0], s.sentences[i].article_ids[0]);
}

TEST(Summarizer, CachedSummaryEqualsAFreshOneAfterNewMembers) {
  std::vector<SummaryArticle> story = Story();
  Summarizer summarizer{SummarizeOptions()};
  std::vector<SummaryArticle> first(story.begin(), story.begin() + 2);
  EXPECT_EQ(SummaryToJson(summarizer.Summarize(first)),
            SummaryToJson(SummarizeStory(first, SummarizeOptions())));
  EXPECT_EQ(summarizer.cached_articles(), 2u);
  EXPECT_EQ(SummaryToJson(summarizer.Summarize(story)),
            SummaryToJson(SummarizeStory(story, SummarizeOptions())));
  // A revised text is analysed again, not served from the cache.
  story[0].text = "Officials confirmed on Tuesday that the storm had damaged the main bridge.";
  EXPECT_EQ(SummaryToJson(summarizer.Summarize(story)),
            SummaryToJson(SummarizeStory(story, SummarizeOptions())));
}

TEST(Summarize, CopiesDoNotCompeteAndMarkTheirOutlet) {
  std::vector<SummaryArticle> story = Story();
  SummaryArticle copy = story[0];
  copy.id = 4;
  copy.site = "wire-reprint.com";
  copy.copy_of = 1;
  copy.published = 5000;
  story.push_back(copy);
  const StorySummary s = SummarizeStory(story, SummarizeOptions());
  for (const SummarySentence& x : s.sentences) EXPECT_NE(x.article_ids[0], 4);
  bool marked = false;
  for (const SummarySource& src : s.sources) {
    if (src.site == "wire-reprint.com") {
      marked = src.is_copy && src.copy_of == std::vector<int64_t>{1};
    }
  }
  EXPECT_TRUE(marked);
}

TEST(SummaryJson, RejectsMalformedInput) {
  EXPECT_FALSE(ParseSummaryJson("[1, 2]").ok());
  EXPECT_FALSE(ParseSummaryJson("{\"sentences\": [{\"articles\": [1]}]}").ok());
  EXPECT_FALSE(ParseSummaryJson("{not json").ok());
  EXPECT_TRUE(ParseSummaryJson("{}").ok());
  EXPECT_TRUE(SummarizeStory({}, SummarizeOptions()).sentences.empty());
}

}  // namespace
}  // namespace veille
