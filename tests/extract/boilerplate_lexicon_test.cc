// The class/id cue lists are matched in one pass indexed by first byte
// (boilerplate_lexicon.cc): a cue counts anywhere in the value, at its start,
// middle and end, overlapping a near miss, and nothing else does.
#include "extract/boilerplate_lexicon.h"

#include <gtest/gtest.h>

namespace veille::extract {
namespace {

TEST(BoilerplateLexicon, AttributeCueAnywhereInTheValue) {
  EXPECT_TRUE(IsBoilerplateAttribute("share"));
  EXPECT_TRUE(IsBoilerplateAttribute("sharebar"));
  EXPECT_TRUE(IsBoilerplateAttribute("post-sharing-tools"));
  EXPECT_TRUE(IsBoilerplateAttribute("x sr-only"));       // at the very end
  EXPECT_TRUE(IsBoilerplateAttribute("ssssidebar"));      // after repeats of its first byte
  EXPECT_TRUE(IsBoilerplateAttribute("socisocial"));      // after a near miss
  EXPECT_TRUE(IsBoilerplateAttribute("mehr-zum-thema"));  // a long cue
  EXPECT_TRUE(IsBoilerplateAttribute("nav"));             // a whole token
  EXPECT_TRUE(IsBoilerplateAttribute("top-ad-slot"));
  EXPECT_FALSE(IsBoilerplateAttribute("shar"));
  EXPECT_FALSE(IsBoilerplateAttribute("sr-onl"));
  EXPECT_FALSE(IsBoilerplateAttribute("s"));
  EXPECT_FALSE(IsBoilerplateAttribute(""));
  EXPECT_FALSE(IsBoilerplateAttribute("article-body"));
  EXPECT_FALSE(IsBoilerplateAttribute("header"));  // holds "ad" but not as a token
}

TEST(BoilerplateLexicon, BodyAndContentCues) {
  EXPECT_TRUE(IsArticleBodyAttribute("main entry-content"));
  EXPECT_TRUE(IsArticleBodyAttribute("td-post-content"));
  EXPECT_FALSE(IsArticleBodyAttribute("entry-conten"));
  EXPECT_TRUE(HasContentCue("storyline"));
  EXPECT_TRUE(HasContentCue("x-noticia"));
  EXPECT_FALSE(HasContentCue("sidebar"));
  EXPECT_FALSE(HasContentCue("cor"));
}

TEST(BoilerplateLexicon, PromptPhraseAnywhereInAShortLine) {
  EXPECT_EQ(ClassifyLine("accepter les cookies"), PhraseCue::kBoilerplate);
  EXPECT_EQ(ClassifyLine("cliquez ici pour vous abonner à la newsletter"), PhraseCue::kBoilerplate);
  EXPECT_EQ(ClassifyLine("tous les commentaires"), PhraseCue::kBoilerplate);
  EXPECT_EQ(ClassifyLine("un texte sans rien de tel"), PhraseCue::kNone);
}

// Headings that open the section after a story, in several languages; not
// a heading that only starts alike, nor a long line.
TEST(BoilerplateLexicon, SectionCloserHeadings) {
  EXPECT_TRUE(IsSectionCloser("weitere informationen:"));
  EXPECT_TRUE(IsSectionCloser("zum weiterlesen"));
  EXPECT_TRUE(IsSectionCloser("related"));
  EXPECT_TRUE(IsSectionCloser("pour aller plus loin"));
  EXPECT_TRUE(IsSectionCloser("más información"));
  EXPECT_FALSE(IsSectionCloser("relativ teuer"));
  EXPECT_FALSE(IsSectionCloser("mehrheit im stadtrat"));
  EXPECT_FALSE(IsSectionCloser("die kritik"));
  EXPECT_FALSE(IsSectionCloser(
      "weitere informationen zum haushalt der stadt gibt es bei der verwaltung im rathaus"));
}

// Labels over an author box, whole or as the start of the label; not a
// word that only starts alike.
TEST(BoilerplateLexicon, AuthorBoxLabels) {
  EXPECT_TRUE(IsAuthorBoxLabel("über den autor"));
  EXPECT_TRUE(IsAuthorBoxLabel("autor:"));
  EXPECT_TRUE(IsAuthorBoxLabel("about the author jane doe"));
  EXPECT_TRUE(IsAuthorBoxLabel("à propos de l'auteur"));
  EXPECT_TRUE(IsAuthorBoxLabel("artikel von"));
  EXPECT_FALSE(IsAuthorBoxLabel("autorität der stadt"));
  EXPECT_FALSE(IsAuthorBoxLabel("author of the law speaks"));
  EXPECT_FALSE(IsAuthorBoxLabel("die autorin des buches im gespräch"));
}

TEST(BoilerplateLexicon, CreditAndPostMetaLinesWhenShort) {
  EXPECT_EQ(IsCreditOrPostMeta("foto: ingo pertramer"), true);
  EXPECT_EQ(IsCreditOrPostMeta("(quelle: deutscher jagdverband)"), true);
  EXPECT_EQ(IsCreditOrPostMeta("crédits photos : bestimage"), true);
  EXPECT_EQ(IsCreditOrPostMeta("this entry was posted in allgemein. bookmark the permalink."),
            true);
  EXPECT_EQ(
      IsCreditOrPostMeta("der beitrag wurde am mittwoch, den 27. november 2019 veröffentlicht"),
      true);
  // A word that only starts like a cue, and a long sentence, are text.
  EXPECT_EQ(IsCreditOrPostMeta("fotografen bekamen keinen zugang zum saal"), false);
  EXPECT_EQ(
      IsCreditOrPostMeta("quelle: das statistische bundesamt meldet für das dritte quartal einen "
                         "deutlichen anstieg der exporte, vor allem nach asien und in die usa"),
      false);
}

}  // namespace
}  // namespace veille::extract
