// EntityGazetteer: the loaded gazetteers (places with language-independent
// ids, first names, surnames, other proper nouns, common words) and the alias
// table, behind EntityResources. Immutable after Load; thread-safe to read.
#ifndef VEILLE_ANALYZE_ENTITY_GAZETTEER_H_
#define VEILLE_ANALYZE_ENTITY_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

// Hash of std::string keys that also accepts string_view probes, so that a
// lookup never builds a string.
struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using KeySet = std::unordered_set<std::string, KeyHash, std::equal_to<>>;
template <typename V>
using KeyMap = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;

// What all the lists say of one key, found with a single probe.
struct LexicalInfo {
  enum Flag : uint8_t {
    kFirstName = 1,
    kSurname = 2,
    kProperNoun = 4,
    kCommonWord = 8,    // the key is a common word as listed (accents kept)
    kCommonFolded = 16  // the key is a common word with its accents removed
  };
  uint8_t flags = 0;
  const AliasEntry* alias = nullptr;
  const PlaceEntry* place = nullptr;
};

class EntityGazetteer final : public EntityResources {
 public:
  static Result<std::unique_ptr<const EntityGazetteer>> Load(const EntityOptions& options);
  const EntityOptions& options() const override { return options_; }

  // Everything the lists know of `key` (a NameKey, or a case-folded word
  // for the common-word flags); all empty when absent. One probe of a flat
  // open-addressing table: the recognizer asks this of every capitalised
  // word, and node-based sets would cost a cache miss per list.
  const LexicalInfo& Lookup(std::string_view key) const;

  // Lookups take NameKey() forms ("coree du nord"); nullptr / false if absent.
  const PlaceEntry* Place(std::string_view key) const { return Lookup(key).place; }
  const AliasEntry* Alias(std::string_view key) const { return Lookup(key).alias; }
  bool IsFirstName(std::string_view key) const {
    return Lookup(key).flags & LexicalInfo::kFirstName;
  }
  bool IsSurname(std::string_view key) const { return Lookup(key).flags & LexicalInfo::kSurname; }
  bool IsProperNoun(std::string_view key) const {
    return Lookup(key).flags & LexicalInfo::kProperNoun;
  }
  // The longest key of the alias table and the place gazetteer, in bytes
  // (what a run of words must not exceed to be worth looking up).
  size_t max_name_key_bytes() const { return max_name_key_bytes_; }
  // `lower`: case-folded, accents kept ("déterminé"). Tries a singular too;
  // a word written without its accents ("Etat") matches when it is unambiguous.
  bool IsCommonWord(std::string_view lower) const;

 private:
  EntityOptions options_;
  // Fills the flat index from the lists below (after loading).
  void BuildIndex();
  LexicalInfo* Insert(std::string_view key);

  KeyMap<PlaceEntry> places_;
  KeyMap<AliasEntry> aliases_;
  KeySet first_names_, surnames_, proper_nouns_, common_words_;
  KeySet common_folded_;  // common_words_ without accents
  // The flat index: slot_hash_ holds each key's 64-bit hash (0: empty) and
  // slot_info_ the index of its LexicalInfo (and of its key in keys_, which
  // a hit compares, so the answer is exact); linear probing, load <= 1/2.
  std::vector<uint64_t> slot_hash_;
  std::vector<uint32_t> slot_info_;
  std::vector<LexicalInfo> infos_;
  std::vector<std::string> keys_;
  // Most probes miss (a capitalised word is rarely a listed name): a Bloom
  // filter small enough to stay in cache answers most of them without
  // touching the table.
  std::vector<uint64_t> filter_;
  void AddToFilter(uint64_t h);
  bool MayContain(uint64_t h) const;
  size_t max_name_key_bytes_ = 0;
};

// The EntityGazetteer behind `resources` (the only implementation).
const EntityGazetteer& AsGazetteer(const EntityResources& resources);

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_ENTITY_GAZETTEER_H_
