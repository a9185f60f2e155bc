#include "cluster/similarity.h"

#include <gtest/gtest.h>

#include <cmath>

#include "veille/cluster.h"

namespace veille::cluster {
namespace {

IdVector Vec(std::vector<std::pair<uint32_t, float>> terms) {
  double n2 = 0;
  for (const auto& [id, w] : terms) n2 += w * w;
  for (auto& [id, w] : terms) w = static_cast<float>(w / std::sqrt(n2));
  return IdVector{std::move(terms)};
}

DateSpan Day(int y, int m, int d, uint32_t sentence) {
  const int32_t day = DaysFromCivil(y, m, d);
  return DateSpan{day, day, sentence};
}

TEST(DaysFromCivilTest, KnownDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2019, 4, 25), 18011);
  EXPECT_EQ(DaysFromCivil(2024, 3, 1) - DaysFromCivil(2024, 2, 28), 2);  // leap year
  EXPECT_EQ(DaysFromCivil(2100, 3, 1) - DaysFromCivil(2100, 2, 28), 1);  // not a leap year
}

TEST(EventSpanTest, MostPreciseLeadDate) {
  ClusterDoc doc;
  const int32_t april = DaysFromCivil(2019, 4, 1);
  doc.dates = {DateSpan{april, DaysFromCivil(2019, 4, 30), 0}, Day(2019, 4, 25, 1),
               Day(2019, 4, 26, 2), Day(2000, 1, 1, 9)};
  int32_t first = 0, last = 0;
  ASSERT_TRUE(EventSpan(doc, 3, &first, &last));
  EXPECT_EQ(first, DaysFromCivil(2019, 4, 25));  // the day beats the month; earliest on ties
  EXPECT_EQ(last, first);
  // Outside the lead, or vaguer than a month: no event date.
  doc.dates = {Day(2000, 1, 1, 9),
               DateSpan{DaysFromCivil(2019, 1, 1), DaysFromCivil(2019, 12, 31), 0}};
  EXPECT_FALSE(EventSpan(doc, 3, &first, &last));
  EXPECT_FALSE(EventSpan(ClusterDoc{}, 3, &first, &last));
}

TEST(SpanGapTest, Distance) {
  EXPECT_EQ(SpanGap(10, 20, 15, 30), 0);
  EXPECT_EQ(SpanGap(10, 20, 25, 30), 5);
  EXPECT_EQ(SpanGap(25, 30, 10, 20), 5);
}

TEST(CombinePartsTest, EntitiesOnlyRaiseTheTextScore) {
  ClusterOptions options;
  SimilarityParts p;
  p.has_body = true;
  p.body = 0.4;
  p.terms = 200;
  p.has_entities = true;
  p.entity_count = 10;
  p.entities = 0;
  const double text_only = CombineParts(p, 0, options, nullptr);
  EXPECT_GT(text_only, 0.4);  // the length factor of a long text, slightly above 1
  p.entities = 0.9;
  EXPECT_GT(CombineParts(p, 0, options, nullptr), text_only);
  // The plain mean lowers the score when no entity is shared.
  options.entities_only_raise = false;
  p.entities = 0;
  EXPECT_LT(CombineParts(p, 0, options, nullptr), text_only);
}

TEST(CombinePartsTest, FewEntitiesWeighLess) {
  ClusterOptions options;
  SimilarityParts p;
  p.has_title = true;
  p.title = 0.1;
  p.terms = 6;
  p.has_entities = true;
  p.entities = 1.0;
  p.entity_count = 1;
  const double one = CombineParts(p, 0, options, nullptr);
  p.entity_count = 10;
  EXPECT_GT(CombineParts(p, 0, options, nullptr), one);
}

TEST(CombinePartsTest, TitleAndBodyWeighByLength) {
  ClusterOptions options;
  SimilarityParts p;
  p.has_title = p.has_body = true;
  p.title = 1.0;  // the same headline formula
  p.body = 0.2;   // bodies that differ
  p.title_terms = 9;
  p.body_terms = 225;
  p.terms = 234;
  const double length =
      1 + options.short_text_boost * options.length_prior / (p.terms + options.length_prior);
  // Weights 3 and 15 (square roots of the term counts): the body dominates.
  EXPECT_NEAR(CombineParts(p, 0, options, nullptr), (3 * 1.0 + 15 * 0.2) / 18 * length, 1e-9);
  // A snippet's body weighs less against its title: 3 to 5.
  p.body_terms = 25;
  p.terms = 34;
  const double snippet_length =
      1 + options.short_text_boost * options.length_prior / (p.terms + options.length_prior);
  EXPECT_NEAR(CombineParts(p, 0, options, nullptr), (3 * 1.0 + 5 * 0.2) / 8 * snippet_length, 1e-9);
  // Exponent 0: the fixed title_weight and body_weight.
  options.text_weight_exponent = 0;
  EXPECT_NEAR(CombineParts(p, 0, options, nullptr),
              (options.title_weight * 1.0 + options.body_weight * 0.2) /
                  (options.title_weight + options.body_weight) * snippet_length,
              1e-9);
}

