#include "extract/metadata.h"

#include <array>
#include <cctype>

#include "common/iso_time.h"
#include "common/url.h"
#include "extract/dom_util.h"
#include "extract/json_ld.h"
#include "extract/text_date.h"
#include "extract/text_util.h"

namespace veille::extract {
namespace {

constexpr size_t kMaxMetaTags = 256;  // bounds memory on hostile pages
constexpr size_t kMaxJsonLdBlocks = 16;
constexpr int kMaxBylineTries = 4;       // bounds NodeText() calls on byline cues
constexpr size_t kMaxBylineChars = 100;  // longer "author" elements are bios
constexpr int kMaxDateTries = 8;         // bounds NodeText() calls on dateline cues
constexpr size_t kMaxDatelineChars = 200;
constexpr int kHeadlineDateSpan = 12;
constexpr size_t kMaxHeadlines = 16;  // title candidates kept per page
constexpr int kMaxSubHeadlines =
    6;  // of which <h2>/<h3>  // elements read for a date after the first <h1>

// Whether a lowercased class/id names a dateline ("post-date", "entry-meta",
// "datum", "fecha", "published", "time").
bool NamesDateline(std::string_view cls) {
  for (const std::string_view cue : {"date", "datum", "fecha", "publish", "posted", "time", "meta",
                                     "byline", "artikel-info", "article-info"}) {
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
    if (level == 1 && after_h1_ < 0) after_h1_ = kHeadlineDateSpan;
    std::string names;
    AppendLowered(element, "class", &names);
    AppendLowered(element, "id", &names);
    AppendLowered(element, "itemprop", &names);
    const bool title_class = NamesTitle(names);
    const bool wanted =
        !NamesHidden(names) &&
        (level == 1 || ((title_class || in_content) && h2_seen_ < kMaxSubHeadlines));
    if (wanted && in.headlines.size() < kMaxHeadlines) {
      if (level > 1) ++h2_seen_;
      std::string text = HeadlineText(element);
      if (!text.empty()) {
        in.headlines.push_back(
            {std::move(text), level, in_content, title_class, IsHomeLinkHeading(element)});
      }
    }
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
  if (in.itemprop_published.empty() && AttrView(element, "itemprop") == "datePublished") {
    std::string_view value = AttrView(element, "content");
    if (value.empty()) value = AttrView(element, "datetime");
    in.itemprop_published = value.empty() ? NodeText(element) : std::string(value);
  }
  if (in.text_date.empty() && date_tries_ < kMaxDateTries && element.has_children() &&
      tag != "html" && tag != "body" && tag != "meta" && tag != "script") {
    std::string names = Lowered(AttrView(element, "class"));
    names += ' ';
    names += Lowered(AttrView(element, "id"));
    if (tag == "time" || NamesDateline(names)) {
      ++date_tries_;
      const std::string text = NodeText(element);
      if (text.size() <= kMaxDatelineChars) in.text_date = FindDateInText(text);
    }
  }
  // The dateline under a headline ("Handball Schweiz • 02.02.2022", "Datum:
  // 26. Januar 2022") often has no class naming it: read the short elements
  // that follow the first <h1>.
  if (in.headline_date.empty() && after_h1_ > 0 && tag != "h1" && element.has_children() &&
      tag != "script" && tag != "style") {
    --after_h1_;
    const std::string text = NodeText(element);
    if (text.size() <= kMaxDatelineChars) in.headline_date = FindDateInText(text);
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
    const std::string_view text = child.text();
    size += text.size();
    any = true;
    if (size > kMaxLoneDateChars * 2) return;
    for (const char c : text) digits += c >= '0' && c <= '9';
  }
  // A date has a four-digit year, and NodeText only drops characters.
  if (!any || digits < 4) return;
  const std::string text = NodeText(element);
  if (text.size() > kMaxLoneDateChars || ShapeOf(text).letters > kMaxLoneDateLetters) return;
  std::string date = FindDateInText(text);
  if (date.empty()) return;
  inputs_.lone_date = std::move(date);
  inputs_.lone_date_in_content = in_content;
}

namespace {

// The first non-empty content of a meta tag among `keys`, in key order.
template <size_t N>
std::string MetaValue(const MetadataInputs& in, const std::array<const char*, N>& keys) {
  for (const char* key : keys) {
    for (const auto& [name, content] : in.meta) {
      if (name == key && !content.empty()) return content;
    }
  }
  return "";
}

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

// The first candidate that is a valid time, in the page's calendar (see
// LocalIsoTime), and the text it was read from; {"", ""} when none is.
std::pair<std::string, std::string_view> FirstValidTime(
    std::initializer_list<std::string_view> candidates) {
  for (const std::string_view candidate : candidates) {
    if (candidate.empty()) continue;
    std::string time = LocalIsoTime(candidate);
    // A date-time the ISO reader refuses ("2022-01-10T22:06:08:684Z") still
    // names its day.
    if (time.empty() && candidate.size() > 10 && (candidate[10] == 'T' || candidate[10] == ' ')) {
      time = LocalIsoTime(candidate.substr(0, 10));
    }
    if (!time.empty()) return {std::move(time), candidate};
  }
  return {"", ""};
}

// Whether a lowercased meta name/property names a date or time.
bool NamesTime(std::string_view key) {
  for (const std::string_view cue : {"date", "time", "published", "modified", "created"}) {
    if (key.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// The non-zero UTC offset the page writes one of its times in (a meta tag's
// or JSON-LD's), in minutes; false when it writes none.
bool PageOffset(const MetadataInputs& in, const JsonLdFacts& json, int* minutes) {
  for (const auto& [name, content] : in.meta) {
    if (NamesTime(name) && TrailingOffset(content, minutes) && *minutes != 0) return true;
  }
  for (const std::string* raw : {&json.date_published, &json.other_date, &in.time_datetime}) {
    if (TrailingOffset(*raw, minutes) && *minutes != 0) return true;
  }
  return false;
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

  const std::string time_date = FindDateInText(in.time_datetime);
  const std::string url_date = DateFromUrlPath(out.canonical_url);
  const std::string page_url_date = DateFromUrlPath(page_url);
  // A <time> in kept content and the date under the headline are what
  // readers see (after a date in the URL's path, the surest of all); the generic "date" tags (TYPO3
  // and others fill them with the page's last change) come after them, a <time> elsewhere (a list
  // of related posts) after a date in the URL.
  // Views of in.time_datetime itself (a `? string : ""` would view a copy
  // destroyed at the end of the statement).
  const std::string_view time_datetime = in.time_datetime;
  const std::string_view time_in = in.time_in_content ? time_datetime : std::string_view();
  const std::string_view time_out = in.time_in_content ? std::string_view() : time_datetime;
  // Named, so that the view FirstValidTime returns into the chosen one
  // stays valid below.
  const std::string meta_article = MetaValue(in, std::array{"article:published_time"});
  const std::string meta_og =
      MetaValue(in, std::array{"og:published_time", "og:article:published_time"});
  const std::string meta_published = MetaValue(
      in, std::array{"datepublished", "pubdate", "publishdate", "dc.date.issued", "dcterms.issued",
                     "dcterms.created", "dc.date.created", "schema:datepublished",
                     "schema:datecreated", "parsely-pub-date", "sailthru.date", "publication_date",
                     "citation_publication_date", "citation_date"});
  const std::string meta_date = MetaValue(in, std::array{"date", "dc.date", "dcterms.date"});
  const auto [published, raw] = FirstValidTime(
      {json.date_published, meta_article, meta_og, in.itemprop_published, meta_published,
       json.other_date, time_in, in.time_in_content ? std::string_view(time_date) : "", url_date,
       page_url_date, in.headline_date, time_out,
       in.time_in_content ? "" : std::string_view(time_date), meta_date, in.text_date,
       in.lone_date});
  int page_offset = 0;
  const bool has_page_offset = PageOffset(in, json, &page_offset);
  // Only the date under the headline: a header's or sidebar's dateline is
  // often today's date, one day off by chance.
  out.published = ReadersDay(published, raw, has_page_offset, page_offset, in.headline_date);

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
