// Page metadata: what an HTML page says about itself (title, author, date,
// site, canonical URL, language, image), from <meta>/<link> tags, JSON-LD and
// a few elements (<title>, the first <h1>, <time>, bylines).
// A MetadataCollector sees each element once during the extractor's single DOM
// walk (one collector per page; not shared across threads); ResolveMetadata()
// then picks, field by field, the first valid value in a fixed order of trust.
#ifndef VEILLE_EXTRACT_METADATA_H_
#define VEILLE_EXTRACT_METADATA_H_

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/text_date.h"  // LocalIsoTime, DateFromUrlPath
#include "extract/title.h"

namespace veille::extract {

class DomNode;  // extract/html_dom.h

// The raw candidates found in the DOM, before any choice is made.
struct MetadataInputs {
  std::string html_lang;  // <html lang>
  std::string title_tag;  // <title>
  // <h1>s, title-class and in-content <h2>/<h3>s, then (level 4) in-content
  // <h4>-<h6>s and short elements whose class/id names a title; in order.
  std::vector<Headline> headlines;
  std::vector<std::pair<std::string, std::string>>
      meta;                          // (lowercased name/property/itemprop/http-equiv, content)
  std::vector<std::string> json_ld;  // <script type="application/ld+json"> texts
  std::string canonical_href;        // <link rel=canonical href>, as written
  std::string rel_author;            // text of the first <a rel=author>
  std::string byline;                // text of the first short element with a byline/author class
  std::string time_datetime;         // the first <time datetime> (in kept content if any)
  bool time_in_content = false;      // whether that <time> is in kept content
  std::string itemprop_published;    // an element's itemprop/RDFa property datePublished or
                                     // dateCreated value
  std::string itemprop_modified;     // the same for dateModified
  std::string text_date;      // "YYYY-MM-DD" read in a dateline's text (class/id naming a date)
  std::string headline_date;  // "YYYY-MM-DD" read just after the first visible <h1>: in a short
                              // element, or starting a longer one ("29.11.2022 – Mehrfach ...")
  std::string lone_date;      // "YYYY-MM-DD": the first element whose short text is a date
  bool lone_date_in_content = false;
};

// The first non-empty content of a meta tag of `in` among `keys`, in key
// order; "" when none.
template <size_t N>
std::string MetaValue(const MetadataInputs& in, const std::array<const char*, N>& keys) {
  for (const char* key : keys) {
    for (const auto& [name, content] : in.meta) {
      if (name == key && !content.empty()) return content;
    }
  }
  return "";
}

class MetadataCollector {
 public:
  // Inspects one element. Called for every element in document order,
  // including those inside subtrees the extractor drops from the text;
  // `in_content` tells whether the element is inside kept content.
  void Visit(const DomNode& element, bool in_content);

  MetadataInputs& inputs() { return inputs_; }

 private:
  void ReadLoneDate(const DomNode& element, bool in_content);
  void ReadMachineDate(const DomNode& element);  // itemprop/RDFa dates outside <meta>

  MetadataInputs inputs_;
  int h2_seen_ = 0;       // <h2>/<h3> candidates taken so far
  int byline_tries_ = 0;  // bounds the text reads spent on byline candidates
  int date_tries_ = 0;    // the same for dateline candidates
  int after_h1_ = -1;     // elements left to read for a date after the first <h1>; -1 before it
};

struct PageMetadata {
  std::string title;
  std::string author;
  std::string published;      // normalised ISO 8601, or ""
  std::string site;           // the outlet's name, "" when the page does not say
  std::string canonical_url;  // absolute and canonicalised, or ""
  std::string lang;           // lowercase primary subtag of <html lang>, e.g. "fr"
  std::string image_url;      // absolute when it could be resolved
};

// Chooses each field from `inputs`: title (ChooseTitle in title.h), author, published
// (ChoosePublished in date_choice.h: a visible date the page's declared dates confirm, else a fixed
// order of trust), site, canonical URL (resolved against `page_url`, then canonicalised), lang and
// image. Pure; never fails: fields without a valid candidate are empty.
PageMetadata ResolveMetadata(const MetadataInputs& inputs, std::string_view page_url);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_METADATA_H_
