// Pre-cutting a page before libxml2 reads it (used by HtmlDom::Parse).
//
// libxml2 2.9.14's HTML parser reads script/style contents, attribute
// values and text one character at a time, which costs more than the rest
// of the parse. CutPage copies the page without those bytes (a script's
// content goes, an attribute's quoted value becomes "", a text run one
// placeholder byte) and records each cut; HtmlDom's SAX handler puts the
// cut bytes back where the parser reports them. The cuts are found by a
// light tokenizer, not by the parser: each cut is a guess that the handler
// verifies (the parser reports the expected element, attribute names or
// placeholder at the expected offset), and a page with any unverified cut
// is parsed again uncut. Only bytes that the parser would pass on unchanged
// are cut: no '&' (entities), no NUL or other non-XML character, and the
// page must be valid UTF-8 (else libxml2 switches to Latin-1 mid-page).
// Example: `<p class="lead">Hello</p>` is parsed as `<p class="">x</p>`;
// the handler gets class "" at the '>' and text "x" at the '<' of "</p>",
// checks both offsets, and stores "lead" and "Hello".
#ifndef VEILLE_EXTRACT_HTML_PRECUT_H_
#define VEILLE_EXTRACT_HTML_PRECUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::extract::internal {

// The content of a <script> or <style>: `gt` is the offset, in the cut page,
// of the start tag's '>'; [begin, begin + length) the content in the page.
struct RawTextCut {
  size_t gt;
  size_t begin;
  size_t length;
  bool style;
};

// One attribute of a start tag with at least one cut value, as the
// tokenizer read it (offsets in the uncut page). `cut`: its quoted value
// [value_begin, value_begin + value_length) was replaced by "".
struct AttrToken {
  uint32_t name_begin;
  uint32_t name_length;
  uint32_t value_begin;
  uint32_t value_length;
  bool cut;
};

// A start tag with cut attribute values: `end` is the offset, in the cut
// page, where the parser stands when it reports the element (the '>', or
// the '/' of "/>"); its attributes are attrs[attr_begin, attr_begin + count).
struct TagCut {
  size_t end;
  uint32_t attr_begin;
  uint32_t attr_count;
};

// A run of text after a tag's '>', up to the next '<' or '&', replaced by
// one placeholder byte (' ' when the run is all blanks, else 'x', so that
// the parser's blank test and implied <p> go the same way): `end` is the
// offset, in the cut page, where the parser stands when it reports the
// placeholder; [begin, begin + length) the run in the page.
struct TextCut {
  size_t end;
  size_t begin;
  size_t length;
  char placeholder;
};

struct PageCuts {
  std::vector<RawTextCut> raw;  // in page order
  std::vector<TagCut> tags;     // in page order
  std::vector<AttrToken> attrs;
  std::vector<TextCut> text;  // in page order
  bool empty() const { return raw.empty() && tags.empty() && text.empty(); }
};

// Copies `html` to `*out` without the cuttable script/style contents and
// attribute values, recording them in `*cuts`; false (nothing done) when
// there is nothing to cut or `html` is not valid UTF-8.
bool CutPage(std::string_view html, std::string* out, PageCuts* cuts);

// ASCII-case-insensitive equality with an already lowercase `lower`.
bool EqualsLowered(std::string_view s, std::string_view lower);

}  // namespace veille::extract::internal

#endif  // VEILLE_EXTRACT_HTML_PRECUT_H_
