// Name tokens (see entity_tokens.h; tested through
// tests/analyze/entity_recognizer_test.cc).
#include "analyze/entity_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analyze/entity_lexicon.h"
#include "analyze/sentence_splitter.h"
#include "analyze/text_fold.h"

namespace veille::analyze {

bool IsCapWord(const NameToken& k) {
  if (k.t.kind != TokenKind::kWord) return false;
  if (k.t.capitalized || k.t.all_caps) return true;
  const size_t hyphen = k.t.folded.find('-');
  return hyphen != std::string::npos && k.hyphen_cap &&
         IsNameParticle(std::string_view(k.t.folded).substr(0, hyphen));
}

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

Token MakePiece(std::string_view text, uint32_t begin, uint32_t end, TokenKind kind) {
  Token t;
  t.begin = begin;
  t.end = end;
  t.kind = kind;
  const std::string_view s = text.substr(begin, end - begin);
  t.lower = FoldCase(s);
  t.folded = FoldAccents(t.lower);
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
void SplitGlued(std::string_view text, const Token& t, std::vector<NameToken>* out) {
  std::vector<uint32_t> cuts;
  if (t.kind == TokenKind::kWord) {
    const std::string_view s = text.substr(t.begin, t.end - t.begin);
    bool prev_lower = false;
    int letters_before = 0;
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(s.data(), i, n, c);
      const bool letter = c >= 0 && u_isalpha(c);
      if (letter && (u_isupper(c) || u_istitle(c)) && prev_lower && letters_before >= 2) {
        const uint32_t from = cuts.empty() ? t.begin : cuts.back();
        const std::string head = FoldAll(text.substr(from, t.begin + at - from));
        if (!(cuts.empty() && IsGluedNamePrefix(head))) {
          cuts.push_back(t.begin + static_cast<uint32_t>(at));
          letters_before = 0;
        }
      }
      prev_lower = letter && u_islower(c);
      if (letter) ++letters_before;
      if (c == '-') letters_before = 0;
    }
  }
  if (cuts.empty()) {
    NameToken whole;
    whole.t = t;
    out->push_back(std::move(whole));
    return;
  }
  uint32_t from = t.begin;
  cuts.push_back(t.end);
  for (size_t i = 0; i < cuts.size(); ++i) {
    NameToken piece;
    piece.t = MakePiece(text, from, cuts[i], t.kind);
    piece.glued = i > 0;
    out->push_back(std::move(piece));
    from = cuts[i];
  }
}

// Marks in a gap that restart capitalisation (line break, colon, quote, dash).
bool RestartsCapitals(std::string_view gap) {
  static const std::string_view kMarks[] = {
      "\n", ":", "\u00ab", "\"", "\u201c", "(", "\u2014", "\u2013", " - ", "\u2022", "|", "[", "/"};
  for (auto m : kMarks) {
    if (gap.find(m) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<NameToken> PrepareNameTokens(std::string_view text, std::string_view lang) {
  std::vector<NameToken> toks;
  for (const Token& t : Tokenize(text, lang)) SplitGlued(text, t, &toks);
  const std::vector<SentenceSpan> sentences = SplitSentences(text, lang);
  size_t s = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    NameToken& k = toks[i];
    while (s + 1 < sentences.size() && k.t.begin >= sentences[s + 1].begin) ++s;
    k.sentence = static_cast<uint32_t>(s);
    k.paragraph = sentences.empty() ? 0 : sentences[s].paragraph;
    const std::string_view surface = text.substr(k.t.begin, k.t.end - k.t.begin);
    // NameKey(surface) without folding again: the token is folded already.
    for (const char c : k.t.folded) {
      if (c == '-' || c == '.') {
        if (!k.key.empty() && k.key.back() != ' ') k.key.push_back(' ');
      } else {
        k.key.push_back(c);
      }
    }
    while (!k.key.empty() && k.key.back() == ' ') k.key.pop_back();
    if (const size_t h = surface.find('-'); h != std::string_view::npos && h + 1 < surface.size()) {
      int32_t at = static_cast<int32_t>(h + 1);
      UChar32 c;
      U8_NEXT(surface.data(), at, static_cast<int32_t>(surface.size()), c);
      k.hyphen_cap = c >= 0 && u_isupper(c);
    }
    if (i == 0) {
      k.initial = true;
      continue;
    }
    const NameToken& p = toks[i - 1];
    const std::string_view gap = text.substr(p.t.end, k.t.begin - p.t.end);
    const bool new_sentence = p.sentence != k.sentence;
    k.initial = new_sentence || k.glued || RestartsCapitals(gap);
    // An initial ("J. R. R.", "Donald J. Trump") keeps the run going.
    const bool initial_dot =
        gap == ". " && p.t.lower.size() == 1 && p.t.capitalized && !IsHonorific(p.t.folded);
    k.joined = !k.glued && !new_sentence && (OnlySpaces(gap) || initial_dot);
    if (initial_dot && new_sentence && !k.glued) k.joined = true, k.initial = false;
  }
  return toks;
}

}  // namespace veille::analyze
