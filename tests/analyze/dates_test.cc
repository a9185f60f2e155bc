// The date expression table: each case is a sentence, its language, the
// reference (publication) date, the expression to find in it and the date
// and granularity it must resolve to.
#include "analyze/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/civil_date.h"

namespace veille::analyze {
namespace {

struct DateCase {
  const char* text;
  const char* lang;
  const char* reference;   // "YYYY-MM-DD"
  const char* expression;  // the surface the mention must span
  const char* expected;    // DateMention::Iso()
  const char* granularity;
};

// 2019-04-24 is a Wednesday; 2019-04-23 a Tuesday.
const DateCase kCases[] = {
    // The two weekday cases of the issue.
    {"Les deux dirigeants se rencontreront jeudi à Vladivostok.", "fr", "2019-04-24", "jeudi",
     "2019-04-25", "day"},
    {"Il a quitté Pyongyang, confirmant une annonce du Kremlin jeudi.", "fr", "2019-04-23", "jeudi",
     "2019-04-18", "day"},
    // French absolute dates.
    {"Le sommet aura lieu jeudi 25 avril 2019 à Vladivostok.", "fr", "2019-04-20",
     "jeudi 25 avril 2019", "2019-04-25", "day"},
    {"Kim arrivera le 25 avril dans la ville.", "fr", "2019-04-20", "25 avril", "2019-04-25",
     "day"},
    {"Il est parti mercredi 24 avril au matin.", "fr", "2019-04-26", "mercredi 24 avril",
     "2019-04-24", "day"},
    {"Publié le 25/04/2019 à 10h.", "fr", "2019-05-01", "25/04/2019", "2019-04-25", "day"},
    {"La date du 2019-04-25 est confirmée.", "fr", "2019-05-01", "2019-04-25", "2019-04-25", "day"},
    {"Le 1er mai 2019, les syndicats ont défilé.", "fr", "2019-05-02", "1er mai 2019", "2019-05-01",
     "day"},
    {"Le traité a été signé le 12 juin 2018 à Singapour.", "fr", "2019-04-24", "12 juin 2018",
     "2018-06-12", "day"},
    {"Une réunion s'est tenue le 30 décembre.", "fr", "2020-01-03", "30 décembre", "2019-12-30",
     "day"},
    {"Rendez-vous le 3 janvier.", "fr", "2019-12-28", "3 janvier", "2020-01-03", "day"},
    {"Ils se sont vus en avril 2019 puis ont rompu.", "fr", "2020-02-01", "avril 2019", "2019-04",
     "month"},
    {"Les essais ont repris en 2018, selon Séoul.", "fr", "2019-04-24", "2018", "2018", "year"},
    {"Depuis 2011, Kim dirige le pays.", "fr", "2019-04-24", "2011", "2011", "year"},
    {"Il a été publié le 25.04.2019.", "fr", "2019-05-01", "25.04.2019", "2019-04-25", "day"},
    {"Le 25 avr. 2019, la rencontre a eu lieu.", "fr", "2019-05-01", "25 avr. 2019", "2019-04-25",
     "day"},
    // French relative days.
    {"Il est arrivé hier à Vladivostok.", "fr", "2019-04-24", "hier", "2019-04-23", "day"},
    {"Aujourd'hui, les deux hommes se parlent.", "fr", "2019-04-24", "Aujourd'hui", "2019-04-24",
     "day"},
    {"Ils se verront demain.", "fr", "2019-04-24", "demain", "2019-04-25", "day"},
    {"Avant-hier, le train est parti.", "fr", "2019-04-24", "Avant-hier", "2019-04-22", "day"},
    {"Il partira après-demain.", "fr", "2019-04-24", "après-demain", "2019-04-26", "day"},
    {"Il était arrivé la veille au soir.", "fr", "2019-04-25", "la veille au soir", "2019-04-24",
     "day"},
    {"Le lendemain, il est reparti.", "fr", "2019-04-25", "Le lendemain", "2019-04-26", "day"},
    {"Ce matin, Kim a visité un musée.", "fr", "2019-04-25", "Ce matin", "2019-04-25", "day"},
    {"Il est rentré hier soir.", "fr", "2019-04-25", "hier soir", "2019-04-24", "day"},
    {"Les discussions ont commencé jeudi matin.", "fr", "2019-04-26", "jeudi matin", "2019-04-25",
     "day"},
    {"Le président s'est exprimé mardi.", "fr", "2019-04-24", "mardi", "2019-04-23", "day"},
    {"Il a parlé mercredi devant la presse.", "fr", "2019-04-24", "mercredi", "2019-04-24", "day"},
    {"Le sommet est prévu vendredi.", "fr", "2019-04-24", "vendredi", "2019-04-26", "day"},
    {"La délégation doit arriver samedi.", "fr", "2019-04-24", "samedi", "2019-04-27", "day"},
    {"Ils se retrouveront lundi prochain.", "fr", "2019-04-24", "lundi prochain", "2019-04-29",
     "day"},
    {"Il avait annoncé lundi dernier son départ.", "fr", "2019-04-24", "lundi dernier",
     "2019-04-22", "day"},
    {"Le vote aurait lieu dimanche.", "fr", "2019-04-24", "dimanche", "2019-04-28", "day"},
    {"Il a rencontré Poutine jeudi 25.", "fr", "2019-04-27", "jeudi 25", "2019-04-25", "day"},
    {"Le Kremlin va annoncer vendredi la date.", "fr", "2019-04-24", "vendredi", "2019-04-26",
     "day"},
    // French weeks, months, years.
    {"La semaine dernière, Pyongyang a tiré un missile.", "fr", "2019-04-24", "La semaine dernière",
     "2019-W16", "week"},
    {"La semaine prochaine, il ira à Pékin.", "fr", "2019-04-24", "La semaine prochaine",
     "2019-W18", "week"},
    {"Cette semaine, le ton a changé.", "fr", "2019-04-24", "Cette semaine", "2019-W17", "week"},
    {"Le mois dernier, les sanctions ont été renforcées.", "fr", "2019-04-24", "Le mois dernier",
     "2019-03", "month"},
    {"L'an dernier, Kim a rencontré Trump.", "fr", "2019-04-24", "L'an dernier", "2018", "year"},
    {"L'année dernière a été marquée par des sommets.", "fr", "2019-04-24", "L'année dernière",
     "2018", "year"},
    {"L'année prochaine sera décisive.", "fr", "2019-04-24", "L'année prochaine", "2020", "year"},
    {"Cette année, l'économie a ralenti.", "fr", "2019-04-24", "Cette année", "2019", "year"},
    {"Le sommet de Hanoï en février dernier a échoué.", "fr", "2019-04-24", "février dernier",
     "2019-02", "month"},
    {"Le sommet de Hanoï, en février, a échoué.", "fr", "2019-04-24", "février", "2019-02",
     "month"},
    {"Ils se reverront en septembre.", "fr", "2019-04-24", "septembre", "2019-09", "month"},
    {"Ils s'étaient vus en septembre.", "fr", "2019-04-24", "septembre", "2018-09", "month"},
    {"Les travaux seront achevés fin avril.", "fr", "2019-04-10", "fin avril", "2019-04", "month"},
    {"Un accord a été trouvé fin mars.", "fr", "2019-04-24", "fin mars", "2019-03", "month"},
    {"Le chantier reprendra début 2020.", "fr", "2019-04-24", "début 2020", "2020", "year"},
    {"Les élections auront lieu mi-mai.", "fr", "2019-04-24", "mi-mai", "2019-05", "month"},
    {"Kim Jong Il est mort il y a huit ans.", "fr", "2019-12-20", "il y a huit ans", "2011",
     "year"},
    {"Il y a deux mois, la tension montait.", "fr", "2019-04-24", "Il y a deux mois", "2019-02",
     "month"},
    {"Il l'a dit il y a trois jours.", "fr", "2019-04-24", "il y a trois jours", "2019-04-21",
     "day"},
    {"Il y a deux semaines, un missile a été tiré.", "fr", "2019-04-24", "Il y a deux semaines",
     "2019-W15", "week"},
    {"La décision tombera dans trois jours.", "fr", "2019-04-24", "dans trois jours", "2019-04-27",
     "day"},
    {"Le pays a changé il y a une douzaine d'années.", "fr", "2019-04-24",
     "il y a une douzaine d'années", "2007", "year"},
    {"Le mur est tombé il y a vingt-cinq ans.", "fr", "2014-11-09", "il y a vingt-cinq ans", "1989",
     "year"},
    {"Il y a 10 ans, le pays a testé une bombe.", "fr", "2019-04-24", "Il y a 10 ans", "2009",
     "year"},
    {"Il sera libéré d'ici deux ans.", "fr", "2019-04-24", "d'ici deux ans", "2021", "year"},
    {"Il y a vingt et un jours, la crise a commencé.", "fr", "2019-04-24",
     "Il y a vingt et un jours", "2019-04-03", "day"},
    // English.
    {"The summit was held on April 25, 2019 in Vladivostok.", "en", "2019-05-01", "April 25, 2019",
     "2019-04-25", "day"},
    {"The leaders met on 25 April 2019.", "en", "2019-05-01", "25 April 2019", "2019-04-25", "day"},
    {"Talks began on Thursday, April 25.", "en", "2019-04-27", "Thursday, April 25", "2019-04-25",
     "day"},
    {"He arrived on the 25th of April.", "en", "2019-04-27", "the 25th of April", "2019-04-25",
     "day"},
    {"Kim arrived yesterday in Russia.", "en", "2019-04-24", "yesterday", "2019-04-23", "day"},
    {"Putin will meet Kim tomorrow.", "en", "2019-04-24", "tomorrow", "2019-04-25", "day"},
    {"Today the two leaders are talking.", "en", "2019-04-24", "Today", "2019-04-24", "day"},
    {"This morning Kim visited a school.", "en", "2019-04-25", "This morning", "2019-04-25", "day"},
    {"Pyongyang fired a missile last week.", "en", "2019-04-24", "last week", "2019-W16", "week"},
    {"Sanctions were tightened last year.", "en", "2019-04-24", "last year", "2018", "year"},
    {"The vote is due next month.", "en", "2019-04-24", "next month", "2019-05", "month"},
    {"They will meet next Monday.", "en", "2019-04-24", "next Monday", "2019-04-29", "day"},
    {"He spoke last Monday.", "en", "2019-04-24", "last Monday", "2019-04-22", "day"},
    {"Kim met Trump two years ago.", "en", "2019-04-24", "two years ago", "2017", "year"},
    {"The talks collapsed three days ago.", "en", "2019-04-24", "three days ago", "2019-04-21",
     "day"},
    {"The summit in February ended without a deal.", "en", "2019-04-24", "February", "2019-02",
     "month"},
    {"Kim will travel to Beijing in June.", "en", "2019-04-24", "June", "2019-06", "month"},
    {"The leaders met on Thursday.", "en", "2019-04-26", "Thursday", "2019-04-25", "day"},
    {"The leaders will meet on Thursday.", "en", "2019-04-23", "Thursday", "2019-04-25", "day"},
    {"Tests have resumed since 2018.", "en", "2019-04-24", "2018", "2018", "year"},
    {"A decision is expected in three weeks.", "en", "2019-04-24", "in three weeks", "2019-W20",
     "week"},
    {"The report was published in March 2019.", "en", "2019-06-01", "March 2019", "2019-03",
     "month"},
    {"The deal was signed on 04/25/2019.", "en", "2019-05-01", "04/25/2019", "2019-04-25", "day"},
    {"Exports fell last April.", "en", "2019-04-24", "last April", "2018-04", "month"},
    {"He was released last night.", "en", "2019-04-24", "last night", "2019-04-23", "day"},
    {"The discussion will be held by the ministers on Monday.", "en", "2022-04-26", "Monday",
     "2022-05-02", "day"},
    {"Le traité sera signé mardi à Moscou.", "fr", "2019-04-24", "mardi", "2019-04-30", "day"},
    {"La rencontre devrait avoir lieu dans l'est de la Russie, probablement vendredi.", "fr",
     "2019-04-24", "vendredi", "2019-04-26", "day"},
    {"A decade ended a dozen years ago.", "en", "2019-04-24", "a dozen years ago", "2007", "year"},
};

TEST(DatesTest, ExpressionTable) {
  ASSERT_GE(std::size(kCases), 60u);
  for (const DateCase& c : kCases) {
    SCOPED_TRACE(std::string(c.text) + " [" + c.reference + "]");
    const auto ref = ParseIsoDate(c.reference);
    ASSERT_TRUE(ref.has_value());
    const std::string text = c.text;
    const auto mentions = FindDates(text, c.lang, ref);
    const DateMention* found = nullptr;
    std::string seen;
    for (const auto& m : mentions) {
      const std::string surface = text.substr(m.begin, m.end - m.begin);
      seen += "[" + surface + " -> " + m.Iso() + "] ";
      if (surface == c.expression) found = &m;
    }
    if (found == nullptr) {
      ADD_FAILURE() << "expression not found; mentions: " << seen;
      continue;
    }
    EXPECT_EQ(found->Iso(), c.expected);
    EXPECT_STREQ(DateGranularityName(found->granularity), c.granularity);
  }
}

TEST(DatesTest, NoFalseDates) {
  const auto ref = ParseIsoDate("2019-04-24");
  const char* kTexts[] = {
      "Il a marché 2018 mètres et vu 25 personnes.",
      "La planète Mars est loin.",
      "You may march on.",
      "Le score final est de 3-1 pour Séoul.",
      "Kim a 35 ans et deux sœurs.",
      "La veille de la rencontre, Kim a dîné.",
      "Ils sont dans trois pays différents.",
  };
  for (const char* t : kTexts) {
    const auto m = FindDates(t, "", ref);
    EXPECT_TRUE(m.empty()) << t << " -> " << (m.empty() ? "" : m[0].Iso());
  }
}

TEST(DatesTest, RelativeNeedsReference) {
  const auto m = FindDates("Hier, le 25 avril 2019, Kim est venu jeudi.", "fr", std::nullopt);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].Iso(), "2019-04-25");
  EXPECT_FALSE(m[0].relative);
}

