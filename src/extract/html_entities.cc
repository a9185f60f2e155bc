// HTML character references in plain text (tests: charset_test.cc,
// "DecodeEntities*" cases).
//
// Named references (&eacute;) need their ';' and are looked up in libxml2's
// HTML 4 table (htmlEntityLookup), plus &apos; from XML/HTML5; the semicolon
// rule keeps "?a=1&copy=2" intact. Numeric references (&#233; &#xE9;) follow
// HTML5: the ';' may be missing, 0, surrogates and values above U+10FFFF
// become U+FFFD, and 128..159 are read as windows-1252 (&#146; -> ’).
// Anything else, e.g. "&foo;" or a truncated "&e", is copied as it is.
// Cost: linear; a reference is at most kMaxNameLength or kMaxDigits long.
#include <libxml/HTMLparser.h>

#include <string>

#include "extract/charset.h"
#include "extract/charset_util.h"

namespace veille::extract {
namespace {

constexpr size_t kMaxNameLength = 32;
constexpr size_t kMaxDigits = 16;

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int DigitValue(char c, bool hex) {
  if (c >= '0' && c <= '9') return c - '0';
  if (!hex) return -1;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// s starts with "&#". Returns the length consumed, or 0 if malformed.
size_t ReadNumeric(std::string_view s, char32_t* cp) {
  size_t i = 2;
  const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  const size_t start = i;
  uint32_t value = 0;
  while (i < s.size() && i - start < kMaxDigits && DigitValue(s[i], hex) >= 0) {
    value = value * (hex ? 16 : 10) + static_cast<uint32_t>(DigitValue(s[i], hex));
    if (value > 0x10FFFF) value = 0x110000;  // saturate
    ++i;
  }
  if (i == start || (i < s.size() && DigitValue(s[i], hex) >= 0)) return 0;
  if (i < s.size() && s[i] == ';') ++i;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *cp = internal::kReplacementChar;
  } else if (value >= 0x80 && value <= 0x9F) {
    *cp = internal::Cp1252ToUnicode(static_cast<uint8_t>(value));
  } else {
    *cp = value;
  }
  return i;
}

// s starts with '&'. Returns the length consumed, or 0 if not a known name.
size_t ReadNamed(std::string_view s, char32_t* cp) {
  size_t i = 1;
  while (i < s.size() && i - 1 < kMaxNameLength && IsAsciiAlnum(s[i])) ++i;
  if (i == 1 || i >= s.size() || s[i] != ';') return 0;
  const std::string name(s.substr(1, i - 1));
  if (name == "apos") {
    *cp = '\'';
    return i + 1;
  }
  const htmlEntityDesc* desc = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  if (desc == nullptr) return 0;
  *cp = desc->value;
  return i + 1;
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  size_t amp = text.find('&');
  if (amp == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (amp != std::string_view::npos) {
    out.append(text.substr(i, amp - i));
    const std::string_view rest = text.substr(amp);
    char32_t cp = 0;
    const size_t used =
        (rest.size() > 1 && rest[1] == '#') ? ReadNumeric(rest, &cp) : ReadNamed(rest, &cp);
    if (used > 0) {
      internal::AppendUtf8(cp, &out);
      i = amp + used;
    } else {
      out.push_back('&');
      i = amp + 1;
    }
    amp = text.find('&', i);
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace veille::extract
