#include "extract/dom_util.h"

#include "extract/text_util.h"

namespace veille::extract {

void AppendLowered(const DomNode& element, std::string_view name, std::string* out) {
  const std::string_view value = AttrView(element, name);
  if (value.empty()) return;
  if (!out->empty()) out->push_back(' ');
  const size_t at = out->size();
  out->resize(at + value.size());
  char* dst = out->data() + at;
  for (const char c : value) *dst++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

std::string RawNodeText(const DomNode& element) {
  std::string text;
  element.AppendText(&text);
  return text;
}

std::string NodeText(const DomNode& element) { return CollapseWhitespace(RawNodeText(element)); }

}  // namespace veille::extract
