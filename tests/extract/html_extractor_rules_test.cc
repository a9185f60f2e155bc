// The content rules of the HTML extractor (html_extractor.cc, dom_cleaner.cc)
// on small crafted pages, each showing the case kept and the case dropped.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/html_extractor.h"

namespace veille::extract {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

const char kPara1[] =
    "Der Stadtrat hat am Dienstag, nach einer langen und hitzigen Debatte, den Haushalt für "
    "das kommende Jahr mit knapper Mehrheit beschlossen.";
const char kPara2[] =
    "Die Opposition kritisierte, dass Schulen, Schwimmbäder und Bibliotheken erneut zu kurz "
    "kämen, während die Verwaltung weiter wachse.";
const char kPara3[] =
    "Der Bürgermeister verteidigte den Entwurf, nannte ihn solide und kündigte an, im Herbst "
    "einen Nachtragshaushalt vorzulegen.";

std::string Extract(const std::string& html) { return ExtractHtml(html, ExtractOptions{}).text; }

std::string Body() {
  return std::string("<p>") + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
}

// A CMS wraps the post body in an inline element named like metadata
// ("..._meta_field"): it acts as a block, and is judged as one (kept: it holds
// the page's text), while a cued inline element without blocks (a share link)
// still goes.
TEST(HtmlExtractorRules, InlineWrapperOfBlocksIsJudgedAsABlock) {
  const std::string html =
      "<html><body><div class=post><span class=\"hs_wrapper hs_wrapper_meta_field\">" + Body() +
      "</span><p>Teilen Sie den Artikel: <span class=share-link>Facebook Twitter Mail</span>"
      "</p></div></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, HasSubstr(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("Facebook")));
}

// Underscores in class names read as hyphens: "lire_aussi" is "lire-aussi",
// "post_body" is "post-body".
TEST(HtmlExtractorRules, UnderscoreClassNamesAreCues) {
  const std::string html =
      "<html><body><div class=post_body>" + Body() +
      "<div class=bloc_lire_aussi><p>Ein anderer Artikel, mit vielen Kommas, über den "
      "Haushalt, die Steuern, die Gebühren und die Schulden der Stadt.</p></div>"
      "</div></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara2));
  EXPECT_THAT(text, Not(HasSubstr("anderer Artikel")));
}

// Short text in a leaf table cell inside the article is data (kept); the
// same short text loose between blocks is furniture (dropped).
TEST(HtmlExtractorRules, KeepsShortTableCellsDropsShortLooseText) {
  const std::string html = "<html><body><article>" + Body() +
                           "<table><tr><th>Posten</th><th>Betrag</th></tr>"
                           "<tr><td>Schulen</td><td>12,5 Mio</td></tr>"
                           "<tr><td>Bibliotheken</td><td>1,2 Mio</td></tr></table>"
                           "<div><p>" +
                           kPara3 + "</p>Foto: Archiv<p>" + kPara1 +
                           "</p></div></article></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr("Bibliotheken\n\n1,2 Mio"));
  EXPECT_THAT(text, Not(HasSubstr("Foto: Archiv")));
}

// Headings and "...:" labels that no body text follows announced what the
// cleaning removed (a list of links); a heading followed by text stays, and
// so does a closing pull quote written as a sentence.
TEST(HtmlExtractorRules, DropsTrailingLabelsKeepsHeadingsWithText) {
  const std::string html =
      "<html><body><article><h2>Der Beschluss</h2>" + Body() +
      "<h3>Weitere Informationen:</h3><ul><li><a href=/a>Haushalt 2023 im Überblick</a></li>"
      "<li><a href=/b>Alle Beschlüsse des Stadtrats</a></li></ul>"
      "<h2>Mehr zum Thema</h2></article></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr("Der Beschluss\n\n"));
  EXPECT_THAT(text, EndsWith(kPara3));

  const std::string quote =
      "<html><body><article>" + Body() +
      "<h4>Ein solider Haushalt ist keine Frage der Parteien.</h4></article></body></html>";
  EXPECT_THAT(Extract(quote), EndsWith("keine Frage der Parteien."));
}

// A CMS wraps each subheading and its paragraph in a chain of divs: the best
// container holds one paragraph, the section above adds only a short
// subheading, and the climb passes through it to the whole article; the
// teaser list beside the article stops it.
TEST(HtmlExtractorRules, ClimbsPastSubheadingSectionsToTheWholeArticle) {
  const auto section = [](const char* heading, const char* para) {
    return std::string("<div class=section><h3><div>") + heading +
           "</div></h3><div class=text><div><p>" + para + "</p></div></div></div>";
  };
  const std::string html =
      "<html><body><div class=page><article><div class=sections>" +
      section("Der Beschluss", kPara1) + section("Die Kritik", kPara2) +
      section("Die Antwort", kPara3) +
      "</div></article><div class=more><ul><li><a href=/1>Neue Radwege für die "
      "Innenstadt</a></li><li><a href=/2>Schwimmbad bleibt geschlossen</a></li></ul></div>"
      "</div></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1));
  EXPECT_THAT(text, HasSubstr("Die Kritik\n\n" + std::string(kPara2)));
  EXPECT_THAT(text, HasSubstr(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("Radwege")));
}

// When the first cleaning leaves next to nothing (the article inside an
// element named like a menu, next to a footer with more prose), the page is
// cleaned again keeping the cued elements, and the best container wins.
TEST(HtmlExtractorRules, SecondLookWhenCleaningLeftNothing) {
  const std::string html =
      "<html><body><div class=\"menu-layout\"><div class=inner>" + Body() +
      "</div></div><div class=menu><ul><li><a href=/>Start</a></li><li><a href=/p>Politik</a>"
      "</li></ul></div><footer><p>" +
      kPara2 + " " + kPara1 + " " + kPara3 + " " + kPara2 + "</p></footer></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(kPara1 + std::string("\n\n") + kPara2));
  EXPECT_THAT(text, Not(HasSubstr("Politik")));
}

// A legitimately short article (a brief) stays as it is: the second look
// neither adds the footer, cookie notice and comments around it nor trades
// it for them.
TEST(HtmlExtractorRules, ShortBriefIsNotTradedForFurniture) {
  const std::string brief =
      "Die Feuerwehr hat am Morgen einen Brand in einer Lagerhalle im Gewerbegebiet gelöscht; "
      "verletzt wurde niemand.";
  const std::string html = "<html><body><article><h1>Brand gelöscht</h1><p>" + brief +
                           "</p></article><div class=comments><p>" + kPara1 + "</p><p>" + kPara2 +
                           "</p></div><div class=cookie-banner><p>" + kPara3 +
                           "</p></div><footer><p>" + kPara2 + "</p></footer></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr(brief));
  EXPECT_THAT(text, Not(HasSubstr(kPara1)));
  EXPECT_THAT(text, Not(HasSubstr(kPara2)));
  EXPECT_THAT(text, Not(HasSubstr(kPara3)));
}

// Soft hyphens (&shy;) are invisible break hints: "Ita&shy;li&shy;ens" reads
// "Italiens" in the text; visible hyphens stay.
TEST(HtmlExtractorRules, RemovesSoftHyphensKeepsHyphens) {
  const std::string html = "<html><body><article>" + Body() +
                           "<p>Die Wei&shy;ne Ita&shy;li&shy;ens, neben Ba\xC2\xADro\xC2\xADlo, "
                           "gelten als Mussolini-Erbe, sagte ein Sprecher am Montag.</p>"
                           "</article></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr("Die Weine Italiens, neben Barolo, gelten als Mussolini-Erbe"));
  EXPECT_THAT(text, Not(HasSubstr("\xC2\xAD")));
}

// In a data table that is mostly plain text, a cell whose text is a link (an
// ingredient linked to its product) is data and kept; a table that is all
// links (a menu laid out as a table) is not.
TEST(HtmlExtractorRules, KeepsLinkedCellsOfDataTablesDropsLinkTables) {
  const std::string html =
      "<html><body><article>" + Body() +
      "<table><tr><td>250 g</td><td><a href=/p/1>Weizenmehl Type 405</a></td></tr>"
      "<tr><td>1 Päckchen</td><td><a href=/p/2>Vanillin-Zucker</a></td></tr>"
      "<tr><td>125 ml</td><td>Milch, lauwarm und frisch</td></tr></table>"
      "<table><tr><td><a href=/a>Startseite</a></td><td><a href=/b>Rezepte</a></td></tr>"
      "</table></article></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, HasSubstr("1 Päckchen\n\nVanillin-Zucker"));
  EXPECT_THAT(text, Not(HasSubstr("Startseite")));
}

// A long heading beside the article's container (a standfirst set as <h2>,
// without final period) joins it like a long sibling paragraph; a short
// linked heading there does not.
TEST(HtmlExtractorRules, LongSiblingHeadingJoinsShortLinkedHeadingDoesNot) {
  const std::string html =
      "<html><body><div class=story><h2>Warum der Stadtrat den Haushalt beschlossen hat und was "
      "er für Schulen, Bäder und Bibliotheken bedeutet</h2><div class=byline>Von Anna Muster"
      "</div><div class=date>3. Mai 2023, 10:15 Uhr</div><div class=text>" +
      Body() + "</div><h2><a href=/more>Mehr Nachrichten</a></h2></div></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text,
              HasSubstr("für Schulen, Bäder und Bibliotheken bedeutet\n\n" + std::string(kPara1)));
  EXPECT_THAT(text, Not(HasSubstr("Mehr Nachrichten")));
}

