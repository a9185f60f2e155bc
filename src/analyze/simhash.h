// SimHash (Charikar 2002): a 64-bit fingerprint of a weighted feature set
// whose Hamming distance tracks the features' cosine distance.
//
// Features here are the article's stemmed content terms (title and body term
// vectors, stop words already removed), each weighted 1 + ln(count), with the
// title's terms counted as well. Why terms and not word shingles: MinHash
// (minhash.h) already measures textual overlap on shingles, which is what
// copy detection needs; the SimHash is the complementary signal — two
// rewrites of one dispatch that share vocabulary but not word order land a
// few bits apart, and the fingerprint is cheap to index (split into 4 x 16
// bits, any pair within distance 3 shares one part exactly). Terms are hashed
// with XXH3-64; bit i of the result is set when the weighted sum of the
// features whose hash has bit i set exceeds that of those where it is clear.
// Thread-safe (pure functions).
#ifndef VEILLE_ANALYZE_SIMHASH_H_
#define VEILLE_ANALYZE_SIMHASH_H_

#include <cstdint>

#include "veille/analyze.h"

namespace veille::analyze {

// The SimHash of the union of `title` and `body` (counts added). 0 for no terms.
uint64_t SimHash(const TermVector& title, const TermVector& body);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_SIMHASH_H_
