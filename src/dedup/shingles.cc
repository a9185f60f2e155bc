#include "dedup/shingles.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_set>

namespace veille::dedup {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h;
}

}  // namespace

std::vector<std::string> NormalizedWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(text.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(text.data(), i, len, c);
    if (c >= 0 && u_isalnum(c)) {
      const UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
      char buf[4];
      int32_t n = 0;
      UBool err = false;
      U8_APPEND(buf, n, 4, f, err);
      if (!err) cur.append(buf, static_cast<size_t>(n));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

uint64_t ExactHash(const std::vector<std::string>& words) {
  uint64_t h = kFnvOffset;
  for (const std::string& w : words) h = Fnv(Fnv(h, w), " ");
  return h;
}

std::vector<uint32_t> ShingleHashes(const std::vector<std::string>& words, int n, size_t max) {
  std::vector<uint32_t> out;
  if (words.empty()) return out;
  const size_t width = std::min(words.size(), static_cast<size_t>(std::max(1, n)));
  std::unordered_set<uint32_t> seen;
  for (size_t i = 0; i + width <= words.size() && out.size() < max; ++i) {
    uint64_t h = kFnvOffset;
    for (size_t k = 0; k < width; ++k) h = Fnv(Fnv(h, words[i + k]), " ");
    const auto folded = static_cast<uint32_t>(h ^ (h >> 32));
    if (seen.insert(folded).second) out.push_back(folded);
  }
  std::sort(out.begin(), out.end());
  return out;
}

double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (a[i] > b[j]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

}  // namespace veille::dedup
