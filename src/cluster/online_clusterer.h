// OnlineClusterer: the StoryClusterer behind StoryClusterer::Create (see
// online_clusterer.cc for the algorithm). Not thread-safe.
#ifndef VEILLE_CLUSTER_ONLINE_CLUSTERER_H_
#define VEILLE_CLUSTER_ONLINE_CLUSTERER_H_

#include <cstdint>
#include <deque>
#include <queue>
#include <unordered_map>
#include <vector>

#include "cluster/centroid.h"
#include "cluster/similarity.h"
#include "cluster/story_index.h"
#include "veille/cluster.h"

namespace veille::cluster {

class OnlineClusterer final : public StoryClusterer {
 public:
  OnlineClusterer(const ClusterOptions& options, int64_t first_story_id);

  Result<Assignment> Add(const ClusterDoc& doc) override;
  Status Restore(const ClusterDoc& doc, int64_t story_id) override;
  Result<Explanation> Explain(const ClusterDoc& doc, int64_t story_id) const override;
  Result<int64_t> StoryOf(int64_t doc_id) const override;
  std::vector<StoryInfo> Stories() const override;
  const std::vector<StoryMerge>& merges() const override { return merges_; }
  const std::vector<StorySplit>& splits() const override { return splits_; }
  std::vector<StoryProfile> Profiles(int top_terms, int top_entities) const override;
  Result<StoryProfile> Profile(int64_t story_id, int top_terms, int top_entities) const override;
  int64_t next_story_id() const override { return next_id_; }
  size_t live_docs() const override { return live_docs_; }

 private:
  struct Story {
    int64_t id = 0;
    bool merged = false;  // merged into another story: slot unused
    bool live = true;     // in the index (not retired)
    Centroid title, body, entities, places, persons;
    Centroid whole;  // WholeText of the members (cross_text only)
    int64_t first = kUnknownTime, last = kUnknownTime;
    uint64_t touched = 0;  // arrivals_ when a member last joined
    // Middle days of the members' event-date spans, ascending; the story's
    // event date is their median (a union would let one chained member
    // stretch it over both events it bridges).
    std::vector<int32_t> event_days;
    std::vector<int64_t> doc_ids;
    std::vector<int64_t> doc_times;  // parallel to doc_ids (first/last after a split)
    std::deque<ClusterDoc> recent;   // the last support_sample members
    int split_level = 0;             // SplitLevel of its size at the last split check
    // Ids of the stories split from it or it was split from: never merged
    // back (a later doc close to both would undo the split).
    std::vector<int64_t> apart;
    double join_score_sum = 0;  // the scores at which members joined (founder excluded)
    int join_count = 0;
    StoryProfile profile;  // frozen when retired (centroids freed)
  };

  // A candidate story scored against the arriving doc.
  struct Scored {
    double score;
    uint32_t slot;
    Explanation why;
  };

  Status Validate(const ClusterDoc& doc) const;
  // Mean score over all pairs of the two stories' recent members.
  double GroupAverage(const Story& a, const Story& b) const;
  // Story merges on change (ClusterOptions::story_merge_threshold): merges
  // the candidates of `scored` that agree with the story in `slot`; records
  // them in out->merged_story_ids. Returns the surviving slot.
  uint32_t MergeLinked(uint32_t slot, const std::vector<Scored>& scored, Assignment* out);
  uint32_t NewStory(int64_t id);
  void AddMember(uint32_t slot, const ClusterDoc& doc);
  // The score a doc needs against `story`: join_threshold, raised to
  // cohesion_ratio times the mean score at which its members joined.
  double Bar(const Story& story) const;
  SimilarityParts StoryParts(const ClusterDoc& doc, const Story& story) const;
  double ScoreStory(const ClusterDoc& doc, const Story& story, Explanation* why) const;
  // Scores of the doc against the story's recent members, best first.
  std::vector<double> MemberScores(const ClusterDoc& doc, const Story& story) const;
  // The larger of the centroid score and the member_rank-th member score;
  // fills why->supporting_members.
  double ScoreWithMembers(const ClusterDoc& doc, const Story& story, Explanation* why) const;
  std::vector<uint32_t> Candidates(const ClusterDoc& doc) const;
  bool ShouldMerge(const Story& a, const Story& b) const;
  void MergeInto(uint32_t into, uint32_t from);
  // Story splits (story_split.cc): how many check sizes (2 x split_min_part,
  // then x split_growth each) a story of `size` members has reached; the
  // check of the story in `slot` when it reached a new one; the move of its
  // recent members on side `moving` of `side` to a new story.
  int SplitLevel(size_t size) const;
  // Whether the stories in two slots were split apart (Story::apart).
  bool Apart(uint32_t a, uint32_t b) const;
  void MaybeSplit(uint32_t slot, Assignment* out);
  void SplitStory(uint32_t slot, const std::vector<uint8_t>& side, uint8_t moving, Assignment* out);
  static void AddEventDay(Story* story, int32_t day);
  // The story's median event day; false when no member has an event date.
  static bool EventDay(const Story& story, int32_t* day);
  void RetireOld(int64_t now);
  StoryProfile MakeProfile(const Story& story, int top_terms, int top_entities) const;

  ClusterOptions options_;
  int64_t next_id_;
  std::vector<Story> stories_;                        // by slot
  std::unordered_map<int64_t, uint32_t> id_to_slot_;  // story id -> slot
  std::unordered_map<int64_t, uint32_t> doc_to_slot_;
  StoryIndex index_;
  std::vector<StoryMerge> merges_;
  std::vector<StorySplit> splits_;
  int64_t clock_ = kUnknownTime;  // the latest doc time seen
  // (last time, slot) of live stories, oldest first; stale entries skipped.
  std::priority_queue<std::pair<int64_t, uint32_t>, std::vector<std::pair<int64_t, uint32_t>>,
                      std::greater<>>
      expiry_;
  // (touched, slot) of stories idle beyond the time window that wait for
  // retire_after_docs more arrivals before they are retired.
  std::priority_queue<std::pair<uint64_t, uint32_t>, std::vector<std::pair<uint64_t, uint32_t>>,
                      std::greater<>>
      idle_;
  uint64_t arrivals_ = 0;  // docs added or restored
  size_t live_docs_ = 0;
};

}  // namespace veille::cluster

#endif  // VEILLE_CLUSTER_ONLINE_CLUSTERER_H_
