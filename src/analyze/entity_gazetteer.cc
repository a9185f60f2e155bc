// Loading of the entity gazetteers and alias table (formats in
// data/gazetteers/README.md and data/aliases/README.md).
#include "analyze/entity_gazetteer.h"

#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "analyze/entity_lexicon.h"
#include "analyze/text_fold.h"

namespace veille::analyze {
namespace {

Status ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read").At(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines->push_back(std::move(line));
  }
  return Status::Ok();
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cols;
  std::stringstream ss(line);
  std::string col;
  while (std::getline(ss, col, '\t')) cols.push_back(col);
  return cols;
}

Status LoadWordList(const std::string& path, bool keep_accents, KeySet* out) {
  std::vector<std::string> lines;
  VEILLE_RETURN_IF_ERROR(ReadLines(path, &lines));
  for (const std::string& l : lines) {
    if (l.empty() || l[0] == '#') continue;
    out->insert(keep_accents ? FoldCase(l) : NameKey(l));
  }
  return Status::Ok();
}

Status LoadAliases(const std::string& path, KeyMap<AliasEntry>* out) {
  std::vector<std::string> lines;
  VEILLE_RETURN_IF_ERROR(ReadLines(path, &lines));
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.empty() || l[0] == '#') continue;
    const std::vector<std::string> cols = SplitTabs(l);
    EntityKind kind;
    if (cols.size() < 3 || !ParseEntityKind(cols[1], &kind) || cols[0].empty() || cols[2].empty()) {
      return Status::InvalidInput("expected canonical<TAB>kind<TAB>variant")
          .At(path, static_cast<int64_t>(i + 1));
    }
    std::string key = NameKey(cols[2]);
    if (key.empty()) continue;
    const bool acronym =
        cols[2].size() <= 5 &&
        std::all_of(cols[2].begin(), cols[2].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (acronym) key = std::string(kAcronymKeyPrefix) + key;
    (*out)[key] = AliasEntry{cols[0], kind};
    // The canonical form is a variant of itself.
    const bool canonical_acronym = cols[0] == cols[2] && acronym;
    if (!canonical_acronym) out->emplace(NameKey(cols[0]), AliasEntry{cols[0], kind});
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<const EntityGazetteer>> EntityGazetteer::Load(const EntityOptions& options) {
  auto g = std::make_unique<EntityGazetteer>();
  g->options_ = options;
  const std::string& dir = options.gazetteer_dir;
  std::vector<std::string> lines;
  VEILLE_RETURN_IF_ERROR(ReadLines(dir + "/places.tsv", &lines));
  std::unordered_map<std::string, std::string> english;
  for (const std::string& l : lines) {
    if (l.empty() || l[0] == '#') continue;
    const std::vector<std::string> cols = SplitTabs(l);
    if (cols.size() < 4) continue;
    if (cols[3] == "en") english.emplace(cols[2], cols[0]);
  }
  // Countries first: a city named like a country keeps the country.
  for (const bool countries : {true, false}) {
    for (const std::string& l : lines) {
      if (l.empty() || l[0] == '#') continue;
      const std::vector<std::string> cols = SplitTabs(l);
      if (cols.size() < 4 || (cols[1] == "country") != countries) continue;
      auto it = english.find(cols[2]);
      g->places_.emplace(NameKey(cols[0]),
                         PlaceEntry{cols[2], it == english.end() ? cols[0] : it->second});
    }
  }
  VEILLE_RETURN_IF_ERROR(LoadWordList(dir + "/first_names.txt", false, &g->first_names_));
  VEILLE_RETURN_IF_ERROR(LoadWordList(dir + "/surnames.txt", false, &g->surnames_));
  VEILLE_RETURN_IF_ERROR(LoadWordList(dir + "/proper_nouns.txt", false, &g->proper_nouns_));
  VEILLE_RETURN_IF_ERROR(LoadWordList(dir + "/common_words.txt", true, &g->common_words_));
  for (const std::string& w : g->common_words_) g->common_folded_.insert(FoldAccents(w));
  if (!options.alias_path.empty()) {
    VEILLE_RETURN_IF_ERROR(LoadAliases(options.alias_path, &g->aliases_));
  }
  if (!options.user_alias_path.empty()) {
    VEILLE_RETURN_IF_ERROR(LoadAliases(options.user_alias_path, &g->aliases_));
  }
  g->BuildIndex();
  return std::unique_ptr<const EntityGazetteer>(std::move(g));
}

namespace {

uint64_t KeyHashOf(std::string_view key) {
  const uint64_t h = XXH3_64bits(key.data(), key.size());
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

}  // namespace

LexicalInfo* EntityGazetteer::Insert(std::string_view key) {
  const uint64_t h = KeyHashOf(key);
  const size_t mask = slot_hash_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slot_hash_[i] == 0) {
      slot_hash_[i] = h;
      slot_info_[i] = static_cast<uint32_t>(infos_.size());
      infos_.emplace_back();
      keys_.emplace_back(key);
      return &infos_.back();
    }
    if (slot_hash_[i] == h && keys_[slot_info_[i]] == key) return &infos_[slot_info_[i]];
  }
}

