// Text normalisation and word shingles for copy detection: words are runs of
// letters and digits, case-folded (ICU); a shingle is `n` consecutive words,
// hashed to 32 bits (FNV-1a 64, folded). Stable across processes. Thread-safe.
#ifndef VEILLE_DEDUP_SHINGLES_H_
#define VEILLE_DEDUP_SHINGLES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::dedup {

// The case-folded words of `text`, in order.
std::vector<std::string> NormalizedWords(std::string_view text);
// A 64-bit hash of the normalised text (words joined by one space).
uint64_t ExactHash(const std::vector<std::string>& words);
// Distinct hashes of the n-word shingles (one shingle of all words when there
// are fewer than n), sorted, at most `max` (taken in text order).
std::vector<uint32_t> ShingleHashes(const std::vector<std::string>& words, int n, size_t max);
// |a ∩ b| / min(|a|, |b|) for sorted distinct vectors; 0 if either is empty.
double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace veille::dedup

#endif  // VEILLE_DEDUP_SHINGLES_H_
