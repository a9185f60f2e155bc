// StoryState: the dedup and cluster stages' per-process state held by the
// pipeline — a CopyLinker and a StoryClusterer fed one analysed article at a
// time, whose decisions (copy links, story memberships, merges, storylines)
// are written to the store in the transaction of the article. One owner
// thread, like the Store it writes to.
//
// Loading restores the stories still joinable (those whose last article is
// within the clusterer's time window of the newest stored article): their
// members' stored features are replayed with StoryClusterer::Restore and their
// texts into the CopyLinker, so the cost of Load is the window, not the base.
// An article is placed once, when its first analysed revision is stored;
// `veille recluster` rebuilds every story from the stored features.
//
// Summaries. A touched story is re-summarised at Flush when it has at most
// kAlwaysSummarized members (every member of a small story is in its
// summary), when it has no summary (new, or cleared by a merge or removal),
// when it absorbed a merged story, lost members to a split (the split-off
// story is new) or a member was revised, or when it grew by
// at least a quarter (kResummarizeGrowth) since its last summary (as known in
// this process, else as the stored summary's article_count says: a new
// process does not redo every big story it touches). Otherwise its new
// members wait: a big story is re-summarised O(log n) times as it grows to n
// members, so the summary work per article stays flat, and its stored
// summary lacks at most a fifth of its members (the story row's counts are
// always exact). SettleSummaries() summarises every story left waiting; the
// ingest pipeline calls it once at the end of a run.
#ifndef VEILLE_PIPELINE_STORY_STATE_H_
#define VEILLE_PIPELINE_STORY_STATE_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/cluster_doc.h"
#include "pipeline/member_cache.h"
#include "veille/analyze.h"
#include "veille/cluster.h"
#include "veille/config.h"
#include "veille/dedup.h"
#include "veille/entities.h"
#include "veille/store.h"
#include "veille/summarize.h"

namespace veille::pipeline {

// Summarises the stored story `story_id` from its members' stored articles
// and features and stores the summary and headline.
Status StoreSummary(Store& store, Summarizer& summarizer, int64_t story_id);

class StoryState {
 public:
  // Builds the clusterer and copy linker and restores the joinable stories
  // from `store`. `df` and `registry` are the AnalysisState's (borrowed: they
  // must outlive this object, as must `store`).
  static Result<std::unique_ptr<StoryState>> Load(const StoryOptions& options, Store& store,
                                                  const DocumentFrequencies& df,
                                                  const EntityRegistry& registry);
  StoryState(const StoryState&) = delete;
  StoryState& operator=(const StoryState&) = delete;

  // Places the article whose features were just stored: copy links, then its
  // story (merging stories when it bridges them; moving members to a new
  // story when the clusterer splits one). Does nothing for an article
  // already placed. REQUIRES: inside the transaction that stored it.
  Status Add(int64_t article_id, const Article& article, const AnalyzedArticle& features,
             int64_t time);
  // Summarises the touched stories and links them into storylines.
  // REQUIRES: inside the transaction, just before Commit.
  Status Flush();
  void Committed() { touched_.clear(); }
  // Whether some summaries wait for more members (see the header).
  bool has_waiting_summaries() const { return !waiting_.empty(); }
  // Summarises every waiting story (skipping the ones no longer stored or
  // merged away). REQUIRES: inside a transaction, no touched story (right
  // after Committed).
  Status SettleSummaries();
  // The waiting stories, handed over (a reload carries them to the next
  // state), and their adoption.
  std::set<int64_t> TakeWaiting() { return std::exchange(waiting_, {}); }
  void AddWaiting(std::set<int64_t> stories) { waiting_.merge(stories); }
  // The touched stories since the last Committed (for summaries).
  const std::set<int64_t>& touched() const { return touched_; }

 private:
  StoryState(const StoryOptions& options, Store& store, const DocumentFrequencies& df,
             const EntityRegistry& registry);
  Status Restore();
  Status Summarize(int64_t story_id);
  // Summarises `story_id` now or leaves it waiting, by the rule above.
  Status SummarizeIfChanged(int64_t story_id);
  // Stores the touched stories' profiles and links them, with the stored
  // stories that share a central entity with them (of any age), into
  // storylines: linked storylines merge into the smallest id.
  Status LinkTouched();
  // The summarizer's view of a member (cached; read from the store if not).
  Result<const SummaryArticle*> MemberArticle(const StoryMemberView& member);
  void Remember(SummaryArticle article);

  static constexpr size_t kMaxCachedArticles = 20000;

  const StoryOptions options_;
  Store& store_;
  const EntityRegistry& registry_;
  ClusterDocBuilder builder_;
  std::unique_ptr<CopyLinker> linker_;
  std::unique_ptr<StoryClusterer> clusterer_;
  std::set<int64_t> touched_;
  // Members of each story at its last summary (absent: not known in this
  // process yet, then read from the stored summary; kRedo: its summary must
  // be redone), and the stories whose summary lacks members that joined
  // since.
  static constexpr int64_t kRedo = 0;
  std::unordered_map<int64_t, int64_t> summarized_;
  std::set<int64_t> waiting_;
  Summarizer summarizer_;
  // Members' summary inputs, bounded (least recently used evicted): each
  // story re-summarised after a new member reads the others from here.
  MemberCache articles_{kMaxCachedArticles};
};

}  // namespace veille::pipeline

#endif  // VEILLE_PIPELINE_STORY_STATE_H_
