// Sentence selection: salience, then greedy choice without repeated facts.
//
// Idea. A good summary sentence says what many outlets say (it is close to
// the story centroid and other outlets state the same fact), names the
// story's main actors, comes early in its article (news puts the facts
// first) and, for a developing story, is recent. Each sentence gets
//   base = wc * centrality + wp / sqrt(1 + lead rank) + we * entity coverage
//          + wr * recency                   (x 0.8 for a sentence opening on a quote)
// where centrality is the cosine to the centroid over the best one, the lead
// rank counts only eligible sentences before it in its article, and entity
// coverage sums, over the canonical entities it names, the share of articles
// naming them (over the best sentence's). Cross-source support is then
// computed for the best candidates only (K = max(40, 8 x sentences)): the
// share of the story's other outlets with a sentence stating the same fact
// (StoryContext::SameFact), found through the inverted index. Selection is
// greedy (as MMR, Carbonell & Goldstein 1998, with a hard redundancy cut):
// take the best, drop every candidate stating a fact already taken, or
// whose weighted terms the chosen sentences already hold for `redundancy`
// or more together (a restatement of two chosen facts at once) unless it
// brings a name, number or date the summary does not state yet.
//
// Example: four outlets report "Kim Jong Un est arrivé mercredi à
// Vladivostok" in various words; the first such sentence scores high on
// support (3 of 3 other outlets), is taken, and lists the four articles; the
// three others are then redundant and dropped.
//
// Cost: O(terms) for the base scores, O(K x postings) for support, O(K x
// sentences) for selection; a 200-article story takes a few milliseconds
// (the per-article analysis is most of a cold summary: sentence_analysis).
// Sentences from copies of another member never compete: the original does.
// Covered by tests/summarize/summarize_test.cc and summarize_seeds_test.cc.
#include "summarize/selector.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace veille::summarize {
namespace {

constexpr double kQuotePenalty = 0.8;
constexpr size_t kMinCandidates = 40;
constexpr size_t kCandidatesPerSentence = 8;

}  // namespace

std::vector<double> BaseSalience(const StoryContext& ctx, const SummarizeOptions& options) {
  const size_t n = ctx.sentences.size();
  std::vector<double> centrality(n, 0), entities(n, 0), lead(n, 0);
  double max_centrality = 0, max_entities = 0;
  uint32_t lead_rank = 0;
  uint32_t current_article = std::numeric_limits<uint32_t>::max();
  for (uint32_t i = 0; i < n; ++i) {
    const StorySentence& s = ctx.sentences[i];
    if (s.article != current_article) current_article = s.article, lead_rank = 0;
    if (!s.eligible || ctx.articles[s.article].derived) continue;
    lead[i] = 1.0 / std::sqrt(1.0 + lead_rank++);
    double dot = 0, norm = 0;
    for (const uint32_t t : s.terms) {
      dot += ctx.weight[t] * ctx.centroid[t];
      norm += ctx.weight[t] * ctx.weight[t];
    }
    if (norm > 0 && ctx.centroid_norm > 0)
      centrality[i] = dot / (std::sqrt(norm) * ctx.centroid_norm);
    for (const int64_t e : s.entities) {
      auto it = ctx.entity_articles.find(e);
      if (it != ctx.entity_articles.end() && ctx.main_articles > 0)
        entities[i] += static_cast<double>(it->second) / ctx.main_articles;
    }
    max_centrality = std::max(max_centrality, centrality[i]);
    max_entities = std::max(max_entities, entities[i]);
  }
  std::vector<double> base(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    if (lead[i] == 0) continue;
    const StorySentence& s = ctx.sentences[i];
    double score = options.weight_position * lead[i] +
                   options.weight_recency * ctx.articles[s.article].recency;
    if (max_centrality > 0) score += options.weight_centrality * centrality[i] / max_centrality;
    if (max_entities > 0) score += options.weight_entities * entities[i] / max_entities;
    if (ctx.Analyzed(i).quote) score *= kQuotePenalty;
    base[i] = std::max(score, 1e-9);
  }
  return base;
}

