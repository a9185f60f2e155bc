#include "extract/boilerplate_lexicon.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "extract/text_util.h"

namespace veille::extract {
namespace {

// A line that is exactly one of these (ignoring final punctuation) is a label.
constexpr auto kWholeLines = std::to_array<std::string_view>(
    {// fr
     "newsletter", "publicité", "commentaires", "commentaire", "dernier", "derniers", "dernières",
     "dernières actualités", "dernières infos", "en direct", "en ce moment", "à la une",
     "les plus lus", "les plus partagés", "populaires", "tendances", "accueil", "menu",
     "rechercher", "recherche", "partager", "partagez", "suivez-nous", "fermer", "imprimer",
     "petites annonces", "sommaire", "vidéos", "voir plus", "plus d'infos", "abonnez-vous",
     "s'abonner", "se connecter", "connexion", "mon compte",
     // en
     "share", "tweet", "email", "e-mail", "print", "close", "search", "home", "latest", "trending",
     "most popular", "most read", "advertisement", "sponsored", "related", "comments", "subscribe",
     "log in", "login", "sign in", "register", "follow us",
     // de, es, it
     "anzeige", "werbung", "teilen", "kommentare", "startseite", "publicidad", "compartir",
     "comentarios", "inicio", "pubblicità", "condividi", "commenti",
     // networks
     "facebook", "twitter", "linkedin", "whatsapp", "instagram", "pinterest", "youtube",
     "telegram"});

// A line that starts with one of these (then a non-letter) is furniture.
constexpr auto kLeadingPhrases = std::to_array<std::string_view>(
    {// fr
     "lire aussi", "à lire aussi", "a lire aussi", "à lire", "lire également", "voir aussi",
     "à voir aussi", "à voir également", "à découvrir", "a découvrir", "découvrez aussi",
     "sur le même sujet", "dans la même rubrique", "partager cet article", "partager sur",
     "partager", "réagir", "commenter", "connectez-vous", "inscrivez-vous", "inscrivez vous",
     "abonnez-vous", "abonnez vous", "créez un compte", "créer un compte", "temps de lecture",
     "tous droits réservés", "publicité", "la newsletter", "newsletter", "recevez notre",
     "suivez-nous", "suivez nous", "et sur nos réseaux", "retrouvez-nous", "aller au contenu",
     "aller au menu", "retour en haut", "laissez-nous", "laisser un commentaire",
     "poster commentaire", "poster un commentaire", "votre adresse e-mail", "champs requis",
     "similar news", "copier le lien", "copier/coller", "lien copié", "crédit photo",
     "crédits photo", "nous utilisons des cookies", "ce site utilise des cookies",
     "accepter les cookies", "gérer les cookies", "paramétrer les cookies",
     // en
     "read also", "see also", "related:", "related articles", "related stories", "more on this",
     "share this", "share on", "sign up", "subscribe", "log in to", "advertisement",
     "all rights reserved", "skip to content", "skip to main", "click here", "follow us",
     "leave a comment", "we use cookies", "this site uses cookies", "copyright", "©",
     "your email address will not be published", "required fields are marked", "you may also like",
     "you might also like", "related posts", "recommended for you",
     // de
     "lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "teilen",
     "alle rechte vorbehalten", "zum inhalt springen", "newsletter abonnieren", "anzeige",
     "werbung", "deine e-mail-adresse wird nicht", "ihre e-mail-adresse wird nicht",
     "erforderliche felder sind", "schreibe einen kommentar", "kommentar verfassen",
     "schon gelesen", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
     "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "diese website verwendet",
     "diese webseite verwendet", "diese website speichert", "wir verwenden cookies",
     // es, it
     "lea también", "lee también", "te puede interesar", "noticias relacionadas",
     "todos los derechos reservados", "tu dirección de correo electrónico no será",
     "los campos obligatorios", "lo más leído", "leggi anche", "tutti i diritti riservati",
     "potrebbe interessarti", "articoli correlati"});

// "Read more" links that close a teaser.
constexpr auto kReadMore = std::to_array<std::string_view>(
    {"lire la suite", "lire l'article", "continuer la lecture", "en savoir plus", "read more",
     "continue reading", "weiterlesen", "mehr lesen", "leer más", "seguir leyendo", "leggi tutto",
     "leggi di più"});

// Phrases that mark a short line (a prompt, not a sentence) anywhere in it.
constexpr auto kAnywhere = std::to_array<std::string_view>(
    {"commentaires", "connectez-vous", "connectez vous", "inscrivez-vous", "abonnez-vous",
     "créez un compte", "newsletter", "tous droits réservés", "cookies", "all rights reserved",
     "sign up", "subscribe", "kommentare", "comentarios", "javascript", "partager cet article",
     "lire la suite"});

// Phrases that make a short line (a credit or a post's meta line, not a
// sentence of the story) furniture when they open it, alone or in
// parentheses: "Foto: dpa", "(Quelle: Destatis)", "Filed under: Politics",
// "Der Beitrag wurde am 3. Mai veröffentlicht".
constexpr auto kShortLeading = std::to_array<std::string_view>(
    {// credits
     "foto:", "fotos:", "foto :", "photo:", "photos:", "photo :", "bild:", "quelle:", "source:",
     "source :", "crédits photos", "crédit photos", "photo credit", "photo credits", "bildquelle",
     "fotoquelle", "fuente:", "fonte:",
     // post meta
     "this entry was posted", "filed under", "posted in", "abgelegt unter", "der beitrag wurde am",
     "dieser beitrag wurde", "erstellt am", "aktualisiert am", "zuletzt aktualisiert",
     "last modified", "last updated", "publié le", "mis à jour le"});

// Lines longer than this (bytes) are sentences; kAnywhere does not apply.
constexpr size_t kPromptMaxBytes = 120;

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// True when `s` starts with `phrase` followed by the end or a non-letter.
bool StartsWithWord(std::string_view s, std::string_view phrase) {
  return StartsWith(s, phrase) && (s.size() == phrase.size() || !IsAsciiLetter(s[phrase.size()]) ||
                                   !IsAsciiLetter(phrase.back()));
}

// Drops final punctuation and spaces: "Lire aussi :" -> "lire aussi".
std::string_view TrimLabel(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == ' ' || c == ':' || c == '.' || c == '!' || c == '>' || c == '|' || c == '-') {
      s.remove_suffix(1);
    } else if (s.ends_with("»") || s.ends_with("›")) {
      s.remove_suffix(s.ends_with("»") ? 2 : 3);
    } else {
      break;
    }
  }
  return s;
}

