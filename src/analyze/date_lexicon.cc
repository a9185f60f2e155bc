#include "analyze/date_lexicon.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace veille::analyze {
namespace {

using WordMap = std::unordered_map<std::string_view, int>;
using WordSet = std::unordered_set<std::string_view>;

const WordMap& FrenchMonths() {
  static const WordMap m = {{"janvier", 1},   {"fevrier", 2},  {"mars", 3},      {"avril", 4},
                            {"mai", 5},       {"juin", 6},     {"juillet", 7},   {"aout", 8},
                            {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"decembre", 12}};
  return m;
}
const WordMap& FrenchMonthAbbrevs() {
  static const WordMap m = {{"janv", 1}, {"fev", 2},  {"fevr", 2}, {"avr", 4}, {"juil", 7},
                            {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  return m;
}
const WordMap& EnglishMonths() {
  static const WordMap m = {{"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
                            {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
                            {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}};
  return m;
}
const WordMap& EnglishMonthAbbrevs() {
  static const WordMap m = {{"jan", 1},  {"feb", 2},  {"mar", 3},  {"apr", 4},
                            {"jun", 6},  {"jul", 7},  {"aug", 8},  {"sep", 9},
                            {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  return m;
}

int Lookup(const WordMap& m, std::string_view w) {
  const auto it = m.find(w);
  return it == m.end() ? 0 : it->second;
}

// Units 1..19 and the tens, by language.
const WordMap& FrenchNumbers() {
  static const WordMap m = {
      {"un", 1},         {"une", 1},       {"deux", 2},          {"trois", 3},
      {"quatre", 4},     {"cinq", 5},      {"six", 6},           {"sept", 7},
      {"huit", 8},       {"neuf", 9},      {"dix", 10},          {"onze", 11},
      {"douze", 12},     {"treize", 13},   {"quatorze", 14},     {"quinze", 15},
      {"seize", 16},     {"vingt", 20},    {"trente", 30},       {"quarante", 40},
      {"cinquante", 50}, {"soixante", 60}, {"quatre-vingt", 80}, {"quatre-vingts", 80}};
  return m;
}
const WordMap& EnglishNumbers() {
  static const WordMap m = {
      {"one", 1},       {"a", 1},        {"an", 1},       {"two", 2},        {"three", 3},
      {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
      {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
      {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
      {"sixty", 60},    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"dozen", 12}};
  return m;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Tense FrenchCue(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  const std::string_view w = t.folded;
  const std::string_view lower = t.lower;
  static const WordSet kFutureWords = {
      "sera",       "seront",     "serait",    "seraient", "aura",      "auront",     "aurait",
      "auraient",   "fera",       "feront",    "ferait",   "feraient",  "ira",        "iront",
      "irait",      "iraient",    "pourra",    "pourront", "pourrait",  "pourraient", "devra",
      "devront",    "devrait",    "devraient", "viendra",  "viendront", "tiendra",    "tiendront",
      "verra",      "verront",    "faudra",    "voudra",   "voudront",  "saura",      "sauront",
      "doit",       "doivent",    "prevu",     "prevue",   "prevus",    "prevues",    "programme",
      "programmee", "attendu",    "attendue",  "attendus", "attendues", "prochain",   "prochaine",
      "prochains",  "prochaines", "envisage",  "compte",   "venir"};
  if (kFutureWords.count(w)) return Tense::kFuture;
  if ((w == "va" || w == "vont" || w == "allons" || w == "allez") && i + 1 < tokens.size()) {
    const std::string_view next = tokens[i + 1].folded;
    if (EndsWith(next, "er") || EndsWith(next, "ir") || EndsWith(next, "re")) return Tense::kFuture;
  }
  static const WordSet kPastWords = {
      "a",   "ont",    "avait", "avaient", "eut", "eurent", "est",  "sont",    "etait",   "etaient",
      "fut", "furent", "avons", "avez",    "ai",  "hier",   "deja", "dernier", "derniere"};
  // "a" (has) but not the preposition "à", which folds to the same form;
  // "est" (is) but not "l'est" (the East).
  if (kPastWords.count(w)) {
    if (lower == "à" || (w == "est" && i > 0 && tokens[i - 1].lower == "l'")) return Tense::kNone;
    return Tense::kPast;
  }
  if (t.capitalized || t.kind != TokenKind::kWord || w.size() < 4) return Tense::kNone;
  // Future and conditional endings, checked on the accented form so that
  // "caméra" or "opéra" do not match "-era".
  // "-ront" ends every third-person plural future ("seront", "verront").
  if (EndsWith(lower, "ront") && lower.size() >= 6 && !EndsWith(lower, "affront"))
    return Tense::kFuture;
  static constexpr std::string_view kFutureEndings[] = {
      "eraient", "erait", "erons", "erez",    "erai",  "era",   "iraient", "irait", "draient",
      "drait",   "dra",   "ira",   "rraient", "rrait", "rrons", "rrez",    "rrai",  "rra"};
  for (const auto e : kFutureEndings) {
    if (EndsWith(lower, e) && lower.size() >= e.size() + 2) return Tense::kFuture;
  }
  // Past participles (accented "-é", "-ée", ...), imperfects, present participles.
  static const WordSet kNotParticiples = {
      "annee",     "journee",    "soiree",     "matinee", "societe",  "armee",        "idee",
      "entree",    "arrivee",    "duree",      "musee",   "lycee",    "pensee",       "assemblee",
      "cite",      "liberte",    "securite",   "verite",  "majorite", "communaute",   "unite",
      "qualite",   "realite",    "sante",      "avant",   "pendant",  "durant",       "devant",
      "cependant", "maintenant", "important",  "suivant", "constant", "puissant",     "gouvernant",
      "etudiant",  "enfant",     "restaurant", "vivant",  "habitant", "representant", "commandant",
      "dirigeant", "participant"};
  if (kNotParticiples.count(w)) return Tense::kNone;
  if (EndsWith(lower, "é") || EndsWith(lower, "ée") || EndsWith(lower, "és") ||
      EndsWith(lower, "ées")) {
    // A passive participle takes its tense from the auxiliary ("sera signé",
    // "doit être signé"), which is a cue of its own.
    static const WordSet kAuxiliaries = {"etre", "sera", "seront", "serait", "seraient"};
    if (i > 0 && kAuxiliaries.count(tokens[i - 1].folded)) return Tense::kNone;
    return Tense::kPast;
  }
  if (EndsWith(w, "ait") || EndsWith(w, "aient")) return Tense::kPast;
  if (EndsWith(w, "ant") && w.size() >= 6) return Tense::kPast;
  return Tense::kNone;
}

Tense EnglishCue(const std::vector<Token>& tokens, size_t i) {
  const std::string_view w = tokens[i].folded;
  static const WordSet kFutureWords = {"will",     "shall",   "would",    "scheduled", "expected",
                                       "due",      "planned", "plans",    "plan",      "next",
                                       "upcoming", "coming",  "tomorrow", "later"};
  if (kFutureWords.count(w) || EndsWith(w, "'ll")) return Tense::kFuture;
  if (w == "going" && i + 1 < tokens.size() && tokens[i + 1].folded == "to") return Tense::kFuture;
  if ((w == "set" || w == "is" || w == "are") && i + 1 < tokens.size() &&
      tokens[i + 1].folded == "to") {
    return Tense::kFuture;
  }
  static const WordSet kPastWords = {"was",       "were", "had",   "did",  "said", "told",
                                     "met",       "held", "came",  "went", "left", "took",
                                     "gave",      "made", "spoke", "saw",  "ago",  "last",
                                     "yesterday", "has",  "have",  "been", "began"};
  // A passive after "be" ("will be held") takes its tense from "will".
  const bool after_be = i > 0 && tokens[i - 1].folded == "be";
  if (kPastWords.count(w)) return after_be ? Tense::kNone : Tense::kPast;
  static const WordSet kNotPast = {"need",    "speed",  "seed", "feed", "bed",   "red", "indeed",
                                   "hundred", "united", "led",  "weed", "creed", "shed"};
  if (w.size() >= 4 && EndsWith(w, "ed") && !tokens[i].capitalized && !kNotPast.count(w)) {
    return after_be ? Tense::kNone : Tense::kPast;
  }
  return Tense::kNone;
}

}  // namespace

int MonthOf(std::string_view folded, DateLang lang, bool abbrev) {
  if (lang == DateLang::kFrench) {
    const int m = Lookup(FrenchMonths(), folded);
    return m != 0 || !abbrev ? m : Lookup(FrenchMonthAbbrevs(), folded);
  }
  const int m = Lookup(EnglishMonths(), folded);
  return m != 0 || !abbrev ? m : Lookup(EnglishMonthAbbrevs(), folded);
}

int WeekdayOf(std::string_view folded, DateLang lang) {
  static const WordMap fr = {{"lundi", 1},    {"mardi", 2},  {"mercredi", 3}, {"jeudi", 4},
                             {"vendredi", 5}, {"samedi", 6}, {"dimanche", 7}};
  static const WordMap en = {{"monday", 1}, {"tuesday", 2},  {"wednesday", 3}, {"thursday", 4},
                             {"friday", 5}, {"saturday", 6}, {"sunday", 7}};
  return Lookup(lang == DateLang::kFrench ? fr : en, folded);
}

int NumberWordOf(std::string_view folded, DateLang lang) {
  const WordMap& m = lang == DateLang::kFrench ? FrenchNumbers() : EnglishNumbers();
  if (const int n = Lookup(m, folded); n != 0) return n;
  // Compounds: "dix-sept", "vingt-cinq", "soixante-dix", "quatre-vingt-deux",
  // "twenty-one"; French "vingt-et-un" too.
  const size_t dash = folded.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return 0;
  std::string_view head = folded.substr(0, dash);
  const std::string_view tail = folded.substr(dash + 1);
  if (lang == DateLang::kFrench && head.size() > 3 && EndsWith(head, "-et")) head.remove_suffix(3);
  const int tens = NumberWordOf(head, lang);
  const int unit = Lookup(m, tail);
  if (tens == 0 || unit == 0 || tail == "une" || tail == "a" || tail == "an") return 0;
  // "dix-sept" = 10 + 7; "soixante-dix" = 60 + 10; "quatre-vingt-dix" = 80 + 10.
  if (tens % 10 != 0 || tens == 0) return 0;
  if (unit >= 10 && !(lang == DateLang::kFrench && (tens == 60 || tens == 80))) return 0;
  const int n = tens + unit;
  return n < 100 ? n : 0;
}

int ApproxNumberOf(std::string_view folded, DateLang lang) {
  static const WordMap fr = {{"dizaine", 10},     {"douzaine", 12},  {"quinzaine", 15},
                             {"vingtaine", 20},   {"trentaine", 30}, {"quarantaine", 40},
                             {"cinquantaine", 50}};
  static const WordMap en = {{"dozen", 12}, {"couple", 2}};
  return Lookup(lang == DateLang::kFrench ? fr : en, folded);
}

TimeUnit UnitOf(std::string_view folded, DateLang lang) {
  static const std::unordered_map<std::string_view, TimeUnit> fr = {
      {"jour", TimeUnit::kDay},      {"jours", TimeUnit::kDay},  {"semaine", TimeUnit::kWeek},
      {"semaines", TimeUnit::kWeek}, {"mois", TimeUnit::kMonth}, {"an", TimeUnit::kYear},
      {"ans", TimeUnit::kYear},      {"annee", TimeUnit::kYear}, {"annees", TimeUnit::kYear}};
  static const std::unordered_map<std::string_view, TimeUnit> en = {
      {"day", TimeUnit::kDay},    {"days", TimeUnit::kDay},    {"week", TimeUnit::kWeek},
      {"weeks", TimeUnit::kWeek}, {"month", TimeUnit::kMonth}, {"months", TimeUnit::kMonth},
      {"year", TimeUnit::kYear},  {"years", TimeUnit::kYear}};
  const auto& m = lang == DateLang::kFrench ? fr : en;
  const auto it = m.find(folded);
  return it == m.end() ? TimeUnit::kNone : it->second;
}

bool IsPartOfDay(std::string_view folded, DateLang lang) {
  static const WordSet fr = {"matin", "matinee", "midi", "apres-midi", "soir", "soiree", "nuit"};
  static const WordSet en = {"morning", "afternoon", "evening", "night"};
  return (lang == DateLang::kFrench ? fr : en).count(folded) > 0;
}

bool IsYearContext(std::string_view folded, DateLang lang) {
  static const WordSet fr = {"en",  "depuis",  "des",   "annee",  "an",      "fin",    "debut",
                             "mi",  "courant", "avant", "apres",  "pendant", "durant", "printemps",
                             "ete", "automne", "hiver", "jusqu'", "d'ici",   "ici",    "saison"};
  static const WordSet en = {"in",     "since", "by",     "until", "till",    "before", "after",
                             "during", "year",  "early",  "late",  "mid",     "spring", "summer",
                             "autumn", "fall",  "winter", "from",  "through", "of",     "season"};
  return (lang == DateLang::kFrench ? fr : en).count(folded) > 0;
}

Tense RelativeMarkerOf(std::string_view folded, DateLang lang) {
  if (lang == DateLang::kFrench) {
    if (folded == "dernier" || folded == "derniere" || folded == "passe" || folded == "passee") {
      return Tense::kPast;
    }
    if (folded == "prochain" || folded == "prochaine") return Tense::kFuture;
    return Tense::kNone;
  }
  if (folded == "last" || folded == "past" || folded == "previous") return Tense::kPast;
  if (folded == "next" || folded == "coming") return Tense::kFuture;
  return Tense::kNone;
}

Tense TenseCueOf(const std::vector<Token>& tokens, size_t i, DateLang lang) {
  return lang == DateLang::kFrench ? FrenchCue(tokens, i) : EnglishCue(tokens, i);
}

}  // namespace veille::analyze
