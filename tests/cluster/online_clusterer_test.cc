#include <gtest/gtest.h>

#include <cmath>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "veille/cluster.h"

namespace veille {
namespace {

// A synthetic stream: each event has its own vocabulary (8 terms) and its own
// entities; events come in pairs of the same kind sharing 4 topic terms.
// A doc draws 6 event terms, 2 topic terms and 3 noise terms.
struct Synthetic {
  std::vector<ClusterDoc> docs;
  std::map<int64_t, int> gold;  // doc id -> event
};

IdVector Normalised(std::map<uint32_t, float> m) {
  IdVector v;
  double n2 = 0;
  for (const auto& [id, w] : m) n2 += w * w;
  for (const auto& [id, w] : m) v.terms.emplace_back(id, static_cast<float>(w / std::sqrt(n2)));
  return v;
}

Synthetic MakeStream(int events, int docs_per_event, uint32_t seed) {
  std::mt19937 rng(seed);
  Synthetic s;
  int64_t id = 1;
  for (int e = 0; e < events; ++e) {
    const int64_t t0 = 1'600'000'000 + e * 3600;
    for (int d = 0; d < docs_per_event; ++d) {
      std::map<uint32_t, float> title, body, ents;
      std::vector<uint32_t> own(8);
      for (int k = 0; k < 8; ++k) own[k] = 1000 + e * 8 + k;
      std::shuffle(own.begin(), own.end(), rng);
      for (int k = 0; k < 6; ++k) body[own[k]] = 1.0f + (rng() % 3);
      for (int k = 0; k < 3; ++k) title[own[k]] = 1.0f;
      for (int k = 0; k < 2; ++k) body[100 + (e / 2) * 4 + rng() % 4] += 1.0f;
      for (int k = 0; k < 3; ++k) body[50000 + rng() % 5000] += 0.5f;
      ents[static_cast<uint32_t>(e * 3 + rng() % 3)] = 1.0f;
      ents[static_cast<uint32_t>(e * 3 + rng() % 3)] += 1.0f;
      ClusterDoc doc;
      doc.id = id++;
      doc.time = t0 + static_cast<int64_t>(rng() % 7200);
      doc.title = Normalised(title);
      doc.body = Normalised(body);
      doc.entities = Normalised(ents);
      s.gold[doc.id] = e;
      s.docs.push_back(std::move(doc));
    }
  }
  std::shuffle(s.docs.begin(), s.docs.end(), rng);
  return s;
}

std::map<int64_t, int64_t> RunStream(const std::vector<ClusterDoc>& docs,
                                     const ClusterOptions& options) {
  auto c = StoryClusterer::Create(options).value();
  for (const ClusterDoc& d : docs) EXPECT_TRUE(c->Add(d).ok());
  std::map<int64_t, int64_t> out;
  for (const ClusterDoc& d : docs) out[d.id] = c->StoryOf(d.id).value();
  return out;
}

// B-cubed F1 of partition `a` against `b` (doc -> label).
template <typename A, typename B>
double BCubedF1(const std::map<int64_t, A>& a, const std::map<int64_t, B>& b) {
  double p = 0, r = 0;
  for (const auto& [x, la] : a) {
    double same_a = 0, same_b = 0, both = 0;
    for (const auto& [y, lb] : a) {
      const bool sa = lb == la, sb = b.at(y) == b.at(x);
      same_a += sa, same_b += sb, both += sa && sb;
    }
    p += both / same_a;
    r += both / same_b;
  }
  p /= static_cast<double>(a.size());
  r /= static_cast<double>(a.size());
  return 2 * p * r / (p + r);
}

TEST(StoryClusterer, RecoversSyntheticEvents) {
  const Synthetic s = MakeStream(10, 8, 1);
  const auto got = RunStream(s.docs, ClusterOptions{});
  EXPECT_GT(BCubedF1(got, s.gold), 0.95);
}

TEST(StoryClusterer, IndexedMatchesExhaustiveScan) {
  for (uint32_t seed = 1; seed <= 5; ++seed) {
    const Synthetic s = MakeStream(6, 6, seed);
    ClusterOptions exhaustive;
    exhaustive.exhaustive_candidates = true;
    EXPECT_EQ(RunStream(s.docs, ClusterOptions{}), RunStream(s.docs, exhaustive))
        << "seed " << seed;
  }
}

TEST(StoryClusterer, OrderRobust) {
  Synthetic s = MakeStream(10, 8, 7);
  const auto first = RunStream(s.docs, ClusterOptions{});
  std::mt19937 rng(99);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(s.docs.begin(), s.docs.end(), rng);
    EXPECT_GT(BCubedF1(RunStream(s.docs, ClusterOptions{}), first), 0.95);
  }
}

ClusterDoc Doc(int64_t id, int64_t time, std::vector<std::pair<uint32_t, float>> body) {
  ClusterDoc d;
  d.id = id;
  d.time = time;
  std::sort(body.begin(), body.end());
  d.body = IdVector{std::move(body)};
  return d;
}

TEST(StoryClusterer, NoChainingThroughOneBridgingMember) {
  auto c = StoryClusterer::Create(ClusterOptions{}).value();
  const int64_t t = 1'700'000'000;
  // Story X: three docs on terms 1..6.
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c->Add(Doc(i + 1, t, {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}})).ok());
  }
  // A bridge half X, half Y joins X or not; either way the Y docs that
  // follow resemble only the bridge and must not be pulled into X.
  ASSERT_TRUE(c->Add(Doc(10, t, {{1, 1}, {2, 1}, {3, 1}, {21, 1}, {22, 1}, {23, 1}})).ok());
  const int64_t x = c->StoryOf(1).value();
  for (int i = 0; i < 3; ++i) {
    auto a = c->Add(Doc(20 + i, t, {{21, 1}, {22, 1}, {23, 1}, {24, 1}, {25, 1}, {26, 1}}));
    ASSERT_TRUE(a.ok());
    EXPECT_NE(a->story_id, x);
  }
}

