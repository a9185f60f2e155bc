// Each metadata source on its own: title choice (h1 vs declared titles), the
// dates written in datelines, and the order of trust between sources.
#include <gtest/gtest.h>

#include <string>

#include "extract/metadata.h"
#include "extract/text_date.h"
#include "veille/extract.h"

namespace veille {
namespace {

using extract::FindDateInText;
using extract::MetadataInputs;
using extract::ResolveMetadata;

const char kBody[] =
    "<p>Le dirigeant nord-coréen Kim Jong-un est arrivé mercredi à Vladivostok, en Russie, "
    "pour son premier sommet avec le président Vladimir Poutine.</p>"
    "<p>Les deux hommes doivent évoquer le programme nucléaire de Pyongyang, les sanctions "
    "internationales et la coopération économique entre leurs deux pays.</p>";

Article MustExtract(const std::string& html, const std::string& url = "") {
  RawDocument doc;
  doc.input = "page.html";
  doc.format = DocFormat::kHtml;
  doc.bytes = html;
  doc.url = url;
  Result<Article> a = Extract(doc, ExtractOptions{});
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(a).value() : Article{};
}

TEST(TextDate, ReadsWrittenDatesInSeveralLanguages) {
  EXPECT_EQ(FindDateInText("Publié le jeudi 25 avril 2019 à 10h"), "2019-04-25");
  EXPECT_EQ(FindDateInText("1er mai 2020"), "2020-05-01");
  EXPECT_EQ(FindDateInText("Veröffentlicht am 3. März 2021"), "2021-03-03");
  EXPECT_EQ(FindDateInText("Posted on April 25, 2019 by admin"), "2019-04-25");
  EXPECT_EQ(FindDateInText("Sept. 3rd, 2018"), "2018-09-03");
  EXPECT_EQ(FindDateInText("12 de octubre de 2022"), "2022-10-12");
  EXPECT_EQ(FindDateInText("Dec 1 2017"), "2017-12-01");
}

TEST(TextDate, ReadsNumericDatesDayFirst) {
  EXPECT_EQ(FindDateInText("Stand: 25.04.2019, 10:12 Uhr"), "2019-04-25");
  EXPECT_EQ(FindDateInText("05/04/2019"), "2019-04-05");
  EXPECT_EQ(FindDateInText("04/25/2019"), "2019-04-25");  // only month-first is valid
  EXPECT_EQ(FindDateInText("updated 2019-04-25T10:00"), "2019-04-25");
}

TEST(TextDate, RejectsIncompleteOrImpossibleDates) {
  EXPECT_EQ(FindDateInText("© 2019 Le Monde"), "");
  EXPECT_EQ(FindDateInText("April 2019"), "");
  EXPECT_EQ(FindDateInText("31.02.2019"), "");
  EXPECT_EQ(FindDateInText("29 février 2019"), "");  // not a leap year
  EXPECT_EQ(FindDateInText("29 février 2020"), "2020-02-29");
  EXPECT_EQ(FindDateInText("12.05.1850"), "");  // outside the news era
  EXPECT_EQ(FindDateInText("Tel. 12 34 5678"), "");
  EXPECT_EQ(FindDateInText(""), "");
}

TEST(Metadata, VisibleHeadlineWinsWhenItAgreesWithTheDeclaredTitle) {
  MetadataInputs in;
  in.meta = {{"og:title", "Chronik: Lotte Tobisch ist tot"}};
  in.first_h1 = "Lotte Tobisch ist tot";
  EXPECT_EQ(ResolveMetadata(in, "").title, "Lotte Tobisch ist tot");
  in.first_h1 = "Bushido erklärt ihn für „finished“";
  in.meta = {{"og:title", "Bushido erklärt ihn für \"finished\""}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Bushido erklärt ihn für „finished“");
}

TEST(Metadata, LogoHeadlineLosesToTheDeclaredTitle) {
  MetadataInputs in;
  in.first_h1 = "Krimiblog";
  in.title_tag = "Das vermutlich schwulste Musikvideo der Welt | Krimiblog";
  in.meta = {{"og:site_name", "Krimiblog"}};
  EXPECT_EQ(ResolveMetadata(in, "https://krimiblog.de/x").title,
            "Das vermutlich schwulste Musikvideo der Welt");
  in.title_tag.clear();
  EXPECT_EQ(ResolveMetadata(in, "").title, "Krimiblog");  // the only candidate
}

TEST(Metadata, DateOrderOfTrust) {
  MetadataInputs in;
  in.text_date = "2019-04-27";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2019-04-27");
  EXPECT_EQ(ResolveMetadata(in, "https://a.fr/2019/04/26/x").published, "2019-04-26");
  in.time_datetime = "2019-04-25";
  EXPECT_EQ(ResolveMetadata(in, "https://a.fr/2019/04/26/x").published, "2019-04-25");
  in.meta = {{"article:published_time", "2019-04-24T08:00:00+02:00"}};
  // The page's own offset is kept: the publication day is the local one.
  EXPECT_EQ(ResolveMetadata(in, "").published, "2019-04-24T08:00:00+02:00");
  in.meta = {{"article:published_time", "2019-04-24T00:30:00+02:00"}};
  EXPECT_EQ(ResolveMetadata(in, "").published.substr(0, 10), "2019-04-24");
  in.meta.clear();
  in.time_datetime.clear();
  in.text_date.clear();
  in.headline_date = "2019-04-23";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2019-04-23");
}

TEST(Metadata, KickerDrawnInTheHeadlineIsNotPartOfTheTitle) {
  MetadataInputs in;
  in.first_h1 = "Tunesien Große Aufgaben für die neue Regierung";
  in.h1_in_content = true;
  in.meta = {{"og:title", "Große Aufgaben für die neue Regierung"}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Große Aufgaben für die neue Regierung");
  // The headline without the declared title's site suffix still wins.
  in.first_h1 = "Große Aufgaben für die neue Regierung";
  in.meta = {{"og:title", "Große Aufgaben für die neue Regierung | Qantara"}};
  EXPECT_EQ(ResolveMetadata(in, "https://qantara.de/x").title,
            "Große Aufgaben für die neue Regierung");
}

TEST(Metadata, JsonLdDateOfAPageThatIsNoArticle) {
  MetadataInputs in;
  in.json_ld = {R"({"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":"WebPage","name":"Wie funktioniert's","datePublished":"2014-03-17T01:44:37+00:00"}]})"};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2014-03-17T01:44:37Z");
  in.json_ld = {R"({"@type":"VideoObject","name":"Clip","uploadDate":"2019-10-16"})"};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2019-10-16");
}

TEST(Metadata, DateWrittenUnderTheHeadline) {
  const Article a = MustExtract(
      std::string("<html><body><article><h1>Cup-Vorschau<br><small>Handball Schweiz &bull; "
                  "02.02.2022</small></h1>") +
      kBody + "</article><footer>© 2012-2022 Impressum 01.01.2012</footer></body></html>");
  EXPECT_EQ(a.published, "2022-02-02");
}

TEST(Metadata, DatelineTextIsTheLastResortOnAPage) {
  const Article a = MustExtract(std::string("<html><body><article><h1>Kim en Russie</h1>"
                                            "<div class=\"post-meta\">Publié le 25 avril 2019 "
                                            "par Joanne Massard</div>") +
                                kBody + "</article><footer>© 2012-2019</footer></body></html>");
  EXPECT_EQ(a.published, "2019-04-25");
  EXPECT_EQ(a.title, "Kim en Russie");
}

TEST(Metadata, AuthorSourcesInOrder) {
  MetadataInputs in;
  in.byline = "Par Joanne Massard";
  EXPECT_EQ(ResolveMetadata(in, "").author, "Joanne Massard");
  in.rel_author = "Marie Dupont";
  EXPECT_EQ(ResolveMetadata(in, "").author, "Marie Dupont");
  in.meta = {{"author", "Jean Martin"}};
  EXPECT_EQ(ResolveMetadata(in, "").author, "Jean Martin");
  in.json_ld = {R"({"@type":"NewsArticle","author":{"@type":"Person","name":"Anne Leroy"}})"};
  EXPECT_EQ(ResolveMetadata(in, "").author, "Anne Leroy");
}

}  // namespace
}  // namespace veille
