// Headline choice. Every title of the story's main language (copies of
// another member excluded: their original speaks for them) is scored as
//   cos(title, story centroid) + mean overlap with the other outlets' titles
//   + share of the other outlets with a similar title (overlap >= 0.3)
// and the best acceptable one wins (ties: earliest, then lowest id). A title
// is unacceptable when it is truncated ("..."), a question, an exclamation,
// in capitals, a link, a clickbait formula, or under 4 / over 25 words.
// Cost: O(titles^2) overlaps of a dozen terms. Covered by
// tests/summarize/headline_test.cc.
#include "summarize/headline.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace veille::summarize {
namespace {

constexpr double kSimilarTitle = 0.3;
constexpr uint32_t kMinTitleWords = 4;
constexpr uint32_t kMaxTitleWords = 25;

constexpr std::array<std::string_view, 12> kClickbait = {
    "you won't believe", "vous ne croirez",      "this is why",           "here's why",
    "voici pourquoi",    "ce qu'il faut savoir", "what you need to know", "shocking",
    "incroyable",        "les internautes",      "will blow your mind",   "en images",
};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

const char* TitleRejection(std::string_view title) {
  while (!title.empty() && (title.back() == ' ' || title.back() == '\n')) title.remove_suffix(1);
  if (title.empty()) return "empty";
  if (EndsWith(title, "...") || EndsWith(title, "\xE2\x80\xA6") || EndsWith(title, " -") ||
      EndsWith(title, ":")) {
    return "truncated";
  }
  if (title.find('?') != std::string_view::npos) return "question";
  if (title.find('!') != std::string_view::npos) return "exclamation";
  const SentenceFlaw flaw = FindSentenceFlaw(std::string(title) + ".");
  if (flaw == SentenceFlaw::kBoilerplate) {
    const std::string lower = AsciiLower(title);
    return lower.find("http") != std::string::npos || lower.find("www.") != std::string::npos
               ? "link"
               : "capitals";
  }
  const std::string lower = AsciiLower(title);
  for (const std::string_view cue : kClickbait) {
    if (lower.find(cue) != std::string::npos) return "clickbait";
  }
  const uint32_t words = CountWords(title);
  if (words < kMinTitleWords) return "too short";
  if (words > kMaxTitleWords) return "too long";
  return nullptr;
}

std::string_view StripSiteSuffix(std::string_view title, std::string_view site) {
  if (site.empty()) return title;
  const std::string lower_site = AsciiLower(site);
  for (const std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const size_t at = title.rfind(sep);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string tail = AsciiLower(title.substr(at + sep.size()));
    if (tail.empty() || CountWords(tail) > 4) continue;
    if (lower_site.find(tail) != std::string::npos || tail.find(lower_site) != std::string::npos)
      return title.substr(0, at);
  }
  return title;
}

Headline ChooseHeadline(const StoryContext& ctx) {
  struct Candidate {
    uint32_t article;
    double score;
    bool acceptable;
  };
  std::vector<Candidate> candidates;
  std::vector<double> title_weight(ctx.articles.size(), 0);
  for (uint32_t i = 0; i < ctx.articles.size(); ++i)
    title_weight[i] = ctx.TermsWeight(ctx.articles[i].title_terms);
  size_t outlets = 0;
  {
    std::vector<bool> seen(ctx.sites.size(), false);
    for (const StoryArticle& a : ctx.articles) {
      if (a.main_lang && !a.derived && !seen[a.site]) seen[a.site] = true, ++outlets;
    }
  }
  for (uint32_t i = 0; i < ctx.articles.size(); ++i) {
    const StoryArticle& a = ctx.articles[i];
    if (!a.main_lang || a.derived || a.article->title.empty()) continue;
    double dot = 0, norm = 0;
    for (const uint32_t t : a.title_terms) {
      dot += ctx.weight[t] * ctx.centroid[t];
      norm += ctx.weight[t] * ctx.weight[t];
    }
    double score =
        norm > 0 && ctx.centroid_norm > 0 ? dot / (std::sqrt(norm) * ctx.centroid_norm) : 0;
    double overlap_sum = 0;
    size_t others = 0;
    std::vector<uint32_t> similar_sites;
    for (uint32_t j = 0; j < ctx.articles.size(); ++j) {
      const StoryArticle& b = ctx.articles[j];
      if (j == i || !b.main_lang || b.derived || b.site == a.site || b.article->title.empty())
        continue;
      const double o = ctx.Overlap(a.title_terms, title_weight[i], b.title_terms, title_weight[j]);
      overlap_sum += o;
      ++others;
      if (o >= kSimilarTitle) similar_sites.push_back(b.site);
    }
    std::sort(similar_sites.begin(), similar_sites.end());
    const size_t similar =
        std::unique(similar_sites.begin(), similar_sites.end()) - similar_sites.begin();
    if (others > 0) score += overlap_sum / others;
    if (outlets > 1) score += static_cast<double>(similar) / (outlets - 1);
    const std::string_view shown = StripSiteSuffix(a.article->title, a.article->site);
    candidates.push_back({i, score, TitleRejection(shown) == nullptr});
  }
  if (candidates.empty()) return {};
  auto time_of = [&ctx](uint32_t i) {
    const int64_t t = ctx.articles[i].article->published;
    return t == kUnknownPublished ? std::numeric_limits<int64_t>::max() : t;
  };
  const Candidate& best = *std::min_element(
      candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
        if (x.acceptable != y.acceptable) return x.acceptable;
        if (x.score != y.score) return x.score > y.score;
        if (time_of(x.article) != time_of(y.article))
          return time_of(x.article) < time_of(y.article);
        return ctx.articles[x.article].article->id < ctx.articles[y.article].article->id;
      });
  const SummaryArticle& a = *ctx.articles[best.article].article;
  return {std::string(StripSiteSuffix(a.title, a.site)), a.id};
}

}  // namespace veille::summarize
