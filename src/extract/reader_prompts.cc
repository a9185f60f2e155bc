// Reader prompts (tests: reader_prompts_test.cc, html_extractor_rules_test.cc).
//
// Idea: a call to action names an action the reader is asked to take and
// what it is for, and it addresses the reader (an imperative, "you", "us",
// "please"): "Follow The Gleaner on Twitter", "Lass dir die besten
// Storys ... liefern. Melde dich hier für unseren Newsletter an!", "¿Ya
// sabías que tenemos canal de Telegram? Únete...", "please subscribe to The
// Haitian Times". One word alone says little (a story may well mention an
// app or a newsletter; "support" and "join" are everyday verbs), the pair in
// one short paragraph is a prompt. Cues match at a word start, as whole words
// unless written with a final '*' (a stem: "abonnier*" for abonnieren,
// abonniere, abonniert), and the two must not overlap ("subscribe" is an
// action, "subscri*" a channel: "subscribe to ... a $60 subscription" holds
// both, "subscribe" alone only one).
// Where: only the run of paragraphs closing an article (TrailingPromptsStart)
// is cut; a prompt between two paragraphs of the story stays, since the
// same words there may be the story's own ("the union asked members to join
// the strike on Facebook").
// Example: [..., "The other three were admitted.", "Follow The Gleaner on
// Twitter and Instagram ..."] loses its last paragraph.
// Cost: O(paragraph bytes x cues) for the last few paragraphs of a page.
#include "extract/reader_prompts.h"

#include <array>
#include <cstdint>
#include <string>

#include "extract/text_util.h"

