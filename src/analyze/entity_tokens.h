// Name tokens: the tokenizer's tokens prepared for name recognition. Words
// glued by a lost line break are split ("PoutineLe" -> "Poutine" + "Le"),
// and each token says whether grammar may have capitalised it (sentence,
// line or quote start) and whether only spaces separate it from the previous
// one (a name never spans punctuation). Built from the Analyzer's own tokens
// and sentences (no second tokenization); a name token views the strings of
// its token, so preparing costs no allocation per token. Pure functions;
// thread-safe.
#ifndef VEILLE_ANALYZE_ENTITY_TOKENS_H_
#define VEILLE_ANALYZE_ENTITY_TOKENS_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/sentence_splitter.h"
#include "analyze/tokenizer.h"

namespace veille::analyze {

// A Token seen through string views (into the Token, or into the
// NameTokens' own storage for the pieces of a glued word).
struct TokenView {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  std::string_view lower;
  std::string_view folded;
  bool capitalized = false;
  bool all_caps = false;
};

struct NameToken {
  TokenView t;
  bool glued = false;    // split from the previous token at a case junction
  bool initial = false;  // grammar may capitalise it (sentence or line start)
  bool joined = false;   // only spaces separate it from the previous token
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  std::string_view key;     // NameKey of the surface
  bool hyphen_cap = false;  // a capital right after the first hyphen
  bool cap_word = false;    // IsCapWord, decided once by PrepareNameTokens
};

// The name tokens of one field. Views point into the Tokens it was built
// from (which must outlive it) and into `storage`; not copyable.
struct NameTokens {
  NameTokens() = default;
  NameTokens(const NameTokens&) = delete;
  NameTokens& operator=(const NameTokens&) = delete;

  std::vector<NameToken> tokens;
  std::deque<std::string> storage;  // strings of split pieces and keys (stable addresses)
};

// Prepares `tokens` = Tokenize(text, lang) and `sentences` =
// SplitSentences(text, lang) of `text` (valid UTF-8) for name recognition.
void PrepareNameTokens(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<SentenceSpan>& sentences, NameTokens* out);

// A capitalised word, or a particle hyphened to one ("al-Assad", "el-Sisi"),
// as decided by PrepareNameTokens (the recognizer asks it of a token often).
inline bool IsCapWord(const NameToken& k) { return k.cap_word; }
// Pronouns and determiners that start a clause, never end a name.
bool IsClauseStart(std::string_view folded);
// Only spaces (including no-break spaces).
bool OnlySpaces(std::string_view gap);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ENTITY_TOKENS_H_
