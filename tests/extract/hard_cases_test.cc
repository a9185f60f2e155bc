// Hard cases for the flattened-page extractor, end to end through Extract():
// a non-UTF-8 page, several stories on one page, a live blog, a very short
// article, a paywalled stub, a page with no article; and the teaser splitter.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/line_classifier.h"
#include "extract/metadata.h"
#include "extract/teasers.h"
#include "veille/extract.h"

namespace veille {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Article FromText(const std::string& bytes) {
  RawDocument doc;
  doc.input = "page.txt";
  doc.format = DocFormat::kText;
  doc.bytes = bytes;
  Result<Article> article = Extract(doc, ExtractOptions{});
  EXPECT_TRUE(article.ok()) << article.status().ToString();
  return article.ok() ? std::move(article).value() : Article{};
}

TEST(HardCases, Windows1252TextPageIsDecoded) {
  // "é" and "à" as single windows-1252 bytes, no declaration anywhere.
  const Article a = FromText(
      "Accueil\nPolitique\n"
      "Le ministre a pr\xE9sent\xE9 mercredi son projet de r\xE9\x66orme \xE0 l'Assembl\xE9\x65 "
      "nationale.\n"
      "Les d\xE9put\xE9s de l'opposition ont d\xE9nonc\xE9 un texte pr\xE9par\xE9 \xE0 la "
      "h\xE2te.\n"
      "Newsletter\n");
  EXPECT_EQ(a.text,
            "Le ministre a présenté mercredi son projet de réforme à l'Assemblée nationale.\n\n"
            "Les députés de l'opposition ont dénoncé un texte préparé à la hâte.");
}

TEST(HardCases, SeveralStoriesKeepOnlyTheMainOne) {
  // A brief of two sentences, a rail, then the page's long story: the story
  // wins and the brief does not leak into it.
  const Article a = FromText(
      "En bref\n"
      "La mairie ferme la piscine municipale pour travaux pendant deux semaines.\n"
      "Lire aussi :\n"
      "Les autres titres du jour\n"
      "Le budget de l'État pour 2025 a été présenté mercredi en conseil des ministres.\n"
      "Il prévoit une baisse des dépenses de fonctionnement de cinq milliards d'euros, "
      "compensée en partie par de nouvelles recettes fiscales sur les entreprises.\n"
      "L'opposition a aussitôt dénoncé « un budget d'austérité » et annoncé des amendements.\n"
      "Le texte sera examiné par l'Assemblée nationale à partir du mois d'octobre prochain.\n"
      "Partager cet article\n");
  EXPECT_THAT(a.text, HasSubstr("Le budget de l'État pour 2025"));
  EXPECT_THAT(a.text, HasSubstr("à partir du mois d'octobre prochain."));
  EXPECT_THAT(a.text, Not(HasSubstr("piscine")));
  EXPECT_THAT(a.text, Not(HasSubstr("Partager")));
}

TEST(HardCases, LiveBlogKeepsEntriesDropsTimestamps) {
  const Article a = FromText(
      "EN DIRECT\n"
      "Suivez notre direct\n"
      "10:32\n"
      "Les premiers manifestants sont arrivés place de la République, sous la pluie.\n"
      "10:15\n"
      "La préfecture annonce un dispositif de 2 000 policiers et gendarmes dans la capitale.\n"
      "09:58\n"
      "Les syndicats appellent à une nouvelle journée de mobilisation contre la réforme.\n"
      "Partager\n");
  EXPECT_EQ(a.text,
            "Les premiers manifestants sont arrivés place de la République, sous la pluie.\n\n"
            "La préfecture annonce un dispositif de 2 000 policiers et gendarmes dans la "
            "capitale.\n\n"
            "Les syndicats appellent à une nouvelle journée de mobilisation contre la réforme.");
}

TEST(HardCases, VeryShortArticleIsKept) {
  const Article a = FromText(
      "Accueil\nSport\nFootball\n"
      "Le match entre Lyon et Marseille est reporté à dimanche en raison de la tempête.\n"
      "Commentaires\n");
  EXPECT_EQ(a.text,
            "Le match entre Lyon et Marseille est reporté à dimanche en raison de la tempête.");
}

TEST(HardCases, PaywalledStubKeepsTheVisibleTextOnly) {
  // The standfirst is whole, the body is cut by the paywall.
  const Article a = FromText(
      "Économie\n"
      "La grande distribution face à l'inflation\n"
      "Les enseignes rognent leurs marges pour garder leurs clients, mais la stratégie a ses "
      "limites.\n"
      "Depuis le début de l'année, les prix alimentaires ont augmenté de plus de dix pour cent "
      "et les...\n"
      "Cet article est réservé aux abonnés.\n"
      "Abonnez-vous pour lire la suite\n"
      "Déjà abonné ? Connectez-vous\n");
  EXPECT_THAT(a.text, HasSubstr("Les enseignes rognent leurs marges"));
  EXPECT_THAT(a.text, Not(HasSubstr("abonn")));
  EXPECT_THAT(a.text, Not(HasSubstr("Connectez")));
}

TEST(HardCases, PageOfTeasersHasNoArticleButRelatedLinks) {
  const Article a = FromText(
      "Accueil\nÀ la une\n"
      "Inondations dans le Sud-Ouest\n"
      "Les pluies diluviennes de la nuit ont provoqué des crues dans trois départements, où…\n"
      "Grève à la SNCF ce week-end\n"
      "Les syndicats de cheminots ont déposé un préavis pour samedi et dimanche, avec des…\n"
      "Newsletter\n");
  EXPECT_EQ(a.text, "");
  ASSERT_EQ(a.related.size(), 2u);
  EXPECT_EQ(a.related[0].title, "Inondations dans le Sud-Ouest");
  EXPECT_EQ(a.related[1].title, "Grève à la SNCF ce week-end");
}

TEST(HardCases, MenuOnlyPageGivesEmptyText) {
  const Article a =
      FromText("Accueil\nMonde\nÉconomie\nSport\nCulture\nContact\nMentions légales\n");
  EXPECT_EQ(a.text, "");
}

std::string Split(std::string_view line, std::string_view rest_of_page = "") {
  std::vector<extract::Line> lines;
  for (const std::string_view s : {line, rest_of_page}) {
    extract::Line l;
    l.text = std::string(s);
    lines.push_back(l);
  }
  const size_t at = extract::GluedHeadlineEnd(line, extract::CountWordLines(lines));
  return at == 0 ? "" : std::string(line.substr(0, at)) + " | " + std::string(line.substr(at));
}

TEST(Teasers, GluedHeadlineSplitsAtTheGlue) {
  EXPECT_EQ(
      Split("Le budget 2025 présenté en conseil des ministresLe texte prévoit des économies."),
      "Le budget 2025 présenté en conseil des ministres | Le texte prévoit des économies.");
  EXPECT_EQ(Split("Grève à la SNCF: faut-il s'inquiéter?Les syndicats appellent à la grève."),
            "Grève à la SNCF: faut-il s'inquiéter? | Les syndicats appellent à la grève.");
}

TEST(Teasers, CamelCasedNamesAreNotGlue) {
  // "iPhone": one lowercase letter before the capital.
  EXPECT_EQ(Split("Apple présente le nouvel iPhone aux développeurs"), "");
  // "YouTube" written the same way elsewhere on the page is a name.
  EXPECT_EQ(Split("Les vidéos de YouTube bientôt payantes en France",
                  "Une autre ligne sur YouTube aujourd'hui"),
            "");
  // Too little before or after the glue.
  EXPECT_EQ(Split("Le MondeLe journal du soir publie un article."), "");
}

TEST(LocalIsoTime, KeepsThePagesCalendarDay) {
  EXPECT_EQ(extract::LocalIsoTime("2019-10-19T00:04:00+02:00"), "2019-10-19T00:04:00+02:00");
  EXPECT_EQ(extract::LocalIsoTime("2019-10-18T19:30:00-0500"), "2019-10-18T19:30:00-05:00");
  EXPECT_EQ(extract::LocalIsoTime("2019-10-19T00:04:00.123+02"), "2019-10-19T00:04:00+02:00");
  EXPECT_EQ(extract::LocalIsoTime("2019-10-18T22:04:00Z"), "2019-10-18T22:04:00Z");
  EXPECT_EQ(extract::LocalIsoTime("2019-10-18T22:04:00+00:00"), "2019-10-18T22:04:00Z");
  EXPECT_EQ(extract::LocalIsoTime("2019-10-18"), "2019-10-18");
  EXPECT_EQ(extract::LocalIsoTime("2019-02-30T10:00:00+01:00"), "");
  EXPECT_EQ(extract::LocalIsoTime("hier"), "");
}

}  // namespace
}  // namespace veille
