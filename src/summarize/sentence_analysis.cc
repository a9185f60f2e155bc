// Sentence analysis for summaries: the analyze stage's splitter and terms
// (one pass over the text each), the terms assigned to their sentence by
// offset, and surface checks for sentences that read badly out of context.
// The checks are language-neutral shapes (case of the first letter,
// balanced quotes, final punctuation, share of capitals) plus a short list
// of French and English page-furniture cues. A batch of articles goes
// through TextTerms as one text per language (blank lines between them), so
// a word form the story's articles share is stemmed once, not once per
// article: stemming was a quarter of a cold 200-article summary. Covered by
// tests/summarize/sentence_analysis_test.cc (batch == each article alone)
// and summarize_test.cc.
#include "summarize/sentence_analysis.h"

#include <algorithm>
#include <array>
#include <bit>
#include <map>

#include "veille/analyze.h"

namespace veille::summarize {
namespace {

// Decodes the code point at `s[*i]` and advances `*i`; U+FFFD for a bad byte.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b = static_cast<unsigned char>(s[*i]);
  if (b < 0x80) {
    ++*i;
    return b;
  }
  const size_t n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (n == 0 || *i + n >= s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = b & (0x3F >> n);
  for (size_t k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += n + 1;
  return cp;
}

bool IsLower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         (c >= 0x430 && c <= 0x45F);
}
bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x400 && c <= 0x42F);
}
bool IsOpeningQuote(char32_t c) { return c == '"' || c == 0xAB || c == 0x201C || c == 0x201E; }

// Page furniture: cues that a "sentence" is a link, credit or prompt, not
// reporting. Matched case-insensitively (ASCII) as substrings.
constexpr std::array<std::string_view, 20> kBoilerplateCues = {
    "http://",
    "https://",
    "www.",
    "@",
    "cliquez",
    "click here",
    "abonnez",
    "subscribe",
    "newsletter",
    "lire aussi",
    "lire la suite",
    "read more",
    "voir aussi",
    "see also",
    "droits r\xC3\xA9serv",
    "all rights reserved",
    "copyright",
    "\xC2\xA9",
    "share this",
    "javascript",
};
static_assert(kBoilerplateCues.size() <= 32, "FindSentenceFlaw keeps one bit per cue");

// `s` with ASCII capitals lowered, in a per-thread buffer (valid until the
// next call on this thread): no allocation per sentence.
std::string_view AsciiLower(std::string_view s) {
  thread_local std::string out;
  out.assign(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return out;
}

}  // namespace

uint32_t CountWords(std::string_view s) {
  uint32_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

SentenceFlaw FindSentenceFlaw(std::string_view s) {
  // One pass: at each byte that starts some cue, try the cues starting with it.
  static const std::array<uint32_t, 256> kCuesByFirstByte = [] {
    std::array<uint32_t, 256> bits{};
    for (size_t k = 0; k < kBoilerplateCues.size(); ++k)
      bits[static_cast<unsigned char>(kBoilerplateCues[k][0])] |= 1u << k;
    return bits;
  }();
  const std::string_view lower = AsciiLower(s);
  for (size_t p = 0; p < lower.size(); ++p) {
    for (uint32_t bits = kCuesByFirstByte[static_cast<unsigned char>(lower[p])]; bits != 0;
         bits &= bits - 1) {
      const std::string_view cue = kBoilerplateCues[std::countr_zero(bits)];
      if (lower.compare(p, cue.size(), cue) == 0) return SentenceFlaw::kBoilerplate;
    }
  }
  // Letters: the first one's case, the share of capitals; quotes balance.
  size_t upper = 0, letters = 0;
  int open_guillemets = 0, straight_quotes = 0, curly_open = 0, curly_close = 0;
  char32_t first_letter = 0, last = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, &i);
    const bool lo = IsLower(c), up = IsUpper(c);
    if ((lo || up) && first_letter == 0) first_letter = c;
    letters += lo || up;
    upper += up;
    open_guillemets += c == 0xAB ? 1 : c == 0xBB ? -1 : 0;
    straight_quotes += c == '"';
    curly_open += c == 0x201C;
    curly_close += c == 0x201D;
    if (c != ' ' && c != '\n') last = c;
  }
  if (letters >= 10 && upper * 10 > letters * 6) return SentenceFlaw::kBoilerplate;
  if (last == '?') return SentenceFlaw::kQuestion;
  if (first_letter != 0 && IsLower(first_letter)) return SentenceFlaw::kFragment;
  if (open_guillemets != 0 || straight_quotes % 2 != 0 || curly_open != curly_close)
    return SentenceFlaw::kFragment;
  const bool final_punct = last == '.' || last == '!' || last == 0xBB || last == '"' ||
                           last == 0x201D || last == 0x2026 || last == ')';
  if (!final_punct) return SentenceFlaw::kFragment;
  return SentenceFlaw::kNone;
}

