// UTF-8 encoding of one code point, shared by the stages (charset decoding,
// feed text, accent folding). Header-only; pure; thread-safe.
#ifndef VEILLE_COMMON_UTF8_H_
#define VEILLE_COMMON_UTF8_H_

#include <string>

namespace veille {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Appends `cp` to *out as UTF-8. A value that is not a Unicode scalar value
// (a surrogate, or above U+10FFFF) is written as U+FFFD, so the output is
// always valid UTF-8.
inline void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace veille

#endif  // VEILLE_COMMON_UTF8_H_
