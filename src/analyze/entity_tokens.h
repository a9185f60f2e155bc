// Name tokens: the tokenizer's tokens prepared for name recognition. Words
// glued by a lost line break are split ("PoutineLe" -> "Poutine" + "Le"),
// and each token says whether grammar may have capitalised it (sentence,
// line or quote start) and whether only spaces separate it from the previous
// one (a name never spans punctuation). Pure functions; thread-safe.
#ifndef VEILLE_ANALYZE_ENTITY_TOKENS_H_
#define VEILLE_ANALYZE_ENTITY_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/tokenizer.h"

namespace veille::analyze {

struct NameToken {
  Token t;
  bool glued = false;    // split from the previous token at a case junction
  bool initial = false;  // grammar may capitalise it (sentence or line start)
  bool joined = false;   // only spaces separate it from the previous token
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  std::string key;          // NameKey of the surface
  bool hyphen_cap = false;  // a capital right after the first hyphen
};

// Tokenizes `text` (valid UTF-8) for name recognition.
std::vector<NameToken> PrepareNameTokens(std::string_view text, std::string_view lang);

// A capitalised word, or a particle hyphened to one ("al-Assad", "el-Sisi").
bool IsCapWord(const NameToken& k);
// Pronouns and determiners that start a clause, never end a name.
bool IsClauseStart(std::string_view folded);
// Only spaces (including no-break spaces).
bool OnlySpaces(std::string_view gap);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ENTITY_TOKENS_H_
