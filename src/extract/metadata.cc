#include "extract/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/iso_time.h"
#include "common/url.h"
#include "extract/date_choice.h"
#include "extract/dom_util.h"
#include "extract/json_ld.h"
#include "extract/text_date.h"
#include "extract/text_util.h"
#include "extract/title_labels.h"

namespace veille::extract {
namespace {

constexpr size_t kMaxMetaTags = 256;  // bounds memory on hostile pages
constexpr size_t kMaxJsonLdBlocks = 16;
constexpr int kMaxBylineTries = 4;       // bounds NodeText() calls on byline cues
constexpr size_t kMaxBylineChars = 100;  // longer "author" elements are bios
constexpr int kMaxDateTries = 16;        // bounds TextPrefix() calls on dateline cues
constexpr size_t kMaxDatelineChars = 200;
constexpr size_t kDatelineLeadChars = 48;  // where a longer text may start with its date
constexpr int kHeadlineDateSpan = 12;
constexpr size_t kMaxHeadlines = 16;  // title candidates kept per page
constexpr int kMaxSubHeadlines =
    6;  // of which <h2>/<h3>  // elements read for a date after the first <h1>

// Whether a lowercased class/id names a dateline ("post-date", "entry-meta",
// "datum", "fecha", "published", "time").
bool NamesDateline(std::string_view cls) {
  for (const std::string_view cue :
       {"date", "datum", "fecha", "publish", "posted", "time", "meta", "byline", "artikel-info",
        "article-info", "created", "submitted", "lastmod"}) {
    if (cls.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    size_t j = list.find(' ', i);
    if (j == std::string_view::npos) j = list.size();
    if (list.substr(i, j - i) == token) return true;
    i = j + 1;
  }
  return false;
}

// The start of the element's text, white space collapsed: its first
// `limit` bytes or so, reading at most kMaxPrefixNodes nodes (style
// skipped; a script's data is text, as in NodeText). `*whole` tells whether that is all of its
// text.
std::string TextPrefix(const DomNode& element, size_t limit, bool* whole) {
  constexpr int kMaxPrefixNodes = 64;
  std::string raw;
  int visits = 0;
  bool cut = false;
  DomNode node = element.first_child();
  while (node) {
    if (++visits > kMaxPrefixNodes) {
      cut = true;
      break;
    }
    const std::string_view tag = TagName(node);
    if (node.is_text()) {
      raw.append(node.text());
      if (raw.size() > 2 * limit) {
        raw = CollapseWhitespace(raw);
        if (raw.size() > limit) {
          cut = true;
          break;
        }
      }
    } else if (node.has_children() && tag != "style") {
      node = node.first_child();
      continue;
    }
    // The next node in document order, without leaving `element`.
    while (!node.next_sibling()) {
      node = node.parent();
      if (!node || node == element) {
        node = DomNode();
        break;
      }
    }
    if (node) node = node.next_sibling();
  }
  std::string text = CollapseWhitespace(raw);
  *whole = !cut && text.size() <= limit;
  return text;
}

// Whether a lowercased itemprop/RDFa property names the date of creation
// ("datePublished", "schema:dateCreated").
bool NamesPublishedProperty(std::string_view p) {
  return p.ends_with("datepublished") || p.ends_with("datecreated");
}

}  // namespace

void MetadataCollector::ReadMachineDate(const DomNode& element) {
  if (TagName(element) == "meta") return;  // a <meta>'s key is in inputs_.meta
  std::string key = Lowered(AttrView(element, "itemprop"));
  if (key.empty()) key = Lowered(AttrView(element, "property"));
  if (key.empty()) return;
  std::string* slot = NamesPublishedProperty(key)     ? &inputs_.itemprop_published
                      : key.ends_with("datemodified") ? &inputs_.itemprop_modified
                                                      : nullptr;
  if (slot == nullptr || !slot->empty()) return;
  std::string_view value = AttrView(element, "content");
  if (value.empty()) value = AttrView(element, "datetime");
  *slot = value.empty() ? NodeText(element) : std::string(value);
}

namespace {

// Whether `names` holds "title", "headline" or "heading" in any case: the
// cheap test that spares most elements' class names the lowering
// NamesTitle needs.
bool MayNameTitle(std::string_view names) {
  constexpr std::string_view kStems[] = {"title", "headline", "heading"};
  for (size_t i = 0; i < names.size(); ++i) {
    const char c = static_cast<char>(names[i] | 0x20);
    if (c != 't' && c != 'h') continue;
    for (const std::string_view stem : kStems) {
      if (stem.size() > names.size() - i) continue;
      size_t k = 0;
      while (k < stem.size() && static_cast<char>(names[i + k] | 0x20) == stem[k]) ++k;
      if (k == stem.size()) return true;
    }
  }
  return false;
}

// A title drawn by a minor heading or a styled element ("<h4>" in the
// content, "<div id=page-title>", "<span class=title
// itemprop=itemreviewed>"): an in-content <h4>-<h6>, or a short element
// whose class/id names a title, is kept as a level-4 candidate that only a
// declared title can confirm (title.cc). At most kMaxMinorTitles, so that a
// page's many "card-title"s leave room for its main headings.
void AddMinorTitle(const DomNode& element, bool heading, bool in_content, MetadataInputs* in) {
  constexpr size_t kMaxMinorTitleChars = 200;
  constexpr long kMaxMinorTitles = 6;
  if (in->headlines.size() >= kMaxHeadlines) return;
  const std::string_view cls = AttrView(element, "class");
  const std::string_view id = AttrView(element, "id");
  if (!heading && !MayNameTitle(cls) && !MayNameTitle(id)) return;
  std::string names = Lowered(cls);
  names += ' ';
  names += Lowered(id);
  if (!(NamesTitle(names) || (heading && in_content)) || NamesHidden(names) ||
      names.find("widget") != std::string::npos ||
      std::count_if(in->headlines.begin(), in->headlines.end(),
                    [](const Headline& h) { return h.level == 4; }) >= kMaxMinorTitles) {
    return;
  }
  bool whole = false;
  TextPrefix(element, kMaxMinorTitleChars, &whole);
  if (!whole) return;
  bool kicker_cut = false;
  std::string text = HeadlineText(element, &kicker_cut);
  if (!text.empty() && !IsLayoutLabel(text)) {
    in->headlines.push_back({std::move(text), 4, in_content, NamesTitle(names),
                             IsHomeLinkHeading(element), kicker_cut});
  }
}

}  // namespace

void MetadataCollector::Visit(const DomNode& element, bool in_content) {
  const std::string_view tag = TagName(element);
  MetadataInputs& in = inputs_;
  if (tag == "html") {
    if (in.html_lang.empty()) in.html_lang = std::string(AttrView(element, "lang"));
  } else if (tag == "meta") {
    std::string_view key = AttrView(element, "property");
    if (key.empty()) key = AttrView(element, "name");
    if (key.empty()) key = AttrView(element, "itemprop");
    if (key.empty()) key = AttrView(element, "http-equiv");
    const std::string_view content = AttrView(element, "content");
    if (!key.empty() && !content.empty() && in.meta.size() < kMaxMetaTags) {
      in.meta.emplace_back(Lowered(key), CollapseWhitespace(content));
    }
  } else if (tag == "link") {
    if (in.canonical_href.empty() && HasToken(Lowered(AttrView(element, "rel")), "canonical")) {
      in.canonical_href = CollapseWhitespace(AttrView(element, "href"));
    }
  } else if (tag == "title") {
    const bool in_svg = TagName(element.parent()) == "svg";
    if (in.title_tag.empty() && !in_svg) in.title_tag = NodeText(element);
  } else if (tag == "h1" || tag == "h2" || tag == "h3") {
    const int level = tag[1] - '0';
    std::string names;
    AppendLowered(element, "class", &names);
    AppendLowered(element, "id", &names);
    AppendLowered(element, "itemprop", &names);
    if (level == 1 && after_h1_ < 0 && !NamesHidden(names)) after_h1_ = kHeadlineDateSpan;
    const bool title_class = NamesTitle(names);
    // A widget's heading ("widget-title") heads a sidebar box, never the page.
    const bool wanted =
        !NamesHidden(names) && names.find("widget") == std::string::npos &&
        (level == 1 || ((title_class || in_content) && h2_seen_ < kMaxSubHeadlines));
    if (wanted && in.headlines.size() < kMaxHeadlines) {
      if (level > 1) ++h2_seen_;
      bool kicker_cut = false;
      std::string text = HeadlineText(element, &kicker_cut);
      // A layout label ("Quicklinks", "Hauptinhalt") names no content.
      if (!text.empty() && !IsLayoutLabel(text)) {
        in.headlines.push_back({std::move(text), level, in_content, title_class,
                                IsHomeLinkHeading(element), kicker_cut});
      }
    }
  } else if ((tag == "div" || tag == "span" || tag == "p" || tag == "h4" || tag == "h5" ||
              tag == "h6") &&
             element.has_children()) {
    AddMinorTitle(element, tag[0] == 'h', in_content, &in);
  } else if (tag == "script") {
    if (Lowered(AttrView(element, "type")).find("ld+json") != std::string::npos &&
        in.json_ld.size() < kMaxJsonLdBlocks) {
      in.json_ld.push_back(RawNodeText(element));
    }
  } else if (tag == "time") {
    const std::string_view datetime = AttrView(element, "datetime");
    if (!datetime.empty() && (in.time_datetime.empty() || (in_content && !in.time_in_content))) {
      in.time_datetime = std::string(datetime);
      in.time_in_content = in_content;
    }
  } else if (tag == "a") {
    if (in.rel_author.empty() && HasToken(Lowered(AttrView(element, "rel")), "author")) {
      in.rel_author = NodeText(element);
    }
  }
  ReadMachineDate(element);
  if (in.text_date.empty() && date_tries_ < kMaxDateTries && element.has_children() &&
      tag != "html" && tag != "body" && tag != "meta" && tag != "script") {
    std::string names = Lowered(AttrView(element, "class"));
    names += ' ';
    names += Lowered(AttrView(element, "id"));
    if (tag == "time" || NamesDateline(names)) {
      ++date_tries_;
      bool whole = false;
      const std::string text = TextPrefix(element, kMaxDatelineChars, &whole);
      if (whole) in.text_date = FindDateInDateline(text);
    }
  }
  // The dateline under a headline ("Handball Schweiz • 02.02.2022", "Datum:
  // 26. Januar 2022", "Pressemitteilung vom 25. Januar 2022 | Berlin ...")
  // often has no class naming it: read the elements that follow the first
  // visible <h1>, a short one whole, a longer one only where it starts, and
  // not a paragraph (a lead starting "On Thursday, 27.11., ..." dates the
  // event, often the day before the article).
  if (in.headline_date.empty() && after_h1_ > 0 && tag != "h1" && element.has_children() &&
      tag != "script" && tag != "style") {
    --after_h1_;
    bool whole = false;
    const std::string text = TextPrefix(element, kMaxDatelineChars, &whole);
    if (whole || tag != "p") {
      in.headline_date = FindDateInDateline(
          whole ? std::string_view(text) : std::string_view(text).substr(0, kDatelineLeadChars));
    }
  }
  // A date standing alone in a small element ("<span>06.12.2022</span>",
  // "<em>01.11.2023 11:35</em>"): the last resort, the first one in kept
  // content preferred.
  if (!in.lone_date_in_content && (in.lone_date.empty() || in_content) && tag != "script" &&
      tag != "style" && tag != "title" && tag != "option") {
    ReadLoneDate(element, in_content);
  }
  if (in.byline.empty() && byline_tries_ < kMaxBylineTries) {
    const std::string cls = Lowered(AttrView(element, "class"));
    if (cls.find("byline") != std::string::npos ||
        (cls.find("author") != std::string::npos && cls.find("bio") == std::string::npos)) {
      ++byline_tries_;
      std::string text = NodeText(element);
      if (text.size() <= kMaxBylineChars) in.byline = std::move(text);
    }
  }
}

void MetadataCollector::ReadLoneDate(const DomNode& element, bool in_content) {
  constexpr size_t kMaxLoneDateChars = 40;
  constexpr size_t kMaxLoneDateLetters = 16;  // "Mittwoch, 24. April 2020"
  size_t size = 0;
  size_t digits = 0;
  bool any = false;
  for (DomNode child = element.first_child(); child; child = child.next_sibling()) {
    if (!child.is_text()) return;  // leaf elements only: cheap and precise
    any = true;
    for (const char c : child.text()) {  // white space (a template's indent) aside
      size += c != ' ' && c != '\t' && c != '\n' && c != '\r';
      digits += c >= '0' && c <= '9';
    }
    if (size > kMaxLoneDateChars) return;
  }
  // A date has at least four digits ("1.1.22"), and NodeText only drops
  // characters.
  if (!any || digits < 4) return;
  const std::string text = NodeText(element);
  if (text.size() > kMaxLoneDateChars || ShapeOf(text).letters > kMaxLoneDateLetters) return;
  std::string date = FindDateInDateline(text);
  if (date.empty()) return;
  inputs_.lone_date = std::move(date);
  inputs_.lone_date_in_content = in_content;
}

namespace {

// A byline's name without its lead-in: "Par Joanne Massard" -> "Joanne Massard".
std::string StripBylinePrefix(std::string_view text) {
  for (const std::string_view prefix : {"par ", "by ", "von ", "por ", "di ", "door "}) {
    if (text.size() > prefix.size() &&
        FoldForMatch(text.substr(0, prefix.size())) == prefix.substr(0, prefix.size() - 1)) {
      return CollapseWhitespace(text.substr(prefix.size()));
    }
  }
  return std::string(text);
}

// Resolves `ref` against `base` and canonicalises it; "" when impossible.
std::string AbsoluteUrl(std::string_view base, std::string_view ref) {
  if (ref.empty()) return "";
  Result<std::string> resolved = ResolveUrl(base, ref);
  if (!resolved.ok()) return "";
  Result<std::string> canonical = CanonicalizeUrl(resolved.value());
  return canonical.ok() ? std::move(canonical).value() : "";
}

// "fr-FR", "fr_FR", "FR" -> "fr"; "" for anything that is not a language tag.
std::string PrimaryLanguage(std::string_view tag) {
  std::string lang;
  for (const char c : tag) {
    if (c == '-' || c == '_' || c == ',' || c == ' ') break;
    if ((c | 0x20) < 'a' || (c | 0x20) > 'z') return "";
    lang.push_back(static_cast<char>(c | 0x20));
  }
  return lang.size() == 2 || lang.size() == 3 ? lang : "";
}

}  // namespace

PageMetadata ResolveMetadata(const MetadataInputs& in, std::string_view page_url) {
  const JsonLdFacts json = ReadJsonLd(in.json_ld);
  PageMetadata out;

  out.canonical_url = AbsoluteUrl(page_url, in.canonical_href);
  if (out.canonical_url.empty()) {
    out.canonical_url = AbsoluteUrl(page_url, MetaValue(in, std::array{"og:url"}));
  }
  const std::string host = UrlHost(page_url.empty() ? out.canonical_url : page_url);

  out.site = MetaValue(in, std::array{"og:site_name"});
  if (out.site.empty()) out.site = json.publisher;
  if (out.site.empty()) out.site = MetaValue(in, std::array{"application-name"});

  const std::string meta_title = MetaValue(in, std::array{"og:title", "twitter:title"});
  out.title = ChooseTitle(in.headlines, {meta_title, json.headline, in.title_tag}, out.site, host);

  std::string meta_author = MetaValue(in, std::array{"author"});
  std::string article_author = MetaValue(in, std::array{"article:author"});
  if (article_author.find('/') != std::string::npos) article_author.clear();  // a profile URL
  for (const std::string& candidate :
       {json.author, meta_author, article_author, in.rel_author, in.byline}) {
    if (candidate.empty()) continue;
    out.author = StripBylinePrefix(candidate);
    break;
  }

  out.published = ChoosePublished(in, json, out.canonical_url, page_url);

  out.lang = PrimaryLanguage(in.html_lang);
  if (out.lang.empty()) {
    out.lang = PrimaryLanguage(MetaValue(in, std::array{"content-language", "og:locale"}));
  }

  std::string image = MetaValue(in, std::array{"og:image", "og:image:url", "twitter:image"});
  if (image.empty()) image = json.image;
  out.image_url = AbsoluteUrl(page_url, image);
  if (out.image_url.empty()) out.image_url = image;
  return out;
}

}  // namespace veille::extract
