#include "extract/html_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace veille::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char kPara1[] =
    "Le président russe a reçu mercredi son homologue, à Moscou, pour une rencontre longue, "
    "tendue et très attendue par les chancelleries européennes.";
const char kPara2[] =
    "Les deux dirigeants ont évoqué, selon le Kremlin, la sécurité régionale, les sanctions "
    "économiques et la coopération énergétique entre leurs pays.";
const char kPara3[] =
    "Aucun accord n'a été signé à l'issue de la rencontre, mais un nouveau sommet, prévu à "
    "l'automne, devrait permettre d'avancer sur ces dossiers.";

std::string Extract(const std::string& html) { return ExtractHtml(html, ExtractOptions{}).text; }

std::string ArticleBody() {
  return std::string("<p>") + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
}

TEST(HtmlExtractor, KeepsArticleDropsNavFooterRelatedAndComments) {
  const std::string html =
      "<html><head><title>Sommet - Le Journal</title></head><body>"
      "<nav><ul><li><a href=/>Accueil</a></li><li><a href=/monde>Monde</a></li></ul></nav>"
      "<header><h1>Le sommet de Moscou</h1></header>"
      "<article>" +
      ArticleBody() +
      "</article>"
      "<aside><h2>À lire aussi</h2><p>Un autre sujet, avec des virgules, beaucoup de "
      "virgules, et encore du texte pour faire long.</p></aside>"
      "<div class=\"comments\"><p>Je pense, comme beaucoup, que ce sommet ne servira à rien, "
      "hélas, et que rien ne changera.</p></div>"
      "<footer><p>© Le Journal, tous droits réservés, mentions légales.</p></footer>"
      "</body></html>";
  const std::string text = Extract(html);
  EXPECT_EQ(text, std::string(kPara1) + "\n\n" + kPara2 + "\n\n" + kPara3);
}

TEST(HtmlExtractor, DropsFrenchBoilerplateClassNames) {
  const std::string html =
      "<body><div class=\"article-contenu\">" + ArticleBody() +
      "<div class=\"bloc-lire-aussi\"><p>Lire aussi, en complément, notre analyse détaillée "
      "du sommet, de ses enjeux et de ses suites.</p></div>"
      "<div class=\"articles-similaires\"><p>Un sommet, deux visions, trois questions, et une "
      "analyse complète de nos envoyés spéciaux.</p></div>"
      "<div class=\"publicite\"><p>Votre publicité ici, contactez notre régie, vite, maintenant "
      "et sans attendre.</p></div>"
      "<div id=\"partage-social\"><p>Partagez cet article avec vos amis, sur vos réseaux, "
      "maintenant.</p></div></div></body>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, HasSubstr(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("analyse")));
  EXPECT_THAT(text, Not(HasSubstr("régie")));
  EXPECT_THAT(text, Not(HasSubstr("Partagez")));
}

TEST(HtmlExtractor, DropsGermanBoilerplateClassNames) {
  const std::string html =
      "<body><main><div class=\"artikel-text\">"
      "<p>Die Bundesregierung hat am Mittwoch, nach langen Verhandlungen, ein neues Gesetz "
      "zur Förderung erneuerbarer Energien beschlossen.</p>"
      "<p>Kritiker bemängeln, dass die Maßnahmen zu spät kommen, zu wenig Geld bereitstellen "
      "und die Industrie bevorzugen.</p>"
      "<section class=\"mehr-zum-thema\"><p>Energiewende, Klimaschutz, Strompreise: alles, "
      "was Sie jetzt wissen müssen, auf einen Blick.</p></section>"
      "<div class=\"werbung-container\"><p>Jetzt kaufen, sparen, gewinnen, und das alles "
      "ganz ohne Risiko, nur heute.</p></div>"
      "<div id=\"kommentare\"><p>Endlich, sage ich, das wurde auch Zeit, aber es ist zu "
      "wenig, viel zu wenig.</p></div>"
      "</div></main></body>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr("Die Bundesregierung hat am Mittwoch"));
  EXPECT_THAT(text, HasSubstr("Kritiker bemängeln"));
  EXPECT_THAT(text, Not(HasSubstr("Energiewende")));
  EXPECT_THAT(text, Not(HasSubstr("kaufen")));
  EXPECT_THAT(text, Not(HasSubstr("Endlich")));
}

TEST(HtmlExtractor, DropsLinkDenseListsInsideTheArticle) {
  const std::string html =
      "<body><article>" + ArticleBody() +
      "<ul><li><a href=/a>Le sommet de Moscou, les coulisses d'une rencontre</a></li>"
      "<li><a href=/b>Sanctions : ce que prévoit le nouveau paquet européen</a></li>"
      "<li><a href=/c>Énergie : les prix du gaz repartent à la hausse</a></li></ul>"
      "</article></body>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara2));
  EXPECT_THAT(text, Not(HasSubstr("coulisses")));
  EXPECT_THAT(text, Not(HasSubstr("gaz")));
}

