// Term vectors: the stemmed, accent-folded content words of a token sequence
// with their counts. Stop words, elisions, one-letter words and one-digit
// numbers are dropped; numbers are kept unstemmed ("2019"). Thread-safe.
#ifndef VEILLE_ANALYZE_TERM_VECTOR_H_
#define VEILLE_ANALYZE_TERM_VECTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/stopwords.h"
#include "analyze/tokenizer.h"
#include "veille/analyze.h"

namespace veille::analyze {

// The term a word token contributes: FoldAccents(Stem(lang, token.lower)),
// or token.lower for numbers. Stemming before folding lets Snowball see the
// accents it relies on; folding after makes "ETE" and "été" one term.
std::string TermOf(const Token& token, std::string_view lang);

// The term vector of `tokens` (sorted by term). `stop_words` may be null.
TermVector BuildTermVector(const std::vector<Token>& tokens, std::string_view lang,
                           const StopWords* stop_words);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_TERM_VECTOR_H_
