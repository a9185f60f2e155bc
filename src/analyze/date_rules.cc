#include "analyze/date_rules.h"

#include <charconv>

namespace veille::analyze {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

Direction FromMarker(Tense t) {
  return t == Tense::kPast ? Direction::kStrictPast : Direction::kStrictFuture;
}

DateGranularity GranularityOf(TimeUnit u) {
  switch (u) {
    case TimeUnit::kWeek:
      return DateGranularity::kWeek;
    case TimeUnit::kMonth:
      return DateGranularity::kMonth;
    case TimeUnit::kYear:
      return DateGranularity::kYear;
    default:
      return DateGranularity::kDay;
  }
}

}  // namespace

DateRules::DateRules(std::string_view text, const std::vector<Token>& tokens, size_t begin,
                     size_t end, const std::optional<CivilDate>& reference)
    : text_(text),
      tokens_(tokens),
      begin_(begin),
      end_(end),
      ref_(reference),
      cues_(end - begin, -1) {}

std::string_view DateRules::W(size_t i) const {
  return i >= begin_ && i < end_ ? std::string_view(tokens_[i].folded) : std::string_view();
}

bool DateRules::Joined(size_t i) const {
  if (i < begin_ || i + 1 >= end_) return false;
  const std::string_view gap = text_.substr(tokens_[i].end, tokens_[i + 1].begin - tokens_[i].end);
  int commas = 0, periods = 0;
  for (size_t k = 0; k < gap.size(); ++k) {
    const char c = gap[k];
    if (c == ' ' || c == '\t') continue;
    if (c == ',') {
      ++commas;
    } else if (c == '.') {
      ++periods;
    } else if (gap.substr(k, 2) == "\u00A0") {
      ++k;
    } else if (gap.substr(k, 3) == "\u202F") {
      k += 2;
    } else {
      return false;
    }
  }
  // A period only after an abbreviated word ("avr.", "Sept.").
  const bool abbrev = tokens_[i].kind == TokenKind::kWord && tokens_[i].folded.size() <= 5;
  return commas <= 1 && (periods == 0 || (periods == 1 && abbrev && commas == 0));
}

int DateRules::DayAt(size_t i, DateLang lang) const {
  const std::string_view w = W(i);
  if (w.empty()) return 0;
  std::string_view digits = w;
  if (tokens_[i].kind != TokenKind::kNumber) {
    if (lang == DateLang::kFrench) {
      if (w == "premier" || w == "1er" || w == "1re") return 1;
      return 0;
    }
    for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
      if (w.size() > 2 && w.substr(w.size() - 2) == suffix) digits = w.substr(0, w.size() - 2);
    }
  }
  if (digits.size() > 2 || !AllDigits(digits)) return 0;
  const int d = ToInt(digits);
  return d >= 1 && d <= 31 ? d : 0;
}

int DateRules::YearAt(size_t i) const {
  const std::string_view w = W(i);
  if (w.size() != 4 || tokens_[i].kind != TokenKind::kNumber || !AllDigits(w)) return 0;
  const int y = ToInt(w);
  return y >= 1000 && y <= 2999 ? y : 0;
}

int DateRules::MonthAt(size_t i, DateLang lang, bool abbrev) const {
  const std::string_view w = W(i);
  if (w.empty() || tokens_[i].kind != TokenKind::kWord) return 0;
  // English month names are capitalised; "may" or "march" in lower case are verbs.
  if (lang == DateLang::kEnglish && !tokens_[i].capitalized) return 0;
  return MonthOf(w, lang, abbrev);
}

int DateRules::WeekdayAt(size_t i, DateLang lang) const {
  const std::string_view w = W(i);
  if (w.empty() || (lang == DateLang::kEnglish && !tokens_[i].capitalized)) return 0;
  return WeekdayOf(w, lang);
}

int DateRules::CountAt(size_t i, DateLang lang, size_t* next) const {
  const std::string_view w = W(i);
  if (w.empty()) return 0;
  // "une douzaine de", "a dozen", "a couple of".
  if (const int approx = ApproxNumberOf(W(i + 1), lang);
      approx != 0 && NumberWordOf(w, lang) == 1) {
    const std::string_view of = W(i + 2);
    if (of == "de" || of == "d'" || of == "of") {
      *next = i + 3;
      return approx;
    }
    if (lang == DateLang::kEnglish && approx == 12) {
      *next = i + 2;
      return approx;
    }
  }
  if (tokens_[i].kind == TokenKind::kNumber) {
    if (w.size() > 3 || !AllDigits(w)) return 0;
    *next = i + 1;
    return ToInt(w);
  }
  int n = NumberWordOf(w, lang);
  if (n == 0) return 0;
  *next = i + 1;
  if (lang == DateLang::kFrench && n % 10 == 0 && n >= 20 && W(i + 1) == "et" &&
      (W(i + 2) == "un" || W(i + 2) == "une")) {
    ++n;
    *next = i + 3;
  }
  return n;
}

