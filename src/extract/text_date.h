// Dates written for readers ("jeudi 25 avril 2019", "25. April 2019",
// "April 25, 2019", "25/04/2019", "2019-04-25"), found in a short text such as
// a page's dateline. Pure functions; thread-safe.
#ifndef VEILLE_EXTRACT_TEXT_DATE_H_
#define VEILLE_EXTRACT_TEXT_DATE_H_

#include <string>
#include <string_view>

namespace veille::extract {

// The first complete calendar date (day, month and year 1990-2099) in
// `utf8`, as "YYYY-MM-DD"; "" when there is none. Month names in English,
// French, German, Spanish, Italian, Portuguese and Dutch, full or abbreviated;
// numeric dates are read day first (25/04/2019, 25.04.2019) unless only the
// month-first reading is valid (04/25/2019).
std::string FindDateInText(std::string_view utf8);

// FindDateInText, also reading the short numeric form of datelines
// "DD.MM.YY" ("28.01.22" -> "2022-01-28"; two digits each, dots only, the
// year taken as 20YY, not inside
// a dotted run such as a version "1.28.01.22"). Only for a short text that
// stands as a date (a dateline, a date under a headline): elsewhere such a
// number is too often something else.
std::string FindDateInDateline(std::string_view utf8);

// `raw` (an ISO 8601 date or date-time) validated by NormalizeIsoTime and
// kept in the page's own calendar: a date-time with a numeric offset comes
// back in that offset ("2019-10-19T00:04+02:00" -> "2019-10-19T00:04:00+02:00",
// not the UTC "2019-10-18T22:04:00Z"), since a publication date is the local
// calendar day; "Z", no zone, or a date alone give NormalizeIsoTime's form.
// "" when `raw` is not a valid time.
std::string LocalIsoTime(std::string_view raw);

// The numeric UTC offset ending a date-time as written ("+02:00", "-0500",
// "+01", "Sat, 19 Oct 2019 00:04:00 +0200"), in minutes; false when there is
// none (no time, "Z", or no zone).
bool TrailingOffset(std::string_view s, int* minutes);

// The date "YYYY-MM-DD" in a URL path ("/2019/04/25/slug"), or "".
std::string DateFromUrlPath(std::string_view url);

// The publication time `local` (LocalIsoTime of `raw`) moved to the calendar
// day its readers saw, when `raw` is written in UTC ("Z", "+00:00", "GMT") or
// without a zone, as content systems store times, rather than in the page's
// own offset. In order:
// 1. `visible` ("YYYY-MM-DD", a date written for readers in the page's
//    dateline), when it is the day after or before and a real UTC offset
//    (-12 h to +14 h) explains the difference, is the day;
// 2. else, for a UTC `raw` and a page that writes another of its times with
//    a non-zero offset (`page_offset`, minutes; `has_page_offset`), the time
//    in that offset;
// Returns `local` unchanged otherwise (without evidence of the readers'
// zone, even a value on the hour late in the UTC day, which may be a local
// midnight east of Greenwich or an afternoon in the Americas), and always
// for a `raw` with its own non-zero offset or a date alone.
std::string ReadersDay(const std::string& local, std::string_view raw, bool has_page_offset,
                       int page_offset, std::string_view visible);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_TEXT_DATE_H_
