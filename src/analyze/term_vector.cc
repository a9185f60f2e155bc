#include "analyze/term_vector.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

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
// so the cache changes no result. A slot is one 64-byte cache line holding
// the language, the form and its term (a probe costs one memory access);
// a form whose form and term do not fit is stemmed every time. 32768 slots
// take two megabytes.
class StemCache {
 public:
  // The term of `form` in `lang`; the view is valid until the next call.
  std::string_view Term(std::string_view lang, std::string_view form, uint64_t form_hash) {
    if (lang.size() != 2 || form.size() > kData) {
      spill_ = FoldAccents(Stem(lang, form));
      return spill_;
    }
    if (slots_.empty()) slots_.resize(kSlots);
    Slot& s = slots_[SlotOf(form_hash)];
    if (s.hash == form_hash && s.used && s.lang[0] == lang[0] && s.lang[1] == lang[1] &&
        std::string_view(s.data, s.form_len) == form) {
      return std::string_view(s.data + s.form_len, s.term_len);
    }
    spill_ = FoldAccents(Stem(lang, form));
    if (form.size() + spill_.size() <= kData) {
      s.used = true;
      s.hash = form_hash;
      s.lang[0] = lang[0];
      s.lang[1] = lang[1];
      s.form_len = static_cast<uint8_t>(form.size());
      s.term_len = static_cast<uint8_t>(spill_.size());
      std::memcpy(s.data, form.data(), form.size());
      std::memcpy(s.data + form.size(), spill_.data(), spill_.size());
    }
    return spill_;
  }

  // Starts loading the slot of `form_hash` (a probe is a likely cache miss;
  // several in flight overlap).
  void Prefetch(uint64_t form_hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[SlotOf(form_hash)]);
  }

 private:
  static size_t SlotOf(uint64_t h) { return (h ^ (h >> 29)) & (kSlots - 1); }
  static constexpr size_t kSlots = 1 << 15;
  static constexpr size_t kData = 51;
  struct alignas(64) Slot {
    uint64_t hash = 0;
    bool used = false;
    char lang[2] = {0, 0};
    uint8_t form_len = 0;
    uint8_t term_len = 0;
    char data[kData];  // the form, then its term
  };
  static_assert(sizeof(Slot) == 64);
  std::vector<Slot> slots_;
  std::string spill_;
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
  // The terms go to one buffer (no string per term until the output), then
  // are sorted as views into it.
  thread_local std::string buffer;
  struct Entry {
    uint32_t offset, size, count;
  };
  thread_local std::vector<Entry> entries;
  buffer.clear();
  entries.clear();
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < used.size() && i < kAhead; ++i) cache.Prefetch(table[used[i]].hash);
  for (size_t i = 0; i < used.size(); ++i) {
    if (i + kAhead < used.size()) cache.Prefetch(table[used[i + kAhead]].hash);
    const Form& f = table[used[i]];
    if (!f.number && stop != nullptr && stop->find(f.text) != stop->end()) continue;
    const std::string_view term = f.number ? f.text : cache.Term(lang, f.text, f.hash);
    entries.push_back(
        {static_cast<uint32_t>(buffer.size()), static_cast<uint32_t>(term.size()), f.count});
    buffer.append(term);
  }
  const auto view = [](const Entry& e) {
    return std::string_view(buffer).substr(e.offset, e.size);
  };
  std::sort(entries.begin(), entries.end(),
            [&](const Entry& x, const Entry& y) { return view(x) < view(y); });
  TermVector out;
  out.reserve(entries.size());
  for (size_t i = 0; i < entries.size();) {
    uint32_t count = 0;
    size_t j = i;
    const std::string_view term = view(entries[i]);
    for (; j < entries.size() && view(entries[j]) == term; ++j) count += entries[j].count;
    if (!term.empty()) out.push_back({std::string(term), count});
    i = j;
  }
  // The buffers stay for the next call, unless a huge text grew them.
  if (buffer.capacity() > (1u << 20)) std::string().swap(buffer);
  if (entries.capacity() > (1u << 16)) std::vector<Entry>().swap(entries);
  return out;
}

}  // namespace veille::analyze
