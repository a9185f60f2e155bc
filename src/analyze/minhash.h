// MinHash signatures of word shingles, and LSH band keys over them.
//
// Why: near-duplicate articles (the same wire dispatch republished with a new
// headline, a paragraph added or a typo fixed) share most of their word
// sequences. The Jaccard similarity J(A, B) = |A ∩ B| / |A ∪ B| of their sets
// of word 5-shingles measures that directly, and MinHash (Broder 1997)
// estimates it from fixed-size signatures: for a random hash function h,
// Pr[min h(A) = min h(B)] = J(A, B), so with k independent functions the
// fraction of equal signature positions is an unbiased estimate of J with
// standard error sqrt(J(1-J)/k) (about 0.044 at J = 0.5, k = 128).
//
// Shingles: consecutive runs of 5 tokens (words, numbers, elisions), each
// token taken in its accent-folded, case-folded form, so that case, accents
// and typographic apostrophes do not break a match; stop words are kept,
// since they carry the word order that distinguishes a copy from a text on
// the same topic. Five words make a shingle rare enough in news prose that
// shared shingles mean shared text, not shared phrasing. A text shorter than
// 5 tokens yields one shingle of all its tokens.
//
// Hashing: each shingle is hashed once to 64 bits with XXH3 (over the XXH3
// hashes of its tokens); the k functions are then the multiply-shift family
// h_i(x) = (a_i * x + b_i) >> 32 with odd a_i and b_i drawn from XXH3 of the
// seed and i. This is 2-universal on the 64-bit keys — as good as k separate
// XXH3 calls for MinHash purposes, and k multiply-adds per shingle instead of
// k hash computations.
//
// LSH: the signature is cut into b bands of r rows; each band is hashed to a
// 64-bit key (XXH3 over its r values, seeded with the band number). Two texts
// share at least one key with probability 1 - (1 - J^r)^b, an S-curve whose
// midpoint is near (1/b)^(1/r): 0.42 for 32 bands x 4 rows (J = 0.3 -> 23%,
// J = 0.5 -> 87%, J = 0.7 -> 99.97%). Candidates found by key are then checked
// with the full signature estimate.
//
// Thread-safe: a MinHasher is immutable after construction.
#ifndef VEILLE_ANALYZE_MINHASH_H_
#define VEILLE_ANALYZE_MINHASH_H_

#include <cstdint>
#include <vector>

#include "analyze/tokenizer.h"

namespace veille::analyze {

// 64-bit hashes of the `width`-token shingles of `tokens` (folded forms), in
// text order, possibly repeated. Empty for no tokens.
std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens, int width);

class MinHasher {
 public:
  // `size` hash functions derived from `seed`. REQUIRES: size > 0.
  explicit MinHasher(int size, uint64_t seed = 0x5665696c6c65ULL);

  // The signature (size values) of the set of `shingles`; empty when
  // `shingles` is.
  std::vector<uint32_t> Signature(const std::vector<uint64_t>& shingles) const;
  int size() const { return static_cast<int>(a_.size()); }

 private:
  std::vector<uint64_t> a_;
  std::vector<uint64_t> b_;
};

// LSH band keys of `signature`: `bands` keys, band i hashing values
// [i * rows, (i + 1) * rows). REQUIRES: bands * rows == signature.size(), or
// signature empty (then no keys).
std::vector<uint64_t> LshKeys(const std::vector<uint32_t>& signature, int bands, int rows);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_MINHASH_H_
