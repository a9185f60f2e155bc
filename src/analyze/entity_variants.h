// Entity variants within one article: groups the name candidates of the
// title and text into local entities (hyphen/case/accent variants, alias
// table, place ids, typos) and resolves short forms ("M. Kim", "Poutine",
// a truncated "Kim Jong") to the full name they stand for. Thread-safe.
#ifndef VEILLE_ANALYZE_ENTITY_VARIANTS_H_
#define VEILLE_ANALYZE_ENTITY_VARIANTS_H_

#include <vector>

#include "analyze/entity_gazetteer.h"
#include "analyze/entity_recognizer.h"
#include "veille/entities.h"

namespace veille::analyze {

// `title` and `text` are the candidates of each field, in order.
// `title_sentences` is the number of title sentences that precede the text's
// (-1: one past the last title candidate's sentence).
ArticleEntities ResolveArticleEntities(const EntityGazetteer& gazetteer,
                                       const std::vector<NameCandidate>& title,
                                       const std::vector<NameCandidate>& text,
                                       int title_sentences = -1);

// True when two full person names differ in exactly one part, not the last, by at most
// options.max_typo_edits edits, both versions of that part being at least
// options.min_typo_part_chars long, all other parts identical.
bool IsTypoVariant(const std::vector<std::string>& a, const std::vector<std::string>& b,
                   const EntityOptions& options);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ENTITY_VARIANTS_H_
