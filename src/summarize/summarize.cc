// Summarize's entry points: the per-article analysis (cached by the
// Summarizer), the story context, then headline, sentences, entities,
// timeline and sources, each from its own file.
#include <functional>
#include <list>
#include <unordered_map>

#include "summarize/headline.h"
#include "summarize/selector.h"
#include "summarize/sentence_analysis.h"
#include "summarize/story_context.h"
#include "summarize/story_facets.h"
#include "veille/summarize.h"

namespace veille {
namespace {

uint64_t ContentHash(const SummaryArticle& a) {
  const std::hash<std::string_view> h;
  uint64_t x = h(a.title);
  x = x * 0x9E3779B97F4A7C15ULL ^ h(a.text);
  x = x * 0x9E3779B97F4A7C15ULL ^ h(a.lang);
  return x;
}

StorySummary Build(const std::vector<SummaryArticle>& articles,
                   const std::vector<const summarize::ArticleAnalysis*>& analyses,
                   const SummarizeOptions& options) {
  StorySummary out;
  out.article_count = static_cast<int64_t>(articles.size());
  if (articles.empty()) return out;
  const summarize::StoryContext ctx(articles, analyses, options);
  out.lang = ctx.lang;
  summarize::Headline headline = summarize::ChooseHeadline(ctx);
  out.headline = std::move(headline.text);
  out.headline_article_id = headline.article_id;
  out.sentences = summarize::SelectSentences(ctx, options, summarize::BaseSalience(ctx, options));
  out.entities = summarize::KeyEntities(ctx, options);
  out.timeline = summarize::Timeline(ctx, options);
  out.sources = summarize::Sources(ctx);
  const SummaryArticle* first = nullptr;
  for (const SummaryArticle& a : articles) {
    if (a.published == kUnknownPublished) continue;
    if (first == nullptr || a.published < first->published ||
        (a.published == first->published && a.id < first->id)) {
      first = &a;
    }
  }
  if (first != nullptr) {
    out.first_source = first->site;
    out.first_article_id = first->id;
  }
  return out;
}

}  // namespace

Status SummarizeOptions::Validate() const {
  if (sentences < 1 || sentences > 100) return Status::InvalidInput("sentences must be in 1..100");
  if (min_words < 1 || max_words < min_words)
    return Status::InvalidInput("need 1 <= min_words <= max_words");
  if (!(redundancy > 0 && redundancy <= 1))
    return Status::InvalidInput("redundancy must be in (0, 1]");
  for (const double w :
       {weight_centrality, weight_support, weight_position, weight_entities, weight_recency}) {
    if (!(w >= 0)) return Status::InvalidInput("salience weights must be >= 0");
  }
  if (key_entities < 0 || timeline < 0 || timeline_per_date < 1)
    return Status::InvalidInput("key_entities, timeline must be >= 0, timeline_per_date >= 1");
  return Status::Ok();
}

namespace {

std::vector<summarize::ArticleText> TextsOf(const std::vector<const SummaryArticle*>& articles) {
  std::vector<summarize::ArticleText> texts;
  texts.reserve(articles.size());
  for (const SummaryArticle* a : articles) texts.push_back({a->title, a->text, a->lang});
  return texts;
}

}  // namespace

StorySummary SummarizeStory(const std::vector<SummaryArticle>& articles,
                            const SummarizeOptions& options) {
  std::vector<const SummaryArticle*> all;
  for (const SummaryArticle& a : articles) all.push_back(&a);
  const std::vector<summarize::ArticleAnalysis> analyses =
      summarize::AnalyzeArticleTexts(TextsOf(all));
  std::vector<const summarize::ArticleAnalysis*> views;
  for (const summarize::ArticleAnalysis& a : analyses) views.push_back(&a);
  return Build(articles, views, options);
}

// Least-recently-used map from article id to its analysis and content hash.
class Summarizer::Cache {
 public:
  explicit Cache(size_t capacity) : capacity_(capacity) {}

  // The cached analysis of `a`, or null (a stale entry is dropped).
  const summarize::ArticleAnalysis* Find(const SummaryArticle& a) {
    auto it = map_.find(a.id);
    if (it == map_.end()) return nullptr;
    if (it->second->hash == ContentHash(a)) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return &it->second->analysis;
    }
    lru_.erase(it->second);
    map_.erase(it);
    return nullptr;
  }

  // Caches `analysis` as `a`'s (not cached yet); the pointer stays valid
  // until the entry is evicted.
  const summarize::ArticleAnalysis* Put(const SummaryArticle& a,
                                        summarize::ArticleAnalysis analysis) {
    lru_.push_front({a.id, ContentHash(a), std::move(analysis)});
    map_[a.id] = lru_.begin();
    return &lru_.front().analysis;
  }

  // Evicts beyond capacity, sparing the `keep` most recent entries (the
  // story being summarised).
  void Trim(size_t keep) {
    while (lru_.size() > std::max(capacity_, keep)) {
      map_.erase(lru_.back().id);
      lru_.pop_back();
    }
  }
  size_t size() const { return lru_.size(); }

 private:
  struct Entry {
    int64_t id;
    uint64_t hash;
    summarize::ArticleAnalysis analysis;
  };
  size_t capacity_;
  std::list<Entry> lru_;  // most recent first; list nodes keep addresses stable
  std::unordered_map<int64_t, std::list<Entry>::iterator> map_;
};

Summarizer::Summarizer(SummarizeOptions options, size_t max_cached_articles)
    : options_(options), cache_(std::make_unique<Cache>(max_cached_articles)) {}
Summarizer::~Summarizer() = default;
Summarizer::Summarizer(Summarizer&&) noexcept = default;
Summarizer& Summarizer::operator=(Summarizer&&) noexcept = default;

StorySummary Summarizer::Summarize(const std::vector<SummaryArticle>& articles) {
  std::vector<const summarize::ArticleAnalysis*> views;
  views.reserve(articles.size());
  std::vector<const SummaryArticle*> missing;
  std::vector<size_t> missing_at;
  for (size_t i = 0; i < articles.size(); ++i) {
    views.push_back(cache_->Find(articles[i]));
    if (views.back() == nullptr) missing.push_back(&articles[i]), missing_at.push_back(i);
  }
  // New or revised members are analysed together (shared stemming).
  std::vector<summarize::ArticleAnalysis> fresh = summarize::AnalyzeArticleTexts(TextsOf(missing));
  for (size_t k = 0; k < missing.size(); ++k)
    views[missing_at[k]] = cache_->Put(*missing[k], std::move(fresh[k]));
  StorySummary out = Build(articles, views, options_);
  cache_->Trim(articles.size());
  return out;
}

size_t Summarizer::cached_articles() const { return cache_->size(); }

}  // namespace veille
