// FindDateInText: a single left-to-right scan over the text's tokens (runs of
// digits, runs of letters, and single punctuation). At each number it tries,
// in order, the ISO shape (YYYY-MM-DD), the numeric day-month-year shapes
// (D.M.YYYY, D/M/YYYY, D-M-YYYY), and the written shapes "D[.] [de] Month
// [de] YYYY"; at each month name, "Month D[st|nd|rd|th][,] YYYY". The first
// shape that yields a valid calendar date wins. Weekday names and ordinals
// ("1er", "1st") need no rule: they are skipped or absorbed by the shapes.
#include "extract/text_date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include "common/iso_time.h"
#include "extract/text_util.h"

namespace veille::extract {
namespace {

struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string_view text;
  int value = 0;  // for numbers (at most 4 digits kept)
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordByte(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c >= 0x80;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t j = i + 1;
    if (IsDigit(static_cast<char>(c))) {
      while (j < s.size() && IsDigit(s[j])) ++j;
      int v = 0;
      for (size_t k = i; k < j && k < i + 5; ++k) v = v * 10 + (s[k] - '0');
      out.push_back({Token::kNumber, s.substr(i, j - i), j - i <= 4 ? v : -1});
    } else if (IsWordByte(c)) {
      while (j < s.size() && IsWordByte(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({Token::kWord, s.substr(i, j - i)});
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out.push_back({Token::kPunct, s.substr(i, 1)});
    }
    i = j;
  }
  return out;
}

// Whether `s` has a run of exactly four digits from 1990 to 2099: every
// shape needs such a year (see ValidDate), so text without one is skipped
// before it is tokenized.
bool HasYearRun(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < s.size() && IsDigit(s[j])) ++j;
    if (j - i == 4 &&
        ((s[i] == '1' && s[i + 1] == '9' && s[i + 2] == '9') || (s[i] == '2' && s[i + 1] == '0'))) {
      return true;
    }
    i = j;
  }
  return false;
}

// Month 1-12 of a month name or its usual abbreviation, else 0.
int MonthNumber(std::string_view word) {
  struct Name {
    const char* name;
    int month;
  };
  static constexpr Name kNames[] = {
      {"january", 1},   {"janvier", 1},   {"januar", 1},     {"jänner", 1},    {"enero", 1},
      {"gennaio", 1},   {"janeiro", 1},   {"januari", 1},    {"jan", 1},       {"janv", 1},
      {"ene", 1},       {"february", 2},  {"février", 2},    {"fevrier", 2},   {"februar", 2},
      {"febrero", 2},   {"febbraio", 2},  {"fevereiro", 2},  {"februari", 2},  {"feb", 2},
      {"févr", 2},      {"fevr", 2},      {"march", 3},      {"mars", 3},      {"märz", 3},
      {"marzo", 3},     {"março", 3},     {"maart", 3},      {"mar", 3},       {"mär", 3},
      {"april", 4},     {"avril", 4},     {"abril", 4},      {"aprile", 4},    {"apr", 4},
      {"avr", 4},       {"abr", 4},       {"may", 5},        {"mai", 5},       {"mayo", 5},
      {"maggio", 5},    {"maio", 5},      {"mei", 5},        {"june", 6},      {"juin", 6},
      {"juni", 6},      {"junio", 6},     {"giugno", 6},     {"junho", 6},     {"jun", 6},
      {"july", 7},      {"juillet", 7},   {"juli", 7},       {"julio", 7},     {"luglio", 7},
      {"julho", 7},     {"jul", 7},       {"juil", 7},       {"august", 8},    {"août", 8},
      {"aout", 8},      {"agosto", 8},    {"augustus", 8},   {"aug", 8},       {"ago", 8},
      {"september", 9}, {"septembre", 9}, {"septiembre", 9}, {"settembre", 9}, {"setembro", 9},
      {"sep", 9},       {"sept", 9},      {"october", 10},   {"octobre", 10},  {"oktober", 10},
      {"octubre", 10},  {"ottobre", 10},  {"outubro", 10},   {"oct", 10},      {"okt", 10},
      {"november", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11}, {"nov", 11},
      {"december", 12}, {"décembre", 12}, {"decembre", 12},  {"dezember", 12}, {"diciembre", 12},
      {"dicembre", 12}, {"dezembro", 12}, {"dec", 12},       {"dez", 12},
  };
  // The names are 3 to 10 bytes long ("septiembre").
  char lowered[10];
  if (word.size() < 3 || word.size() > sizeof lowered) return 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    lowered[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view w(lowered, word.size());
  for (const Name& n : kNames) {
    if (w == n.name) return n.month;
  }
  return 0;
}

bool ValidDate(int y, int m, int d) {
  if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string Format(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool IsPunct(const std::vector<Token>& t, size_t i, char c) {
  return i < t.size() && t[i].kind == Token::kPunct && t[i].text[0] == c;
}
bool IsNumber(const std::vector<Token>& t, size_t i) {
  return i < t.size() && t[i].kind == Token::kNumber && t[i].value >= 0;
}
// `w` is lowercase.
bool IsWord(const std::vector<Token>& t, size_t i, std::string_view w) {
  if (i >= t.size() || t[i].kind != Token::kWord || t[i].text.size() != w.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    const char c = t[i].text[k];
    if (((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c) != w[k]) return false;
  }
  return true;
}

// A year token (four digits) at i, else -1.
int YearAt(const std::vector<Token>& t, size_t i) {
  return IsNumber(t, i) && t[i].text.size() == 4 ? t[i].value : -1;
}

// DD.MM.YY ("28.01.22"): two digits each, dots only, a two-digit year read as
// 20YY, and no further ".N" (a version "1.2.10.4") on either side.
std::string ShortYearDate(const std::vector<Token>& t, size_t i) {
  if (i >= 2 && IsPunct(t, i - 1, '.') && t[i - 2].kind == Token::kNumber) return "";
  if (!(t[i].text.size() == 2 && IsPunct(t, i + 1, '.') && IsNumber(t, i + 2) &&
        t[i + 2].text.size() == 2 && IsPunct(t, i + 3, '.') && IsNumber(t, i + 4) &&
        t[i + 4].text.size() == 2)) {
    return "";
  }
  if (IsPunct(t, i + 5, '.') && IsNumber(t, i + 6)) return "";
  const int y = 2000 + t[i + 4].value;
  return ValidDate(y, t[i + 2].value, t[i].value) ? Format(y, t[i + 2].value, t[i].value) : "";
}

std::string DateAtNumber(const std::vector<Token>& t, size_t i, bool short_years) {
  const int a = t[i].value;
  // YYYY-MM-DD, YYYY/MM/DD.
  if (t[i].text.size() == 4 && (IsPunct(t, i + 1, '-') || IsPunct(t, i + 1, '/')) &&
      IsNumber(t, i + 2) && IsPunct(t, i + 3, t[i + 1].text[0]) && IsNumber(t, i + 4)) {
    if (ValidDate(a, t[i + 2].value, t[i + 4].value))
      return Format(a, t[i + 2].value, t[i + 4].value);
  }
  if (t[i].text.size() > 2) return "";
  if (short_years) {
    if (std::string date = ShortYearDate(t, i); !date.empty()) return date;
  }
  // D.M.YYYY, D/M/YYYY, D-M-YYYY.
  for (const char sep : {'.', '/', '-'}) {
    if (IsPunct(t, i + 1, sep) && IsNumber(t, i + 2) && t[i + 2].text.size() <= 2 &&
        IsPunct(t, i + 3, sep)) {
      const int b = t[i + 2].value;
      const int y = YearAt(t, i + 4);
      if (ValidDate(y, b, a)) return Format(y, b, a);
      if (ValidDate(y, a, b)) return Format(y, a, b);
    }
  }
  // D[.|er|st|nd|rd|th] [de] Month [de|,] YYYY.
  size_t j = i + 1;
  if (IsPunct(t, j, '.') || IsWord(t, j, "er") || IsWord(t, j, "st") || IsWord(t, j, "nd") ||
      IsWord(t, j, "rd") || IsWord(t, j, "th") || IsWord(t, j, "º")) {
    ++j;
  }
  if (IsWord(t, j, "de") || IsWord(t, j, "of")) ++j;
  if (j < t.size() && t[j].kind == Token::kWord) {
    const int m = MonthNumber(t[j].text);
    if (m == 0) return "";
    ++j;
    if (IsPunct(t, j, '.')) ++j;
    if (IsWord(t, j, "de") || IsPunct(t, j, ',')) ++j;
    const int y = YearAt(t, j);
    if (ValidDate(y, m, a)) return Format(y, m, a);
  }
  return "";
}

std::string DateAtWord(const std::vector<Token>& t, size_t i) {
  const int m = MonthNumber(t[i].text);
  if (m == 0) return "";
  size_t j = i + 1;
  if (IsPunct(t, j, '.')) ++j;
  if (!IsNumber(t, j) || t[j].text.size() > 2) return "";
  const int d = t[j].value;
  ++j;
  if (IsWord(t, j, "st") || IsWord(t, j, "nd") || IsWord(t, j, "rd") || IsWord(t, j, "th")) ++j;
  if (IsPunct(t, j, ',')) ++j;
  const int y = YearAt(t, j);
  return ValidDate(y, m, d) ? Format(y, m, d) : "";
}

// The normalised UTC time `utc` written in `offset` minutes east of UTC.
std::string InOffset(std::string_view utc, int offset) {
  std::string local = FormatIsoUtc(IsoToUnixSeconds(utc) + int64_t{offset} * 60);
  local.pop_back();                                     // the "Z"
  const int magnitude = offset < 0 ? -offset : offset;  // at most 18 h 59 min
  const int hours = magnitude / 60;
  const int minutes = magnitude % 60;
  const char zone[] = {offset < 0 ? '-' : '+',
                       static_cast<char>('0' + hours / 10),
                       static_cast<char>('0' + hours % 10),
                       ':',
                       static_cast<char>('0' + minutes / 10),
                       static_cast<char>('0' + minutes % 10),
                       '\0'};
  return local + zone;
}

// Whether a date-time as written states UTC: "Z", "+00:00", "GMT", "UTC".
bool StatesUtc(std::string_view raw) {
  while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
  if (raw.ends_with('Z') || raw.ends_with('z') || raw.ends_with("GMT") || raw.ends_with("UTC")) {
    return true;
  }
  int offset = 1;
  return TrailingOffset(raw, &offset) && offset == 0;
}

int Digits2(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

}  // namespace

namespace {

std::string FindDate(std::string_view utf8, bool short_years) {
  if (!HasYearRun(utf8) && !(short_years && utf8.find('.') != std::string_view::npos)) return "";
  const std::vector<Token> t = Tokenize(utf8);
  for (size_t i = 0; i < t.size(); ++i) {
    std::string date;
    if (t[i].kind == Token::kNumber && t[i].value >= 0) {
      date = DateAtNumber(t, i, short_years);
    } else if (t[i].kind == Token::kWord) {
      date = DateAtWord(t, i);
    }
    if (!date.empty()) return date;
  }
  return "";
}

}  // namespace

std::string FindDateInText(std::string_view utf8) { return FindDate(utf8, false); }

std::string FindDateInDateline(std::string_view utf8) { return FindDate(utf8, true); }

// The numeric UTC offset ending a date-time ("+02:00", "-0500", "+01"), in
// minutes; false when there is none (no time, "Z", or no zone).
bool TrailingOffset(std::string_view s, int* minutes) {
  if (s.size() < 14) return false;  // "YYYY-MM-DDTHH" at least
  const size_t sign = s.find_last_of("+-");
  if (sign == std::string_view::npos || sign < 13) return false;
  std::string_view digits = s.substr(sign + 1);
  int value[2] = {0, 0};
  for (int part = 0; part < 2 && !digits.empty(); ++part) {
    if (digits.size() < 2 || !std::isdigit(static_cast<unsigned char>(digits[0])) ||
        !std::isdigit(static_cast<unsigned char>(digits[1]))) {
      return false;
    }
    value[part] = (digits[0] - '0') * 10 + (digits[1] - '0');
    digits.remove_prefix(2);
    if (!digits.empty() && digits[0] == ':') digits.remove_prefix(1);
  }
  if (!digits.empty() || value[0] > 18 || value[1] > 59) return false;
  *minutes = (s[sign] == '-' ? -1 : 1) * (value[0] * 60 + value[1]);
  return true;
}

std::string DateFromUrlPath(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return "";
  const auto digits = [&](size_t at, size_t n) {
    if (at + n > url.size()) return false;
    for (size_t k = 0; k < n; ++k) {
      if (url[at + k] < '0' || url[at + k] > '9') return false;
    }
    return true;
  };
  for (size_t i = url.find('/', path); i != std::string_view::npos; i = url.find('/', i + 1)) {
    // "/YYYY/MM/DD" then '/' or the end.
    if (digits(i + 1, 4) && i + 5 < url.size() && url[i + 5] == '/' && digits(i + 6, 2) &&
        i + 8 < url.size() && url[i + 8] == '/' && digits(i + 9, 2) &&
        (i + 11 == url.size() || url[i + 11] == '/')) {
      const std::string_view year = url.substr(i + 1, 4);
      if (year < "1990" || year > "2099") continue;
      return std::string(year) + "-" + std::string(url.substr(i + 6, 2)) + "-" +
             std::string(url.substr(i + 9, 2));
    }
  }
  return "";
}

std::string LocalIsoTime(std::string_view raw) {
  const std::string text = CollapseWhitespace(raw);
  Result<std::string> utc = NormalizeIsoTime(text);
  if (!utc.ok()) return "";
  int offset = 0;
  if (utc->size() <= 10 || !TrailingOffset(text, &offset) || offset == 0) {
    return std::move(utc).value();
  }
  return InOffset(*utc, offset);
}

std::string ReadersDay(const std::string& local, std::string_view raw, bool has_page_offset,
                       int page_offset, std::string_view visible) {
  // "YYYY-MM-DDTHH:MM:SSZ": only a UTC or zone-less time can be off a day.
  if (local.size() != 20 || local.back() != 'Z') return local;
  int own = 0;
  if (TrailingOffset(raw, &own) && own != 0) return local;
  const bool utc = StatesUtc(raw);
  const int hour = Digits2(local, 11);
  constexpr int64_t kDay = 24 * 3600;
  if (visible.size() == 10 && NormalizeIsoTime(visible).ok()) {
    const int64_t day = IsoToUnixSeconds(local.substr(0, 10));
    const int64_t seen = IsoToUnixSeconds(visible);
    constexpr int kMaxEast = 14;  // hours: UTC+14 is the easternmost zone
    constexpr int kMaxWest = 12;
    if ((seen == day + kDay && hour >= 24 - kMaxEast) || (seen == day - kDay && hour < kMaxWest)) {
      return std::string(visible);
    }
  }
  if (!utc) return local;
  if (has_page_offset && page_offset != 0) return InOffset(local, page_offset);
  // Without such evidence the time stays UTC: a value exactly on the hour
  // late in the UTC day may be a date stored as a local midnight east of
  // Greenwich, or an article scheduled on the hour in the Americas.
  return local;
}

}  // namespace veille::extract