TEST(StoryClusterer, BridgingDocMergesSplitStoryKeepingOlderId) {
  ClusterOptions options;
  auto c = StoryClusterer::Create(options).value();
  const int64_t t = 1'700'000'000;
  // Two halves of one event, with little overlap, arrive first.
  ASSERT_TRUE(c->Add(Doc(1, t, {{1, 1}, {2, 1}, {3, 1}, {4, 1}})).ok());
  ASSERT_TRUE(c->Add(Doc(2, t, {{5, 1}, {6, 1}, {7, 1}, {8, 1}})).ok());
  ASSERT_NE(c->StoryOf(1).value(), c->StoryOf(2).value());
  // Docs that cover the whole event.
  Assignment last;
  for (int i = 0; i < 3; ++i) {
    auto a =
        c->Add(Doc(3 + i, t, {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 1}}));
    ASSERT_TRUE(a.ok());
    last = *a;
  }
  EXPECT_EQ(c->StoryOf(1).value(), c->StoryOf(2).value());
  EXPECT_EQ(c->StoryOf(2).value(), 1);  // the older id survives
  ASSERT_EQ(c->merges().size(), 1u);
  EXPECT_EQ(c->merges()[0].from, 2);
  EXPECT_EQ(c->merges()[0].into, 1);
  EXPECT_EQ(c->Stories().size(), 1u);
}

// Story merges on change: with bridging merges off (merge_threshold out of
// reach), the story a doc joins is merged with a candidate story whose
// members agree with its own on average; the older id survives.
TEST(StoryClusterer, ChangedStoryMergesWithAgreeingStoryOnGroupAverage) {
  for (const double story_merge : {0.0, 0.35}) {
    ClusterOptions options;
    options.merge_threshold = 10;
    options.story_merge_threshold = story_merge;
    auto c = StoryClusterer::Create(options).value();
    const int64_t t = 1'700'000'000;
    ASSERT_TRUE(c->Add(Doc(1, t, {{1, 1}, {2, 1}, {3, 1}, {4, 1}})).ok());
    ASSERT_TRUE(c->Add(Doc(2, t, {{5, 1}, {6, 1}, {7, 1}, {8, 1}})).ok());
    auto a = c->Add(Doc(3, t, {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 1}}));
    ASSERT_TRUE(a.ok());
    if (story_merge == 0) {
      EXPECT_NE(c->StoryOf(1).value(), c->StoryOf(2).value());
      EXPECT_TRUE(a->merged_story_ids.empty());
      continue;
    }
    EXPECT_EQ(c->StoryOf(2).value(), 1);
    EXPECT_EQ(a->story_id, 1);
    EXPECT_EQ(a->merged_story_ids, std::vector<int64_t>{2});
    ASSERT_EQ(c->merges().size(), 1u);
    EXPECT_EQ(c->merges()[0].from, 2);
  }
}

