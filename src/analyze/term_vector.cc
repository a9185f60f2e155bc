#include "analyze/term_vector.h"

#include <xxhash.h>

#include <algorithm>

#include "analyze/stemmer.h"
#include "analyze/text_fold.h"

namespace veille::analyze {
namespace {

// True when `s` holds a single code point.
bool SingleCodePoint(std::string_view s) {
  if (s.empty()) return false;
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n == 1;
}

}  // namespace

std::string TermOf(const Token& token, std::string_view lang) {
  if (token.kind == TokenKind::kNumber) return token.lower;
  return FoldAccents(Stem(lang, token.lower));
}

TermVector BuildTermVector(const std::vector<Token>& tokens, std::string_view lang,
                           const StopWords* stop_words) {
  // Count the distinct word forms first (a news text repeats its words), in
  // an open-addressing table sized for the document (no allocation per
  // form), then stem each distinct form once.
  struct Form {
    std::string_view text;
    uint32_t count = 0;
    bool number = false;
  };
  size_t capacity = 16;
  while (capacity < tokens.size() * 2) capacity <<= 1;
  std::vector<Form> table(capacity);
  std::vector<uint32_t> used;  // slots in first-seen order
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kElision || SingleCodePoint(t.lower)) continue;
    const std::string_view form = t.lower;
    size_t slot = XXH3_64bits(form.data(), form.size()) & (capacity - 1);
    while (table[slot].count != 0 && table[slot].text != form) slot = (slot + 1) & (capacity - 1);
    Form& f = table[slot];
    if (f.count == 0) {
      f.text = form;
      // Numbers and words never share a form: the tokenizer decides the
      // kind from the characters alone.
      f.number = t.kind == TokenKind::kNumber;
      used.push_back(static_cast<uint32_t>(slot));
    }
    ++f.count;
  }
  const StopWords::WordSet* stop = stop_words == nullptr ? nullptr : stop_words->ListFor(lang);
  std::vector<std::pair<std::string, uint32_t>> terms;
  terms.reserve(used.size());
  for (const uint32_t slot : used) {
    const Form& f = table[slot];
    if (!f.number && stop != nullptr && stop->find(f.text) != stop->end()) continue;
    terms.emplace_back(f.number ? std::string(f.text) : FoldAccents(Stem(lang, f.text)), f.count);
  }
  std::sort(terms.begin(), terms.end());
  TermVector out;
  out.reserve(terms.size());
  for (size_t i = 0; i < terms.size();) {
    uint32_t count = 0;
    size_t j = i;
    for (; j < terms.size() && terms[j].first == terms[i].first; ++j) count += terms[j].second;
    if (!terms[i].first.empty()) out.push_back({std::move(terms[i].first), count});
    i = j;
  }
  return out;
}

}  // namespace veille::analyze
