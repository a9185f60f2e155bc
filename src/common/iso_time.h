// ISO 8601 date-times: parsing the forms inputs give, normalising to UTC.
// Pure functions; thread-safe.
#ifndef VEILLE_COMMON_ISO_TIME_H_
#define VEILLE_COMMON_ISO_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille {

// Parses an ISO 8601 / RFC 3339 date or date-time ("2019-04-25",
// "2019-04-25T08:30", "2019-04-25T08:30:00+03:00", "2019-04-25 08:30:00Z",
// fractional seconds allowed). A date-time without a zone is taken as UTC.
// Returns the normalised form: "YYYY-MM-DD" for a date alone, otherwise
// "YYYY-MM-DDTHH:MM:SSZ" in UTC. kInvalidInput for anything else, including
// impossible dates (2019-02-30).
Result<std::string> NormalizeIsoTime(std::string_view text);

// Seconds since the Unix epoch for a normalised value (a date alone is its
// midnight UTC). REQUIRES: s came from NormalizeIsoTime.
int64_t IsoToUnixSeconds(std::string_view s);

// The current time (or `unix_seconds`) as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatIsoUtc(int64_t unix_seconds);

}  // namespace veille

#endif  // VEILLE_COMMON_ISO_TIME_H_