TEST(DocPartsTest, CountsTheShorterSidesTerms) {
  ClusterDoc a, b;
  a.title = Vec({{1, 1}, {2, 1}, {3, 1}});
  a.body = Vec({{10, 1}, {11, 1}, {12, 1}, {13, 1}});
  b.title = Vec({{1, 1}, {2, 1}});
  b.body = Vec({{10, 1}, {11, 1}, {12, 1}, {13, 1}, {14, 1}, {15, 1}});
  const SimilarityParts p = DocParts(a, b);
  EXPECT_EQ(p.title_terms, 2u);
  EXPECT_EQ(p.body_terms, 4u);
  // A headline-only side: the title alone, whatever the weights.
  b.body = {};
  const SimilarityParts h = DocParts(a, b);
  EXPECT_FALSE(h.has_body);
  EXPECT_NEAR(CombineParts(h, 0, ClusterOptions(), nullptr) / h.title, 1 + 2.0 * 8.0 / (2 + 8.0),
              1e-6);
}

TEST(CombinePartsTest, DistantEventDatesDecay) {
  ClusterOptions options;
  SimilarityParts p;
  p.has_body = true;
  p.body = 0.6;
  p.terms = 200;
  const double undated = CombineParts(p, 0, options, nullptr);
  p.has_dates = true;
  p.date_gap_days = options.date_grace_days;
  EXPECT_DOUBLE_EQ(CombineParts(p, 0, options, nullptr), undated);
  p.date_gap_days = options.date_grace_days + options.date_half_life_days;
  Explanation why;
  EXPECT_NEAR(CombineParts(p, 0, options, &why), undated / 2, 1e-9);
  EXPECT_NEAR(why.date_factor, 0.5, 1e-9);
  EXPECT_EQ(why.date_gap_days, p.date_gap_days);
}

TEST(CrossTextTest, HeadlineMeetsArticleBody) {
  ClusterDoc headline, article;
  headline.title = Vec({{1, 1}, {2, 1}});
  article.title = Vec({{3, 1}, {4, 1}});
  article.body = Vec({{1, 1}, {2, 1}, {5, 1}, {6, 1}});
  ClusterOptions options;
  options.cross_text = false;
  SimilarityParts p = DocParts(headline, article, options);
  EXPECT_TRUE(p.has_title);
  EXPECT_FALSE(p.has_body);
  EXPECT_EQ(p.title, 0);
  options.cross_text = true;
  p = DocParts(headline, article, options);
  ASSERT_TRUE(p.has_body);
  EXPECT_GT(p.body, 0.5);  // the headline's terms are in the article's body
  EXPECT_EQ(p.terms, 2u);  // the length factor is the headline's
  // The whole text of an article keeps its title terms.
  const IdVector whole = WholeText(article, options);
  ASSERT_EQ(whole.terms.size(), 6u);
  EXPECT_EQ(whole.terms[2].first, 3u);
  EXPECT_GT(whole.terms[2].second, 0);
}

// Time evidence by length: a day and a half apart, two headlines (6 terms)
// are far beyond their shortened grace, two full articles (600 terms) are
// still within theirs.
TEST(CombinePartsTest, ShortTextsDecayFaster) {
  ClusterOptions o;
  o.time_grace_s = 36 * 3600;
  o.time_half_life_s = 48 * 3600;
  o.time_grace_prior = 64;
  SimilarityParts p;
  p.has_title = true;
  p.title = 0.5;
  p.terms = 6;
  const int64_t gap = 30 * 3600;
  Explanation why;
  CombineParts(p, gap, o, &why);
  const double e = 6.0 / 64;
  EXPECT_NEAR(why.time_factor, std::exp2(-(gap - e * o.time_grace_s) / (e * o.time_half_life_s)),
              1e-9);
  EXPECT_LT(why.time_factor, 0.02);
  p.has_body = true, p.body = 0.5, p.terms = 600;
  CombineParts(p, gap, o, &why);
  EXPECT_DOUBLE_EQ(why.time_factor, 1.0);  // >= 64 terms: the full 36 h
  o.time_grace_prior = 0;                  // off: the fixed grace for both
  p.has_body = false, p.terms = 6;
  CombineParts(p, gap, o, &why);
  EXPECT_DOUBLE_EQ(why.time_factor, 1.0);
}

