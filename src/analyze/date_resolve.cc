#include "analyze/date_resolve.h"

#include <cstdlib>

namespace veille::analyze {

int ResolveMonthYear(int month, const CivilDate& ref, Direction dir) {
  switch (dir) {
    case Direction::kPast:
      return month <= ref.month ? ref.year : ref.year - 1;
    case Direction::kFuture:
      return month >= ref.month ? ref.year : ref.year + 1;
    case Direction::kStrictPast:
      return month < ref.month ? ref.year : ref.year - 1;
    case Direction::kStrictFuture:
      return month > ref.month ? ref.year : ref.year + 1;
    case Direction::kNearest:
      break;
  }
  const int diff = month - ref.month;  // -11..11
  if (diff > 6) return ref.year - 1;
  if (diff < -6) return ref.year + 1;
  return ref.year;
}

std::optional<CivilDate> ResolveDayMonth(int day, int month, const CivilDate& ref) {
  std::optional<CivilDate> best;
  int64_t best_distance = 0;
  const int64_t r = DaysFromCivil(ref);
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    if (!IsValidDate(y, month, day)) continue;
    const CivilDate c{y, month, day};
    const int64_t distance = std::llabs(DaysFromCivil(c) - r);
    if (!best || distance < best_distance) {
      best = c;
      best_distance = distance;
    }
  }
  return best;
}

CivilDate ResolveWeekday(int weekday, const CivilDate& ref, Direction dir) {
  const int w = Weekday(ref);
  const int forward = (weekday - w + 7) % 7;  // 0..6 days ahead
  const int backward = (w - weekday + 7) % 7;
  switch (dir) {
    case Direction::kPast:
      return AddDays(ref, -backward);
    case Direction::kFuture:
      return AddDays(ref, forward);
    case Direction::kStrictPast:
      return AddDays(ref, backward == 0 ? -7 : -backward);
    case Direction::kStrictFuture:
      return AddDays(ref, forward == 0 ? 7 : forward);
    case Direction::kNearest:
      break;
  }
  return AddDays(ref, forward <= backward ? forward : -backward);
}

std::optional<CivilDate> ResolveWeekdayDay(int weekday, int day, const CivilDate& ref) {
  std::optional<CivilDate> best;
  int64_t best_distance = 0;
  const int64_t r = DaysFromCivil(ref);
  for (int k = -2; k <= 2; ++k) {
    const CivilDate m = AddMonths({ref.year, ref.month, 1}, k);
    if (!IsValidDate(m.year, m.month, day)) continue;
    const CivilDate c{m.year, m.month, day};
    if (Weekday(c) != weekday) continue;
    const int64_t distance = std::llabs(DaysFromCivil(c) - r);
    if (!best || distance < best_distance) {
      best = c;
      best_distance = distance;
    }
  }
  return best;
}

CivilDate ShiftByUnit(const CivilDate& ref, TimeUnit unit, int count) {
  switch (unit) {
    case TimeUnit::kDay:
      return AddDays(ref, count);
    case TimeUnit::kWeek:
      return AddDays(ref, 7 * static_cast<int64_t>(count));
    case TimeUnit::kMonth:
      return AddMonths(ref, count);
    case TimeUnit::kYear:
      return AddMonths(ref, 12 * count);
    case TimeUnit::kNone:
      break;
  }
  return ref;
}

}  // namespace veille::analyze
