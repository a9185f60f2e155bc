// Charset labels: the many names pages use for a charset, mapped to one
// canonical name and an ICU converter name, following the WHATWG Encoding
// Standard's label table (so "latin1", "ascii" and "iso-8859-1" all mean
// windows-1252, and "gb2312" means GB18030). Internal; immutable; thread-safe.
#ifndef VEILLE_EXTRACT_CHARSET_LABELS_H_
#define VEILLE_EXTRACT_CHARSET_LABELS_H_

#include <string_view>

namespace veille::extract::internal {

enum class CharsetKind {
  kUtf8,
  kWide,         // UTF-16/UTF-32: not ASCII-compatible
  kLatinSingle,  // single-byte Latin-script charsets (easily confused)
  kOther,        // other single-byte or multi-byte legacy charsets
};

struct CharsetInfo {
  std::string_view name;      // canonical, e.g. "windows-1252", "UTF-8"
  std::string_view icu_name;  // for ucnv_open
  CharsetKind kind;
};

// Returns the charset a label names (ASCII case and surrounding white space
// ignored), or nullptr for an unknown label. The pointer is to static data.
const CharsetInfo* LookupCharset(std::string_view label);

// The charsets used without a label.
const CharsetInfo& Utf8Charset();
const CharsetInfo& Windows1252Charset();

}  // namespace veille::extract::internal

#endif  // VEILLE_EXTRACT_CHARSET_LABELS_H_