TEST(HtmlExtractor, DropsBoilerplateLabelsInsideTheArticle) {
  const std::string html = "<body><article><p>" + std::string(kPara1) + "</p><p>PUBLICITÉ</p><p>" +
                           kPara2 + "</p></article></body>";
  EXPECT_EQ(Extract(html), std::string(kPara1) + "\n\n" + kPara2);
}

TEST(HtmlExtractor, FallsBackToTheWholeBodyWhenTheMainTextIsShort) {
  const std::string html =
      "<body><div class=\"a\"><p>Le Kremlin a confirmé la rencontre, prévue jeudi.</p></div>"
      "<section><div><p>La date exacte, selon Pyongyang, reste à préciser.</p></div></section>"
      "</body>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr("Le Kremlin a confirmé"));
  EXPECT_THAT(text, HasSubstr("La date exacte"));
}

TEST(HtmlExtractor, DecodesEntitiesAndCollapsesWhitespace) {
  const std::string html =
      "<body><p>L&#39;&eacute;t&eacute; &amp; l&rsquo;hiver,\n   &nbsp; deux saisons "
      "&laquo;&#xA0;oppos&#233;es&#xA0;&raquo;.</p></body>";
  EXPECT_EQ(Extract(html), "L'été & l’hiver, deux saisons « opposées ».");
}

TEST(HtmlExtractor, KeepsTheTextOfTruncatedHtml) {
  const std::string html = "<html><body><article><p>" + std::string(kPara1) + "</p><p>" + kPara2 +
                           "</p><p>Le texte s'arrête au milieu d'une phr";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara2));
  EXPECT_THAT(text, HasSubstr("au milieu d'une phr"));
}

TEST(HtmlExtractor, EmptyBodyGivesEmptyTextNotTheMenu) {
  EXPECT_EQ(Extract("<html><body><nav><ul><li><a href=/>Accueil</a></li><li><a href=/m>"
                    "Monde</a></li></ul></nav></body></html>"),
            "");
  EXPECT_EQ(Extract("<body><div id=\"main-menu\"><a href=/>Accueil</a> <a href=/m>Monde</a> "
                    "<a href=/s>Sports et loisirs</a></div></body>"),
            "");
  EXPECT_EQ(Extract("<body><ul><li><a href=/>Accueil</a></li><li><a href=/m>Monde et "
                    "international</a></li></ul></body>"),
            "");
  EXPECT_EQ(Extract(""), "");
}

TEST(HtmlExtractor, SplitsParagraphsAtDoubleLineBreaks) {
  const std::string html =
      "<body><div>" + std::string(kPara1) + "<br><br>" + kPara2 + "<br>" + kPara3 + "</div></body>";
  EXPECT_EQ(Extract(html), std::string(kPara1) + "\n\n" + kPara2 + " " + kPara3);
}

TEST(HtmlExtractor, KeepsHeaderInsideArticleAndSubheadings) {
  const std::string html =
      "<body><article><header><h1>Titre</h1><p class=\"chapo\">Le chapô, qui résume "
      "l'article, en une phrase.</p></header>" +
      ArticleBody() + "<h2>Une suite attendue</h2><p>" + kPara3 + "</p></article></body>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr("Le chapô"));
  EXPECT_THAT(text, HasSubstr("\n\nUne suite attendue\n\n"));
  EXPECT_THAT(text, Not(HasSubstr("Titre")));
}

TEST(HtmlExtractor, CollectsMetadataInputsEvenFromDroppedElements) {
  const std::string html =
      "<html lang=\"fr-FR\"><head><title>Sommet | Le Journal</title>"
      "<meta property=\"og:title\" content=\"Le sommet\">"
      "<link rel=\"canonical\" href=\"/2019/04/25/sommet\">"
      "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script></head>"
      "<body><header><h1>Le sommet de Moscou</h1><span class=\"byline\">Par Jeanne Dupont"
      "</span></header><article><time datetime=\"2019-04-25T08:00:00+02:00\">25 avril</time>" +
      ArticleBody() + "</article></body></html>";
  const HtmlExtraction result = ExtractHtml(html, ExtractOptions{});
  EXPECT_TRUE(result.parsed);
  EXPECT_EQ(result.metadata.html_lang, "fr-FR");
  EXPECT_EQ(result.metadata.title_tag, "Sommet | Le Journal");
  ASSERT_EQ(result.metadata.headlines.size(), 1u);
  EXPECT_EQ(result.metadata.headlines[0].text, "Le sommet de Moscou");
  EXPECT_EQ(result.metadata.headlines[0].level, 1);
  EXPECT_EQ(result.metadata.byline, "Par Jeanne Dupont");
  EXPECT_EQ(result.metadata.canonical_href, "/2019/04/25/sommet");
  EXPECT_EQ(result.metadata.time_datetime, "2019-04-25T08:00:00+02:00");
  ASSERT_EQ(result.metadata.json_ld.size(), 1u);
  EXPECT_THAT(result.text, Not(HasSubstr("25 avril")));
}

