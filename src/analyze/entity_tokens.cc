// Name tokens (see entity_tokens.h; tested through
// tests/analyze/entity_recognizer_test.cc).
#include "analyze/entity_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

#include "analyze/entity_lexicon.h"
#include "analyze/sentence_splitter.h"
#include "analyze/text_fold.h"

namespace veille::analyze {

namespace {

// What IsCapWord returns, from the token's other fields.
bool ComputeCapWord(const NameToken& k) {
  if (k.t.kind != TokenKind::kWord) return false;
  if (k.t.capitalized || k.t.all_caps) return true;
  const size_t hyphen = k.t.folded.find('-');
  return hyphen != std::string::npos && k.hyphen_cap &&
         IsNameParticle(std::string_view(k.t.folded).substr(0, hyphen));
}

}  // namespace

bool IsClauseStart(std::string_view folded) {
  static const std::string_view kWords[] = {
      "ce",  "cet", "cette", "ces", "elle", "elles", "ils",   "on", "nous", "vous", "je",
      "les", "une", "des",   "du",  "the",  "this",  "these", "he", "she",  "they", "we"};
  for (auto w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

bool OnlySpaces(std::string_view gap) {
  for (size_t i = 0; i < gap.size(); ++i) {
    const unsigned char c = gap[i];
    if (c == ' ') continue;
    if (gap.substr(i, 2) == "\u00a0") {
      ++i;
      continue;
    }
    if (gap.substr(i, 3) == "\u202f") {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

namespace {

// Stores `s` in `out`'s storage and returns a stable view of it.
std::string_view Keep(std::string s, NameTokens* out) {
  out->storage.push_back(std::move(s));
  return out->storage.back();
}

TokenView ViewOf(const Token& t) {
  TokenView v;
  v.begin = t.begin;
  v.end = t.end;
  v.kind = t.kind;
  v.lower = t.lower;
  v.folded = t.folded;
  v.capitalized = t.capitalized;
  v.all_caps = t.all_caps;
  return v;
}

// A piece [begin, end) of a glued word, its folded forms kept in `out`.
TokenView MakePiece(std::string_view text, uint32_t begin, uint32_t end, TokenKind kind,
                    NameTokens* out) {
  TokenView t;
  t.begin = begin;
  t.end = end;
  t.kind = kind;
  const std::string_view s = text.substr(begin, end - begin);
  std::string lower = FoldCase(s);
  t.folded = Keep(FoldAccents(lower), out);
  t.lower = Keep(std::move(lower), out);
  int letters = 0, upper = 0;
  bool first = true;
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    const bool up = u_isupper(c) || u_istitle(c);
    upper += up;
    if (first) t.capitalized = up;
    first = false;
  }
  t.all_caps = letters >= 2 && upper == letters;
  return t;
}

// True when no lowercase->uppercase junction can lie in `s`: no capital
// (upper- or titlecase letter) after its first character. The common case;
// ASCII bytes are decided without decoding.
bool CannotBeGlued(std::string_view s) {
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  UChar32 c;
  if (n > 0) U8_NEXT(s.data(), i, n, c);  // the first character cannot end a junction
  while (i < n) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') return false;
      ++i;
      continue;
    }
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && (u_isupper(c) || u_istitle(c))) return false;
  }
  return true;
}

// u_isalpha, u_isupper || u_istitle and u_islower of `c`, without calling
// ICU for ASCII (where they are exactly [A-Za-z], [A-Z] and [a-z]).
struct LetterCase {
  bool letter, upper, lower;
};
LetterCase CaseOf(UChar32 c) {
  if (c >= 0 && c < 0x80) {
    const bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
    return {up || low, up, low};
  }
  const bool letter = c >= 0 && u_isalpha(c);
  return {letter, letter && (u_isupper(c) || u_istitle(c)), letter && u_islower(c)};
}

// Name prefixes that keep a capital after them ("McCain", "DiCaprio").
bool IsGluedNamePrefix(std::string_view folded) {
  static const std::string_view kPrefixes[] = {"mc", "mac", "de",  "di",  "da",   "du",
                                               "la", "le",  "van", "von", "fitz", "o"};
  for (auto p : kPrefixes) {
    if (folded == p) return true;
  }
  return false;
}

// Splits words at lowercase->uppercase junctions ("PoutineLe" -> "Poutine" +
// "Le"), which flattened pages leave where a line break was lost.
void SplitGlued(std::string_view text, const Token& t, NameTokens* out,
                std::vector<uint32_t>* cut_buffer) {
  std::vector<uint32_t>& cuts = *cut_buffer;
  cuts.clear();
  if (t.kind == TokenKind::kWord && !CannotBeGlued(text.substr(t.begin, t.end - t.begin))) {
    const std::string_view s = text.substr(t.begin, t.end - t.begin);
    bool prev_lower = false;
    int letters_before = 0;
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(s.data(), i, n, c);
      const LetterCase lc = CaseOf(c);
      const bool letter = lc.letter;
      if (lc.upper && prev_lower && letters_before >= 2) {
        const uint32_t from = cuts.empty() ? t.begin : cuts.back();
        const std::string head = FoldAll(text.substr(from, t.begin + at - from));
        if (!(cuts.empty() && IsGluedNamePrefix(head))) {
          cuts.push_back(t.begin + static_cast<uint32_t>(at));
          letters_before = 0;
        }
      }
      prev_lower = lc.lower;
      if (letter) ++letters_before;
      if (c == '-') letters_before = 0;
    }
  }
  if (cuts.empty()) {
    NameToken whole;
    whole.t = ViewOf(t);
    out->tokens.push_back(whole);
    return;
  }
  uint32_t from = t.begin;
  cuts.push_back(t.end);
  for (size_t i = 0; i < cuts.size(); ++i) {
    NameToken piece;
    piece.t = MakePiece(text, from, cuts[i], t.kind, out);
    piece.glued = i > 0;
    out->tokens.push_back(piece);
    from = cuts[i];
  }
}

// Marks in a gap that restart capitalisation (line break, colon, quote, dash).
bool RestartsCapitals(std::string_view gap) {
  // Every mark holds one of these bytes: most gaps (", ", ". ") have none.
  // (A byte loop: find_first_of calls memchr once per byte of the gap.)
  bool candidate = false;
  for (const char c : gap) {
    switch (c) {
      case '\n':
      case ':':
      case '"':
      case '(':
      case '|':
      case '[':
      case '/':
      case '-':
      case '\xc2':
      case '\xe2':
        candidate = true;
        break;
      default:
        break;
    }
  }
  if (!candidate) return false;
  static const std::string_view kMarks[] = {
      "\n", ":", "\u00ab", "\"", "\u201c", "(", "\u2014", "\u2013", " - ", "\u2022", "|", "[", "/"};
  for (auto m : kMarks) {
    if (gap.find(m) != std::string_view::npos) return true;
  }
  return false;
}

// True when `s` holds a '-' or a '.', tested eight bytes at a time (a word
// of a byte exactly when (x - 0x01..) & ~x & 0x80.. is nonzero for x =
// word ^ the byte repeated).
bool HasHyphenOrDot(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const auto has_byte = [&](uint64_t w, unsigned char b) {
    const uint64_t x = w ^ (kOnes * b);
    return ((x - kOnes) & ~x & kHighs) != 0;
  };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (has_byte(w, '-') || has_byte(w, '.')) return true;
  }
  for (; i < s.size(); ++i) {
    if (s[i] == '-' || s[i] == '.') return true;
  }
  return false;
}

}  // namespace

