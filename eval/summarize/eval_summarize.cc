// eval/summarize: intrinsic quality of story summaries (no reference
// summaries exist for these sets) beside two lead baselines, on every gold
// story of ECB+ and on the seed story. Measured by the eval itself from the
// text, not from the summarizer's own scores:
//   redund  highest pairwise overlap of two summary sentences: share of the
//           smaller one's content stems (4+ letters, or numbers) in the
//           other, averaged over stories; pairs>=.5 counts such pairs
//   dupsrc  near-duplicates across outlets: sentences of other articles
//           overlapping a summary sentence >= 0.5, and the share of them
//           the summary lists as sources of that sentence (caught)
//   ent     share of the story's 5 most widely named canonical entities
//           named in the summary sentences
//   date    share of the story's dates named by 2+ articles (all when none
//           is) found in the summary sentences (stories with dates only)
//   main    share of summary sentences found verbatim in their article's
//           main text (must be 100 %)
//   outlets distinct outlets the summary sentences come from (first source)
// Baselines: lead (first sentences of the earliest article, then the next
// ones) and lead-each (the first sentence of each article, earliest first).
// Usage: eval_summarize [--sentences N] [--show] [--pairs]
//   --show prints each summary, --pairs the summary sentence pairs >= .5.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "seed_story.h"
#include "story_sets.h"
#include "veille/analyze.h"
#include "veille/summarize.h"

namespace veille::eval {
namespace {

constexpr double kNearDuplicate = 0.5;

struct Picked {  // one summary sentence: article index and byte span
  size_t article;
  uint32_t begin, end;
  std::string text;
  std::vector<int64_t> listed;  // article ids the summary lists for it
};

struct Scores {
  double stories = 0, redund = 0, pairs = 0, dup_found = 0, dup_caught = 0, ent = 0, date = 0,
         date_stories = 0, main_ok = 0, sentences = 0, outlets = 0;
  void Print(const char* name) const {
    std::printf(
        "  %-10s redund %.3f  pairs>=.5 %4.0f  dupsrc %5.0f caught %5.1f%%  ent %5.1f%%  "
        "date %5.1f%%  main %5.1f%%  outlets %.2f  sent/story %.2f\n",
        name, redund / stories, pairs, dup_found,
        dup_found > 0 ? 100 * dup_caught / dup_found : 0.0, 100 * ent / stories,
        date_stories > 0 ? 100 * date / date_stories : 0.0,
        sentences > 0 ? 100 * main_ok / sentences : 0.0, outlets / stories, sentences / stories);
  }
};

std::set<std::string> ContentTerms(std::string_view s, const std::string& lang) {
  std::set<std::string> out;
  for (const TextTerm& t : TextTerms(s, lang)) {
    if (t.number || t.term.size() >= 4) out.insert(t.term);
  }
  return out;
}

double Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const std::string& t : a) shared += b.count(t);
  return static_cast<double>(shared) / std::min(a.size(), b.size());
}

// Articles in time order (unknown last), then id.
std::vector<size_t> EarliestFirst(const std::vector<SummaryArticle>& articles) {
  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto t = [&](size_t i) {
    return articles[i].published == kUnknownPublished ? std::numeric_limits<int64_t>::max()
                                                      : articles[i].published;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return t(a) != t(b) ? t(a) < t(b) : articles[a].id < articles[b].id;
  });
  return order;
}

Picked Pick(const std::vector<SummaryArticle>& articles, size_t i, const SentenceBounds& b) {
  return {i, b.begin, b.end, articles[i].text.substr(b.begin, b.end - b.begin), {articles[i].id}};
}

std::vector<Picked> LeadEarliest(const std::vector<SummaryArticle>& articles, int n) {
  std::vector<Picked> out;
  for (const size_t i : EarliestFirst(articles)) {
    for (const SentenceBounds& b : SplitTextSentences(articles[i].text, articles[i].lang)) {
      if (out.size() >= static_cast<size_t>(n)) return out;
      out.push_back(Pick(articles, i, b));
    }
  }
  return out;
}

