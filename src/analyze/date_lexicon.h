// The words date expressions are made of, in French and English: month and
// weekday names, numbers written in letters, time units, parts of the day,
// and the tense cues that decide whether a bare weekday or month points to
// the past or to the future. All lookups take accent-folded, case-folded
// forms (Token::folded). Thread-safe (immutable tables).
#ifndef VEILLE_ANALYZE_DATE_LEXICON_H_
#define VEILLE_ANALYZE_DATE_LEXICON_H_

#include <string_view>

#include "analyze/tokenizer.h"

namespace veille::analyze {

enum class DateLang : uint8_t { kFrench, kEnglish };
enum class TimeUnit : uint8_t { kNone, kDay, kWeek, kMonth, kYear };
enum class Tense : uint8_t { kNone, kPast, kFuture };

// 1..12, or 0. Abbreviations ("avr", "Sept", "Dec") only when `abbrev`.
int MonthOf(std::string_view folded, DateLang lang, bool abbrev);
// 1 = Monday .. 7 = Sunday, or 0.
int WeekdayOf(std::string_view folded, DateLang lang);
// A number written in letters, 1..99 ("huit", "vingt-cinq", "twenty-one",
// "une", "a"), a dozen (12); 0 when not one.
int NumberWordOf(std::string_view folded, DateLang lang);
// An approximate count noun ("dizaine" 10, "douzaine" 12, "quinzaine" 15,
// "vingtaine" 20, "trentaine" 30, "dozen" 12); 0 when not one.
int ApproxNumberOf(std::string_view folded, DateLang lang);
// "jours"/"days" -> kDay, ... kNone when not a unit.
TimeUnit UnitOf(std::string_view folded, DateLang lang);
// "matin", "soir", "apres-midi", "nuit", "morning", "evening", ...
bool IsPartOfDay(std::string_view folded, DateLang lang);
// Words after which a four-digit number is a year ("en", "depuis", "since",
// "in", "fin", "début", "année", ...).
bool IsYearContext(std::string_view folded, DateLang lang);
// "dernier", "derniere", "passe", "passee", "last", "past" (past) and
// "prochain", "prochaine", "next", "coming" (future); kNone otherwise.
Tense RelativeMarkerOf(std::string_view folded, DateLang lang);

// Whether `tokens[i]` marks the verb tense of its clause: future and
// conditional forms, "doit", "prévu", "will", "going to" ... -> kFuture;
// auxiliaries, past participles, present participles, imperfects, "-ed" ->
// kPast; kNone for other words.
Tense TenseCueOf(const std::vector<Token>& tokens, size_t i, DateLang lang);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_DATE_LEXICON_H_