// Persons: disjoint protagonists lower the score in proportion to how far
// their cosine lies below person_cosine; shared ones, or none named, do not.
TEST(CombinePartsTest, DifferentPersonsLowerTheScore) {
  ClusterDoc a, b;
  a.id = 1, b.id = 2;
  a.title = b.title = Vec({{1, 1}, {2, 1}});
  a.persons = Vec({{10, 1}});
  b.persons = Vec({{11, 1}});
  ClusterOptions o;
  const double off = CombineParts(DocParts(a, b, o), 0, o, nullptr);
  o.person_penalty = 0.3;
  o.person_cosine = 0.2;
  EXPECT_NEAR(CombineParts(DocParts(a, b, o), 0, o, nullptr), off * 0.7, 1e-9);
  b.persons = Vec({{10, 1}, {11, 1}});  // cosine 0.71: no penalty
  EXPECT_NEAR(CombineParts(DocParts(a, b, o), 0, o, nullptr), off, 1e-9);
  b.persons = {};
  EXPECT_NEAR(CombineParts(DocParts(a, b, o), 0, o, nullptr), off, 1e-9);
}

TEST(OptionsTest, RejectsBadEvidenceOptions) {
  ClusterOptions o;
  o.date_half_life_days = 0;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  o = ClusterOptions();
  o.entity_prior = -1;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  o = ClusterOptions();
  o.place_penalty = 1.5;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  o = ClusterOptions();
  o.person_penalty = -0.1;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  o = ClusterOptions();
  o.time_grace_prior = -1;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  EXPECT_TRUE(StoryClusterer::Create(ClusterOptions()).ok());
}

// Two undated reports of the same kind of event with the same actors: one
// story when their lead dates agree, two when they lie years apart.
TEST(ClustererDatesTest, EventDatesYearsApartSplit) {
  auto make = [](int64_t id, int year, uint32_t noise) {
    ClusterDoc d;
    d.id = id;
    d.title = Vec({{1, 1}, {2, 1}, {3, 1}, {noise, 1}});
    d.body = Vec({{1, 2}, {2, 2}, {3, 1}, {4, 1}, {5, 1}, {noise, 1}});
    d.entities = Vec({{7, 1}, {8, 1}});
    d.dates = {Day(year, 4, 25, 0)};
    return d;
  };
  for (int second_year : {2019, 2024}) {
    auto c = StoryClusterer::Create(ClusterOptions{}).value();
    const Assignment a = c->Add(make(1, 2019, 100)).value();
    const Assignment b = c->Add(make(2, second_year, 101)).value();
    if (second_year == 2019) {
      EXPECT_EQ(a.story_id, b.story_id);
    } else {
      EXPECT_NE(a.story_id, b.story_id);
      EXPECT_LT(b.why.date_factor, 0.1);
      EXPECT_GT(b.why.date_gap_days, 1800);
    }
  }
}

// Places 10 (a country every report names), 11 and 12 (two cities): a
// conflict when each side's heaviest place is missing from the other's.
TEST(PlacesTest, ConflictWhenTheMainPlacesDiffer) {
  ClusterOptions o;
  o.place_penalty = 0.4;
  ClusterDoc a, b, c;
  a.places = Vec({{10, 0.3f}, {11, 0.9f}});
  b.places = Vec({{10, 0.3f}, {12, 0.9f}});
  c.places = Vec({{10, 0.3f}, {11, 0.5f}, {12, 0.9f}});
  EXPECT_TRUE(DocParts(a, b, o).place_conflict);
  EXPECT_FALSE(DocParts(a, c, o).place_conflict);  // c also names a's main place
  EXPECT_FALSE(DocParts(a, a, o).place_conflict);
  EXPECT_FALSE(DocParts(a, b, ClusterOptions()).place_conflict);  // off by default
  SimilarityParts parts;
  parts.has_body = true;
  parts.body = 0.5;
  parts.terms = 1000;
  const double base = CombineParts(parts, 0, o, nullptr);
  parts.has_places = true;
  parts.place_conflict = true;
  EXPECT_NEAR(CombineParts(parts, 0, o, nullptr), base * 0.6, 1e-9);
}

TEST(PlacesTest, ClustererScoresAConflictLower) {
  auto make = [](int64_t id, uint32_t city) {
    ClusterDoc d;
    d.id = id;
    d.body = Vec({{1, 2}, {2, 2}, {3, 1}, {4, 1}, {5, 1}});
    d.entities = Vec({{7, 1}, {8, 1}, {10, 0.3f}, {city, 0.9f}});
    d.places = Vec({{10, 0.3f}, {city, 0.9f}});
    return d;
  };
  ClusterOptions o;
  o.place_penalty = 0.4;
  auto c = StoryClusterer::Create(o).value();
  const Assignment first = c->Add(make(1, 11)).value();
  const Explanation same = c->Explain(make(2, 11), first.story_id).value();
  const Explanation other = c->Explain(make(3, 12), first.story_id).value();
  EXPECT_LT(other.score, same.score);
  EXPECT_GT(other.score, 0.5 * same.score);
}

}  // namespace
}  // namespace veille::cluster
