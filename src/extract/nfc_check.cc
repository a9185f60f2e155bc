#include "extract/nfc_check.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <bitset>
#include <memory>

#include "extract/charset_util.h"

namespace veille::extract::internal {
namespace {

bool StableCodePoint(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return u_getCombiningClass(c) == 0 &&
         u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

// One bit per BMP code point: StableCodePoint. 8 KiB, built on first use
// (65,536 property lookups, about a millisecond).
const std::bitset<0x10000>& BmpStable() {
  static const auto* const table = [] {
    auto* bits = new std::bitset<0x10000>();
    for (char32_t cp = 0; cp < 0x10000; ++cp) bits->set(cp, StableCodePoint(cp));
    return bits;
  }();
  return *table;
}

}  // namespace

bool StableUnderNfc(std::string_view s) {
  const std::bitset<0x10000>* bmp = nullptr;
  for (size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && AllAscii8(s.data() + i)) {
      i += 8;
      continue;
    }
    // ASCII, and U+0080..U+02FF (leads up to 0xCB): all stable, as ICU's own
    // quick check knows (its first NFC "no or maybe" is U+0300).
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0xCC) {
      i += lead < 0x80 ? 1 : 2;
      continue;
    }
    const Utf8Step step = DecodeUtf8Step(s, i);
    if (!step.ok) return false;  // not reached on valid UTF-8
    if (step.cp < 0x10000) {
      if (bmp == nullptr) bmp = &BmpStable();
      if (!bmp->test(step.cp)) return false;
    } else if (!StableCodePoint(step.cp)) {  // emoji and other rare planes
      return false;
    }
    i += static_cast<size_t>(step.len);
  }
  return true;
}

}  // namespace veille::extract::internal