void PrepareNameTokens(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<SentenceSpan>& sentences, NameTokens* out) {
  std::vector<NameToken>& toks = out->tokens;
  toks.clear();
  toks.reserve(tokens.size() + 8);
  std::vector<uint32_t> cuts;
  for (const Token& t : tokens) SplitGlued(text, t, out, &cuts);
  size_t s = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    NameToken& k = toks[i];
    while (s + 1 < sentences.size() && k.t.begin >= sentences[s + 1].begin) ++s;
    k.sentence = static_cast<uint32_t>(s);
    k.paragraph = sentences.empty() ? 0 : sentences[s].paragraph;
    const std::string_view surface = text.substr(k.t.begin, k.t.end - k.t.begin);
    // NameKey(surface) without folding again: the token is folded already;
    // most tokens have no hyphen or dot, and their key is their folded form.
    const bool plain = !HasHyphenOrDot(k.t.folded);
    if (plain) {
      k.key = k.t.folded;
    } else {
      std::string key;
      for (const char c : k.t.folded) {
        if (c == '-' || c == '.') {
          if (!key.empty() && key.back() != ' ') key.push_back(' ');
        } else {
          key.push_back(c);
        }
      }
      while (!key.empty() && key.back() == ' ') key.pop_back();
      k.key = Keep(std::move(key), out);
    }
    if (const size_t h = plain ? std::string_view::npos : surface.find('-');
        h != std::string_view::npos && h + 1 < surface.size()) {
      int32_t at = static_cast<int32_t>(h + 1);
      UChar32 c;
      U8_NEXT(surface.data(), at, static_cast<int32_t>(surface.size()), c);
      k.hyphen_cap = c >= 0 && u_isupper(c);
    }
    k.cap_word = ComputeCapWord(k);
    if (i == 0) {
      k.initial = true;
      continue;
    }
    const NameToken& p = toks[i - 1];
    const std::string_view gap = text.substr(p.t.end, k.t.begin - p.t.end);
    const bool new_sentence = p.sentence != k.sentence;
    const bool one_space = gap.size() == 1 && gap[0] == ' ';  // most gaps
    k.initial = new_sentence || k.glued || (!one_space && RestartsCapitals(gap));
    // An initial ("J. R. R.", "Donald J. Trump") keeps the run going.
    const bool initial_dot =
        gap == ". " && p.t.lower.size() == 1 && p.t.capitalized && !IsHonorific(p.t.folded);
    k.joined = !k.glued && !new_sentence && (one_space || OnlySpaces(gap) || initial_dot);
    if (initial_dot && new_sentence && !k.glued) k.joined = true, k.initial = false;
  }
}

}  // namespace veille::analyze
