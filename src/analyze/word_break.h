// Word boundaries of UTF-8 text by ICU's root word break rules, without ICU
// for the common scripts (word_break.cc). Internal to the tokenizer; tested
// against ICU. Thread-safe.
#ifndef VEILLE_ANALYZE_WORD_BREAK_H_
#define VEILLE_ANALYZE_WORD_BREAK_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace veille::analyze::internal {

// A word-break segment [begin, end) and its category: what ICU's word break
// iterator reports (UBRK_WORD_NONE / _NUMBER / _LETTER ranges).
enum class SegmentCategory : uint8_t { kNone, kNumber, kWord };
struct WordSegment {
  int32_t begin = 0;
  int32_t end = 0;
  SegmentCategory category = SegmentCategory::kNone;
};

// The segments of `text` by ICU's root word break rules (UAX #29 with
// ICU's tailoring), computed without ICU when every code point of `text` is
// of a class the scanner handles: the characters below U+0800 (Latin,
// Greek, Cyrillic, Arabic, ...), general punctuation and currency signs
// (U+2000..U+20CF), other symbols of the Common script, and combining or
// format characters that follow one of these; false (and `out` unspecified)
// otherwise (ideographs, kana, Hebrew, Thai, emoji and ZWJ sequences, ...).
// Tokenize uses it and falls back to IcuWordSegments; their equality is
// tested on random strings.
bool FastWordSegments(std::string_view text, std::vector<WordSegment>* out);
// The same through ICU's break iterator (false if ICU fails).
bool IcuWordSegments(std::string_view text, std::vector<WordSegment>* out);

}  // namespace veille::analyze::internal

#endif  // VEILLE_ANALYZE_WORD_BREAK_H_
