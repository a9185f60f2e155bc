// Date expressions: finding them and resolving them.
//
// News text dates events mostly relative to the day it is published: "hier",
// "jeudi", "la semaine dernière", "il y a huit ans", "last year". Each such
// expression only means something against a reference date (the article's
// publication date, else the day it was ingested), and a bare weekday or
// month is ambiguous even then: "jeudi" in a text of Wednesday 24 April 2019
// is the 18th or the 25th. We resolve it the way a reader does, from the verb
// tense of the clause: "se rencontreront jeudi" (future) is the 25th, while
// "confirmant une annonce du Kremlin jeudi" (participle) in a text of Tuesday
// 23 April is the 18th. News mostly reports what happened, so present tense,
// participles and clauses without a cue read as past; the future and the
// conditional, and words that announce ("prochain", "prévu", "doit", "will",
// "scheduled") read as coming. Explicit markers ("jeudi prochain", "last
// Monday", "février dernier") override the tense.
//
// Method: tokens (tokenizer.h, accent-folded forms) are matched against a
// small set of patterns, longest first, within one sentence at a time, in
// the article's language (French and English; both when unknown):
//   absolute   [weekday] day month [year], month day[,] [year], month year,
//              25/04/2019, 2019-04-25, a year after a year word ("en 2018",
//              "depuis 2018", "in 2018");
//   relative   hier, aujourd'hui, demain, la veille, le lendemain, ce matin,
//              la semaine dernière, l'an dernier, l'année prochaine, il y a N
//              unités, dans N unités, N units ago, yesterday, last week, ...;
//   tense-bound   weekdays and months without a year ("jeudi", "en février",
//              "fin avril", "in February").
// Each mention carries a granularity: day, ISO week ("la semaine
// dernière"), month ("fin avril", "il y a deux mois") or year ("l'an
// dernier", "il y a huit ans"). A day and month without a year take the year
// nearest the reference. "la veille"/"le lendemain" followed by "de" refer to
// another event and are left out, as are durations without an anchor ("deux
// jours plus tard").
#include "analyze/dates.h"

#include <algorithm>
#include <cstdlib>

#include "analyze/date_lexicon.h"
#include "analyze/date_resolve.h"
#include "analyze/date_rules.h"

namespace veille::analyze {
namespace {

// Maps each token to the index of the sentence holding its first byte.
std::vector<uint32_t> SentenceOfTokens(const std::vector<Token>& tokens,
                                       const std::vector<SentenceSpan>& sentences) {
  std::vector<uint32_t> out(tokens.size(), 0);
  size_t s = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    while (s + 1 < sentences.size() && sentences[s].end <= tokens[i].begin) ++s;
    out[i] = static_cast<uint32_t>(s);
  }
  return out;
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<SentenceSpan>& sentences,
                                   std::string_view lang,
                                   const std::optional<CivilDate>& reference) {
  std::vector<DateMention> out;
  if (tokens.empty()) return out;
  std::vector<DateLang> langs;
  if (lang == "fr" || lang.empty()) langs.push_back(DateLang::kFrench);
  if (lang == "en" || lang.empty()) langs.push_back(DateLang::kEnglish);
  const std::vector<uint32_t> sentence_of = SentenceOfTokens(tokens, sentences);
  size_t start = 0;
  while (start < tokens.size()) {
    size_t end = start + 1;
    while (end < tokens.size() && sentence_of[end] == sentence_of[start]) ++end;
    DateRules rules(text, tokens, start, end, reference);
    for (size_t i = start; i < end;) {
      std::optional<DateMatch> m = rules.MatchNumeric(i, lang == "en");
      for (size_t k = 0; !m && k < langs.size(); ++k) m = rules.Match(i, langs[k]);
      if (!m) {
        ++i;
        continue;
      }
      DateMention d;
      d.begin = tokens[m->first].begin;
      d.end = tokens[m->last].end;
      d.year = m->date.year;
      d.month = m->granularity == DateGranularity::kYear ? 0 : m->date.month;
      d.day = m->granularity == DateGranularity::kDay || m->granularity == DateGranularity::kWeek
                  ? m->date.day
                  : 0;
      d.granularity = m->granularity;
      d.relative = m->relative;
      d.sentence = sentence_of[start];
      if (d.sentence < sentences.size()) {
        d.sentence_begin = sentences[d.sentence].begin;
        d.sentence_end = sentences[d.sentence].end;
      }
      // A match may extend backwards over an article ("la semaine"); never
      // over a previous mention.
      if (!out.empty() && out.back().end > d.begin) d.begin = out.back().end;
      out.push_back(d);
      i = m->last + 1;
    }
    start = end;
  }
  return out;
}

std::vector<DateMention> FindDates(std::string_view text, std::string_view lang,
                                   const std::optional<CivilDate>& reference) {
  const std::vector<Token> tokens = Tokenize(text, lang);
  const std::vector<SentenceSpan> sentences = SplitSentences(text, lang);
  return FindDates(text, tokens, sentences, lang, reference);
}

}  // namespace veille::analyze

namespace veille {

const char* DateGranularityName(DateGranularity g) {
  switch (g) {
    case DateGranularity::kDay:
      return "day";
    case DateGranularity::kWeek:
      return "week";
    case DateGranularity::kMonth:
      return "month";
    case DateGranularity::kYear:
      return "year";
  }
  return "day";
}

std::string DateMention::Iso() const {
  char buf[32];
  switch (granularity) {
    case DateGranularity::kDay:
      std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
      break;
    case DateGranularity::kWeek: {
      int iso_year = 0, week = 0;
      analyze::IsoWeek({year, month, day}, &iso_year, &week);
      std::snprintf(buf, sizeof(buf), "%04d-W%02d", iso_year, week);
      break;
    }
    case DateGranularity::kMonth:
      std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
      break;
    case DateGranularity::kYear:
      std::snprintf(buf, sizeof(buf), "%04d", year);
      break;
  }
  return buf;
}

}  // namespace veille
