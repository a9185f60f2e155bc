// TextExtractor (tests: seeds_test.cc, text_extractor_test.cc,
// hard_cases_test.cc).
//
// Idea: in a flattened page the story is the one stretch where sentences
// follow each other; furniture (menus, prompts, ads) and rails of teasers for
// other stories surround it. After LineClassifier labels every line, each
// line gets a score -- sentence: +letters, halved for a sentence with no
// other sentence next to it (an author blurb or a prompt between labels;
// titles, captions and "[image]" lines do not separate two sentences);
// furniture: -2.5 x min_paragraph_chars; teaser: -min_paragraph_chars; short
// label or noise: -min_paragraph_chars / 4; repeats, titles, bylines and long
// unpunctuated lines: 0 -- and the article is the contiguous run of lines
// with the largest total (Kadane's maximum-sum subarray). A "PUBLICITÉ" line
// inside the story costs less than the paragraphs around it, so the run
// crosses it; a rail ("Lire aussi :", "Dernier", teaser, "Lire la suite »",
// ...) costs more than the teasers after it bring, so the run stops before it.
// Example (scores): "Titre"(0) "Para 1."(+300) "PUBLICITÉ"(-100) "Para 2."
// (+400) "Lire aussi"(-100) "Autre sujet..."(-40) "Autre phrase."(+80):
// the best run is Para 1 .. Para 2 (600).
// Inside the run only sentences are kept, plus a short heading framed by two
// sentences (an intertitle) and list items that a sentence opens or closes.
// A standfirst the page cut with "..." just before the run (only title,
// caption and byline lines between) is the article's first paragraph. The
// title is the first headline-like line before the run that the page
// repeats, else the first headline-like line before it. Teasers outside the
// article become `related` (teasers.h).
// Cost: O(lines) after classification; no allocation per line beyond it.
#include "extract/text_extractor.h"

#include "extract/line_classifier.h"
#include "extract/teasers.h"

