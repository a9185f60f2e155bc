#include "extract/nfc_check.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <atomic>
#include <cstdint>

#include "extract/charset_util.h"

namespace veille::extract::internal {
namespace {

bool StableCodePoint(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return u_getCombiningClass(c) == 0 &&
         u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

// One bit per BMP code point: StableCodePoint, computed one block of 256
// code points at a time, on the block's first use (512 property lookups;
// a page touches a few blocks, so a process builds a few dozen, not all
// 256). Safe across threads: filling a block is idempotent, and a block is
// read through its words only once its flag is set.
class BmpTable {
 public:
  bool Stable(char32_t cp) {
    Block& b = blocks_[cp >> 8];
    if (!b.ready.load(std::memory_order_acquire)) Fill(cp >> 8, &b);
    return (b.words[(cp >> 6) & 3].load(std::memory_order_relaxed) >> (cp & 63)) & 1;
  }

 private:
  struct Block {
    std::atomic<bool> ready{false};
    std::atomic<uint64_t> words[4] = {};
  };
  static void Fill(char32_t block, Block* b) {
    for (int w = 0; w < 4; ++w) {
      uint64_t bits = 0;
      for (int k = 0; k < 64; ++k) {
        if (StableCodePoint((block << 8) | (w << 6) | k)) bits |= uint64_t{1} << k;
      }
      b->words[w].store(bits, std::memory_order_relaxed);
    }
    b->ready.store(true, std::memory_order_release);
  }
  Block blocks_[256];
};

BmpTable& BmpStable() {
  static BmpTable* const table = new BmpTable();
  return *table;
}

}  // namespace

bool StableUnderNfc(std::string_view s) {
  for (size_t i = SkipAscii(s, 0); i < s.size(); i = SkipAscii(s, i)) {
    // U+0080..U+02FF (leads up to 0xCB): all stable, as ICU's own
    // quick check knows (its first NFC "no or maybe" is U+0300).
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0xCC) {
      i += lead < 0x80 ? 1 : 2;
      continue;
    }
    const Utf8Step step = DecodeUtf8Step(s, i);
    if (!step.ok) return false;  // not reached on valid UTF-8
    if (step.cp < 0x10000) {
      if (!BmpStable().Stable(step.cp)) return false;
    } else if (!StableCodePoint(step.cp)) {  // emoji and other rare planes
      return false;
    }
    i += static_cast<size_t>(step.len);
  }
  return true;
}

}  // namespace veille::extract::internal
