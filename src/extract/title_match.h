// How titles are compared (internal to title.cc): on a key of letters and
// digits, with a typo's tolerance, and by the parts between separators.
// Pure functions; thread-safe.
#ifndef VEILLE_EXTRACT_TITLE_MATCH_H_
#define VEILLE_EXTRACT_TITLE_MATCH_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace veille::extract::internal {

// Separators between a title and its site name or section.
inline constexpr std::array<std::string_view, 8> kSeparators = {" - ", " | ",  " – ", " — ",
                                                                " · ", " :: ", " » ", " / "};

// `s` reduced to lower-cased ASCII letters, digits and non-ASCII letters,
// typographic punctuation dropped: "„finished“" and "\"finished\"" match.
std::string MatchKey(std::string_view s);

// Whether two match keys of 20 to 400 bytes differ by at most two byte edits.
bool NearlyEqual(std::string_view a, std::string_view b);

// Whether `part` of a title names the site (`site` name or `host`, with or
// without its top-level domain).
bool NamesSite(std::string_view part, std::string_view site, std::string_view host);

// How well headline `h` agrees with declared title `other`: 3 equal (or a
// typo apart), 2 one containing the other at least half as long, 1 weakly
// (the part before a separator; or, when `loose`, merely contained), else 0.
int Agreement(std::string_view h, std::string_view other, bool loose);

// Whether `s` ends with a closing quotation mark (ASCII or typographic).
bool EndsWithQuote(std::string_view s);

// The parts of a declared title between its separators ("Site - Section »
// Story" -> "Site", "Section", "Story"); views into `title`.
std::vector<std::string_view> TitleParts(std::string_view title);

// The title as readers see it: without soft hyphens (U+00AD, invisible
// unless a line breaks) and without a leading date segment ("23.01.2022 -
// Wierer jubelt" -> "Wierer jubelt").
std::string CleanTitle(std::string title);

}  // namespace veille::extract::internal

#endif  // VEILLE_EXTRACT_TITLE_MATCH_H_
