// The French and English pattern lists of DateRules, tried in order at each
// token (longest expressions first).
#include "analyze/date_rules.h"

namespace veille::analyze {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::optional<DateMatch> DateRules::French(size_t i) {
  constexpr DateLang fr = DateLang::kFrench;
  const std::string_view w = W(i);
  // [jeudi] 25 avril [2019] | jeudi 25 | jeudi [matin] [prochain]
  if (WeekdayAt(i, fr) != 0) {
    if (Joined(i)) {
      if (auto m = DayMonth(i, i + 1, fr)) return m;
      if (const int d = DayAt(i + 1, fr); d != 0 && ref_) {
        if (auto date = ResolveWeekdayDay(WeekdayAt(i, fr), d, *ref_)) {
          return DateMatch{i, i + 1, *date, DateGranularity::kDay, true};
        }
      }
    }
    return WeekdayAlone(i, i, fr, std::nullopt);
  }
  if (auto m = DayMonth(i, i, fr)) return m;
  // avril 2019 | février dernier | en février | depuis mai | au mois de mai
  if (MonthAt(i, fr, false) != 0) {
    const std::string_view prev = W(i - 1);
    const bool context = prev == "en" || prev == "depuis" || prev == "des" || prev == "jusqu'" ||
                         ((prev == "de" || prev == "d'") && W(i - 2) == "mois");
    return MonthAlone(i, i, fr, !context);
  }
  // fin avril | début 2019 | mi-mai | courant mars
  if (w == "fin" || w == "debut" || w == "courant" || w == "mi") {
    size_t k = i + 1;
    if (!Joined(i)) return std::nullopt;
    if ((W(k) == "de" || W(k) == "d'") && Joined(k)) ++k;
    if (const int y = YearAt(k); y != 0)
      return DateMatch{i, k, {y, 1, 1}, DateGranularity::kYear, false};
    if (auto m = MonthAlone(i, k, fr, false)) return m;
    return std::nullopt;
  }
  if (StartsWith(w, "mi-")) {
    const std::string_view rest = w.substr(3);
    if (const int m = MonthOf(rest, fr, false); m != 0 && ref_) {
      if (const int y = Joined(i) ? YearAt(i + 1) : 0; y != 0) {
        return DateMatch{i, i + 1, {y, m, 1}, DateGranularity::kMonth, false};
      }
      const Direction dir = TenseDirection(i, i, fr);
      return DateMatch{
          i, i, {ResolveMonthYear(m, *ref_, dir), m, 1}, DateGranularity::kMonth, true};
    }
  }
  // en 2018 | depuis 2018
  if (const int y = YearAt(i); y != 0 && i > begin_ && IsYearContext(W(i - 1), fr)) {
    return DateMatch{i, i, {y, 1, 1}, DateGranularity::kYear, false};
  }
  // hier | aujourd'hui | demain [soir]
  static constexpr std::pair<std::string_view, int> kDays[] = {
      {"hier", -1}, {"aujourd'hui", 0}, {"demain", 1}, {"avant-hier", -2}, {"apres-demain", 2}};
  for (const auto& [word, offset] : kDays) {
    if (w == word) return Relative(i, WithPartOfDay(i, fr), offset, TimeUnit::kDay);
  }
  // ce matin | cette semaine | ce mois-ci | cette année | ce jeudi
  if ((w == "ce" || w == "cet" || w == "cette") && Joined(i)) {
    const std::string_view next = W(i + 1);
    if (IsPartOfDay(next, fr)) return Relative(i, i + 1, 0, TimeUnit::kDay);
    if (next == "semaine") return Relative(i, i + 1, 0, TimeUnit::kWeek);
    if (next == "mois" || next == "mois-ci") return Relative(i, i + 1, 0, TimeUnit::kMonth);
    if (next == "annee") return Relative(i, i + 1, 0, TimeUnit::kYear);
    if (WeekdayAt(i + 1, fr) != 0) return WeekdayAlone(i, i + 1, fr, std::nullopt);
    return std::nullopt;
  }
  // la veille | le lendemain (not "la veille du sommet")
  if ((w == "la" || w == "le") && (W(i + 1) == "veille" || W(i + 1) == "lendemain") && Joined(i)) {
    const std::string_view after = W(i + 2);
    if (after == "de" || after == "du" || after == "des" || after == "d'") return std::nullopt;
    return Relative(i, WithPartOfDay(i + 1, fr), W(i + 1) == "veille" ? -1 : 1, TimeUnit::kDay);
  }
  // la semaine dernière | l'an dernier | l'année prochaine | le mois passé
  if ((w == "la" || w == "le" || w == "l'") && Joined(i)) {
    if (auto m = UnitMarker(i, i + 1, fr)) return m;
  }
  // il y a huit ans
  if (w == "il" && W(i + 1) == "y" && W(i + 2) == "a") return Offset(i, i + 3, fr, -1);
  // dans trois jours | d'ici deux ans
  if (w == "dans") return Offset(i, i + 1, fr, 1);
  if (w == "d'" && W(i + 1) == "ici") return Offset(i, i + 2, fr, 1);
  return std::nullopt;
}

std::optional<DateMatch> DateRules::English(size_t i) {
  constexpr DateLang en = DateLang::kEnglish;
  const std::string_view w = W(i);
  // Thursday, April 25, 2019 | Thursday 25 April | Thursday [morning]
  if (WeekdayAt(i, en) != 0) {
    if (Joined(i)) {
      if (auto m = MonthDay(i, i + 1)) return m;
      if (auto m = DayMonth(i, i + 1, en)) return m;
      if (W(i + 1) == "the" && Joined(i + 1)) {
        if (auto m = DayMonth(i, i + 2, en)) return m;
      }
    }
    return WeekdayAlone(i, i, en, std::nullopt);
  }
  if (auto m = MonthDay(i, i)) return m;
  if (auto m = DayMonth(i, i, en)) return m;
  if (w == "the" && Joined(i)) {
    if (auto m = DayMonth(i, i + 1, en)) return m;
  }
  // April 2019 | in February | since May
  if (MonthAt(i, en, false) != 0) {
    const std::string_view prev = W(i - 1);
    const bool context = prev == "in" || prev == "since" || prev == "until" || prev == "by" ||
                         prev == "during" || prev == "early" || prev == "late" || prev == "mid" ||
                         prev == "of" || prev == "from";
    return MonthAlone(i, i, en, !context);
  }
  if (StartsWith(w, "mid-")) {
    if (const int m = MonthOf(w.substr(4), en, false); m != 0 && ref_) {
      if (const int y = Joined(i) ? YearAt(i + 1) : 0; y != 0) {
        return DateMatch{i, i + 1, {y, m, 1}, DateGranularity::kMonth, false};
      }
      const Direction dir = TenseDirection(i, i, en);
      return DateMatch{
          i, i, {ResolveMonthYear(m, *ref_, dir), m, 1}, DateGranularity::kMonth, true};
    }
  }
  // end of April | beginning of 2019
  if ((w == "end" || w == "beginning" || w == "start") && W(i + 1) == "of" && Joined(i) &&
      Joined(i + 1)) {
    if (const int y = YearAt(i + 2); y != 0) {
      return DateMatch{i, i + 2, {y, 1, 1}, DateGranularity::kYear, false};
    }
    if (auto m = MonthAlone(i, i + 2, en, false)) return m;
    return std::nullopt;
  }
  // in 2018 | since 2018
  if (const int y = YearAt(i); y != 0 && i > begin_ && IsYearContext(W(i - 1), en)) {
    return DateMatch{i, i, {y, 1, 1}, DateGranularity::kYear, false};
  }
  // yesterday | today | tomorrow [morning] | tonight | last night
  static constexpr std::pair<std::string_view, int> kDays[] = {
      {"yesterday", -1}, {"today", 0}, {"tomorrow", 1}, {"tonight", 0}};
  for (const auto& [word, offset] : kDays) {
    if (w == word) return Relative(i, WithPartOfDay(i, en), offset, TimeUnit::kDay);
  }
  // this morning | this week | last year | next Monday | last April
  if ((w == "this" || w == "last" || w == "next" || w == "past") && Joined(i)) {
    const std::string_view next = W(i + 1);
    const int sign = w == "this" ? 0 : (w == "next" ? 1 : -1);
    if (w == "last" && next == "night") return Relative(i, i + 1, -1, TimeUnit::kDay);
    if (w == "this" && IsPartOfDay(next, en)) return Relative(i, i + 1, 0, TimeUnit::kDay);
    if (const TimeUnit u = UnitOf(next, en);
        u != TimeUnit::kNone && u != TimeUnit::kDay && next.back() != 's') {
      return Relative(i, i + 1, sign, u);
    }
    if (WeekdayAt(i + 1, en) != 0) {
      std::optional<Direction> dir;
      if (sign != 0) dir = sign > 0 ? Direction::kStrictFuture : Direction::kStrictPast;
      return WeekdayAlone(i, i + 1, en, dir);
    }
    if (const int m = MonthAt(i + 1, en, false); m != 0 && sign != 0 && ref_) {
      const Direction dir = sign > 0 ? Direction::kStrictFuture : Direction::kStrictPast;
      return DateMatch{
          i, i + 1, {ResolveMonthYear(m, *ref_, dir), m, 1}, DateGranularity::kMonth, true};
    }
    return std::nullopt;
  }
  // in three days
  if (w == "in") {
    if (auto m = Offset(i, i + 1, en, 1)) return m;
    return std::nullopt;
  }
  // two years ago
  return Offset(i, i, en, -1);
}

}  // namespace veille::analyze
