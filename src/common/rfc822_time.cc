// RFC 822 date-time parsing (tests: tests/common/rfc822_time_test.cc).
//
// The grammar is tokenised on spaces and commas into words and numbers, then
// read in order: an optional day name, the day of month, the month name, the
// year, the time "HH:MM[:SS]" and an optional zone. Real feeds bend the
// grammar (full month names, missing zone, "GMT+0300"), so each part is
// matched leniently but trailing garbage is refused: a date we cannot read
// whole is better reported than guessed. The fields are rewritten as an ISO
// 8601 string with a numeric offset and handed to NormalizeIsoTime, which
// checks the calendar (no 31 April) and converts to UTC: one normaliser for
// every date Veille stores. Example: "Thu, 25 Apr 2019 10:30:00 +0300" ->
// "2019-04-25T10:30:00+03:00" -> "2019-04-25T07:30:00Z". Linear in the input.
#include "common/rfc822_time.h"

#include <cstdio>
#include <string>
#include <vector>

#include "common/iso_time.h"

namespace veille {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// 1..12 for an English month name (3 letters or full), 0 otherwise.
int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  const std::string w = Lower(word);
  if (w.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i] || w == kMonths[i].substr(0, 3)) return i + 1;
    if (i == 8 && w == "sept") return 9;
  }
  return 0;
}

bool IsDayName(std::string_view word) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  const std::string w = Lower(word);
  if (w.size() < 3) return false;
  for (std::string_view d : kDays) {
    if (w == d || w == d.substr(0, 3)) return true;
  }
  return false;
}

// Offset in minutes east of UTC for a zone token, or false when unknown.
bool ZoneOffset(std::string_view zone, int* minutes) {
  if (zone.empty()) return false;
  if (zone[0] == '+' || zone[0] == '-') {
    std::string digits;
    for (char c : zone.substr(1)) {
      if (c != ':') digits.push_back(c);
    }
    if (!AllDigits(digits) || (digits.size() != 4 && digits.size() != 2)) return false;
    const int h = ToInt(digits.substr(0, 2));
    const int m = digits.size() == 4 ? ToInt(digits.substr(2, 2)) : 0;
    if (h > 23 || m > 59) return false;
    *minutes = (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
    return true;
  }
  const std::string z = Lower(zone);
  // "GMT+0300" / "UTC-05:00": a named zone followed by an offset.
  for (std::string_view prefix : {"gmt", "utc", "ut"}) {
    if (z.size() > prefix.size() && z.compare(0, prefix.size(), prefix) == 0 &&
        (z[prefix.size()] == '+' || z[prefix.size()] == '-')) {
      return ZoneOffset(zone.substr(prefix.size()), minutes);
    }
  }
  struct Named {
    std::string_view name;
    int hours;
  };
  static constexpr Named kZones[] = {{"ut", 0},   {"utc", 0},  {"gmt", 0},  {"z", 0},
                                     {"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5},
                                     {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
  for (const Named& n : kZones) {
    if (z == n.name) {
      *minutes = n.hours * 60;
      return true;
    }
  }
  if (z.size() == 1 && z[0] >= 'a' && z[0] <= 'z' && z[0] != 'j') {
    *minutes = 0;  // military zones: unreliable in practice, RFC 2822 says treat as -0000
    return true;
  }
  return false;
}

std::vector<std::string_view> Tokenize(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() &&
           (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '\r' || s[i] == '\n')) {
      ++i;
    }
    const size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != ',' && s[i] != '\r' &&
           s[i] != '\n') {
      ++i;
    }
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

Status Invalid(std::string_view text, std::string_view why) {
  std::string shown(text.substr(0, 80));
  return Status::InvalidInput("invalid RFC 822 date \"" + shown + "\": " + std::string(why));
}

}  // namespace

Result<std::string> NormalizeRfc822Time(std::string_view text) {
  std::vector<std::string_view> tokens = Tokenize(text);
  if (tokens.empty()) return Invalid(text, "empty");
  // ISO 8601 given where RFC 822 was expected.
  if (tokens.size() == 1 && tokens[0].size() >= 10 && IsDigit(tokens[0][0]) &&
      tokens[0][4] == '-') {
    return NormalizeIsoTime(tokens[0]);
  }
  size_t t = 0;
  if (IsDayName(tokens[t])) ++t;
  if (t >= tokens.size()) return Invalid(text, "no date after the day name");
  // "25 Apr 2019" (RFC order) or "Apr 25 2019" (a common slip).
  int day = 0, month = 0;
  if (t + 1 < tokens.size() && AllDigits(tokens[t]) && tokens[t].size() <= 2) {
    day = ToInt(tokens[t]);
    month = MonthNumber(tokens[t + 1]);
  } else if (t + 1 < tokens.size() && AllDigits(tokens[t + 1]) && tokens[t + 1].size() <= 2) {
    month = MonthNumber(tokens[t]);
    day = ToInt(tokens[t + 1]);
  } else {
    return Invalid(text, "expected a day of month and a month name");
  }
  if (month == 0) return Invalid(text, "unknown month name");
  t += 2;
  if (t >= tokens.size() || !AllDigits(tokens[t]) ||
      (tokens[t].size() != 2 && tokens[t].size() != 4)) {
    return Invalid(text, "expected a 2- or 4-digit year");
  }
  int year = ToInt(tokens[t]);
  if (tokens[t].size() == 2) year += year < 50 ? 2000 : 1900;
  ++t;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  if (t < tokens.size() && tokens[t].find(':') != std::string_view::npos) {
    const std::string_view hms = tokens[t];
    int parts[3] = {0, 0, 0};
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= hms.size(); ++i) {
      if (i == hms.size() || hms[i] == ':') {
        const std::string_view part = hms.substr(start, i - start);
        if (n == 3 || !AllDigits(part) || part.size() > 2) return Invalid(text, "malformed time");
        parts[n++] = ToInt(part);
        start = i + 1;
      }
    }
    if (n < 2) return Invalid(text, "malformed time");
    hour = parts[0];
    minute = parts[1];
    second = parts[2];
    if (hour > 23 || minute > 59 || second > 60) return Invalid(text, "time out of range");
    has_time = true;
    ++t;
  }
  int offset = 0;
  if (t < tokens.size()) {
    if (!has_time) return Invalid(text, "unexpected text after the year");
    if (!ZoneOffset(tokens[t], &offset)) return Invalid(text, "unknown time zone");
    ++t;
    // "+0300 (MSK)": a comment after the zone.
    if (t < tokens.size() && tokens[t].front() == '(' && tokens.back().back() == ')') {
      t = tokens.size();
    }
  }
  if (t != tokens.size()) return Invalid(text, "unexpected trailing text");
  char iso[96];
  if (!has_time) {  // "25 Apr 2019": a date alone stays a date
    std::snprintf(iso, sizeof(iso), "%04d-%02d-%02d", year, month, day);
    Result<std::string> date = NormalizeIsoTime(iso);
    if (!date.ok()) return Invalid(text, "impossible date");
    return date;
  }
  const int abs_offset = offset < 0 ? -offset : offset;
  std::snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, day,
                hour, minute, second, offset < 0 ? '-' : '+', abs_offset / 60, abs_offset % 60);
  Result<std::string> normal = NormalizeIsoTime(iso);
  if (!normal.ok()) return Invalid(text, "impossible date");
  return normal;
}

}  // namespace veille
