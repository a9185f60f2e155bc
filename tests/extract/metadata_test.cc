// Each metadata source on its own: title choice (h1 vs declared titles), the
// dates written in datelines, and the order of trust between sources.
#include <gtest/gtest.h>

#include <string>

#include "extract/metadata.h"
#include "extract/text_date.h"
#include "extract_pages.h"
#include "veille/extract.h"

namespace veille {
namespace {

using testing_pages::kBody;
using testing_pages::MustExtract;

using extract::FindDateInText;
using extract::Headline;
using extract::MetadataInputs;
using extract::ResolveMetadata;

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
  in.headlines = {{"Lotte Tobisch ist tot", 1}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Lotte Tobisch ist tot");
  in.headlines = {{"Bushido erklärt ihn für „finished“", 1}};
  in.meta = {{"og:title", "Bushido erklärt ihn für \"finished\""}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Bushido erklärt ihn für „finished“");
}

TEST(Metadata, LogoHeadlineLosesToTheDeclaredTitle) {
  MetadataInputs in;
  in.headlines = {{"Krimiblog", 1}};
  in.title_tag = "Das vermutlich schwulste Musikvideo der Welt | Krimiblog";
  in.meta = {{"og:site_name", "Krimiblog"}};
  EXPECT_EQ(ResolveMetadata(in, "https://krimiblog.de/x").title,
            "Das vermutlich schwulste Musikvideo der Welt");
  in.title_tag.clear();
  EXPECT_EQ(ResolveMetadata(in, "").title, "Krimiblog");  // the only candidate
}

// The scan skips text without a four-digit year from 1990 to 2099 and reads
// month names without allocating: the year bounds, the case of month names
// and their byte lengths (3 to 10, UTF-8 included) still decide.
TEST(TextDate, YearRunAndMonthNamesDecide) {
  EXPECT_EQ(FindDateInText("1 janvier 1990"), "1990-01-01");
  EXPECT_EQ(FindDateInText("31 DECEMBER 2099"), "2099-12-31");
  EXPECT_EQ(FindDateInText("1 janvier 1989"), "");
  EXPECT_EQ(FindDateInText("1 janvier 2100"), "");
  EXPECT_EQ(FindDateInText("1 janvier 20199"), "");              // five digits are no year
  EXPECT_EQ(FindDateInText("3 Septiembre 2021"), "2021-09-03");  // ten bytes
  EXPECT_EQ(FindDateInText("3 Décembre 2021"), "2021-12-03");
  EXPECT_EQ(FindDateInText("3 Septiembres 2021"), "");  // eleven bytes: no month
  EXPECT_EQ(FindDateInText("3 ja 2021"), "");           // two bytes: no month
  EXPECT_EQ(FindDateInText("May 5TH, 2021"), "2021-05-05");
  EXPECT_EQ(FindDateInText("5 DE mayo DE 2021"), "2021-05-05");
  EXPECT_EQ(FindDateInText("no digits at all"), "");
  EXPECT_EQ(FindDateInText("12.05.19 und 2019"), "");
  EXPECT_EQ(FindDateInText("v2.0 20.05.2019"), "2019-05-20");
}

// A lone date needs four digits in the element's own text; a zero-width
// space between them is dropped before the date is read.
TEST(Metadata, LoneDateDigitsAcrossAZeroWidthSpace) {
  const Article a = MustExtract(std::string("<html><body><article><h1>Windpark</h1><div>"
                                            "<span>Presse</span><span>06.12.20\u200b22</span>"
                                            "</div>") +
                                kBody + "</article></body></html>");
  EXPECT_EQ(a.published, "2022-12-06");
  const Article b = MustExtract(std::string("<html><body><article><h1>Windpark</h1><div>"
                                            "<span>Presse</span><span>6.12.22</span></div>") +
                                kBody + "</article></body></html>");
  EXPECT_EQ(b.published, "");
}

TEST(Metadata, DateOrderOfTrust) {
  MetadataInputs in;
  in.text_date = "2019-04-27";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2019-04-27");
  EXPECT_EQ(ResolveMetadata(in, "https://a.fr/2019/04/26/x").published, "2019-04-26");
  in.time_datetime = "2019-04-25";
  in.time_in_content = true;  // a <time> in the story beats the URL
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
  in.headlines = {{"Tunesien Große Aufgaben für die neue Regierung", 1, true}};
  in.meta = {{"og:title", "Große Aufgaben für die neue Regierung"}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Große Aufgaben für die neue Regierung");
  // The headline without the declared title's site suffix still wins.
  in.headlines = {{"Große Aufgaben für die neue Regierung", 1, true}};
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

TEST(Metadata, HeadlineEqualToADeclaredTitleBeatsTheBlogLogo) {
  // The blog's name is an <h1> too, and "Post | Blog" holds it; the post's
  // own <h1> equals og:title.
  MetadataInputs in;
  in.headlines = {{"gnaddrig ad libitum", 1, true}, {"Scherenschnitt (3)", 1, true}};
  in.title_tag = "Scherenschnitt (3) | gnaddrig ad libitum";
  in.meta = {{"og:title", "Scherenschnitt (3)"}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Scherenschnitt (3)");
  // Without og:title, the logo (a link to the home page) is no candidate.
  in.meta.clear();
  in.headlines[0].home_link = true;
  EXPECT_EQ(ResolveMetadata(in, "").title, "Scherenschnitt (3)");
}

TEST(Metadata, VisibleHeadlineBeatsAnUnrelatedSeoTitle) {
  MetadataInputs in;
  in.title_tag = ".:: NMB-MEDIA ::. eBay-Templates, JTL-Wawi Designvorlagen";
  in.headlines = {{"Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen", 1, true}};
  EXPECT_EQ(ResolveMetadata(in, "").title,
            "Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen");
  // A kicker or label heading is not a title.
  in.headlines = {{"Sie sind hier:", 1, true}};
  EXPECT_EQ(ResolveMetadata(in, "").title, in.title_tag);
  // A page without <h1> whose content opens with its title as an <h2>.
  in.headlines = {{"Schreiben Sie Informationen für Ihre Zielgruppe", 2, true},
                  {"Kontakt", 2, true}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Schreiben Sie Informationen für Ihre Zielgruppe");
}

TEST(Metadata, TitleClassHeadingInsideADeclaredTitle) {
  // WordPress: the post title is an <h2 class="entry-title"> outside the
  // kept content, the <title> adds an unknown blog name.
  MetadataInputs in;
  in.headlines = {{"Krimiblog-Archiv", 1, false},
                  {"Das vermutlich schwulste Musikvideo", 3, false, true}};
  in.title_tag = "Krimiblog-Archiv » Das vermutlich schwulste Musikvideo";
  EXPECT_EQ(ResolveMetadata(in, "").title, "Das vermutlich schwulste Musikvideo");
}

TEST(Metadata, HeadlineTextLeavesTheKickerOut) {
  const Article a = MustExtract(
      std::string("<html><head><title>Datenleck bei Rheinmetall</title></head><body><article>"
                  "<h1><span class=\"dachzeile\">Interne Unterlagen im Netz</span> "
                  "<span class=\"headline\">Daten von Rheinmetall gehackt</span></h1>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(a.title, "Daten von Rheinmetall gehackt");
  const Article b = MustExtract(
      std::string("<html><body><article><h1><div class=\"topic-label\">100. Geburtstag</div>"
                  "Margot Friedländer wird 100 Jahre</h1>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(b.title, "Margot Friedländer wird 100 Jahre");
  // A heading for screen readers only is no candidate.
  const Article c = MustExtract(
      std::string("<html><head><title>Atomkraft ist nicht nachhaltig | Amt</title></head><body>"
                  "<h1 class=\"visuallyhidden\">Atomkraft ist nicht nachhaltig | Amt</h1>"
                  "<article><h2 class=\"title\">Atomkraft ist nicht nachhaltig</h2>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(c.title, "Atomkraft ist nicht nachhaltig");
}

TEST(Metadata, DateStandingAloneInASmallElement) {
  const Article a = MustExtract(std::string("<html><body><article><h1>Windpark</h1><div>"
                                            "<span>Presse</span><span>06.12.2022</span></div>") +
                                kBody + "</article></body></html>");
  EXPECT_EQ(a.published, "2022-12-06");
  // A long text holding a date is not a dateline.
  const Article b = MustExtract(std::string("<html><body><article>") + kBody +
                                "<p>Die Anlage wird am 06.12.2022 in Betrieb genommen, sagte "
                                "der Betreiber.</p></article></body></html>");
  EXPECT_EQ(b.published, "");
}

TEST(Metadata, DateSourcesTheIsoReaderRefuses) {
  MetadataInputs in;
  in.time_datetime = "11.11.2021 18:00";  // not ISO, still a date
  EXPECT_EQ(ResolveMetadata(in, "").published, "2021-11-11");
  in.time_datetime.clear();
  in.json_ld = {R"({"@type":"Article","datePublished":"2022-01-10T22:06:08:684Z"})"};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2022-01-10");
  in.json_ld.clear();
  in.meta = {{"schema:datecreated", "2022-01-28T12:45:46+00:00"}};
  EXPECT_EQ(ResolveMetadata(in, "").published.substr(0, 10), "2022-01-28");
}

TEST(Metadata, UtcTimeMovedToTheReadersDay) {
  using extract::ReadersDay;
  // A UTC time, and the page writes another time with its own offset.
  MetadataInputs in;
  in.json_ld = {R"({"@type":"NewsArticle","datePublished":"2019-10-18T22:04:00Z"})"};
  in.meta = {{"date", "Sat, 19 Oct 2019 00:04:00 +0200"}};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2019-10-19T00:04:00+02:00");
  // Without evidence of the readers' zone, UTC stays UTC, even on the hour.
  in.json_ld.clear();
  in.meta = {{"article:published_time", "2021-11-04T23:00:00.000Z"}};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2021-11-04T23:00:00Z");
  in.meta = {{"article:published_time", "2021-11-04T23:17:00Z"}};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2021-11-04T23:17:00Z");
  // The date written under the headline, when an offset explains it.
  EXPECT_EQ(ReadersDay("2022-05-04T00:53:29Z", "2022-05-04T00:53:29.274Z", false, 0, "2022-05-03"),
            "2022-05-03");
  EXPECT_EQ(ReadersDay("2020-04-29T11:52:23Z", "2020-04-29T11:52:23", false, 0, "2020-04-28"),
            "2020-04-28");
  // ... not when no offset does (early morning UTC is the same day in Europe).
  EXPECT_EQ(ReadersDay("2022-02-08T08:05:43Z", "2022-02-08T08:05:43+00:00", false, 0, "2022-02-09"),
            "2022-02-08T08:05:43Z");
  EXPECT_EQ(ReadersDay("2022-02-08T18:05:43Z", "2022-02-08T18:05:43Z", false, 0, "2022-02-06"),
            "2022-02-08T18:05:43Z");
  // A time with its own offset is the page's own calendar already.
  EXPECT_EQ(
      ReadersDay("2019-10-19T00:04:00+02:00", "2019-10-19T00:04+02:00", true, 60, "2019-10-18"),
      "2019-10-19T00:04:00+02:00");
  // A zone-less time is not moved by another time's offset.
  EXPECT_EQ(ReadersDay("2021-11-04T23:30:00Z", "2021-11-04 23:30:00", true, 60, ""),
            "2021-11-04T23:30:00Z");
}

TEST(Metadata, DateUnderTheHeadlineCorrectsAUtcTimestamp) {
  const Article a = MustExtract(
      std::string("<html><head><meta property=\"article:published_time\" "
                  "content=\"2022-05-04T00:53:29Z\"></head><body><article><h1>Jugada</h1>"
                  "<div><span>3 de mayo de 2022</span></div>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(a.published, "2022-05-03");
}

TEST(Metadata, VideoDateInJsonLdIsWeakerThanTheArticleMetaTags) {
  MetadataInputs in;
  in.json_ld = {
      R"({"@type":"VideoObject","name":"Clip","uploadDate":"2015-01-16T14:53:35+01:00"})"};
  in.meta = {{"article:published_time", "2017-12-01T12:01:11+01:00"}};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2017-12-01T12:01:11+01:00");
  in.meta.clear();
  EXPECT_EQ(ResolveMetadata(in, "").published, "2015-01-16T14:53:35+01:00");
}

TEST(Metadata, GenericDateTagYieldsToTheVisibleDateline) {
  // TYPO3 and others fill <meta name="date"> with the last change.
  MetadataInputs in;
  in.meta = {{"date", "2020-02-12"}};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-02-12");
  in.time_datetime = "2020-02-05";
  in.time_in_content = true;
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-02-05");
  in.time_datetime.clear();
  in.headline_date = "2020-02-05";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-02-05");
  // A specific publication tag still beats the dateline.
  in.meta.push_back({"dc.date.issued", "2020-02-04"});
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-02-04");
}

TEST(Metadata, TimeOutsideTheContentYieldsToTheUrlDate) {
  MetadataInputs in;
  in.time_datetime = "2009-04-11 18:06:36";  // a related post's
  in.time_in_content = false;
  EXPECT_EQ(ResolveMetadata(in, "https://a.de/2019/10/22/slug").published, "2019-10-22");
  in.time_in_content = true;
  EXPECT_EQ(ResolveMetadata(in, "https://a.de/2019/10/22/slug").published.substr(0, 10),
            "2009-04-11");
}

TEST(Metadata, TitleWithoutSoftHyphensOrALeadingDate) {
  MetadataInputs in;
  in.headlines = {
      {"Mes\xC2\xADsen\xC2\xADger sind kein rechts\xC2\xAD"
       "freier Raum",
       1, true}};
  in.meta = {{"twitter:title", "Messenger sind kein rechtsfreier Raum"}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Messenger sind kein rechtsfreier Raum");
  in.headlines = {{"23.01.2022 - Wierer darf noch jubeln", 2, false, true}};
  in.meta = {{"og:title", "23.01.2022 - Wierer darf noch jubeln - Biathlon"}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Wierer darf noch jubeln");
  // A number that is no date stays.
  in.headlines = {{"1860 - Die Geschichte eines Vereins", 1, true}};
  in.meta.clear();
  EXPECT_EQ(ResolveMetadata(in, "").title, "1860 - Die Geschichte eines Vereins");
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
