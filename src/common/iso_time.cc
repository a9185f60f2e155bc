// ISO 8601 / RFC 3339 parsing with the C++20 civil calendar (tests: iso_time_test.cc).
//
// A hand-written scanner reads "YYYY-MM-DD[(T| )HH:MM[:SS[.frac]][Z|±HH[:]MM]]";
// std::chrono::year_month_day checks the date (2019-02-30 is rejected) and
// sys_days turns it into a day count, so a time with an offset is normalised
// by plain second arithmetic: "2019-04-25T01:30:00+03:00" -> day 2019-04-25
// at 5400 s minus 10800 s -> "2019-04-24T22:30:00Z". Fractional seconds are
// truncated; a leap second (":60") rolls over to the next minute. Constant
// time and no allocation beyond the result.
#include "common/iso_time.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace veille {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

struct Cursor {
  std::string_view s;
  size_t pos = 0;

  bool AtEnd() const { return pos == s.size(); }
  char Peek() const { return AtEnd() ? '\0' : s[pos]; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos;
    return true;
  }
  // Reads exactly `n` digits.
  bool Digits(int n, int* out) {
    int v = 0;
    for (int i = 0; i < n; ++i) {
      const char c = Peek();
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
      ++pos;
    }
    *out = v;
    return true;
  }
};

struct Parsed {
  bool has_time = false;
  int64_t unix_seconds = 0;
};

bool ToDays(int y, int m, int d, int64_t* out) {
  const year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                           std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return false;
  *out = sys_days(ymd).time_since_epoch().count();
  return true;
}

bool Parse(std::string_view text, Parsed* out) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  Cursor c{text};
  int y, mo, d;
  if (!c.Digits(4, &y) || !c.Consume('-') || !c.Digits(2, &mo) || !c.Consume('-') ||
      !c.Digits(2, &d)) {
    return false;
  }
  int64_t day_count;
  if (!ToDays(y, mo, d, &day_count)) return false;
  out->unix_seconds = day_count * 86400;
  if (c.AtEnd()) return true;

  if (!c.Consume('T') && !c.Consume('t') && !c.Consume(' ')) return false;
  int h, mi, sec = 0;
  if (!c.Digits(2, &h) || !c.Consume(':') || !c.Digits(2, &mi)) return false;
  if (c.Consume(':')) {
    if (!c.Digits(2, &sec)) return false;
    if (c.Consume('.') || c.Consume(',')) {
      const size_t start = c.pos;
      while (c.Peek() >= '0' && c.Peek() <= '9') ++c.pos;
      if (c.pos == start) return false;
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return false;
  int64_t offset = 0;
  const bool utc = c.Consume('Z') || c.Consume('z');
  if (!utc && (c.Peek() == '+' || c.Peek() == '-')) {
    const int sign = c.Peek() == '-' ? -1 : 1;
    ++c.pos;
    int oh, om = 0;
    if (!c.Digits(2, &oh)) return false;
    if (!c.AtEnd()) {
      c.Consume(':');
      if (!c.Digits(2, &om)) return false;
    }
    if (oh > 23 || om > 59) return false;
    offset = sign * (oh * 3600 + om * 60);
  }
  if (!c.AtEnd()) return false;
  out->has_time = true;
  out->unix_seconds += h * 3600 + mi * 60 + sec - offset;
  return true;
}

// Floor division, so negative times fall on the right day.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool FormatDay(int64_t day_count, char* buf, size_t size) {
  // 0000-01-01 and 10000-01-01 relative to 1970-01-01; also keeps the
  // calendar arithmetic far from int overflow.
  if (day_count < -719528 || day_count >= 2932897) return false;
  const year_month_day ymd{sys_days(days(day_count))};
  const int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) return false;
  std::snprintf(buf, size, "%04d-%02u-%02u", y, static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return true;
}

}  // namespace

Result<std::string> NormalizeIsoTime(std::string_view text) {
  Parsed p;
  if (!Parse(text, &p)) {
    return Status::InvalidInput("not an ISO 8601 date or date-time: '" + std::string(text) + "'");
  }
  const int64_t day_count = FloorDiv(p.unix_seconds, 86400);
  char date[16];
  if (!FormatDay(day_count, date, sizeof(date))) {
    return Status::InvalidInput("date out of range: '" + std::string(text) + "'");
  }
  if (!p.has_time) return std::string(date);
  return FormatIsoUtc(p.unix_seconds);
}

int64_t IsoToUnixSeconds(std::string_view s) {
  Parsed p;
  return Parse(s, &p) ? p.unix_seconds : 0;
}

std::string FormatIsoUtc(int64_t unix_seconds) {
  const int64_t day_count = FloorDiv(unix_seconds, 86400);
  const int64_t secs = unix_seconds - day_count * 86400;
  char date[16];
  if (!FormatDay(day_count, date, sizeof(date))) return "";
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%sT%02d:%02d:%02dZ", date, static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return buf;
}

}  // namespace veille
