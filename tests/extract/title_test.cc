// Title choice rules, each on a small crafted page or candidate list: layout
// labels, hidden and widget headings, kickers set apart by markup, typos
// between the headline and og:title, quoted lead-ins, breadcrumb titles.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/title.h"
#include "extract/title_labels.h"
#include "veille/extract.h"

namespace veille {
namespace {

using extract::ChooseTitle;
using extract::Headline;
using extract::IsLayoutLabel;

const char kBody[] =
    "<p>Der Gemeinderat hat am Dienstag nach langer Debatte beschlossen, das alte Hallenbad "
    "abzureissen und an seiner Stelle ein neues Sportzentrum mit zwei Becken zu bauen.</p>"
    "<p>Die Kosten werden auf zwölf Millionen Franken geschätzt; der Bau soll im Frühling "
    "beginnen und zwei Jahre dauern, wie die Gemeinde mitteilte.</p>";

std::string TitleOf(const std::string& head, const std::string& body) {
  RawDocument doc;
  doc.input = "page.html";
  doc.format = DocFormat::kHtml;
  doc.bytes = "<html><head>" + head + "</head><body>" + body + "</body></html>";
  Result<Article> a = Extract(doc, ExtractOptions{});
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? a.value().title : "";
}

TEST(TitleLabels, LayoutLabelsInSeveralLanguages) {
  for (const char* label : {"Quicklinks", "Hauptinhalt", "Page", "Navigation",
                            "Suche:", "Vous êtes ici", "Contenido principal", "Blogroll"}) {
    EXPECT_TRUE(IsLayoutLabel(label)) << label;
  }
  for (const char* title : {"Kontakt", "Über uns", "Search engines compared", ""}) {
    EXPECT_FALSE(IsLayoutLabel(title)) << title;
  }
}

TEST(Title, LayoutLabelHeadingIsNoTitle) {
  // A wiki's chrome <h1>s ("Page", "User"); the content's own heading is an <h2>.
  const std::string body =
      "<h1>Page</h1><h1>User</h1><div><h2>Downloading Python</h2>" + std::string(kBody) + "</div>";
  EXPECT_EQ(TitleOf("<title>BeginnersGuide/Download - Python Wiki</title>", body),
            "Downloading Python");
}

TEST(Title, HiddenHeadingsAreNoTitle) {
  const std::string body =
      "<div><h2 class=\"text-hide\">Hauptinhalt der Seite</h2><h2 "
      "class=\"hide\">idw - Informationsdienst</h2>" +
      std::string(kBody) + "</div>";
  EXPECT_EQ(TitleOf("<title>Effiziente Hybridbatterie</title>", body), "Effiziente Hybridbatterie");
}

TEST(Title, WidgetHeadingsDoNotCrowdOutThePost) {
  std::string body = "<h1><a href=\"/\">Disfunctions</a></h1><div>";
  for (const char* w : {"Kategorien", "Letzte Artikel", "Archiv", "Kommentare", "Links", "Mehr"}) {
    body += std::string("<h2 class=\"widgettitle\">") + w + "</h2><p>x</p>";
  }
  body += "<h2>Podcasts in Plex einbinden</h2>" + std::string(kBody) + "</div>";
  EXPECT_EQ(TitleOf("<title>Disfunctions » Blog Archiv » Podcasts in Plex einbinden</title>", body),
            "Podcasts in Plex einbinden");
}

TEST(Title, KickerNamedAsATitlePartIsLeftOut) {
  // A "toptitle" span, and a "titleheader" span before the headline's text.
  const std::string og =
      "<meta property=\"og:title\" content=\"Cyber-Angriffe: 20 Prozent ins IT-Budget\">";
  EXPECT_EQ(TitleOf(og,
                    "<h1 class=\"entry-title\"><span class=\"entry-title__toptitle\">"
                    "Investitionen</span> Cyber-Angriffe: 20 Prozent ins IT-Budget</h1>" +
                        std::string(kBody)),
            "Cyber-Angriffe: 20 Prozent ins IT-Budget");
  const std::string og2 =
      "<meta property=\"og:title\" content=\"Zoonosen – Wie Umweltzerstörung Epidemien fördert\">";
  EXPECT_EQ(TitleOf(og2,
                    "<h1 class=\"head_title\"><span class=\"head_titleheader\">Zoonosen</span>"
                    "<span class=\"hiddendash\"> – </span><span "
                    "class=\"head_text\">Wie Umweltzerstörung Epidemien fördert</span></h1>" +
                        std::string(kBody)),
            "Wie Umweltzerstörung Epidemien fördert");
}

TEST(Title, HeadlineWhoseMarkupSetsItsKickerApartWins) {
  // The plain <h1> equals the <title>, but the <h2> marks "Vanlife in
  // Schweden" as its kicker and og:title confirms the rest.
  const std::string head =
      "<title>Vanlife in Schweden - Skandinavien im Wohnmobil | outdoor</title>"
      "<meta property=\"og:title\" content=\"Vanlife in Schweden: Skandinavien im Wohnmobil "
      "erleben\">";
  const std::string body =
      "<div><h1>Vanlife in Schweden - Skandinavien im Wohnmobil</h1><h2><span "
      "class=\"subline\">Vanlife in Schweden</span> <span class=\"headline\">Skandinavien im "
      "Wohnmobil erleben</span></h2>" +
      std::string(kBody) + "</div>";
  EXPECT_EQ(TitleOf(head, body), "Skandinavien im Wohnmobil erleben");
}

TEST(Title, TruncatedTeaserHeadlineLosesToTheH1) {
  std::vector<Headline> h = {
      {"Brothel catering to politicians, doctors,…", 2, true, true, false, true},
      {"Brothel catering to politicians, doctors, lawyers busted", 1, true, true, false, true}};
  EXPECT_EQ(
      ChooseTitle(h, {"Brothel catering to politicians, doctors, lawyers busted", "", ""}, "", ""),
      "Brothel catering to politicians, doctors, lawyers busted");
}

TEST(Title, HeadlineWithATypoStillAgreesWithOgTitle) {
  // The <h1> as the page shows it beats a short <h2> the og:title contains.
  std::vector<Headline> h = {
      {"ll Climate Clock ha iniziato a scorrere", 1, true, true, false, false},
      {"Il Climate Clock", 2, true, false, false, false}};
  EXPECT_EQ(ChooseTitle(h, {"Il Climate Clock ha iniziato a scorrere", "", ""}, "", ""),
            "ll Climate Clock ha iniziato a scorrere");
  // Different words are no typo.
  h[0].text = "Il Climate Clock ha smesso di girare";
  EXPECT_EQ(ChooseTitle(h, {"Il Climate Clock ha iniziato a scorrere tutto", "", ""}, "", ""),
            "Il Climate Clock");
}

TEST(Title, QuotedLeadInStaysTopicKickerGoes) {
  std::vector<Headline> h = {
      {"\"Pure Leere\": Marita Kramer verpasst Olympia", 1, true, true, false, false}};
  EXPECT_EQ(ChooseTitle(h, {"Marita Kramer verpasst Olympia", "", ""}, "", ""),
            "\"Pure Leere\": Marita Kramer verpasst Olympia");
  h[0].text = "Nordkorea: Kim Jong Un ist zurück und lächelt";
  EXPECT_EQ(ChooseTitle(h, {"Kim Jong Un ist zurück und lächelt", "", ""}, "", ""),
            "Kim Jong Un ist zurück und lächelt");
}

TEST(Title, BreadcrumbSectionGivesWayToTheStory) {
  std::vector<Headline> h = {{"Neuigkeiten", 1, true, false, false, false},
                             {"Die Events der letzten Zeit", 2, true, false, false, false}};
  EXPECT_EQ(
      ChooseTitle(h, {"", "", "Zocker e.V. - Neuigkeiten » Die Events der letzten Zeit"}, "", ""),
      "Die Events der letzten Zeit");
  // "Story / Section": the section after the story is no title.
  h = {{"Berlusconis Prozess geht weiter", 1, true, false, false, false},
       {"Politik", 2, true, false, false, false}};
  EXPECT_EQ(ChooseTitle(h, {"", "", "Berlusconis Prozess geht weiter / Politik / Home"}, "", ""),
            "Berlusconis Prozess geht weiter");
}

TEST(Title, StyledTitleElementConfirmedByADeclaredTitleWins) {
  // A wiki draws its page title as a styled <div>; its <h1> is the site's
  // logo, and a sidebar <h2> comes first in the content.
  const std::string body =
      "<h1><a href=\"/\">Salsa-Figuren - Rueda in Berlin</a></h1><div><h2>Ansagen nach "
      "Grundschritt</h2><ul><li><a href=\"/a\">La Cucaracha</a></li></ul></div>"
      "<div id=\"main-content\"><div id=\"page-title\">Enchufla Figuren</div>" +
      std::string(kBody) + "</div>";
  EXPECT_EQ(TitleOf("<title>Enchufla Figuren - Salsa-Figuren - Rueda in Berlin</title>", body),
            "Enchufla Figuren");
  // A review's name in a <span class=title>, which og:title holds after its
  // teaser line.
  const std::string review =
      "<div class=\"article\"><span class=\"title\">Anno 1800 Beta</span>"
      "<span class=\"subtitle\">Industriell revolutioniert?</span>" +
      std::string(kBody) + "</div>";
  EXPECT_EQ(TitleOf("<meta property=\"og:title\" content=\"Industriell revolutioniert?: Anno "
                    "1800 Beta\"><title>next2games | Vorschauen: Anno 1800 Beta</title>",
                    review),
            "Anno 1800 Beta");
}

TEST(Title, MinorHeadingConfirmedByTheTitleTagWins) {
  // A press release drawn under an <h4>; a help dialog's <h2> comes later.
  const std::string body =
      "<div><p><em>01.11.2023 11:35</em></p><h4>Effiziente "
      "Hybridbatterie</h4>" +
      std::string(kBody) +
      "</div><div class=\"reveal-modal\"><h2>Hilfe</h2><p>Sie können "
      "Suchbegriffe verknüpfen.</p></div>";
  EXPECT_EQ(TitleOf("<title>Effiziente Hybridbatterie</title>", body), "Effiziente Hybridbatterie");
}

TEST(Title, StyledBrandBoxIsNoTitle) {
  // A party group's name in a styled box is only inside the <title>'s
  // first part (the site's name): it does not replace the declared title.
  const std::string body =
      "<div class=\"header-title\">CDU-Fraktion</div><div>" + std::string(kBody) + "</div>";
  const std::string title =
      "CDU-Fraktion im Erfurter Stadtrat - Entwicklung der Waldorfschule ermöglicht";
  EXPECT_EQ(TitleOf("<title>" + title + "</title>", body), title);
}

TEST(Title, StyledTitleElementAloneIsNoTitle) {
  // A teaser card's "card-title" that no declared title confirms does not
  // displace the page's <h1>.
  const std::string body =
      "<div><h1>Le conseil vote le budget</h1><div class=\"card-title\">"
      "Autres articles du jour</div>" +
      std::string(kBody) + "</div>";
  EXPECT_EQ(TitleOf("<title>Budget 2024 : le conseil municipal tranche</title>", body),
            "Le conseil vote le budget");
}

}  // namespace
}  // namespace veille
