// Read-only helpers over HtmlDom nodes for the extractors: attribute values
// without allocation churn, an element's collapsed text.
// Pure functions; thread-safe on distinct documents.
#ifndef VEILLE_EXTRACT_DOM_UTIL_H_
#define VEILLE_EXTRACT_DOM_UTIL_H_

#include <string>
#include <string_view>

#include "extract/html_dom.h"

namespace veille::extract {

// The element's name (lowercased by the parser), or "".
inline std::string_view TagName(const DomNode& node) { return node.name(); }

// The value of attribute `name` (ASCII, lowercase) of `element`, or "" when
// absent. The view lives as long as the document.
inline std::string_view AttrView(const DomNode& element, std::string_view name) {
  return element.attr(name);
}

// Appends the lowercased value of `name` (ASCII letters only folded).
void AppendLowered(const DomNode& element, std::string_view name, std::string* out);

// The text content of `element` (all descendants), white space collapsed.
std::string NodeText(const DomNode& element);

// The text content of `element` without collapsing (e.g. a script's JSON).
std::string RawNodeText(const DomNode& element);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_DOM_UTIL_H_
