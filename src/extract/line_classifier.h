// LineClassifier: labels each line of a flattened page (article sentence,
// boilerplate, teaser, repeat...) from its own features and its neighbours'.
// The labels feed TextExtractor's region search. Pure; thread-safe.
#ifndef VEILLE_EXTRACT_LINE_CLASSIFIER_H_
#define VEILLE_EXTRACT_LINE_CLASSIFIER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text_util.h"

namespace veille::extract {

enum class LineClass : uint8_t {
  kArticle,      // a sentence of running text (ends with . ! ?)
  kText,         // long text without a sentence end (caption, headline, cut line)
  kShort,        // short text without a sentence end (label, heading)
  kNoise,        // mostly digits or symbols
  kBoilerplate,  // furniture: lexicon phrase, classified ad, breadcrumb, URL, prompt
  kReadMore,     // "Lire la suite »"
  kTeaser,       // a cut teaser ("...") or the line a "read more" closes
  kRepeat,       // the same line appears again on the page (titles, captions)
  kTitle,        // equal to the known title
  kByline,       // "Par Joanne Massard"
};

struct Line {
  std::string text;    // white space collapsed
  std::string folded;  // FoldForMatch(text)
  TextShape shape;
  LineClass cls = LineClass::kShort;
};

struct LineClassifierOptions {
  size_t min_paragraph_chars = 40;  // shorter lines need a sentence end to be kText
};

// Splits `utf8` into non-empty lines and classifies them. `known_title` may
// be empty. Linear in the input size (one hash of each line for repeats).
std::vector<Line> ClassifyLines(std::string_view utf8, std::string_view known_title,
                                const LineClassifierOptions& options);

// The author's name in a byline line ("Par Joanne Massard" -> "Joanne
// Massard", "By Jane Doe | Reuters" -> "Jane Doe"), or "" when `line` is not
// a byline (2 to 8 words, no sentence end, a capital after the lead word).
std::string BylineAuthor(std::string_view line);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_LINE_CLASSIFIER_H_