namespace {

// The analysis of one article from its terms (text order, offsets in
// `text`) and its title's terms.
ArticleAnalysis Assemble(std::string_view title, std::string_view text, std::string_view lang,
                         const std::vector<TextTerm>& terms,
                         const std::vector<TextTerm>& title_terms) {
  ArticleAnalysis out;
  const std::vector<SentenceBounds> bounds = SplitTextSentences(text, lang);
  out.sentences.reserve(bounds.size());
  size_t term_idx = 0;
  for (size_t sentence_idx = 0; sentence_idx < bounds.size(); ++sentence_idx) {
    const SentenceBounds& b = bounds[sentence_idx];
    AnalyzedSentence s;
    s.begin = b.begin;
    s.end = b.end;
    s.index = static_cast<uint32_t>(sentence_idx);
    s.paragraph = b.paragraph;
    const std::string_view surface = text.substr(b.begin, b.end - b.begin);
    s.words = CountWords(surface);
    s.flaw = FindSentenceFlaw(surface);
    size_t first = 0;
    while (first < surface.size() && (surface[first] == ' ' || surface[first] == '\n')) ++first;
    if (first < surface.size()) {
      const char32_t c = NextCodePoint(surface, &first);
      s.quote = IsOpeningQuote(c);
    }
    while (term_idx < terms.size() && terms[term_idx].begin < b.begin) ++term_idx;
    for (; term_idx < terms.size() && terms[term_idx].end <= b.end; ++term_idx)
      s.terms.push_back(terms[term_idx].term);
    std::sort(s.terms.begin(), s.terms.end());
    s.terms.erase(std::unique(s.terms.begin(), s.terms.end()), s.terms.end());
    out.bytes += sizeof(s);
    for (const std::string& t : s.terms) out.bytes += sizeof(t) + t.size();
    out.sentences.push_back(std::move(s));
  }
  for (const TextTerm& t : title_terms) out.title_terms.push_back(t.term);
  std::sort(out.title_terms.begin(), out.title_terms.end());
  out.title_terms.erase(std::unique(out.title_terms.begin(), out.title_terms.end()),
                        out.title_terms.end());
  out.bytes += sizeof(out) + title.size();
  return out;
}

// Texts joined into one for TextTerms: a blank line between two texts
// ends any word, so each text's terms are the ones it has alone.
constexpr std::string_view kJoint = "\n\n";

}  // namespace

ArticleAnalysis AnalyzeArticleText(std::string_view title, std::string_view text,
                                   std::string_view lang) {
  return Assemble(title, text, lang, TextTerms(text, lang), TextTerms(title, lang));
}

std::vector<ArticleAnalysis> AnalyzeArticleTexts(const std::vector<ArticleText>& articles) {
  std::vector<ArticleAnalysis> out(articles.size());
  std::map<std::string_view, std::vector<size_t>> by_lang;
  for (size_t i = 0; i < articles.size(); ++i) by_lang[articles[i].lang].push_back(i);
  std::string joined;
  for (const auto& [lang, members] : by_lang) {
    // The texts, then the titles, each at its offset in `joined`.
    joined.clear();
    std::vector<uint32_t> base;
    for (const bool titles : {false, true}) {
      for (const size_t i : members) {
        base.push_back(static_cast<uint32_t>(joined.size()));
        joined += titles ? articles[i].title : articles[i].text;
        joined += kJoint;
      }
    }
    base.push_back(static_cast<uint32_t>(joined.size()));
    std::vector<TextTerm> all = TextTerms(joined, lang);
    std::vector<std::vector<TextTerm>> parts(base.size() - 1);
    size_t next = 0;
    for (size_t part = 0; part < parts.size(); ++part) {
      for (; next < all.size() && all[next].begin < base[part + 1]; ++next) {
        TextTerm& t = all[next];
        t.begin -= base[part];
        t.end -= base[part];
        parts[part].push_back(std::move(t));
      }
    }
    for (size_t k = 0; k < members.size(); ++k) {
      const ArticleText& a = articles[members[k]];
      out[members[k]] = Assemble(a.title, a.text, a.lang, parts[k], parts[members.size() + k]);
    }
  }
  return out;
}

}  // namespace veille::summarize
