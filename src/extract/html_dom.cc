// HtmlDom (tests: html_dom_test.cc; the extractor tests run on it).
//
// libxml2's HTML parser does its error recovery (implied <html>/<body>/<p>,
// auto-closed elements, misnested end tags) before it calls the SAX
// handler, so a handler that appends each startElement to the open element,
// closes it on endElement and appends characters/CDATA to the open element
// rebuilds exactly the tree that htmlReadMemory builds through SAX2.c (the
// parser consults the tree it builds only to class blank text as ignorable,
// which changes nothing while blanks are kept). Adjacent text is merged into
// one node as SAX2.c does. Example: "<p>a<b>b</b>c" gives html > body > p
// with children text "a", b > text "b", text "c".
// Cost: one pass; per node 40 bytes in one vector, strings appended to one
// buffer reserved at the input's size. The parser context (and its name
// dictionary) is reused by each thread; it is renewed every
// kContextUses pages so that the dictionary cannot grow without bound.
// Script/style contents, quoted attribute values and text runs, which
// libxml2 reads one character at a time, are cut out of the page first and
// put back by the handler where the parser reports them (html_precut.h);
// a page where any cut is not met as expected is parsed again uncut.
#include "extract/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>

#include "extract/html_precut.h"

namespace veille::extract {

namespace {
constexpr size_t kMaxParserDepth = 256;  // libxml2's xmlParserMaxDepth
constexpr std::string_view kRawTextNames[] = {"script", "style"};
}  // namespace

using internal::PageCuts;

// The SAX callbacks' state: the document and the stack of open elements.
struct DomBuilder {
  HtmlDom* dom = nullptr;
  htmlParserCtxtPtr ctxt = nullptr;
  std::vector<int32_t> open;
  bool doctype = false;  // SAX2.c puts the DTD first among the top-level nodes
  // What was cut out before parsing (html_precut.h): `raw_verified`
  // script/style contents and `tags_verified` tags have been met where the
  // parser opened their element.
  const PageCuts* cuts = nullptr;
  std::string_view source;  // the uncut page, where the cut contents are
  size_t raw_verified = 0;
  size_t tags_verified = 0;
  size_t text_verified = 0;
  // Element and attribute names come from the parser's dictionary (or are
  // literals): one pointer is one name for the whole parse, stored once.
  struct NameSlot {
    const xmlChar* key = nullptr;
    uint32_t offset = 0;
    uint32_t length = 0;
  };
  NameSlot names[256] = {};

  // SAX2.c's node stack follows the parser's name stack, which the parser
  // also pops without an endElement (a start tag without its '>'): so does
  // ours. `pending` names pushed but not yet seen by the handler.
  void Sync(int pending) {
    const int depth = std::max(0, ctxt->nameNr - pending);
    if (open.size() > static_cast<size_t>(depth)) open.resize(depth);
  }

  uint32_t Store(const char* s, size_t n) {
    const auto at = static_cast<uint32_t>(dom->chars_.size());
    dom->chars_.append(s, n);
    return at;
  }

  const NameSlot& StoreName(const xmlChar* name) {
    NameSlot& slot = names[(reinterpret_cast<uintptr_t>(name) * 0x9E3779B97F4A7C15ULL) >> 56];
    if (slot.key != name) {
      const auto length = static_cast<uint32_t>(std::strlen(reinterpret_cast<const char*>(name)));
      slot = {name, Store(reinterpret_cast<const char*>(name), length), length};
    }
    return slot;
  }

  int32_t Append(HtmlDom::Kind kind) {
    const auto id = static_cast<int32_t>(dom->nodes_.size());
    HtmlDom::Node node;
    node.kind = kind;
    node.parent = open.empty() ? -1 : open.back();
    // An element opened after the top-level element closed (content after
    // </html>) goes, in SAX2.c, under the document's first child when that
    // is an element (no doctype, no leading comment), else to the top level.
    if (node.parent < 0 && kind == HtmlDom::Kind::kElement && !doctype && dom->first_top_ >= 0 &&
        dom->nodes_[dom->first_top_].kind == HtmlDom::Kind::kElement) {
      node.parent = dom->first_top_;
    }
    dom->nodes_.push_back(node);
    const int32_t parent = node.parent;
    if (parent >= 0) {
      HtmlDom::Node& p = dom->nodes_[parent];
      if (p.last_child >= 0) dom->nodes_[p.last_child].next = id;
      if (p.first_child < 0) p.first_child = id;
      p.last_child = id;
    } else {
      if (dom->last_top_ >= 0) dom->nodes_[dom->last_top_].next = id;
      if (dom->first_top_ < 0) dom->first_top_ = id;
      dom->last_top_ = id;
      if (kind == HtmlDom::Kind::kElement && dom->root_ < 0) dom->root_ = id;
    }
    return id;
  }