// A standfirst in the article's header, apart from the body's container and
// past the title, byline and date, joins the text; a teaser of another story
// far off in the tree does not, nor a long line that is no sentence (a URL).
TEST(HtmlExtractorRules, JoinsNearbyStandfirstNotFarTeasers) {
  const std::string lead =
      "Nach einer langen Debatte hat der Stadtrat den Haushalt beschlossen, die Opposition "
      "spricht von einem schwarzen Tag für die Schulen.";
  const std::string header =
      "<header><h1>Haushalt im Stadtrat beschlossen</h1><div class=meta><a href=/autor>Anna "
      "Muster</a></div><div class=date>3. Mai 2023</div><p class=lead>" +
      lead + "</p></header>";
  const std::string html = "<html><body><main><article>" + header + "<div class=body>" + Body() +
                           "</div></article></main></body></html>";
  EXPECT_THAT(Extract(html), HasSubstr(lead + "\n\n" + kPara1));

  const std::string teaser =
      "Die neue Schwimmhalle im Westen der Stadt öffnet im Herbst, teilte die Verwaltung am "
      "Freitag nach langen Verzögerungen mit.";
  const std::string far =
      "<html><body><div class=top><div><div><div><h3><a href=/s>Schwimmhalle: Eröffnung im "
      "Herbst</a></h3><p>" +
      teaser +
      "</p><ul><li><a href=/t>Alle Meldungen aus der Verwaltung</a></li><li><a href=/u>Mehr "
      "aus dem Westen der Stadt</a></li></ul></div></div></div></div><div class=page><div "
      "class=grid><div class=col><article>"
      "<div class=body>" +
      Body() + "</div></article></div></div></div></body></html>";
  EXPECT_THAT(Extract(far), Not(HasSubstr("Schwimmhalle")));

  const std::string url =
      "<html><body><main><article><header><h1>Haushalt beschlossen</h1><div>Von Anna Muster | "
      "3. Mai 2023</div><p>https://www.example.org/politik/stadtrat/"
      "haushalt-2023-beschlossen-schulen-baeder-bibliotheken-100.html</p></header>"
      "<div class=body>" +
      Body() + "</div></article></main></body></html>";
  EXPECT_THAT(Extract(url), Not(HasSubstr("example.org")));
}

