#include <gtest/gtest.h>

#include <random>
#include <string>

#include "dedup/shingles.h"
#include "veille/dedup.h"

namespace veille {
namespace {

// A pseudo-random text of `words` words from a 2,000-word vocabulary.
std::string Text(uint32_t seed, int words) {
  std::mt19937 rng(seed);
  std::string out;
  for (int i = 0; i < words; ++i) {
    out += "w" + std::to_string(rng() % 2000);
    out += (i % 17 == 16) ? ". " : " ";
  }
  return out;
}

std::unique_ptr<CopyLinker> Linker() { return CopyLinker::Create(DedupOptions{}).value(); }

TEST(CopyLinker, ExactDuplicateUpToCaseAndPunctuation) {
  auto l = Linker();
  const std::string a = "Kim Jong-un est arrivé à Vladivostok, mercredi. " + Text(1, 50);
  std::string b = a;
  for (char& c : b) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  b.insert(0, "  ");
  ASSERT_TRUE(l->Add({1, 100, a}).value().empty());
  const auto links = l->Add({2, 200, b}).value();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].original_id, 1);
  EXPECT_EQ(links[0].copy_id, 2);
  EXPECT_TRUE(links[0].exact);
  EXPECT_DOUBLE_EQ(links[0].overlap, 1.0);
}

TEST(CopyLinker, RetitledWrappedAndTruncatedCopiesAreLinked) {
  auto l = Linker();
  const std::string dispatch = Text(7, 400);
  ASSERT_TRUE(l->Add({1, 100, dispatch}).value().empty());
  // Re-titled and wrapped in another site's boilerplate.
  const auto wrapped =
      l->Add({2, 150, "Another headline entirely\n" + dispatch + "\n" + Text(99, 60)}).value();
  ASSERT_EQ(wrapped.size(), 1u);
  EXPECT_EQ(wrapped[0].original_id, 1);
  EXPECT_FALSE(wrapped[0].exact);
  EXPECT_GT(wrapped[0].overlap, 0.9);
  // Truncated to its first third.
  const auto cut = l->Add({3, 160, dispatch.substr(0, dispatch.size() / 3)}).value();
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].original_id, 1);
  // Lightly edited: every 40th word changed.
  std::string edited;
  std::mt19937 rng(7);
  for (int i = 0; i < 400; ++i) {
    edited += (i % 40 == 5) ? "changed "
                            : "w" + std::to_string(rng() % 2000) + ((i % 17 == 16) ? ". " : " ");
  }
  const auto e = l->Add({4, 170, edited}).value();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].original_id, 1);
}

TEST(CopyLinker, UnrelatedAndShortTextsAreNotLinked) {
  auto l = Linker();
  ASSERT_TRUE(l->Add({1, 100, Text(1, 300)}).value().empty());
  EXPECT_TRUE(l->Add({2, 100, Text(2, 300)}).value().empty());
  // Same topic words, different sentences: no copy.
  EXPECT_TRUE(l->Add({3, 100, "Poutine rencontre Kim"}).value().empty());
  EXPECT_TRUE(l->Add({4, 100, "Kim rencontre Poutine"}).value().empty());
  EXPECT_EQ(l->OriginalOf(2).value(), 2);
}

TEST(CopyLinker, EarlierVersionArrivingLateBecomesOriginal) {
  auto l = Linker();
  const std::string dispatch = Text(3, 300);
  ASSERT_TRUE(l->Add({10, 500, dispatch + " read more"}).value().empty());
  ASSERT_EQ(l->Add({11, 600, "Title\n" + dispatch}).value().size(), 1u);
  const auto links = l->Add({12, 100, dispatch}).value();
  ASSERT_EQ(links.size(), 2u);
  for (const CopyLink& link : links) EXPECT_EQ(link.original_id, 12);
  EXPECT_EQ(links[0].copy_id, 10);
  EXPECT_EQ(links[1].copy_id, 11);
  EXPECT_EQ(l->OriginalOf(11).value(), 12);
  EXPECT_EQ(l->Add({12, 1, "x"}).status().code(), StatusCode::kInvalidInput);
}

