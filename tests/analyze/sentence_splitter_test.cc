#include "analyze/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace veille::analyze {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : SplitSentences(text, "fr"))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitterTest, SplitsPlainSentences) {
  EXPECT_EQ(Sentences("Kim est arrivé. Poutine l'attendait ! Que diront-ils ?"),
            (V{"Kim est arrivé.", "Poutine l'attendait !", "Que diront-ils ?"}));
}

TEST(SentenceSplitterTest, TitlesAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Sentences("M. Kim a rencontré Mme Merkel et Dr. Who. J. R. R. Tolkien aussi. Fin."),
            (V{"M. Kim a rencontré Mme Merkel et Dr. Who.", "J. R. R. Tolkien aussi.", "Fin."}));
  EXPECT_EQ(Sentences("Selon M. Poutine, p. ex. Moscou. Ensuite."),
            (V{"Selon M. Poutine, p. ex. Moscou.", "Ensuite."}));
  EXPECT_EQ(Sentences("Né en 63 av. J.-C. Auguste régna."),
            (V{"Né en 63 av. J.-C. Auguste régna."}));
}

TEST(SentenceSplitterTest, NeverCrossesParagraphs) {
  const std::string text = "Premier paragraphe sans point\n\nSecond. Encore une\n \nTroisième";
  const auto spans = SplitSentences(text, "fr");
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "Premier paragraphe sans point");
  EXPECT_EQ(spans[0].paragraph, 0u);
  EXPECT_EQ(spans[1].paragraph, 1u);
  EXPECT_EQ(spans[2].paragraph, 1u);
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "Encore une");
  EXPECT_EQ(spans[3].paragraph, 2u);
}

TEST(SentenceSplitterTest, AbbreviationAtParagraphEndStillEnds) {
  const std::string text = "Il a vu M.\n\nKim arrive.";
  EXPECT_EQ(Sentences(text), (V{"Il a vu M.", "Kim arrive."}));
}

TEST(SentenceSplitterTest, TrimsSpacesAndHandlesEmpty) {
  EXPECT_TRUE(SplitSentences("", "").empty());
  EXPECT_TRUE(SplitSentences(" \n\n  \n", "").empty());
  EXPECT_EQ(Sentences("  Un.   Deux.  "), (V{"Un.", "Deux."}));
}

TEST(SentenceSplitterTest, EnglishTitles) {
  EXPECT_EQ(Sentences("Mr. Trump met Mr. Kim in Hanoi. It failed."),
            (V{"Mr. Trump met Mr. Kim in Hanoi.", "It failed."}));
}

}  // namespace
}  // namespace veille::analyze
