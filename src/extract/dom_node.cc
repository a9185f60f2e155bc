// DomNode's accessors and HtmlDom's attribute lookup: reads of the flat
// tree that html_dom.cc builds (tests: html_dom_test.cc). Thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_dom.h"

namespace veille::extract {

bool DomNode::is_element() const {
  return id_ >= 0 && dom_->nodes_[id_].kind == HtmlDom::Kind::kElement;
}

bool DomNode::is_text() const { return id_ >= 0 && dom_->nodes_[id_].kind == HtmlDom::Kind::kText; }

std::string_view DomNode::name() const {
  if (!is_element()) return "";
  const HtmlDom::Node& n = dom_->nodes_[id_];
  return dom_->Chars(n.offset, n.length);
}

std::string_view DomNode::text() const {
  if (!is_text()) return "";
  const HtmlDom::Node& n = dom_->nodes_[id_];
  return dom_->Chars(n.offset, n.length);
}

DomNode DomNode::parent() const { return {dom_, id_ < 0 ? -1 : dom_->nodes_[id_].parent}; }
DomNode DomNode::first_child() const {
  return {dom_, id_ < 0 ? -1 : dom_->nodes_[id_].first_child};
}
DomNode DomNode::next_sibling() const { return {dom_, id_ < 0 ? -1 : dom_->nodes_[id_].next}; }

// The attribute named `name` among the node's, or null. Reads the names in
// place (no bounds-checked substr per attribute): the scan is on the
// extractors' hot path.
const HtmlDom::Attr* HtmlDom::FindAttr(int32_t id, std::string_view name) const {
  const Node& n = nodes_[id];
  const char* chars = chars_.data();
  const Attr* a = attrs_.data() + n.attr_begin;
  for (const Attr* const end = a + n.attr_count; a != end; ++a) {
    if (a->name_length == name.size() &&
        std::string_view(chars + a->name_offset, a->name_length) == name) {
      return a;
    }
  }
  return nullptr;
}

std::string_view DomNode::attr(std::string_view name) const {
  if (id_ < 0) return "";
  const HtmlDom::Attr* a = dom_->FindAttr(id_, name);
  return a == nullptr ? std::string_view("")
                      : std::string_view(dom_->chars_.data() + a->value_offset, a->value_length);
}

bool DomNode::has_attr(std::string_view name) const {
  return id_ >= 0 && dom_->FindAttr(id_, name) != nullptr;
}

size_t DomNode::attr_count() const { return id_ < 0 ? 0 : dom_->nodes_[id_].attr_count; }

std::string_view DomNode::attr_name(size_t i) const {
  const HtmlDom::Attr& a = dom_->attrs_[dom_->nodes_[id_].attr_begin + i];
  return dom_->Chars(a.name_offset, a.name_length);
}

std::string_view DomNode::attr_value(size_t i) const {
  const HtmlDom::Attr& a = dom_->attrs_[dom_->nodes_[id_].attr_begin + i];
  return dom_->Chars(a.value_offset, a.value_length);
}

void DomNode::AppendText(std::string* out) const {
  if (id_ < 0) return;
  const std::vector<HtmlDom::Node>& nodes = dom_->nodes_;
  // Iterative pre-order walk of the subtree.
  int32_t i = id_;
  while (true) {
    const HtmlDom::Node& n = nodes[i];
    if (n.kind == HtmlDom::Kind::kText) out->append(dom_->Chars(n.offset, n.length));
    if (n.first_child >= 0) {
      i = n.first_child;
      continue;
    }
    while (i != id_ && nodes[i].next < 0) i = nodes[i].parent;
    if (i == id_) return;
    i = nodes[i].next;
  }
}

DomNode HtmlDom::root() const { return {this, root_}; }

}  // namespace veille::extract
