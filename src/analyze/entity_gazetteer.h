// EntityGazetteer: the loaded gazetteers (places with language-independent
// ids, first names, surnames, other proper nouns, common words) and the alias
// table, behind EntityResources. Immutable after Load; thread-safe to read.
#ifndef VEILLE_ANALYZE_ENTITY_GAZETTEER_H_
#define VEILLE_ANALYZE_ENTITY_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "veille/entities.h"

namespace veille::analyze {

struct PlaceEntry {
  std::string id;       // "country:RU", "city:Europe/Moscow"
  std::string english;  // the English name of that id, the canonical one
};

// Alias variants written in capitals of at most five letters ("UN", "ONU")
// are acronyms: they are keyed with this prefix and match capitals only, so
// that "Un" (a word) is not the United Nations.
inline constexpr std::string_view kAcronymKeyPrefix = "^";

struct AliasEntry {
  std::string canonical;
  EntityKind kind = EntityKind::kOther;
};

class EntityGazetteer final : public EntityResources {
 public:
  static Result<std::unique_ptr<const EntityGazetteer>> Load(const EntityOptions& options);
  const EntityOptions& options() const override { return options_; }

  // Lookups take NameKey() forms ("coree du nord"); nullptr / false if absent.
  const PlaceEntry* Place(const std::string& key) const;
  const AliasEntry* Alias(const std::string& key) const;
  bool IsFirstName(const std::string& key) const { return first_names_.count(key) > 0; }
  bool IsSurname(const std::string& key) const { return surnames_.count(key) > 0; }
  bool IsProperNoun(const std::string& key) const { return proper_nouns_.count(key) > 0; }
  // `lower`: case-folded, accents kept ("déterminé"). Tries a singular too;
  // a word written without its accents ("Etat") matches when it is unambiguous.
  bool IsCommonWord(std::string_view lower) const;

 private:
  EntityOptions options_;
  std::unordered_map<std::string, PlaceEntry> places_;
  std::unordered_map<std::string, AliasEntry> aliases_;
  std::unordered_set<std::string> first_names_, surnames_, proper_nouns_, common_words_;
  std::unordered_set<std::string> common_folded_;  // common_words_ without accents
};

// The EntityGazetteer behind `resources` (the only implementation).
const EntityGazetteer& AsGazetteer(const EntityResources& resources);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ENTITY_GAZETTEER_H_
