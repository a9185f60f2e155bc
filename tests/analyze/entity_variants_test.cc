// Merging of entity variants within an article and across articles
// (entity_variants.cc, entity_registry.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyze/entity_variants.h"
#include "veille/entities.h"

namespace veille {
namespace {

const EntityResources& Resources() {
  static const std::unique_ptr<const EntityResources> r = [] {
    auto loaded = EntityResources::Load(DefaultEntityOptions());
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return std::move(loaded).value();
  }();
  return *r;
}

// Canonical name -> surfaces, for the persons of one registry run.
std::map<std::string, std::set<std::string>> Persons(const std::vector<ArticleEntities>& arts) {
  std::map<std::string, std::set<std::string>> out;
  for (const ArticleEntities& a : arts) {
    for (const EntityMention& m : a.mentions) {
      if (m.kind == EntityKind::kPerson && m.entity_id) out[m.canonical].insert(m.surface);
    }
  }
  return out;
}

std::vector<ArticleEntities> Feed(EntityRegistry* reg,
                                  const std::vector<std::pair<std::string, std::string>>& docs) {
  std::vector<ArticleEntities> out;
  for (const auto& [title, text] : docs) {
    out.push_back(RecognizeEntities(Resources(), title, text, "fr"));
    reg->Add(&out.back());
  }
  return out;
}

const EntityMention* Find(const ArticleEntities& a, std::string_view surface, size_t nth = 0) {
  for (const EntityMention& m : a.mentions) {
    if (m.surface == surface && nth-- == 0) return &m;
  }
  return nullptr;
}

TEST(EntityVariants, TypoNeedsOneLongPartAndTheRestIdentical) {
  const EntityOptions o;
  using P = std::vector<std::string>;
  EXPECT_TRUE(analyze::IsTypoVariant(P{"valdimir", "poutine"}, P{"vladimir", "poutine"}, o));
  EXPECT_FALSE(analyze::IsTypoVariant(P{"kim", "jong", "un"}, P{"kim", "jong", "il"}, o));
  EXPECT_FALSE(analyze::IsTypoVariant(P{"kim", "jong", "un"}, P{"kim", "il", "sung"}, o));
  EXPECT_FALSE(analyze::IsTypoVariant(P{"vladimir", "poutine"}, P{"vladimir", "poutine"}, o));
  EXPECT_FALSE(analyze::IsTypoVariant(P{"valdimir", "putin"}, P{"vladimir", "poutine"}, o));
  EXPECT_FALSE(analyze::IsTypoVariant(P{"poutine"}, P{"putine"}, o));  // one part: no context
  EXPECT_FALSE(analyze::IsTypoVariant(P{"jean", "lemoine"}, P{"jean", "lemoyne"}, o));
}

TEST(EntityVariants, HyphenCaseVariantsAndShortFormsMergeInAnArticle) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(&reg, {{"",
                                 "Le dirigeant Kim Jong-un est arrivé. Kim Jong Un a parlé "
                                 "avec Kim-Jong-un. M. Kim a souri."}});
  const auto persons = Persons(arts);
  ASSERT_EQ(persons.size(), 1u);
  EXPECT_EQ(persons.begin()->first, "Kim Jong Un");  // the alias table's form
  EXPECT_THAT(persons.begin()->second,
              ::testing::ElementsAre("Kim", "Kim Jong Un", "Kim Jong-un", "Kim-Jong-un"));
  EXPECT_EQ(Find(arts[0], "Kim Jong Un")->rule, MergeRule::kNormalized);
  EXPECT_EQ(Find(arts[0], "Kim")->rule, MergeRule::kShortForm);
}

TEST(EntityVariants, RelativesStayDistinct) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(&reg, {{"",
                                 "Kim Jong Un a rencontré Dmitri Medvedev. Son père Kim Jong Il "
                                 "avait fondé, après Kim Il Sung, le régime."}});
  const auto persons = Persons(arts);
  EXPECT_EQ(persons.size(), 4u);
  EXPECT_TRUE(persons.count("Kim Jong Il"));
  EXPECT_TRUE(persons.count("Kim Il Sung"));
  EXPECT_TRUE(persons.count("Dmitry Medvedev"));
}

TEST(EntityVariants, AmbiguousShortFormFollowsRecencyThenKeepsItsSense) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(
      &reg, {{"",
              "Kim Jong Un est arrivé. Kim Jong Il était venu avant lui. Il aimait les trains. "
              "Kim a voyagé en train. Il fait beau. Il pleut. Il vente. Il neige. "
              "Kim est reparti."}});
  const EntityMention* near = Find(arts[0], "Kim", 0);
  ASSERT_NE(near, nullptr);
  EXPECT_EQ(near->canonical, "Kim Jong Il");  // named two sentences before
  const EntityMention* later = Find(arts[0], "Kim", 1);
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->canonical, "Kim Jong Il");  // one sense per discourse
}

TEST(EntityVariants, AmbiguousShortFormWithNoCloseCandidateStaysUnresolved) {
  EntityRegistry reg(Resources());
  const auto arts =
      Feed(&reg, {{"",
                   "Kim Jong Un est arrivé. Kim Jong Il était venu avant lui. Il fait beau. "
                   "Il pleut. Il vente. Il neige. Kim est reparti."}});
  const EntityMention* far = Find(arts[0], "Kim");
  ASSERT_NE(far, nullptr);
  EXPECT_EQ(far->entity_id, 0);
  EXPECT_EQ(far->kind, EntityKind::kPerson);
}

