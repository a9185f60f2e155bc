// LineClassifier (tests: text_extractor_test.cc).
//
// Each line of a flattened page gets one label, in two passes.
// Own features (first match wins): a lexicon phrase ("Lire la suite",
// "Newsletter", "Tous droits réservés"...) -> kReadMore / kBoilerplate; a
// price or a postcode on a line that is not a sentence ("Maxi cosy Carcagny
// (14740) 40€ Découvrir") -> classified ad, kBoilerplate; two or more " / "
// or " > " separators -> breadcrumb; a bare URL; under half letters -> kNoise;
// equal to the known title -> kTitle; seen twice on the page -> kRepeat
// (headline and caption copies); "Par Prénom Nom" -> kByline; a final "..."
// -> kTeaser; a "?" or "!" line under 5 words -> kShort (a call: "Schon
// gelesen?", "Updates!"); a sentence end, or 12+ words with a sentence end
// inside (prose whose last sentence lost its stop to a link or an emoji) ->
// kArticle; else kText or kShort by length.
// Neighbours: the line just before a "read more" is a teaser; a short
// sentence between two boilerplate lines is a prompt ("Newsletter" /
// "Restez informé ! Recevez des alertes..." / "Réagir à cet article").
// Cost: O(bytes) plus one hash-map entry per line; the lexicon check is a
// fixed number of prefix comparisons per line.
#include "extract/line_classifier.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_map>

#include "extract/boilerplate_lexicon.h"

namespace veille::extract {
namespace {

constexpr size_t kMinRepeatChars = 15;   // shorter repeats ("Oui.") are ordinary
constexpr double kMinLetterShare = 0.5;  // below: digits and symbols, not prose
constexpr size_t kPromptSpan = 4;        // prompt = sentence under 4 x min_paragraph_chars
constexpr size_t kMaxBylineChars = 80;
constexpr size_t kMaxBylineWords = 8;
constexpr size_t kMinProseWords = 12;
constexpr size_t kMinCallWords = 5;  // shorter ? and ! lines are calls, not story

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A price next to a currency sign ("60 000€", "€ 12", "$120", "40 EUR").
bool HasPrice(std::string_view s) {
  for (const std::string_view sign : {"€", "$", "£", " EUR", " euros"}) {
    for (size_t at = s.find(sign); at != std::string_view::npos; at = s.find(sign, at + 1)) {
      size_t before = at;
      while (before > 0 && s[before - 1] == ' ') --before;
      size_t after = at + sign.size();
      while (after < s.size() && s[after] == ' ') ++after;
      if ((before > 0 && IsDigit(s[before - 1])) || (after < s.size() && IsDigit(s[after]))) {
        return true;
      }
    }
  }
  return false;
}

// A postcode in parentheses, 4 or 5 digits: "(75012)", "(1000)".
bool HasPostcode(std::string_view s) {
  for (size_t at = s.find('('); at != std::string_view::npos; at = s.find('(', at + 1)) {
    size_t end = at + 1;
    while (end < s.size() && IsDigit(s[end])) ++end;
    const size_t n = end - at - 1;
    if ((n == 4 || n == 5) && end < s.size() && s[end] == ')') return true;
  }
  return false;
}

size_t CountSeparators(std::string_view s) {
  size_t n = 0;
  for (const std::string_view sep : {" / ", " > ", " › ", " » "}) {
    for (size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, at + 1)) ++n;
  }
  return n;
}

// Sentence ends inside `s`: '.', '!' or '?' after a word of 3+ letters
// ("Dr. Smith" and "z. B." do not count), closing quotes allowed, then a
// space and a capital or an opening quote.
size_t InnerSentenceEnds(std::string_view s) {
  size_t n = 0;
  const auto size = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < size; ++i) {
    const char c = s[i];
    if (c != '.' && c != '!' && c != '?') continue;
    int32_t letters = 0;
    for (int32_t j = i - 1; j >= 0 && letters < 3; --j) {
      const auto b = static_cast<unsigned char>(s[j]);
      if (b == ' ' || b == '.' || IsDigit(s[j])) break;
      if (b < 0x80 || b >= 0xC0) ++letters;  // ASCII or a lead byte: one code point
    }
    if (letters < 3) continue;
    int32_t k = i + 1;
    while (k < size && (s[k] == '"' || s[k] == ')' || s[k] == '\'')) ++k;
    if (k + 1 >= size || s[k] != ' ') continue;
    ++k;
    UChar32 next;
    U8_NEXT(s.data(), k, size, next);
    if (u_isupper(next) || next == '"' || next == 0x201E /* „ */ || next == 0x201C /* “ */ ||
        next == 0xAB /* « */) {
      ++n;
    }
  }
  return n;
}

// Running text that the page did not close with a sentence end (a final
// link, emoji, or quote was cut off): long, and with a sentence end inside.
bool IsUnclosedProse(const Line& line) {
  return line.shape.words >= kMinProseWords && InnerSentenceEnds(line.text) >= 1;
}

