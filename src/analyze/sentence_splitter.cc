// Sentence splitting: paragraphs first (a blank line ends one), then ICU's
// sentence breaks within each paragraph, then breaks that ICU places after an
// abbreviation or an initial are undone. ICU breaks after "M. " when a
// capital follows, which in news text is almost always a title ("M. Kim"),
// so a break is dropped when the text before it ends with a known
// abbreviation ("M.", "Mme", "Dr.", "p. ex.") or a single capital letter and
// a period ("J. R. R. Tolkien"), and what follows does not start a paragraph.
#include "analyze/sentence_splitter.h"

#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "analyze/icu_break.h"

namespace veille::analyze {
namespace {

// Sentence_Break classes (UAX #29).
enum SentenceClass : uint8_t {
  kOther,
  kATerm,
  kClose,
  kLower,
  kNumeric,
  kOLetter,
  kSep,
  kSp,
  kSTerm,
  kUpper,
  kCr,
  kLf,
  kSContinue,
  kIgnored,  // Extend or Format: part of the character before it (SB5)
};

SentenceClass SentenceClassOf(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM:
      return kATerm;
    case U_SB_CLOSE:
      return kClose;
    case U_SB_LOWER:
      return kLower;
    case U_SB_NUMERIC:
      return kNumeric;
    case U_SB_OLETTER:
      return kOLetter;
    case U_SB_SEP:
      return kSep;
    case U_SB_SP:
      return kSp;
    case U_SB_STERM:
      return kSTerm;
    case U_SB_UPPER:
      return kUpper;
    case U_SB_CR:
      return kCr;
    case U_SB_LF:
      return kLf;
    case U_SB_SCONTINUE:
      return kSContinue;
    case U_SB_EXTEND:
    case U_SB_FORMAT:
      return kIgnored;
    default:
      return kOther;
  }
}

// Classes of U+0000..U+07FF, built once; other code points ask ICU.
constexpr UChar32 kTableSize = 0x800;
const std::array<SentenceClass, kTableSize>& SentenceTable() {
  static const auto* table = [] {
    auto* t = new std::array<SentenceClass, kTableSize>();
    for (UChar32 c = 0; c < kTableSize; ++c) (*t)[c] = SentenceClassOf(c);
    return t;
  }();
  return *table;
}

bool IsParaSep(SentenceClass c) { return c == kSep || c == kCr || c == kLf; }
bool IsSATerm(SentenceClass c) { return c == kATerm || c == kSTerm; }

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Abbreviations (without their period) after which a period does not end a
// sentence. Case-sensitive: titles are capitalised, "p. ex." is not.
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "M",   "MM",  "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me",  "Dr",  "Pr",  "St",   "Ste", "Mr",
    "Mrs", "Ms",  "Jr",  "Sr",   "Prof", "Gen",   "Gén", "Col", "Lt",  "Sgt", "Capt", "Gov", "Sen",
    "Rep", "Rev", "Hon", "cf",   "Cf",   "p",     "ex",  "env", "vol", "art", "chap", "fig", "éd",
    "ed",  "vs",  "av",  "apr",  "janv", "févr",  "Fr",  "Mt",  "No",  "no",  "n°",   "tél", "Ph"};

// Trims trailing whitespace (and NBSP) from [begin, end).
int32_t TrimEnd(std::string_view text, int32_t begin, int32_t end) {
  while (end > begin) {
    if (IsSpace(text[end - 1])) {
      --end;
    } else if (end - begin >= 2 && text.substr(end - 2, 2) == "\u00A0") {
      end -= 2;
    } else if (end - begin >= 3 && text.substr(end - 3, 3) == "\u202F") {
      end -= 3;
    } else {
      break;
    }
  }
  return end;
}

int32_t TrimBegin(std::string_view text, int32_t begin, int32_t end) {
  while (begin < end) {
    if (IsSpace(text[begin])) {
      ++begin;
    } else if (text.substr(begin, 2) == "\u00A0") {
      begin += 2;
    } else if (text.substr(begin, 3) == "\u202F") {
      begin += 3;
    } else {
      break;
    }
  }
  return begin;
}

