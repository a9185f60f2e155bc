// The Analyzer: runs the analysis steps over one article, in order —
// tokenize title and body, term vectors (stemmed, stop words removed),
// SimHash, word-shingle MinHash and its LSH keys, sentences, dates and named
// entities. The text is tokenized and split into sentences once; every step
// reads those.
#include <cstdlib>

#include "analyze/civil_date.h"
#include "analyze/dates.h"
#include "analyze/entity_gazetteer.h"
#include "analyze/entity_recognizer.h"
#include "analyze/minhash.h"
#include "analyze/sentence_splitter.h"
#include "analyze/simhash.h"
#include "analyze/stemmer.h"
#include "analyze/stopwords.h"
#include "analyze/term_vector.h"
#include "analyze/tokenizer.h"
#include "veille/analyze.h"

#ifndef VEILLE_DEFAULT_DATA_DIR
#define VEILLE_DEFAULT_DATA_DIR "data"
#endif

namespace veille {
namespace {

// "fr-FR" / "FR" -> "fr"; "" when not a two-letter code.
std::string LanguageCode(std::string_view tag) {
  std::string code;
  for (const char c : tag) {
    if (c == '-' || c == '_') break;
    const char l = static_cast<char>(c | 0x20);
    if (l < 'a' || l > 'z') return "";
    code.push_back(l);
  }
  return code.size() == 2 ? code : "";
}

// The number of UTF-8 code points of `s`.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class AnalyzerImpl final : public Analyzer {
 public:
  AnalyzerImpl(const AnalyzeOptions& options, analyze::StopWords stop_words,
               std::unique_ptr<const EntityResources> entity_resources)
      : options_(options),
        stop_words_(std::move(stop_words)),
        hasher_(options.minhash_size),
        entity_resources_(std::move(entity_resources)) {}

  AnalyzedArticle Analyze(const Article& article, std::string_view ingest_date) const override {
    AnalyzedArticle out;
    out.lang = LanguageCode(article.lang);
    out.stemmed = !out.lang.empty() && analyze::HasStemmer(out.lang);
    const std::vector<analyze::Token> title = analyze::Tokenize(article.title, out.lang);
    const std::vector<analyze::Token> body = analyze::Tokenize(article.text, out.lang);
    out.title_terms = analyze::BuildTermVector(title, out.lang, &stop_words_);
    out.body_terms = analyze::BuildTermVector(body, out.lang, &stop_words_);
    out.simhash = analyze::SimHash(out.title_terms, out.body_terms);
    const std::vector<uint64_t> shingles =
        analyze::ShingleHashes(body.empty() ? title : body, options_.shingle_words);
    out.minhash = hasher_.Signature(shingles);
    out.lsh_keys = analyze::LshKeys(out.minhash, options_.lsh_bands, options_.lsh_rows);

    std::optional<analyze::CivilDate> reference = analyze::ParseIsoDate(article.published);
    if (!reference) reference = analyze::ParseIsoDate(ingest_date);
    if (reference) out.reference_date = analyze::FormatIsoDate(*reference);
    // One tokenization and one sentence split serve every step: term
    // vectors, shingles, dates and entities.
    const bool entities = entity_resources_ != nullptr;
    std::vector<analyze::SentenceSpan> sentences;
    if ((options_.find_dates || entities) && !article.text.empty())
      sentences = analyze::SplitSentences(article.text, out.lang);
    if (options_.find_dates && !article.text.empty())
      out.dates = analyze::FindDates(article.text, body, sentences, out.lang, reference);
    if (entities) {
      std::vector<analyze::SentenceSpan> title_sentences;
      if (!article.title.empty())
        title_sentences = analyze::SplitSentences(article.title, out.lang);
      out.entities = analyze::RecognizeFieldEntities(analyze::AsGazetteer(*entity_resources_),
                                                     {article.title, &title, &title_sentences},
                                                     {article.text, &body, &sentences}, out.lang);
    }
    return out;
  }

