// TextExtractor (tests: text_extractor_test.cc on the five seed pages).
//
// Idea: in a flattened page the story is the one stretch where sentences
// follow each other; furniture (menus, prompts, ads) and rails of teasers for
// other stories surround it. After LineClassifier labels every line, each
// line gets a score -- sentence: +letters; furniture: -2.5 x
// min_paragraph_chars; teaser: -min_paragraph_chars; short label or noise:
// -min_paragraph_chars / 4; repeats, titles, bylines and long unpunctuated
// lines: 0 -- and the article is the contiguous run of lines with the largest
// total (Kadane's maximum-sum subarray). A "PUBLICITÉ" line inside the story
// costs less than the paragraphs around it, so the run crosses it; a rail
// ("Lire aussi :", "Dernier", teaser, "Lire la suite »", ...) costs more
// than the teasers after it bring, so the run stops before it.
// Example (scores): "Titre"(0) "Para 1."(+300) "PUBLICITÉ"(-100) "Para 2."
// (+400) "Lire aussi"(-100) "Autre sujet..."(-40) "Autre phrase."(+80):
// the best run is Para 1 .. Para 2 (600).
// Inside the run only sentences are kept, plus a short heading framed by two
// sentences (an intertitle). The title is the first headline-like line before
// the run that the page repeats, else the first headline-like line before it.
// Cost: O(lines) after classification; no allocation per line beyond it.
#include "extract/text_extractor.h"

#include "extract/line_classifier.h"

namespace veille::extract {
namespace {

constexpr double kFurniturePenalty = 2.5;  // x min_paragraph_chars
constexpr double kTeaserPenalty = 1.0;     // x min_paragraph_chars
constexpr double kLabelPenalty = 0.25;     // x min_paragraph_chars
constexpr size_t kMinTitleWords = 3;
constexpr size_t kMaxTitleChars = 200;

double Score(const Line& line, double unit) {
  switch (line.cls) {
    case LineClass::kArticle:
      return static_cast<double>(line.shape.letters);
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
    const double s = Score(lines[i], unit);
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

bool IsIntertitle(const std::vector<Line>& lines, size_t i, const std::string& title) {
  const Line& line = lines[i];
  return (line.cls == LineClass::kShort || line.cls == LineClass::kText) && i > 0 &&
         i + 1 < lines.size() && lines[i - 1].cls == LineClass::kArticle &&
         lines[i + 1].cls == LineClass::kArticle && line.text != title;
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
  for (size_t i = run.begin; i < run.end; ++i) {
    if (lines[i].cls != LineClass::kArticle && !IsIntertitle(lines, i, out.title)) continue;
    if (!out.text.empty()) out.text.append("\n\n");
    out.text.append(lines[i].text);
  }
  return out;
}

}  // namespace veille::extract
