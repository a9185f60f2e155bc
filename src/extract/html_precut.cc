// CutPage (tests: html_dom_test.cc compares HtmlDom's tree and attributes
// with libxml2's own tree on pages made to trip the tokenizer).
//
// The tokenizer follows libxml2 2.9.14's htmlParseStartTag: tag and
// attribute names are runs of [A-Za-z0-9:_.-] starting with a letter, '_',
// ':' or '.' (at most 99 kept), blanks are space, tab, CR and LF, a value
// follows '=' (blanks allowed around it) and is quoted (read up to the same
// quote) or not (read up to a blank or '>'), anything else up to a blank,
// '>' or "/>" is skipped. Text runs are cut only after a start tag or a
// plain "</name>" (after a comment, the parser's own end of comment would
// have to be matched). Where the tokenizer may still differ (a '<' that the
// parser reads inside a comment, a tag the parser discards), the handler's
// check refuses the cut and the page is parsed whole.
#include "extract/html_precut.h"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extract/charset.h"

namespace veille::extract::internal {

namespace {

using std::string_view_literals::operator""sv;

constexpr std::string_view kRawTextNames[] = {"script", "style"};
constexpr size_t kMaxName = 99;   // htmlParseHTMLName keeps 100 bytes at most
constexpr size_t kMaxAttrs = 64;  // tags with more attributes are left whole

// Byte classes of the tokenizer, from a table.
enum : uint8_t { kBlank = 1, kLetter = 2, kNameStart = 4, kNameChar = 8 };
constexpr auto kClasses = [] {
  std::array<uint8_t, 256> t{};
  for (int c : {' ', '\t', '\n', '\r'}) t[c] = kBlank;
  for (int c = 0; c < 256; ++c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool start = letter || c == '_' || c == ':' || c == '.';
    if (letter) t[c] |= kLetter;
    if (start) t[c] |= kNameStart;
    if (start || (c >= '0' && c <= '9') || c == '-') t[c] |= kNameChar;
  }
  return t;
}();
bool Is(char c, uint8_t cls) { return (kClasses[static_cast<uint8_t>(c)] & cls) != 0; }
bool IsBlank(char c) { return Is(c, kBlank); }
bool IsLetter(char c) { return Is(c, kLetter); }
bool IsNameStart(char c) { return Is(c, kNameStart); }
bool IsNameChar(char c) { return Is(c, kNameChar); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// True when the 8 bytes at `p` hold no control character nor 0xEF (the
// lead byte of U+FFFE and U+FFFF): nothing for AllXmlChars to look at. The
// tests are the usual "some byte below n" and "some zero byte" word tricks
// (a borrow only ever follows a byte that was found).
bool PlainWord(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const uint64_t control = (w - kOnes * 0x20) & ~w & kHigh;  // some byte < 0x20
  const uint64_t x = w ^ (kOnes * 0xEF);
  const uint64_t ef = (x - kOnes) & ~x & kHigh;  // some byte == 0xEF
  return (control | ef) == 0;
}

// The first "</name" (any case) from `from`, as htmlParseScript stops there
// in recovery mode; npos if none.
size_t FindRawTextEnd(std::string_view html, size_t from, std::string_view name) {
  for (size_t at = html.find("</", from); at != std::string_view::npos;
       at = html.find("</", at + 2)) {
    if (EqualsLowered(html.substr(at + 2, name.size()), name)) return at;
  }
  return std::string_view::npos;
}

// The first offset from `i` whose byte may start a character that the
// parser would not pass on: a control other than tab, LF and CR, or 0xEF
// (U+FFFE, U+FFFF), and with kMarkup also '<' or '&'; s.size() if none.
// Reads 16 bytes at a time (SSE2), else 8.
template <bool kMarkup = false>
size_t NextSuspect(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i max_control = _mm_set1_epi8(0x1F);
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i ef = _mm_set1_epi8(static_cast<char>(0xEF));
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, max_control), v);
    const __m128i blank = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                                       _mm_cmpeq_epi8(v, cr));
    __m128i suspect = _mm_or_si128(_mm_andnot_si128(blank, control), _mm_cmpeq_epi8(v, ef));
    if constexpr (kMarkup) {
      suspect = _mm_or_si128(suspect, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))));
    }
    if (const int mask = _mm_movemask_epi8(suspect); mask != 0) return i + __builtin_ctz(mask);
  }
#endif
  if constexpr (!kMarkup) {
    while (i + 8 <= s.size() && PlainWord(s.data() + i)) i += 8;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xEF) return i;
    if (kMarkup && (c == '<' || c == '&')) return i;
  }
  return i;
}

// Whether the suspect byte at `i` (NextSuspect) starts an XML Char: an 0xEF
// not followed by BF BE or BF BF (U+FFFE, U+FFFF), not a control.
bool XmlCharAt(std::string_view s, size_t i) {
  if (static_cast<unsigned char>(s[i]) != 0xEF) return false;  // a control
  return i + 2 >= s.size() || static_cast<unsigned char>(s[i + 1]) != 0xBF ||
         (static_cast<unsigned char>(s[i + 2]) & 0xFE) != 0xBE;
}

