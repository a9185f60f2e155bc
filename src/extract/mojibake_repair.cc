// Mojibake repair: UTF-8 that was read as windows-1252 (or Latin-1) and
// re-encoded (tests: charset_test.cc, "RepairMojibake*" cases).
//
// Idea. Reading the UTF-8 bytes of "é" (C3 A9) as windows-1252 gives "Ã©";
// "’" (E2 80 99) gives "â€™". Every such run starts with a character in
// U+00C2..U+00F4 (a UTF-8 lead byte seen as Latin-1) followed by characters
// that windows-1252 maps back to continuation bytes 80..BF. So we scan once;
// at each such lead we map the next 1-3 characters back to bytes and, when
// they form one valid UTF-8 sequence, we replace the run by its decoding.
// A run repeated twice ("ÃƒÂ©") is undone by a second pass.
//
// Never damaging correct text is the hard part: "Ã" is a real Portuguese
// letter, "ß“" ends German quotes, "CAFÉ’S" is English. A candidate is kept
// only when its decoding is strictly more plausible than the characters it
// replaces:
//   - a 2-byte decoding must land in a real alphabet: Latin-1 and Latin
//     Extended-A letters, Romanian ș/ț, combining marks, Greek, Cyrillic,
//     Hebrew or Arabic ("ß“" -> U+07D3 NKo and "É’" -> U+0252 IPA are refused);
//   - when its second character is closing punctuation (’ ” » … ›) it must
//     sit inside a word (a letter follows) or after a lowercase letter, so
//     "IRMÃ»" stays while "dÃ»" becomes "dû";
//   - a 3- or 4-byte decoding must be an assigned, non-private, non-control
//     character outside the Hangul compatibility jamo.
// Cost: each pass is linear with O(1) work per character; at most three
// passes, and a pass that changes nothing ends the loop.
#include <unicode/uchar.h>

#include <string>

#include "extract/charset.h"
#include "extract/charset_util.h"

namespace veille::extract {
namespace {

using internal::DecodeUtf8Step;
using internal::Utf8Step;

constexpr int kMaxPasses = 3;

bool InRange(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

bool PlausibleDecoding(char32_t cp, int len) {
  if (len == 2) {
    return InRange(cp, 0xA0, 0x17F) || InRange(cp, 0x218, 0x21B) || InRange(cp, 0x300, 0x36F) ||
           InRange(cp, 0x386, 0x3CE) || InRange(cp, 0x400, 0x4FF) || InRange(cp, 0x5D0, 0x5EA) ||
           InRange(cp, 0x620, 0x6FF);
  }
  if (!u_isdefined(static_cast<UChar32>(cp)) || InRange(cp, 0x3130, 0x318F)) return false;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type != U_PRIVATE_USE_CHAR && type != U_CONTROL_CHAR && type != U_SURROGATE;
}

bool IsClosingPunct(char32_t cp) {
  return cp == 0x2019 || cp == 0x201D || cp == 0xBB || cp == 0x2026 || cp == 0x203A;
}

// Tries to read a mojibake run whose lead character (in U+00C2..U+00F4)
// starts at s[i] with UTF-8 length lead_len. On success sets *cp and *end.
bool ReadRun(std::string_view s, size_t i, char32_t lead, int lead_len, char32_t prev, char32_t* cp,
             size_t* end) {
  const int n = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4);
  char bytes[4] = {static_cast<char>(lead), 0, 0, 0};
  char32_t second = 0;
  size_t j = i + lead_len;
  for (int k = 1; k < n; ++k) {
    if (j >= s.size()) return false;
    const Utf8Step step = DecodeUtf8Step(s, j);
    if (!step.ok) return false;
    const int b = internal::UnicodeToCp1252(step.cp);
    if (b < 0x80 || b > 0xBF) return false;
    bytes[k] = static_cast<char>(b);
    if (k == 1) second = step.cp;
    j += step.len;
  }
  const Utf8Step decoded = DecodeUtf8Step(std::string_view(bytes, n), 0);
  if (!decoded.ok || decoded.len != n || !PlausibleDecoding(decoded.cp, n)) return false;
  if (n == 2 && IsClosingPunct(second)) {
    const bool letter_follows = j < s.size() && DecodeUtf8Step(s, j).ok &&
                                u_isalpha(static_cast<UChar32>(DecodeUtf8Step(s, j).cp));
    if (!letter_follows && !u_islower(static_cast<UChar32>(prev))) return false;
  }
  *cp = decoded.cp;
  *end = j;
  return true;
}

std::string RepairPass(std::string_view s, bool* changed) {
  std::string out;
  out.reserve(s.size());
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && internal::AllAscii8(s.data() + i)) {  // no run starts in ASCII
      out.append(s.substr(i, 8));
      prev = static_cast<unsigned char>(s[i + 7]);
      i += 8;
      continue;
    }
    const Utf8Step step = DecodeUtf8Step(s, i);
    if (!step.ok) {  // invalid input is passed through untouched
      out.append(s.substr(i, step.len));
      i += step.len;
      prev = 0;
      continue;
    }
    char32_t cp;
    size_t end;
    if (step.cp >= 0xC2 && step.cp <= 0xF4 && ReadRun(s, i, step.cp, step.len, prev, &cp, &end)) {
      internal::AppendUtf8(cp, &out);
      *changed = true;
      prev = cp;
      i = end;
      continue;
    }
    out.append(s.substr(i, step.len));
    prev = step.cp;
    i += step.len;
  }
  return out;
}

// True when the n characters from s[j] each stand for a UTF-8 continuation
// byte in windows-1252 (80..BF): U+0080..U+00BF, or one of the characters
// windows-1252 puts at 0x80..0x9F.
bool ContinuationRun(std::string_view s, size_t j, int n) {
  for (int k = 0; k < n; ++k) {
    if (j >= s.size()) return false;
    const Utf8Step step = DecodeUtf8Step(s, j);
    if (!step.ok) return false;
    const int b = internal::UnicodeToCp1252(step.cp);
    if (b < 0x80 || b > 0xBF) return false;
    j += step.len;
  }
  return true;
}

// Whether a repair pass could change anything: every run starts with one of
// U+00C2..U+00F4 (encoded C3 82..C3 B4) followed by as many characters
// standing for continuation bytes as that lead byte announces (ReadRun's
// shape without its plausibility tests). Correct accented text almost never
// has that shape ("été": C3 A9 74; French "é" before a no-break space, C3 A9
// C2 A0, announces three bytes and is followed by a space), so most pages
// skip the repair passes.
bool MayHoldMojibake(std::string_view s) {
  for (size_t i = s.find('\xC3'); i != std::string_view::npos && i + 2 < s.size();
       i = s.find('\xC3', i + 1)) {
    const auto lead = static_cast<unsigned char>(s[i + 1]);  // U+00C2..U+00F4 is C3 82..C3 B4
    if (lead < 0x82 || lead > 0xB4) continue;
    const int continuations = lead < 0xA0 ? 1 : (lead < 0xB0 ? 2 : 3);
    if (ContinuationRun(s, i + 2, continuations)) return true;
  }
  return false;
}

}  // namespace

std::string RepairMojibake(std::string utf8, bool* changed) {
  std::string text = std::move(utf8);
  bool any = false;
  if (!MayHoldMojibake(text)) {
    if (changed != nullptr) *changed = false;
    return text;
  }
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool pass_changed = false;
    std::string next = RepairPass(text, &pass_changed);
    if (!pass_changed) break;
    text.swap(next);
    any = true;
  }
  if (changed != nullptr) *changed = any;
  return text;
}

}  // namespace veille::extract
