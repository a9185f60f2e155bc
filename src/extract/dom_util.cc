#include "extract/dom_util.h"

#include "extract/text_util.h"

namespace veille::extract {

std::string_view AttrView(const xmlNode& element, std::string_view name) {
  for (const xmlAttr* attr = element.properties; attr != nullptr; attr = attr->next) {
    if (attr->name == nullptr || name != reinterpret_cast<const char*>(attr->name)) continue;
    const xmlNode* value = attr->children;
    if (value == nullptr || value->content == nullptr) return "";
    // The HTML parser stores an attribute value as one text node.
    return reinterpret_cast<const char*>(value->content);
  }
  return "";
}

void AppendLowered(const xmlNode& element, std::string_view name, std::string* out) {
  const std::string_view value = AttrView(element, name);
  if (value.empty()) return;
  if (!out->empty()) out->push_back(' ');
  for (const char c : value) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
}

std::string RawNodeText(const xmlNode& element) {
  xmlChar* content = xmlNodeGetContent(&element);
  if (content == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return text;
}

std::string NodeText(const xmlNode& element) { return CollapseWhitespace(RawNodeText(element)); }

}  // namespace veille::extract
