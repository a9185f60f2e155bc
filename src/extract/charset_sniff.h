// Evidence about a page's charset, one function per source: byte-order mark,
// HTTP Content-Type, <meta> prescan, XML declaration, NUL-byte patterns of
// BOM-less UTF-16/32, and statistical detection (uchardet, then ICU's
// detector). Also the binary-content check. Internal to src/extract; pure
// functions, thread-safe (each call owns its detector objects).
#ifndef VEILLE_EXTRACT_CHARSET_SNIFF_H_
#define VEILLE_EXTRACT_CHARSET_SNIFF_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/charset_labels.h"
#include "veille/status.h"

namespace veille::extract::internal {

// Bytes of an HTML page searched for <meta> charset declarations.
inline constexpr size_t kMetaScanBytes = 4096;

// Returns the charset of a leading byte-order mark and sets *bom_len, or
// returns nullptr (and sets *bom_len = 0).
const CharsetInfo* SniffBom(std::string_view bytes, size_t* bom_len);

// Returns "UTF-16LE"/"UTF-16BE"/"UTF-32LE"/"UTF-32BE" when the first KiB has
// the NUL pattern of mostly-ASCII text in that encoding without a BOM, else nullptr.
const CharsetInfo* SniffWideWithoutBom(std::string_view bytes);

// The raw label of a charset parameter ("text/html; charset=\"utf-8\"" ->
// "utf-8"), or "" when there is none. Also reads a <meta> content attribute.
std::string CharsetFromContentType(std::string_view content_type);

// The raw label declared by <meta charset> or <meta http-equiv=Content-Type
// content=...> within the first kMetaScanBytes bytes (comments skipped), or "".
std::string SniffMetaCharset(std::string_view html);

// The raw label of a leading <?xml ... encoding="..."?> declaration, or "".
std::string SniffXmlEncoding(std::string_view bytes);

// The bytes CheckNotBinary weighs: NUL, and C0 controls other than tab,
// newline, form feed, carriage return and escape.
struct ControlBytes {
  size_t nul = 0;
  size_t control = 0;
};

// True when a C0 control byte is one ControlBytes counts (REQUIRES: c < 0x20).
inline bool CountedControl(unsigned char c) {
  return c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
}

// Returns kInvalidInput ("binary content (...)") for a known binary signature
// (PNG, JPEG, GIF, PDF, ZIP, gzip...) or when the NUL and control bytes
// `counted` in `bytes` exceed 1% of them (any at all below 100 bytes).
// REQUIRES: not UTF-16/32 data.
Status CheckNotBinary(std::string_view bytes, const ControlBytes& counted);

// Charsets to try for undeclared, non-UTF-8 bytes, most likely first: the
// statistical detectors' answers (windows-1252 first when the Latin-script
// evidence is too thin to tell Latin charsets apart), ending with
// windows-1252. Reads at most the first 256 KiB.
std::vector<const CharsetInfo*> StatisticalCandidates(std::string_view bytes, bool is_html);

}  // namespace veille::extract::internal

#endif  // VEILLE_EXTRACT_CHARSET_SNIFF_H_
