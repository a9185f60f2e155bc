// libFuzzer target: robots.txt parsing and matching (src/collect/robots.cc)
// on arbitrary bytes. Parses the input as a robots.txt and queries it; and
// checks the glob matcher against an obviously correct dynamic-programming
// reference on (pattern, path) pairs cut from the input. Aborts on a mismatch.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "collect/robots.h"

namespace {

// Reference: does `pattern` ('*' any run, final '$' anchors, else prefix)
// match `path`? dp[i][j]: pattern[0, i) matches path[0, j).
bool ReferenceMatch(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  const size_t n = pattern.size(), m = path.size();
  std::vector<std::vector<char>> dp(n + 1, std::vector<char>(m + 1, 0));
  dp[0][0] = 1;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      if (pattern[i - 1] == '*') {
        dp[i][j] = dp[i - 1][j] || (j > 0 && dp[i][j - 1]);
      } else {
        dp[i][j] = j > 0 && dp[i - 1][j - 1] && pattern[i - 1] == path[j - 1];
      }
    }
  }
  if (anchored) return dp[n][m];
  for (size_t j = 0; j <= m; ++j) {
    if (dp[n][j]) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const veille::collect::RobotsRules rules = veille::collect::RobotsRules::Parse(input, "Veille");
  for (std::string_view path : {"/", "/a", "/robots.txt", "/x/y?z=1"}) (void)rules.Allowed(path);
  (void)rules.Allowed(std::string("/") + std::string(input.substr(0, 256)));

  // Differential check of the matcher on short pieces.
  const size_t cut = input.find('\n');
  if (cut != std::string_view::npos && input.size() < 512) {
    const std::string_view pattern = input.substr(0, cut);
    const std::string_view path = input.substr(cut + 1);
    if (veille::collect::RobotsPatternMatches(pattern, path) != ReferenceMatch(pattern, path)) {
      std::abort();
    }
  }
  return 0;
}