  void StartElement(const xmlChar* name, const xmlChar** atts) {
    Sync(1);
    // SAX2.c's nodePush: past xmlParserMaxDepth open elements the parse stops.
    if (open.size() > kMaxParserDepth) {
      xmlStopParser(ctxt);
      return;
    }
    const NameSlot name_slot = StoreName(name);
    const auto attr_begin = static_cast<uint32_t>(dom->attrs_.size());
    const internal::AttrToken* cut_attrs = nullptr;
    if (cuts != nullptr && tags_verified < cuts->tags.size()) {
      cut_attrs = MatchTagCut(atts);
      if (cut_attrs == nullptr && ctxt->instate == XML_PARSER_EOF) return;
    }
    int index = 0;
    for (const xmlChar** a = atts; a != nullptr && a[0] != nullptr; a += 2, ++index) {
      const char* av = reinterpret_cast<const char*>(a[1]);
      const NameSlot& attr_name = StoreName(a[0]);
      HtmlDom::Attr attr;
      attr.name_length = attr_name.length;
      attr.name_offset = attr_name.offset;
      if (cut_attrs != nullptr && cut_attrs[index].cut) {
        attr.value_length = cut_attrs[index].value_length;
        attr.value_offset = Store(source.data() + cut_attrs[index].value_begin, attr.value_length);
      } else {
        attr.value_length = av == nullptr ? 0 : static_cast<uint32_t>(std::strlen(av));
        attr.value_offset = Store(av == nullptr ? "" : av, attr.value_length);
      }
      dom->attrs_.push_back(attr);
    }
    const int32_t id = Append(HtmlDom::Kind::kElement);
    HtmlDom::Node& node = dom->nodes_[id];
    node.offset = name_slot.offset;
    node.length = name_slot.length;
    node.attr_begin = attr_begin;
    node.attr_count = static_cast<uint32_t>(dom->attrs_.size()) - attr_begin;
    open.push_back(id);
    if (cuts != nullptr && raw_verified < cuts->raw.size()) RestoreCut(name_slot);
  }

  // The parser's offset in the page it reads.
  size_t Offset() const { return ctxt->input->consumed + (ctxt->input->cur - ctxt->input->base); }

  // When the parser reports an element where the next cut tag ends, its
  // attributes must be the ones cut (same names in the same order, "" for
  // each cut value): the cut tag's attributes, else null and, when they
  // differ, the parse is stopped (the page will be parsed whole).
  const internal::AttrToken* MatchTagCut(const xmlChar** atts) {
    const internal::TagCut& tag = cuts->tags[tags_verified];
    if (Offset() != tag.end) return nullptr;
    const internal::AttrToken* tokens = cuts->attrs.data() + tag.attr_begin;
    uint32_t i = 0;
    for (const xmlChar** a = atts; a != nullptr && a[0] != nullptr; a += 2, ++i) {
      if (i >= tag.attr_count ||
          !internal::EqualsLowered(source.substr(tokens[i].name_begin, tokens[i].name_length),
                                   reinterpret_cast<const char*>(a[0])) ||
          (tokens[i].cut && (a[1] == nullptr || a[1][0] != 0))) {
        xmlStopParser(ctxt);
        return nullptr;
      }
    }
    if (i != tag.attr_count) {
      xmlStopParser(ctxt);
      return nullptr;
    }
    ++tags_verified;
    return tokens;
  }

  // The parser stands on the '>' of a start tag: when it is where the next
  // cut was made, for the element named there, the cut content becomes the
  // element's text node, as htmlParseScript would have given it.
  void RestoreCut(const NameSlot& name) {
    const internal::RawTextCut& cut = cuts->raw[raw_verified];
    if (Offset() != cut.gt || dom->Chars(name.offset, name.length) != kRawTextNames[cut.style]) {
      return;
    }
    ++raw_verified;
    Characters(reinterpret_cast<const xmlChar*>(source.data() + cut.begin),
               static_cast<int>(cut.length));
  }

  void EndElement() {
    Sync(0);
    if (!open.empty()) open.pop_back();
  }

  // SAX2.c drops text outside any element and merges a run into the
  // preceding text node.
  void Characters(const xmlChar* ch, int len) {
    if (cuts != nullptr && text_verified < cuts->text.size() && len == 1) {
      // The placeholder of the next cut text run, where it was put?
      const internal::TextCut& cut = cuts->text[text_verified];
      if (ch[0] == cut.placeholder && Offset() == cut.end) {
        ++text_verified;
        ch = reinterpret_cast<const xmlChar*>(source.data() + cut.begin);
        len = static_cast<int>(cut.length);
      }
    }
    Sync(0);
    if (open.empty() || len < 0) return;
    const int32_t last = dom->nodes_[open.back()].last_child;
    if (last >= 0) {
      HtmlDom::Node& prev = dom->nodes_[last];
      if (prev.kind == HtmlDom::Kind::kText && prev.offset + prev.length == dom->chars_.size()) {
        dom->chars_.append(reinterpret_cast<const char*>(ch), len);
        prev.length += static_cast<uint32_t>(len);
        return;
      }
    }
    const uint32_t offset = Store(reinterpret_cast<const char*>(ch), len);
    const int32_t id = Append(HtmlDom::Kind::kText);
    dom->nodes_[id].offset = offset;
    dom->nodes_[id].length = static_cast<uint32_t>(len);
  }

