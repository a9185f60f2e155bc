// Word boundaries: ICU's root word break rules (UAX #29 with ICU's
// tailoring), applied by a scanner written for the classes of the common
// scripts, with ICU's break iterator as the fallback and reference. ICU's
// iterator walks the text through UText and a generic state table: a third
// of the cost of tokenizing. The scanner decodes UTF-8 once and applies the
// rules directly; tests/analyze/tokenizer_test.cc checks it against ICU on
// random strings. Thread-safe.
#include "analyze/word_break.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>

#include "analyze/icu_break.h"

namespace veille::analyze {
namespace {

// The word break classes of UAX #29 that the fast scanner handles; kComplex
// stands for every other class (ZWJ, Katakana, Hebrew, regional indicators,
// emoji beyond U+20CF, ideographs and other dictionary scripts), for which
// ICU decides.
enum WordClass : uint8_t {
  kOther,
  kLetter,      // ALetter, and "@" (ICU's root tailoring)
  kNumeric,     // Numeric
  kMidLetter,   // MidLetter, less ":" (ICU's root tailoring)
  kMidNum,      // MidNum
  kMidNumLetQ,  // MidNumLet or Single_Quote (the same outside Hebrew)
  kExtendNumLet,
  kSpace,  // WSegSpace
  kCr,
  kLf,
  kNewline,
  kIgnored,  // Extend or Format: part of the character before it (WB4)
  kComplex,
};

WordClass ClassOfProperty(UChar32 c) {
  if (c == ':' || c == 0xFE55 || c == 0xFF1A) return kOther;  // ICU: not MidLetter
  if (c == '@') return kLetter;                               // ICU: a letter (e-mail)
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
      return kOther;
    case U_WB_ALETTER:
      return kLetter;
    case U_WB_NUMERIC:
      return kNumeric;
    case U_WB_MIDLETTER:
      return kMidLetter;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return kMidNumLetQ;
    case U_WB_EXTENDNUMLET:
      return kExtendNumLet;
    case U_WB_WSEGSPACE:
      return kSpace;
    case U_WB_CR:
      return kCr;
    case U_WB_LF:
      return kLf;
    case U_WB_NEWLINE:
      return kNewline;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
      return kIgnored;
    default:
      return kComplex;
  }
}

// Classes of U+0000..U+07FF and of U+2000..U+20CF (general punctuation,
// super/subscripts, currency signs), built once from ICU's properties. The
// pictographs there ("©", "®", "‼") are Other: Extended_Pictographic only
// matters after a ZWJ (WB3c), which is left to ICU.
constexpr UChar32 kLowTable = 0x800;
constexpr UChar32 kPunctBegin = 0x2000;
constexpr UChar32 kPunctEnd = 0x20D0;

const std::array<WordClass, kLowTable + (kPunctEnd - kPunctBegin)>& ClassTable() {
  static const auto* table = [] {
    auto* t = new std::array<WordClass, kLowTable + (kPunctEnd - kPunctBegin)>();
    for (UChar32 c = 0; c < kLowTable; ++c) (*t)[c] = ClassOfProperty(c);
    for (UChar32 c = kPunctBegin; c < kPunctEnd; ++c)
      (*t)[kLowTable + c - kPunctBegin] = ClassOfProperty(c);
    return t;
  }();
  return *table;
}

// A code point beyond the table: the symbols and punctuation of the Common
// and Inherited scripts that are no pictographs (math signs such as U+2212,
// arrows, CJK punctuation) take their class; anything else is kComplex.
WordClass ClassOfOtherSymbol(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status) || (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) ||
      u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) {
    return kComplex;
  }
  const WordClass k = ClassOfProperty(c);
  return k == kLetter || k == kNumeric ? kComplex : k;
}

constexpr size_t kReuseBytes = 1 << 18;

bool IsAHLetterOrNum(WordClass c) { return c == kLetter || c == kNumeric; }
bool IsMidLetterQ(WordClass c) { return c == kMidLetter || c == kMidNumLetQ; }
bool IsMidNumQ(WordClass c) { return c == kMidNum || c == kMidNumLetQ; }
}  // namespace

