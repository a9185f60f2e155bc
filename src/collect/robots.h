// RobotsRules: the robots exclusion protocol (RFC 9309) for one host: which
// paths a crawler with a given product token may fetch. Immutable after
// Parse; thread-safe to share.
#ifndef VEILLE_COLLECT_ROBOTS_H_
#define VEILLE_COLLECT_ROBOTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace veille::collect {

class RobotsRules {
 public:
  // Parses a robots.txt body and keeps the rules that apply to
  // `product_token` (e.g. "Veille", matched case-insensitively against the
  // user-agent lines), else those of "*", else none. Never fails: unknown
  // lines and malformed ones are skipped, as the RFC asks.
  static RobotsRules Parse(std::string_view body, std::string_view product_token);
  // Everything allowed (robots.txt absent: a 4xx) or everything disallowed
  // (robots.txt unreachable: a 5xx or a network failure).
  static RobotsRules AllowAll();
  static RobotsRules DisallowAll();

  // Whether `path_and_query` (starting with "/", percent-encoded as sent) may
  // be fetched. /robots.txt itself is always allowed.
  bool Allowed(std::string_view path_and_query) const;

  size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalised; may hold '*' and a final '$'
  };
  std::vector<Rule> rules_;
};

// Normalises a path or pattern for comparison: %XX of unreserved characters
// decoded, other escapes upper-cased, bytes >= 0x80 percent-encoded.
std::string NormalizeRobotsPath(std::string_view path);

// Whether `pattern` (with '*' for any run of bytes and a final '$' anchoring
// the end; otherwise a prefix) matches `path`. Linear-ish two-pointer glob
// match, O(|pattern| * |path|) worst case.
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace veille::collect

#endif  // VEILLE_COLLECT_ROBOTS_H_
