// Dates on the project's seed pages (data/sample/seeds), extracted by the
// project's extractor, against the publication dates the issue gives them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "analyze/civil_date.h"
#include "analyze/dates.h"
#include "veille/extract.h"

namespace veille::analyze {
namespace {

Article ExtractSeed(const std::string& name) {
  RawDocument doc;
  doc.input = std::string(VEILLE_SOURCE_DIR) + "/data/sample/seeds/" + name;
  doc.format = DocFormat::kText;
  std::ifstream in(doc.input);
  std::stringstream ss;
  ss << in.rdbuf();
  doc.bytes = ss.str();
  auto article = Extract(doc, ExtractOptions());
  EXPECT_TRUE(article.ok()) << doc.input;
  return article.ok() ? *article : Article();
}

// The ISO value of the mention whose sentence contains `context` and whose
// surface is `expression`; "" when none.
std::string Resolve(const std::string& text, const std::string& reference,
                    const std::string& expression, const std::string& context) {
  for (const auto& m : FindDates(text, "fr", ParseIsoDate(reference))) {
    const std::string sentence = text.substr(m.sentence_begin, m.sentence_end - m.sentence_begin);
    if (text.substr(m.begin, m.end - m.begin) == expression &&
        sentence.find(context) != std::string::npos) {
      return m.Iso();
    }
  }
  return "";
}

TEST(DatesSeedsTest, Seed001PublishedTuesday23April2019) {
  const Article a = ExtractSeed("001_7ed8cf3b4f60d3ac.txt");
  ASSERT_FALSE(a.text.empty());
  EXPECT_EQ(Resolve(a.text, "2019-04-23", "jeudi", "confirmant une annonce du Kremlin"),
            "2019-04-18");
  EXPECT_EQ(Resolve(a.text, "2019-04-23", "mardi", "a annoncé mardi"), "2019-04-23");
  EXPECT_EQ(Resolve(a.text, "2019-04-23", "il y a huit ans", "Kim Jong Il"), "2011");
  EXPECT_EQ(Resolve(a.text, "2019-04-23", "la semaine dernière", "Kremlin"), "2019-W16");
}

TEST(DatesSeedsTest, Seed003PublishedWednesday24April2019) {
  const Article a = ExtractSeed("003_23cb88113d4ad096.txt");
  ASSERT_FALSE(a.text.empty());
  EXPECT_EQ(Resolve(a.text, "2019-04-24", "mercredi", "est arrivé mercredi"), "2019-04-24");
  EXPECT_EQ(Resolve(a.text, "2019-04-24", "jeudi", "prévue jeudi"), "2019-04-25");
  EXPECT_EQ(Resolve(a.text, "2019-04-24", "février dernier", "Hanoï"), "2019-02");
  EXPECT_EQ(Resolve(a.text, "2019-04-24", "l'an dernier", "offensive diplomatique"), "2018");
}

TEST(DatesSeedsTest, Seed000TeaserPublishedWednesday24April2019) {
  const Article a = ExtractSeed("000_2785d6a6c9a5b3ab.txt");
  bool found = false;
  for (const RelatedLink& r : a.related) {
    for (const std::string* field : {&r.title, &r.snippet}) {
      if (field->find("se rencontreront jeudi") == std::string::npos) continue;
      EXPECT_EQ(Resolve(*field, "2019-04-24", "jeudi", "se rencontreront jeudi"), "2019-04-25");
      found = true;
    }
  }
  if (!found) {
    // The extractor may keep the teaser in the text instead.
    EXPECT_EQ(Resolve(a.text, "2019-04-24", "jeudi", "se rencontreront jeudi"), "2019-04-25");
  }
}

}  // namespace
}  // namespace veille::analyze
