// Byte-level helpers shared by the charset files: one-step strict UTF-8
// decoding (Unicode Table 3-7), UTF-8 encoding, and the windows-1252 high
// half as WHATWG defines it. Internal to src/extract; pure, thread-safe.
#ifndef VEILLE_EXTRACT_CHARSET_UTIL_H_
#define VEILLE_EXTRACT_CHARSET_UTIL_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace veille::extract::internal {

// Result of decoding one sequence: `len` bytes were read; when !ok, `len` is
// the length of the maximal ill-formed subpart (>= 1) to replace by U+FFFD.
struct Utf8Step {
  char32_t cp = 0;
  int len = 0;
  bool ok = false;
};

// True when the 8 bytes at `p` are all ASCII (below 0x80).
inline bool AllAscii8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return (word & 0x8080808080808080ULL) == 0;
}

// True when none of the 8 bytes at `p` is below 0x20 (a control byte or NUL).
inline bool NoControl8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  // A byte b < 0x20 borrows in b - 0x20 and has its high bit clear in ~b.
  return ((word - 0x2020202020202020ULL) & ~word & 0x8080808080808080ULL) == 0;
}

// The first offset from `i` whose byte is not ASCII (>= 0x80), or s.size().
// Reads 16 bytes at a time (SSE2), else 8.
inline size_t SkipAscii(std::string_view s, size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    if (const int mask = _mm_movemask_epi8(v); mask != 0) return i + __builtin_ctz(mask);
  }
#endif
  while (i + 8 <= s.size() && AllAscii8(s.data() + i)) i += 8;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// The first offset from `i` whose byte is not printable ASCII (below 0x20
// or above 0x7F), or s.size(). Reads 16 bytes at a time (SSE2), else 8.
inline size_t SkipPrintableAscii(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  for (; i + 16 <= s.size(); i += 16) {
    // Signed: bytes from 0x80 are negative, so below 0x20 too.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const int mask = _mm_movemask_epi8(_mm_cmplt_epi8(v, space));
    if (mask != 0) return i + __builtin_ctz(mask);
  }
#endif
  while (i + 8 <= s.size() && AllAscii8(s.data() + i) && NoControl8(s.data() + i)) i += 8;
  while (i < s.size() && static_cast<unsigned char>(s[i]) - 0x20u < 0x60u) ++i;
  return i;
}

// REQUIRES: i < s.size().
inline Utf8Step DecodeUtf8Step(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = byte(i);
  if (b0 < 0x80) return {b0, 1, true};
  int need;
  uint8_t lo = 0x80, hi = 0xBF;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {0, 1, false};
  }
  for (int k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return {0, k, false};
    const uint8_t b = byte(i + k);
    if (b < lo || b > hi) return {0, k, false};
    lo = 0x80, hi = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need + 1, true};
}

using ::veille::AppendUtf8;
using ::veille::kReplacementChar;

// windows-1252 bytes 0x80..0x9F; the five unassigned bytes map to the C1
// control of the same value, as in the WHATWG encoding standard.
inline constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

inline char32_t Cp1252ToUnicode(uint8_t b) {
  return (b >= 0x80 && b <= 0x9F) ? kCp1252High[b - 0x80] : b;
}

// The byte that windows-1252 (or Latin-1, for U+0080..U+009F) maps to `cp`,
// or -1 when there is none.
inline int UnicodeToCp1252(char32_t cp) {
  if (cp <= 0xFF) return static_cast<int>(cp);
  for (int k = 0; k < 32; ++k) {
    if (kCp1252High[k] == cp) return 0x80 + k;
  }
  return -1;
}

}  // namespace veille::extract::internal

#endif  // VEILLE_EXTRACT_CHARSET_UTIL_H_
