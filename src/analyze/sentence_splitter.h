// Sentence splitting with ICU sentence breaks, corrected for abbreviations
// ("M.", "Mme.", "Dr.", "St.", "p. ex.", initials such as "J. R. R.") and
// never crossing a paragraph break (blank line). Thread-safe.
#ifndef VEILLE_ANALYZE_SENTENCE_SPLITTER_H_
#define VEILLE_ANALYZE_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace veille::analyze {

struct SentenceSpan {
  uint32_t begin = 0;  // byte offsets into the text; trailing spaces excluded
  uint32_t end = 0;
  uint32_t paragraph = 0;  // 0-based index of the paragraph it belongs to
};

// Splits `text` (valid UTF-8) into sentences in order. `lang` may be empty.
std::vector<SentenceSpan> SplitSentences(std::string_view text, std::string_view lang);

namespace internal {

// The sentence boundaries of `text` after its start (its end included), by
// ICU's root sentence break rules (UAX #29), computed without ICU; false
// (and `out` unspecified) for a text the scanner leaves to ICU (an Extend or
// Format character at the start or after a line break, malformed UTF-8). SplitSentences uses
// it and falls back to ICU; equality with IcuSentenceBreaks is tested.
bool FastSentenceBreaks(std::string_view text, std::vector<int32_t>* out);
// The same through ICU's break iterator (false if ICU fails).
bool IcuSentenceBreaks(std::string_view text, std::vector<int32_t>* out);

}  // namespace internal

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_SENTENCE_SPLITTER_H_
