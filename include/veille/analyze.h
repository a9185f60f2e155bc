// Analyze: from one extracted Article to the features later stages use —
// stemmed term vectors (title and body), a SimHash and a MinHash signature with
// LSH band keys, resolved date mentions and (see below) named entities.
// An Analyzer is built once per process from AnalyzeOptions (it loads the
// stop-word lists and other data) and is then immutable: Analyze() may be
// called concurrently from any number of threads.
#ifndef VEILLE_ANALYZE_H_
#define VEILLE_ANALYZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "veille/article.h"
#include "veille/entities.h"
#include "veille/status.h"

namespace veille {

struct AnalyzeOptions {
  // Directory holding stopwords/<lang>.txt (and the entity gazetteers). Empty:
  // $VEILLE_DATA_DIR if set, else the source tree's data/ directory.
  std::string data_dir;
  // MinHash signature length and its LSH banding: bands * rows must equal
  // minhash_size. Pairs with Jaccard similarity above about
  // (1/bands)^(1/rows) (0.42 for 32 x 4) share a band key with probability
  // above one half.
  int minhash_size = 128;
  int lsh_bands = 32;
  int lsh_rows = 4;
  // Word shingle length for MinHash.
  int shingle_words = 5;
  bool find_dates = true;
  bool find_entities = true;
  // Entity recognition settings; an empty gazetteer_dir or alias_path means
  // <data_dir>/gazetteers and <data_dir>/aliases/aliases.tsv.
  EntityOptions entities;

  // kInvalidInput naming the first inconsistent setting.
  Status Validate() const;
};

// A term and its number of occurrences in one field, terms sorted bytewise.
struct TermCount {
  std::string term;  // stem of the case-folded word, accents removed
  uint32_t count = 0;
};
using TermVector = std::vector<TermCount>;

enum class DateGranularity : uint8_t { kDay, kWeek, kMonth, kYear };
// "day", "week", "month" or "year".
const char* DateGranularityName(DateGranularity g);

// A date expression found in the text and resolved to a calendar date.
struct DateMention {
  uint32_t begin = 0;  // byte offsets of the expression in Article::text
  uint32_t end = 0;
  int year = 0;
  int month = 0;  // 1..12; 0 when granularity is kYear
  int day = 0;    // 1..31; 0 when granularity is kMonth or kYear; the Monday for kWeek
  DateGranularity granularity = DateGranularity::kDay;
  bool relative = false;        // resolved against the reference date
  uint32_t sentence = 0;        // index of the sentence (SplitSentences order) in the text
  uint32_t sentence_begin = 0;  // byte offsets of that sentence in Article::text
  uint32_t sentence_end = 0;

  // "2019-04-25", "2019-W17" (ISO week), "2019-04" or "2019".
  std::string Iso() const;
};

// The features of one article. Plain value; what the pipeline stores.
struct AnalyzedArticle {
  std::string lang;        // language whose rules were applied (ISO 639-1; "" = none known)
  bool stemmed = false;    // a Snowball stemmer exists for `lang`
  TermVector title_terms;  // stop words removed
  TermVector body_terms;
  uint64_t simhash = 0;            // over body+title stemmed terms (see simhash.h)
  std::vector<uint32_t> minhash;   // options.minhash_size values; empty for a text with no words
  std::vector<uint64_t> lsh_keys;  // one key per band; empty when minhash is
  std::string reference_date;      // "YYYY-MM-DD" the relative dates were resolved against
  std::vector<DateMention> dates;  // in text order
  // Named entities of the title and text, resolved within the article
  // (include/veille/entities.h); the pipeline's EntityRegistry then assigns
  // their cross-article canonical ids. Empty when find_entities is off.
  ArticleEntities entities;

  // Approximate bytes these features occupy in memory.
  size_t FeatureBytes() const;
};

class Analyzer {
 public:
  virtual ~Analyzer() = default;

  // Builds an analyzer; kInvalidInput for bad options, kNotFound / kIoError
  // when a data file it needs cannot be read.
  static Result<std::unique_ptr<Analyzer>> Create(const AnalyzeOptions& options);

  // Analyzes `article`. Relative dates are resolved against
  // article.published, else `ingest_date` (ISO 8601; only the date part is
  // used); with neither, no relative date is resolved. Never fails: an
  // article with no text yields empty features.
  virtual AnalyzedArticle Analyze(const Article& article, std::string_view ingest_date) const = 0;
};

// A sparse vector: (term, weight) sorted by term, no duplicates.
using SparseVector = std::vector<std::pair<std::string, float>>;

// Document frequencies of terms over a growing collection, for IDF. Updated
// incrementally as articles arrive; saved and restored as (term, df) pairs
// plus the document count. Not thread-safe for writes (the pipeline owns it);
// const methods may run concurrently.
class DocumentFrequencies {
 public:
  // Counts one document containing each term of `terms` once.
  void AddDocument(const TermVector& terms);
  // Undoes AddDocument(terms) (an article replaced by its revision).
  void RemoveDocument(const TermVector& terms);

  int64_t document_count() const { return documents_; }
  int64_t DocumentFrequency(std::string_view term) const;
  // Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, always
  // >= 1 and finite, also for an unseen term or an empty collection.
  double Idf(std::string_view term) const;

  // Serialisation: the (term, df) pairs (df > 0) in no particular order, and
  // restoration from them; Restore replaces the current content.
  std::vector<std::pair<std::string, int64_t>> Entries() const;
  void Restore(int64_t document_count, const std::vector<std::pair<std::string, int64_t>>& entries);
  size_t term_count() const { return df_.size(); }

 private:
  int64_t documents_ = 0;
  std::unordered_map<std::string, int64_t> df_;
};

// TF-IDF weights (1 + ln tf) * idf of `terms`, L2-normalised (an empty
// vector stays empty).
SparseVector TfIdf(const TermVector& terms, const DocumentFrequencies& df);
// Cosine of two sparse vectors (dot product divided by the norms); 0 when
// either is empty.
double Cosine(const SparseVector& a, const SparseVector& b);
// Jaccard similarity estimated from two MinHash signatures of equal length
// (the fraction of equal positions); 0 when lengths differ or are zero.
double JaccardEstimate(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
// Hamming distance of two SimHash fingerprints (0..64).
int SimHashDistance(uint64_t a, uint64_t b);

// Sentence-level helpers for later stages (summaries). Thread-safe.
struct SentenceBounds {
  uint32_t begin = 0;  // byte offsets in the text; trailing spaces excluded
  uint32_t end = 0;
  uint32_t paragraph = 0;  // 0-based paragraph (blank-line separated) index
};
// The sentences of `text` (valid UTF-8) in order, split as Analyze splits
// them (DateMention::sentence and EntityMention::sentence index this list).
// `lang` is an ISO 639-1 code or tag ("fr", "fr-FR"), may be empty.
std::vector<SentenceBounds> SplitTextSentences(std::string_view text, std::string_view lang);

// One term of a text with the byte span of the word it comes from.
struct TextTerm {
  std::string term;  // as in TermVector: stemmed, accent-folded; a number as written
  uint32_t begin = 0;
  uint32_t end = 0;
  bool number = false;
};
// The terms of `text` in text order, made as the term vectors make them
// (elisions, one-letter words and one-digit numbers dropped) except that
// stop words are kept: the lists belong to the Analyzer. Empty for no words.
std::vector<TextTerm> TextTerms(std::string_view text, std::string_view lang);

}  // namespace veille

#endif  // VEILLE_ANALYZE_H_
