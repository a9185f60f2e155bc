// Teasers (tests: seeds_test.cc, text_extractor_test.cc).
//
// A rail of other stories shows, for each, a headline and a snippet. A
// flattened page gives them in two shapes: on two lines (headline, then a
// snippet cut with "…"), or glued on one line when the page put them in
// inline elements without a space ("Kim Jong-un en Russie pour un sommet
// avec Vladimir PoutineUne réunion historique. ..."), followed by a "Lire la
// suite »" line. The glue point is a lowercase letter (or closing
// punctuation) directly followed by a capital: a headline rarely ends in a
// word that runs into the next sentence. What else makes that shape is camel-
// cased names ("YouTube", "iPhone", "McDonald"); those are written the same
// way on other lines of the page, or start with one lowercase letter, so a
// glued word seen on two distinct lines, or a one-letter prefix, is not a
// split point.
// Cost: one pass over the lines' words (a hash-map entry per distinct word)
// when the page has a glued teaser; O(line) per teaser.
#include "extract/teasers.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_set>

namespace veille::extract {
namespace {

constexpr size_t kMinHeadWords = 3;
constexpr size_t kMinHeadBytes = 15;
constexpr size_t kMinTailWords = 3;
constexpr size_t kMaxHeadlineChars = 200;

// The code point ending just before byte `at` of `s` (at > 0).
UChar32 PrevCodePoint(std::string_view s, size_t at) {
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

bool ClosesHeadline(UChar32 c) {
  return u_islower(c) || c == '?' || c == '!' || c == ')' || c == '"' || c == 0xBB /* » */ ||
         c == 0x201D /* ” */;
}

size_t CountWords(std::string_view s) { return ShapeOf(s).words; }

bool IsHeadlineLike(const Line& line) {
  switch (line.cls) {
    case LineClass::kBoilerplate:
    case LineClass::kReadMore:
    case LineClass::kNoise:
    case LineClass::kByline:
    case LineClass::kTeaser:
      return false;
    default:
      break;
  }
  return line.shape.words >= kMinHeadWords && line.shape.chars <= kMaxHeadlineChars &&
         !EndsTruncated(line.text);
}

}  // namespace

std::unordered_map<std::string, int> CountWordLines(const std::vector<Line>& lines) {
  std::unordered_map<std::string, int> counts;
  std::unordered_set<std::string_view> seen_lines;
  for (const Line& line : lines) {
    if (!seen_lines.insert(line.text).second) continue;
    std::unordered_set<std::string_view> words;
    std::string_view rest = line.text;
    while (!rest.empty()) {
      const size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (!word.empty() && words.insert(word).second) ++counts[std::string(word)];
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
  }
  return counts;
}

size_t GluedHeadlineEnd(std::string_view line,
                        const std::unordered_map<std::string, int>& word_lines) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(line.size());
  while (i < n) {
    const auto at = static_cast<size_t>(i);
    UChar32 c;
    U8_NEXT(line.data(), i, n, c);
    if (at == 0 || !u_isupper(c)) continue;
    const UChar32 prev = PrevCodePoint(line, at);
    if (!ClosesHeadline(prev)) continue;
    const std::string_view head = line.substr(0, at);
    const std::string_view tail = line.substr(at);
    if (head.size() < kMinHeadBytes || CountWords(head) < kMinHeadWords ||
        CountWords(tail) < kMinTailWords) {
      continue;
    }
    // The glued word and its part before the capital.
    const size_t word_begin = head.rfind(' ') == std::string_view::npos ? 0 : head.rfind(' ') + 1;
    const size_t word_end = std::min(line.find(' ', at), line.size());
    const std::string_view prefix = line.substr(word_begin, at - word_begin);
    if (u_islower(prev) && ShapeOf(prefix).letters < 2) continue;  // "iPhone", "eBay"
    const auto seen = word_lines.find(std::string(line.substr(word_begin, word_end - word_begin)));
    if (seen != word_lines.end() && seen->second >= 2) continue;  // a name: "YouTube"
    return at;
  }
  return 0;
}

std::vector<RelatedLink> FindTeasers(const std::vector<Line>& lines, size_t skip_begin,
                                     size_t skip_end) {
  std::vector<RelatedLink> out;
  std::unordered_map<std::string, int> word_lines;
  bool counted = false;
  const auto outside = [&](size_t i) { return i < skip_begin || i >= skip_end; };
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!outside(i) || !outside(i + 1)) continue;
    const Line& line = lines[i];
    const Line& next = lines[i + 1];
    if (next.cls == LineClass::kReadMore) {
      if (line.cls == LineClass::kBoilerplate || line.cls == LineClass::kReadMore ||
          line.cls == LineClass::kNoise) {
        continue;
      }
      if (!counted) {
        word_lines = CountWordLines(lines);
        counted = true;
      }
      const size_t end = GluedHeadlineEnd(line.text, word_lines);
      if (end > 0) {
        out.push_back({CollapseWhitespace(line.text.substr(0, end)),
                       CollapseWhitespace(line.text.substr(end)), ""});
      } else if (line.shape.chars <= kMaxHeadlineChars && !EndsSentence(line.text)) {
        out.push_back({line.text, "", ""});
      }
      continue;
    }
    if (IsHeadlineLike(line) && EndsTruncated(next.text) && next.shape.chars > line.shape.chars &&
        next.cls != LineClass::kBoilerplate && next.cls != LineClass::kReadMore) {
      out.push_back({line.text, next.text, ""});
      ++i;
    }
  }
  return out;
}

}  // namespace veille::extract
