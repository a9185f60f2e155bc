// Date expressions in French and English text, resolved to calendar dates.
// See dates.cc for the method. Thread-safe (pure functions).
#ifndef VEILLE_ANALYZE_DATES_H_
#define VEILLE_ANALYZE_DATES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "analyze/civil_date.h"
#include "analyze/sentence_splitter.h"
#include "analyze/tokenizer.h"
#include "veille/analyze.h"

namespace veille::analyze {

// Finds the date expressions of `text` and resolves them. `tokens` and
// `sentences` must come from Tokenize(text, lang) and SplitSentences(text,
// lang). French rules apply for lang "fr", English for "en", both when lang
// is empty; for other languages only numeric dates ("25/04/2019",
// "2019-04-25") are found. Relative expressions ("hier", "jeudi", "il y a
// huit ans", "last week") are resolved against `reference` and dropped when
// it is absent. Mentions come in text order and do not overlap.
std::vector<DateMention> FindDates(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<SentenceSpan>& sentences,
                                   std::string_view lang,
                                   const std::optional<CivilDate>& reference);

// Convenience: tokenizes and splits `text` first.
std::vector<DateMention> FindDates(std::string_view text, std::string_view lang,
                                   const std::optional<CivilDate>& reference);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_DATES_H_
