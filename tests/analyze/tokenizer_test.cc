#include "analyze/tokenizer.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "analyze/text_fold.h"
#include "analyze/word_break.h"

namespace veille::analyze {
namespace {

std::vector<std::string> Lowers(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.lower);
  return out;
}

std::vector<std::string> Surfaces(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, SplitsFrenchElisions) {
  const std::string text = "L'été, qu'il jusqu'à lorsqu'on d'Ivoire aujourd'hui presqu'île";
  const auto tokens = Tokenize(text, "fr");
  EXPECT_EQ(Lowers(tokens), (V{"l'", "été", "qu'", "il", "jusqu'", "à", "lorsqu'", "on", "d'",
                               "ivoire", "aujourd'hui", "presqu'île"}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kElision);
  EXPECT_EQ(tokens[1].kind, TokenKind::kWord);
  EXPECT_EQ(Surfaces(text, tokens)[0], "L'");
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_TRUE(tokens[9].capitalized);
}

TEST(TokenizerTest, TypographicApostrophesAreUnified) {
  const std::string text = "l’Élysée et dʼautres";
  const auto tokens = Tokenize(text, "fr");
  EXPECT_EQ(Lowers(tokens), (V{"l'", "élysée", "et", "d'", "autres"}));
  EXPECT_EQ(Surfaces(text, tokens)[0], "l’");
  EXPECT_EQ(Surfaces(text, tokens)[1], "Élysée");
  EXPECT_EQ(tokens[1].folded, "elysee");
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[0].capitalized);
}

TEST(TokenizerTest, NoElisionSplitInEnglish) {
  const auto tokens = Tokenize("l'amour d'Artagnan", "en");
  EXPECT_EQ(Lowers(tokens), (V{"l'amour", "d'artagnan"}));
}

TEST(TokenizerTest, EnglishPossessiveIsCutFromNames) {
  const std::string text = "Trump’s plan, Putin's aide, it's late";
  const auto tokens = Tokenize(text, "en");
  EXPECT_EQ(Lowers(tokens), (V{"trump", "plan", "putin", "aide", "it's", "late"}));
  EXPECT_EQ(Surfaces(text, tokens)[0], "Trump");
}

TEST(TokenizerTest, HyphenatedWordsStayWhole) {
  const std::string text = "Kim Jong-un, Kim‐Jong‑Un et Covid-19 — fin";
  const auto tokens = Tokenize(text, "fr");
  EXPECT_EQ(Lowers(tokens), (V{"kim", "jong-un", "kim-jong-un", "et", "covid-19", "fin"}));
  EXPECT_EQ(Surfaces(text, tokens)[2], "Kim‐Jong‑Un");
  EXPECT_EQ(tokens[4].kind, TokenKind::kWord);
}

TEST(TokenizerTest, DashesWithSpacesDoNotJoin) {
  const auto tokens = Tokenize("Moscou - Pékin – Séoul", "fr");
  EXPECT_EQ(Lowers(tokens), (V{"moscou", "pékin", "séoul"}));
}

TEST(TokenizerTest, NumbersAndDatesAreTokens) {
  const auto tokens =
      Tokenize("Le 25/04/2019, soit 2019-04-25 à 14:30, 3,5 % et 1.000 morts", "fr");
  EXPECT_EQ(Lowers(tokens), (V{"le", "25/04/2019", "soit", "2019-04-25", "à", "14:30", "3,5", "et",
                               "1.000", "morts"}));
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[6].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].kind, TokenKind::kWord);
}

TEST(TokenizerTest, NfkcAndCaseFolding) {
  const auto tokens = Tokenize("ＡＢＣ ﬁnance Straße ŒUVRE", "de");
  EXPECT_EQ(Lowers(tokens), (V{"abc", "finance", "strasse", "œuvre"}));
  EXPECT_EQ(tokens[3].folded, "oeuvre");
  EXPECT_TRUE(tokens[3].all_caps);
  EXPECT_TRUE(tokens[0].all_caps);
  EXPECT_FALSE(tokens[2].all_caps);
  EXPECT_TRUE(tokens[2].capitalized);
}

TEST(TokenizerTest, CyrillicAndAccents) {
  const auto tokens = Tokenize("Путин встретился с Ким Чен Ыном. Ёлка", "ru");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].lower, "путин");
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_EQ(tokens[6].folded, "елка");
}

TEST(TokenizerTest, OffsetsPointAtSurfaceForms) {
  const std::string text = "  «Vladimir Poutine» a dit : \"non\".";
  const auto tokens = Tokenize(text, "fr");
  EXPECT_EQ(Surfaces(text, tokens), (V{"Vladimir", "Poutine", "a", "dit", "non"}));
}

TEST(TokenizerTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Tokenize("", "fr").empty());
  EXPECT_TRUE(Tokenize(" ,;. -- ! ", "fr").empty());
}

TEST(TokenizerTest, ConcurrentCallsAgree) {
  const std::string text =
      "Le président russe Vladimir Poutine a reçu jeudi Kim Jong-un à Vladivostok.";
  const auto expected = Lowers(Tokenize(text, "fr"));
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 1;
      for (int i = 0; i < 200; ++i) good &= Lowers(Tokenize(text, "fr")) == expected;
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, (std::vector<int>{1, 1, 1, 1}));
}

