// Summarize: what a story's articles say, in a few sentences with their
// sources — a headline, an extractive multi-source summary without repeated
// facts, the key entities, a timeline of dated facts and the outlets.
// Inputs are plain values the pipeline already stores (main text, dates and
// resolved entity mentions); outputs are plain values with a JSON form.
// SummarizeStory is thread-safe. A Summarizer (which caches per-article
// sentence analysis) is used from one thread at a time.
#ifndef VEILLE_SUMMARIZE_H_
#define VEILLE_SUMMARIZE_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "veille/analyze.h"
#include "veille/entities.h"
#include "veille/status.h"

namespace veille {

// A publication time that is not known.
inline constexpr int64_t kUnknownPublished = std::numeric_limits<int64_t>::min();

// One member article of a story, as stored.
struct SummaryArticle {
  int64_t id = 0;  // the store's article id; unique within a story
  std::string site;
  std::string url;
  std::string title;
  std::string text;  // Article::text: main text, paragraphs separated by blank lines
  std::string lang;  // ISO 639-1 ("" when unknown)
  int64_t published = kUnknownPublished;  // unix seconds
  int64_t copy_of = 0;  // id of the original when dedup linked this article as its copy
  // AnalyzedArticle::dates (offsets in `text`).
  std::vector<DateMention> dates;
  // AnalyzedArticle::entities.mentions after EntityRegistry::Add (entity_id
  // and canonical set; offsets in `title` or `text` per EntityMention::field).
  // Mentions with entity_id 0 are ignored.
  std::vector<EntityMention> entities;
};

struct SummarizeOptions {
  // Sentences in the summary (fewer when the story has fewer usable ones).
  int sentences = 5;
  // A sentence outside [min_words, max_words] words is never chosen: shorter
  // ones are captions and fragments, longer ones run-ons or lists.
  int min_words = 6;
  int max_words = 60;
  // Two sentences state the same fact when the weighted share of the
  // shorter one's terms (stems, entity ids, resolved dates, numbers) found
  // in the other reaches this. Lower drops more rewordings but also
  // distinct facts about the same actors.
  double redundancy = 0.5;
  // Salience weights: similarity to the story centroid, share of other
  // outlets stating the fact, lead position, key-entity coverage, recency.
  double weight_centrality = 1.0;
  double weight_support = 1.0;
  double weight_position = 0.6;
  double weight_entities = 0.5;
  double weight_recency = 0.2;
  // Entities listed (by number of articles naming them), timeline entries
  // (most attested dates first, then listed in date order), and distinct
  // facts kept per date.
  int key_entities = 10;
  int timeline = 12;
  int timeline_per_date = 2;

  // kInvalidInput naming the first bad setting.
  Status Validate() const;
};

struct SummarySentence {
  std::string text;  // a substring of the source article's text, verbatim
  // The article it was taken from first, then the others stating the same
  // fact (ascending ids).
  std::vector<int64_t> article_ids;
  uint32_t begin = 0;  // byte offsets of `text` in the first article's text
  uint32_t end = 0;
};

struct KeyEntity {
  int64_t id = 0;  // the EntityRegistry's canonical id
  std::string name;
  EntityKind kind = EntityKind::kOther;
  int64_t count = 0;                 // mentions in the story (titles and texts)
  std::vector<int64_t> article_ids;  // articles naming it, ascending
};

struct TimelineEntry {
  std::string date;  // DateMention::Iso(): "2019-04-25", "2019-W17", "2019-04", "2019"
  DateGranularity granularity = DateGranularity::kDay;
  std::string sentence;  // the sentence stating it, verbatim from the article's text
  int64_t article_id = 0;
  std::vector<int64_t> article_ids;  // article_id first, then others with the same date and fact
};

struct SummarySource {
  std::string site;
  int64_t first_published = kUnknownPublished;  // earliest of its articles
  std::vector<int64_t> article_ids;             // ascending
  // True when every article of this outlet is a copy (dedup) of another
  // outlet's article: a wire dispatch reprinted. copy_of lists the originals.
  bool is_copy = false;
  std::vector<int64_t> copy_of;
};

struct StorySummary {
  std::string headline;
  int64_t headline_article_id = 0;         // 0 when the story has no usable title
  std::string lang;                        // the story's main language
  std::vector<SummarySentence> sentences;  // chronological (article time, then position)
  std::vector<KeyEntity> entities;         // most widely named first
  std::vector<TimelineEntry> timeline;     // date order
  std::vector<SummarySource> sources;      // by first publication
  std::string first_source;                // site that published first ("" if no times)
  int64_t first_article_id = 0;
  int64_t article_count = 0;
};

// Summarises one story. Articles may come in any order; an empty story gives
// an empty summary. Deterministic: the same articles give the same summary.
// REQUIRES: options.Validate().ok(); article ids distinct.
StorySummary SummarizeStory(const std::vector<SummaryArticle>& articles,
                            const SummarizeOptions& options);

// The same with a cache of each article's sentence analysis (splitting,
// stemming: most of the cost), keyed by article id and a hash of its title,
// text and language, so that summarising a story again after new members
// only analyses the new ones. Not thread-safe; movable, not copyable.
class Summarizer {
 public:
  // Keeps the analysis of at most `max_cached_articles` articles (least
  // recently used evicted).
  explicit Summarizer(SummarizeOptions options, size_t max_cached_articles = 20000);
  ~Summarizer();
  Summarizer(Summarizer&&) noexcept;
  Summarizer& operator=(Summarizer&&) noexcept;
  Summarizer(const Summarizer&) = delete;
  Summarizer& operator=(const Summarizer&) = delete;

  StorySummary Summarize(const std::vector<SummaryArticle>& articles);
  size_t cached_articles() const;

 private:
  class Cache;
  SummarizeOptions options_;
  std::unique_ptr<Cache> cache_;
};

// The summary as one JSON object (format in docs/summarize.md), compact.
std::string SummaryToJson(const StorySummary& summary);
// Parses SummaryToJson's output back. kInvalidInput (with the reason) for
// text that is not such an object. Unknown keys are ignored.
Result<StorySummary> ParseSummaryJson(std::string_view json);

}  // namespace veille

#endif  // VEILLE_SUMMARIZE_H_
