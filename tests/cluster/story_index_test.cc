#include "cluster/story_index.h"

#include <gtest/gtest.h>

namespace veille::cluster {
namespace {

using Kind = StoryIndex::Kind;

TEST(StoryIndex, QueryRanksByAccumulatedWeight) {
  StoryIndex index;
  index.Add(Kind::kTerm, 1, 10);
  index.Add(Kind::kTerm, 2, 10);
  index.Add(Kind::kTerm, 1, 11);
  index.Add(Kind::kEntity, 1, 12);  // same key number, other kind
  index.Add(Kind::kTerm, 1, 10);    // no duplicate posting
  EXPECT_EQ(index.postings(), 4u);
  const auto got = index.Query(
      {{StoryIndex::Key(Kind::kTerm, 1), 1.0f}, {StoryIndex::Key(Kind::kTerm, 2), 0.5f}}, 5);
  EXPECT_EQ(got, (std::vector<uint32_t>{10, 11}));
}

TEST(StoryIndex, MoveStoryLeavesNoPostingOfTheMergedStory) {
  StoryIndex index;
  index.Add(Kind::kTerm, 1, 10);
  index.Add(Kind::kTerm, 2, 11);
  index.Add(Kind::kTerm, 1, 11);
  index.MoveStory(11, 10);
  EXPECT_EQ(index.postings(), 2u);
  const auto got = index.Query(
      {{StoryIndex::Key(Kind::kTerm, 1), 1.0f}, {StoryIndex::Key(Kind::kTerm, 2), 1.0f}}, 5);
  EXPECT_EQ(got, (std::vector<uint32_t>{10}));
  index.RemoveStory(10);
  EXPECT_EQ(index.postings(), 0u);
  EXPECT_TRUE(index.Query({{StoryIndex::Key(Kind::kTerm, 1), 1.0f}}, 5).empty());
}

}  // namespace
}  // namespace veille::cluster