std::vector<SummarySentence> SelectSentences(const StoryContext& ctx,
                                             const SummarizeOptions& options,
                                             const std::vector<double>& base) {
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < base.size(); ++i) {
    if (base[i] > 0) order.push_back(i);
  }
  auto by_score = [](const std::vector<double>& score) {
    return [&score](uint32_t a, uint32_t b) {
      return score[a] != score[b] ? score[a] > score[b] : a < b;
    };
  };
  const size_t k =
      std::min(order.size(), std::max(kMinCandidates, kCandidatesPerSentence * options.sentences));
  std::partial_sort(order.begin(), order.begin() + k, order.end(), by_score(base));
  order.resize(k);

  // Support: other outlets stating each candidate's fact.
  std::vector<double> score(base);
  std::vector<std::vector<int64_t>> also(base.size());
  std::vector<double> acc(ctx.sentences.size(), 0);
  std::vector<uint32_t> touched;
  size_t outlets = 0;
  {
    std::vector<bool> seen(ctx.sites.size(), false);
    for (const StoryArticle& a : ctx.articles) {
      if (a.main_lang && !a.derived && !seen[a.site]) seen[a.site] = true, ++outlets;
    }
  }
  for (const uint32_t i : order) {
    const StorySentence& s = ctx.sentences[i];
    for (const uint32_t t : s.terms) {
      if (ctx.weight[t] <= 0) continue;
      for (const uint32_t j : ctx.postings[t]) {
        if (ctx.sentences[j].article == s.article) continue;
        if (acc[j] == 0) touched.push_back(j);
        acc[j] += ctx.weight[t];
      }
    }
    std::vector<uint32_t> sites;
    for (const uint32_t j : touched) {
      const double lighter = std::min(s.weight, ctx.sentences[j].weight);
      if (lighter > 0 && acc[j] >= 0.6 * options.redundancy * lighter &&
          ctx.SameFact(i, j, options.redundancy)) {
        const StoryArticle& other = ctx.articles[ctx.sentences[j].article];
        also[i].push_back(other.article->id);
        if (!other.derived && other.site != ctx.articles[s.article].site)
          sites.push_back(other.site);
      }
      acc[j] = 0;
    }
    touched.clear();
    std::sort(sites.begin(), sites.end());
    const size_t distinct = std::unique(sites.begin(), sites.end()) - sites.begin();
    if (outlets > 1)
      score[i] += options.weight_support * distinct / static_cast<double>(outlets - 1);
  }
  std::sort(order.begin(), order.end(), by_score(score));

  std::vector<uint32_t> chosen;
  std::vector<bool> said(ctx.weight.size(), false);  // terms of the chosen sentences
  const double union_share = options.redundancy;
  for (const uint32_t i : order) {
    if (chosen.size() >= static_cast<size_t>(options.sentences)) break;
    bool repeats = false;
    for (const uint32_t j : chosen) repeats = repeats || ctx.SameFact(i, j, options.redundancy);
    const StorySentence& s = ctx.sentences[i];
    double known = 0;
    bool new_anchor = false;  // a name, number or date the summary does not state yet
    for (const uint32_t t : s.terms) {
      known += said[t] ? ctx.weight[t] : 0;
      new_anchor |= !said[t] && ctx.term_kind[t] != StoryContext::kWord;
    }
    if (!new_anchor && s.weight > 0 && known >= union_share * s.weight) repeats = true;
    if (repeats) continue;
    chosen.push_back(i);
    for (const uint32_t t : s.terms) said[t] = true;
  }
  auto time_of = [&ctx](uint32_t i) {
    const int64_t t = ctx.articles[ctx.sentences[i].article].article->published;
    return t == kUnknownPublished ? std::numeric_limits<int64_t>::max() : t;
  };
  std::sort(chosen.begin(), chosen.end(), [&](uint32_t a, uint32_t b) {
    if (time_of(a) != time_of(b)) return time_of(a) < time_of(b);
    const int64_t ida = ctx.articles[ctx.sentences[a].article].article->id;
    const int64_t idb = ctx.articles[ctx.sentences[b].article].article->id;
    return ida != idb ? ida < idb : a < b;
  });
  std::vector<SummarySentence> out;
  for (const uint32_t i : chosen) {
    SummarySentence s;
    const AnalyzedSentence& as = ctx.Analyzed(i);
    s.text = std::string(ctx.Text(i));
    s.begin = as.begin;
    s.end = as.end;
    const int64_t own = ctx.articles[ctx.sentences[i].article].article->id;
    std::vector<int64_t> others = also[i];
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
    s.article_ids.push_back(own);
    for (const int64_t id : others) {
      if (id != own) s.article_ids.push_back(id);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace veille::summarize
