#include "text_features.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

namespace veille::eval {
namespace {

struct Word {
  std::string lower;
  bool capitalized = false;
  bool sentence_start = false;
};

void AppendUtf8(std::string* out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(buf, n, 4, c, err);
  if (!err) out->append(buf, static_cast<size_t>(n));
}

std::vector<Word> Words(const std::string& text) {
  std::vector<Word> words;
  Word cur;
  bool in_word = false, next_starts = true;
  int32_t i = 0;
  const int32_t len = static_cast<int32_t>(text.size());
  auto flush = [&] {
    if (in_word) words.push_back(cur);
    cur = Word();
    in_word = false;
  };
  while (i < len) {
    UChar32 c;
    U8_NEXT(text.data(), i, len, c);
    if (c < 0) continue;
    if (u_isalnum(c)) {
      if (!in_word) {
        cur.capitalized = u_isupper(c) || u_istitle(c);
        cur.sentence_start = next_starts;
        next_starts = false;
        in_word = true;
      }
      AppendUtf8(&cur.lower, u_tolower(c));
      continue;
    }
    const bool apostrophe = c == '\'' || c == 0x2019;
    if (apostrophe && in_word) {
      // French elision ("l'été") or English possessive ("Putin's"): keep the
      // longer side as the word.
      flush();
      continue;
    }
    flush();
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == 0xab ||
        c == 0xbb || c == 0x201c) {
      next_starts = true;
    }
  }
  flush();
  return words;
}

const std::set<std::string>& StopWords(const std::string& source_dir, const std::string& lang) {
  static std::mutex mu;
  static std::map<std::string, std::set<std::string>> lists;
  std::lock_guard<std::mutex> lock(mu);
  auto it = lists.find(lang);
  if (it != lists.end()) return it->second;
  std::set<std::string>& words = lists[lang];
  for (const char* suffix : {".txt", ".supplement.txt"}) {
    std::ifstream in(source_dir + "/data/stopwords/" + lang + suffix);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line[0] != '#') words.insert(line);
    }
  }
  return words;
}

class Stemmer {
 public:
  explicit Stemmer(const std::string& lang) {
    const char* algo = lang == "fr" ? "french" : lang == "ru" ? "russian" : "english";
    s_ = sb_stemmer_new(algo, "UTF_8");
  }
  ~Stemmer() { sb_stemmer_delete(s_); }
  std::string Stem(const std::string& w) {
    const sb_symbol* out = sb_stemmer_stem(s_, reinterpret_cast<const sb_symbol*>(w.data()),
                                           static_cast<int>(w.size()));
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<size_t>(sb_stemmer_length(s_)));
  }

 private:
  sb_stemmer* s_;
};

Stemmer& StemmerFor(const std::string& lang) {
  thread_local std::map<std::string, std::unique_ptr<Stemmer>> stemmers;
  auto& s = stemmers[lang];
  if (!s) s = std::make_unique<Stemmer>(lang);
  return *s;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

bool AllDigits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

Counts Terms(const std::vector<Word>& words, const std::string& lang, const std::string& dir) {
  const auto& stop = StopWords(dir, lang);
  std::map<std::string, int> counts;
  for (const Word& w : words) {
    if (CodePoints(w.lower) < 2 || stop.count(w.lower)) continue;
    if (AllDigits(w.lower)) {
      if (w.lower.size() >= 3) ++counts[w.lower];
      continue;
    }
    ++counts[StemmerFor(lang).Stem(w.lower)];
  }
  return Counts(counts.begin(), counts.end());
}

bool TitleCase(const std::vector<Word>& words) {
  size_t caps = 0;
  for (const Word& w : words) caps += w.capitalized;
  return words.size() >= 3 && caps * 2 >= words.size();
}

}  // namespace

struct FeatureExtractor::Impl {
  std::string source_dir_;
  std::unordered_map<std::string, std::pair<int, int>> caps_;  // word -> (capitalised, total)
  void Learn(const EvalText& text);
  bool IsName(const std::string& lower) const;
  TextFeatures Analyze(const EvalText& text) const;
};

FeatureExtractor::FeatureExtractor(std::string source_dir) : impl_(std::make_unique<Impl>()) {
  impl_->source_dir_ = std::move(source_dir);
}
FeatureExtractor::~FeatureExtractor() = default;
void FeatureExtractor::Learn(const EvalText& text) { impl_->Learn(text); }
TextFeatures FeatureExtractor::Analyze(const EvalText& text) { return impl_->Analyze(text); }

void FeatureExtractor::Impl::Learn(const EvalText& text) {
  const auto title = Words(text.title);
  const auto body = Words(text.body);
  for (const auto* words : {&title, &body}) {
    if (words == &title && TitleCase(title)) continue;
    for (const Word& w : *words) {
      if (w.sentence_start || AllDigits(w.lower)) continue;
      auto& [caps, total] = caps_[w.lower];
      caps += w.capitalized;
      ++total;
    }
  }
}

bool FeatureExtractor::Impl::IsName(const std::string& lower) const {
  auto it = caps_.find(lower);
  if (it == caps_.end() || it->second.second == 0) return false;
  return it->second.first * 10 >= it->second.second * 7;
}

TextFeatures FeatureExtractor::Impl::Analyze(const EvalText& text) const {
  TextFeatures f;
  const auto title = Words(text.title);
  const auto body = Words(text.body);
  f.title_terms = Terms(title, text.lang, source_dir_);
  f.body_terms = Terms(body, text.lang, source_dir_);
  const auto& stop = StopWords(source_dir_, text.lang);
  std::map<std::string, int> ents;
  for (const auto* words : {&title, &body}) {
    for (const Word& w : *words) {
      if (!w.capitalized || CodePoints(w.lower) < 2 || stop.count(w.lower)) continue;
      if (IsName(w.lower)) ++ents[StemmerFor(text.lang).Stem(w.lower)];
    }
  }
  f.entities.assign(ents.begin(), ents.end());
  return f;
}

}  // namespace veille::eval
