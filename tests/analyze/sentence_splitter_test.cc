#include "analyze/sentence_splitter.h"

#include <gtest/gtest.h>

#include <random>
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

// The fast sentence-break scanner must agree with ICU's break iterator (the
// reference) on every text it accepts: random strings over letters of each
// case, digits, terminators (ATerm, STerm), closing and opening
// punctuation, continuations, spaces, line and paragraph separators, and
// combining or format characters.
TEST(SentenceBreaksTest, FastScannerAgreesWithIcu) {
  const std::vector<std::string> alphabet = {
      "a",      "B",      "é",      "É",      "я",      "Ж",          "ق",      "中",
      "5",      " ",      ".",      "?",      "!",      ",",          ";",      ":",
      "-",      "\u00a0", "\t",     "\n",     "\r",     "\r\n",       "\u2028", "\u2029",
      "\u0085", ")",      "(",      "\"",     "'",      "\u00bb",     "\u00ab", "\u201d",
      "]",      "\u2026", "\u3002", "\uff0e", "\u2024", "\u0301",     "\u00ad", "\u200d",
      "\u2060", "\u00b7", "\u2014", "\u2013", "\u00a7", "\U0001F600", "&"};
  std::mt19937 rng(20240611);
  std::vector<int32_t> fast, icu;
  int checked = 0;
  for (int iter = 0; iter < 100000; ++iter) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 14);
    for (int k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    ASSERT_TRUE(internal::IcuSentenceBreaks(s, &icu));
    if (!internal::FastSentenceBreaks(s, &fast)) continue;
    ++checked;
    ASSERT_EQ(fast, icu) << "\"" << s << "\"";
  }
  EXPECT_GT(checked, 50000);
  EXPECT_FALSE(internal::FastSentenceBreaks("\u0301abc", &fast));
  EXPECT_TRUE(internal::FastSentenceBreaks("M. Kim est arrivé. Il parle.", &fast));
}

TEST(SentenceSplitterTest, HugeParagraphSplitsLikeSmallOnes) {
  std::string text;
  for (int i = 0; i < 25000; ++i) text += "Une phrase courte. ";
  const auto spans = SplitSentences(text, "fr");
  ASSERT_EQ(spans.size(), 25000u);
  EXPECT_EQ(text.substr(spans[24999].begin, spans[24999].end - spans[24999].begin),
            "Une phrase courte.");
  EXPECT_EQ(Sentences("Un. Deux."), (V{"Un.", "Deux."}));
}

}  // namespace
}  // namespace veille::analyze