// A set of cues indexed by first byte, so that AnyIn looks for all of them
// in one pass over the text instead of one search per cue.
class CueSet {
 public:
  template <size_t N>
  explicit CueSet(const std::array<std::string_view, N>& cues) {
    for (const std::string_view cue : cues) ++begin_[static_cast<uint8_t>(cue[0]) + 1];
    for (size_t b = 1; b < begin_.size(); ++b) begin_[b] += begin_[b - 1];
    cues_.resize(N);
    std::array<uint16_t, 257> next = begin_;
    for (const std::string_view cue : cues) cues_[next[static_cast<uint8_t>(cue[0])]++] = cue;
  }

  // True when some cue occurs in `s`.
  bool AnyIn(std::string_view s) const {
    for (size_t i = 0; i < s.size(); ++i) {
      const auto b = static_cast<uint8_t>(s[i]);
      for (uint16_t k = begin_[b]; k < begin_[b + 1]; ++k) {
        const std::string_view cue = cues_[k];
        // Second bytes first: most candidates fail there, without a call.
        if (cue.size() <= s.size() - i && (cue.size() < 2 || cue[1] == s[i + 1]) &&
            std::memcmp(s.data() + i, cue.data(), cue.size()) == 0) {
          return true;
        }
      }
    }
    return false;
  }

 private:
  std::array<uint16_t, 257> begin_{};  // cues starting with byte b: [begin_[b], begin_[b + 1])
  std::vector<std::string_view> cues_;
};

const CueSet& AnywhereCues() {
  static const CueSet set(kAnywhere);
  return set;
}

}  // namespace

PhraseCue ClassifyLine(std::string_view folded) {
  const std::string_view label = TrimLabel(folded);
  if (label.empty()) return PhraseCue::kNone;
  for (const std::string_view phrase : kReadMore) {
    if (StartsWithWord(label, phrase)) return PhraseCue::kReadMore;
  }
  for (const std::string_view phrase : kWholeLines) {
    if (label == phrase) return PhraseCue::kBoilerplate;
  }
  for (const std::string_view phrase : kLeadingPhrases) {
    if (StartsWithWord(label, phrase)) return PhraseCue::kBoilerplate;
  }
  if (folded.size() <= kPromptMaxBytes && AnywhereCues().AnyIn(folded)) {
    return PhraseCue::kBoilerplate;
  }
  return PhraseCue::kNone;
}

