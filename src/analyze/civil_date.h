// Proleptic Gregorian calendar arithmetic on plain (year, month, day) values:
// day counts, weekdays, month and year offsets, ISO weeks. Pure; thread-safe.
#ifndef VEILLE_ANALYZE_CIVIL_DATE_H_
#define VEILLE_ANALYZE_CIVIL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace veille::analyze {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  bool operator==(const CivilDate&) const = default;
};

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(int64_t days);
// 1 = Monday .. 7 = Sunday (ISO).
int Weekday(const CivilDate& d);
int DaysInMonth(int year, int month);
// True when (year, month, day) names a real date.
bool IsValidDate(int year, int month, int day);

CivilDate AddDays(const CivilDate& d, int64_t days);
// Month arithmetic; the day is clamped to the target month's length.
CivilDate AddMonths(const CivilDate& d, int months);
// The Monday of d's ISO week.
CivilDate WeekStart(const CivilDate& d);
// ISO 8601 week-numbering year and week (1..53) of d.
void IsoWeek(const CivilDate& d, int* iso_year, int* week);

// Parses the date part of an ISO 8601 value ("2019-04-24", "2019-04-24T06:00:00Z").
std::optional<CivilDate> ParseIsoDate(std::string_view s);
// "YYYY-MM-DD".
std::string FormatIsoDate(const CivilDate& d);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_CIVIL_DATE_H_
