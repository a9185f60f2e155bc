// Tokenizer: UTF-8 text to word tokens with their normalised forms, using
// ICU word boundaries. French elisions are split ("l'été" -> "l'" + "été"),
// typographic apostrophes and hyphens are unified, numbers are kept as tokens.
// Thread-safe: Tokenize() may be called concurrently (no shared mutable state).
#ifndef VEILLE_ANALYZE_TOKENIZER_H_
#define VEILLE_ANALYZE_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::analyze {

enum class TokenKind : uint8_t {
  kWord,     // letters (possibly with inner hyphens or apostrophes)
  kNumber,   // digits, possibly with inner separators ("2019", "3,5", "25/04/2019")
  kElision,  // a French elided article or pronoun, apostrophe included ("l'", "qu'")
};

struct Token {
  uint32_t begin = 0;  // byte offset of the surface form in the text
  uint32_t end = 0;    // one past the last byte
  TokenKind kind = TokenKind::kWord;
  std::string lower;   // NFKC, case-folded, apostrophes/hyphens unified (’ -> ', ‐ – -> -)
  std::string folded;  // `lower` without diacritics ("été" -> "ete"), for matching
  bool capitalized = false;  // first letter uppercase in the surface form
  bool all_caps = false;     // every letter uppercase (and at least two letters)
};

// Splits `text` (valid UTF-8) into tokens in order; punctuation and spaces are
// not tokens. `lang` (ISO 639-1, may be empty) selects language rules such as
// French elision splitting (applied for "fr", "it", "ca" and when empty).
std::vector<Token> Tokenize(std::string_view text, std::string_view lang);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_TOKENIZER_H_
