// Extract(): the stage's entry point. Decodes the bytes, runs the extractor
// for the format (HTML: DOM scoring + metadata; text: line classification),
// merges the container's hints with what the page says about itself, and
// normalises every string to NFC.
#include "veille/extract.h"

#include <string>
#include <utility>

#include "common/iso_time.h"
#include "common/url.h"
#include "extract/charset.h"
#include "extract/html_extractor.h"
#include "extract/language.h"
#include "extract/metadata.h"
#include "extract/nfc_check.h"
#include "extract/text_extractor.h"
#include "extract/text_util.h"

namespace veille {
namespace {

// A container hint as valid UTF-8 with white space collapsed ("" if it is
// not text at all).
std::string CleanHint(std::string_view hint) {
  if (hint.empty()) return "";
  if (extract::IsValidUtf8(hint)) return extract::CollapseWhitespace(hint);
  Result<extract::DecodedText> decoded = extract::DecodeToUtf8(hint, "", /*is_html=*/false);
  return decoded.ok() ? extract::CollapseWhitespace(decoded->utf8) : "";
}

// Puts valid UTF-8 `*s` in NFC (invalid UTF-8 is left as it is); a string
// that is NFC already, as most are, is not copied.
void Nfc(std::string* s) {
  if (s->empty() || !extract::IsValidUtf8(*s) || extract::internal::StableUnderNfc(*s)) return;
  *s = extract::NormalizeNfc(*s);
}

void NormalizeAll(Article* a) {
  for (std::string* field : {&a->url, &a->title, &a->author, &a->published, &a->site, &a->lang,
                             &a->text, &a->image_url}) {
    Nfc(field);
  }
  for (RelatedLink& r : a->related) {
    Nfc(&r.title);
    Nfc(&r.snippet);
  }
}

}  // namespace

Result<Article> Extract(const RawDocument& doc, const ExtractOptions& options) {
  if (doc.format != DocFormat::kHtml && doc.format != DocFormat::kText) {
    return Status::InvalidInput(std::string("cannot extract a document of format ") +
                                DocFormatName(doc.format))
        .At(doc.input, doc.record);
  }
  const bool is_html = doc.format == DocFormat::kHtml;
  Result<extract::DecodedText> decoded =
      extract::DecodeToUtf8(doc.bytes, doc.content_type, is_html);
  if (!decoded.ok()) return decoded.status().At(doc.input, doc.record);

  Article article;
  article.warnings = std::move(decoded->warnings);
  const std::string hint_title = CleanHint(doc.title);
  const std::string hint_url = CleanHint(doc.url);

  extract::PageMetadata page;
  if (is_html) {
    extract::HtmlExtraction html = extract::ExtractHtml(decoded->utf8, options);
    page = extract::ResolveMetadata(html.metadata, hint_url);
    article.text = std::move(html.text);
  } else {
    extract::TextExtraction text =
        extract::ExtractText(extract::DecodeEntities(decoded->utf8), hint_title, options);
    article.text = std::move(text.text);
    page.title = std::move(text.title);
    page.author = std::move(text.author);
    article.related = std::move(text.related);
  }

  // The container's hints win; the page fills the gaps. The URL is the
  // page's canonical link when it gives one.
  article.title = hint_title.empty() ? std::move(page.title) : hint_title;
  article.author = std::move(page.author);
  if (!doc.published.empty()) {
    Result<std::string> published = NormalizeIsoTime(CleanHint(doc.published));
    if (published.ok()) {
      article.published = std::move(published).value();
    } else {
      article.warnings.push_back("published hint is not an ISO 8601 time: " +
                                 CleanHint(doc.published));
    }
  }
  if (article.published.empty()) article.published = std::move(page.published);
  if (!page.canonical_url.empty()) {
    article.url = std::move(page.canonical_url);
  } else if (!hint_url.empty()) {
    Result<std::string> url = CanonicalizeUrl(hint_url);
    if (url.ok()) {
      article.url = std::move(url).value();
    } else {
      article.warnings.push_back("url is not an absolute http(s) URL: " + hint_url);
    }
  }
  article.site = CleanHint(doc.site);
  if (article.site.empty()) article.site = std::move(page.site);
  if (article.site.empty()) article.site = UrlHost(article.url.empty() ? hint_url : article.url);
  article.image_url = std::move(page.image_url);
  article.lang =
      extract::DetectLanguage(article.text.empty() ? article.title : article.text, page.lang);
  NormalizeAll(&article);
  return article;
}

}  // namespace veille