bool IsFurniture(LineClass c) { return c == LineClass::kBoilerplate || c == LineClass::kReadMore; }

LineClass OwnClass(const Line& line, std::string_view known_title, int repeats,
                   const LineClassifierOptions& options) {
  const PhraseCue cue = ClassifyLine(line.folded);
  if (cue == PhraseCue::kReadMore) return LineClass::kReadMore;
  if (cue == PhraseCue::kBoilerplate) return LineClass::kBoilerplate;
  const bool sentence = EndsSentence(line.text);
  if (!sentence && (HasPrice(line.text) || HasPostcode(line.text))) return LineClass::kBoilerplate;
  if (!sentence && CountSeparators(line.text) >= 2) return LineClass::kBoilerplate;
  if (StartsWith(line.folded, "http://") || StartsWith(line.folded, "https://") ||
      StartsWith(line.folded, "www.")) {
    return LineClass::kBoilerplate;
  }
  if (line.shape.letters < kMinLetterShare * line.shape.visible) return LineClass::kNoise;
  if (!known_title.empty() && line.folded == known_title) return LineClass::kTitle;
  if (repeats >= 2 && line.shape.chars >= kMinRepeatChars) return LineClass::kRepeat;
  if (!BylineAuthor(line.text).empty()) return LineClass::kByline;
  if (EndsTruncated(line.text)) return LineClass::kTeaser;
  if (sentence && line.shape.words < kMinCallWords && !StartsWith(line.text, "\"") &&
      (line.text.back() == '?' || line.text.back() == '!')) {
    return LineClass::kShort;  // a call or a prompt: "Schon gelesen?", "Updates!"
  }
  if (sentence || IsUnclosedProse(line)) return LineClass::kArticle;
  return line.shape.chars >= options.min_paragraph_chars ? LineClass::kText : LineClass::kShort;
}

}  // namespace

std::string BylineAuthor(std::string_view line) {
  if (line.size() > kMaxBylineChars || EndsSentence(line)) return "";
  static constexpr std::string_view kLeads[] = {"par ", "by ", "von ", "por ", "di ", "door "};
  for (const std::string_view lead : kLeads) {
    if (line.size() <= lead.size() ||
        FoldForMatch(line.substr(0, lead.size() - 1)) != lead.substr(0, lead.size() - 1) ||
        line[lead.size() - 1] != ' ') {
      continue;
    }
    std::string_view name = line.substr(lead.size());
    const auto first = static_cast<unsigned char>(name[0]);
    if (!((first >= 'A' && first <= 'Z') || first >= 0xC3)) return "";  // a capital
    for (const std::string_view stop : {" - ", " | ", " • ", ", "}) {
      name = name.substr(0, name.find(stop));
    }
    const TextShape shape = ShapeOf(name);
    if (shape.words < 1 || shape.words + 1 > kMaxBylineWords) return "";
    return std::string(name);
  }
  return "";
}

std::vector<Line> ClassifyLines(std::string_view utf8, std::string_view known_title,
                                const LineClassifierOptions& options) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= utf8.size()) {
    size_t end = utf8.find('\n', start);
    if (end == std::string_view::npos) end = utf8.size();
    std::string text = CollapseWhitespace(utf8.substr(start, end - start));
    if (!text.empty()) {
      Line line;
      line.folded = FoldForMatch(text);
      line.shape = ShapeOf(text);
      line.text = std::move(text);
      lines.push_back(std::move(line));
    }
    start = end + 1;
  }

  std::unordered_map<std::string_view, int> counts;
  counts.reserve(lines.size());
  for (const Line& line : lines) ++counts[line.folded];
  const std::string title = FoldForMatch(known_title);
  for (Line& line : lines) line.cls = OwnClass(line, title, counts[line.folded], options);

  // Neighbours. Labels are read from the first pass (`own`), so the result
  // does not depend on the order of the updates.
  std::vector<LineClass> own(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) own[i] = lines[i].cls;
  const size_t prompt_chars = kPromptSpan * options.min_paragraph_chars;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool next_read_more = i + 1 < lines.size() && own[i + 1] == LineClass::kReadMore;
    const bool between_furniture =
        i > 0 && i + 1 < lines.size() && IsFurniture(own[i - 1]) && IsFurniture(own[i + 1]);
    const LineClass c = own[i];
    if (next_read_more && (c == LineClass::kArticle || c == LineClass::kText ||
                           c == LineClass::kShort || c == LineClass::kRepeat)) {
      lines[i].cls = LineClass::kTeaser;
    } else if (between_furniture && c == LineClass::kArticle &&
               lines[i].shape.chars < prompt_chars) {
      lines[i].cls = LineClass::kBoilerplate;
    }
  }
  return lines;
}

}  // namespace veille::extract