namespace veille::extract {
namespace {

constexpr double kFurniturePenalty = 2.5;  // x min_paragraph_chars
constexpr double kTeaserPenalty = 1.0;     // x min_paragraph_chars
constexpr double kLabelPenalty = 0.25;     // x min_paragraph_chars
constexpr double kIsolatedWeight = 0.5;    // a sentence with no sentence next to it
constexpr size_t kMinTitleWords = 3;
constexpr size_t kMaxTitleChars = 200;
constexpr size_t kMaxLeadGap = 4;         // lines between a standfirst and the body
constexpr double kMinStandfirstSpan = 2;  // x min_paragraph_chars

// Lines that neither make nor break a stretch of prose: titles, captions,
// bylines, and w3m's "[image alt]" placeholders.
bool IsTransparent(const Line& line) {
  switch (line.cls) {
    case LineClass::kText:
    case LineClass::kRepeat:
    case LineClass::kTitle:
    case LineClass::kByline:
      return true;
    default:
      return line.text.size() >= 2 && line.text.front() == '[' && line.text.back() == ']';
  }
}

// True when the nearest non-transparent line from `i` in direction `step`
// is a sentence.
bool NextIsArticle(const std::vector<Line>& lines, size_t i, int step) {
  for (size_t j = i + step; j < lines.size(); j += step) {  // wraps past 0
    if (lines[j].cls == LineClass::kArticle) return true;
    if (!IsTransparent(lines[j])) return false;
  }
  return false;
}

double Score(const std::vector<Line>& lines, size_t i, double unit) {
  const Line& line = lines[i];
  switch (line.cls) {
    case LineClass::kArticle: {
      const bool isolated = !NextIsArticle(lines, i, 1) && !NextIsArticle(lines, i, -1);
      const double w = isolated ? kIsolatedWeight : 1.0;
      return w * static_cast<double>(line.shape.letters);
    }
    case LineClass::kBoilerplate:
    case LineClass::kReadMore:
      return -kFurniturePenalty * unit;
    case LineClass::kTeaser:
      return -kTeaserPenalty * unit;
    case LineClass::kShort:
    case LineClass::kNoise:
      return -kLabelPenalty * unit;
    case LineClass::kText:
    case LineClass::kRepeat:
    case LineClass::kTitle:
    case LineClass::kByline:
      return 0;
  }
  return 0;
}

struct Run {
  size_t begin = 0;
  size_t end = 0;  // exclusive; begin == end when no run has a positive total
};

// Kadane's algorithm; ties keep the earliest run.
Run BestRun(const std::vector<Line>& lines, double unit) {
  Run best;
  double best_total = 0;
  double total = 0;
  size_t begin = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const double s = Score(lines, i, unit);
    if (total <= 0) {
      total = s;
      begin = i;
    } else {
      total += s;
    }
    if (total > best_total) {
      best_total = total;
      best = {begin, i + 1};
    }
  }
  return best;
}

bool IsHeadlineLike(const Line& line) {
  const bool label = line.cls == LineClass::kText || line.cls == LineClass::kShort ||
                     line.cls == LineClass::kRepeat;
  return label && line.shape.words >= kMinTitleWords && line.shape.chars <= kMaxTitleChars &&
         (line.cls == LineClass::kRepeat || !EndsSentence(line.text)) && !EndsTruncated(line.text);
}

// The page's headline: before the run, a repeated headline-like line first,
// else the first headline-like line; "" when none.
std::string FindTitle(const std::vector<Line>& lines, const Run& run) {
  const size_t limit = run.begin < run.end ? run.begin : lines.size();
  const Line* first = nullptr;
  for (size_t i = 0; i < limit; ++i) {
    if (!IsHeadlineLike(lines[i])) continue;
    if (lines[i].cls == LineClass::kRepeat) return lines[i].text;
    if (first == nullptr) first = &lines[i];
  }
  return first ? first->text : "";
}

// A list item as w3m and lynx draw them ("• ", "* ", "- ", "– ", "1. ").
bool IsListItem(const Line& line) {
  const std::string_view t = line.text;
  for (const std::string_view mark : {"• ", "* ", "- ", "– ", "◦ ", "▪ "}) {
    if (StartsWith(t, mark)) return true;
  }
  size_t d = 0;
  while (d < t.size() && d < 3 && t[d] >= '0' && t[d] <= '9') ++d;
  return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
}

// A list inside the story: list items (no furniture) in a block of items
// that a sentence opens or closes.
bool InStoryList(const std::vector<Line>& lines, size_t i) {
  if (!IsListItem(lines[i]) ||
      (lines[i].cls != LineClass::kText && lines[i].cls != LineClass::kShort)) {
    return false;
  }
  size_t b = i;
  while (b > 0 && IsListItem(lines[b - 1])) --b;
  size_t e = i;
  while (e + 1 < lines.size() && IsListItem(lines[e + 1])) ++e;
  return (b > 0 && lines[b - 1].cls == LineClass::kArticle) ||
         (e + 1 < lines.size() && lines[e + 1].cls == LineClass::kArticle);
}

bool IsIntertitle(const std::vector<Line>& lines, size_t i, const std::string& title) {
  const Line& line = lines[i];
  return (line.cls == LineClass::kShort || line.cls == LineClass::kText) && i > 0 &&
         i + 1 < lines.size() && lines[i - 1].cls == LineClass::kArticle &&
         lines[i + 1].cls == LineClass::kArticle && line.text != title;
}

// The standfirst a page cut with "..." (the full one is in the body, or
// behind a paywall): a long cut line just before the run, separated from it
// only by title, caption and byline lines (at most kMaxLeadGap), and not
// itself the end of a rail (the line before it is no teaser or "read more").
// Returns its index, or run.begin when there is none.
size_t FindCutStandfirst(const std::vector<Line>& lines, const Run& run, double unit) {
  if (run.begin == run.end) return run.begin;
  size_t i = run.begin;
  for (size_t gap = 0; i > 0 && gap <= kMaxLeadGap; ++gap) {
    const Line& line = lines[--i];
    if (line.cls == LineClass::kTeaser) {
      const bool in_rail = i > 0 && (lines[i - 1].cls == LineClass::kTeaser ||
                                     lines[i - 1].cls == LineClass::kReadMore);
      const bool long_enough = static_cast<double>(line.shape.chars) >= kMinStandfirstSpan * unit;
      return !in_rail && long_enough && EndsTruncated(line.text) ? i : run.begin;
    }
    if (line.cls != LineClass::kTitle && line.cls != LineClass::kRepeat &&
        line.cls != LineClass::kText && line.cls != LineClass::kByline) {
      break;
    }
  }
  return run.begin;
}

}  // namespace

TextExtraction ExtractText(std::string_view utf8, std::string_view known_title,
                           const ExtractOptions& options) {
  LineClassifierOptions classifier_options;
  classifier_options.min_paragraph_chars = options.min_paragraph_chars;
  const std::vector<Line> lines = ClassifyLines(utf8, known_title, classifier_options);
  const double unit = static_cast<double>(options.min_paragraph_chars);
  const Run run = BestRun(lines, unit);

  TextExtraction out;
  out.title = known_title.empty() ? FindTitle(lines, run) : std::string(known_title);
  const size_t byline_limit = run.begin < run.end ? run.end : lines.size();
  for (size_t i = 0; i < byline_limit && out.author.empty(); ++i) {
    if (lines[i].cls == LineClass::kByline) out.author = BylineAuthor(lines[i].text);
  }
  const size_t standfirst = FindCutStandfirst(lines, run, unit);
  if (standfirst < run.begin) out.text = lines[standfirst].text;
  for (size_t i = run.begin; i < run.end; ++i) {
    if (lines[i].cls != LineClass::kArticle && !IsIntertitle(lines, i, out.title) &&
        !InStoryList(lines, i)) {
      continue;
    }
    if (!out.text.empty()) out.text.append("\n\n");
    out.text.append(lines[i].text);
  }
  out.related = FindTeasers(lines, standfirst, run.end);
  return out;
}

}  // namespace veille::extract
