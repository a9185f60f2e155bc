#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cstdio>  // CLD2's header needs it first

#include <algorithm>

namespace veille::extract {
namespace {

// CLD2 reads at most this much text: a page's first 2 KiB (some 300 words)
// decide its language, and the cost stays flat for long documents. (4 KiB
// changed the answer on 1 of 732 benchmark pages, a page of PHP warnings,
// for twice the cost.)
constexpr size_t kMaxDetectBytes = 2 * 1024;
// Below this many letter bytes CLD2 guesses; the declared language wins.
constexpr int kMinTextBytes = 24;

// "fr-FR" -> "fr"; "" unless the tag starts with 2 letters then a separator.
std::string PrimarySubtag(std::string_view tag) {
  std::string code;
  for (const char c : tag) {
    if (c == '-' || c == '_') break;
    if ((c | 0x20) < 'a' || (c | 0x20) > 'z') return "";
    code.push_back(static_cast<char>(c | 0x20));
  }
  return code.size() == 2 ? code : "";
}

// CLD2's code as ISO 639-1: old codes renamed, extended forms cut, codes
// without a two-letter form dropped.
std::string IsoCode(CLD2::Language lang) {
  std::string code = CLD2::LanguageCode(lang);
  code = code.substr(0, code.find('-'));
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "jw") return "jv";
  return code.size() == 2 && code != "un" ? code : "";
}

// Cuts `text` to at most `n` bytes at a UTF-8 character boundary.
std::string_view Prefix(std::string_view text, size_t n) {
  if (text.size() <= n) return text;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

}  // namespace

std::string DetectLanguage(std::string_view utf8_text, std::string_view declared) {
  const std::string hint = PrimarySubtag(declared);
  const std::string_view text = Prefix(utf8_text, kMaxDetectBytes);
  if (text.empty()) return hint;
  CLD2::CLDHints hints = {hint.empty() ? nullptr : hint.c_str(), nullptr, CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0,
      language3, percent3, scores3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  if (!reliable || text_bytes < kMinTextBytes) return hint;
  const std::string code = IsoCode(lang);
  return code.empty() ? hint : code;
}

}  // namespace veille::extract
