#include "analyze/minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

#include "veille/analyze.h"

namespace veille::analyze {

std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens, int width) {
  std::vector<uint64_t> out;
  if (tokens.empty() || width <= 0) return out;
  std::vector<uint64_t> words(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    words[i] = XXH3_64bits(tokens[i].folded.data(), tokens[i].folded.size());
  }
  const size_t w = std::min(static_cast<size_t>(width), words.size());
  out.reserve(words.size() - w + 1);
  for (size_t i = 0; i + w <= words.size(); ++i) {
    out.push_back(XXH3_64bits(words.data() + i, w * sizeof(uint64_t)));
  }
  return out;
}

MinHasher::MinHasher(int size, uint64_t seed) : a_(size), b_(size) {
  for (int i = 0; i < size; ++i) {
    const uint64_t key[2] = {seed, static_cast<uint64_t>(i)};
    const XXH128_hash_t h = XXH3_128bits(key, sizeof(key));
    a_[i] = h.low64 | 1;
    b_[i] = h.high64;
  }
}

// The inner loop is elementwise over the k functions, so it vectorises; with
// AVX-512DQ (64-bit lane multiplies) eight functions go per instruction. The
// clones are picked at load time for the running CPU.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
std::vector<uint32_t>
MinHasher::Signature(const std::vector<uint64_t>& shingles) const {
  std::vector<uint32_t> sig;
  if (shingles.empty()) return sig;
  const size_t k = a_.size();
  sig.assign(k, std::numeric_limits<uint32_t>::max());
  const uint64_t* a = a_.data();
  const uint64_t* b = b_.data();
  uint32_t* s = sig.data();
  for (const uint64_t x : shingles) {
    for (size_t i = 0; i < k; ++i) {
      const uint32_t h = static_cast<uint32_t>((a[i] * x + b[i]) >> 32);
      s[i] = h < s[i] ? h : s[i];
    }
  }
  return sig;
}

std::vector<uint64_t> LshKeys(const std::vector<uint32_t>& signature, int bands, int rows) {
  std::vector<uint64_t> keys;
  if (signature.empty() || bands <= 0 || rows <= 0 ||
      static_cast<size_t>(bands) * rows != signature.size()) {
    return keys;
  }
  keys.reserve(bands);
  for (int i = 0; i < bands; ++i) {
    keys.push_back(XXH3_64bits_withSeed(signature.data() + static_cast<size_t>(i) * rows,
                                        rows * sizeof(uint32_t), static_cast<uint64_t>(i)));
  }
  return keys;
}

}  // namespace veille::analyze

namespace veille {

double JaccardEstimate(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace veille
