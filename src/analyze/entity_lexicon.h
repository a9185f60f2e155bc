// Entity lexicon: the closed word lists that cue named entities in French and
// English text (honorifics, role words, name particles, organisation and place
// head words, function words), and name keys for matching variants.
// Pure functions over static tables; thread-safe.
#ifndef VEILLE_ANALYZE_ENTITY_LEXICON_H_
#define VEILLE_ANALYZE_ENTITY_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::analyze {

// The classes below as bits, all found with one probe (for callers that
// ask several questions of one word).
enum LexiconClass : uint16_t {
  kHonorificClass = 1,
  kRoleWordClass = 2,
  kParticleClass = 4,
  kOrganizationCueClass = 8,
  kFunctionWordClass = 16,
  kOrganizationHeadClass = 32,
  kPlaceHeadClass = 64,
  kPlacePrefixClass = 128,
  kPlacePrepositionClass = 256,
};
uint16_t LexiconClasses(std::string_view folded);

// All predicates take a token's accent-folded, case-folded form ("president").
bool IsHonorific(std::string_view folded);  // m, mme, mr, dr, sir ...
// Words that announce a person's name: president, dirigeant, ministre, roi,
// pape, porte-parole, leader, king ... (singular and plural).
bool IsRoleWord(std::string_view folded);
// Lowercase words that announce an organisation's name: "l'agence KCNA",
// "les médias russes Interfax et Ria Novosti", "the company Acme".
bool IsOrganizationCue(std::string_view folded);
bool IsNameParticle(std::string_view folded);      // de, du, von, van, al, bin, le, la ...
bool IsFunctionWord(std::string_view folded);      // articles, pronouns, prepositions
bool IsOrganizationHead(std::string_view folded);  // parti, banque, union, agency ...
bool IsPlaceHead(std::string_view folded);         // ile, mont, lac, golfe, river ...
// Lowercase words that, right before a capitalised name, make it a place
// name of which they are part ("place Kim Il Sung", "rue de Rivoli").
bool IsPlacePrefix(std::string_view folded);
// Prepositions that introduce places ("à", "en", "in").
bool IsPlacePreposition(std::string_view folded);

// A name's parts: accent- and case-folded, split on spaces and hyphens.
// "Kim Jong-Un" -> {"kim", "jong", "un"}.
std::vector<std::string> NameParts(std::string_view surface);
// The parts joined by one space: the key under which variants that differ
// only by hyphens, case or accents meet.
std::string NameKey(std::string_view surface);
// Optimal string alignment distance (Damerau-Levenshtein without repeated
// edits of one substring) between two strings, counted in code points.
int EditDistance(std::string_view a, std::string_view b);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ENTITY_LEXICON_H_