// True when the parser would pass `content` on unchanged: htmlParseScript
// drops the characters that are not XML Chars (controls, U+FFFE, U+FFFF),
// and attribute values stop at NUL.
bool AllXmlChars(std::string_view content) {
  for (size_t i = NextSuspect(content, 0); i < content.size(); i = NextSuspect(content, i + 1)) {
    if (!XmlCharAt(content, i)) return false;
  }
  return true;
}

// True when the parser would read the quoted value as it is: no entity to
// decode ('&') and only XML characters.
bool CuttableValue(std::string_view value) {
  return value.find('&') == std::string_view::npos && AllXmlChars(value);
}

// One start tag as the tokenizer reads it.
struct TagScan {
  size_t end = 0;  // where the parser reports the element: '>' or the '/' of "/>"
  size_t gt = 0;   // the tag's last byte
  bool cuttable = true;
  std::vector<AttrToken> attrs;
};

// Reads the attributes of the start tag whose name ends at `at`; false when
// the page ends inside the tag.
bool ScanTag(std::string_view html, size_t at, TagScan* tag) {
  const size_t n = html.size();
  size_t j = at;
  while (true) {
    while (j < n && IsBlank(html[j])) ++j;
    if (j >= n) return false;
    const char c = html[j];
    if (c == '>' || (c == '/' && j + 1 < n && html[j + 1] == '>')) {
      tag->end = j;
      tag->gt = c == '>' ? j : j + 1;
      return true;
    }
    if (c == '\0') {  // the parser ends the tag here
      tag->cuttable = false;
      tag->end = tag->gt = j;
      return true;
    }
    if (!IsNameStart(c)) {  // skipped like the parser's "bogus attribute"
      while (j < n && !IsBlank(html[j]) && html[j] != '>' && html[j] != '\0' &&
             !(html[j] == '/' && j + 1 < n && html[j + 1] == '>')) {
        ++j;
      }
      continue;
    }
    AttrToken attr{static_cast<uint32_t>(j), 0, 0, 0, false};
    while (j < n && IsNameChar(html[j])) ++j;
    attr.name_length = static_cast<uint32_t>(j - attr.name_begin);
    if (attr.name_length > kMaxName) tag->cuttable = false;
    size_t k = j;
    while (k < n && IsBlank(html[k])) ++k;
    if (k < n && html[k] == '=') {
      ++k;
      while (k < n && IsBlank(html[k])) ++k;
      if (k >= n) return false;
      if (html[k] == '"' || html[k] == '\'') {
        const size_t close = html.find(html[k], k + 1);
        if (close == std::string_view::npos) return false;
        const std::string_view value = html.substr(k + 1, close - k - 1);
        attr.value_begin = static_cast<uint32_t>(k + 1);
        attr.value_length = static_cast<uint32_t>(value.size());
        attr.cut = !value.empty() && CuttableValue(value);
        if (!attr.cut && value.find('\0') != std::string_view::npos) tag->cuttable = false;
        k = close + 1;
      } else {
        while (k < n && !IsBlank(html[k]) && html[k] != '>' && html[k] != '\0') ++k;
      }
    }
    j = k;
    tag->attrs.push_back(attr);
  }
}

// True when the parser would report the element, under this name, with
// these attributes in this order (no duplicate name that it would drop).
bool WorthCutting(std::string_view html, std::string_view name, const TagScan& tag) {
  if (!tag.cuttable || tag.attrs.size() > kMaxAttrs || name.size() > kMaxName) return false;
  // Tags that the parser may discard (a second <html> or <body>) or reads
  // itself (<meta> charset) are left whole.
  if (name.size() == 4) {
    for (std::string_view skip : {"html"sv, "head"sv, "body"sv, "meta"sv}) {
      if (EqualsLowered(name, skip)) return false;
    }
  }
  bool any = false;
  for (size_t i = 0; i < tag.attrs.size(); ++i) {
    const AttrToken& a = tag.attrs[i];
    any |= a.cut;
    const std::string_view an = html.substr(a.name_begin, a.name_length);
    for (size_t k = 0; k < i; ++k) {
      const AttrToken& b = tag.attrs[k];
      if (b.name_length != a.name_length) continue;
      const std::string_view bn = html.substr(b.name_begin, b.name_length);
      bool same = true;
      for (size_t c = 0; c < an.size() && same; ++c) same = Lower(an[c]) == Lower(bn[c]);
      if (same) return false;
    }
  }
  return any;
}

// libxml2 hands text to the handler in chunks of this many bytes (and
// checks each chunk for blanks).
constexpr size_t kTextChunk = 1000;

