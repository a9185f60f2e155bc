// Reader prompts (reader_prompts.cc): an action and a channel in one short
// paragraph, in several languages; only the run closing an article is cut.
#include "extract/reader_prompts.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/text_util.h"

namespace veille::extract {
namespace {

bool Prompt(const std::string& paragraph) { return IsReaderPrompt(FoldForMatch(paragraph)); }

TEST(ReaderPrompts, ActionAndChannelInSeveralLanguages) {
  EXPECT_TRUE(Prompt("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner."));
  EXPECT_TRUE(Prompt("Lust auf mehr? Melde dich hier für unseren Newsletter an!"));
  EXPECT_TRUE(Prompt("¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular."));
  EXPECT_TRUE(Prompt("¡Mira lo que tiene nuestro canal de YouTube!"));
  EXPECT_TRUE(Prompt("Abonnez-vous à notre newsletter pour recevoir nos articles."));
  EXPECT_TRUE(Prompt("Wesprzyj nas darowizną, aby nasze dziennikarstwo było niezależne."));
  // "subscribe" is the action, the later "Subscription" the channel.
  EXPECT_TRUE(Prompt("To view the full story, please subscribe. Choose an Annual Subscription."));
}

TEST(ReaderPrompts, OneCueOrThirdPersonIsStory) {
  EXPECT_FALSE(Prompt("The union asked its members to join the strike on Monday."));
  EXPECT_FALSE(Prompt("Die App wurde 2019 veröffentlicht und hat eine Million Nutzer."));
  // Third person, not an imperative: "unterstützt", "unterstützen wir".
  EXPECT_FALSE(Prompt("Der Verein unterstützt den Chor. Er ist Mitglied im Verband."));
  EXPECT_FALSE(Prompt("Mit 18 Jahren Erfahrung unterstützen wir eine Community von 45.000."));
  // "Followers" is not "follow us".
  EXPECT_FALSE(Prompt("The senator, who has 80 million followers on Twitter, did not reply."));
  // An action and a channel that report what others do, not a request to
  // the reader.
  EXPECT_FALSE(Prompt("Users can download the app for free from Thursday."));
  EXPECT_FALSE(Prompt("Police asked anyone with information to submit tips through the app."));
  EXPECT_FALSE(Prompt("El Gobierno pidió que la comunidad siga unida tras el terremoto."));
  EXPECT_FALSE(Prompt("Die Folge: Der Kanal ist seit Montag gesperrt."));
  EXPECT_FALSE(Prompt("Six tankers will join the convoy through the Suez canal."));
  // The same words asked of the reader.
  EXPECT_TRUE(Prompt("Download the app for free from Thursday."));
  EXPECT_TRUE(Prompt("Readers can download our app for free."));
  EXPECT_TRUE(Prompt("« Rejoignez la communauté » sur Facebook."));
  // Too long to be a prompt.
  EXPECT_FALSE(Prompt(std::string(700, 'a') + " subscribe to our newsletter"));
}

TEST(ReaderPrompts, CutsOnlyTheTrailingRun) {
  const std::string story =
      "The police have now released the identities of the two people killed in a crash on "
      "Tuesday. All five crash victims were taken to a hospital where two were pronounced "
      "dead, the police said in a statement on Wednesday evening.";
  const std::string prompt = "Follow us on Twitter and Facebook for the latest news.";
  const std::string sign_off = "All the best, the editors";
  std::string text = story + "\n\n" + prompt + "\n\n" + sign_off;
  EXPECT_EQ(TrailingPromptsStart(text, 200), story.size());
  // A prompt between two long paragraphs of the story stays.
  text = story + "\n\n" + prompt + "\n\n" + story;
  EXPECT_EQ(TrailingPromptsStart(text, 200), text.size());
  // A page that is (almost) only the prompt keeps it.
  text = "Short brief.\n\n" + prompt;
  EXPECT_EQ(TrailingPromptsStart(text, 200), text.size());
}

// Next to a prompt closing the text, a short paragraph about the site's
// business (its journalism, its paywall) goes with it; alone it stays.
TEST(ReaderPrompts, SitePleaNextToAPromptGoesWithIt) {
  const std::string story =
      "Ayer los juzgados especializados de San Salvador decretaron enviar a prisión preventiva a "
      "300 supuestos pandilleros, quienes en su mayoría son acusados por el delito de "
      "agrupaciones ilícitas, informó la fiscalía en un comunicado.";
  const std::string plea =
      "Hacemos periodismo desde hace 106 años. Y ahora el periodismo es fundamental para que la "
      "opinión pública se fortalezca.";
  const std::string prompt = "Suscríbete a nuestro newsletter y recibe las noticias del día.";
  std::string text = story + "\n\n" + plea + "\n\n" + prompt;
  EXPECT_EQ(TrailingPromptsStart(text, 200), story.size());
  text = story + "\n\n" + plea;
  EXPECT_EQ(TrailingPromptsStart(text, 200), text.size());
  // "Gefällt dir unser Magazin?" asks for the site's paywall-free model.
  EXPECT_TRUE(IsReaderPrompt(FoldForMatch(
      "Gefällt dir unser Magazin? Wir haben entschieden, keine Bezahlschranke einzuführen.")));
  EXPECT_FALSE(IsReaderPrompt(FoldForMatch("Gefällt dir das neue Design des Rathauses?")));
}

}  // namespace
}  // namespace veille::extract
