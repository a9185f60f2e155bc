#include "serve/catalog.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "common/iso_time.h"
#include "pipeline/story_state.h"
#include "veille/summarize.h"

namespace veille::serve {
namespace {

// Languages whose stems a plain-word query is expanded with.
constexpr const char* kStemLanguages[] = {"fr", "en", "de", "es", "it", "pt", "nl"};
constexpr auto kDfTtl = std::chrono::minutes(10);
constexpr auto kEntitiesTtl = std::chrono::minutes(1);
// Similar articles: distinctive terms queried, candidates re-ranked.
constexpr size_t kSimilarTerms = 10;
constexpr int64_t kSimilarCandidates = 60;
// Postings read per term for the similar-article candidates (the terms are
// in at most 2 % of the articles; a stem's prefix may match more).
constexpr int64_t kSimilarPostings = 1500;
// Two results this close (TF-IDF cosine) are the same text: one is shown.
constexpr double kSimilarSameText = 0.9;
// Similar stories: central entities looked up, stories taken per entity.
constexpr size_t kSimilarStoryEntities = 4;
constexpr int64_t kSimilarStoriesPerEntity = 12;

bool HasFtsSyntax(std::string_view q) {
  if (q.find_first_of("\"*():^{}+-") != std::string_view::npos) return true;
  for (std::string_view op : {"AND", "OR", "NOT", "NEAR"}) {
    for (size_t p = q.find(op); p != std::string_view::npos; p = q.find(op, p + 1)) {
      const bool start = p == 0 || q[p - 1] == ' ';
      const bool end = p + op.size() == q.size() || q[p + op.size()] == ' ';
      if (start && end) return true;
    }
  }
  return false;
}

// Words of a plain query: runs of letters/digits (any non-ASCII byte counts
// as a letter; FTS5's unicode61 tokenizer splits the rest).
std::vector<std::string> Words(std::string_view q) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : q) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      cur += c;
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string Quote(std::string_view term) {
  std::string out = "\"";
  for (char c : term) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A title compared as the same title: spaces collapsed, ASCII lowercased.
std::string TitleKey(std::string_view title) {
  std::string key;
  for (char c : title) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// Unix seconds of an article: published, else ingested (0 if neither parses).
int64_t ArticleTime(const StoredArticle& a) {
  for (const std::string* s : {&a.article.published, &a.ingested_at}) {
    Result<std::string> iso = NormalizeIsoTime(*s);
    if (iso.ok()) return IsoToUnixSeconds(*iso);
  }
  return 0;
}

TermVector MergedTerms(const ArticleTerms& f) {
  // The title counts twice: it names the event.
  std::vector<TermCount> all = f.body_terms;
  for (const TermCount& t : f.title_terms) all.push_back({t.term, t.count * 2});
  std::sort(all.begin(), all.end(),
            [](const TermCount& a, const TermCount& b) { return a.term < b.term; });
  TermVector merged;
  for (TermCount& t : all) {
    if (!merged.empty() && merged.back().term == t.term) {
      merged.back().count += t.count;
    } else {
      merged.push_back(std::move(t));
    }
  }
  return merged;
}

// Cosine of two profiles' term weights (each L2-normalised when stored).
double ProfileCosine(const StoredStoryProfile& a, const StoredStoryProfile& b) {
  std::unordered_map<std::string_view, float> weights;
  double na = 0, nb = 0, dot = 0;
  for (const auto& [term, w] : a.terms) {
    weights[term] = w;
    na += double(w) * w;
  }
  for (const auto& [term, w] : b.terms) {
    nb += double(w) * w;
    if (auto it = weights.find(term); it != weights.end()) dot += double(w) * it->second;
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

}  // namespace

Catalog::Catalog(const Config& config, const AnalysisResources* analysis)
    : config_(config), analysis_(analysis) {}

std::string Catalog::ExpandQuery(std::string_view q) const {
  if (HasFtsSyntax(q) || analysis_ == nullptr || analysis_->analyzer == nullptr) {
    return std::string(q);
  }
  std::string out;
  for (const std::string& word : Words(q)) {
    std::set<std::string> stems;
    for (const char* lang : kStemLanguages) {
      Article probe;
      probe.lang = lang;
      probe.text = word;
      const AnalyzedArticle f = analysis_->analyzer->Analyze(probe, "");
      if (f.stemmed && f.body_terms.size() == 1 && f.body_terms[0].term.size() >= 3) {
        stems.insert(f.body_terms[0].term);
      }
    }
    std::string part = Quote(word);
    for (const std::string& stem : stems) part += " OR " + Quote(stem) + "*";
    if (!out.empty()) out += ' ';
    out += stems.empty() ? part : "(" + part + ")";
  }
  return out.empty() ? std::string(q) : out;
}

Result<std::vector<SearchHit>> Catalog::Search(Store& store, const SearchRequest& r) const {
  const std::string query = ExpandQuery(r.q);
  const bool filtered = !r.lang.empty() || !r.site.empty() || r.storyline_id != 0 ||
                        r.since != std::numeric_limits<int64_t>::min() ||
                        r.until != std::numeric_limits<int64_t>::max();
  if (!filtered) {
    VEILLE_ASSIGN_OR_RETURN(std::vector<SearchHit> hits, store.Search(query, r.offset + r.limit));
    hits.erase(hits.begin(), hits.begin() + std::min<int64_t>(r.offset, hits.size()));
    return hits;
  }
  VEILLE_ASSIGN_OR_RETURN(std::vector<SearchHit> hits, store.Search(query, kMaxFilteredCandidates));
  std::vector<SearchHit> kept;
  int64_t skipped = 0;
  for (SearchHit& hit : hits) {
    if (static_cast<int64_t>(kept.size()) >= r.limit) break;
    Result<StoredArticle> a = store.GetArticle(hit.id);
    if (!a.ok()) continue;
    if (!r.lang.empty() && a->article.lang != r.lang) continue;
    if (!r.site.empty() && a->article.site != r.site) continue;
    const int64_t t = ArticleTime(*a);
    if (t < r.since || t > r.until) continue;
    if (r.storyline_id != 0) {
      Result<StoryMember> m = store.GetStoryMember(hit.id);
      if (!m.ok()) continue;
      Result<StoryRow> s = store.GetStory(m->story_id);
      if (!s.ok() || s->storyline_id != r.storyline_id) continue;
    }
    if (skipped++ < r.offset) continue;
    kept.push_back(std::move(hit));
  }
  return kept;
}

Result<std::shared_ptr<const DocumentFrequencies>> Catalog::Frequencies(Store& store) {
  uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (df_ != nullptr && Clock::now() - df_loaded_ < kDfTtl) return df_;
    generation = cache_generation_;
  }
  VEILLE_ASSIGN_OR_RETURN(DocumentFrequencySnapshot snap, store.LoadDocumentFrequencies());
  auto df = std::make_shared<DocumentFrequencies>();
  df->Restore(snap.documents, snap.terms);
  std::lock_guard<std::mutex> lock(cache_mu_);
  // Read before a write that landed meanwhile: used once, not kept.
  if (generation != cache_generation_) return std::shared_ptr<const DocumentFrequencies>(df);
  df_ = std::move(df);
  df_loaded_ = Clock::now();
  return df_;
}

Result<std::vector<SimilarArticle>> Catalog::Similar(Store& store, int64_t article_id,
                                                     int64_t limit) {
  VEILLE_ASSIGN_OR_RETURN(std::vector<ArticleTerms> self, store.GetArticleTerms({article_id}));
  if (self.empty()) {
    // Unknown (kNotFound), or stored but not analysed (nothing similar).
    VEILLE_RETURN_IF_ERROR(store.GetArticle(article_id).status());
    return std::vector<SimilarArticle>();
  }
  VEILLE_ASSIGN_OR_RETURN(std::shared_ptr<const DocumentFrequencies> df, Frequencies(store));
  const SparseVector vec = TfIdf(MergedTerms(self.front()), *df);
  // The heaviest terms that are distinctive (in at most 2% of the articles,
  // so that their postings stay short).
  const int64_t max_df = std::max<int64_t>(20, df->document_count() / 50);
  std::vector<std::pair<float, std::string>> ranked;
  for (const auto& [term, weight] : vec) {
    if (term.size() >= 3 && df->DocumentFrequency(term) <= max_df) ranked.push_back({weight, term});
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.size() > kSimilarTerms) ranked.resize(kSimilarTerms);
  if (ranked.empty()) return std::vector<SimilarArticle>();
  // Its copy group: its copies, or when it is a copy, its original and the
  // original's other copies.
  std::unordered_set<int64_t> excluded = {article_id};
  VEILLE_ASSIGN_OR_RETURN(std::vector<CopyLinkRow> copies, store.ListCopies(article_id));
  for (const CopyLinkRow& c : copies) {
    excluded.insert(c.original_id);
    excluded.insert(c.copy_id);
    if (c.copy_id == article_id) {
      VEILLE_ASSIGN_OR_RETURN(std::vector<CopyLinkRow> siblings, store.ListCopies(c.original_id));
      for (const CopyLinkRow& sibling : siblings) excluded.insert(sibling.copy_id);
    }
  }
  // Candidates: the articles holding the most weight of those terms, summed
  // term at a time over each term's newest postings (no ranking query), then
  // re-ranked by the TF-IDF cosine of their stored term vectors (no text).
  std::unordered_map<int64_t, float> overlap;
  for (const auto& [weight, term] : ranked) {
    VEILLE_ASSIGN_OR_RETURN(std::vector<int64_t> matches,
                            store.MatchIds(Quote(term) + "*", kSimilarPostings));
    for (int64_t id : matches) overlap[id] += weight;
  }
  std::vector<std::pair<float, int64_t>> candidates;
  candidates.reserve(overlap.size());
  for (const auto& [id, weight] : overlap) {
    if (excluded.count(id) == 0) candidates.emplace_back(weight, id);
  }
  const auto better = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second > b.second;  // then newer
  };
  const size_t keep = std::min<size_t>(candidates.size(), kSimilarCandidates);
  std::partial_sort(candidates.begin(), candidates.begin() + keep, candidates.end(), better);
  std::vector<int64_t> ids;
  for (size_t i = 0; i < keep; ++i) ids.push_back(candidates[i].second);
  VEILLE_ASSIGN_OR_RETURN(std::vector<ArticleTerms> others, store.GetArticleTerms(ids));
  struct Scored {
    SimilarArticle article;
    SparseVector vec;
  };
  std::vector<Scored> scored;
  for (ArticleTerms& other : others) {
    SparseVector other_vec = TfIdf(MergedTerms(other), *df);
    const double score = Cosine(vec, other_vec);
    if (score <= 0) continue;
    scored.push_back({{other.id, std::move(other.title), std::move(other.site),
                       std::move(other.published), score},
                      std::move(other_vec)});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.article.score != b.article.score ? a.article.score > b.article.score
                                              : a.article.id < b.article.id;
  });
  // One article per text: a result nearly identical to a better one, or
  // under the same title (the same dispatch elsewhere, not linked as a copy
  // of this article), is left out, so that the list shows different articles.
  std::vector<SimilarArticle> out;
  std::vector<const SparseVector*> kept;
  std::set<std::string> titles;
  for (Scored& s : scored) {
    if (static_cast<int64_t>(out.size()) >= limit) break;
    const std::string title = TitleKey(s.article.title);
    const bool repeat = (!title.empty() && titles.count(title) > 0) ||
                        std::any_of(kept.begin(), kept.end(), [&](const SparseVector* k) {
                          return Cosine(*k, s.vec) >= kSimilarSameText;
                        });
    if (repeat) continue;
    kept.push_back(&s.vec);
    titles.insert(title);
    out.push_back(std::move(s.article));
  }
  return out;
}

Result<std::vector<SimilarStory>> Catalog::SimilarStories(Store& store, int64_t story_id,
                                                          int64_t limit) {
  Result<StoredStoryProfile> self = store.GetStoryProfile(story_id);
  if (!self.ok()) {
    if (self.status().code() == StatusCode::kNotFound) return std::vector<SimilarStory>();
    return self.status();
  }
  // Candidates: the stories holding one of its heaviest central entities
  // (story_entities, heaviest first), each profile compared by terms.
  std::set<int64_t> candidates;
  for (size_t i = 0; i < self->entities.size() && i < kSimilarStoryEntities; ++i) {
    VEILLE_ASSIGN_OR_RETURN(
        std::vector<int64_t> ids,
        store.FindStoriesByEntities({self->entities[i].first}, kSimilarStoriesPerEntity));
    candidates.insert(ids.begin(), ids.end());
  }
  candidates.erase(story_id);
  std::vector<std::pair<double, int64_t>> scored;
  for (int64_t id : candidates) {
    Result<StoredStoryProfile> other = store.GetStoryProfile(id);
    if (!other.ok()) continue;
    const double score = ProfileCosine(*self, *other);
    if (score > 0) scored.emplace_back(score, id);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<SimilarStory> out;
  for (const auto& [score, id] : scored) {
    if (static_cast<int64_t>(out.size()) >= limit) break;
    Result<StoryRow> row = store.GetStory(id);
    if (!row.ok() || row->merged_into != 0 || row->article_count == 0) continue;
    out.push_back({std::move(row).value(), score});
  }
  return out;
}

Result<std::shared_ptr<const std::vector<EntitySummary>>> Catalog::Entities(Store& store) {
  uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (entities_ != nullptr && Clock::now() - entities_loaded_ < kEntitiesTtl) return entities_;
    generation = cache_generation_;
  }
  VEILLE_ASSIGN_OR_RETURN(std::vector<EntitySummary> list, store.ListEntities());
  auto shared = std::make_shared<const std::vector<EntitySummary>>(std::move(list));
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (generation != cache_generation_) return shared;  // predates a write: not kept
  entities_ = shared;
  entities_loaded_ = Clock::now();
  return shared;
}

void Catalog::ForgetCaches() {
  std::lock_guard<std::mutex> lock(cache_mu_);
  df_.reset();
  entities_.reset();
  ++cache_generation_;
}

Result<IngestReport> Catalog::Ingest(std::string_view name, std::string bytes) {
  if (analysis_ == nullptr) return Status::Unsupported("this server was started without ingest");
  std::lock_guard<std::mutex> lock(write_mu_);
  if (writer_ == nullptr) {
    VEILLE_ASSIGN_OR_RETURN(writer_, OpenSqliteStore(config_.db_path, config_.store));
  }
  if (ingest_ == nullptr) ingest_ = std::make_unique<IngestSession>(config_, *analysis_, *writer_);
  IngestReport report;
  try {
    report.summary = ingest_->Ingest(name, std::move(bytes), [&](const IngestEvent& e) {
      if (report.events.size() < IngestReport::kMaxEvents) report.events.push_back(e);
    });
  } catch (const std::exception& e) {
    // Closing the connection rolls back whatever transaction it had open;
    // the next write opens a new one (and loads a new ingest state). Earlier
    // batches may have committed.
    ingest_.reset();
    writer_.reset();
    ForgetCaches();
    return Status::Internal(fmt::format("ingest of '{}' failed: {}", name, e.what()));
  }
  ForgetCaches();
  return report;
}

Status Catalog::Delete(int64_t article_id) {
  std::lock_guard<std::mutex> lock(write_mu_);
  if (writer_ == nullptr) {
    VEILLE_ASSIGN_OR_RETURN(writer_, OpenSqliteStore(config_.db_path, config_.store));
  }
  try {
    VEILLE_RETURN_IF_ERROR(DeleteLocked(article_id));
  } catch (const std::exception& e) {
    ingest_.reset();
    writer_.reset();  // rolls back the open transaction
    return Status::Internal(fmt::format("delete of article {} failed: {}", article_id, e.what()));
  }
  ForgetCaches();
  return Status::Ok();
}

Status Catalog::DeleteLocked(int64_t article_id) {
  // The deletion and the re-summary of the article's story (DeleteArticle
  // clears it) in one transaction.
  VEILLE_RETURN_IF_ERROR(writer_->Begin());
  Result<StoryMember> member = writer_->GetStoryMember(article_id);
  Status s = writer_->DeleteArticle(article_id);
  if (s.ok() && member.ok()) {
    Summarizer summarizer(config_.stories.summary);
    s = pipeline::StoreSummary(*writer_, summarizer, member->story_id);
  }
  // Other writers (watch, ingest) reload their in-memory stories.
  if (s.ok()) s = writer_->BumpWriteGeneration().status();
  if (s.ok()) s = writer_->Commit();
  if (!s.ok()) (void)writer_->Rollback();
  return s;
}

}  // namespace veille::serve
