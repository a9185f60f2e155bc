// The publication date chosen among a page's candidates (date_choice.h), the
// dateline shapes it reads (text_date.h), the collection of new candidates
// (metadata.h) and the title rules that complete or trim a headline.
#include "extract/date_choice.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/json_ld.h"
#include "extract/metadata.h"
#include "extract/text_date.h"
#include "extract_pages.h"
#include "veille/extract.h"

namespace veille {
namespace {

using testing_pages::kBody;
using testing_pages::MustExtract;

using extract::ChoosePublished;
using extract::DateInTitle;
using extract::FindDateInDateline;
using extract::FindDateInText;
using extract::JsonLdFacts;
using extract::MetadataInputs;
using extract::ReadJsonLd;
using extract::ResolveMetadata;

TEST(TextDate, DatelinesMayWriteTwoDigitYears) {
  EXPECT_EQ(FindDateInDateline("28.01.22 / 0 Kommentare"), "2022-01-28");
  EXPECT_EQ(FindDateInDateline("Von: Björn | 31.10.23"), "2023-10-31");
  EXPECT_EQ(FindDateInDateline("Stand: 25.04.2019"), "2019-04-25");  // the long form still
  EXPECT_EQ(FindDateInDateline("Version 1.28.01.22"), "");           // a dotted run
  EXPECT_EQ(FindDateInDateline("28.01.22.5"), "");
  EXPECT_EQ(FindDateInDateline("19.1.23, 10:00-11:30 Uhr"), "");  // one-digit month: too loose
  EXPECT_EQ(FindDateInDateline("31.02.22"), "");
  // Elsewhere a two-digit year is not read.
  EXPECT_EQ(FindDateInText("28.01.22"), "");
}

TEST(DateChoice, DateInATitleSegment) {
  EXPECT_EQ(DateInTitle("08.11.2021 | Online-Fachtag zum Intersex Day"), "2021-11-08");
  EXPECT_EQ(DateInTitle("Gobierno acusa a Montecon - Información - 11/05/2022 - EL PAÍS"),
            "2022-05-11");
  EXPECT_EQ(DateInTitle("Reparaturcafé am 31. Januar 2022 - Stadt Ahlen"), "");  // a sentence
  EXPECT_EQ(DateInTitle("Rückblick 2021"), "");
}

TEST(DateChoice, VisibleDateConfirmedByTheModificationDateWins) {
  MetadataInputs in;
  in.json_ld = {R"({"@type":"NewsArticle","datePublished":"2020-01-03T09:48:24Z",)"
                R"("dateModified":"2020-01-06T09:22:36Z"})"};
  in.headline_date = "2020-01-06";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-01-06T09:22:36Z");
  // A visible date no declared date confirms leaves the declared publication.
  in.headline_date = "2020-01-09";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-01-03T09:48:24Z");
  // A visible date equal to the publication keeps it.
  in.headline_date = "2020-01-03";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-01-03T09:48:24Z");
}

TEST(DateChoice, DatelineConfirmsAModifiedTimeAcrossAUtcMidnight) {
  // Published "at midnight" stored in UTC the evening before; the page
  // shows the next day, which its modification time also has.
  MetadataInputs in;
  in.meta = {{"article:modified_time", "2021-11-05T12:42Z"},
             {"article:published_time", "2021-11-04T23:00Z"}};
  in.text_date = "2021-11-05";
  EXPECT_EQ(ResolveMetadata(in, "").published.substr(0, 10), "2021-11-05");
}

TEST(DateChoice, HeaderTodayDoesNotConfirmALateModification) {
  // An old article edited today, on a page whose header shows today's date:
  // the dateline may be anywhere, so it confirms no modification weeks after
  // the publication.
  MetadataInputs in;
  in.json_ld = {R"({"@type":"NewsArticle","datePublished":"2026-10-02T08:00:00Z",)"
                R"("dateModified":"2026-11-28T06:00:00Z"})"};
  in.text_date = "2026-11-28";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2026-10-02T08:00:00Z");
  // Shown under the headline, the same date is the one readers were given.
  in.headline_date = "2026-11-28";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2026-11-28T06:00:00Z");
}

TEST(DateChoice, ModificationBeforeThePublicationConfirmsNothing) {
  MetadataInputs in;
  in.meta = {{"article:published_time", "2022-12-25T11:00:02+00:00"},
             {"article:modified_time", "2022-12-07T09:10:52+00:00"}};
  in.headline_date = "2022-12-07";
  EXPECT_EQ(ResolveMetadata(in, "").published.substr(0, 10), "2022-12-25");
}

TEST(DateChoice, GenericDateTagConfirmsOnlyADateInTheContent) {
  MetadataInputs in;
  in.meta = {{"date", "2017-05-01T17:05:00+0200"}};
  in.text_date = "2020-02-26";  // a header's "today"
  in.lone_date = "2017-05-01";
  in.lone_date_in_content = true;
  EXPECT_EQ(ResolveMetadata(in, "").published.substr(0, 10), "2017-05-01");
  // A dateline outside the content is not confirmed by it, and comes before
  // the generic tag.
  in.lone_date.clear();
  in.lone_date_in_content = false;
  in.text_date = "2021-10-15";
  in.meta = {{"date", "2021-10-15"}};
  in.headline_date = "2021-10-13";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2021-10-13");
  in.headline_date.clear();
  in.meta = {{"date", "2020-02-12"}};
  in.text_date = "2020-02-05";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2020-02-05");
}

TEST(DateChoice, TitleDateAndModificationDateAreLastResorts) {
  MetadataInputs in;
  in.title_tag = "08.11.2021 | Online-Fachtag";
  EXPECT_EQ(ResolveMetadata(in, "").published, "2021-11-08");
  in.title_tag = "BeginnersGuide/Download - Python Wiki";
  in.meta = {{"last-modified", "2019-11-10T13:28:18Z"}};
  EXPECT_EQ(ResolveMetadata(in, "").published, "2019-11-10T13:28:18Z");
  // The title's date also names the readers' day of a UTC time.
  in.meta = {};
  in.title_tag = "Gobierno acusa a Montecon - 11/05/2022 - EL PAÍS";
  in.json_ld = {R"({"@type":"NewsArticle","datePublished":"2022-05-10T23:35:55"})"};
  EXPECT_EQ(ResolveMetadata(in, "").published.substr(0, 10), "2022-05-11");
}

TEST(DateChoice, JsonLdGivesTheModificationDate) {
  const JsonLdFacts facts =
      ReadJsonLd({R"({"@graph":[{"@type":"WebPage","dateModified":"2020-01-07"},)"
                  R"({"@type":"Article","headline":"x","datePublished":"2020-01-03"}]})"});
  EXPECT_EQ(facts.date_published, "2020-01-03");
  EXPECT_EQ(facts.date_modified, "2020-01-07");
}

TEST(MetadataCollector, DateStartingALongElementUnderAVisibleHeadline) {
  // A hidden <h1> (for screen readers) does not start the span; the lead
  // paragraph starts with its date.
  const Article a = MustExtract(
      std::string("<html><body><h1 class=aural>Navigation</h1><ul><li>a</li><li>b</li><li>c</li>"
                  "<li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li><li>j</li><li>k</li>"
                  "<li>l</li><li>m</li></ul><article><h1>Bioenergie</h1><p>29.11.2022 – Mehrfach "
                  "und vehement hatte die Branche gewarnt, und nun kommt es doch so, wie viele "
                  "befürchtet hatten.</p>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(a.published, "2022-11-29");
  // A date in the middle of a long paragraph (over 200 bytes; a shorter
  // element under the headline is read whole) is not its dateline.
  const Article b = MustExtract(
      std::string("<html><body><article><h1>Bioenergie</h1><p>Mehrfach und vehement hatte die "
                  "Branche gewarnt, am 29.11.2022 kam es doch so, wie viele befürchtet hatten, "
                  "und die Regierung blieb dabei, obwohl die Verbände, die Länder und die "
                  "Betreiber der Anlagen seit Wochen auf die Folgen hingewiesen hatten.</p>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(b.published, "");
}

TEST(MetadataCollector, PaddedLoneDateShortYearDatelineAndRdfaDate) {
  const Article a = MustExtract(std::string("<html><body><article><p class=h6>") +
                                std::string(120, ' ') + "02.12.2022" + std::string(60, ' ') +
                                "</p><h1>Messstellen</h1>" + kBody + "</article></body></html>");
  EXPECT_EQ(a.published, "2022-12-02");
  const Article b = MustExtract(
      std::string("<html><body><article><h1>LVMH</h1><div class=node__submitted>"
                  "<span class=post-created> 28.01.22</span> / <span>0 Kommentare</span></div>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(b.published, "2022-01-28");
  const Article c = MustExtract(
      std::string("<html><body><article><h1>LVMH</h1><span property=\"schema:dateCreated\" "
                  "content=\"2022-01-28T12:45:46+00:00\"></span>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(c.published.substr(0, 10), "2022-01-28");
}

TEST(Title, HeadlineBeforeTheSeparatorOfAnUnknownSiteName) {
  MetadataInputs in;
  in.headlines = {{"ORSO MARSICANO: 2019 UN ANNO DA RECORD", 1, /*in_content=*/false}};
  in.title_tag =
      "ORSO MARSICANO: 2019 UN ANNO DA RECORD | Parco Nazionale d'Abruzzo, Lazio e Molise";
  EXPECT_EQ(ResolveMetadata(in, "").title, "ORSO MARSICANO: 2019 UN ANNO DA RECORD");
  // The blog's name after the separator does not make its logo the title.
  in.headlines = {{"DimidoBlog", 1, /*in_content=*/false}};
  in.title_tag = "Was ist Virales Marketing? | DimidoBlog";
  EXPECT_EQ(ResolveMetadata(in, "").title, "Was ist Virales Marketing? | DimidoBlog");
}

TEST(Title, HeadlineCutAtAColonOrFollowedByItsDateline) {
  MetadataInputs in;
  in.meta = {{"og:site_name", "Automobilwoche.de"}};
  in.title_tag =
      "Krach vor der VW-Betriebsversammlung: Es knirscht zwischen Diess und "
      "Aufsichtsräten | Automobilwoche";
  in.headlines = {{"Krach vor der VW-Betriebsversammlung:", 1, true}};
  EXPECT_EQ(ResolveMetadata(in, "").title,
            "Krach vor der VW-Betriebsversammlung: Es knirscht zwischen Diess und Aufsichtsräten");
  in.meta = {{"og:site_name", "HVW"}};
  in.title_tag = "Zuschauerrückkehr bei den Proficlubs der Region | HVW";
  in.headlines = {
      {"Zuschauerrückkehr bei den Proficlubs der Region 02.02.2022 • HVW-Verband", 1, true}};
  EXPECT_EQ(ResolveMetadata(in, "").title, "Zuschauerrückkehr bei den Proficlubs der Region");
  // A headline another declared title states whole is not cut to a shorter
  // (SEO-truncated) <title>.
  in.meta = {{"og:title", "Streik bei der Bahn: GDL kündigt Ausstand ab 10.01.2024 an"}};
  in.title_tag = "Streik bei der Bahn: GDL kündigt Ausstand ab";
  in.headlines = {{"Streik bei der Bahn: GDL kündigt Ausstand ab 10.01.2024 an", 1, true}};
  EXPECT_EQ(ResolveMetadata(in, "").title,
            "Streik bei der Bahn: GDL kündigt Ausstand ab 10.01.2024 an");
}

}  // namespace
}  // namespace veille