// A singleton is merged with a later story only as strongly as a doc joins:
// two unrelated singletons stay apart whatever the group-average bar.
TEST(StoryClusterer, UnrelatedSingletonsStayApartUnderStoryMerges) {
  ClusterOptions options;
  options.story_merge_threshold = 0.01;
  auto c = StoryClusterer::Create(options).value();
  const int64_t t = 1'700'000'000;
  ASSERT_TRUE(c->Add(Doc(1, t, {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}})).ok());
  ASSERT_TRUE(c->Add(Doc(2, t, {{1, 1}, {12, 1}, {13, 1}, {14, 1}, {15, 1}, {16, 1}})).ok());
  EXPECT_NE(c->StoryOf(1).value(), c->StoryOf(2).value());
  EXPECT_TRUE(c->merges().empty());
}

TEST(StoryClusterer, OldStoriesRetireAndMemoryStaysBounded) {
  ClusterOptions options;
  options.retire_after_docs = 0;  // retire as soon as the window has passed
  auto c = StoryClusterer::Create(options).value();
  const std::vector<std::pair<uint32_t, float>> terms = {{1, 1}, {2, 1}, {3, 1}};
  ASSERT_TRUE(c->Add(Doc(1, 0, terms)).ok());
  const int64_t later = 30 * 86400;
  auto a = c->Add(Doc(2, later, terms));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->new_story);
  const auto stories = c->Stories();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_FALSE(stories[0].live);
  EXPECT_EQ(c->live_docs(), 1u);
  EXPECT_EQ(c->Explain(Doc(3, later, terms), stories[0].id).status().code(), StatusCode::kNotFound);
}

TEST(StoryClusterer, LateDocFindsItsStoryUntilHoldExpires) {
  ClusterOptions options;
  options.retire_after_docs = 3;
  auto c = StoryClusterer::Create(options).value();
  const std::vector<std::pair<uint32_t, float>> old_terms = {{1, 1}, {2, 1}, {3, 1}};
  const int64_t later = 5 * 365 * 86400;  // a page of five years later
  ASSERT_TRUE(c->Add(Doc(1, 0, old_terms)).ok());
  ASSERT_TRUE(c->Add(Doc(2, later, {{1, 1}, {2, 1}, {7, 1}})).ok());
  // A late page of the first one's day still joins its story, not the
  // newer one (five years apart), though the clock has moved on.
  auto late = c->Add(Doc(3, 3600, old_terms));
  ASSERT_TRUE(late.ok());
  EXPECT_FALSE(late->new_story);
  EXPECT_EQ(late->story_id, c->StoryOf(1).value());
  EXPECT_NE(late->story_id, c->StoryOf(2).value());
  // The next retire_after_docs docs may still join it; the one after finds
  // it retired.
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c->Add(Doc(10 + i, later, {{static_cast<uint32_t>(100 + i), 1}})).ok());
  }
  const int64_t old_story = c->StoryOf(1).value();
  EXPECT_TRUE(c->Explain(Doc(20, 0, old_terms), old_story).ok());
  auto after = c->Add(Doc(21, 0, old_terms));
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->new_story);
  EXPECT_EQ(c->Explain(Doc(22, 0, old_terms), old_story).status().code(), StatusCode::kNotFound);
  for (const StoryInfo& s : c->Stories()) {
    if (s.id == old_story) {
      EXPECT_FALSE(s.live);
    }
  }
}

