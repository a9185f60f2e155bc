#include "analyze/simhash.h"

#include <xxhash.h>

#include <array>
#include <bit>
#include <cmath>

namespace veille::analyze {
namespace {

void Accumulate(const TermVector& terms, std::array<float, 64>* acc) {
  for (const TermCount& t : terms) {
    const uint64_t h = XXH3_64bits(t.term.data(), t.term.size());
    const float w = t.count == 1 ? 1.0f : 1.0f + std::log(static_cast<float>(t.count));
    // Branch-free so that the 64 lanes vectorise: +w where the bit is set, -w where clear.
    for (int bit = 0; bit < 64; ++bit) {
      (*acc)[bit] += w * static_cast<float>(static_cast<int>((h >> bit) & 1) * 2 - 1);
    }
  }
}

}  // namespace

uint64_t SimHash(const TermVector& title, const TermVector& body) {
  if (title.empty() && body.empty()) return 0;
  std::array<float, 64> acc{};
  Accumulate(title, &acc);
  Accumulate(body, &acc);
  uint64_t out = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (acc[bit] > 0) out |= uint64_t{1} << bit;
  }
  return out;
}

}  // namespace veille::analyze

namespace veille {

int SimHashDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace veille
