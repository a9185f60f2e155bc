// Title text matching (title.cc's helpers): match keys, near-equality,
// agreement between a headline and a declared title, title parts.
#include "extract/title_match.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extract/text_date.h"

namespace veille::extract::internal {

// Letters and digits of `s`, ASCII lowercased; other non-ASCII characters
// are kept except typographic punctuation (U+2000-U+206F: quotes, dashes,
// ellipsis; and NBSP, guillemets, middle dot, soft hyphen), so that "„finished“" and
// "\"finished\"" give the same key.
std::string MatchKey(std::string_view s) {
  std::string key;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (u == 0xE2 && (next == 0x80 || next == 0x81)) {
      i += 2;
    } else if (u == 0xC2 &&
               (next == 0xA0 || next == 0xAB || next == 0xBB || next == 0xB7 || next == 0xAD)) {
      i += 1;
    } else if (u >= 0x80 || (u >= '0' && u <= '9')) {
      key.push_back(s[i]);
    } else if ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') {
      key.push_back(static_cast<char>(u | 0x20));
    }
  }
  return key;
}

// Whether two long match keys differ by a typo at most (two byte edits:
// "ll Climate Clock ..." in the <h1>, "Il Climate Clock ..." in og:title).
bool NearlyEqual(std::string_view a, std::string_view b) {
  constexpr size_t kMinKey = 20;
  constexpr size_t kMaxKey = 400;
  constexpr size_t kMaxEdits = 2;
  if (a.size() < kMinKey || b.size() < kMinKey || a.size() > kMaxKey || b.size() > kMaxKey ||
      (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > kMaxEdits) {
    return false;
  }
  // Levenshtein distance, one row at a time.
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({up + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > kMaxEdits) return false;
  }
  return row[b.size()] <= kMaxEdits;
}

bool NamesSite(std::string_view part, std::string_view site, std::string_view host) {
  const std::string key = MatchKey(part);
  if (key.empty()) return false;
  if (key == MatchKey(site) || key == MatchKey(host)) return true;
  // "Automobilwoche.de" as a site name, "lemonde.fr" as a host: the name
  // before the top-level domain.
  for (const std::string_view name : {site, host}) {
    const size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0 && key == MatchKey(name.substr(0, dot))) {
      return true;
    }
  }
  return false;
}

// How well headline `h` agrees with `other` (a declared title), compared on
// letters and digits: 3 when equal; 2 when one contains the other, the
// shorter being at least half as long (so "Chronik: Lotte Tobisch ist tot"
// agrees with "Lotte Tobisch ist tot", but a blog's name does not agree with
// a post's title that happens to start with it); 1 (weak) when the headline
// is all of the declared title before a separator ("Headline | A Park's Long
// Name"; weak, as "Blog » Post" puts a blog's logo there), or when `loose`
// (a headline inside the kept content, so not a logo in the page header)
// and the declared title merely contains the headline ("Faire Lieferketten
// - Evangelisches Jugendwerk in Württemberg - EJW"); else 0.
int Agreement(std::string_view h, std::string_view other, bool loose) {
  constexpr size_t kMinLooseKey = 10;
  const std::string a = MatchKey(h);
  const std::string b = MatchKey(other);
  if (a.empty() || b.empty()) return 0;
  if (a == b || NearlyEqual(a, b)) return 3;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (shorter.size() * 2 >= longer.size() && longer.find(shorter) != std::string::npos) return 2;
  // "Headline | Some Park's Long Name": the headline is all that comes
  // before the separator (what comes after is a site's or blog's name, which
  // a logo <h1> repeats).
  for (const std::string_view sep : kSeparators) {
    const size_t at = other.find(sep);
    if (at != std::string_view::npos && MatchKey(other.substr(0, at)) == a) return 1;
  }
  return loose && a.size() >= kMinLooseKey && b.find(a) != std::string::npos ? 1 : 0;
}

// Whether `s` ends with a closing quotation mark (ASCII or typographic).
bool EndsWithQuote(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  for (const std::string_view quote :
       {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xC2\xAB"}) {
    if (s.ends_with(quote)) return true;
  }
  return false;
}

// The parts of a declared title between its separators ("Site - Section »
// Story" -> "Site", "Section", "Story").
std::vector<std::string_view> TitleParts(std::string_view title) {
  std::vector<std::string_view> parts;
  while (!title.empty()) {
    size_t cut = std::string_view::npos;
    size_t width = 0;
    for (const std::string_view sep : kSeparators) {
      const size_t at = title.find(sep);
      if (at < cut) {
        cut = at;
        width = sep.size();
      }
    }
    parts.push_back(title.substr(0, cut));
    if (cut == std::string_view::npos) break;
    title.remove_prefix(cut + width);
  }
  return parts;
}

namespace {

// Whether `part` is a date and nothing else ("23.01.2022", "2022-01-23").
bool IsNumericDate(std::string_view part) {
  constexpr size_t kMaxChars = 10;
  if (part.empty() || part.size() > kMaxChars || FindDateInText(part).empty()) return false;
  for (const char c : part) {
    if (!(c >= '0' && c <= '9') && c != '.' && c != '/' && c != '-') return false;
  }
  return true;
}

}  // namespace

// A dated news list's habit puts the date first ("23.01.2022 - Wierer jubelt").
std::string CleanTitle(std::string title) {
  for (size_t at = title.find("\xC2\xAD"); at != std::string::npos;
       at = title.find("\xC2\xAD", at)) {
    title.erase(at, 2);
  }
  for (const std::string_view sep : kSeparators) {
    const size_t first = title.find(sep);
    if (first != std::string::npos && first + sep.size() < title.size() &&
        IsNumericDate(std::string_view(title).substr(0, first))) {
      return title.substr(first + sep.size());
    }
  }
  return title;
}

}  // namespace veille::extract::internal
