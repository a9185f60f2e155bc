// Recluster (veille/pipeline.h): every story rebuilt from the stored
// features. Tested by tests/pipeline/story_pipeline_test.cc.
//
// 1. Read each analysed article's time, site and entities; count entity
//    document frequencies over all of them (the term DF is the store's).
// 2. Replay the articles in time order (then id) through a fresh clusterer
//    with temporary ids, keeping each one's explanation.
// 3. Give each new story an id: the old story it shares most members with,
//    when more than half of both stories' members are those shared (so a
//    story that barely changed keeps its id); else a new id above every id
//    used before. Nothing was written yet.
// 4. In one transaction: clear the old stories, write the memberships and
//    the storylines. A failure rolls everything back.
#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

#include "common/iso_time.h"
#include "pipeline/analysis_state.h"
#include "pipeline/story_state.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

struct Item {
  int64_t id = 0;
  int64_t revision = 0;
  int64_t time = 0;
  std::string site;
  std::vector<std::pair<int64_t, int64_t>> entities;
};

// Story id mapping of step 3. `fresh` is the next unused id.
std::unordered_map<int64_t, int64_t> KeepIds(
    const std::vector<StoryInfo>& stories, const std::unordered_map<int64_t, int64_t>& old_story_of,
    int64_t fresh, int64_t* kept) {
  std::unordered_map<int64_t, int64_t> old_size;
  for (const auto& [article, story] : old_story_of) ++old_size[story];
  std::unordered_map<int64_t, int64_t> id_of;
  std::unordered_map<int64_t, bool> taken;
  for (const StoryInfo& s : stories) {
    std::map<int64_t, int64_t> shared;  // old story -> members in common
    for (int64_t doc : s.doc_ids) {
      auto it = old_story_of.find(doc);
      if (it != old_story_of.end()) ++shared[it->second];
    }
    int64_t best = 0, best_count = 0;
    for (const auto& [old, count] : shared) {
      if (count > best_count) best = old, best_count = count;
    }
    const int64_t size = static_cast<int64_t>(s.doc_ids.size());
    if (best != 0 && 2 * best_count > size && 2 * best_count > old_size[best] && !taken[best]) {
      taken[best] = true;
      id_of[s.id] = best;
      ++*kept;
    } else {
      id_of[s.id] = fresh++;
    }
  }
  return id_of;
}

}  // namespace

Result<ReclusterReport> Recluster(const Config& config, const AnalysisResources& analysis,
                                  Store& store) {
  // Everything below runs in one transaction: another writer can neither
  // place an article between the reads and the rewrite nor see half of it.
  VEILLE_RETURN_IF_ERROR(store.Begin());
  ReclusterReport report;
  Status s = [&]() -> Status {
    StoryOptions no_stories = config.stories;
    no_stories.enabled = false;
    VEILLE_ASSIGN_OR_RETURN(auto state, pipeline::AnalysisState::Load(analysis, store, no_stories));

    // 1. What each analysed article needs, and the old memberships.
    std::vector<Item> items;
    VEILLE_RETURN_IF_ERROR(store.ForEachArticle([&](const StoredArticle& a) {
      Item item;
      item.id = a.id;
      item.revision = a.revision;
      int64_t ingested = 0;
      if (Result<std::string> iso = NormalizeIsoTime(a.ingested_at); iso.ok()) {
        ingested = IsoToUnixSeconds(*iso);
      }
      item.time = pipeline::ArticleTime(a.article, ingested);
      item.site = a.article.site;
      items.push_back(std::move(item));
      return Status::Ok();
    }));
    std::unordered_map<int64_t, int64_t> old_story_of;
    VEILLE_RETURN_IF_ERROR(store.ForEachRecentMember(std::numeric_limits<int64_t>::min(), 0,
                                                     [&](const StoryMember& m) {
                                                       old_story_of[m.article_id] = m.story_id;
                                                       return Status::Ok();
                                                     }));
    VEILLE_ASSIGN_OR_RETURN(const int64_t max_old_id, store.MaxStoryId());

    pipeline::ClusterDocBuilder builder(state->document_frequencies());
    for (Item& item : items) {
      VEILLE_ASSIGN_OR_RETURN(item.entities, store.GetArticleEntities(item.id));
      builder.Count(item.entities);
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return a.time != b.time ? a.time < b.time : a.id < b.id;
    });

    // 2. Replay.
    VEILLE_ASSIGN_OR_RETURN(auto clusterer, StoryClusterer::Create(config.stories.cluster, 1));
    std::unordered_map<int64_t, std::pair<double, std::string>> why_of;
    std::unordered_map<int64_t, const Item*> item_of;
    for (const Item& item : items) {
      Result<AnalyzedArticle> features = store.GetFeatures(item.id, item.revision);
      if (!features.ok()) {
        if (features.status().code() == StatusCode::kNotFound) continue;  // never analysed
        return features.status();
      }
      VEILLE_ASSIGN_OR_RETURN(
          const Assignment a,
          clusterer->Add(builder.Build(item.id, item.time, *features, item.entities)));
      why_of[item.id] = a.new_story
                            ? std::make_pair(0.0, std::string())
                            : std::make_pair(a.why.score, pipeline::ExplanationJson(
                                                              a.why, builder, state->registry()));
      item_of[item.id] = &item;
      ++report.articles;
    }

    // 3. Ids.
    const std::vector<StoryInfo> stories = clusterer->Stories();
    const std::unordered_map<int64_t, int64_t> id_of =
        KeepIds(stories, old_story_of, max_old_id + 1, &report.kept_ids);
    std::vector<StoryProfile> profiles =
        clusterer->Profiles(32, 16);  // storylines over the final stories
    for (StoryProfile& p : profiles) p.story_id = id_of.at(p.story_id);
    std::sort(profiles.begin(), profiles.end(),
              [](const StoryProfile& a, const StoryProfile& b) { return a.story_id < b.story_id; });
    const std::vector<Storyline> lines = LinkStorylines(profiles, config.stories.storylines);
    report.stories = static_cast<int64_t>(stories.size());
    report.storylines = static_cast<int64_t>(lines.size());

    // 4. Write.
    VEILLE_RETURN_IF_ERROR(store.ClearStories());
    for (const StoryInfo& story : stories) {
      for (int64_t doc : story.doc_ids) {
        StoryMember m;
        m.article_id = doc;
        m.story_id = id_of.at(story.id);
        m.time = item_of.at(doc)->time;
        m.site = item_of.at(doc)->site;
        const auto& [score, why] = why_of.at(doc);
        m.score = score;
        m.why_json = why;
        VEILLE_RETURN_IF_ERROR(store.PutStoryMember(m));
      }
    }
    std::vector<std::pair<int64_t, int64_t>> assignments;
    for (const Storyline& line : lines) {
      for (int64_t story : line.story_ids) assignments.emplace_back(story, line.id);
    }
    VEILLE_RETURN_IF_ERROR(store.SetStorylines(assignments));
    for (const StoryProfile& p : profiles) {
      VEILLE_RETURN_IF_ERROR(store.PutStoryProfile(pipeline::ToStoredProfile(p, builder)));
    }
    Summarizer summarizer(config.stories.summary);
    for (const StoryInfo& story : stories) {
      VEILLE_RETURN_IF_ERROR(pipeline::StoreSummary(store, summarizer, id_of.at(story.id)));
    }
    // Processes holding stories in memory reload them at their next write.
    return store.BumpWriteGeneration().status();
  }();
  if (s.ok()) s = store.Commit();
  if (!s.ok()) {
    (void)store.Rollback();
    return s.WithContext("recluster");
  }
  return report;
}

}  // namespace veille