// True when the sentence [begin, end) (trimmed) ends with an abbreviation or
// an initial followed by its period.
bool EndsWithAbbreviation(std::string_view text, int32_t begin, int32_t end) {
  if (end <= begin || text[end - 1] != '.') return false;
  int32_t word_end = end - 1;
  int32_t word_begin = word_end;
  while (word_begin > begin) {
    int32_t prev = word_begin;
    UChar32 c;
    U8_PREV(text.data(), begin, prev, c);
    if (c < 0 || !(u_isalpha(c) || c == 0xB0)) break;  // letters, and "°" for n°
    word_begin = prev;
  }
  if (word_begin == word_end) return false;
  // The word must stand alone (start of sentence, after a space, a hyphen as
  // in "J.-C.", a parenthesis, or a period as in "p.ex.").
  if (word_begin > begin) {
    const char before = text[word_begin - 1];
    if (!IsSpace(before) && before != '-' && before != '(' && before != '.' &&
        static_cast<unsigned char>(before) < 0x80) {
      return false;
    }
  }
  const std::string_view word = text.substr(word_begin, word_end - word_begin);
  // A single capital letter: an initial.
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  if (i == static_cast<int32_t>(word.size()) && c >= 0 && u_isupper(c)) return true;
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// Splits one paragraph [pbegin, pend) and appends its sentences.
void SplitParagraph(std::string_view text, int32_t pbegin, int32_t pend, uint32_t paragraph,
                    std::vector<SentenceSpan>* out) {
  const std::string_view para = text.substr(pbegin, pend - pbegin);
  thread_local std::vector<int32_t> breaks;
  if (!internal::FastSentenceBreaks(para, &breaks) && !internal::IcuSentenceBreaks(para, &breaks))
    breaks.clear();
  if (breaks.empty() || breaks.back() != static_cast<int32_t>(para.size())) {
    breaks.push_back(static_cast<int32_t>(para.size()));
  }
  int32_t start = 0;
  for (size_t k = 0; k < breaks.size(); ++k) {
    const int32_t b = breaks[k];
    const int32_t trimmed_end = TrimEnd(para, start, b);
    const bool last = k + 1 == breaks.size();
    // A line break inside the paragraph ends the sentence whatever precedes it.
    const bool newline = trimmed_end < b && para.substr(trimmed_end, b - trimmed_end).find('\n') !=
                                                std::string_view::npos;
    if (!last && !newline && EndsWithAbbreviation(para, start, trimmed_end)) continue;
    const int32_t s = TrimBegin(para, start, trimmed_end);
    if (s < trimmed_end) {
      out->push_back({static_cast<uint32_t>(pbegin + s),
                      static_cast<uint32_t>(pbegin + trimmed_end), paragraph});
    }
    start = b;
  }
}

}  // namespace

