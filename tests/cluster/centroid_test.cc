#include "cluster/centroid.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cluster/similarity.h"

namespace veille::cluster {
namespace {

IdVector V(std::vector<std::pair<uint32_t, float>> t) { return IdVector{std::move(t)}; }

TEST(Centroid, CosineWithSingleMemberEqualsPairCosine) {
  const IdVector a = V({{1, 0.6f}, {2, 0.8f}});
  const IdVector b = V({{2, 1.0f}});
  Centroid c;
  c.Add(a);
  EXPECT_NEAR(c.Cosine(b), Cosine(a, b), 1e-6);
  EXPECT_NEAR(c.Cosine(b), 0.8, 1e-6);
}

TEST(Centroid, MeanOfMembersAndMergeAgree) {
  const IdVector a = V({{1, 1.0f}});
  const IdVector b = V({{2, 1.0f}});
  Centroid ab;
  ab.Add(a);
  ab.Add(b);
  Centroid only_a, only_b;
  only_a.Add(a);
  only_b.Add(b);
  only_a.Merge(only_b);
  const IdVector probe = V({{1, 1.0f}, {2, 1.0f}});
  EXPECT_NEAR(ab.Cosine(probe), 1.0, 1e-6);
  EXPECT_NEAR(only_a.Cosine(probe), 1.0, 1e-6);
  EXPECT_NEAR(ab.norm(), std::sqrt(2.0), 1e-6);
  EXPECT_EQ(ab.count(), 2u);
  EXPECT_EQ(only_a.count(), 2u);  // merged members count
  Centroid none;
  none.Add(IdVector{});  // a zero vector adds no member
  EXPECT_EQ(none.count(), 0u);
}

// A member moved out (story splits): Add a, Add b, Subtract b is Add a, and
// the terms only b carried are gone, not left as float residue.
TEST(Centroid, SubtractUndoesAdd) {
  const IdVector a = V({{1, 0.6f}, {2, 0.8f}});
  const IdVector b = V({{2, 3.0f}, {3, 4.0f}});
  Centroid only_a;
  only_a.Add(a);
  Centroid c;
  c.Add(a);
  c.Add(b);
  c.Subtract(b);
  EXPECT_EQ(c.count(), 1u);
  EXPECT_EQ(c.size(), only_a.size());  // term 3 erased
  EXPECT_NEAR(c.norm(), only_a.norm(), 1e-6);
  const IdVector probe = V({{1, 1.0f}, {3, 1.0f}});
  EXPECT_NEAR(c.Cosine(probe), only_a.Cosine(probe), 1e-6);
  // Subtracting every member leaves an empty centroid; a zero vector is no member.
  c.Subtract(a);
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(c.count(), 0u);
  c.Subtract(IdVector{});
  EXPECT_EQ(c.count(), 0u);
}

TEST(Centroid, TopKeepsHeaviestNormalised) {
  Centroid c;
  c.Add(V({{1, 0.1f}, {5, 0.9f}, {9, 0.4f}}));
  const IdVector top = c.Top(2);
  ASSERT_EQ(top.terms.size(), 2u);
  EXPECT_EQ(top.terms[0].first, 5u);
  EXPECT_EQ(top.terms[1].first, 9u);
  EXPECT_NEAR(Norm(top), 1.0, 1e-6);
}

TEST(Similarity, ShortTextsAreBoostedLongTextsBarely) {
  ClusterOptions options;
  SimilarityParts headline{.has_title = true, .title = 0.3, .terms = 6};
  SimilarityParts article{.has_body = true, .body = 0.3, .terms = 300};
  Explanation why;
  const double h = CombineParts(headline, 0, options, &why);
  const double boost = options.short_text_boost;
  EXPECT_NEAR(why.length_factor, 1 + boost * 8.0 / 14.0, 1e-9);
  const double a = CombineParts(article, 0, options, nullptr);
  EXPECT_GT(h, a);
  EXPECT_NEAR(a, 0.3 * (1 + boost * 8.0 / 308.0), 1e-9);
  options.short_text_boost = 0;
  EXPECT_NEAR(CombineParts(headline, 0, options, nullptr), 0.3, 1e-9);
}

TEST(Similarity, TimeDecaysBeyondGrace) {
  ClusterOptions options;
  SimilarityParts p{.has_body = true, .body = 0.6, .terms = 100};
  const double near = CombineParts(p, options.time_grace_s, options, nullptr);
  const double far =
      CombineParts(p, options.time_grace_s + options.time_half_life_s, options, nullptr);
  EXPECT_NEAR(far, near / 2, 1e-9);
  EXPECT_EQ(TimeGap(kUnknownTime, 0, 10), 0);
  EXPECT_EQ(TimeGap(15, 0, 10), 5);
  EXPECT_EQ(TimeGap(5, 0, 10), 0);
}

}  // namespace
}  // namespace veille::cluster
