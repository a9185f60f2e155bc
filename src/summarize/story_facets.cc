// Key entities, timeline and sources. The timeline groups the resolved date
// mentions (analyze's DateMention) by date, and within a date merges the
// mentions whose sentences state the same fact (StoryContext::SameFact), so
// "arrivé mercredi" in four outlets is one entry listing four articles.
// Facts attested by more articles are kept first. Covered by
// tests/summarize/summarize_test.cc and summarize_seeds_test.cc.
#include "summarize/story_facets.h"

#include <algorithm>
#include <limits>
#include <map>

namespace veille::summarize {
namespace {

int64_t TimeOrLast(int64_t t) {
  return t == kUnknownPublished ? std::numeric_limits<int64_t>::max() : t;
}

std::vector<int64_t> SortedUnique(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

std::vector<KeyEntity> KeyEntities(const StoryContext& ctx, const SummarizeOptions& options) {
  struct Tally {
    KeyEntity entity;
    std::map<std::string, int> names;
    int kinds[4] = {0, 0, 0, 0};
  };
  std::map<int64_t, Tally> tallies;
  for (const StoryArticle& a : ctx.articles) {
    for (const EntityMention& m : a.article->entities) {
      if (m.entity_id == 0) continue;
      Tally& t = tallies[m.entity_id];
      t.entity.id = m.entity_id;
      ++t.entity.count;
      t.entity.article_ids.push_back(a.article->id);
      ++t.names[m.canonical.empty() ? m.surface : m.canonical];
      ++t.kinds[static_cast<int>(m.kind) & 3];
    }
  }
  std::vector<KeyEntity> out;
  for (auto& [id, t] : tallies) {
    t.entity.article_ids = SortedUnique(std::move(t.entity.article_ids));
    int best = 0;
    for (const auto& [name, n] : t.names) {
      if (n > best) t.entity.name = name, best = n;
    }
    t.entity.kind = static_cast<EntityKind>(std::max_element(t.kinds, t.kinds + 4) - t.kinds);
    out.push_back(std::move(t.entity));
  }
  std::sort(out.begin(), out.end(), [](const KeyEntity& a, const KeyEntity& b) {
    if (a.article_ids.size() != b.article_ids.size())
      return a.article_ids.size() > b.article_ids.size();
    if (a.count != b.count) return a.count > b.count;
    return a.name != b.name ? a.name < b.name : a.id < b.id;
  });
  if (out.size() > static_cast<size_t>(options.key_entities)) out.resize(options.key_entities);
  return out;
}

std::vector<TimelineEntry> Timeline(const StoryContext& ctx, const SummarizeOptions& options) {
  struct Fact {
    const DateMention* date;
    uint32_t sentence;  // the representative: earliest article, first position
    std::vector<int64_t> articles;
  };
  // Mentions in reading order: article time, id, position.
  std::vector<uint32_t> order(ctx.articles.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&ctx](uint32_t a, uint32_t b) {
    const SummaryArticle& x = *ctx.articles[a].article;
    const SummaryArticle& y = *ctx.articles[b].article;
    if (TimeOrLast(x.published) != TimeOrLast(y.published))
      return TimeOrLast(x.published) < TimeOrLast(y.published);
    return x.id < y.id;
  });
  std::map<std::string, std::vector<Fact>> by_date;
  for (const uint32_t article_idx : order) {
    const StoryArticle& a = ctx.articles[article_idx];
    if (!a.main_lang) continue;
    for (const DateMention& d : a.article->dates) {
      const int k = ctx.SentenceOf(article_idx, d.begin);
      if (k < 0) continue;
      const AnalyzedSentence& s = ctx.Analyzed(k);
      if (s.flaw != SentenceFlaw::kNone || s.words > static_cast<uint32_t>(2 * options.max_words))
        continue;
      std::vector<Fact>& facts = by_date[d.Iso()];
      Fact* same = nullptr;
      for (Fact& f : facts) {
        if (f.sentence == static_cast<uint32_t>(k) ||
            ctx.SameFact(f.sentence, k, options.redundancy)) {
          same = &f;
          break;
        }
      }
      if (same != nullptr) {
        same->articles.push_back(a.article->id);
      } else if (!a.derived) {
        facts.push_back({&d, static_cast<uint32_t>(k), {a.article->id}});
      }
    }
  }
  std::vector<Fact> all;
  for (auto& [iso, facts] : by_date) {
    for (Fact& f : facts) f.articles = SortedUnique(std::move(f.articles));
    std::stable_sort(facts.begin(), facts.end(), [](const Fact& x, const Fact& y) {
      return x.articles.size() > y.articles.size();
    });
    if (facts.size() > static_cast<size_t>(options.timeline_per_date))
      facts.resize(options.timeline_per_date);
    for (Fact& f : facts) all.push_back(std::move(f));
  }
  std::stable_sort(all.begin(), all.end(), [](const Fact& x, const Fact& y) {
    return x.articles.size() > y.articles.size();
  });
  if (all.size() > static_cast<size_t>(options.timeline)) all.resize(options.timeline);
  auto key = [](const DateMention& d) {
    return static_cast<int64_t>(d.year) * 10000 + d.month * 100 + d.day;
  };
  std::stable_sort(all.begin(), all.end(),
                   [&](const Fact& x, const Fact& y) { return key(*x.date) < key(*y.date); });
  std::vector<TimelineEntry> out;
  for (const Fact& f : all) {
    TimelineEntry e;
    e.date = f.date->Iso();
    e.granularity = f.date->granularity;
    e.sentence = std::string(ctx.Text(f.sentence));
    e.article_id = ctx.articles[ctx.sentences[f.sentence].article].article->id;
    e.article_ids.push_back(e.article_id);
    for (const int64_t id : f.articles) {
      if (id != e.article_id) e.article_ids.push_back(id);
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<SummarySource> Sources(const StoryContext& ctx) {
  std::vector<SummarySource> out(ctx.sites.size());
  std::vector<bool> all_copies(ctx.sites.size(), true);
  for (const StoryArticle& a : ctx.articles) {
    SummarySource& s = out[a.site];
    s.site = ctx.sites[a.site];
    s.article_ids.push_back(a.article->id);
    const int64_t t = a.article->published;
    if (t != kUnknownPublished && (s.first_published == kUnknownPublished || t < s.first_published))
      s.first_published = t;
    const bool copy = a.article->copy_of != 0 && a.article->copy_of != a.article->id;
    all_copies[a.site] = all_copies[a.site] && copy;
    if (copy) s.copy_of.push_back(a.article->copy_of);
  }
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].article_ids = SortedUnique(std::move(out[i].article_ids));
    out[i].copy_of = SortedUnique(std::move(out[i].copy_of));
    out[i].is_copy = all_copies[i];
  }
  std::sort(out.begin(), out.end(), [](const SummarySource& a, const SummarySource& b) {
    if (TimeOrLast(a.first_published) != TimeOrLast(b.first_published))
      return TimeOrLast(a.first_published) < TimeOrLast(b.first_published);
    return a.site < b.site;
  });
  return out;
}

}  // namespace veille::summarize
