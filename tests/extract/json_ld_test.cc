// ReadJsonLdArticleBody: the declared body of a page's article.
#include "extract/json_ld.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace veille::extract {
namespace {

TEST(JsonLdArticleBody, MarkupBecomesParagraphsAndTextAnglesStay) {
  const std::vector<std::string> scripts = {
      R"({"@type":"NewsArticle","articleBody":"<p>Inflation was <3% in May, x < y and z > w.</p>)"
      R"(<p>Prices rose &amp; fell.<br>Again.</p>"})"};
  EXPECT_EQ(ReadJsonLdArticleBody(scripts),
            "Inflation was <3% in May, x < y and z > w.\n\nPrices rose & fell.\n\nAgain.");
}

TEST(JsonLdArticleBody, AnUnclosedTagDoesNotCutTheRest) {
  const std::vector<std::string> scripts = {
      R"({"@type":"Article","articleBody":"Rates <b rose again, said the bank."})"};
  EXPECT_EQ(ReadJsonLdArticleBody(scripts), "Rates <b rose again, said the bank.");
}

TEST(JsonLdArticleBody, OnlyArticleObjectsCount) {
  EXPECT_EQ(ReadJsonLdArticleBody({R"({"@type":"WebPage","articleBody":"Menu text."})"}), "");
  EXPECT_EQ(ReadJsonLdArticleBody({R"({"@graph":[{"@type":"WebSite","name":"S"},)"
                                   R"({"@type":["Thing","BlogPosting"],"articleBody":"Post."}]})"}),
            "Post.");
}

// A hub page listing articles, or a live blog's updates: several bodies, none
// of which is the page's article.
TEST(JsonLdArticleBody, SeveralDistinctBodiesGiveNone) {
  const std::vector<std::string> scripts = {
      R"({"@type":"ItemList","itemListElement":[)"
      R"({"@type":"NewsArticle","articleBody":"First story."},)"
      R"({"@type":"NewsArticle","articleBody":"Second story."}]})"};
  EXPECT_EQ(ReadJsonLdArticleBody(scripts), "");
  // The same body declared twice (two blocks of one page) is one article.
  EXPECT_EQ(ReadJsonLdArticleBody({R"({"@type":"Article","articleBody":"Same."})",
                                   R"({"@type":"Article","articleBody":"Same."})"}),
            "Same.");
}

TEST(JsonLdArticleBody, MalformedBlocksAreSkipped) {
  EXPECT_EQ(ReadJsonLdArticleBody({R"({"@type":"Article","articleBody":"Cut)",
                                   R"({"@type":"Article","articleBody":"Whole."})"}),
            "Whole.");
}

}  // namespace
}  // namespace veille::extract
