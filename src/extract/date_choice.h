// The publication date of an HTML page, chosen among the candidates the
// metadata walk collected (machine-readable dates in <meta>, JSON-LD,
// itemprop and <time>; dates in the URL; dates written for readers in
// datelines, under the headline, alone in an element, in the title).
// Pure function; thread-safe.
#ifndef VEILLE_EXTRACT_DATE_CHOICE_H_
#define VEILLE_EXTRACT_DATE_CHOICE_H_

#include <string>
#include <string_view>

#include "extract/json_ld.h"
#include "extract/metadata.h"

namespace veille::extract {

// The publication time, normalised (LocalIsoTime), or "" when the page has
// no valid candidate. In order:
// 1. the date the page shows its readers, when the page's machine-readable
//    dates confirm it: the first visible date (under the headline, in a
//    kept <time>, in a dateline, alone in kept content, in the title) whose
//    day is that of a declared publication, modification or URL date gives
//    that declared time (readers and annotators call an article updated in
//    place by the date it shows);
// 2. else the first valid candidate in a fixed order of trust (declared
//    publication dates, kept <time>, URL path dates, the headline's date,
//    other <time>, datelines, generic "date" tags, lone and title dates),
//    moved to the readers' day by ReadersDay;
// 3. else a declared modification date (a wiki page dates itself so).
// `canonical_url` and `page_url` may be empty.
std::string ChoosePublished(const MetadataInputs& in, const JsonLdFacts& json,
                            std::string_view canonical_url, std::string_view page_url);

// A date written in a segment of a title ("08.11.2021 | Online-Fachtag",
// "Gobierno acusa ... - 11/05/2022 - EL PAÍS"): the segment between
// separators that is a date and nothing else; "" when there is none.
std::string DateInTitle(std::string_view title);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_DATE_CHOICE_H_