TEST(DatesTest, SentencesAreReported) {
  const std::string text = "Kim est arrivé hier.\n\nIl rencontrera Poutine jeudi. Fin.";
  const auto m = FindDates(text, "fr", ParseIsoDate("2019-04-24"));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].sentence, 0u);
  EXPECT_EQ(m[1].sentence, 1u);
  EXPECT_EQ(text.substr(m[1].sentence_begin, m[1].sentence_end - m[1].sentence_begin),
            "Il rencontrera Poutine jeudi.");
  EXPECT_EQ(m[1].Iso(), "2019-04-25");
  EXPECT_TRUE(m[1].relative);
}

TEST(CivilDateTest, Arithmetic) {
  EXPECT_EQ(Weekday({2019, 4, 24}), 3);
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);
  EXPECT_EQ(CivilFromDays(DaysFromCivil({2000, 2, 29})), (CivilDate{2000, 2, 29}));
  EXPECT_EQ(AddMonths({2019, 3, 31}, -1), (CivilDate{2019, 2, 28}));
  EXPECT_EQ(AddMonths({2019, 1, 15}, -13), (CivilDate{2017, 12, 15}));
  int y = 0, w = 0;
  IsoWeek({2021, 1, 3}, &y, &w);
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 53);
  EXPECT_FALSE(ParseIsoDate("2019-02-30").has_value());
  EXPECT_EQ(ParseIsoDate("2019-04-24T06:00:00Z"), (CivilDate{2019, 4, 24}));
}

}  // namespace
}  // namespace veille::analyze
