// Recognition and typing of names: cues, sentence-initial capitals,
// section labels, glued words, particles, place prefixes. Sentences are
// written for the test (several adapted from the seed pages).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyze/entity_gazetteer.h"
#include "analyze/entity_recognizer.h"
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

// Resources without the alias table: recognition must not depend on it.
const EntityResources& NoAliasResources() {
  static const std::unique_ptr<const EntityResources> r = [] {
    EntityOptions o = DefaultEntityOptions();
    o.alias_path.clear();
    auto loaded = EntityResources::Load(o);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return std::move(loaded).value();
  }();
  return *r;
}

// "surface/kind" for each mention, in order.
std::vector<std::string> Tagged(const EntityResources& res, std::string_view text,
                                std::string_view lang = "fr") {
  std::vector<std::string> out;
  for (const EntityMention& m : RecognizeEntities(res, "", text, lang).mentions) {
    out.push_back(m.surface + "/" + EntityKindName(m.kind));
  }
  return out;
}

using ::testing::ElementsAre;

TEST(EntityRecognizer, HonorificIsACueNotPartOfTheName) {
  EXPECT_THAT(Tagged(NoAliasResources(), "Selon lui, M. Dupontel viendra."),
              ElementsAre("Dupontel/person"));
  EXPECT_THAT(Tagged(NoAliasResources(), "Hier, Mme Hidalgo a parlé.", "fr"),
              ElementsAre("Hidalgo/person"));
}

TEST(EntityRecognizer, SentenceInitialDictionaryWordsAreNotNames) {
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "Déterminé à développer l'économie, il part. Première rencontre entre "
                     "Vladimir Poutine et Kim Jong Un. Cette réunion est longue."),
              ElementsAre("Vladimir Poutine/person", "Kim Jong Un/person"));
}

TEST(EntityRecognizer, AllCapsSectionLabelIsNeverAPerson) {
  const auto tags = Tagged(NoAliasResources(),
                           "CORÉE DU NORD - Le dirigeant nord-coréen Kim Jong Un est arrivé.");
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0], "CORÉE DU NORD/place");
  EXPECT_EQ(tags[1], "Kim Jong Un/person");
  EXPECT_THAT(Tagged(NoAliasResources(), "PUBLICITÉ\n\nIl pleut."), ElementsAre());
}

TEST(EntityRecognizer, AcronymIsAnOrganization) {
  EXPECT_THAT(Tagged(NoAliasResources(), "a annoncé mardi l'agence officielle KCNA."),
              ElementsAre("KCNA/organization"));
}

TEST(EntityRecognizer, GluedTitleAndSnippetAreSplit) {
  // A flattened page lost the line break between a title and its snippet.
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "Kim Jong Un en Russie pour rencontrer Vladimir PoutineLe dirigeant "
                     "nord-coréen va venir."),
              ElementsAre("Kim Jong Un/person", "Russie/place", "Vladimir Poutine/person"));
  const auto tags = Tagged(NoAliasResources(), "entre Vladimir Poutine et Kim JongKim Jong Un et");
  EXPECT_THAT(tags,
              ElementsAre("Vladimir Poutine/person", "Kim Jong/person", "Kim Jong Un/person"));
}

TEST(EntityRecognizer, GluedWordsAreSplitAtAccentedCapitals) {
  // The junction may be an accented capital, after accented letters; words
  // with accents but no inner capital stay whole.
  EXPECT_THAT(Tagged(NoAliasResources(), "Elle a reçu Hervé MorinÉlisabeth Borne répond."),
              ElementsAre("Hervé Morin/person"));  // the rest is at a line start: weak
  EXPECT_THAT(Tagged(NoAliasResources(), "Rencontre avec Hervé LefèbvreÉric Dupré hier."),
              ElementsAre("Hervé Lefèbvre/person", "Éric Dupré/person"));
}

TEST(EntityRecognizer, ParticlesInsideNames) {
  EXPECT_THAT(Tagged(NoAliasResources(), "Il a cité le général Charles de Gaulle hier."),
              ElementsAre("Charles de Gaulle/person"));
  EXPECT_THAT(Tagged(NoAliasResources(), "Il a reçu la présidente Ursula von der Leyen."),
              ElementsAre("Ursula von der Leyen/person"));
  EXPECT_THAT(Tagged(NoAliasResources(), "Le régime du président Bashar al-Assad tient."),
              ElementsAre("Bashar al-Assad/person"));
  // A capital "Le" inside a sentence belongs to the name.
  EXPECT_THAT(Tagged(NoAliasResources(), "Elle a vu Marine Le Pen et Jean-Yves Le Drian."),
              ElementsAre("Marine Le Pen/person", "Jean-Yves Le Drian/person"));
}

TEST(EntityRecognizer, PlacePrefixMakesAPlaceName) {
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "la cérémonie organisée sur la place Kim Il Sung, qui a marqué le début."),
              ElementsAre("place Kim Il Sung/place"));
}

