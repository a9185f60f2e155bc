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

// Stemming is the dearest step of a term vector, and news text repeats its
// vocabulary from one article to the next: each thread keeps the terms of
// the forms it stemmed lately in a direct-mapped cache (a slot per hash,
// the newest form wins its slot). A hit compares the language and the form,
// so the cache changes no result. 32768 slots hold about four megabytes.
class StemCache {
 public:
  const std::string& Term(std::string_view lang, std::string_view form, uint64_t form_hash) {
    if (slots_.empty()) slots_.resize(kSlots);
    Slot& s = slots_[(form_hash ^ (form_hash >> 29)) & (kSlots - 1)];
    if (!s.used || s.hash != form_hash || s.form != form || s.lang != lang) {
      s.used = true;
      s.hash = form_hash;
      s.lang.assign(lang);
      s.form.assign(form);
      s.term = FoldAccents(Stem(lang, form));
    }
    return s.term;
  }

 private:
  static constexpr size_t kSlots = 1 << 15;
  struct Slot {
    bool used = false;
    uint64_t hash = 0;
    std::string lang, form, term;
  };
  std::vector<Slot> slots_;
};

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
    uint64_t hash = 0;
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
    const uint64_t hash = XXH3_64bits(form.data(), form.size());
    size_t slot = hash & (capacity - 1);
    while (table[slot].count != 0 && (table[slot].hash != hash || table[slot].text != form))
      slot = (slot + 1) & (capacity - 1);
    Form& f = table[slot];
    if (f.count == 0) {
      f.text = form;
      f.hash = hash;
      // Numbers and words never share a form: the tokenizer decides the
      // kind from the characters alone.
      f.number = t.kind == TokenKind::kNumber;
      used.push_back(static_cast<uint32_t>(slot));
    }
    ++f.count;
  }
  const StopWords::WordSet* stop = stop_words == nullptr ? nullptr : stop_words->ListFor(lang);
  thread_local StemCache cache;
  std::vector<std::pair<std::string, uint32_t>> terms;
  terms.reserve(used.size());
  for (const uint32_t slot : used) {
    const Form& f = table[slot];
    if (!f.number && stop != nullptr && stop->find(f.text) != stop->end()) continue;
    if (f.number) {
      terms.emplace_back(std::string(f.text), f.count);
    } else {
      terms.emplace_back(cache.Term(lang, f.text, f.hash), f.count);
    }
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