std::vector<Picked> LeadEach(const std::vector<SummaryArticle>& articles, int n) {
  std::vector<Picked> out;
  for (size_t round = 0; out.size() < static_cast<size_t>(n); ++round) {
    bool any = false;
    for (const size_t i : EarliestFirst(articles)) {
      const auto bounds = SplitTextSentences(articles[i].text, articles[i].lang);
      if (round >= bounds.size()) continue;
      any = true;
      if (out.size() < static_cast<size_t>(n)) out.push_back(Pick(articles, i, bounds[round]));
    }
    if (!any) break;
  }
  return out;
}

std::vector<Picked> FromSummary(const std::vector<SummaryArticle>& articles,
                                const StorySummary& summary) {
  std::vector<Picked> out;
  for (const SummarySentence& s : summary.sentences) {
    size_t i = 0;
    while (i < articles.size() && articles[i].id != s.article_ids.front()) ++i;
    out.push_back({i, s.begin, s.end, s.text, s.article_ids});
  }
  return out;
}

void Score(const std::vector<SummaryArticle>& articles, const std::vector<Picked>& picked,
           Scores* sc, bool show_pairs = false) {
  const std::string lang = articles.empty() ? "" : articles[0].lang;
  sc->stories += 1;
  std::vector<std::set<std::string>> terms;
  std::set<std::string> outlets;
  for (const Picked& p : picked) {
    terms.push_back(ContentTerms(p.text, lang));
    sc->sentences += 1;
    sc->main_ok +=
        p.article < articles.size() && articles[p.article].text.find(p.text) != std::string::npos;
    if (p.article < articles.size()) outlets.insert(articles[p.article].site);
  }
  sc->outlets += outlets.size();
  double worst = 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    for (size_t j = i + 1; j < terms.size(); ++j) {
      const double o = Overlap(terms[i], terms[j]);
      worst = std::max(worst, o);
      sc->pairs += o >= kNearDuplicate;
      if (show_pairs && o >= kNearDuplicate) {
        std::printf("   ~ %.2f  %.160s\n     / %.160s\n", o, picked[i].text.c_str(),
                    picked[j].text.c_str());
      }
    }
  }
  sc->redund += worst;
  // Near-duplicates of each summary sentence in other articles.
  for (size_t k = 0; k < picked.size(); ++k) {
    for (size_t i = 0; i < articles.size(); ++i) {
      if (i == picked[k].article) continue;
      bool dup = false;
      for (const SentenceBounds& b : SplitTextSentences(articles[i].text, articles[i].lang)) {
        const auto t =
            ContentTerms(std::string_view(articles[i].text).substr(b.begin, b.end - b.begin), lang);
        if (t.size() >= 3 && Overlap(terms[k], t) >= kNearDuplicate) dup = true;
        if (dup) break;
      }
      if (!dup) continue;
      sc->dup_found += 1;
      const auto& l = picked[k].listed;
      sc->dup_caught += std::find(l.begin(), l.end(), articles[i].id) != l.end();
    }
  }
  // Key entities and dates of the story, and those the summary names.
  std::map<int64_t, std::set<int64_t>> entity_articles;
  std::map<std::string, std::set<int64_t>> date_articles;
  std::set<int64_t> named_entities;
  std::set<std::string> named_dates;
  for (size_t i = 0; i < articles.size(); ++i) {
    for (const EntityMention& m : articles[i].entities) {
      if (m.entity_id != 0) entity_articles[m.entity_id].insert(articles[i].id);
    }
    for (const DateMention& d : articles[i].dates) date_articles[d.Iso()].insert(articles[i].id);
  }
  for (const Picked& p : picked) {
    if (p.article >= articles.size()) continue;
    for (const EntityMention& m : articles[p.article].entities) {
      if (m.field == EntityField::kText && m.entity_id != 0 && m.begin >= p.begin && m.end <= p.end)
        named_entities.insert(m.entity_id);
    }
    for (const DateMention& d : articles[p.article].dates) {
      if (d.begin >= p.begin && d.end <= p.end) named_dates.insert(d.Iso());
    }
  }
  std::vector<std::pair<size_t, int64_t>> ranked;
  for (const auto& [id, arts] : entity_articles) ranked.push_back({arts.size(), -id});
  std::sort(ranked.rbegin(), ranked.rend());
  const size_t key = std::min<size_t>(5, ranked.size());
  size_t covered = 0;
  for (size_t i = 0; i < key; ++i) covered += named_entities.count(-ranked[i].second);
  sc->ent += key > 0 ? static_cast<double>(covered) / key : 1.0;
  std::set<std::string> key_dates;
  for (const auto& [iso, arts] : date_articles) {
    if (arts.size() >= 2) key_dates.insert(iso);
  }
  if (key_dates.empty()) {
    for (const auto& [iso, arts] : date_articles) key_dates.insert(iso);
  }
  if (!key_dates.empty()) {
    size_t found = 0;
    for (const std::string& d : key_dates) found += named_dates.count(d);
    sc->date += static_cast<double>(found) / key_dates.size();
    sc->date_stories += 1;
  }
}

