#include "extract/text_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "extract/line_classifier.h"

namespace veille::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(VEILLE_SOURCE_DIR "/data/sample/seeds/") + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TextExtraction FromSeed(const std::string& name) {
  const std::string page = ReadSeed(name);
  EXPECT_FALSE(page.empty()) << "missing seed " << name;
  return ExtractText(page, "", ExtractOptions{});
}

// Checks that each of `kept` is in the text and none of `dropped` is.
void ExpectKeptAndDropped(const std::string& text, std::initializer_list<const char*> kept,
                          std::initializer_list<const char*> dropped) {
  for (const char* s : kept) EXPECT_THAT(text, HasSubstr(s));
  for (const char* s : dropped) EXPECT_THAT(text, Not(HasSubstr(s)));
}

TEST(TextExtractor, Seed000KeepsStoryDropsSimilarNewsRail) {
  const TextExtraction out = FromSeed("000_2785d6a6c9a5b3ab.txt");
  ExpectKeptAndDropped(out.text,
                       {"Le dictateur nord-coréen Kim Jong-un est en Russie.",
                        "Les discussions qui ont lieu sont une réponse", "Xi Jinping."},
                       {"Lire la suite", "Similar News", "France Dernières Nouvelles",
                        "Kim-Jong-un en Russie pour rencontrer", "prochainement"});
}

TEST(TextExtractor, Seed001KeepsStoryDropsPromptsAndClassifiedAds) {
  const TextExtraction out = FromSeed("001_7ed8cf3b4f60d3ac.txt");
  EXPECT_EQ(out.title, "La Corée du Nord confirme une \"prochaine\" visite de Kim en Russie");
  ExpectKeptAndDropped(out.text,
                       {"Le leader nord-coréen Kim Jong Un va \"prochainement\"",
                        "KCNA n'a pas précisé où la rencontre devait avoir lieu.",
                        "accusations rejetées par Moscou."},
                       {"En ce moment", "Montage photo", "Newsletter", "Restez informé", "Réagir",
                        "commentaires", "Connectez-vous", "Découvrir", "(75012)", "Tendance Ouest",
                        "La Corée du Nord confirme une"});
}

TEST(TextExtractor, Seed002KeepsStoryDropsTeaserRail) {
  const TextExtraction out = FromSeed("002_76a2ed4b7a0c3112.txt");
  EXPECT_EQ(out.title,
            "Les dirigeants Kim et Poutine entament des pourparlers, marqués par des procédures "
            "formelles, à Pyongyang.");
  ExpectKeptAndDropped(
      out.text,
      {"Soirée précédente, Kim accueillait Putin", "La deuxième visite de Putin dans ce pays",
       "suivant sa visite en Corée du Nord."},
      {"Aller au contenu", "Lire aussi", "commentaires", "Dernier", "Telegram", "Duterte",
       "Membres Publique", "Kim (g.) et Poutine"});
}

TEST(TextExtractor, Seed003KeepsStoryAndBylineDropsShareAndAdLabels) {
  const TextExtraction out = FromSeed("003_23cb88113d4ad096.txt");
  EXPECT_EQ(out.title, "Kim Jong-Un en Russie pour un premier sommet avec Poutine");
  EXPECT_EQ(out.author, "Joanne Massard");
  ExpectKeptAndDropped(
      out.text,
      {"Le dirigeant nord-coréen Kim Jong-Un est arrivé mercredi",
       "Drapeaux russes et nord-coréens", "\"Je suis venu en Russie avec les sentiments chaleureux",
       "sans succès jusqu'à présent."},
      {"Tous droits réservés", "Par Joanne Massard", "Partager", "PUBLICITÉ", "Copier/coller",
       "À découvrir également", "Hanoï pour leur deuxième",
       "Kim Jong-Un en Russie pour un premier sommet avec Poutine"});
}

TEST(TextExtractor, Seed004KeepsStoryDropsNewsletterAndTeasers) {
  const TextExtraction out = FromSeed("004_4c52fd879cb4440f.txt");
  EXPECT_EQ(out.title, "Première rencontre entre Vladimir Poutine et Kim Jong Un");
  ExpectKeptAndDropped(
      out.text,
      {"Vladimir Poutine a déclaré que la Russie œuvre", "une opinion partagée par les États-Unis.",
       "missiles à longue portée du pays."},
      {"Temps de lecture", "Accueil / Monde", "En Bref", "commentaires", "newsletter",
       "Chaque jour", "réseaux sociaux", "Jasper", "Oropouche", "Salt Lake City",
       "Votre adresse e-mail"});
}

TEST(TextExtractor, CleanArticlePassesThroughUnchanged) {
  const std::string article =
      "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain.\n\n"
      "Il prévoit une baisse des dépenses de l'État, compensée par de nouvelles recettes.\n\n"
      "Oui.\n\n"
      "L'opposition a dénoncé « un budget d'austérité » et promis de le combattre.";
  const TextExtraction out = ExtractText(article, "", ExtractOptions{});
  EXPECT_EQ(out.text, article);
  EXPECT_EQ(out.title, "");
}

TEST(TextExtractor, KeepsIntertitlesBetweenSentences) {
  const std::string article =
      "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain.\n\n"
      "Une rigueur assumée\n\n"
      "Il prévoit une baisse des dépenses de l'État, compensée par de nouvelles recettes.";
  EXPECT_EQ(ExtractText(article, "", ExtractOptions{}).text, article);
}

TEST(TextExtractor, KnownTitleIsNotPartOfTheText) {
  const std::string page =
      "Le budget est présenté\n"
      "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain.\n"
      "Il prévoit une baisse des dépenses de l'État, compensée par de nouvelles recettes.\n";
  const TextExtraction out = ExtractText(page, "Le budget est présenté", ExtractOptions{});
  EXPECT_EQ(out.title, "Le budget est présenté");
  EXPECT_EQ(out.text,
            "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain.\n\n"
            "Il prévoit une baisse des dépenses de l'État, compensée par de nouvelles recettes.");
}

TEST(TextExtractor, ClassifiedAdsAreBoilerplate) {
  const std::vector<Line> lines = ClassifyLines(
      "Maxi cosy Carcagny (14740) 40€ Découvrir\n"
      "Opel Corsa électrique Jullouville (50610) 16 200€ Découvrir\n"
      "Appartement T3 lumineux, 65 m2, 850 € charges comprises\n"
      "Le prix du gazole a atteint 2 € le litre, un record depuis dix ans.\n",
      "", LineClassifierOptions{});
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].cls, LineClass::kBoilerplate);
  EXPECT_EQ(lines[1].cls, LineClass::kBoilerplate);
  EXPECT_EQ(lines[2].cls, LineClass::kBoilerplate);
  EXPECT_EQ(lines[3].cls, LineClass::kArticle);  // a sentence that mentions a price
}

TEST(TextExtractor, BylineGivesTheAuthor) {
  EXPECT_EQ(BylineAuthor("Par Joanne Massard"), "Joanne Massard");
  EXPECT_EQ(BylineAuthor("By Jane Doe | Reuters"), "Jane Doe");
  EXPECT_EQ(BylineAuthor("Par ailleurs, le Kremlin a démenti."), "");
  EXPECT_EQ(BylineAuthor("par exemple"), "");
}

TEST(TextExtractor, PageWithoutSentencesGivesNoText) {
  const TextExtraction out =
      ExtractText("Accueil\nMonde\nSports\nNewsletter\nLire la suite »\n", "", ExtractOptions{});
  EXPECT_EQ(out.text, "");
}

}  // namespace
}  // namespace veille::extract
