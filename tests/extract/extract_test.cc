#include "veille/extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/metadata.h"

namespace veille {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

RawDocument Html(std::string bytes, std::string url = "") {
  RawDocument doc;
  doc.input = "page.html";
  doc.format = DocFormat::kHtml;
  doc.bytes = std::move(bytes);
  doc.url = std::move(url);
  return doc;
}

Article MustExtract(const RawDocument& doc) {
  Result<Article> article = Extract(doc, ExtractOptions{});
  EXPECT_TRUE(article.ok()) << article.status().ToString();
  return article.ok() ? std::move(article).value() : Article{};
}

const char kFrenchBody[] =
    "<p>Le dirigeant nord-coréen Kim Jong-un est arrivé mercredi à Vladivostok, en Russie, "
    "pour son premier sommet avec le président Vladimir Poutine.</p>"
    "<p>Les deux hommes doivent évoquer le programme nucléaire de Pyongyang, les sanctions "
    "internationales et la coopération économique entre leurs deux pays.</p>";

TEST(Extract, DecodesWindows1252PageWithMetaCharset) {
  const std::string html =
      "<html><head><meta charset=\"windows-1252\"><title>L'\xE9t\xE9 \x96 Le Journal</title>"
      "</head><body><article><p>L'\xE9t\xE9 sera chaud, pr\xE9vient M\xE9t\xE9o-France, qui "
      "annonce des temp\xE9ratures \xE9lev\xE9\x65s d\xE8s la fin du mois de juin.</p>"
      "<p>Les r\xE9gions du sud seront les plus touch\xE9\x65s, selon les pr\xE9visionnistes "
      "\x93 et la s\xE9\x63heresse menace d\xE9j\xE0 les cultures \x94.</p>"
      "</article></body></html>";
  const Article a = MustExtract(Html(html, "https://www.lejournal.fr/meteo/ete"));
  EXPECT_THAT(a.text, HasSubstr("L'été sera chaud, prévient Météo-France"));
  EXPECT_THAT(a.text, HasSubstr("“ et la sécheresse menace déjà les cultures ”."));
  EXPECT_EQ(a.title, "L'été");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.site, "lejournal.fr");
}

TEST(Extract, ReadsJsonLdMetadataFromAGraph) {
  const std::string html =
      std::string(
          "<html lang=\"fr\"><head><script type=\"application/ld+json\">"
          "{\"@context\": \"https://schema.org\", \"@graph\": ["
          "{\"@type\": \"WebSite\", \"name\": \"Site\"},"
          "{\"@type\": [\"NewsArticle\"], \"headline\": \"Kim &amp; Poutine\","
          " \"datePublished\": \"2019-04-25T08:30:00+02:00\","
          " \"author\": [{\"@type\": \"Person\", \"name\": \"Jeanne Dupont\"},"
          "  {\"name\": \"Paul Martin\"}],"
          " \"publisher\": {\"@type\": \"Organization\", \"name\": \"Le Quotidien\"},"
          " \"image\": {\"url\": \"https://cdn.example.org/kim.jpg\"}}]}"
          "</script><script type=\"application/ld+json\">{broken</script></head><body>") +
      kFrenchBody + "</body></html>";
  const Article a = MustExtract(Html(html, "https://example.org/a"));
  EXPECT_EQ(a.title, "Kim & Poutine");
  EXPECT_EQ(a.author, "Jeanne Dupont, Paul Martin");
  EXPECT_EQ(a.published, "2019-04-25T08:30:00+02:00");
  EXPECT_EQ(a.site, "Le Quotidien");
  EXPECT_EQ(a.image_url, "https://cdn.example.org/kim.jpg");
}

TEST(Extract, ReadsOpenGraphTagsAndCanonicalLink) {
  const std::string html =
      std::string(
          "<html><head><title>ignored</title>"
          "<meta property=\"og:title\" content=\"Kim à Vladivostok | Le Quotidien\">"
          "<meta property=\"og:site_name\" content=\"Le Quotidien\">"
          "<meta property=\"og:image\" content=\"/img/kim.jpg\">"
          "<meta property=\"article:published_time\" content=\"2019-04-24\">"
          "<meta name=\"author\" content=\"Jeanne Dupont\">"
          "<link rel=\"canonical\" href=\"/monde/kim.html?utm_source=rss#top\">"
          "</head><body>") +
      kFrenchBody + "</body></html>";
  const Article a = MustExtract(Html(html, "https://www.example.org/amp/kim?x=1"));
  EXPECT_EQ(a.title, "Kim à Vladivostok");
  EXPECT_EQ(a.site, "Le Quotidien");
  EXPECT_EQ(a.url, "https://www.example.org/monde/kim.html");
  EXPECT_EQ(a.image_url, "https://www.example.org/img/kim.jpg");
  EXPECT_EQ(a.published, "2019-04-24");
  EXPECT_EQ(a.author, "Jeanne Dupont");
}

TEST(Extract, RemovesSiteSuffixMatchingTheHostAndDatesFromThePath) {
  const std::string html =
      std::string("<html><head><title>Kim arrive en Russie - Le Monde</title></head><body>") +
      kFrenchBody + "</body></html>";
  const Article a = MustExtract(Html(html, "https://www.lemonde.fr/international/2019/04/24/kim/"));
  EXPECT_EQ(a.title, "Kim arrive en Russie");
  EXPECT_EQ(a.site, "lemonde.fr");
  EXPECT_EQ(a.published, "2019-04-24");
  EXPECT_EQ(a.url, "https://www.lemonde.fr/international/2019/04/24/kim/");
}