// Reprints of one dispatch (each lightly cut) all link to it, and a looser
// rewrite of a reprint is still found through the reprint it copies.
TEST(CopyLinker, ManyReprintsLinkToTheOriginal) {
  auto l = Linker();
  const std::string dispatch = Text(7, 400);
  ASSERT_TRUE(l->Add({1, 100, dispatch}).value().empty());
  for (int i = 2; i <= 200; ++i) {
    const auto links = l->Add({i, 100 + i, dispatch.substr(0, dispatch.size() - i)}).value();
    ASSERT_EQ(links.size(), 1u) << i;
    EXPECT_EQ(links[0].original_id, 1);
    EXPECT_GE(links[0].overlap, 0.9);
  }
  EXPECT_EQ(l->OriginalOf(150).value(), 1);
}

TEST(CopyLinker, TextsOlderThanTheWindowAreForgotten) {
  DedupOptions o;
  o.window_s = 1000;
  auto l = CopyLinker::Create(o).value();
  const std::string old_dispatch = Text(8, 300);
  ASSERT_TRUE(l->Add({1, 0, old_dispatch}).value().empty());
  ASSERT_EQ(l->Add({2, 10, old_dispatch + " more"}).value().size(), 1u);
  // A group still has a recent member: kept whole, its original included.
  const std::string live_dispatch = Text(9, 300);
  ASSERT_TRUE(l->Add({3, 0, live_dispatch}).value().empty());
  ASSERT_EQ(l->Add({4, 5000, live_dispatch + " later"}).value().size(), 1u);
  // Enough later texts for a pass of forgetting.
  for (int i = 0; i < 1100; ++i) {
    ASSERT_TRUE(l->Add({100 + i, 5000, Text(100 + i, 40)}).ok());
  }
  EXPECT_EQ(l->OriginalOf(1).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(l->OriginalOf(2).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(l->OriginalOf(4).value(), 3);
  // A reprint of the forgotten dispatch starts a new group.
  EXPECT_TRUE(l->Add({5, 5001, old_dispatch}).value().empty());
  // One of the kept group is still linked.
  const auto links = l->Add({6, 5002, live_dispatch}).value();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].original_id, 3);
}

// The pass of forgetting falls on a copy of a text it forgets: no link to a
// forgotten original, no failure.
TEST(CopyLinker, ForgettingOnTheAddOfACopyOfAForgottenText) {
  DedupOptions o;
  o.window_s = 1000;
  auto l = CopyLinker::Create(o).value();
  const std::string old_dispatch = Text(10, 300);
  ASSERT_TRUE(l->Add({1, 0, old_dispatch}).value().empty());  // add 1
  for (int i = 0; i < 1022; ++i) {                            // adds 2..1023
    ASSERT_TRUE(l->Add({100 + i, 5000, Text(2000 + i, 40)}).ok());
  }
  const auto links = l->Add({2, 5001, old_dispatch + " again"});  // add 1024: a pass
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_TRUE(links->empty());
  EXPECT_EQ(l->OriginalOf(2).value(), 2);
}

// A longer text holding a short one stays a candidate for what it adds.
TEST(CopyLinker, LongerCopyStaysACandidateForItsExtraText) {
  auto l = Linker();
  const std::string lead = Text(11, 300);
  const std::string rest = Text(12, 200);
  ASSERT_TRUE(l->Add({1, 100, lead}).value().empty());
  ASSERT_EQ(l->Add({2, 200, lead + " " + rest}).value().size(), 1u);  // holds the lead
  // A reprint of the extra paragraphs only is a copy of the long text.
  const auto links = l->Add({3, 300, rest}).value();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].copy_id, 3);
}

TEST(Shingles, ContainmentOfPrefix) {
  const auto words = dedup::NormalizedWords(Text(5, 100));
  const std::vector<std::string> half(words.begin(), words.begin() + 50);
  const auto all = dedup::ShingleHashes(words, 5, 4096);
  const auto part = dedup::ShingleHashes(half, 5, 4096);
  EXPECT_DOUBLE_EQ(dedup::Containment(part, all), 1.0);
  EXPECT_EQ(dedup::NormalizedWords("L'Été, À  Paris!"),
            (std::vector<std::string>{"l", "été", "à", "paris"}));
}

}  // namespace
}  // namespace veille