TEST(EntityVariants, ShortFormKeepsItsReferentAfterAPassingMention) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(&reg, {{"",
                                 "Le dirigeant Kim Jong Un est arrivé. Kim a salué la foule. "
                                 "Son père Kim Jong Il était venu en 2001. Il fait beau. Il "
                                 "pleut. Il vente. Kim est reparti."}});
  EXPECT_EQ(Find(arts[0], "Kim", 1)->canonical, "Kim Jong Un");
}

TEST(EntityVariants, RoleWordChoosesBetweenCandidates) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(&reg, {{"",
                                 "Le dirigeant Kim Jong Un a reçu des fleurs. Kim Jong Il les "
                                 "avait plantées. Le dirigeant Kim a remercié."}});
  const EntityMention* m = Find(arts[0], "Kim");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->canonical, "Kim Jong Un");
}

TEST(EntityVariants, TruncatedTitleNameResolvesToTheFullName) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(&reg, {{"",
                                 "La poignée de main entre Valdimir Poutine et Kim JongKim Jong "
                                 "Un et Vladimir Poutine se sont retrouvés."}});
  const auto persons = Persons(arts);
  ASSERT_EQ(persons.size(), 2u);
  EXPECT_THAT(persons.at("Vladimir Putin"),
              ::testing::ElementsAre("Valdimir Poutine", "Vladimir Poutine"));
  EXPECT_THAT(persons.at("Kim Jong Un"), ::testing::ElementsAre("Kim Jong", "Kim Jong Un"));
  EXPECT_EQ(Find(arts[0], "Valdimir Poutine")->rule, MergeRule::kTypo);
  EXPECT_EQ(Find(arts[0], "Kim Jong")->rule, MergeRule::kTruncated);
}

TEST(EntityRegistry, TransliterationsMergeAcrossArticles) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(&reg, {{"", "Le président Vladimir Poutine est à Moscou."},
                                {"", "President Putin stayed in Moscow."},
                                {"Poutine à Pékin", "Il est arrivé à Beijing."}});
  const auto persons = Persons(arts);
  ASSERT_EQ(persons.size(), 1u);
  EXPECT_THAT(persons.at("Vladimir Putin"),
              ::testing::ElementsAre("Poutine", "Putin", "Vladimir Poutine"));
  std::map<std::string, std::set<std::string>> places;
  for (const auto& a : arts) {
    for (const auto& m : a.mentions) {
      if (m.kind == EntityKind::kPlace) places[m.canonical].insert(m.surface);
    }
  }
  EXPECT_THAT(places.at("Moscow"), ::testing::ElementsAre("Moscou", "Moscow"));
  EXPECT_THAT(places.at("Beijing"), ::testing::ElementsAre("Beijing", "Pékin"));
}

TEST(EntityRegistry, TypoAcrossArticlesNeedsTheSurname) {
  EntityRegistry reg(Resources());
  const auto arts = Feed(&reg, {{"", "Le ministre Jean-Baptiste Lemoyne est venu."},
                                {"", "Le ministre Jean-Baptsite Lemoyne est reparti."},
                                {"", "Le ministre Jean-Baptiste Lemoine est revenu."}});
  const auto persons = Persons(arts);
  // The misspelled given name merges (same surname); a surname one edit away
  // is another family's name.
  EXPECT_EQ(persons.at("Jean-Baptiste Lemoyne").count("Jean-Baptsite Lemoyne"), 1u);
  EXPECT_EQ(persons.count("Jean-Baptiste Lemoine"), 1u);
}

TEST(EntityRegistry, ShortFormWithoutAntecedentUsesEarlierArticles) {
  EntityRegistry reg(Resources());
  const auto arts =
      Feed(&reg, {{"", "Le dirigeant Kim Jong Un est venu. M. Kim a parlé."},
                  {"", "Kim Jong Un est reparti. Kim a salué la foule."},
                  {"Kim et Poutine",
                   "Kim a reçu Poutine. Le voyage fut long. Il a rappelé la "
                   "visite de Kim Jong Il en 2001. Le train était lent. Kim a souri."}});
  for (const EntityMention& m : arts[2].mentions) {
    if (m.surface == "Kim") {
      EXPECT_EQ(m.canonical, "Kim Jong Un");
      EXPECT_EQ(m.rule, MergeRule::kRegistryPrior);
    }
  }
}

TEST(EntityRegistry, RowsRoundTrip) {
  EntityRegistry reg(Resources());
  Feed(&reg, {{"", "Le président Vladimir Poutine est à Moscou avec Kim Jong Un."}});
  EntityRegistry copy(Resources());
  ASSERT_TRUE(copy.Load(reg.Entities(), reg.Variants()).ok());
  EXPECT_EQ(copy.Entities().size(), reg.Entities().size());
  EXPECT_EQ(copy.Variants().size(), reg.Variants().size());
  // The reloaded registry keeps merging into the same ids.
  std::vector<ArticleEntities> more = {
      RecognizeEntities(Resources(), "", "Poutine et Kim Jong-un à Moscou.", "fr")};
  copy.Add(&more[0]);
  EXPECT_EQ(copy.Entities().size(), reg.Entities().size());
  // Bad rows are refused.
  EXPECT_FALSE(copy.Load({}, reg.Variants()).ok());
}

}  // namespace
}  // namespace veille
