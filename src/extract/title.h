// The page title: the visible headline when the page agrees with it, else a
// declared title (og:title, twitter:title, JSON-LD headline, <title>) with
// the site name removed. Headline candidates are collected during the DOM
// walk (HeadlineText reads one without its kicker); ChooseTitle decides.
// Pure functions; thread-safe.
#ifndef VEILLE_EXTRACT_TITLE_H_
#define VEILLE_EXTRACT_TITLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace veille::extract {

class DomNode;  // extract/html_dom.h

// One visible heading that could be the story's title.
struct Headline {
  std::string text;
  int level = 1;             // 1 for <h1>, 2 for <h2>, 3 for <h3>,
                             // 4 for <h4>-<h6> or a styled element (agreement only)
  bool in_content = false;   // inside content the cleaner kept (not a header/nav/aside)
  bool title_class = false;  // class/id/itemprop names a title ("entry-title", "headline")
  bool home_link = false;    // all its text is a link to the site's home page (a logo)
  bool kicker_cut = false;   // its markup set a kicker apart, and HeadlineText left it out
};

// The heading's text, white space collapsed, without a kicker drawn inside
// it: a child whose class names a title ("headline", "title") is the whole
// headline when there is one; children whose class names a kicker
// ("dachzeile", "kicker", "topline", "overline", "eyebrow", "topic-label",
// "subtitle") are left out otherwise.
// <h1><span class=dachzeile>Datenleck</span> <span class=headline>Daten
// gehackt</span></h1> -> "Daten gehackt". Of several title-named
// children, the last is the headline (a kicker is drawn above it:
// <span class=titleheader>Kicker</span><span class=title>Headline</span>).
// `*kicker_cut`, when given, tells whether markup set a kicker apart.
std::string HeadlineText(const DomNode& heading, bool* kicker_cut = nullptr);

// Whether all the heading's text is one link to the home page ("/",
// "https://host/", "index.html"): a blog's name drawn as its logo.
bool IsHomeLinkHeading(const DomNode& heading);

// Whether a lowercased class/id string hides its element from sight
// ("visuallyhidden", "sr-only"): such a heading is for screen readers.
bool NamesHidden(std::string_view names);

// Whether a lowercased class/id/itemprop string names a title.
bool NamesTitle(std::string_view names);

// The titles a page declares about itself, before any choice.
struct DeclaredTitles {
  std::string_view meta;       // og:title, else twitter:title
  std::string_view json_ld;    // JSON-LD headline/name of the article
  std::string_view title_tag;  // <title>
};

// Chooses the title (see the file comment). First, a headline whose markup
// sets its kicker apart (kicker_cut) and that agrees with a declared title:
// the page says which words are the headline. Then a headline (in-content
// <h1>s, other <h1>s, title-class <h2>/<h3>, in-content <h2>s) that agrees
// with a declared title, compared on letters and digits (an in-content
// headline also agrees when a declared title contains it); else the first
// in-content <h1> or title-class heading that is not the site's name; else
// the first declared title with the site name stripped; else any <h1>.
std::string ChooseTitle(const std::vector<Headline>& headlines, const DeclaredTitles& declared,
                        std::string_view site, std::string_view host);

// Removes a leading or trailing site name from a title ("Titre - Le Monde",
// "Le Monde | Titre") when it matches `site` or `host` (compared on letters
// and digits only, lowercased; "lemonde.fr" matches "Le Monde"). Returns the
// title unchanged otherwise.
std::string StripSiteFromTitle(std::string_view title, std::string_view site,
                               std::string_view host);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_TITLE_H_