namespace internal {

// UAX #29 sentence boundaries (SB3..SB11) over the classes above. A boundary
// can only follow a terminator run SATerm Close* Sp* (SB11) or a paragraph
// separator (SB4); the scanner tracks that run and applies SB6..SB10 where
// it ends.
bool FastSentenceBreaks(std::string_view text, std::vector<int32_t>* out) {
  out->clear();
  const auto& table = SentenceTable();
  struct Unit {
    int32_t pos;
    SentenceClass cls;
  };
  // Reused per thread up to 256 KiB of text (see word_break.cc).
  thread_local std::vector<Unit> reused;
  std::vector<Unit> own;
  std::vector<Unit>& units = text.size() <= (1u << 18) ? reused : own;
  const int32_t n = static_cast<int32_t>(text.size());
  if (units.size() < text.size() + 1) units.resize(text.size() + 1);
  Unit* u = units.data();
  size_t m = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    SentenceClass k;
    if (b < 0x80) {
      k = table[b];
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(text.data(), i, n, c);
      if (c < 0) return false;  // malformed UTF-8: ICU decides
      k = c < kTableSize ? table[c] : SentenceClassOf(c);
    }
    if (k == kIgnored) {
      if (m == 0 || IsParaSep(u[m - 1].cls)) return false;
      continue;  // SB5
    }
    u[m++] = {at, k};
  }
  u[m].pos = n;
  // The terminator run ending at the unit before the boundary: `term` the
  // index of its SATerm (or -1), `spaces` whether Sp has started.
  int64_t term = m > 0 && IsSATerm(u[0].cls) ? 0 : -1;
  bool spaces = false;
  for (size_t i = 1; i <= m; ++i) {
    const SentenceClass p = u[i - 1].cls;
    bool brk = false;
    if (i == m) {
      brk = true;
    } else {
      const SentenceClass c = u[i].cls;
      if (p == kCr && c == kLf) {
        brk = false;  // SB3
      } else if (IsParaSep(p)) {
        brk = true;  // SB4
      } else if (term >= 0) {
        const bool aterm = u[term].cls == kATerm;
        const bool right_after = static_cast<size_t>(term) == i - 1;
        if (aterm && right_after && c == kNumeric) {
          brk = false;  // SB6
        } else if (aterm && right_after && c == kUpper && term > 0 &&
                   (u[term - 1].cls == kUpper || u[term - 1].cls == kLower)) {
          brk = false;  // SB7
        } else if (c == kSContinue || IsSATerm(c)) {
          brk = false;  // SB8a
        } else if (!spaces && (c == kClose || c == kSp || IsParaSep(c))) {
          brk = false;  // SB9
        } else if (c == kSp || IsParaSep(c)) {
          brk = false;  // SB10
        } else {
          brk = true;  // SB11, unless SB8: a lowercase letter comes first
          if (aterm) {
            for (size_t j = i; j < m; ++j) {
              const SentenceClass x = u[j].cls;
              if (x == kOLetter || x == kUpper || x == kLower || IsParaSep(x) || IsSATerm(x)) {
                brk = x != kLower;
                break;
              }
            }
          }
        }
      }
    }
    if (brk) out->push_back(u[i].pos);
    if (i == m) break;
    // Extend the terminator run with u[i], or start or end one.
    const SentenceClass c = u[i].cls;
    if (IsSATerm(c)) {
      term = static_cast<int64_t>(i), spaces = false;
    } else if (term >= 0 && !brk && !spaces && c == kClose) {
      // SATerm Close*
    } else if (term >= 0 && !brk && c == kSp) {
      spaces = true;
    } else {
      term = -1, spaces = false;
    }
  }
  return true;
}

bool IcuSentenceBreaks(std::string_view text, std::vector<int32_t>* out) {
  out->clear();
  icu::BreakIterator* bi = ThreadBreakIterator(BreakKind::kSentence);
  if (bi == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) bi->setText(ut, status);
  if (U_SUCCESS(status)) {
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) out->push_back(b);
    bi->setText(icu::UnicodeString());
  }
  if (ut != nullptr) utext_close(ut);
  return U_SUCCESS(status);
}

}  // namespace internal

std::vector<SentenceSpan> SplitSentences(std::string_view text, std::string_view /*lang*/) {
  std::vector<SentenceSpan> out;
  const int32_t n = static_cast<int32_t>(text.size());
  uint32_t paragraph = 0;
  int32_t pbegin = 0;
  int32_t i = 0;
  while (i <= n) {
    // A paragraph ends at a line that holds only whitespace, or at the end.
    bool para_end = i == n;
    int32_t next = i;
    if (!para_end && text[i] == '\n') {
      int32_t j = i + 1;
      while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < n && text[j] == '\n') {
        para_end = true;
        next = j + 1;
      }
    }
    if (para_end) {
      const int32_t s = TrimBegin(text, pbegin, i);
      const int32_t e = TrimEnd(text, s, i);
      if (s < e) {
        SplitParagraph(text, s, e, paragraph, &out);
        ++paragraph;
      }
      if (i == n) break;
      pbegin = next;
      i = next;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace veille::analyze
