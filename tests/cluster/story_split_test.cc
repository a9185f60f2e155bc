// Story splits (ClusterOptions::story_splits, src/cluster/story_split.cc):
// a story that mixes two clear groups is split, the larger group keeps the
// id, a cohesive story never is, and the result is deterministic.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

#include "cluster/story_split.h"
#include "veille/cluster.h"

namespace veille {
namespace {

// A body of 6 terms shared by both groups (the kind of event), 14 of the
// doc's group and 10 of its own: pair cosine ~0.67 within a group, ~0.2
// across. No title, no entities, no time.
ClusterDoc GroupDoc(int64_t id, int group) {
  ClusterDoc d;
  d.id = id;
  std::vector<uint32_t> ids;
  for (uint32_t k = 0; k < 6; ++k) ids.push_back(k);
  for (uint32_t k = 0; k < 14; ++k) ids.push_back(100 + 100 * static_cast<uint32_t>(group) + k);
  for (uint32_t k = 0; k < 10; ++k) ids.push_back(10000 + static_cast<uint32_t>(id) * 20 + k);
  const float w = 1.0f / std::sqrt(static_cast<float>(ids.size()));
  for (uint32_t t : ids) d.body.terms.emplace_back(t, w);
  return d;
}

// Joins loose enough for the second group to join the first one's story.
ClusterOptions Mixing() {
  ClusterOptions o;
  o.join_threshold = 0.2;
  o.story_merge_threshold = 0;
  o.story_splits = true;
  return o;
}

TEST(StorySplit, BisectFindsTheTwoGroups) {
  std::vector<ClusterDoc> docs;
  for (int i = 0; i < 8; ++i) docs.push_back(GroupDoc(i + 1, i % 2));
  std::vector<const ClusterDoc*> m;
  for (const ClusterDoc& d : docs) m.push_back(&d);
  const cluster::Bisection b = cluster::BisectMembers(m, Mixing());
  ASSERT_EQ(b.side.size(), 8u);
  EXPECT_TRUE(b.split);
  for (size_t i = 0; i < 8; ++i) EXPECT_EQ(b.side[i] == b.side[0], i % 2 == 0) << i;
  EXPECT_LT(b.between, b.within[0]);
  // Too few members for two parts of split_min_part.
  m.resize(5);
  EXPECT_TRUE(cluster::BisectMembers(m, Mixing()).side.empty());
}

TEST(StorySplit, MixedStorySplitsAndTheLargerGroupKeepsItsId) {
  auto c = StoryClusterer::Create(Mixing()).value();
  std::vector<Assignment> out;
  // 5 docs of group 0, then 4 of group 1 joining them (score ~0.2 + the
  // short-text factor): the story reaches its second check size (9).
  for (int i = 0; i < 5; ++i) out.push_back(c->Add(GroupDoc(i + 1, 0)).value());
  for (int i = 5; i < 9; ++i) out.push_back(c->Add(GroupDoc(i + 1, 1)).value());
  const int64_t first = out[0].story_id;
  for (size_t i = 1; i < 8; ++i) ASSERT_EQ(out[i].story_id, first) << "doc " << i + 1 << " joins";
  ASSERT_EQ(out[8].splits.size(), 1u);
  const StorySplit& split = out[8].splits[0];
  EXPECT_EQ(split.from, first);
  EXPECT_GT(split.story_id, first);
  EXPECT_EQ(split.doc_ids, (std::vector<int64_t>{6, 7, 8, 9}));
  EXPECT_EQ(out[8].story_id, split.story_id);  // the arriving doc moved too
  ASSERT_EQ(c->splits().size(), 1u);
  EXPECT_EQ(c->splits()[0].doc_ids, split.doc_ids);
  for (int64_t d = 1; d <= 5; ++d) EXPECT_EQ(c->StoryOf(d).value(), first);
  for (int64_t d = 6; d <= 9; ++d) EXPECT_EQ(c->StoryOf(d).value(), split.story_id);
  const std::vector<StoryInfo> stories = c->Stories();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].doc_ids, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(stories[1].doc_ids, (std::vector<int64_t>{6, 7, 8, 9}));
  // Both centroids and index postings follow: new docs of each group join
  // their own group's story, and no merge undoes the split.
  Assignment a = c->Add(GroupDoc(10, 0)).value();
  Assignment b = c->Add(GroupDoc(11, 1)).value();
  EXPECT_EQ(a.story_id, first);
  EXPECT_EQ(b.story_id, split.story_id);
  EXPECT_TRUE(a.merged_story_ids.empty());
  EXPECT_TRUE(b.merged_story_ids.empty());
  EXPECT_TRUE(c->Profile(split.story_id, 8, 8).ok());
}

TEST(StorySplit, CohesiveStoryIsNeverSplit) {
  auto c = StoryClusterer::Create(Mixing()).value();
  for (int i = 0; i < 60; ++i) {
    const Assignment a = c->Add(GroupDoc(i + 1, 0)).value();
    EXPECT_TRUE(a.splits.empty()) << "doc " << i + 1;
  }
  EXPECT_TRUE(c->splits().empty());
  EXPECT_EQ(c->Stories().size(), 1u);
}

TEST(StorySplit, DeterministicAcrossRuns) {
  std::vector<ClusterDoc> docs;
  for (int i = 0; i < 40; ++i) docs.push_back(GroupDoc(i + 1, i % 3 == 0 ? 1 : 0));
  std::shuffle(docs.begin(), docs.end(), std::mt19937(7));
  auto run = [&] {
    auto c = StoryClusterer::Create(Mixing()).value();
    for (const ClusterDoc& d : docs) EXPECT_TRUE(c->Add(d).ok());
    std::map<int64_t, std::vector<int64_t>> out;
    for (const StoryInfo& s : c->Stories()) out[s.id] = s.doc_ids;
    std::vector<std::pair<int64_t, std::vector<int64_t>>> splits;
    for (const StorySplit& s : c->splits()) splits.emplace_back(s.story_id, s.doc_ids);
    return std::make_pair(out, splits);
  };
  const auto first = run();
  EXPECT_EQ(first, run());
  EXPECT_FALSE(first.second.empty());  // the mixed stream did split
}

TEST(StorySplit, InvalidOptionsAreRejected) {
  ClusterOptions o = Mixing();
  o.split_growth = 1;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  o = Mixing();
  o.split_min_part = 1;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
}

}  // namespace
}  // namespace veille