bool IsCreditOrPostMeta(std::string_view folded) {
  if (folded.size() > kPromptMaxBytes) return false;
  const std::string_view opened = folded.starts_with('(') ? folded.substr(1) : folded;
  for (const std::string_view phrase : kShortLeading) {
    if (StartsWithWord(opened, phrase)) return true;
  }
  return false;
}

namespace {

// Headings that open the section after a story: further reading, more from
// the site, sources and contacts ("Weitere Informationen", "Zum
// Weiterlesen", "Related", "Pour aller plus loin", "Más información").
constexpr auto kCloserPhrases = std::to_array<std::string_view>(
    {// fr
     "pour aller plus loin", "pour en savoir plus", "plus d'informations", "à lire aussi",
     "a lire aussi", "lire aussi", "sur le même sujet", "dans la même rubrique", "voir aussi",
     // en
     "related", "further reading", "more from", "more stories", "more on", "read more", "see also",
     "recommended", "you may also like", "you might also like",
     // de
     "weitere informationen", "weitere infos", "weitere themen", "weitere beiträge",
     "weitere artikel", "weitere tipps", "zum weiterlesen", "weiterführende", "mehr zum thema",
     "mehr zu", "mehr von", "mehr aus", "mehr infos", "empfohlene beiträge", "empfohlene artikel",
     "entdecke weitere", "entdecken sie weitere", "das könnte sie auch interessieren",
     "das könnte dich auch interessieren", "auch interessant", "ähnliche beiträge",
     "ähnliche artikel", "verwandte artikel", "lesen sie auch", "zusatzinformationen",
     // es, it
     "más información", "mas información", "noticias relacionadas", "te puede interesar",
     "lea también", "lee también", "ulteriori informazioni", "leggi anche", "articoli correlati",
     "potrebbe interessarti"});

constexpr size_t kMaxCloserBytes = 60;

// Labels over the box about the article's author: the whole label, or its
// start when a name or more words follow ("Über den Autor Max Muster").
constexpr auto kAuthorBoxWords = std::to_array<std::string_view>(
    {"autor", "autorin", "autoren", "author", "authors", "auteur", "auteure", "autore", "autora",
     "the author", "der autor", "die autorin", "l'auteur", "l'autore", "el autor", "la autora",
     "o autor", "o autorze", "de auteur"});
constexpr auto kAuthorBoxPhrases = std::to_array<std::string_view>(
    {"about the author", "über den autor", "über die autorin", "über die autoren", "zum autor",
     "zur autorin", "zu den autoren", "artikel von", "à propos de l'auteur", "a propos de l'auteur",
     "à propos de l'autrice", "sobre el autor", "sobre la autora", "sobre o autor", "sull'autore",
     "o autorze", "over de auteur", "over de schrijver"});

}  // namespace

bool IsAuthorBoxLabel(std::string_view folded) {
  const std::string_view label = TrimLabel(folded);
  if (label.empty() || label.size() > kMaxCloserBytes) return false;
  for (const std::string_view word : kAuthorBoxWords) {
    if (label == word) return true;
  }
  for (const std::string_view phrase : kAuthorBoxPhrases) {
    if (StartsWithWord(label, phrase)) return true;
  }
  return false;
}

bool IsSectionCloser(std::string_view folded) {
  const std::string_view label = TrimLabel(folded);
  if (label.empty() || label.size() > kMaxCloserBytes) return false;
  for (const std::string_view phrase : kCloserPhrases) {
    if (StartsWithWord(label, phrase)) return true;
  }
  return false;
}

