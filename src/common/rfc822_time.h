// RFC 822 / RFC 2822 (and RFC 1123, RFC 850-ish) date-times, as RSS <pubDate>
// and HTTP headers give them: "Thu, 25 Apr 2019 10:30:00 +0300".
// Pure functions; thread-safe.
#ifndef VEILLE_COMMON_RFC822_TIME_H_
#define VEILLE_COMMON_RFC822_TIME_H_

#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille {

// Parses an RFC 822/2822 date-time, leniently as feeds write them:
//   [Day[,]] DD Mon[th] YY[YY] HH:MM[:SS] [ZONE]
// Day and month names are English, case-insensitive, abbreviated or in full;
// a two-digit year is 19YY from 50 up, 20YY below (RFC 2822 section 4.3);
// ZONE is +HHMM/-HHMM (also +HH:MM), UT, UTC, GMT, Z, the US zones EST EDT
// CST CDT MST MDT PST PDT, or a military letter (taken as UTC, as RFC 2822
// advises); no zone means UTC. The day name is not checked against the date.
// A value that is ISO 8601 instead (feeds mix them up) is accepted too.
// Returns the time normalised by NormalizeIsoTime ("YYYY-MM-DDTHH:MM:SSZ"),
// or kInvalidInput naming the problem (unknown month, impossible date,
// trailing text...).
Result<std::string> NormalizeRfc822Time(std::string_view text);

}  // namespace veille

#endif  // VEILLE_COMMON_RFC822_TIME_H_