namespace veille::extract {
namespace {

// What the reader is asked to do.
constexpr auto kActions = std::to_array<std::string_view>(
    {// en
     "subscribe", "subscribe to", "please subscribe", "sign up", "join", "join now", "download",
     "follow us", "follow our", "follow the", "support us", "support our", "supporting", "donate",
     "send us", "email us", "e-mail us", "write to", "submit", "click here", "get the latest",
     "become a", "register", "like what you", "enjoyed this", "enjoy reading",
     // de
     "abonniere", "abonnieren sie", "jetzt abonnieren", "melde dich", "melden sie sich", "folge",
     "folgen sie", "registriere dich", "registrieren sie sich", "lade dir", "laden sie",
     "herunterladen", "unterstütze", "unterstützen sie", "unterstützt uns", "spenden sie",
     "hilf mit", "helfen sie", "werden sie", "schreib uns", "schreiben sie uns", "trag dich",
     "tragen sie sich", "gefällt dir", "gefällt ihnen", "gefällt euch",
     // fr
     "abonnez*", "abonne-toi", "inscrivez*", "inscris-toi", "suivez*", "suis-nous", "téléchargez",
     "soutenez*", "rejoignez*", "faites un don", "écrivez-nous",
     // es
     "suscríbete", "suscribete", "suscríbase", "síguenos", "siguenos", "únete", "unete", "descarga",
     "descárgate", "apóyanos", "apoyanos", "apoya", "hazte", "regístrate", "registrate",
     "escríbenos", "mira",
     // it
     "iscriviti", "abbonati", "seguici", "scarica", "sostieni", "sostienici",
     // pt
     "assine", "inscreva-se", "siga", "baixe", "apoie",
     // pl
     "wesprzyj", "subskrybuj", "obserwuj", "pobierz", "dołącz", "zapisz się",
     // nl
     "abonneer", "volg ons", "schrijf je in", "steun"});

// What the action is for: a channel of the site, or its business.
constexpr auto kChannels = std::to_array<std::string_view>({// channels
                                                            "newsletter*",
                                                            "app",
                                                            "apps",
                                                            "twitter",
                                                            "facebook",
                                                            "instagram",
                                                            "whatsapp",
                                                            "telegram",
                                                            "youtube",
                                                            "tiktok",
                                                            "linkedin",
                                                            "podcast*",
                                                            "channel",
                                                            "canal",
                                                            "kanal",
                                                            "inbox",
                                                            "posteingang",
                                                            "e-paper",
                                                            "epaper",
                                                            "letter to the editor",
                                                            "letters to the editor",
                                                            "leserbrief*"});

// The site's business: a subscription, membership or support for its work.
// Next to a prompt closing the text, a paragraph naming one pleads for it
// ("Hacemos periodismo desde hace 106 años", "Bei der Lancierung haben wir
// entschieden, keine Bezahlschranke einzuführen").
constexpr auto kSupportChannels = std::to_array<std::string_view>(
    {// subscriptions and membership
     "subscri*", "suscrip*", "abo", "abonnement*", "abbonament*", "membership", "members-only",
     "mitglied*", "miembro*", "membresía", "membre*", "paywall", "bezahlschranke",
     // the site's work and its support
     "our work", "our journalism", "journalism", "journalisme", "periodismo", "giornalismo",
     "jornalismo", "dziennikarstw*", "unsere arbeit", "unser magazin", "journalismus", "darowizn*",
     "donation*", "donaci*", "comunidad", "community", "communauté"});

// Words that address the reader (you, us, please): with them, an action and
// a channel ask something of the reader; without them ("Users can download
// the app from Thursday", "pidió que la comunidad siga unida") the story
// reports what others do. An action that opens a sentence (an imperative:
// "Follow us", "Únete") needs none.
constexpr auto kAddress = std::to_array<std::string_view>(
    {// en
     "you", "your", "us", "our", "we", "please",
     // de
     "du", "dich", "dir", "euch", "ihnen", "uns", "unser*", "bitte",
     // fr
     "vous", "votre", "vos", "toi", "ton", "ta", "tes", "te", "nous", "notre", "nos",
     // es, pt
     "tu", "tú", "ti", "usted*", "nuestr*", "você", "voce", "nosso*", "nossa*", "por favor",
     // it
     "ci", "noi", "nostr*", "vostr*", "tuo", "tua", "per favore",
     // pl
     "nas", "nasz*", "nam", "cię", "ciebie",
     // nl
     "je", "jij", "jouw", "uw", "ons", "onze"});

// Paragraphs longer than this are story, whatever words they hold.
constexpr size_t kMaxPromptBytes = 600;
// In the trailing run, paragraphs shorter than this that are not prompts
// (a sign-off, a credit, "Te necesitamos") are passed over; a longer one is
// the story's last paragraph and ends the walk.
constexpr size_t kMaxPassedBytes = 200;
// Paragraphs looked at from the end.
constexpr int kMaxTailParagraphs = 8;

// Whether the code point ending right before `at` (or starting at `at`,
// `after`) is a letter or digit: ASCII ones, and non-ASCII ones other than
// Latin-1 punctuation (U+00A0-U+00BF: "¡", "¿", "«") and general
// punctuation (U+2000-U+206F: quotes, dashes), so that "¡Mira" and „Folge"
// start words.
bool IsWordAt(std::string_view s, size_t at, bool after) {
  size_t i = at;
  if (!after) {
    i = at - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return ((b0 | 0x20) >= 'a' && (b0 | 0x20) <= 'z') || (b0 >= '0' && b0 <= '9');
  uint32_t cp = b0 & 0x1F;
  if (b0 >= 0xE0) cp = b0 & 0x0F;
  for (size_t k = i + 1; k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  }
  return !(cp >= 0xA0 && cp <= 0xBF) && !(cp >= 0x2000 && cp <= 0x206F);
}

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// Appends to `*found` (up to its capacity) the spans where cues occur.
template <size_t N, size_t M>
void FindCues(std::string_view s, const std::array<std::string_view, N>& cues,
              std::array<Span, M>* found, size_t* count) {
  for (std::string_view cue : cues) {
    const bool stem = cue.ends_with('*');
    if (stem) cue.remove_suffix(1);
    for (size_t at = s.find(cue); at != std::string_view::npos; at = s.find(cue, at + 1)) {
      const size_t end = at + cue.size();
      if (at > 0 && IsWordAt(s, at, /*after=*/false)) continue;
      if (!stem && end < s.size() && IsWordAt(s, end, /*after=*/true)) continue;
      if (*count == M) return;
      (*found)[(*count)++] = Span{at, end};
    }
  }
}

// Whether the word at `at` opens a sentence of `s`: only white space and
// opening marks ("¡", "¿", quotes, brackets, dashes) between it and the
// start of `s` or the end of the previous sentence (".", "!", "?", ":", ";").
bool OpensSentence(std::string_view s, size_t at) {
  size_t i = at;
  while (i > 0) {
    const auto b = static_cast<unsigned char>(s[i - 1]);
    if (b == ' ' || b == '"' || b == '\'' || b == '(' || b == '[' || b == '-' || b == '*') {
      --i;
    } else if (b >= 0x80) {
      // A non-ASCII mark: step over it only when it is punctuation.
      size_t k = i - 1;
      while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
      if (IsWordAt(s, k, /*after=*/true)) return false;
      i = k;
    } else {
      return b == '.' || b == '!' || b == '?' || b == ':' || b == ';';
    }
  }
  return true;
}

// Whether `folded` (a short paragraph) names the site's business.
bool NamesSiteSupport(std::string_view folded) {
  if (folded.size() > kMaxPromptBytes) return false;
  std::array<Span, 1> found;
  size_t n = 0;
  FindCues(folded, kSupportChannels, &found, &n);
  return n > 0;
}

}  // namespace

bool IsReaderPrompt(std::string_view folded) {
  if (folded.size() > kMaxPromptBytes) return false;
  std::array<Span, 16> actions;
  std::array<Span, 16> channels;
  size_t n_actions = 0;
  size_t n_channels = 0;
  FindCues(folded, kActions, &actions, &n_actions);
  if (n_actions == 0) return false;
  FindCues(folded, kChannels, &channels, &n_channels);
  FindCues(folded, kSupportChannels, &channels, &n_channels);
  std::array<Span, 1> address;
  size_t n_address = 0;
  FindCues(folded, kAddress, &address, &n_address);
  for (size_t a = 0; a < n_actions; ++a) {
    if (n_address == 0 && !OpensSentence(folded, actions[a].begin)) continue;
    for (size_t c = 0; c < n_channels; ++c) {
      if (actions[a].end <= channels[c].begin || channels[c].end <= actions[a].begin) return true;
    }
  }
  return false;
}

size_t TrailingPromptsStart(std::string_view text, size_t min_story_bytes) {
  size_t cut = text.size();
  size_t end = text.size();
  for (int seen = 0; seen < kMaxTailParagraphs && end > 0; ++seen) {
    const size_t sep = text.rfind("\n\n", end - 1);
    const size_t begin = sep == std::string_view::npos ? 0 : sep + 2;
    const std::string_view piece = text.substr(begin, end - begin);
    const std::string folded = FoldForMatch(piece);
    if (IsReaderPrompt(folded) || (cut < text.size() && NamesSiteSupport(folded))) {
      cut = begin;
    } else if (piece.size() >= kMaxPassedBytes) {
      break;
    }
    if (sep == std::string_view::npos) break;
    end = sep;
  }
  // The separator before the cut goes with it.
  while (cut < text.size() && cut > 0 && text[cut - 1] == '\n') --cut;
  return cut < min_story_bytes ? text.size() : cut;
}

}  // namespace veille::extract
