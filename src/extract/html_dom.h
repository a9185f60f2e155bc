// HtmlDom: a compact, read-only document tree built from libxml2's HTML
// parser through its SAX interface, holding only what the extractors read:
// elements (lowercased name, attributes), text (CDATA of scripts included),
// and comments as empty placeholders. Nodes live in one vector and all
// strings in one buffer, so a page costs a handful of allocations instead of
// libxml2's several per node. The tree is the one libxml2's own tree builder
// (htmlReadMemory) would give: the same parser emits the same events, and
// the callbacks mirror SAX2.c (text appended to the open element, dropped
// outside any element). Thread-safe: each thread reuses its own parser
// context; a document is immutable once parsed.
#ifndef VEILLE_EXTRACT_HTML_DOM_H_
#define VEILLE_EXTRACT_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::extract {

class HtmlDom;

// A handle on one node of an HtmlDom (or on no node: `!node`). Cheap to copy;
// valid as long as the document.
class DomNode {
 public:
  DomNode() = default;
  DomNode(const HtmlDom* dom, int32_t id) : dom_(dom), id_(id) {}

  explicit operator bool() const { return id_ >= 0; }
  bool operator==(const DomNode& other) const = default;
  bool is_element() const;
  bool is_text() const;           // text or CDATA
  std::string_view name() const;  // the element's lowercased name; "" otherwise
  std::string_view text() const;  // a text node's content; "" otherwise
  DomNode parent() const;         // no node above the top-level nodes
  DomNode first_child() const;
  DomNode next_sibling() const;
  bool has_children() const { return static_cast<bool>(first_child()); }
  // The value of attribute `name` (lowercase), "" when absent or valueless.
  std::string_view attr(std::string_view name) const;
  bool has_attr(std::string_view name) const;
  // The element's attributes in the parser's order: their count (0 for
  // text and no node), then name and value of the i-th, i < attr_count().
  size_t attr_count() const;
  std::string_view attr_name(size_t i) const;
  std::string_view attr_value(size_t i) const;
  // Appends the text of every text node under this node, in document order.
  void AppendText(std::string* out) const;

 private:
  const HtmlDom* dom_ = nullptr;
  int32_t id_ = -1;
};

class HtmlDom {
 public:
  // Parses `utf8_html` with libxml2's recovering HTML parser (tag soup and
  // truncated pages welcome; the input is taken as UTF-8 whatever it says).
  // Never fails: an empty page gives a document without a root.
  static HtmlDom Parse(std::string_view utf8_html);

  // The first top-level element (normally <html>), or no node.
  DomNode root() const;

 private:
  friend class DomNode;
  friend struct DomBuilder;
  enum class Kind : uint8_t { kElement, kText, kOther };
  struct Node {
    int32_t parent = -1;
    int32_t first_child = -1;
    int32_t last_child = -1;
    int32_t next = -1;
    uint32_t offset = 0;  // name (element) or content (text) in chars_
    uint32_t length = 0;
    uint32_t attr_begin = 0;  // attributes in attrs_
    uint32_t attr_count = 0;
    Kind kind = Kind::kOther;
  };
  struct Attr {
    uint32_t name_offset, name_length;
    uint32_t value_offset, value_length;
  };

  const Attr* FindAttr(int32_t id, std::string_view name) const;
  std::string_view Chars(uint32_t offset, uint32_t length) const {
    return std::string_view(chars_).substr(offset, length);
  }

  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::string chars_;
  int32_t root_ = -1;       // the first top-level element
  int32_t first_top_ = -1;  // the first top-level node
  int32_t last_top_ = -1;   // the last top-level node
};

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_HTML_DOM_H_