TEST(Extract, StripSiteFromTitleLeavesOtherTitlesAlone) {
  EXPECT_EQ(extract::StripSiteFromTitle("Le Monde | Kim arrive", "Le Monde", ""), "Kim arrive");
  EXPECT_EQ(extract::StripSiteFromTitle("Paris - Moscou : un sommet", "Le Monde", "lemonde.fr"),
            "Paris - Moscou : un sommet");
  EXPECT_EQ(extract::DateFromUrlPath("https://a.fr/x/2019/04/25/slug"), "2019-04-25");
  EXPECT_EQ(extract::DateFromUrlPath("https://a.fr/2019/04/slug"), "");
}

TEST(Extract, IdentifiesFrenchEnglishAndGerman) {
  const Article fr = MustExtract(Html(std::string("<body>") + kFrenchBody + "</body>"));
  EXPECT_EQ(fr.lang, "fr");
  const Article en = MustExtract(
      Html("<body><p>The North Korean leader arrived in Vladivostok on Wednesday for his first "
           "summit with the Russian president, officials said.</p><p>The two men are expected "
           "to discuss the nuclear programme, international sanctions and economic "
           "cooperation between their countries.</p></body>"));
  EXPECT_EQ(en.lang, "en");
  const Article de = MustExtract(
      Html("<html lang=\"en\"><body><p>Der nordkoreanische Machthaber ist am Mittwoch zu "
           "seinem ersten Gipfeltreffen mit dem russischen Präsidenten in Wladiwostok "
           "eingetroffen.</p><p>Die beiden Männer wollen über das Atomprogramm, die "
           "internationalen Sanktionen und die wirtschaftliche Zusammenarbeit sprechen."
           "</p></body></html>"));
  EXPECT_EQ(de.lang, "de");  // the text outweighs a wrong lang attribute
  const Article hinted = MustExtract(Html("<html lang=\"fr-FR\"><body><p>OK.</p></body></html>"));
  EXPECT_EQ(hinted.lang, "fr");  // too short to detect: the declared language
}

TEST(Extract, CleanTextPassesThroughUnchanged) {
  RawDocument doc;
  doc.input = "feed.jsonl";
  doc.record = 3;
  doc.format = DocFormat::kText;
  doc.bytes_are_utf8 = true;
  doc.title = "Le budget présenté";
  doc.url = "https://example.org/budget?utm_medium=social";
  doc.published = "2024-10-10T09:00:00+02:00";
  doc.bytes =
      "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain.\n\n"
      "Il prévoit une baisse des dépenses de l'État, compensée par de nouvelles recettes.\n\n"
      "L'opposition a dénoncé « un budget d'austérité » et promis de le combattre.";
  const Article a = MustExtract(doc);
  EXPECT_EQ(a.text, doc.bytes);
  EXPECT_EQ(a.title, "Le budget présenté");
  EXPECT_EQ(a.url, "https://example.org/budget");
  EXPECT_EQ(a.published, "2024-10-10T07:00:00Z");
  EXPECT_EQ(a.site, "example.org");
  EXPECT_EQ(a.lang, "fr");
}

TEST(Extract, TextPagesHaveEntitiesDecodedAndBoilerplateRemoved) {
  RawDocument doc;
  doc.input = "page.txt";
  doc.format = DocFormat::kText;
  doc.bytes =
      "Accueil / Monde / Budget\n"
      "Le budget de l&#39;&Eacute;tat\n"
      "Par Jeanne Dupont\n"
      "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain.\n"
      "Il prévoit une baisse des dépenses de l'État, compensée par de nouvelles recettes.\n"
      "Lire aussi : notre analyse\n"
      "Newsletter\n";
  const Article a = MustExtract(doc);
  EXPECT_EQ(a.title, "Le budget de l'État");
  EXPECT_EQ(a.author, "Jeanne Dupont");
  EXPECT_EQ(a.text,
            "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain.\n\n"
            "Il prévoit une baisse des dépenses de l'État, compensée par de nouvelles recettes.");
}

TEST(Extract, ContainerHintsWinAndThePageFillsGaps) {
  std::string html = std::string(
                         "<html><head><meta property=\"og:title\" content=\"Titre de la page\">"
                         "<meta property=\"og:site_name\" content=\"Site de la page\">"
                         "<meta name=\"author\" content=\"Jeanne Dupont\">"
                         "<meta property=\"article:published_time\" content=\"2019-04-24\">"
                         "</head><body>") +
                     kFrenchBody + "</body></html>";
  RawDocument doc = Html(std::move(html), "https://example.org/a");
  doc.title = "Titre du flux";
  doc.site = "Site du flux";
  doc.published = "2019-04-25";
  const Article a = MustExtract(doc);
  EXPECT_EQ(a.title, "Titre du flux");
  EXPECT_EQ(a.site, "Site du flux");
  EXPECT_EQ(a.published, "2019-04-25");
  EXPECT_EQ(a.author, "Jeanne Dupont");
}

TEST(Extract, BinaryInputIsInvalidAndNamesTheInput) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0\0\0\0\0\0\0";
  RawDocument doc = Html(std::string(kPng, sizeof(kPng) - 1));
  doc.input = "image.png";
  for (int i = 0; i < 200; ++i) doc.bytes.push_back(static_cast<char>(i % 7));
  const Result<Article> a = Extract(doc, ExtractOptions{});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(a.status().input(), "image.png");
}

TEST(Extract, RejectsFormatsItCannotExtract) {
  RawDocument doc;
  doc.input = "x.jsonl";
  doc.format = DocFormat::kJsonl;
  const Result<Article> a = Extract(doc, ExtractOptions{});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace veille
