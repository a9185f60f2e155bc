// Text folding shared by the analysis stage: case folding (NFKC_Casefold with
// apostrophes and in-word hyphens unified) and accent removal for matching.
// Thread-safe: pure functions over immutable, lazily built tables.
#ifndef VEILLE_ANALYZE_TEXT_FOLD_H_
#define VEILLE_ANALYZE_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace veille::analyze {

// NFKC + Unicode case folding of `text` (valid UTF-8); typographic apostrophes
// (’ ‘ ʼ ′) become "'" and the hyphens U+2010, U+2011 become "-". ASCII takes a
// fast path. "L’Élysée" -> "l'élysée".
std::string FoldCase(std::string_view text);

// `text` (already case-folded) without diacritics: canonical decomposition,
// combining marks dropped, plus the ligatures and letters that have no
// decomposition (œ -> oe, æ -> ae, ø -> o, ł -> l, đ -> d). "été" -> "ete".
std::string FoldAccents(std::string_view text);

// FoldAccents(FoldCase(text)).
inline std::string FoldAll(std::string_view text) { return FoldAccents(FoldCase(text)); }

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_TEXT_FOLD_H_
