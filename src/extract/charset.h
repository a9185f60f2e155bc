// Charset decoding and text repair: any page's bytes to valid UTF-8 NFC.
//
// Order of evidence: a byte-order mark; the charset of an HTTP Content-Type;
// in HTML, <meta charset> / <meta http-equiv=Content-Type> within the first
// 4 KiB; an XML declaration's encoding; then, when the bytes are not valid
// UTF-8, statistical detection (uchardet, ICU's detector as a second opinion).
// A declared charset that the bytes contradict (declared UTF-8 but invalid,
// declared Latin-1 but clean multi-byte UTF-8) is overridden, with a warning.
// Thread-safe; no global state.
#ifndef VEILLE_EXTRACT_CHARSET_H_
#define VEILLE_EXTRACT_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille::extract {

struct DecodedText {
  std::string utf8;     // valid UTF-8, NFC
  std::string charset;  // the charset used, e.g. "UTF-8", "windows-1252"
  std::vector<std::string>
      warnings;  // e.g. "declared charset utf-8 contradicted by content; decoded as windows-1252"
};

// Decodes `bytes` (a page: HTML when is_html, else flattened text) to UTF-8
// NFC, then repairs double-encoded UTF-8. Invalid sequences that remain are
// replaced by U+FFFD, with a warning giving their count and first offset.
// Does not decode HTML entities (the HTML parser does; see DecodeEntities).
// Returns kInvalidInput ("binary content ...") for data that is not text:
// NUL bytes or control characters beyond a small share, outside UTF-16/32.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view content_type,
                                 bool is_html);

// Repairs UTF-8 that was decoded as Latin-1/windows-1252 and re-encoded
// ("Ã©tÃ©" -> "été", "â€™" -> "’"), one or more times. Leaves correct text
// unchanged (a run is repaired only when the result is valid UTF-8 and
// strictly better). Sets *changed when given.
std::string RepairMojibake(std::string utf8, bool* changed = nullptr);

// Decodes HTML character references (named, &#NNN;, &#xHH;) in text.
// Unknown or malformed references are left as they are.
std::string DecodeEntities(std::string_view text);

// Returns `utf8` in Unicode Normalization Form C. REQUIRES: valid UTF-8.
std::string NormalizeNfc(std::string_view utf8);

// True when `s` is valid UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_CHARSET_H_
