// robots.txt parsing and matching (RFC 9309). Tested by
// tests/collect/robots_test.cc, whose cases come from the RFC's examples.
//
// Parsing: a group is one or more consecutive `user-agent:` lines followed
// by `allow:` / `disallow:` rules; a user-agent line after rules starts a new
// group. Keys are case-insensitive, `#` starts a comment, other keys
// (sitemap, crawl-delay) and rules before any user-agent are ignored. The
// crawler obeys the union of the groups whose user-agent equals its product
// token (case-insensitive), else the union of the `*` groups, else nothing.
// An empty `disallow:` matches nothing.
//
// Matching: the rule whose pattern matches the path with the most octets
// wins; on a tie between allow and disallow, allow wins; no match means
// allowed. Patterns match as prefixes, `*` stands for any run of bytes and a
// final `$` anchors the end: for rules `disallow: /a` and `allow: /a/b*c$`,
// "/a/bxc" is allowed (the allow pattern is longer), "/a/bxcd" and "/a/x"
// are not. Paths and patterns are compared after the same normalisation
// (NormalizeRobotsPath), so `/%7Efoo` and `/~foo` are one path.
// Cost: parsing is linear in the body; a check is O(rules * pattern * path)
// worst case with stars, linear for plain prefixes.
#include "collect/robots.h"

#include <algorithm>
#include <cctype>

namespace veille::collect {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

struct Group {
  std::vector<std::string> agents;
  std::vector<std::pair<bool, std::string>> rules;  // (allow, raw pattern)
};

}  // namespace

std::string NormalizeRobotsPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && HexValue(path[i + 1]) >= 0 &&
        HexValue(path[i + 2]) >= 0) {
      const unsigned char decoded =
          static_cast<unsigned char>(HexValue(path[i + 1]) * 16 + HexValue(path[i + 2]));
      if (IsUnreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        out += '%';
        out += kHex[decoded >> 4];
        out += kHex[decoded & 15];
      }
      i += 2;
    } else if (c >= 0x80) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = false;
  if (!pattern.empty() && pattern.back() == '$') {
    anchored = true;
    pattern.remove_suffix(1);
  }
  // Classic glob match with backtracking to the last star; a prefix match is
  // a glob with an implicit trailing star.
  size_t p = 0, s = 0;
  size_t star = std::string_view::npos, star_s = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // the pattern is a prefix of the path
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.rules_.push_back({false, "/"});
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view product_token) {
  std::vector<Group> groups;
  bool in_agents = false;  // the previous meaningful line was a user-agent
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(key, "user-agent")) {
      if (!in_agents) groups.emplace_back();
      groups.back().agents.emplace_back(value);
      in_agents = true;
    } else if (EqualsIgnoreCase(key, "allow") || EqualsIgnoreCase(key, "disallow")) {
      in_agents = false;
      if (groups.empty()) continue;  // a rule outside any group
      groups.back().rules.emplace_back(EqualsIgnoreCase(key, "allow"), std::string(value));
    }
    // Other keys (sitemap, crawl-delay) neither record anything nor end a
    // list of user-agent lines.
  }
  auto agent_matches = [](const Group& g, std::string_view token) {
    return std::any_of(g.agents.begin(), g.agents.end(), [&](const std::string& a) {
      // "Veille/1.0" names the product token "Veille".
      const std::string_view name = std::string_view(a).substr(0, a.find_first_of("/ \t"));
      return EqualsIgnoreCase(name, token);
    });
  };
  RobotsRules out;
  for (std::string_view token : {product_token, std::string_view("*")}) {
    for (const Group& g : groups) {
      if (!agent_matches(g, token)) continue;
      for (const auto& [allow, pattern] : g.rules) {
        if (pattern.empty()) continue;  // "disallow:" with no path allows everything
        out.rules_.push_back({allow, NormalizeRobotsPath(pattern)});
      }
    }
    if (std::any_of(groups.begin(), groups.end(),
                    [&](const Group& g) { return agent_matches(g, token); })) {
      break;  // the specific groups replace the * groups
    }
  }
  return out;
}

bool RobotsRules::Allowed(std::string_view path_and_query) const {
  if (path_and_query == "/robots.txt") return true;
  const std::string path = NormalizeRobotsPath(path_and_query.empty() ? "/" : path_and_query);
  size_t best_len = 0;
  bool best_allow = true;
  bool matched = false;
  for (const Rule& rule : rules_) {
    if (!RobotsPatternMatches(rule.pattern, path)) continue;
    const size_t len = rule.pattern.size();
    if (!matched || len > best_len || (len == best_len && rule.allow && !best_allow)) {
      best_len = len;
      best_allow = rule.allow;
      matched = true;
    }
  }
  return !matched || best_allow;
}

}  // namespace veille::collect