size_t DateRules::WithPartOfDay(size_t last, DateLang lang) const {
  if (!Joined(last)) return last;
  if (IsPartOfDay(W(last + 1), lang)) return last + 1;
  // "la veille au soir", "lundi au matin"
  if (lang == DateLang::kFrench && W(last + 1) == "au" && Joined(last + 1) &&
      IsPartOfDay(W(last + 2), lang)) {
    return last + 2;
  }
  return last;
}

Direction DateRules::TenseDirection(size_t first, size_t last, DateLang lang) {
  // Nearest cue within this many tokens either side; ties go to the left.
  constexpr size_t kWindow = 12;
  auto cue = [&](size_t k) {
    int8_t& c = cues_[k - begin_];
    if (c < 0) c = static_cast<int8_t>(TenseCueOf(tokens_, k, lang));
    return static_cast<Tense>(c);
  };
  for (size_t d = 1; d <= kWindow; ++d) {
    if (first >= begin_ + d) {
      if (const Tense t = cue(first - d); t != Tense::kNone) {
        return t == Tense::kFuture ? Direction::kFuture : Direction::kPast;
      }
    }
    if (last + d < end_) {
      if (const Tense t = cue(last + d); t != Tense::kNone) {
        return t == Tense::kFuture ? Direction::kFuture : Direction::kPast;
      }
    }
  }
  return Direction::kPast;  // news reports what happened
}

std::optional<DateMatch> DateRules::MatchNumeric(size_t i, bool month_first) const {
  if (i >= end_ || tokens_[i].kind != TokenKind::kNumber) return std::nullopt;
  const std::string_view w = tokens_[i].lower;
  int parts[3];
  size_t lens[3];
  char seps[2] = {0, 0};
  size_t start = 0;
  int n = 0;
  for (size_t k = 0; k <= w.size(); ++k) {
    if (k < w.size() && w[k] >= '0' && w[k] <= '9') continue;
    if (n == 3 || k == start) return std::nullopt;
    lens[n] = k - start;
    parts[n] = ToInt(w.substr(start, k - start));
    if (k < w.size()) {
      if (n == 2 || (w[k] != '/' && w[k] != '-' && w[k] != '.')) return std::nullopt;
      seps[n] = w[k];
    }
    ++n;
    start = k + 1;
  }
  if (n != 3 || seps[0] != seps[1]) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (lens[0] == 4 && seps[0] != '.') {
    y = parts[0], m = parts[1], d = parts[2];
  } else if (lens[2] == 4 || (lens[2] == 2 && seps[0] != '-')) {
    y = lens[2] == 4 ? parts[2] : 2000 + parts[2];
    if (lens[2] == 2 && parts[2] >= 50) y -= 100;
    const bool us = parts[0] <= 12 && (parts[1] > 12 || (month_first && seps[0] == '/'));
    m = us ? parts[0] : parts[1];
    d = us ? parts[1] : parts[0];
  } else {
    return std::nullopt;
  }
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return DateMatch{i, i, {y, m, d}, DateGranularity::kDay, false};
}

std::optional<DateMatch> DateRules::Match(size_t i, DateLang lang) {
  return lang == DateLang::kFrench ? French(i) : English(i);
}

std::optional<DateMatch> DateRules::DayMonth(size_t first, size_t day, DateLang lang) const {
  const int d = DayAt(day, lang);
  if (d == 0 || !Joined(day)) return std::nullopt;
  size_t month_tok = day + 1;
  if (lang == DateLang::kEnglish && W(month_tok) == "of" && Joined(month_tok)) ++month_tok;
  const int m = MonthAt(month_tok, lang, true);
  if (m == 0) return std::nullopt;
  if (const int y = Joined(month_tok) ? YearAt(month_tok + 1) : 0; y != 0) {
    if (!IsValidDate(y, m, d)) return std::nullopt;
    return DateMatch{first, month_tok + 1, {y, m, d}, DateGranularity::kDay, false};
  }
  if (!ref_) return std::nullopt;
  const auto date = ResolveDayMonth(d, m, *ref_);
  if (!date) return std::nullopt;
  return DateMatch{first, month_tok, *date, DateGranularity::kDay, true};
}