namespace internal {

// UAX #29 word boundaries over the classes above (an Extend or Format
// character joins the unit before it, WB4), and the rule status ICU's
// root rules give a segment: the tag of the last rule that joined it, which
// is that of its last character (letter 200, number 100; an ExtendNumLet
// takes the tag of what precedes it), or the single character's own tag
// (a lone "_" has none).
bool FastWordSegments(std::string_view text, std::vector<WordSegment>* out) {
  out->clear();
  const auto& table = ClassTable();
  // The text's units: a character with the Extend/Format ones after it.
  struct Unit {
    int32_t pos;
    WordClass cls;
    bool extended;  // absorbed an Extend or Format character
  };
  // Reused per thread up to kReuseBytes of text; a larger text gets its own
  // buffer, so that one huge document does not pin memory in every thread.
  thread_local std::vector<Unit> reused;
  std::vector<Unit> own;
  std::vector<Unit>& units = text.size() <= kReuseBytes ? reused : own;
  const int32_t n = static_cast<int32_t>(text.size());
  if (units.size() < text.size() + 1) units.resize(text.size() + 1);
  Unit* u = units.data();
  size_t m = 0;
  for (int32_t i = 0; i < n;) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      u[m++] = {i, table[b], false};
      ++i;
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    WordClass k = kComplex;
    if (c >= 0 && c < kLowTable) {
      k = table[c];
    } else if (c >= kPunctBegin && c < kPunctEnd) {
      k = table[kLowTable + c - kPunctBegin];
    } else if (c >= 0) {
      k = ClassOfOtherSymbol(c);
    }
    if (k == kComplex) return false;
    if (k == kIgnored) {
      // WB4: attached to the character before, unless nothing (or a line
      // break or space, where ICU's grouping differs) precedes it.
      const WordClass p = m == 0 ? kCr : u[m - 1].cls;
      if (p == kCr || p == kLf || p == kNewline || p == kSpace) return false;
      u[m - 1].extended = true;
      continue;
    }
    u[m++] = {at, k, false};
  }
  u[m].pos = n;
  auto single = [](WordClass c) {
    return c == kLetter    ? SegmentCategory::kWord
           : c == kNumeric ? SegmentCategory::kNumber
                           : SegmentCategory::kNone;
  };
  size_t start = 0;
  SegmentCategory cat = m > 0 ? single(u[0].cls) : SegmentCategory::kNone;
  for (size_t i = 1; i <= m; ++i) {
    bool join = false;
    SegmentCategory tag = SegmentCategory::kNone;
    if (i < m) {
      const WordClass p = u[i - 1].cls, c = u[i].cls;
      if (p == kLetter && c == kLetter) {  // WB5, the common case first
        cat = SegmentCategory::kWord;
        continue;
      }
      const WordClass p2 = i >= 2 ? u[i - 2].cls : kOther;
      const WordClass nx = i + 1 < m ? u[i + 1].cls : kOther;
      if (p == kCr && c == kLf) {
        join = true;  // WB3
      } else if (p == kCr || p == kLf || p == kNewline || c == kCr || c == kLf || c == kNewline) {
        join = false;  // WB3a, WB3b
      } else if (p == kSpace && c == kSpace) {
        join = true;  // WB3d
      } else if (p == kLetter && c == kLetter) {
        join = true, tag = SegmentCategory::kWord;  // WB5
      } else if (p == kLetter && IsMidLetterQ(c) && nx == kLetter) {
        join = true, tag = cat;  // WB6 (the tag comes with WB7)
      } else if (p2 == kLetter && IsMidLetterQ(p) && c == kLetter && i - 1 > start) {
        join = true, tag = SegmentCategory::kWord;  // WB7
      } else if (p == kNumeric && c == kNumeric) {
        join = true, tag = SegmentCategory::kNumber;  // WB8
      } else if (IsAHLetterOrNum(p) && IsAHLetterOrNum(c)) {
        join = true;  // WB9, WB10
        tag = c == kNumeric ? SegmentCategory::kNumber : SegmentCategory::kWord;
      } else if (p2 == kNumeric && IsMidNumQ(p) && c == kNumeric && i - 1 > start) {
        join = true, tag = SegmentCategory::kNumber;  // WB11
      } else if (p == kNumeric && IsMidNumQ(c) && nx == kNumeric) {
        join = true, tag = cat;  // WB12
      } else if ((IsAHLetterOrNum(p) || p == kExtendNumLet) && c == kExtendNumLet) {
        join = true;  // WB13a
        tag = p == kNumeric ? SegmentCategory::kNumber : SegmentCategory::kWord;
      } else if (p == kExtendNumLet && IsAHLetterOrNum(c)) {
        join = true;  // WB13b
        tag = c == kNumeric ? SegmentCategory::kNumber : SegmentCategory::kWord;
      }
    }
    if (join) {
      cat = tag;
      continue;
    }
    // ICU quirk: a segment ending in ExtendNumLet plus an Extend or Format
    // character ("a_\u00AD") has no status.
    if (u[i - 1].cls == kExtendNumLet && u[i - 1].extended) cat = SegmentCategory::kNone;
    out->push_back({u[start].pos, u[i].pos, cat});
    start = i;
    if (i < m) cat = single(u[i].cls);
  }
  return true;
}

bool IcuWordSegments(std::string_view text, std::vector<WordSegment>* out) {
  out->clear();
  icu::BreakIterator* bi = ThreadBreakIterator(BreakKind::kWord);
  if (bi == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return false;
  bi->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return false;
  }
  for (int32_t b = bi->first(), e = bi->next(); e != icu::BreakIterator::DONE;
       b = e, e = bi->next()) {
    const int32_t rule = bi->getRuleStatus();
    const SegmentCategory cat = rule < UBRK_WORD_NONE_LIMIT     ? SegmentCategory::kNone
                                : rule < UBRK_WORD_NUMBER_LIMIT ? SegmentCategory::kNumber
                                                                : SegmentCategory::kWord;
    out->push_back({b, e, cat});
  }
  // Release the iterator's reference to `text` before closing the UText.
  bi->setText(icu::UnicodeString());
  utext_close(ut);
  return true;
}

}  // namespace internal

}  // namespace veille::analyze
