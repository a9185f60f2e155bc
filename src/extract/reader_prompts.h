// Reader prompts: the calls to action a site puts after its stories
// ("Follow us on Twitter", "Melde dich für unseren Newsletter an",
// "Únete a nuestro canal de Telegram", "Please subscribe to read on"), which
// are about the site, not the story. Constant tables; thread-safe.
#ifndef VEILLE_EXTRACT_READER_PROMPTS_H_
#define VEILLE_EXTRACT_READER_PROMPTS_H_

#include <cstddef>
#include <string_view>

namespace veille::extract {

// True when `folded` (FoldForMatch() of one paragraph, at most a few hundred
// bytes) asks the reader to act for the site: it holds an action word
// ("subscribe", "folge", "únete", "abonnez", "wesprzyj"...) and, elsewhere in
// it, a channel or object of that action ("newsletter", "app", "Telegram",
// "our journalism", "Mitglied"...), and it addresses the reader: the action
// opens a sentence (an imperative) or the paragraph holds a word such as
// "you", "us", "please", "dich", "nous"; in English, French, German,
// Spanish, Italian, Portuguese, Polish or Dutch. Longer paragraphs are
// story: false.
bool IsReaderPrompt(std::string_view folded);

// Where the trailing run of reader prompts of `text` (paragraphs joined by
// "\n\n") starts: walking back from the last paragraph over prompts and
// short paragraphs (a sign-off, a credit, "Te necesitamos"), up to the first
// longer paragraph that is not a prompt, the start of the earliest prompt
// met; once a prompt is met, a short paragraph naming the site's business
// (its journalism, its paywall, a membership) goes too. text.size() when
// there is none, or when less than `min_story_bytes`
// of text would stay before it (a page that is only a prompt keeps it).
size_t TrailingPromptsStart(std::string_view text, size_t min_story_bytes);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_READER_PROMPTS_H_
