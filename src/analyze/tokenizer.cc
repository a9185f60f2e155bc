// Tokenizer: ICU word boundaries, then three repairs ICU's rules do not make:
//   - words joined by an in-word hyphen ("Jong-un", "Covid-19") and numbers
//     joined by "/", "-" or ":" ("25/04/2019", "2019-04-25", "14:30") become
//     one token (ICU splits at these);
//   - French (and Italian) elisions are split off ("l'été" -> "l'" + "été"),
//     which ICU keeps together because the apostrophe is MidNumLet;
//   - an English possessive "'s" is cut from a capitalised word ("Trump's").
// Word boundaries come from word_break.h: a scanner of ICU's rules for the
// common scripts, ICU's own iterator for the rest.
#include "analyze/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "analyze/text_fold.h"
#include "analyze/word_break.h"

namespace veille::analyze {
namespace {

struct Segment {
  int32_t begin;
  int32_t end;
  TokenKind kind;
};

// True when text[pos..) starts with a hyphen that may join two word parts
// ("-", U+2010, U+2011); sets *len to its byte length.
bool InWordHyphenAt(std::string_view text, int32_t pos, int32_t* len) {
  if (pos >= static_cast<int32_t>(text.size())) return false;
  if (text[pos] == '-') {
    *len = 1;
    return true;
  }
  if (text.substr(pos, 3) == "\u2010" || text.substr(pos, 3) == "\u2011") {
    *len = 3;
    return true;
  }
  return false;
}

bool NumberJoinerAt(std::string_view text, int32_t pos) {
  if (pos >= static_cast<int32_t>(text.size())) return false;
  const char c = text[pos];
  return c == '/' || c == '-' || c == ':';
}

// Elided forms (case-folded, apostrophe unified) split off a word's start.
constexpr std::array<std::string_view, 13> kFrenchElisions = {
    "l'", "d'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'",
    "n'", "s'", "c'",  "j'",     "m'",      "t'"};
constexpr std::array<std::string_view, 12> kItalianElisions = {"l'",     "d'",     "un'",   "dell'",
                                                               "all'",   "dall'",  "nell'", "sull'",
                                                               "quest'", "quell'", "c'",    "dev'"};

bool UsesElision(std::string_view lang) {
  return lang.empty() || lang == "fr" || lang == "it" || lang == "ca";
}

// Byte length of the surface prefix of `surface` holding `chars` code points.
int32_t PrefixBytes(std::string_view surface, size_t chars) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(surface.size());
  for (size_t k = 0; k < chars && i < n; ++k) {
    UChar32 c;
    U8_NEXT(surface.data(), i, n, c);
  }
  return i;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void SetCase(std::string_view surface, Token* t) {
  int letters = 0;
  int upper = 0;
  bool first = true;
  const int32_t n = static_cast<int32_t>(surface.size());
  for (int32_t i = 0; i < n;) {
    const unsigned char b = static_cast<unsigned char>(surface[i]);
    bool up;
    if (b < 0x80) {
      ++i;
      const bool is_upper = b >= 'A' && b <= 'Z';
      if (!is_upper && !(b >= 'a' && b <= 'z')) continue;
      up = is_upper;
    } else {
      UChar32 c;
      U8_NEXT(surface.data(), i, n, c);
      if (c < 0 || !u_isalpha(c)) continue;
      up = u_isupper(c) || u_istitle(c);
    }
    ++letters;
    upper += up;
    if (first) t->capitalized = up;
    first = false;
  }
  t->all_caps = letters >= 2 && upper == letters;
}

Token MakeToken(std::string_view text, int32_t begin, int32_t end, TokenKind kind) {
  Token t;
  t.begin = static_cast<uint32_t>(begin);
  t.end = static_cast<uint32_t>(end);
  t.kind = kind;
  const std::string_view surface = text.substr(begin, end - begin);
  bool ascii = true;
  for (const char c : surface) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // FoldCase, FoldAccents and SetCase of ASCII, in one pass
    t.lower.assign(surface);
    int letters = 0, upper = 0;
    for (char& c : t.lower) {
      const bool is_upper = c >= 'A' && c <= 'Z';
      if (is_upper) c = static_cast<char>(c + 32);
      if (!is_upper && !(c >= 'a' && c <= 'z')) continue;
      if (letters++ == 0) t.capitalized = is_upper;
      upper += is_upper;
    }
    t.all_caps = letters >= 2 && upper == letters;
    t.folded = t.lower;
    return t;
  }
  t.lower = FoldCase(surface);
  t.folded = FoldAccents(t.lower);
  SetCase(surface, &t);
  return t;
}

// Emits the word [begin, end), splitting a leading elision and an English
// possessive.
void EmitWord(std::string_view text, int32_t begin, int32_t end, std::string_view lang,
              std::vector<Token>* out) {
  Token t = MakeToken(text, begin, end, TokenKind::kWord);
  if (UsesElision(lang)) {
    const size_t apos = t.lower.find('\'');
    if (apos != std::string::npos && apos + 1 < t.lower.size()) {
      const std::string_view head = std::string_view(t.lower).substr(0, apos + 1);
      bool elided = false;
      for (const auto e : kFrenchElisions) elided |= (head == e && lang != "it");
      for (const auto e : kItalianElisions) elided |= (head == e && (lang == "it" || lang.empty()));
      if (elided) {
        const std::string_view surface = text.substr(begin, end - begin);
        const int32_t split = begin + PrefixBytes(surface, CountCodePoints(head));
        out->push_back(MakeToken(text, begin, split, TokenKind::kElision));
        out->push_back(MakeToken(text, split, end, TokenKind::kWord));
        return;
      }
    }
  }
  if (lang == "en" && t.capitalized && t.lower.size() > 2 &&
      t.lower.compare(t.lower.size() - 2, 2, "'s") == 0) {
    // The surface apostrophe may be 1 (') or 3 (’) bytes before the "s".
    int32_t cut = end - 1;
    while (cut > begin && (static_cast<unsigned char>(text[cut - 1]) & 0xC0) == 0x80) --cut;
    if (cut > begin) --cut;
    out->push_back(MakeToken(text, begin, cut, TokenKind::kWord));
    return;
  }
  out->push_back(std::move(t));
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, std::string_view lang) {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  // Reused per thread for texts up to 256 KiB (a huge one pins no memory).
  thread_local std::vector<internal::WordSegment> reused;
  std::vector<internal::WordSegment> own;
  std::vector<internal::WordSegment>& all = text.size() <= (1u << 18) ? reused : own;
  if (!internal::FastWordSegments(text, &all) && !internal::IcuWordSegments(text, &all))
    return tokens;
  std::vector<Segment> segs;
  segs.reserve(all.size() / 2 + 1);
  for (const auto& w : all) {
    if (w.category == internal::SegmentCategory::kNone) continue;
    segs.push_back(
        {w.begin, w.end,
         w.category == internal::SegmentCategory::kNumber ? TokenKind::kNumber : TokenKind::kWord});
  }

  tokens.reserve(segs.size() + segs.size() / 8);
  for (size_t i = 0; i < segs.size();) {
    Segment cur = segs[i++];
    // Join across in-word hyphens / number separators with no spaces around.
    while (i < segs.size()) {
      int32_t hyphen = 0;
      const Segment& next = segs[i];
      const bool both_numbers = cur.kind == TokenKind::kNumber && next.kind == TokenKind::kNumber;
      if (both_numbers && next.begin == cur.end + 1 && NumberJoinerAt(text, cur.end)) {
        cur.end = next.end;
      } else if (!both_numbers && InWordHyphenAt(text, cur.end, &hyphen) &&
                 next.begin == cur.end + hyphen) {
        cur.end = next.end;
        cur.kind = TokenKind::kWord;
      } else {
        break;
      }
      ++i;
    }
    if (cur.kind == TokenKind::kNumber) {
      tokens.push_back(MakeToken(text, cur.begin, cur.end, TokenKind::kNumber));
    } else {
      EmitWord(text, cur.begin, cur.end, lang, &tokens);
    }
  }
  return tokens;
}

}  // namespace veille::analyze
