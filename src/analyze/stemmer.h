// Snowball stemming (libstemmer) by ISO 639-1 language code. libstemmer's
// stemmers are not thread-safe, so each thread keeps its own, created on
// first use. Thread-safe.
#ifndef VEILLE_ANALYZE_STEMMER_H_
#define VEILLE_ANALYZE_STEMMER_H_

#include <string>
#include <string_view>

namespace veille::analyze {

// True when libstemmer has an algorithm for `lang` ("fr", "en", "de", "es",
// "it", "pt", "ru", "nl", "sv", "ca", "el", "ar", ...).
bool HasStemmer(std::string_view lang);

// The stem of `word` (case-folded UTF-8) in `lang`; `word` itself when the
// language has no stemmer. "rencontreront" (fr) -> "rencontr".
std::string Stem(std::string_view lang, std::string_view word);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_STEMMER_H_