  // Comments and processing instructions: placeholders (an element holding
  // only a comment still has a child in libxml2's tree).
  void Other() {
    Sync(0);
    Append(HtmlDom::Kind::kOther);
  }
};

namespace {

constexpr int kContextUses = 256;  // pages per parser context (bounds its dictionary)
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT;

DomBuilder* BuilderOf(void* ctx) {
  return static_cast<DomBuilder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
  BuilderOf(ctx)->StartElement(name, atts);
}
void OnEnd(void* ctx, const xmlChar* /*name*/) { BuilderOf(ctx)->EndElement(); }
void OnCharacters(void* ctx, const xmlChar* ch, int len) { BuilderOf(ctx)->Characters(ch, len); }
void OnComment(void* ctx, const xmlChar* /*value*/) { BuilderOf(ctx)->Other(); }
void OnDoctype(void* ctx, const xmlChar* /*name*/, const xmlChar* /*external_id*/,
               const xmlChar* /*system_id*/) {
  BuilderOf(ctx)->doctype = true;
}
void OnPi(void* ctx, const xmlChar* /*target*/, const xmlChar* /*data*/) {
  BuilderOf(ctx)->Other();
}

htmlSAXHandler MakeHandler() {
  htmlSAXHandler h;
  std::memset(&h, 0, sizeof(h));
  h.startElement = OnStart;
  h.endElement = OnEnd;
  h.characters = OnCharacters;
  h.ignorableWhitespace = OnCharacters;
  h.cdataBlock = OnCharacters;
  h.comment = OnComment;
  h.processingInstruction = OnPi;
  h.internalSubset = OnDoctype;
  return h;
}

struct ContextFree {
  void operator()(htmlParserCtxtPtr ctxt) const { htmlFreeParserCtxt(ctxt); }
};

// This thread's parser context with our handler installed, renewed every
// kContextUses pages.
htmlParserCtxtPtr ThreadContext() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  static const htmlSAXHandler handler = MakeHandler();
  thread_local std::unique_ptr<htmlParserCtxt, ContextFree> ctxt;
  thread_local int uses = 0;
  if (ctxt == nullptr || ++uses >= kContextUses) {
    ctxt.reset(htmlNewParserCtxt());
    uses = 0;
  }
  if (ctxt != nullptr) std::memcpy(ctxt->sax, &handler, sizeof(handler));
  return ctxt.get();
}

// Parses `page` into `*dom` (empty); with `cuts`, restores the cut contents
// from `source`. False when a cut was not where the parser put its element.
bool ParseInto(std::string_view page, const PageCuts* cuts, std::string_view source, HtmlDom* dom) {
  htmlParserCtxtPtr ctxt = ThreadContext();
  if (ctxt == nullptr) return true;
  DomBuilder builder;
  builder.dom = dom;
  builder.ctxt = ctxt;
  builder.open.reserve(64);
  builder.cuts = cuts;
  builder.source = source;
  ctxt->_private = &builder;
  const int size = static_cast<int>(std::min<size_t>(page.size(), INT_MAX));
  // With our handler the parser builds no xmlDoc: the result is null.
  htmlCtxtReadMemory(ctxt, page.data(), size, nullptr, "UTF-8", kParseOptions);
  ctxt->_private = nullptr;
  return cuts == nullptr ||
         (builder.raw_verified == cuts->raw.size() && builder.tags_verified == cuts->tags.size() &&
          builder.text_verified == cuts->text.size());
}

}  // namespace

HtmlDom HtmlDom::Parse(std::string_view utf8_html) {
  HtmlDom dom;
  if (utf8_html.empty()) return dom;
  const auto reserve = [&] {
    dom.chars_.reserve(utf8_html.size() + 64);
    dom.nodes_.reserve(utf8_html.size() / 64 + 16);
    dom.attrs_.reserve(utf8_html.size() / 64 + 16);
  };
  reserve();
  std::string cut_page;
  PageCuts cuts;
  if (internal::CutPage(utf8_html, &cut_page, &cuts)) {
    if (ParseInto(cut_page, &cuts, utf8_html, &dom)) return dom;
    dom = HtmlDom();  // a guess was wrong: parse the page as it is
    reserve();
  }
  ParseInto(utf8_html, nullptr, utf8_html, &dom);
  return dom;
}

}  // namespace veille::extract
