// Stop-word lists per language, read from <data_dir>/stopwords/<lang>.txt
// and the optional <lang>.supplement.txt (one word per line, '#' comments).
// Immutable once loaded: the const methods may be called concurrently.
#ifndef VEILLE_ANALYZE_STOPWORDS_H_
#define VEILLE_ANALYZE_STOPWORDS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>

#include "veille/status.h"

namespace veille::analyze {

class StopWords {
 public:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;

  // Loads every <lang>.txt in `dir` (and its supplement). kNotFound when the
  // directory holds no list, kIoError when a file cannot be read.
  Status LoadDirectory(const std::string& dir);
  // Adds `word` (case-folded) to `lang`'s list.
  void Add(std::string_view lang, std::string_view word);

  // True when `word` (case-folded, as Token::lower) is a stop word of `lang`.
  // Unknown languages have no stop words.
  bool Contains(std::string_view lang, std::string_view word) const;
  // `lang`'s list (for many lookups), or null when there is none.
  const WordSet* ListFor(std::string_view lang) const;
  bool HasLanguage(std::string_view lang) const { return lists_.find(lang) != lists_.end(); }
  size_t language_count() const { return lists_.size(); }

 private:
  Status LoadFile(const std::string& path, const std::string& lang);
  std::map<std::string, WordSet, std::less<>> lists_;
};

}  // namespace veille::analyze

#endif  // VEILLE_ANALYZE_STOPWORDS_H_
