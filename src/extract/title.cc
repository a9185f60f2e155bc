#include "extract/title.h"

#include <algorithm>
#include <array>

#include "extract/dom_util.h"
#include "extract/text_date.h"
#include "extract/text_util.h"

namespace veille::extract {
namespace {

constexpr size_t kMaxHeadlineChars = 400;  // longer "headings" are misused blocks

// Separators between a title and its site name or section.
constexpr std::array<std::string_view, 8> kSeparators = {" - ", " | ",  " – ", " — ",
                                                         " · ", " :: ", " » ", " / "};

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

// Letters and digits of `s`, ASCII lowercased; other non-ASCII characters
// are kept except typographic punctuation (U+2000-U+206F: quotes, dashes,
// ellipsis; and NBSP, guillemets, middle dot, soft hyphen), so that "„finished“" and
// "\"finished\"" give the same key.
std::string MatchKey(std::string_view s) {
  std::string key;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (u == 0xE2 && (next == 0x80 || next == 0x81)) {
      i += 2;
    } else if (u == 0xC2 &&
               (next == 0xA0 || next == 0xAB || next == 0xBB || next == 0xB7 || next == 0xAD)) {
      i += 1;
    } else if (u >= 0x80 || (u >= '0' && u <= '9')) {
      key.push_back(s[i]);
    } else if ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') {
      key.push_back(static_cast<char>(u | 0x20));
    }
  }
  return key;
}

// Whether two long match keys differ by a typo at most (two byte edits:
// "ll Climate Clock ..." in the <h1>, "Il Climate Clock ..." in og:title).
bool NearlyEqual(std::string_view a, std::string_view b) {
  constexpr size_t kMinKey = 20;
  constexpr size_t kMaxKey = 400;
  constexpr size_t kMaxEdits = 2;
  if (a.size() < kMinKey || b.size() < kMinKey || a.size() > kMaxKey || b.size() > kMaxKey ||
      (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > kMaxEdits) {
    return false;
  }
  // Levenshtein distance, one row at a time.
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({up + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > kMaxEdits) return false;
  }
  return row[b.size()] <= kMaxEdits;
}

bool NamesSite(std::string_view part, std::string_view site, std::string_view host) {
  const std::string key = MatchKey(part);
  if (key.empty()) return false;
  if (key == MatchKey(site) || key == MatchKey(host)) return true;
  // "Automobilwoche.de" as a site name, "lemonde.fr" as a host: the name
  // before the top-level domain.
  for (const std::string_view name : {site, host}) {
    const size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0 && key == MatchKey(name.substr(0, dot))) {
      return true;
    }
  }
  return false;
}

// How well headline `h` agrees with `other` (a declared title), compared on
// letters and digits: 3 when equal; 2 when one contains the other, the
// shorter being at least half as long (so "Chronik: Lotte Tobisch ist tot"
// agrees with "Lotte Tobisch ist tot", but a blog's name does not agree with
// a post's title that happens to start with it); 1 (weak) when the headline
// is all of the declared title before a separator ("Headline | A Park's Long
// Name"; weak, as "Blog » Post" puts a blog's logo there), or when `loose`
// (a headline inside the kept content, so not a logo in the page header)
// and the declared title merely contains the headline ("Faire Lieferketten
// - Evangelisches Jugendwerk in Württemberg - EJW"); else 0.
int Agreement(std::string_view h, std::string_view other, bool loose) {
  constexpr size_t kMinLooseKey = 10;
  const std::string a = MatchKey(h);
  const std::string b = MatchKey(other);
  if (a.empty() || b.empty()) return 0;
  if (a == b || NearlyEqual(a, b)) return 3;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (shorter.size() * 2 >= longer.size() && longer.find(shorter) != std::string::npos) return 2;
  // "Headline | Some Park's Long Name": the headline is all that comes
  // before the separator (what comes after is a site's or blog's name, which
  // a logo <h1> repeats).
  for (const std::string_view sep : kSeparators) {
    const size_t at = other.find(sep);
    if (at != std::string_view::npos && MatchKey(other.substr(0, at)) == a) return 1;
  }
  return loose && a.size() >= kMinLooseKey && b.find(a) != std::string::npos ? 1 : 0;
}

// Whether `s` ends with a closing quotation mark (ASCII or typographic).
bool EndsWithQuote(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  for (const std::string_view quote :
       {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xC2\xAB"}) {
    if (s.ends_with(quote)) return true;
  }
  return false;
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

// The parts of a declared title between its separators ("Site - Section »
// Story" -> "Site", "Section", "Story").
std::vector<std::string_view> TitleParts(std::string_view title) {
  std::vector<std::string_view> parts;
  while (!title.empty()) {
    size_t cut = std::string_view::npos;
    size_t width = 0;
    for (const std::string_view sep : kSeparators) {
      const size_t at = title.find(sep);
      if (at < cut) {
        cut = at;
        width = sep.size();
      }
    }
    parts.push_back(title.substr(0, cut));
    if (cut == std::string_view::npos) break;
    title.remove_prefix(cut + width);
  }
  return parts;
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

// Whether `part` is a date and nothing else ("23.01.2022", "2022-01-23").
bool IsNumericDate(std::string_view part) {
  constexpr size_t kMaxChars = 10;
  if (part.empty() || part.size() > kMaxChars || FindDateInText(part).empty()) return false;
  for (const char c : part) {
    if (!(c >= '0' && c <= '9') && c != '.' && c != '/' && c != '-') return false;
  }
  return true;
}

// The title as readers see it: without soft hyphens (U+00AD, invisible
// unless a line breaks) and without a leading date segment ("23.01.2022 -
// Wierer jubelt" -> "Wierer jubelt"; a dated news list's habit).
std::string CleanTitle(std::string title) {
  for (size_t at = title.find("\xC2\xAD"); at != std::string::npos;
       at = title.find("\xC2\xAD", at)) {
    title.erase(at, 2);
  }
  for (const std::string_view sep : kSeparators) {
    const size_t first = title.find(sep);
    if (first != std::string::npos && first + sep.size() < title.size() &&
        IsNumericDate(std::string_view(title).substr(0, first))) {
      return title.substr(first + sep.size());
    }
  }
  return title;
}

std::string ChooseTitleRaw(const std::vector<Headline>& headlines, const DeclaredTitles& declared,
                           std::string_view site, std::string_view host);

}  // namespace

std::string ChooseTitle(const std::vector<Headline>& headlines, const DeclaredTitles& declared,
                        std::string_view site, std::string_view host) {
  return CleanTitle(ChooseTitleRaw(headlines, declared, site, host));
}

namespace {

std::string ChooseTitleRaw(const std::vector<Headline>& headlines, const DeclaredTitles& declared,
                           std::string_view site, std::string_view host) {
  // Passes over the headlines, most trusted first.
  const auto pass_of = [](const Headline& h) {
    if (h.level == 1) return h.in_content ? 0 : 1;
    if (h.title_class) return 2;
    return h.in_content ? 3 : 4;
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
        if (Agreement(h.text, d, h.in_content || h.title_class) == strength) return &h;
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
  for (int pass = 0; pass < 4; ++pass) {
    for (const int strength : {3, 2}) {
      if (const Headline* h = find(pass, strength)) {
        return Completed(WithoutKicker(*h, declared, site, host), stripped);
      }
    }
  }
  for (int pass = 0; pass < 4; ++pass) {
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