TEST(EntityRecognizer, RoleWordsAnnounceAPersonAlsoThroughCoordination) {
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "le dictateur a multiplié les rencontres avec les présidents sud-coréen "
                     "Moon Jae-in et chinois Xi Jinping."),
              ElementsAre("Moon Jae-in/person", "Xi Jinping/person"));
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "Accompagné d'une délégation, y compris le ministre des Affaires "
                     "étrangères Sergey Lavrov, il part."),
              ElementsAre("Sergey Lavrov/person"));
  // A role word before a nationality adjective does not make it a person.
  EXPECT_THAT(Tagged(NoAliasResources(), "Le dirigeant Nord-coréen espère un sommet."),
              ElementsAre());
}

TEST(EntityRecognizer, OrganizationCueWords) {
  // From seed 002's lead paragraph.
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "Selon les sources d'information russes Interfax et Ria Novosti, le "
                     "sommet a commencé."),
              ElementsAre("Interfax/organization", "Ria Novosti/organization"));
  EXPECT_THAT(Tagged(NoAliasResources(), "Il a lu le site de Donald Trump."),
              ElementsAre("Donald Trump/person"));
}

TEST(EntityRecognizer, GazetteerPlacesInSeveralLanguages) {
  EXPECT_THAT(Tagged(NoAliasResources(), "Il compte sur Moscou et sur la Corée du Nord."),
              ElementsAre("Moscou/place", "Corée du Nord/place"));
  EXPECT_THAT(Tagged(NoAliasResources(), "He flew from Moscow to North Korea.", "en"),
              ElementsAre("Moscow/place", "North Korea/place"));
}

TEST(EntityRecognizer, EnglishCues) {
  EXPECT_THAT(Tagged(NoAliasResources(), "On Monday, President Joe Biden met Mr. Smithers.", "en"),
              ElementsAre("Joe Biden/person", "Smithers/person"));
}

TEST(EntityRecognizer, OffsetsAndSentencesPointAtTheSurface) {
  const std::string text = "Il pleut. Hier, M. Dupontel est venu à Lyon.";
  const ArticleEntities a = RecognizeEntities(NoAliasResources(), "Titre sur Lyon", text, "fr");
  ASSERT_EQ(a.mentions.size(), 3u);
  EXPECT_EQ(a.mentions[0].field, EntityField::kTitle);
  for (const EntityMention& m : a.mentions) {
    if (m.field == EntityField::kText) {
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface);
      EXPECT_EQ(m.sentence, 1u);
    }
  }
}

TEST(EntityRecognizer, EmptyInputHasNoMentions) {
  EXPECT_TRUE(RecognizeEntities(Resources(), "", "", "fr").mentions.empty());
}

// German capitalises every noun: a capital alone is no evidence of a name.
// Names typed by a strong cue (role word, gazetteer) stay, and their short
// forms with them.
TEST(EntityRecognizer, GermanCapitalisedNounsAreNotNames) {
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "Die Bundesregierung hat neue Regeln für den Datenschutz beschlossen. "
                     "Kanzler Olaf Scholz sprach in Berlin mit Vertretern der Wirtschaft. "
                     "Scholz sagte, die Maßnahmen seien nötig.",
                     "de"),
              ElementsAre("Olaf Scholz/person", "Berlin/place", "Scholz/person"));
  EXPECT_THAT(Tagged(NoAliasResources(),
                     "Im Grunde ist die Nutzung der Kohleförderung eine Frage der Bewegung.", "de"),
              ::testing::IsEmpty());
}

// RecognizeEntities drops the weak candidates that no strong one confirms
// before resolution; that must not change what resolution returns.
TEST(EntityRecognizer, DroppingUnconfirmedWeakCandidatesChangesNothing) {
  const auto& g = analyze::AsGazetteer(Resources());
  const std::pair<std::string, std::string> docs[] = {
      {"fr",
       "Première rencontre. Vladimir Poutine et Kim Jong Un à Vladivostok. Kim a parlé. "
       "Poutine aussi. Déterminé, Trump attend. Medline publie. Medline encore."},
      {"de",
       "Im Grunde sagte US-Präsident Donald Trump nichts. Trump und Kim Jong Un in "
       "Hanoi. Die Bewegung der Grunde. Kim lachte."},
      {"en", "Yesterday Medline said. Medline is a database. President Moon Jae-in met Xi."}};
  for (const auto& [lang, text] : docs) {
    const std::string title = "Sommet: Poutine et Kim";
    const ArticleEntities fast = RecognizeEntities(Resources(), title, text, lang);
    const ArticleEntities full = analyze::ResolveArticleEntities(
        g, analyze::FindNameCandidates(g, title, EntityField::kTitle, lang),
        analyze::FindNameCandidates(g, text, EntityField::kText, lang));
    ASSERT_EQ(fast.mentions.size(), full.mentions.size()) << text;
    for (size_t i = 0; i < fast.mentions.size(); ++i) {
      EXPECT_EQ(fast.mentions[i].surface, full.mentions[i].surface);
      EXPECT_EQ(fast.mentions[i].kind, full.mentions[i].kind);
      EXPECT_EQ(fast.mentions[i].local_entity, full.mentions[i].local_entity);
      EXPECT_EQ(fast.mentions[i].rule, full.mentions[i].rule);
    }
    ASSERT_EQ(fast.entities.size(), full.entities.size());
    for (size_t i = 0; i < fast.entities.size(); ++i) {
      EXPECT_EQ(fast.entities[i].name, full.entities[i].name);
    }
  }
}

}  // namespace
}  // namespace veille
