// Small UTF-8 text helpers shared by the extractors: whitespace collapsing,
// case folding for phrase matching, letter counts, sentence-end tests.
// Pure functions on valid UTF-8; thread-safe.
#ifndef VEILLE_EXTRACT_TEXT_UTIL_H_
#define VEILLE_EXTRACT_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace veille::extract {

// Appends `in` to `*out` with runs of white space (ASCII, U+00A0, U+2000-U+200A,
// U+202F, U+3000) collapsed to one space and zero-width spaces dropped. A space
// is emitted only before the next visible character and never at the start of
// `*out`; `*pending_space` carries a run across calls (start with false).
void AppendCollapsed(std::string_view in, std::string* out, bool* pending_space);

// Returns `in` with white space collapsed and trimmed.
std::string CollapseWhitespace(std::string_view in);

// Returns a form of `in` for phrase matching: collapsed and trimmed, ASCII and
// Latin-1 letters lowercased ("PUBLICITÉ" -> "publicité"), typographic
// apostrophes made ASCII.
std::string FoldForMatch(std::string_view in);

// Facts about one line or paragraph, computed in one pass.
struct TextShape {
  size_t chars = 0;    // code points, spaces included
  size_t visible = 0;  // code points that are not spaces
  size_t letters = 0;  // letters (ASCII letters and non-ASCII letters, roughly)
  size_t digits = 0;
  size_t words = 0;  // runs of non-space code points
  size_t commas = 0;
};
TextShape ShapeOf(std::string_view text);

// True when `text` ends a sentence: its last visible character, after closing
// quotes and brackets, is '.', '!' or '?' (a final "..." or "…" is truncation,
// see EndsTruncated, not a sentence end).
bool EndsSentence(std::string_view text);

// True when `text` ends with "..." or "…" (a cut teaser).
bool EndsTruncated(std::string_view text);

// True when `s` starts with `prefix`.
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_TEXT_UTIL_H_