TEST(HtmlExtractor, KeepsAnArticleSplitOverSiblingSections) {
  // The story continues in a second card; the rail of links stays out.
  const std::string html =
      std::string("<html><body><div class=page>") + "<div class=card><div class=card-body><p>" +
      kPara1 + "</p><p>" + kPara2 + "</p></div></div>" +
      "<div class=card><div class=card-body><p>" + kPara3 + "</p></div></div>" +
      "<ul><li><a href=/a>Autre sujet</a></li><li><a href=/b>Encore un "
      "autre sujet</a></li></ul></div></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, HasSubstr(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("Autre sujet")));
}

TEST(HtmlExtractor, KeepsAnArticleNestedInAWrapperNamedLikeFurniture) {
  // An unclosed menu item swallows the page: the wrapper holds the prose.
  const std::string html = std::string("<html><body><div class=navigation-menu><ul><li>") +
                           "<a href=/>Accueil</a><article>" + ArticleBody() +
                           "</article></div><div class=sidebar><p>Notre sélection du jour, "
                           "les meilleures offres et bons plans de la semaine pour vous.</p>"
                           "</div></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, HasSubstr(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("Notre sélection")));
}

TEST(HtmlExtractor, KeepsAnArticleTheParserNestedInANavOrButton) {
  // An unclosed <button> in a menu: libxml2's HTML 4 parser puts the rest of
  // the page inside the nav and the button.
  const std::string html = std::string("<html><body><nav><ul><li><a href=/>Accueil</a>") +
                           "<button class=toggle>Menu<article>" + ArticleBody() +
                           "</article></nav></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, HasSubstr(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("Accueil")));
}

TEST(HtmlExtractor, KeepsAPageWrappedInNoscript) {
  const std::string html =
      "<html><body><noscript><div id=corps>" + ArticleBody() + "</div></noscript></body></html>";
  EXPECT_THAT(Extract(html), HasSubstr(kPara2));
}

TEST(HtmlExtractor, StillDropsNavAsideAndNoscriptThatHoldLittleProse) {
  // A sidebar of teaser excerpts is prose too, but less than the article's.
  const std::string html =
      std::string("<html><body><noscript><p>Veuillez activer JavaScript pour profiter, ") +
      "pleinement, de toutes les fonctions de notre site internet.</p></noscript>"
      "<article>" +
      ArticleBody() +
      "</article><aside class=sidebar><p>Un autre sujet, avec des virgules, beaucoup de "
      "virgules, et encore du texte pour faire une longue accroche.</p></aside>"
      "<footer><p>Le Journal, 12 rue des Presses, 75000 Paris, tous les jours depuis "
      "1921, au service de ses lecteurs.</p></footer></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, Not(HasSubstr("JavaScript")));
  EXPECT_THAT(text, Not(HasSubstr("Un autre sujet")));
  EXPECT_THAT(text, Not(HasSubstr("12 rue des Presses")));
}

TEST(HtmlExtractor, UtilityClassNamesWithHiddenOrPrintAreNotFurniture) {
  // Drupal hides a field's label, not the field; Elementor wraps every
  // block in "elementor-widget-container"; "overflow-hidden" clips.
  const std::string html =
      std::string("<html><body><div class=\"field field--label-hidden\"><p>") + kPara1 +
      "</p></div><div class=\"elementor-widget elementor-widget-text-editor\">"
      "<div class=elementor-widget-container><p>" +
      kPara2 + "</p></div></div><div class=\"tip-print-step overflow-hidden\"><p>" + kPara3 +
      "</p></div></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, HasSubstr(kPara2));
  EXPECT_THAT(text, HasSubstr(kPara3));
}

TEST(HtmlExtractor, DropsHiddenUtilityClassesAndPrevNextTeasers) {
  const std::string html =
      "<html><body><article>" + ArticleBody() +
      "<div class=\"d-none d-print-block\"><p>Ce document est soumis au droit d'auteur, "
      "aucune partie ne peut être reproduite sans autorisation écrite.</p></div>"
      "<div class=next-prev><p>Le prochain sommet, déjà annoncé, se tiendra à Genève, "
      "au printemps, avec les mêmes participants.</p></div></article></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("droit d'auteur")));
  EXPECT_THAT(text, Not(HasSubstr("Genève")));
}

}  // namespace
}  // namespace veille::extract