// A heading that opens the section after a story ("Weitere Informationen",
// "Related") ends the text when nothing long follows it: contacts and
// sources go. A "Related" box between two long paragraphs does not end it.
TEST(HtmlExtractorRules, SectionCloserHeadingEndsTheStory) {
  const std::string html =
      "<html><body><article>" + Body() +
      "<h3>Weitere Informationen</h3><p>Pressestelle der Stadt, Telefon 0123 45678.</p>"
      "<p>Rathausplatz 1, 12345 Musterstadt.</p></article></body></html>";
  const std::string text = Extract(html);
  EXPECT_THAT(text, EndsWith(kPara3));
  EXPECT_THAT(text, Not(HasSubstr("Pressestelle")));

  const std::string long_para =
      "Der Kämmerer rechnet trotz allem damit, dass die Stadt im kommenden Jahr, anders als in "
      "den Jahren zuvor, ohne neue Kredite auskommt, weil die Gewerbesteuer kräftig gestiegen "
      "ist und weil mehrere große Bauprojekte auf das übernächste Jahr verschoben wurden.";
  const std::string inline_box =
      "<html><body><article>" + Body() +
      "<h3>Related</h3><ul><li><a href=/x>Haushalt 2022: die Zahlen</a></li></ul><p>" + long_para +
      "</p></article></body></html>";
  EXPECT_THAT(Extract(inline_box), EndsWith(long_para));
}

// A recipe's ingredient table beside its steps: the short cells of a data
// table count as article text, so the choice takes the box holding both;
// a table of links beside the story (a menu laid out as a table) does not.
TEST(HtmlExtractorRules, DataTableBesideTheStoryJoins) {
  const auto page = [](const std::string& cell) {
    std::string rows;
    for (const char* amount : {"125 g", "65 g", "65 g", "1", "500 g", "200 ml", "2 EL", "1 Pck."}) {
      rows += std::string("<tr><td>") + amount + "</td><td>" + cell + "</td></tr>";
    }
    return "<html><body><div class=recipe><div class=ingredients><table>" + rows +
           "</table></div><div class=steps>" + Body() + "</div></div></body></html>";
  };
  EXPECT_THAT(Extract(page("Mehl, Type 405")), HasSubstr("Mehl, Type 405"));
  EXPECT_THAT(Extract(page("<a href=/mehl>Mehl, Type 405</a>")), Not(HasSubstr("Mehl")));
}

