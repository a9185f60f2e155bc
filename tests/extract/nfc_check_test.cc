#include "extract/nfc_check.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <random>
#include <string>

#include "common/utf8.h"

namespace veille::extract::internal {
namespace {

bool IcuSaysNfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  EXPECT_TRUE(U_SUCCESS(err));
  const bool yes = nfc->isNormalizedUTF8(icu::StringPiece(s.data(), s.size()), err);
  EXPECT_TRUE(U_SUCCESS(err));
  return yes;
}

TEST(StableUnderNfc, CommonWebTextNeedsNoNormalizer) {
  for (const char* s :
       {"", "plain ASCII text, 8 bytes at a time", "l'été à Paris — « Kim Jong-un » ™ ► ✓ …",
        "Привет, мир", "中文新闻报道", "日本語のテキスト", "عربي", "emoji 😀🚀"}) {
    EXPECT_TRUE(StableUnderNfc(s)) << s;
    EXPECT_TRUE(IcuSaysNfc(s)) << s;
  }
}

TEST(StableUnderNfc, LeavesToIcuWhatNfcMightChange) {
  EXPECT_FALSE(StableUnderNfc("e\xCC\x81"));                 // e + U+0301 combining acute
  EXPECT_FALSE(StableUnderNfc("\xE2\x84\xA6"));              // U+2126 OHM SIGN, NFC gives U+03A9
  EXPECT_FALSE(StableUnderNfc("\xE1\x84\x80\xE1\x85\xA1"));  // Hangul jamo L + V
  EXPECT_FALSE(StableUnderNfc("\xF0\x9D\x85\x9E"));          // U+1D15E, NFC_QC No
}

// The BMP table agrees with ICU's own properties on every code point.
TEST(StableUnderNfc, MatchesIcuPropertiesOnTheWholeBmp) {
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    AppendUtf8(cp, &s);
    const auto c = static_cast<UChar32>(cp);
    const bool stable =
        u_getCombiningClass(c) == 0 && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
    ASSERT_EQ(StableUnderNfc(s), stable) << "U+" << std::hex << static_cast<uint32_t>(cp);
  }
}

// Soundness on random text: whenever the quick test says yes, ICU agrees.
TEST(StableUnderNfc, NeverSaysYesWhereIcuSaysNo) {
  std::mt19937 rng(20261128);
  // Ranges rich in marks, compatibility and composed characters.
  const char32_t ranges[][2] = {{0x20, 0x7E},     {0xA0, 0x2FF},      {0x300, 0x36F},
                                {0x370, 0x4FF},   {0x1100, 0x11FF},   {0x1E00, 0x1FFF},
                                {0x2000, 0x2BFF}, {0x3000, 0x30FF},   {0xAC00, 0xAC20},
                                {0xF900, 0xFAFF}, {0x1D100, 0x1D1FF}, {0x1F300, 0x1F6FF}};
  int yes = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < len; ++k) {
      const auto& r = ranges[rng() % std::size(ranges)];
      char32_t cp = r[0] + rng() % (r[1] - r[0] + 1);
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'x';
      AppendUtf8(cp, &s);
    }
    if (StableUnderNfc(s)) {
      ++yes;
      ASSERT_TRUE(IcuSaysNfc(s)) << "quick test said NFC for a string ICU would change";
    }
  }
  EXPECT_GT(yes, 10000);  // and it does say yes for most ordinary text
}

}  // namespace
}  // namespace veille::extract::internal