TEST(StoryClusterer, WholeTextLetsHeadlineMeetArticleBody) {
  // An article titled on terms 1-2 whose body is about terms 3-6, then a
  // headline on terms 3-6: apart, title meets title (no overlap) and the
  // headline has no body; as whole texts they share the body's terms.
  ClusterDoc article = Doc(1, 0, {{3, 1}, {4, 1}, {5, 1}, {6, 1}});
  article.title = IdVector{{{1, 1.0f}, {2, 1.0f}}};
  ClusterDoc headline;
  headline.id = 2;
  headline.time = 0;
  headline.title = IdVector{{{3, 1.0f}, {4, 1.0f}, {5, 1.0f}, {6, 1.0f}}};
  for (const bool whole : {false, true}) {
    ClusterOptions options;
    options.whole_text = whole;
    auto c = StoryClusterer::Create(options).value();
    ASSERT_TRUE(c->Add(article).ok());
    auto a = c->Add(headline);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->new_story, !whole) << "whole_text " << whole;
    if (whole) {
      EXPECT_GT(a->why.body_cosine, 0.8);
      EXPECT_EQ(a->why.title_cosine, 0);
    }
  }
}

TEST(StoryClusterer, RestoreResumesWithSameIds) {
  auto c = StoryClusterer::Create(ClusterOptions{}).value();
  ASSERT_TRUE(c->Restore(Doc(1, 100, {{1, 1}, {2, 1}}), 40).ok());
  ASSERT_TRUE(c->Restore(Doc(2, 100, {{1, 1}, {2, 1}, {3, 1}}), 40).ok());
  EXPECT_EQ(c->next_story_id(), 41);
  auto a = c->Add(Doc(3, 200, {{1, 1}, {2, 1}, {3, 1}}));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->story_id, 40);
  auto b = c->Add(Doc(4, 200, {{9, 1}}));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->story_id, 41);
}

TEST(StoryClusterer, RejectsDuplicateAndUnsortedDocs) {
  auto c = StoryClusterer::Create(ClusterOptions{}).value();
  ASSERT_TRUE(c->Add(Doc(1, 0, {{1, 1}})).ok());
  EXPECT_EQ(c->Add(Doc(1, 0, {{1, 1}})).status().code(), StatusCode::kInvalidInput);
  ClusterDoc bad;
  bad.id = 2;
  bad.body.terms = {{5, 1}, {3, 1}};
  EXPECT_EQ(c->Add(bad).status().code(), StatusCode::kInvalidInput);
  ClusterOptions wrong;
  wrong.join_threshold = 0;
  EXPECT_FALSE(StoryClusterer::Create(wrong).ok());
}

TEST(StoryClusterer, ExplainsWithSharedTerms) {
  auto c = StoryClusterer::Create(ClusterOptions{}).value();
  ASSERT_TRUE(c->Add(Doc(1, 0, {{1, 1}, {2, 1}, {3, 0.2f}})).ok());
  auto a = c->Add(Doc(2, 0, {{1, 1}, {2, 1}, {4, 0.2f}}));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->new_story);
  EXPECT_GE(a->why.score, ClusterOptions{}.join_threshold);
  ASSERT_GE(a->why.top_terms.size(), 2u);
  std::set<uint32_t> top = {a->why.top_terms[0].first, a->why.top_terms[1].first};
  EXPECT_EQ(top, (std::set<uint32_t>{1, 2}));
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

TEST(StoryClusterer, RestoredStateContinuesLikeOneProcess) {
  const Synthetic s = MakeStream(10, 8, 3);
  const size_t half = s.docs.size() / 2;
  auto whole = StoryClusterer::Create(ClusterOptions{}).value();
  auto first = StoryClusterer::Create(ClusterOptions{}).value();
  for (size_t i = 0; i < s.docs.size(); ++i) {
    ASSERT_TRUE(whole->Add(s.docs[i]).ok());
    if (i < half) {
      ASSERT_TRUE(first->Add(s.docs[i]).ok());
    }
  }
  // A second process restores the first half's assignments, then goes on.
  auto second = StoryClusterer::Create(ClusterOptions{}).value();
  for (size_t i = 0; i < half; ++i) {
    ASSERT_TRUE(second->Restore(s.docs[i], first->StoryOf(s.docs[i].id).value()).ok());
  }
  EXPECT_EQ(second->next_story_id(), first->next_story_id());
  for (size_t i = half; i < s.docs.size(); ++i) ASSERT_TRUE(second->Add(s.docs[i]).ok());
  std::map<int64_t, int64_t> a, b;
  for (const ClusterDoc& d : s.docs) {
    a[d.id] = whole->StoryOf(d.id).value();
    b[d.id] = second->StoryOf(d.id).value();
  }
  EXPECT_GT(BCubedF1(a, b), 0.95);
}

}  // namespace
}  // namespace veille
