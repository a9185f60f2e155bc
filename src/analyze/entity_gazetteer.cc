// Loading of the entity gazetteers and alias table (formats in
// data/gazetteers/README.md and data/aliases/README.md).
#include "analyze/entity_gazetteer.h"

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

Status LoadWordList(const std::string& path, bool keep_accents,
                    std::unordered_set<std::string>* out) {
  std::vector<std::string> lines;
  VEILLE_RETURN_IF_ERROR(ReadLines(path, &lines));
  for (const std::string& l : lines) {
    if (l.empty() || l[0] == '#') continue;
    out->insert(keep_accents ? FoldCase(l) : NameKey(l));
  }
  return Status::Ok();
}

Status LoadAliases(const std::string& path, std::unordered_map<std::string, AliasEntry>* out) {
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
  return std::unique_ptr<const EntityGazetteer>(std::move(g));
}

const PlaceEntry* EntityGazetteer::Place(const std::string& key) const {
  auto it = places_.find(key);
  return it == places_.end() ? nullptr : &it->second;
}

const AliasEntry* EntityGazetteer::Alias(const std::string& key) const {
  auto it = aliases_.find(key);
  return it == aliases_.end() ? nullptr : &it->second;
}

bool EntityGazetteer::IsCommonWord(std::string_view lower) const {
  const std::string w(lower);
  // Capitals often lose their accents ("Etat"): an unaccented word is also
  // looked up among the accent-folded forms.
  const bool bare = std::all_of(w.begin(), w.end(), [](char c) { return (c & 0x80) == 0; });
  auto known = [&](const std::string& x) {
    return common_words_.count(x) > 0 || (bare && common_folded_.count(x) > 0);
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
