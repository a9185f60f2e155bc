// The words that give site furniture away, in the languages Veille reads
// (French first, then English, German, Spanish, Italian): phrases that make a
// whole text line boilerplate ("Lire aussi", "Newsletter", "Tous droits
// réservés"), and the class/id cues that make an HTML element boilerplate.
// Constant tables; thread-safe.
#ifndef VEILLE_EXTRACT_BOILERPLATE_LEXICON_H_
#define VEILLE_EXTRACT_BOILERPLATE_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace veille::extract {

enum class PhraseCue : uint8_t {
  kNone,
  kBoilerplate,  // the line is site furniture ("Partager cet article", "PUBLICITÉ")
  kReadMore,     // a "read more" link that closes a teaser ("Lire la suite »")
};

// Classifies one line or paragraph by the phrases it holds: a whole-line
// label ("Newsletter"), a leading phrase ("Lire aussi : ..."), or, for lines
// short enough to be a prompt rather than a sentence of the story, a phrase
// anywhere ("... pour pouvoir commenter cet article").
// REQUIRES: `folded` is FoldForMatch() of the line.
PhraseCue ClassifyLine(std::string_view folded);

// True when `folded` (FoldForMatch() of a line) is a short credit or a post's
// meta line: "Foto: dpa", "(Quelle: Destatis)", "Filed under: Politics",
// "Der Beitrag wurde am ... veröffentlicht". Kept apart from ClassifyLine for
// the HTML extractor, where such a line is its own paragraph; in flattened
// text it may be glued to the story's last sentence.
bool IsCreditOrPostMeta(std::string_view folded);

// True when `folded` (FoldForMatch() of a heading or "...:" label) opens the
// section that follows a story rather than a part of it: further reading,
// more from the site ("Weitere Informationen", "Zum Weiterlesen", "Related",
// "Pour aller plus loin", "Más información"). Short labels only.
bool IsSectionCloser(std::string_view folded);

// True when `folded` (FoldForMatch() of a heading or "...:" label) titles a
// box about the author set after a story: "Über den Autor", "Artikel von",
// "About the author", "À propos de l'auteur", "Sobre el autor", or the bare
// word "Autor"/"Author". What follows is a biography, not the story.
bool IsAuthorBoxLabel(std::string_view folded);

// True when `lowered` (an element's class, id, role and aria-label, lowercased
// and joined by spaces) names a non-content element: sharing, comments,
// related links, newsletter, cookies, ads, menus, breadcrumbs...
bool IsBoilerplateAttribute(std::string_view lowered);

// True when `lowered` names the article body itself ("article-body",
// "entry-content"...); such an element is never dropped for a boilerplate cue.
bool IsArticleBodyAttribute(std::string_view lowered);

// True when `lowered` carries a cue that an element holds article text
// ("article", "content", "story", "post", "text"...), for scoring.
bool HasContentCue(std::string_view lowered);

}  // namespace veille::extract

#endif  // VEILLE_EXTRACT_BOILERPLATE_LEXICON_H_
