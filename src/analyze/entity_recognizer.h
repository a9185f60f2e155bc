// Entity recognizer: finds the name candidates of one field (title or text)
// and types them (person, organisation, place, other) from their shape,
// honorifics, role words, gazetteers and the alias table. Resolution of
// variants is entity_variants.h's job. Thread-safe (no shared mutable state).
#ifndef VEILLE_ANALYZE_ENTITY_RECOGNIZER_H_
#define VEILLE_ANALYZE_ENTITY_RECOGNIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entity_gazetteer.h"
#include "analyze/sentence_splitter.h"
#include "analyze/tokenizer.h"
#include "veille/entities.h"

namespace veille::analyze {

struct NameCandidate {
  EntityField field = EntityField::kText;
  uint32_t begin = 0;  // byte offsets in the field
  uint32_t end = 0;
  uint32_t sentence = 0;   // within the field
  uint32_t paragraph = 0;  // within the field
  std::string surface;
  std::vector<std::string> parts;  // NameParts(surface)
  std::string key;                 // NameKey(surface)
  EntityKind kind = EntityKind::kOther;
  std::string cue;         // what typed it
  bool weak = false;       // typed by shape only: kept only if the article confirms it
  bool honorific = false;  // "M. Kim"
  std::string role;        // the role word that announced it ("president"), folded
  const AliasEntry* alias = nullptr;
  const PlaceEntry* place = nullptr;
};

// Returns the candidates of `text` in order. `field` and `lang` are recorded
// and select language rules. `tokens` and `sentences` are Tokenize(text,
// lang) and SplitSentences(text, lang), shared with the feature path.
std::vector<NameCandidate> FindNameCandidates(const EntityGazetteer& gazetteer,
                                              std::string_view text,
                                              const std::vector<Token>& tokens,
                                              const std::vector<SentenceSpan>& sentences,
                                              EntityField field, std::string_view lang);
// The same, tokenizing and splitting `text` itself.
std::vector<NameCandidate> FindNameCandidates(const EntityGazetteer& gazetteer,
                                              std::string_view text, EntityField field,
                                              std::string_view lang);

// One field's text with its tokens and sentences (borrowed).
struct FieldAnalysis {
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;
  const std::vector<SentenceSpan>* sentences = nullptr;
};
// RecognizeEntities (include/veille/entities.h) over already tokenized
// fields: what the Analyzer calls, so that the text is tokenized once.
ArticleEntities RecognizeFieldEntities(const EntityGazetteer& gazetteer, const FieldAnalysis& title,
                                       const FieldAnalysis& text, std::string_view lang);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ENTITY_RECOGNIZER_H_