// A box about the author after the story ("Über den Autor", "Artikel von",
// or a loose "AUTOR" over it) is a biography, cut at its label even when it
// is long; the same word inside a short label early in the text does not cut.
TEST(HtmlExtractorRules, AuthorBoxAfterTheStoryIsCut) {
  const std::string bio =
      "ist Gründungspartner der Kanzlei Muster und Partner in Berlin. Zu seinen "
      "Tätigkeitsfeldern zählen insbesondere Bankrecht, Kapitalmarktrecht, Zivilrecht, "
      "Verbraucherschutzrecht, Insolvenzrecht und Internetrecht sowie die Beratung.";
  const std::string heading = "<html><body><article>" + Body() +
                              "<h3>Über den Autor</h3><h4>Dr. Max Muster</h4><p>" + bio +
                              "</p></article></body></html>";
  EXPECT_THAT(Extract(heading), EndsWith(kPara3));
  const std::string loose = "<html><body><article>" + Body() +
                            "<div class=box><div class=head>AUTOR</div><h3>Dr. Max "
                            "Muster</h3><p>" +
                            bio + "</p></div></article></body></html>";
  EXPECT_THAT(Extract(loose), EndsWith(kPara3));
  // A label that only starts with the word, or comes before most of the
  // text, leaves the story whole.
  const std::string early = "<html><body><article><h3>Autorität der Stadt</h3>" + Body() + "<p>" +
                            bio + "</p></article></body></html>";
  EXPECT_THAT(Extract(early), EndsWith(bio));
}

// A call to action closing the article ("Folge uns auf Instagram", a
// newsletter sign-up) is about the site: cut with the short lines after it.
TEST(HtmlExtractorRules, DropsTrailingReaderPrompts) {
  const std::string html =
      "<html><body><article>" + Body() +
      "<p>Folge uns auf Instagram und Facebook!</p><p>Die Redaktion</p></article></body></html>";
  EXPECT_THAT(Extract(html), EndsWith(kPara3));
}

// A <header> outside <article> is dropped as furniture, but its title and
// the lead right under it stay: a lead without a full stop (a subheadline)
// joins the article; a photo caption in the same place does not.
TEST(HtmlExtractorRules, JoinsHeaderLeadUnderTheTitle) {
  const std::string lead =
      "Nach einer langen Debatte hat der Stadtrat den Haushalt beschlossen, die Opposition "
      "spricht von einem schwarzen Tag für die Schulen";
  const auto page = [](const std::string& under_title) {
    return "<html><body><nav><a href=/>Start</a> <a href=/politik>Politik</a></nav><div "
           "class=wrap><header class=story-head><h1>Haushalt im Stadtrat beschlossen</h1><span>3. "
           "Mai 2023</span><h2>" +
           under_title + "</h2></header><div class=grid><div class=col><article><div class=text>" +
           Body() + "</div></article></div></div></div></body></html>";
  };
  EXPECT_THAT(Extract(page(lead)), HasSubstr(lead + "\n\n" + kPara1));
  const std::string caption =
      "Der Bürgermeister und die Kämmerin stellen den Haushaltsentwurf im Rathaus vor, am "
      "Dienstag in Musterstadt (Foto: dpa)";
  EXPECT_THAT(Extract(page(caption)), Not(HasSubstr("Kämmerin")));
}

// A page that shows a teaser of its story (a paywall) but declares the whole
// story in its JSON-LD articleBody gives that body; a page that shows its
// story keeps the shown text.
TEST(HtmlExtractorRules, UsesJsonLdArticleBodyWhenThePageShowsLittle) {
  const std::string body = std::string(kPara1) + "\\n" + kPara2 + "\\n" + kPara3 + "\\n" + kPara1 +
                           "\\n" + kPara2 + "\\n" + kPara3;
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"articleBody\": \"" +
      body + "\"}</script>";
  const std::string teaser =
      "<html><head>" + ld +
      "</head><body><article><p>Der Stadtrat hat den Haushalt beschlossen.</p><p>Weiterlesen mit "
      "Abo</p></article></body></html>";
  EXPECT_EQ(Extract(teaser), std::string(kPara1) + "\n\n" + kPara2 + "\n\n" + kPara3 + "\n\n" +
                                 kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
  const std::string shown =
      "<html><head>" + ld + "</head><body><article>" + Body() + "</article></body></html>";
  EXPECT_EQ(Extract(shown), std::string(kPara1) + "\n\n" + kPara2 + "\n\n" + kPara3);
}

}  // namespace
}  // namespace veille::extract
