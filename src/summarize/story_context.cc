// Story context: interning, term weights and the inverted index.
//
// Weights. With no corpus statistics at hand (a stage gets none), a term's
// weight comes from the story itself: w(t) = ln((S + 1) / sf(t)), S the
// number of main-language sentences and sf(t) how many use t. Function
// words, used by most sentences, weigh almost nothing; a name used in a
// sentence out of five weighs ln 6/... about 1.6. The centroid weights a
// term by the share of (non-copy) articles using it as well: what many
// outlets say is what the story is about (MEAD's centroid, Radev et al.
// 2004, with story-local IDF).
//
// Same fact. Two sentences state the same fact when the weighted share of
// the lighter one's terms found in the other reaches `redundancy` — entity
// ids and resolved dates are terms too, so "Kim Jong-un est arrivé mercredi
// à Vladivostok" and "Le leader nord-coréen Kim Jong Un est arrivé à
// Vladivostok mercredi" share the entity, the date, "arriv" and the city
// whatever their wording — or, from 0.6 of it, when they share evidence of
// one fact: a resolved date and an entity, or a number and another name,
// number or date ("$1 million in damage to the Wasilla Bible Church" and
// "an estimated one million dollars ... Wasilla Bible Church": the rewording
// leaves few words in common, the amount and the church remain). Story-wide
// actors alone are not such evidence: every sentence of a story names them.
// Cost: a merge of two sorted lists.
#include "summarize/story_context.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace veille::summarize {
namespace {

constexpr double kDatedFactShare = 0.6;

// The index of the sentence of `analysis` containing byte `offset`, or -1.
int SentenceAt(const ArticleAnalysis& analysis, uint32_t offset) {
  const auto& s = analysis.sentences;
  auto it = std::upper_bound(s.begin(), s.end(), offset,
                             [](uint32_t o, const AnalyzedSentence& x) { return o < x.begin; });
  if (it == s.begin()) return -1;
  --it;
  return offset < it->end ? static_cast<int>(it - s.begin()) : -1;
}

std::string MainLanguage(const std::vector<SummaryArticle>& articles) {
  std::map<std::string, int> count;
  for (const SummaryArticle& a : articles) {
    if (!a.lang.empty()) ++count[a.lang];
  }
  std::string best;
  int best_count = 0;
  for (const auto& [lang, n] : count) {
    if (n > best_count) best = lang, best_count = n;
  }
  return best;
}

// Numbers ("5.6", "200") are fact evidence like names and dates.
StoryContext::TermKind KindOf(std::string_view term) {
  return !term.empty() && term[0] >= '0' && term[0] <= '9' ? StoryContext::kNumber
                                                           : StoryContext::kWord;
}

}  // namespace

uint32_t StoryContext::Intern(std::string_view term, TermKind kind) {
  auto [it, fresh] = ids_.try_emplace(std::string(term), static_cast<uint32_t>(ids_.size()));
  if (fresh) term_kind.push_back(kind);
  return it->second;
}