// Where the text run starting at `begin` ends (the next '<' or '&'), and
// the placeholder that makes the parser treat it the same way: 0 when it
// must stay (the page ends first, nothing to gain, non-XML characters, or
// a long run whose first chunk is blank: the chunks would differ).
// One pass finds the end and checks the characters.
char TextPlaceholder(std::string_view html, size_t begin, size_t* end) {
  size_t i = NextSuspect<true>(html, begin);
  for (; i < html.size() && html[i] != '<' && html[i] != '&'; i = NextSuspect<true>(html, i + 1)) {
    if (!XmlCharAt(html, i)) return 0;
  }
  if (i == html.size() || (html[i] == '&' && html.find('<', i) == std::string_view::npos)) {
    return 0;
  }
  *end = i;
  const std::string_view text = html.substr(begin, *end - begin);
  if (text.size() < 2) return 0;
  size_t first = 0;
  while (first < text.size() && IsBlank(text[first])) ++first;
  if (first == text.size()) return text.size() < kTextChunk ? ' ' : 0;
  return first < kTextChunk ? 'x' : 0;
}

// Whether a script/style element starts at `lt` ('<'): its kind, else -1.
int RawTextKind(std::string_view html, size_t lt) {
  if (Lower(html[lt + 1]) != 's') return -1;  // both names start with 's'
  for (int k = 0; k < 2; ++k) {
    const std::string_view name = kRawTextNames[k];
    const size_t after = lt + 1 + name.size();
    if (after < html.size() && EqualsLowered(html.substr(lt + 1, name.size()), name) &&
        (html[after] == '>' || html[after] == '/' || IsBlank(html[after]))) {
      return k;
    }
  }
  return -1;
}

}  // namespace

bool EqualsLowered(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != lower[i]) return false;
  }
  return true;
}

bool CutPage(std::string_view html, std::string* out, PageCuts* cuts) {
  if (html.size() >= (size_t{1} << 31) || !IsValidUtf8(html)) return false;
  size_t pos = 0;
  size_t copied = 0;
  const auto copy_to = [&](size_t at) {
    if (out->empty()) out->reserve(html.size());
    out->append(html.substr(copied, at - copied));
  };
  // Cuts the text run that starts at `begin` (after a tag) when it can;
  // where to scan on.
  const auto cut_text = [&](size_t begin) {
    size_t end = 0;
    const char placeholder = TextPlaceholder(html, begin, &end);
    if (placeholder == 0) return begin;
    copy_to(begin);
    out->push_back(placeholder);
    cuts->text.push_back(TextCut{out->size(), begin, end - begin, placeholder});
    copied = end;
    return end;
  };
  TagScan tag;
  while (true) {
    const size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      const size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    if (html[lt + 1] == '/') {  // "</name>" alone: the text after it
      size_t gt = lt + 2;
      if (gt < html.size() && IsLetter(html[gt])) {
        while (gt < html.size() && IsNameChar(html[gt])) ++gt;
        if (gt < html.size() && html[gt] == '>') {
          pos = cut_text(gt + 1);
          continue;
        }
      }
      pos = lt + 1;
      continue;
    }
    if (!IsLetter(html[lt + 1])) {
      pos = lt + 1;
      continue;
    }
    const int kind = RawTextKind(html, lt);
    if (kind < 0) {
      size_t name_end = lt + 1;
      while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
      tag.attrs.clear();
      tag.cuttable = true;
      if (!ScanTag(html, name_end, &tag)) break;
      pos = tag.gt + 1;
      if (!WorthCutting(html, html.substr(lt + 1, name_end - lt - 1), tag)) {
        if (tag.cuttable) pos = cut_text(pos);
        continue;
      }
      TagCut cut{0, static_cast<uint32_t>(cuts->attrs.size()),
                 static_cast<uint32_t>(tag.attrs.size())};
      for (const AttrToken& a : tag.attrs) {
        cuts->attrs.push_back(a);
        if (!a.cut) continue;
        copy_to(a.value_begin);
        copied = a.value_begin + a.value_length;
      }
      cut.end = out->size() + (tag.end - copied);
      cuts->tags.push_back(cut);
      pos = cut_text(pos);
      continue;
    }
    const std::string_view name = kRawTextNames[kind];
    size_t gt = lt + 1 + name.size();
    for (char quote = 0; gt < html.size(); ++gt) {
      const char c = html[gt];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    const size_t begin = gt + 1;
    if (begin >= html.size()) break;
    if (html[gt - 1] == '/') {
      pos = begin;
      continue;
    }
    const size_t end = FindRawTextEnd(html, begin, name);
    if (end == std::string_view::npos) break;
    pos = end;  // the content is not read for tags, cut or not
    if (html[begin] == '<' || !AllXmlChars(html.substr(begin, end - begin))) continue;
    copy_to(begin);
    cuts->raw.push_back(RawTextCut{out->size() - 1, begin, end - begin, kind == 1});
    copied = end;
  }
  if (cuts->empty()) return false;
  out->append(html.substr(copied));
  return true;
}

}  // namespace veille::extract::internal
