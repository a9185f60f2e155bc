// Stemming, stop words, term vectors, SimHash, MinHash/LSH, TF-IDF.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analyze/minhash.h"
#include "analyze/simhash.h"
#include "analyze/stemmer.h"
#include "analyze/stopwords.h"
#include "analyze/term_vector.h"
#include "analyze/tokenizer.h"
#include "veille/analyze.h"

namespace veille::analyze {
namespace {

std::string DataDir() { return std::string(VEILLE_SOURCE_DIR) + "/data"; }

TEST(StemmerTest, SnowballLanguages) {
  for (const char* lang : {"fr", "en", "de", "es", "it", "pt", "ru", "nl"})
    EXPECT_TRUE(HasStemmer(lang)) << lang;
  EXPECT_FALSE(HasStemmer("xx"));
  EXPECT_FALSE(HasStemmer(""));
  EXPECT_EQ(Stem("fr", "rencontreront"), Stem("fr", "rencontrer"));
  EXPECT_EQ(Stem("en", "meetings"), Stem("en", "meeting"));
  EXPECT_EQ(Stem("ru", "встретился"), Stem("ru", "встретились"));
  EXPECT_EQ(Stem("xx", "mots"), "mots");
}

TEST(StopWordsTest, LoadsShippedLists) {
  StopWords sw;
  ASSERT_TRUE(sw.LoadDirectory(DataDir() + "/stopwords").ok());
  for (const char* lang : {"fr", "en", "de", "es", "it", "pt", "ru", "nl"})
    EXPECT_TRUE(sw.HasLanguage(lang)) << lang;
  EXPECT_TRUE(sw.Contains("fr", "les"));  // from the supplement
  EXPECT_TRUE(sw.Contains("fr", "été"));
  EXPECT_TRUE(sw.Contains("en", "the"));
  EXPECT_FALSE(sw.Contains("fr", "sommet"));
  EXPECT_FALSE(sw.Contains("xx", "the"));
  EXPECT_EQ(sw.LoadDirectory("/nonexistent").code(), StatusCode::kNotFound);
}

TEST(TermVectorTest, StemsFoldsAndCounts) {
  StopWords sw;
  ASSERT_TRUE(sw.LoadDirectory(DataDir() + "/stopwords").ok());
  const auto tokens =
      Tokenize("Les dirigeants se rencontreront. Le dirigeant a rencontré l'ÉTÉ 2019 à 3 h.", "fr");
  const TermVector tv = BuildTermVector(tokens, "fr", &sw);
  auto count = [&](const std::string& term) {
    for (const auto& t : tv) {
      if (t.term == term) return t.count;
    }
    return 0u;
  };
  EXPECT_EQ(count(TermOf(tokens[1], "fr")), 2u);  // dirigeants / dirigeant
  EXPECT_EQ(count(TermOf(tokens[3], "fr")), 2u);  // rencontreront / rencontré
  EXPECT_EQ(count("2019"), 1u);
  EXPECT_EQ(count("les"), 0u);
  EXPECT_EQ(count("3"), 0u);
  for (size_t i = 1; i < tv.size(); ++i) EXPECT_LT(tv[i - 1].term, tv[i].term);
}

TEST(SimHashTest, SimilarTextsAreClose) {
  StopWords sw;
  ASSERT_TRUE(sw.LoadDirectory(DataDir() + "/stopwords").ok());
  auto tv = [&](const char* text) { return BuildTermVector(Tokenize(text, "fr"), "fr", &sw); };
  const auto a =
      tv("Kim Jong-un et Vladimir Poutine se rencontrent à Vladivostok pour parler du nucléaire "
         "nord-coréen, des sanctions et de la coopération économique entre les deux pays.");
  const auto b =
      tv("Vladimir Poutine et Kim Jong-un se rencontrent à Vladivostok pour discuter du nucléaire "
         "nord-coréen, des sanctions et de la coopération économique entre les deux pays.");
  const auto c =
      tv("La Bourse de Paris a terminé en hausse vendredi, portée par les valeurs bancaires et "
         "un regain d'optimisme sur la croissance européenne.");
  const int near = SimHashDistance(SimHash({}, a), SimHash({}, b));
  const int far = SimHashDistance(SimHash({}, a), SimHash({}, c));
  EXPECT_LT(near, far);
  EXPECT_LE(near, 12);
  EXPECT_EQ(SimHash({}, {}), 0u);
}

TEST(MinHashTest, EstimatesJaccard) {
  // Two sets of 400 shingles sharing 200: J = 200 / 600 = 1/3.
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 400; ++i) a.push_back(i * 0x9E3779B97F4A7C15ULL);
  for (uint64_t i = 200; i < 600; ++i) b.push_back(i * 0x9E3779B97F4A7C15ULL);
  const MinHasher h(128);
  const auto sa = h.Signature(a), sb = h.Signature(b);
  ASSERT_EQ(sa.size(), 128u);
  EXPECT_NEAR(JaccardEstimate(sa, sb), 1.0 / 3, 0.15);
  EXPECT_EQ(JaccardEstimate(sa, sa), 1.0);
  EXPECT_TRUE(h.Signature({}).empty());
  EXPECT_EQ(JaccardEstimate(sa, {}), 0.0);
}

TEST(MinHashTest, ShinglesIgnoreCaseAndAccents) {
  const auto a =
      ShingleHashes(Tokenize("Le sommet de Vladivostok s'est ouvert jeudi matin", "fr"), 5);
  const auto b =
      ShingleHashes(Tokenize("LE SOMMET DE VLADIVOSTOK S’EST OUVERT JEUDI MATIN", "fr"), 5);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.size(), 9u - 5 + 1);  // 9 tokens ("s'" is one)
  EXPECT_EQ(ShingleHashes(Tokenize("deux mots", "fr"), 5).size(), 1u);
  EXPECT_TRUE(ShingleHashes({}, 5).empty());
}

