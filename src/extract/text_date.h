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

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_TEXT_DATE_H_