 private:
  AnalyzeOptions options_;
  analyze::StopWords stop_words_;
  analyze::MinHasher hasher_;
  std::unique_ptr<const EntityResources> entity_resources_;  // null: entities off
};

}  // namespace

Status AnalyzeOptions::Validate() const {
  if (minhash_size <= 0 || minhash_size > 4096)
    return Status::InvalidInput("minhash_size must be in 1..4096");
  if (lsh_bands <= 0 || lsh_rows <= 0 || lsh_bands * lsh_rows != minhash_size) {
    return Status::InvalidInput("lsh_bands * lsh_rows must equal minhash_size");
  }
  if (shingle_words <= 0 || shingle_words > 32)
    return Status::InvalidInput("shingle_words must be in 1..32");
  return Status::Ok();
}

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const AnalyzeOptions& options) {
  VEILLE_RETURN_IF_ERROR(options.Validate());
  std::string dir = options.data_dir;
  if (dir.empty()) {
    const char* env = std::getenv("VEILLE_DATA_DIR");
    dir = env != nullptr && *env != '\0' ? env : VEILLE_DEFAULT_DATA_DIR;
  }
  analyze::StopWords stop_words;
  VEILLE_RETURN_IF_ERROR(stop_words.LoadDirectory(dir + "/stopwords"));
  AnalyzeOptions resolved = options;
  resolved.data_dir = dir;
  std::unique_ptr<const EntityResources> entity_resources;
  if (options.find_entities) {
    if (resolved.entities.gazetteer_dir.empty())
      resolved.entities.gazetteer_dir = dir + "/gazetteers";
    if (resolved.entities.alias_path.empty())
      resolved.entities.alias_path = dir + "/aliases/aliases.tsv";
    auto loaded = EntityResources::Load(resolved.entities);
    if (!loaded.ok()) return loaded.status();
    entity_resources = std::move(*loaded);
  }
  return std::unique_ptr<Analyzer>(
      new AnalyzerImpl(resolved, std::move(stop_words), std::move(entity_resources)));
}

std::vector<SentenceBounds> SplitTextSentences(std::string_view text, std::string_view lang) {
  std::vector<SentenceBounds> out;
  for (const analyze::SentenceSpan& s : analyze::SplitSentences(text, LanguageCode(lang)))
    out.push_back({s.begin, s.end, s.paragraph});
  return out;
}

std::vector<TextTerm> TextTerms(std::string_view text, std::string_view lang) {
  const std::string code = LanguageCode(lang);
  std::vector<TextTerm> out;
  // A text repeats its words: stem each distinct form once.
  std::unordered_map<std::string, std::string> terms;
  for (const analyze::Token& t : analyze::Tokenize(text, code)) {
    if (t.kind == analyze::TokenKind::kElision) continue;
    const bool number = t.kind == analyze::TokenKind::kNumber;
    if (number ? t.lower.size() < 2 : CodePoints(t.lower) < 2) continue;
    auto [it, fresh] = terms.try_emplace(t.lower);
    if (fresh) it->second = analyze::TermOf(t, code);
    out.push_back({it->second, t.begin, t.end, number});
  }
  return out;
}

size_t AnalyzedArticle::FeatureBytes() const {
  size_t n = sizeof(*this) + lang.size() + reference_date.size();
  for (const TermVector* v : {&title_terms, &body_terms}) {
    n += v->size() * sizeof(TermCount);
    for (const TermCount& t : *v) n += t.term.size() > 15 ? t.term.size() + 1 : 0;  // beyond SSO
  }
  n += minhash.size() * sizeof(uint32_t) + lsh_keys.size() * sizeof(uint64_t);
  n += dates.size() * sizeof(DateMention);
  n += entities.mentions.size() * sizeof(EntityMention) +
       entities.entities.size() * sizeof(LocalEntity);
  for (const EntityMention& m : entities.mentions)
    n += m.surface.size() + m.canonical.size() + m.cue.size();
  for (const LocalEntity& e : entities.entities) {
    n += e.name.size() + e.alias_of.size() + e.place_id.size() +
         e.candidates.size() * sizeof(int32_t);
  }
  return n;
}

}  // namespace veille