TEST(LshTest, BandsOfIdenticalSignaturesMatch) {
  const MinHasher h(128);
  std::vector<uint64_t> a;
  for (uint64_t i = 0; i < 50; ++i) a.push_back(i * 7919);
  const auto sig = h.Signature(a);
  const auto k1 = LshKeys(sig, 32, 4);
  ASSERT_EQ(k1.size(), 32u);
  EXPECT_EQ(k1, LshKeys(sig, 32, 4));
  EXPECT_TRUE(LshKeys(sig, 30, 4).empty());  // bands * rows != size
  auto other = sig;
  other[0] ^= 1;  // only band 0 changes
  const auto k2 = LshKeys(other, 32, 4);
  EXPECT_NE(k1[0], k2[0]);
  for (size_t i = 1; i < 32; ++i) EXPECT_EQ(k1[i], k2[i]);
}

TEST(DocumentFrequenciesTest, IncrementalIdfAndSerialisation) {
  DocumentFrequencies df;
  EXPECT_DOUBLE_EQ(df.Idf("x"), 1.0);
  df.AddDocument({{"kim", 2}, {"poutin", 1}});
  df.AddDocument({{"kim", 1}, {"bours", 3}});
  EXPECT_EQ(df.document_count(), 2);
  EXPECT_EQ(df.DocumentFrequency("kim"), 2);
  EXPECT_GT(df.Idf("bours"), df.Idf("kim"));
  EXPECT_GT(df.Idf("unseen"), df.Idf("bours"));
  DocumentFrequencies copy;
  copy.Restore(df.document_count(), df.Entries());
  EXPECT_EQ(copy.DocumentFrequency("poutin"), 1);
  EXPECT_DOUBLE_EQ(copy.Idf("kim"), df.Idf("kim"));
  df.RemoveDocument({{"kim", 1}, {"bours", 3}});
  EXPECT_EQ(df.document_count(), 1);
  EXPECT_EQ(df.DocumentFrequency("bours"), 0);
  EXPECT_EQ(df.term_count(), 2u);
}

TEST(TfIdfTest, NormalisedAndCosine) {
  DocumentFrequencies df;
  df.AddDocument({{"a", 1}, {"b", 1}});
  df.AddDocument({{"a", 1}, {"c", 1}});
  df.AddDocument({{"a", 1}});
  const SparseVector v = TfIdf({{"a", 3}, {"b", 1}}, df);
  double norm = 0;
  for (const auto& [t, w] : v) norm += w * w;
  EXPECT_NEAR(norm, 1.0, 1e-6);
  EXPECT_NEAR(Cosine(v, v), 1.0, 1e-6);
  const SparseVector u = TfIdf({{"c", 1}}, df);
  EXPECT_EQ(Cosine(v, u), 0.0);
  const SparseVector w = TfIdf({{"b", 1}, {"c", 1}}, df);
  EXPECT_GT(Cosine(v, w), 0.0);
  EXPECT_LT(Cosine(v, w), 1.0);
  EXPECT_TRUE(TfIdf({}, df).empty());
  EXPECT_EQ(Cosine({}, v), 0.0);
}

}  // namespace
}  // namespace veille::analyze
