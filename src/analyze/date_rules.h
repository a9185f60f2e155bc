// The patterns that recognise date expressions among the tokens of one
// sentence, and their resolution (see dates.cc for the overview). A DateRules
// is built per sentence and used by one thread.
#ifndef VEILLE_ANALYZE_DATE_RULES_H_
#define VEILLE_ANALYZE_DATE_RULES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "analyze/civil_date.h"
#include "analyze/date_lexicon.h"
#include "analyze/date_resolve.h"
#include "analyze/tokenizer.h"
#include "veille/analyze.h"

namespace veille::analyze {

// A recognised expression: tokens [first, last] and its resolved value.
struct DateMatch {
  size_t first = 0;
  size_t last = 0;
  CivilDate date;
  DateGranularity granularity = DateGranularity::kDay;
  bool relative = false;
};

class DateRules {
 public:
  // Tokens [begin, end) of `tokens` form the sentence. `reference` may be
  // absent: then only absolute expressions match.
  DateRules(std::string_view text, const std::vector<Token>& tokens, size_t begin, size_t end,
            const std::optional<CivilDate>& reference);

  // A numeric date token at i ("25/04/2019", "2019-04-25", "25.04.2019").
  // `month_first` reads "04/25/2019" US-style when both orders are possible.
  std::optional<DateMatch> MatchNumeric(size_t i, bool month_first) const;
  // The longest French or English expression starting at token i.
  std::optional<DateMatch> Match(size_t i, DateLang lang);

 private:
  std::optional<DateMatch> French(size_t i);
  std::optional<DateMatch> English(size_t i);
  // Day-month-year from token `day` on (the span starts at `first`).
  std::optional<DateMatch> DayMonth(size_t first, size_t day, DateLang lang) const;
  // Month-day-year (English) from token `month` on.
  std::optional<DateMatch> MonthDay(size_t first, size_t month) const;
  // A month without a day at `month` (the span starts at `first`), optionally
  // followed by a year or a "dernier"/"last" marker.
  std::optional<DateMatch> MonthAlone(size_t first, size_t month, DateLang lang,
                                      bool needs_context);
  std::optional<DateMatch> WeekdayAlone(size_t first, size_t weekday_tok, DateLang lang,
                                        std::optional<Direction> explicit_dir);
  // "il y a N unités" / "N units ago" / "dans N unités": the count at
  // `count_tok`, `sign` -1 or +1.
  std::optional<DateMatch> Offset(size_t first, size_t count_tok, DateLang lang, int sign);
  std::optional<DateMatch> UnitMarker(size_t first, size_t unit_tok, DateLang lang);
  std::optional<DateMatch> Relative(size_t first, size_t last, int unit_count, TimeUnit unit) const;

  std::string_view W(size_t i) const;
  bool Joined(
      size_t i) const;  // only spaces, a comma or an abbreviation's period between i and i+1
  int DayAt(size_t i, DateLang lang) const;
  int YearAt(size_t i) const;
  int MonthAt(size_t i, DateLang lang, bool abbrev) const;
  int WeekdayAt(size_t i, DateLang lang) const;
  int CountAt(size_t i, DateLang lang, size_t* next) const;
  // Past or future from the tense cues nearest to tokens [first, last].
  Direction TenseDirection(size_t first, size_t last, DateLang lang);
  // Extends `last` over a following part of the day ("jeudi matin").
  size_t WithPartOfDay(size_t last, DateLang lang) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  size_t begin_;
  size_t end_;
  std::optional<CivilDate> ref_;
  std::vector<int8_t> cues_;  // per token: -1 unknown, else a Tense
};

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_DATE_RULES_H_
