#include <gtest/gtest.h>

#include "veille/cluster.h"

namespace veille {
namespace {

StoryProfile P(int64_t id, std::vector<std::pair<uint32_t, float>> entities,
               std::vector<std::pair<uint32_t, float>> terms) {
  StoryProfile p;
  p.story_id = id;
  p.entities.terms = std::move(entities);
  p.terms.terms = std::move(terms);
  return p;
}

TEST(LinkStorylines, SharedCentralEntitiesAndTopicLinkAcrossYears) {
  // 7: Kim(1), Putin(2), Vladivostok(3); 8: Kim, Putin, Pyongyang(4); 9: other.
  std::vector<StoryProfile> stories = {
      P(8, {{1, 0.6f}, {2, 0.6f}, {4, 0.5f}}, {{10, 0.7f}, {11, 0.7f}}),
      P(7, {{1, 0.6f}, {2, 0.6f}, {3, 0.5f}}, {{10, 0.6f}, {12, 0.8f}}),
      P(9, {{5, 1.0f}}, {{20, 1.0f}}),
  };
  stories[0].first_time = 1718700000;  // 2024
  stories[1].first_time = 1556150000;  // 2019
  const auto lines = LinkStorylines(stories, StorylineOptions{});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].id, 7);
  EXPECT_EQ(lines[0].story_ids, (std::vector<int64_t>{7, 8}));
  EXPECT_EQ(lines[1].story_ids, (std::vector<int64_t>{9}));
}

TEST(LinkStorylines, OneSharedEntityIsNotEnough) {
  std::vector<StoryProfile> stories = {
      P(1, {{1, 0.9f}, {2, 0.4f}}, {{10, 1.0f}}),
      P(2, {{1, 0.9f}, {3, 0.4f}}, {{10, 1.0f}}),
  };
  EXPECT_EQ(LinkStorylines(stories, StorylineOptions{}).size(), 2u);
}

TEST(LinkStorylines, SameEntitiesDifferentTopicNotLinked) {
  std::vector<StoryProfile> stories = {
      P(1, {{1, 0.7f}, {2, 0.7f}}, {{10, 1.0f}}),
      P(2, {{1, 0.7f}, {2, 0.7f}}, {{11, 1.0f}}),
  };
  EXPECT_EQ(LinkStorylines(stories, StorylineOptions{}).size(), 2u);
}

}  // namespace
}  // namespace veille