void Evaluate(const char* title, const std::vector<EvalStory>& stories,
              const SummarizeOptions& options, bool show, bool show_pairs) {
  Scores system, lead, lead_each;
  size_t articles = 0;
  for (const EvalStory& s : stories) {
    articles += s.articles.size();
    const StorySummary summary = SummarizeStory(s.articles, options);
    Score(s.articles, FromSummary(s.articles, summary), &system, show_pairs);
    Score(s.articles, LeadEarliest(s.articles, options.sentences), &lead);
    Score(s.articles, LeadEach(s.articles, options.sentences), &lead_each);
    if (show) {
      std::printf("[%s] %s\n", s.name.c_str(), summary.headline.c_str());
      for (const SummarySentence& x : summary.sentences) {
        std::printf("   -");
        for (const int64_t id : x.article_ids) std::printf(" %lld", static_cast<long long>(id));
        std::printf(": %s\n", x.text.c_str());
      }
      for (const TimelineEntry& t : summary.timeline)
        std::printf("   @ %s  %.100s\n", t.date.c_str(), t.sentence.c_str());
    }
  }
  std::printf("%s: %zu stories, %zu articles, %d sentences per summary\n", title, stories.size(),
              articles, options.sentences);
  system.Print("summarize");
  lead.Print("lead");
  lead_each.Print("lead-each");
}

int Main(int argc, char** argv) {
  SummarizeOptions options;
  bool show = false, pairs = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--sentences") == 0 && i + 1 < argc) {
      options.sentences = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--show") == 0) {
      show = true;
    } else if (std::strcmp(argv[i], "--pairs") == 0) {
      pairs = true;
    } else {
      std::fprintf(stderr, "usage: eval_summarize [--sentences N] [--show] [--pairs]\n");
      return 2;
    }
  }
  if (Status s = options.Validate(); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 2;
  }
  const std::string shared = VEILLE_SHARED_DIR;
  auto ecb = LoadEcbStories(shared + "/data/ecbplus_event_clusters");
  if (!ecb.ok()) {
    std::fprintf(stderr, "ECB+: %s\n", ecb.status().ToString().c_str());
    return 1;
  }
  Evaluate("ECB+ gold stories", *ecb, options, show, pairs);
  auto seeds = testing::LoadSeedStory(shared + "/seeds");
  if (!seeds.ok()) {
    std::fprintf(stderr, "seeds: %s\n", seeds.status().ToString().c_str());
    return 1;
  }
  Evaluate("Seed story (000 001 003 004)", {EvalStory{"seeds", std::move(*seeds)}}, options, show,
           pairs);
  return 0;
}

}  // namespace
}  // namespace veille::eval

int main(int argc, char** argv) { return veille::eval::Main(argc, argv); }
