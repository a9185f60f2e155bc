// A fast sufficient test for Unicode Normalization Form C, so that the common
// page (already NFC, as nearly all web text is) skips ICU's normalizer.
// Internal to src/extract; thread-safe.
#ifndef VEILLE_EXTRACT_NFC_CHECK_H_
#define VEILLE_EXTRACT_NFC_CHECK_H_

#include <string_view>

namespace veille::extract::internal {

// True when every code point of `utf8` is NFC-stable on its own terms: its
// canonical combining class is 0 and its NFC_Quick_Check is Yes (ICU's own
// properties). Such a string is in NFC, so `true` is always right; `false`
// means "ask ICU" (a combining mark, a character NFC replaces, a Hangul
// jamo). Reads ASCII 16 bytes at a time with SSE2 (8 without it) and other
// BMP characters through a bitmap filled from ICU a block of 256 code points
// at a time, as blocks are met. REQUIRES: valid UTF-8.
bool StableUnderNfc(std::string_view utf8);

}  // namespace veille::extract::internal

#endif  // VEILLE_EXTRACT_NFC_CHECK_H_
