// Fuzzes the analysis of article text: tokenizer, sentence splitter and date
// finder on arbitrary text (made valid UTF-8 first, as the contracts
// require), checking that every span they return lies within the text and
// in order. The first byte picks the language and the reference date.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "analyze/dates.h"
#include "analyze/sentence_splitter.h"
#include "analyze/tokenizer.h"

namespace {

std::string ValidUtf8(const uint8_t* data, size_t size) {
  std::string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(size);
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c < 0) {
      out.push_back('?');
    } else {
      out.append(reinterpret_cast<const char*>(data) + start, i - start);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 1 << 16) return 0;
  namespace va = veille::analyze;
  static const char* kLangs[] = {"fr", "en", "", "de", "it", "ru", "es", "zh"};
  const char* lang = kLangs[data[0] & 7];
  const std::string text = ValidUtf8(data + 1, size - 1);
  const auto tokens = va::Tokenize(text, lang);
  uint32_t last = 0;
  for (const auto& t : tokens) {
    if (t.begin < last || t.end <= t.begin || t.end > text.size()) std::abort();
    last = t.end;
  }
  const auto sentences = va::SplitSentences(text, lang);
  last = 0;
  for (const auto& s : sentences) {
    if (s.begin < last || s.end <= s.begin || s.end > text.size()) std::abort();
    last = s.end;
  }
  const va::CivilDate ref{2000 + (data[0] >> 3), 1 + (data[0] % 12), 1 + (data[0] % 28)};
  last = 0;
  for (const auto& d : va::FindDates(text, tokens, sentences, lang, ref)) {
    if (d.begin < last || d.end <= d.begin || d.end > text.size()) std::abort();
    if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31) std::abort();
    last = d.end;
  }
  return 0;
}
