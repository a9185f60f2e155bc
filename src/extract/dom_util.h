// Read-only helpers over libxml2 nodes for the extractors: attribute values
// without allocation churn, an element's collapsed text.
// Pure functions; thread-safe on distinct documents.
#ifndef VEILLE_EXTRACT_DOM_UTIL_H_
#define VEILLE_EXTRACT_DOM_UTIL_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace veille::extract {

// The element's name (libxml2's HTML parser gives it lowercased), or "".
inline std::string_view TagName(const xmlNode& node) {
  return node.name ? std::string_view(reinterpret_cast<const char*>(node.name)) : "";
}

// The value of attribute `name` (ASCII, lowercase) of `element`, or "" when
// absent. The view lives as long as the document.
std::string_view AttrView(const xmlNode& element, std::string_view name);

// Appends the lowercased value of `name` (ASCII letters only folded).
void AppendLowered(const xmlNode& element, std::string_view name, std::string* out);

// The text content of `element` (all descendants), white space collapsed.
std::string NodeText(const xmlNode& element);

// The text content of `element` without collapsing (e.g. a script's JSON).
std::string RawNodeText(const xmlNode& element);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_DOM_UTIL_H_
