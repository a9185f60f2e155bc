// Resolution of partial dates against a reference date: a month without a
// year, a day and month without a year, a weekday, a count of units before or
// after. Pure functions; thread-safe.
#ifndef VEILLE_ANALYZE_DATE_RESOLVE_H_
#define VEILLE_ANALYZE_DATE_RESOLVE_H_

#include <optional>

#include "analyze/civil_date.h"
#include "analyze/date_lexicon.h"

namespace veille::analyze {

// Which occurrence of a recurring month or weekday is meant.
enum class Direction : uint8_t {
  kNearest,       // the closest one, either side (the reference itself included)
  kPast,          // the reference's own, or the latest before it
  kFuture,        // the reference's own, or the first after it
  kStrictPast,    // "dernier", "last": strictly before the reference's
  kStrictFuture,  // "prochain", "next": strictly after the reference's
};

// The year in which `month` falls, seen from `ref` in `dir`.
int ResolveMonthYear(int month, const CivilDate& ref, Direction dir);
// The date of `day` `month` (no year given) closest to `ref`; nullopt when
// that day does not exist in any candidate year (31 April).
std::optional<CivilDate> ResolveDayMonth(int day, int month, const CivilDate& ref);
// The date of `weekday` (1 = Monday) seen from `ref` in `dir`.
CivilDate ResolveWeekday(int weekday, const CivilDate& ref, Direction dir);
// The date with day-of-month `day` falling on `weekday` nearest to `ref`
// (within two months either side); nullopt when none ("jeudi 25").
std::optional<CivilDate> ResolveWeekdayDay(int weekday, int day, const CivilDate& ref);
// `ref` moved by `count` units (negative: back).
CivilDate ShiftByUnit(const CivilDate& ref, TimeUnit unit, int count);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_DATE_RESOLVE_H_