StoryContext::StoryContext(const std::vector<SummaryArticle>& in,
                           const std::vector<const ArticleAnalysis*>& analyses,
                           const SummarizeOptions& options) {
  lang = MainLanguage(in);
  std::unordered_map<int64_t, uint32_t> index_of;
  for (size_t i = 0; i < in.size(); ++i) index_of[in[i].id] = static_cast<uint32_t>(i);
  int64_t t_min = kUnknownPublished, t_max = kUnknownPublished;
  for (const SummaryArticle& a : in) {
    if (a.published == kUnknownPublished) continue;
    if (t_min == kUnknownPublished || a.published < t_min) t_min = a.published;
    if (t_max == kUnknownPublished || a.published > t_max) t_max = a.published;
  }
  std::map<std::string, uint32_t> site_ids;
  articles.resize(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    StoryArticle& a = articles[i];
    a.article = &in[i];
    a.analysis = analyses[i];
    a.main_lang = lang.empty() || in[i].lang == lang;
    a.derived = in[i].copy_of != 0 && in[i].copy_of != in[i].id && index_of.count(in[i].copy_of);
    auto [it, fresh] = site_ids.try_emplace(in[i].site, static_cast<uint32_t>(sites.size()));
    if (fresh) sites.push_back(in[i].site);
    a.site = it->second;
    if (in[i].published != kUnknownPublished && t_max > t_min)
      a.recency = static_cast<double>(in[i].published - t_min) / static_cast<double>(t_max - t_min);
    main_articles += a.main_lang && !a.derived;
  }

  // Sentences with their terms, entity and date pseudo-terms.
  std::vector<uint32_t> sentence_freq;
  std::vector<uint32_t> article_freq;
  std::vector<uint32_t> last_article;  // per term: last article counted + 1
  uint32_t main_sentences = 0;
  for (uint32_t article_idx = 0; article_idx < articles.size(); ++article_idx) {
    StoryArticle& a = articles[article_idx];
    const SummaryArticle& src = *a.article;
    first_sentence.push_back(static_cast<uint32_t>(sentences.size()));
    const size_t base = sentences.size();
    for (uint32_t k = 0; k < a.analysis->sentences.size(); ++k) {
      const AnalyzedSentence& as = a.analysis->sentences[k];
      StorySentence s;
      s.article = article_idx;
      s.sentence = k;
      for (const std::string& t : as.terms) s.terms.push_back(Intern(t, KindOf(t)));
      s.eligible = a.main_lang && as.flaw == SentenceFlaw::kNone &&
                   as.words >= static_cast<uint32_t>(options.min_words) &&
                   as.words <= static_cast<uint32_t>(options.max_words);
      sentences.push_back(std::move(s));
    }
    for (const std::string& t : a.analysis->title_terms) a.title_terms.push_back(Intern(t, kWord));
    std::map<int64_t, bool> named;
    for (const EntityMention& m : src.entities) {
      if (m.entity_id == 0) continue;
      const uint32_t id = Intern(
          "\x01"
          "e" +
              std::to_string(m.entity_id),
          kEntity);
      named[m.entity_id] = true;
      if (m.field == EntityField::kTitle) {
        a.title_terms.push_back(id);
        continue;
      }
      const int k = SentenceAt(*a.analysis, m.begin);
      if (k < 0) continue;
      sentences[base + k].terms.push_back(id);
      sentences[base + k].entities.push_back(m.entity_id);
    }
    if (a.main_lang && !a.derived) {
      for (const auto& [entity, unused] : named) ++entity_articles[entity];
    }
    for (const DateMention& d : src.dates) {
      const int k = SentenceAt(*a.analysis, d.begin);
      if (k < 0) continue;
      sentences[base + k].terms.push_back(
          Intern("\x01"
                 "d" +
                     d.Iso(),
                 kDate));
      ++sentences[base + k].dates;
    }
    std::sort(a.title_terms.begin(), a.title_terms.end());
    a.title_terms.erase(std::unique(a.title_terms.begin(), a.title_terms.end()),
                        a.title_terms.end());
    for (size_t i = base; i < sentences.size(); ++i) {
      StorySentence& s = sentences[i];
      std::sort(s.terms.begin(), s.terms.end());
      s.terms.erase(std::unique(s.terms.begin(), s.terms.end()), s.terms.end());
      std::sort(s.entities.begin(), s.entities.end());
      s.entities.erase(std::unique(s.entities.begin(), s.entities.end()), s.entities.end());
      if (!a.main_lang) continue;
      ++main_sentences;
      sentence_freq.resize(term_kind.size(), 0);
      article_freq.resize(term_kind.size(), 0);
      last_article.resize(term_kind.size(), 0);
      for (const uint32_t t : s.terms) {
        ++sentence_freq[t];
        if (!a.derived && last_article[t] != article_idx + 1) {
          last_article[t] = article_idx + 1;
          ++article_freq[t];
        }
      }
    }
  }
  sentence_freq.resize(term_kind.size(), 0);
  article_freq.resize(term_kind.size(), 0);
  weight.assign(term_kind.size(), 0);
  centroid.assign(term_kind.size(), 0);
  for (size_t t = 0; t < term_kind.size(); ++t) {
    if (sentence_freq[t] == 0) continue;
    weight[t] = std::log((main_sentences + 1.0) / sentence_freq[t]);
    if (main_articles > 0) centroid[t] = weight[t] * article_freq[t] / main_articles;
    centroid_norm += centroid[t] * centroid[t];
  }
  centroid_norm = std::sqrt(centroid_norm);
  postings.assign(term_kind.size(), {});
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    StorySentence& s = sentences[i];
    s.weight = TermsWeight(s.terms);
    if (!s.eligible) continue;
    for (const uint32_t t : s.terms) postings[t].push_back(i);
  }
}

std::string_view StoryContext::Text(uint32_t i) const {
  const AnalyzedSentence& s = Analyzed(i);
  return std::string_view(articles[sentences[i].article].article->text)
      .substr(s.begin, s.end - s.begin);
}

const AnalyzedSentence& StoryContext::Analyzed(uint32_t i) const {
  const StorySentence& s = sentences[i];
  return articles[s.article].analysis->sentences[s.sentence];
}

int StoryContext::SentenceOf(uint32_t article, uint32_t offset) const {
  const int k = SentenceAt(*articles[article].analysis, offset);
  return k < 0 ? -1 : static_cast<int>(first_sentence[article]) + k;
}

double StoryContext::TermsWeight(const std::vector<uint32_t>& terms) const {
  double w = 0;
  for (const uint32_t t : terms) w += t < weight.size() ? weight[t] : 0;
  return w;
}

double StoryContext::Overlap(const std::vector<uint32_t>& a, double weight_a,
                             const std::vector<uint32_t>& b, double weight_b) const {
  const double lighter = std::min(weight_a, weight_b);
  if (lighter <= 0) return 0;
  double shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      shared += weight[a[i]];
      ++i, ++j;
    }
  }
  return std::min(1.0, shared / lighter);
}

double StoryContext::Overlap(uint32_t i, uint32_t j) const {
  return Overlap(sentences[i].terms, sentences[i].weight, sentences[j].terms, sentences[j].weight);
}

bool StoryContext::SameFact(uint32_t i, uint32_t j, double redundancy) const {
  const double overlap = Overlap(i, j);
  if (overlap >= redundancy) return true;
  if (overlap < redundancy * kDatedFactShare) return false;
  bool date = false, entity = false, number = false;
  int anchors = 0;
  const auto& a = sentences[i].terms;
  const auto& b = sentences[j].terms;
  for (size_t x = 0, y = 0; x < a.size() && y < b.size();) {
    if (a[x] < b[y]) {
      ++x;
    } else if (b[y] < a[x]) {
      ++y;
    } else {
      date |= term_kind[a[x]] == kDate;
      entity |= term_kind[a[x]] == kEntity;
      number |= term_kind[a[x]] == kNumber;
      anchors += term_kind[a[x]] != kWord;
      ++x, ++y;
    }
  }
  return (date && entity) || (number && anchors >= 2);
}

}  // namespace veille::summarize