void EntityGazetteer::BuildIndex() {
  const size_t n = places_.size() + aliases_.size() + first_names_.size() + surnames_.size() +
                   proper_nouns_.size() + common_words_.size() + common_folded_.size();
  size_t capacity = 16;
  while (capacity < 2 * n) capacity <<= 1;
  slot_hash_.assign(capacity, 0);
  slot_info_.assign(capacity, 0);
  infos_.clear();
  keys_.clear();
  infos_.reserve(n);  // Insert returns pointers into infos_: no reallocation
  keys_.reserve(n);
  for (const auto& [key, place] : places_) Insert(key)->place = &place;
  for (const auto& [key, alias] : aliases_) Insert(key)->alias = &alias;
  for (const auto& [key, place] : places_)
    max_name_key_bytes_ = std::max(max_name_key_bytes_, key.size());
  for (const auto& [key, alias] : aliases_)
    max_name_key_bytes_ = std::max(max_name_key_bytes_, key.size());
  const std::pair<const KeySet*, uint8_t> sets[] = {{&first_names_, LexicalInfo::kFirstName},
                                                    {&surnames_, LexicalInfo::kSurname},
                                                    {&proper_nouns_, LexicalInfo::kProperNoun},
                                                    {&common_words_, LexicalInfo::kCommonWord},
                                                    {&common_folded_, LexicalInfo::kCommonFolded}};
  for (const auto& [set, flag] : sets) {
    for (const std::string& key : *set) Insert(key)->flags |= flag;
  }
  // The filter: a blocked Bloom filter of 64-byte blocks, about 22 bits per
  // key, four bits per key in one block.
  size_t blocks = 1;
  while (blocks * 512 < 22 * infos_.size()) blocks <<= 1;
  filter_.assign(blocks * 8, 0);
  for (size_t i = 0; i < slot_hash_.size(); ++i) {
    if (slot_hash_[i] != 0) AddToFilter(slot_hash_[i]);
  }
  // The sets live on in the index only.
  first_names_ = {}, surnames_ = {}, proper_nouns_ = {}, common_words_ = {}, common_folded_ = {};
}

// The block of hash h and its four bits, from disjoint bits of h (the low
// bits choose the slot of the table, the high ones the block).
void EntityGazetteer::AddToFilter(uint64_t h) {
  uint64_t* block = &filter_[((h >> 40) & (filter_.size() / 8 - 1)) * 8];
  for (int k = 0; k < 4; ++k) {
    const unsigned bit = (h >> (20 + 5 * k)) & 511;
    block[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

bool EntityGazetteer::MayContain(uint64_t h) const {
  const uint64_t* block = &filter_[((h >> 40) & (filter_.size() / 8 - 1)) * 8];
  for (int k = 0; k < 4; ++k) {
    const unsigned bit = (h >> (20 + 5 * k)) & 511;
    if (!(block[bit >> 6] & (uint64_t{1} << (bit & 63)))) return false;
  }
  return true;
}

const LexicalInfo& EntityGazetteer::Lookup(std::string_view key) const {
  static const LexicalInfo kNone;
  if (slot_hash_.empty()) return kNone;
  const uint64_t h = KeyHashOf(key);
  if (!MayContain(h)) return kNone;
  const size_t mask = slot_hash_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint64_t x = slot_hash_[i];
    if (x == 0) return kNone;
    if (x == h && keys_[slot_info_[i]] == key) return infos_[slot_info_[i]];
  }
}

bool EntityGazetteer::IsCommonWord(std::string_view w) const {
  // Capitals often lose their accents ("Etat"): an unaccented word is also
  // looked up among the accent-folded forms.
  const bool bare = std::all_of(w.begin(), w.end(), [](char c) { return (c & 0x80) == 0; });
  auto known = [&](std::string_view x) {
    const uint8_t f = Lookup(x).flags;
    return (f & LexicalInfo::kCommonWord) || (bare && (f & LexicalInfo::kCommonFolded));
  };
  if (known(w)) return true;
  if (w.size() > 3 && (w.back() == 's' || w.back() == 'x')) return known(w.substr(0, w.size() - 1));
  return false;
}

const EntityGazetteer& AsGazetteer(const EntityResources& resources) {
  return static_cast<const EntityGazetteer&>(resources);
}

}  // namespace veille::analyze

namespace veille {

Result<std::unique_ptr<const EntityResources>> EntityResources::Load(const EntityOptions& options) {
  auto g = analyze::EntityGazetteer::Load(options);
  if (!g.ok()) return g.status();
  return std::unique_ptr<const EntityResources>(std::move(g).value());
}

EntityOptions DefaultEntityOptions() {
  EntityOptions o;
  const std::string data = VEILLE_DATA_DIR;
  o.gazetteer_dir = data + "/gazetteers";
  o.alias_path = data + "/aliases/aliases.tsv";
  return o;
}

}  // namespace veille