namespace {

// Substrings of class/id that mark furniture. Short, ambiguous cues ("ad",
// "pub", "nav") are matched as whole tokens instead (see kTokenCues).
constexpr auto kAttributeCues = std::to_array<std::string_view>(
    {"share",      "sharing",        "social",         "comment",
     "related",    "newsletter",     "cookie",         "consent",
     "gdpr",       "advert",         "publicit",       "promo",
     "sponsor",    "sidebar",        "menu",           "breadcrumb",
     "lire-aussi", "lireaussi",      "a-lire",         "voir-aussi",
     "similaires", "mehr-zum-thema", "relacionad",     "footer",
     "subscribe",  "signup",         "paywall-prompt", "outbrain",
     "taboola",    "popup",          "modal",          "banner",
     "masthead",   "skip-link",      "sr-only",        "visually-hidden",
     "caption",    "toolbar",        "pagination",     "navbar",
     "navigation", "next-prev",      "prev-next",      "teaser-list",
     "most-read",  "trending",       "tags",           "login",
     "read-more",  "readmore",       "recommend",      "dfp",
     "outstream",  "abonnement",     "dialog",         "kommentar",
     "werbung",    "anzeige",        "verwandt",       "empfehlung",
     "comentario", "publicid",       "compartir",      "condividi",
     "correlat",   "byline",         "dateline",       "timestamp"});

// Whole tokens (class/id split on space, '-' and '_') that mark furniture.
constexpr auto kTokenCues = std::to_array<std::string_view>(
    {"ad", "ads", "adv", "pub", "pubs", "nav", "menu", "aside", "complementary", "contentinfo",
     "alert", "meta", "author", "authors"});

// Cues that only count as a whole class name (split on spaces): in a longer
// name they describe a part or a utility, not the element ("field--label-
// hidden" hides a field's label, "overflow-hidden" clips, "hidden-xs" hides on
// phones only, "tip-print-step" is a printable step).
constexpr auto kWholeNameCues =
    std::to_array<std::string_view>({"print", "hidden", "hide", "invisible"});

// Page-builder class prefixes naming a layout or content widget, not a
// sidebar one: "elementor-widget-container" wraps every block of an
// Elementor page ("elementor-widget-share-buttons" still cues "share").
// Each ends with "widget".
constexpr auto kNeutralPrefixes = std::to_array<std::string_view>({"elementor-widget"});
constexpr auto kBodyCues = std::to_array<std::string_view>(
    {"article-body", "articlebody", "article-content", "article__body", "article__content",
     "entry-content", "post-content", "post-body", "story-body", "main-content", "article-text",
     "td-post-content"});

constexpr auto kContentCues =
    std::to_array<std::string_view>({"article", "content", "entry", "story", "post", "text", "body",
                                     "main", "corps", "contenu", "artikel", "cuerpo", "noticia"});

// Whole class names (between spaces) in kWholeNameCues, or Bootstrap's
// "d-none" without a breakpoint class showing the element on wide screens
// ("d-none d-md-block"; "d-none d-print-block" is for print only).
bool HasWholeNameCue(std::string_view s) {
  bool none = false;
  bool shown_wide = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    const std::string_view name = s.substr(i, j - i);
    for (const std::string_view cue : kWholeNameCues) {
      if (name == cue) return true;
    }
    none = none || name == "d-none";
    for (const std::string_view wide : {"d-sm-", "d-md-", "d-lg-", "d-xl-"}) {
      shown_wide = shown_wide || (name.starts_with(wide) && !name.ends_with("-none"));
    }
    i = j + 1;
  }
  return none && !shown_wide;
}

bool HasTokenCue(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '-' && s[j] != '_') ++j;
    const std::string_view token = s.substr(i, j - i);
    for (const std::string_view cue : kTokenCues) {
      if (token == cue) return true;
    }
    i = j + 1;
  }
  return HasWholeNameCue(s);
}

// Whether "widget" occurs in `s` other than inside a kNeutralPrefixes name.
bool HasWidgetCue(std::string_view s) {
  constexpr std::string_view kWidget = "widget";
  for (size_t at = s.find(kWidget); at != std::string_view::npos; at = s.find(kWidget, at + 1)) {
    bool neutral = false;
    for (const std::string_view prefix : kNeutralPrefixes) {
      const size_t end = at + kWidget.size();
      neutral = neutral ||
                (end >= prefix.size() && s.substr(end - prefix.size(), prefix.size()) == prefix);
    }
    if (!neutral) return true;
  }
  return false;
}

}  // namespace

bool IsBoilerplateAttribute(std::string_view lowered) {
  static const CueSet cues(kAttributeCues);
  return cues.AnyIn(lowered) || HasWidgetCue(lowered) || HasTokenCue(lowered);
}

bool IsArticleBodyAttribute(std::string_view lowered) {
  static const CueSet cues(kBodyCues);
  return cues.AnyIn(lowered);
}

bool HasContentCue(std::string_view lowered) {
  static const CueSet cues(kContentCues);
  return cues.AnyIn(lowered);
}

}  // namespace veille::extract