TEST(TextFoldTest, FoldFunctions) {
  EXPECT_EQ(FoldCase("L’ÉLYSÉE"), "l'élysée");
  EXPECT_EQ(FoldAccents("pékin-çà-où"), "pekin-ca-ou");
  EXPECT_EQ(FoldAll("Łódź Ærø Hà Nội"), "lodz aero ha noi");
}

// FoldCase folds most text through a per-code-point table; it must agree
// with ICU's NFKC_Casefold over whole strings (plus the apostrophe and
// hyphen unification).
TEST(TextFoldTest, TableAgreesWithIcu) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  const char* kSamples[] = {"Ǆemal ǅ",
                            "ﬁnale Ⅻ ½",
                            "e\u0301te\u0301 Cafe\u0301",
                            "Straße ẞ",
                            "İstanbul",
                            "ΣΑΣ Ὀδυσσεύς",
                            "Ёлка ЙОД",
                            "ÅNGSTRÖM Øresund",
                            "µ ª º ¹",
                            "\u00AD\u00ADsoft",
                            "ＡＢＣ１２３",
                            "Ǻ ǻ Ḁ",
                            "ʰ ˢ",
                            "아이 한국",
                            "עִבְרִית"};
  for (const char* s : kSamples) {
    icu::UnicodeString n = nfkc_cf->normalize(icu::UnicodeString::fromUTF8(s), status);
    std::string expected;
    n.toUTF8String(expected);
    EXPECT_EQ(FoldCase(s), expected) << s;
  }
}

// The fast word-break scanner must agree with ICU's break iterator (the
// reference) on every text it accepts: random strings over letters, digits,
// the punctuation classes of UAX #29 (MidLetter, MidNum, MidNumLet,
// ExtendNumLet), spaces and line breaks of several scripts.
TEST(WordSegmentsTest, FastScannerAgreesWithIcu) {
  const std::vector<std::string> alphabet = {
      "a",  "Z",      "é",      "ß",      "Ж",      "я",      "λ",      "ق",      "5",
      "0",  "٣",      "۵",      ".",      ",",      ";",      ":",      "'",      "’",
      "‘",  "_",      "‿",      "·",      "-",      "‐",      "/",      "@",      "#",
      "$",  "€",      "%",      "&",      " ",      " ",      " ",      " ",      " ",
      "\t", "\n",     "\r",     "\r\n",   "\u0085", "\u2028", "\u2024", "\u2027", "\"",
      "«",  "…",      "!",      "?",      "(",      "*",      "+",      "=",      "~",
      "|",  "\u00ad", "\u0301", "\u200d", "😀",      "中",     "©",      "®",      "‼",
      "™",  "\u2060", "\u200b", "\u200e", "\ufeff", "\u0652", "\u2212", "\u223c", "→",
      "●",  "\u3000", "、",     "。",     "ー",     "\u3031", "ก",      "\u05d0", "\U0001F1EB"};
  std::vector<std::string> symbols = alphabet;
  for (char c = '!'; c <= '~'; ++c) symbols.emplace_back(1, c);  // every ASCII symbol
  std::mt19937 rng(20240611);
  std::vector<internal::WordSegment> fast, icu;
  int checked = 0;
  for (int iter = 0; iter < 100000; ++iter) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 12);
    // Mostly letters and digits, so that the joining rules get exercised.
    for (int k = 0; k < len; ++k) {
      const size_t pick = rng() % 3 == 0 ? rng() % symbols.size() : rng() % 11;
      s += symbols[pick];
    }
    ASSERT_TRUE(internal::IcuWordSegments(s, &icu));
    if (!internal::FastWordSegments(s, &fast)) continue;
    ++checked;
    ASSERT_EQ(fast.size(), icu.size()) << "\"" << s << "\"";
    for (size_t i = 0; i < fast.size(); ++i) {
      ASSERT_EQ(fast[i].begin, icu[i].begin) << "\"" << s << "\"";
      ASSERT_EQ(fast[i].end, icu[i].end) << "\"" << s << "\"";
      ASSERT_EQ(static_cast<int>(fast[i].category), static_cast<int>(icu[i].category))
          << "\"" << s << "\" segment " << i;
    }
  }
  EXPECT_GT(checked, 50000);
  // Text the scanner leaves to ICU: a combining mark or format character
  // with nothing (or a space) before it, emoji sequences, ideographs.
  EXPECT_FALSE(internal::FastWordSegments("\u0301t\u00e9", &fast));
  EXPECT_FALSE(internal::FastWordSegments("a \u00adb", &fast));
  EXPECT_FALSE(internal::FastWordSegments("中文", &fast));
  EXPECT_FALSE(internal::FastWordSegments("👍\u200d👍", &fast));
  EXPECT_TRUE(internal::FastWordSegments("L’Élysée, 3,5 %", &fast));
}

// A text beyond the per-thread buffers' reuse limit (256 KiB) takes its own
// buffers and tokenizes the same way.
TEST(TokenizerTest, HugeTextTokenizesLikeSmallOnes) {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "L'été 2019, ";
  const auto tokens = Tokenize(text, "fr");
  ASSERT_EQ(tokens.size(), 120000u);
  EXPECT_EQ(Lowers(tokens)[119998], "été");
  EXPECT_EQ(tokens[119999].kind, TokenKind::kNumber);
  EXPECT_EQ(Tokenize("Encore 1", "fr").size(), 2u);
}

}  // namespace
}  // namespace veille::analyze
