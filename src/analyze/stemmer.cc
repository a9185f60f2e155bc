#include "analyze/stemmer.h"

#include <libstemmer.h>

#include <map>
#include <memory>
#include <mutex>

namespace veille::analyze {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

struct LangStemmer {
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer;  // null: no algorithm
};

// This thread's stemmer for `lang` (created on first use); null if none.
LangStemmer* ThreadStemmer(std::string_view lang) {
  thread_local std::map<std::string, LangStemmer, std::less<>> stemmers;
  auto it = stemmers.find(lang);
  if (it == stemmers.end()) {
    LangStemmer s;
    // Only ISO 639-1 codes: libstemmer also accepts names such as "porter".
    if (lang.size() == 2) s.stemmer.reset(sb_stemmer_new(std::string(lang).c_str(), "UTF_8"));
    it = stemmers.emplace(std::string(lang), std::move(s)).first;
  }
  return it->second.stemmer ? &it->second : nullptr;
}

}  // namespace

bool HasStemmer(std::string_view lang) { return ThreadStemmer(lang) != nullptr; }

std::string Stem(std::string_view lang, std::string_view word) {
  LangStemmer* s = ThreadStemmer(lang);
  if (s == nullptr || word.empty()) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(s->stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);  // out of memory
  return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(s->stemmer.get()));
}

}  // namespace veille::analyze