std::optional<DateMatch> DateRules::MonthDay(size_t first, size_t month) const {
  const int m = MonthAt(month, DateLang::kEnglish, true);
  if (m == 0 || !Joined(month)) return std::nullopt;
  const int d = DayAt(month + 1, DateLang::kEnglish);
  if (d == 0) return std::nullopt;
  if (const int y = Joined(month + 1) ? YearAt(month + 2) : 0; y != 0) {
    if (!IsValidDate(y, m, d)) return std::nullopt;
    return DateMatch{first, month + 2, {y, m, d}, DateGranularity::kDay, false};
  }
  if (!ref_) return std::nullopt;
  const auto date = ResolveDayMonth(d, m, *ref_);
  if (!date) return std::nullopt;
  return DateMatch{first, month + 1, *date, DateGranularity::kDay, true};
}

std::optional<DateMatch> DateRules::MonthAlone(size_t first, size_t month, DateLang lang,
                                               bool needs_context) {
  const int m = MonthAt(month, lang, false);
  if (m == 0) return std::nullopt;
  if (const int y = Joined(month) ? YearAt(month + 1) : 0; y != 0) {
    return DateMatch{first, month + 1, {y, m, 1}, DateGranularity::kMonth, false};
  }
  if (!ref_) return std::nullopt;
  const Tense marker = Joined(month) ? RelativeMarkerOf(W(month + 1), lang) : Tense::kNone;
  if (marker != Tense::kNone) {
    return DateMatch{first,
                     month + 1,
                     {ResolveMonthYear(m, *ref_, FromMarker(marker)), m, 1},
                     DateGranularity::kMonth,
                     true};
  }
  if (needs_context) return std::nullopt;
  const Direction dir = TenseDirection(first, month, lang);
  return DateMatch{
      first, month, {ResolveMonthYear(m, *ref_, dir), m, 1}, DateGranularity::kMonth, true};
}

std::optional<DateMatch> DateRules::WeekdayAlone(size_t first, size_t weekday_tok, DateLang lang,
                                                 std::optional<Direction> explicit_dir) {
  const int wd = WeekdayAt(weekday_tok, lang);
  if (wd == 0 || !ref_) return std::nullopt;
  size_t last = WithPartOfDay(weekday_tok, lang);
  if (!explicit_dir && Joined(last)) {
    if (const Tense marker = RelativeMarkerOf(W(last + 1), lang); marker != Tense::kNone) {
      explicit_dir = FromMarker(marker);
      ++last;
    }
  }
  const Direction dir = explicit_dir ? *explicit_dir : TenseDirection(first, last, lang);
  return DateMatch{first, last, ResolveWeekday(wd, *ref_, dir), DateGranularity::kDay, true};
}

std::optional<DateMatch> DateRules::Relative(size_t first, size_t last, int unit_count,
                                             TimeUnit unit) const {
  if (!ref_) return std::nullopt;
  CivilDate date = ShiftByUnit(*ref_, unit, unit_count);
  if (unit == TimeUnit::kWeek) date = WeekStart(date);
  return DateMatch{first, last, date, GranularityOf(unit), true};
}

std::optional<DateMatch> DateRules::Offset(size_t first, size_t count_tok, DateLang lang,
                                           int sign) {
  size_t unit_tok = 0;
  const int n = CountAt(count_tok, lang, &unit_tok);
  if (n == 0 || n > 999) return std::nullopt;
  const TimeUnit unit = UnitOf(W(unit_tok), lang);
  if (unit == TimeUnit::kNone) return std::nullopt;
  size_t last = unit_tok;
  if (lang == DateLang::kEnglish && sign < 0) {
    if (W(unit_tok + 1) != "ago") return std::nullopt;
    last = unit_tok + 1;
  }
  return Relative(first, last, sign * n, unit);
}

std::optional<DateMatch> DateRules::UnitMarker(size_t first, size_t unit_tok, DateLang lang) {
  const TimeUnit unit = UnitOf(W(unit_tok), lang);
  if (unit == TimeUnit::kNone || unit == TimeUnit::kDay || !Joined(unit_tok)) return std::nullopt;
  // "l'an dernier", "la semaine prochaine"; French singular forms only.
  const std::string_view u = W(unit_tok);
  if (lang == DateLang::kFrench && (u.back() == 's' && u != "mois")) return std::nullopt;
  const Tense marker = RelativeMarkerOf(W(unit_tok + 1), lang);
  if (marker == Tense::kNone) return std::nullopt;
  return Relative(first, unit_tok + 1, marker == Tense::kPast ? -1 : 1, unit);
}

}  // namespace veille::analyze
