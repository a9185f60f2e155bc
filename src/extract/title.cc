#include "extract/title.h"

#include <algorithm>
#include <array>

#include "extract/dom_util.h"
#include "extract/text_date.h"
#include "extract/text_util.h"
#include "extract/title_match.h"

namespace veille::extract {
namespace {

using internal::Agreement;
using internal::CleanTitle;
using internal::EndsWithQuote;
using internal::kSeparators;
using internal::MatchKey;
using internal::NamesSite;
using internal::TitleParts;

constexpr size_t kMaxHeadlineChars = 400;  // longer "headings" are misused blocks

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> cues) {
  for (const std::string_view cue : cues) {
    if (s.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

std::string ClassAndId(const DomNode& element) {
  std::string names;
  AppendLowered(element, "class", &names);
  AppendLowered(element, "id", &names);
  AppendLowered(element, "itemprop", &names);
  return names;
}

// Whether lowercased class/id names a kicker drawn inside a headline.
bool NamesKicker(std::string_view names) {
  return ContainsAny(
      names, {"dachzeile", "kicker", "topline", "overline", "roofline", "eyebrow", "topic",
              "subtitle", "spitzmarke", "supertitle", "pretitle", "pre-title", "rubric", "toptitle",
              "top-title", "titleheader", "title-header", "title_header"});
}

// Appends the text of `node` without its kicker children; `*cut` is set
// when one had text.
void AppendWithoutKickers(const DomNode& node, std::string* out, bool* cut) {
  for (DomNode child = node.first_child(); child; child = child.next_sibling()) {
    if (child.is_text()) {
      out->append(child.text());
      out->push_back(' ');
    } else if (child.is_element()) {
      const std::string names = ClassAndId(child);
      if (NamesHidden(names)) continue;  // "<span class=visuallyhidden>Headline:</span>"
      if (!NamesKicker(names)) {
        AppendWithoutKickers(child, out, cut);
      } else {
        *cut |= !NodeText(child).empty();
      }
    }
  }
}

// A descendant (two levels at most) whose class names the headline itself:
// the last such child of the shallowest level that has one (a kicker that
// also names a title, "titleheader", comes before the headline).
DomNode HeadlinePart(const DomNode& heading, int depth) {
  DomNode last;
  for (DomNode child = heading.first_child(); child; child = child.next_sibling()) {
    if (!child.is_element()) continue;
    const std::string names = ClassAndId(child);
    if (NamesTitle(names) && !NamesKicker(names)) last = child;
  }
  if (last || depth == 0) return last;
  for (DomNode child = heading.first_child(); child; child = child.next_sibling()) {
    if (!child.is_element()) continue;
    if (DomNode part = HeadlinePart(child, depth - 1)) return part;
  }
  return DomNode();
}

// The headline, or the declared title that is its end when the headline is
// drawn after its kicker ("Tunesien" + "Große Aufgaben für die neue
// Regierung" vs og:title "Große Aufgaben für die neue Regierung").
// A headline that leads in with a quotation and a colon ("\"Pure Leere\":
// Marita Kramer verpasst ...") is whole as written: the quote is part of
// it, where a topic word ("Nordkorea: ...") is a kicker.
std::string WithoutKicker(const Headline& h, const DeclaredTitles& declared, std::string_view site,
                          std::string_view host) {
  const std::string h_key = MatchKey(h.text);
  for (const std::string_view candidate : {declared.meta, declared.json_ld}) {
    const std::string title = StripSiteFromTitle(candidate, site, host);
    const std::string key = MatchKey(title);
    if (!key.empty() && key.size() < h_key.size() && h_key.ends_with(key)) {
      for (size_t colon = h.text.find(':'); colon != std::string::npos;
           colon = h.text.find(':', colon + 1)) {
        if (EndsWithQuote(std::string_view(h.text).substr(0, colon)) &&
            MatchKey(std::string_view(h.text).substr(colon + 1)) == key) {
          return h.text;
        }
      }
      return title;
    }
  }
  return h.text;
}

// A headline `h` that a declared title shows as a breadcrumb's section,
// followed by another visible headline ("Neuigkeiten » Die Events der
// letzten Zeit", the <h1> "Neuigkeiten" over the <h2> "Die Events der
// letzten Zeit"): that other headline is the title. A logo (a home link)
// after the story ("Post | Blog name") is not. Null otherwise.
const Headline* AfterSection(const Headline& h, const std::vector<Headline>& headlines,
                             const std::array<std::string, 3>& declared) {
  const std::string key = MatchKey(h.text);
  for (const std::string& d : declared) {
    const std::vector<std::string_view> parts = TitleParts(d);
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      if (MatchKey(parts[i]) != key) continue;
      const std::string next = MatchKey(parts[i + 1]);
      // A section's name is shorter than a story's title ("Story / Politik"
      // is the story before its section).
      for (const Headline& other : headlines) {
        if (&other != &h && !other.home_link && next.size() > key.size() &&
            MatchKey(other.text) == next) {
          return &other;
        }
      }
    }
  }
  return nullptr;
}

// The declared title that completes an agreeing headline `text`: one a
// headline ending with a colon begins and cuts short, with no separator
// after it ("Krach vor der VW-Betriebsversammlung:"
// under "Krach vor der VW-Betriebsversammlung: Es knirscht zwischen Diess
// und Aufsichtsräten"), or one the headline holds followed by its dateline
// ("Zuschauerrückkehr ... 02.02.2022 • HVW-Verband, Presse"). `text`
// otherwise. `declared` are the declared titles without their site name.
std::string Completed(std::string text, const std::array<std::string, 3>& declared) {
  constexpr size_t kMinKey = 10;
  const std::string key = MatchKey(text);
  if (key.size() < kMinKey) return text;
  // A declared title equal to the headline confirms it as it is (another,
  // shorter one is then an SEO cut, not the headline without its dateline).
  for (const std::string& d : declared) {
    if (MatchKey(d) == key) return text;
  }
  for (const std::string& d : declared) {
    const std::string d_key = MatchKey(d);
    if (d_key.size() < kMinKey) continue;
    if (text.ends_with(':') && d.size() > text.size() && d.starts_with(text)) {
      bool more = false;  // a separator after the headline: a site or section name, not its end
      for (const std::string_view sep : kSeparators) {
        more |= d.find(sep, text.size()) != std::string::npos;
      }
      if (!more) return d;
    }
    if (key.starts_with(d_key) && !FindDateInDateline(text).empty() &&
        FindDateInDateline(d).empty()) {
      return d;
    }
  }
  return text;
}

}  // namespace

bool IsHomeLinkHeading(const DomNode& heading) {
  // Down through single-child wrappers (<h1><span><a href="/">...).
  DomNode node = heading;
  for (int depth = 0; depth < 3; ++depth) {
    DomNode only;
    for (DomNode child = node.first_child(); child; child = child.next_sibling()) {
      if (child.is_text()) {
        if (child.text().find_first_not_of(" \t\r\n") != std::string_view::npos) return false;
      } else if (child.is_element()) {
        if (only) return false;
        only = child;
      }
    }
    if (!only) return false;
    if (TagName(only) != "a") {
      node = only;
      continue;
    }
    std::string_view href = AttrView(only, "href");
    if (const size_t scheme = href.find("://"); scheme != std::string_view::npos) {
      const size_t path = href.find('/', scheme + 3);
      href = path == std::string_view::npos ? std::string_view() : href.substr(path);
    }
    while (!href.empty() && (href.front() == '.' || href.front() == '/')) href.remove_prefix(1);
    return href.empty() || href.starts_with("index.") || href.starts_with("?lang");
  }
  return false;
}

bool NamesHidden(std::string_view names) {
  if (ContainsAny(names, {"hidden", "sr-only", "screen-reader", "visually", "offscreen", "aural",
                          "invisible", "text-hide"})) {
    return true;
  }
  // The bare utility class "hide" (class="hide"), not "hide-on-mobile".
  size_t i = 0;
  while (i < names.size()) {
    size_t j = names.find(' ', i);
    if (j == std::string_view::npos) j = names.size();
    if (names.substr(i, j - i) == "hide") return true;
    i = j + 1;
  }
  return false;
}

bool NamesTitle(std::string_view names) {
  // A widget's title ("widgettitle", "widget-title") heads a sidebar box.
  return ContainsAny(names, {"title", "headline", "heading"}) &&
         !ContainsAny(names, {"subtitle", "site-", "logo", "brand", "nav", "menu", "widget"});
}

std::string HeadlineText(const DomNode& heading, bool* kicker_cut) {
  bool cut = false;
  if (kicker_cut == nullptr) kicker_cut = &cut;
  *kicker_cut = false;
  const std::string whole = NodeText(heading);
  if (const DomNode part = HeadlinePart(heading, 1)) {
    std::string text = NodeText(part);
    if (!text.empty() && text.size() < whole.size()) {
      // Only a kicker, not a mere separator, counts as set apart.
      *kicker_cut = MatchKey(whole).size() > MatchKey(text).size();
      return text;
    }
  }
  std::string text;
  AppendWithoutKickers(heading, &text, kicker_cut);
  text = CollapseWhitespace(text);
  if (text.empty()) {
    *kicker_cut = false;
    return whole;
  }
  return text;
}

namespace {

std::string ChooseTitleRaw(const std::vector<Headline>& headlines, const DeclaredTitles& declared,
                           std::string_view site, std::string_view host);

}  // namespace

std::string ChooseTitle(const std::vector<Headline>& headlines, const DeclaredTitles& declared,
                        std::string_view site, std::string_view host) {
  return CleanTitle(ChooseTitleRaw(headlines, declared, site, host));
}

namespace {

// How headline `h` agrees with declared title `d` (Agreement). A minor
// heading or styled element (level 4) is not trusted with mere containment,
// which a brand's name in a styled box ("CDU-Fraktion" in "CDU-Fraktion im
// Stadtrat - Story") would pass: it agrees weakly only as the declared
// title's end ("Industriell revolutioniert?: Anno 1800 Beta").
int MinorAgreement(const Headline& h, std::string_view d) {
  constexpr size_t kMinKey = 10;
  if (h.level != 4) return Agreement(h.text, d, h.in_content || h.title_class);
  const int strength = Agreement(h.text, d, false);
  if (strength > 0) return strength;
  const std::string key = MatchKey(h.text);
  return key.size() >= kMinKey && MatchKey(d).ends_with(key) ? 1 : 0;
}

std::string ChooseTitleRaw(const std::vector<Headline>& headlines, const DeclaredTitles& declared,
                           std::string_view site, std::string_view host) {
  // Passes over the headlines, most trusted first.
  // Styled title elements (level 4) come last: they only agree.
  const auto pass_of = [](const Headline& h) {
    if (h.level == 1) return h.in_content ? 0 : 1;
    if (h.level == 4) return 4;
    if (h.title_class) return 2;
    return h.in_content ? 3 : 5;
  };
  // Pass by pass, the strongest agreement wins (a headline equal to a
  // declared title beats a blog's logo <h1> that "Post title | Blog name"
  // contains); mere containment in a declared title (1) comes last.
  // Declared titles are compared without their site name; a headline that
  // is the site's name (a logo) agrees with nothing.
  const std::array<std::string, 3> stripped = {StripSiteFromTitle(declared.meta, site, host),
                                               StripSiteFromTitle(declared.json_ld, site, host),
                                               StripSiteFromTitle(declared.title_tag, site, host)};
  const auto find = [&](int pass, int strength) -> const Headline* {
    for (const Headline& h : headlines) {
      if (pass_of(h) != pass || h.text.empty() || h.text.size() > kMaxHeadlineChars ||
          h.home_link || NamesSite(h.text, site, host)) {
        continue;
      }
      for (const std::string& d : stripped) {
        if (MinorAgreement(h, d) == strength) return &h;
      }
    }
    return nullptr;
  };
  // A headline whose markup sets its kicker apart says which words are the
  // headline ("<span class=subline>Vanlife in Schweden</span> <span
  // class=headline>Skandinavien im Wohnmobil erleben</span>"): it wins when
  // a declared title confirms it.
  // <h1>s first; a headline cut short ("...", "…") is a teaser's.
  for (const int level : {1, 2}) {
    for (const Headline& h : headlines) {
      if (!h.kicker_cut || h.level != level || h.home_link || h.text.size() > kMaxHeadlineChars ||
          h.text.ends_with("...") || h.text.ends_with("\xE2\x80\xA6") ||
          NamesSite(h.text, site, host)) {
        continue;
      }
      for (const std::string& d : stripped) {
        if (Agreement(h.text, d, false) >= 2) return Completed(h.text, stripped);
      }
    }
  }
  for (int pass = 0; pass < 5; ++pass) {
    for (const int strength : {3, 2}) {
      if (const Headline* h = find(pass, strength)) {
        return Completed(WithoutKicker(*h, declared, site, host), stripped);
      }
    }
  }
  for (int pass = 0; pass < 5; ++pass) {
    if (const Headline* h = find(pass, 1)) {
      if (const Headline* story = AfterSection(*h, headlines, stripped)) return story->text;
      return Completed(WithoutKicker(*h, declared, site, host), stripped);
    }
  }
  // No agreement: the page's own visible headline (an <h1> in kept content)
  // is what a reader calls the title; declared titles are often SEO texts.
  // A kicker or label ("Energiewende Oberland:", "Sie sind hier:") is not.
  constexpr size_t kMinKey = 3;
  for (const Headline& h : headlines) {
    if (h.level == 1 && h.in_content && !h.home_link && h.text.size() <= kMaxHeadlineChars &&
        MatchKey(h.text).size() >= kMinKey && !h.text.ends_with(':') &&
        !NamesSite(h.text, site, host)) {
      return h.text;
    }
  }
  // A page without a headline of its own (no <h1> but logos) that draws
  // its title as the first <h2> of its content.
  bool has_h1 = false;
  for (const Headline& h : headlines) has_h1 |= h.level == 1 && !h.home_link;
  for (const Headline& h : headlines) {
    if (has_h1) break;
    if (h.level == 2 && h.in_content && !h.home_link && h.text.size() <= kMaxHeadlineChars &&
        MatchKey(h.text).size() >= kMinKey && !h.text.ends_with(':') &&
        !NamesSite(h.text, site, host)) {
      return h.text;
    }
    if (h.level == 2 && h.in_content) break;  // only the first one
  }
  for (const std::string_view candidate : {declared.meta, declared.json_ld, declared.title_tag}) {
    if (!candidate.empty()) return StripSiteFromTitle(candidate, site, host);
  }
  for (const Headline& h : headlines) {
    if (h.level == 1 && !h.text.empty()) return h.text;
  }
  return "";
}

}  // namespace

std::string StripSiteFromTitle(std::string_view title, std::string_view site,
                               std::string_view host) {
  for (const std::string_view sep : kSeparators) {
    const size_t last = title.rfind(sep);
    if (last != std::string_view::npos && last > 0 &&
        NamesSite(title.substr(last + sep.size()), site, host)) {
      return CollapseWhitespace(title.substr(0, last));
    }
    const size_t first = title.find(sep);
    if (first != std::string_view::npos && first + sep.size() < title.size() &&
        NamesSite(title.substr(0, first), site, host)) {
      return CollapseWhitespace(title.substr(first + sep.size()));
    }
  }
  return std::string(title);
}

}  // namespace veille::extract
