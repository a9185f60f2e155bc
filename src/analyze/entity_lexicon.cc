// Entity lexicon tables (French and English). The lists are closed classes
// written for Veille; open classes (first names, places) come from the
// gazetteers in data/gazetteers/.
#include "analyze/entity_lexicon.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_set>

#include "analyze/text_fold.h"

namespace veille::analyze {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& Honorifics() {
  static const WordSet s = {
      "m",      "mm",       "mme",          "mmes",      "mlle",     "mlles",   "mr",
      "mrs",    "ms",       "dr",           "pr",        "me",       "sir",     "lady",
      "lord",   "mgr",      "herr",         "frau",      "dame",     "miss",    "prof",
      "madame", "monsieur", "mademoiselle", "messieurs", "mesdames", "docteur", "maitre"};
  return s;
}

const WordSet& RoleWords() {
  static const WordSet s = {
      // French
      "president", "presidents", "presidente", "presidentes", "vice-president", "dirigeant",
      "dirigeants", "dirigeante", "leader", "leaders", "ministre", "ministres", "chef", "chefs",
      "chancelier", "chanceliere", "roi", "reine", "pape", "prince", "princesse", "empereur",
      "imperatrice", "general", "generale", "marechal", "colonel", "secretaire", "porte-parole",
      "ambassadeur", "ambassadrice", "senateur", "senatrice", "depute", "deputee", "maire",
      "gouverneur", "gouverneure", "juge", "procureur", "dictateur", "candidat", "candidate",
      "patron", "patronne", "pdg", "directeur", "directrice", "fondateur", "fondatrice",
      "entraineur", "selectionneur", "emir", "cheikh", "ayatollah", "imam", "cardinal",
      "archeveque", "eveque", "rabbin", "journaliste", "ecrivain", "ecrivaine", "auteur", "autrice",
      "acteur", "actrice", "chanteur", "chanteuse", "footballeur", "joueur", "joueuse", "opposant",
      "opposante", "militant", "militante", "avocat", "avocate", "professeur", "commissaire",
      "homologue", "successeur", "predecesseur", "conseiller", "conseillere", "negociateur",
      "emissaire", "envoye", "premier", "premiere", "monarque", "souverain", "tsar", "ayatollah",
      // English
      "president", "leader", "minister", "ministers", "chancellor", "king", "queen", "pope",
      "senator", "governor", "mayor", "secretary", "spokesman", "spokeswoman", "spokesperson",
      "ambassador", "judge", "dictator", "chairman", "chairwoman", "ceo", "founder", "actor",
      "actress", "singer", "coach", "envoy", "counterpart", "emperor", "sheikh", "rep", "sen",
      "gov", "lawmaker", "prosecutor", "commander",
      // German (capitalised nouns: "Kanzler Olaf Scholz", "Präsident Putin")
      "prasident", "prasidentin", "kanzler", "kanzlerin", "ministerin", "ministerprasident",
      "ministerprasidentin", "burgermeister", "burgermeisterin", "konig", "konigin", "papst",
      "sprecher", "sprecherin", "parteichef", "parteichefin", "staatschef", "regierungschef",
      "regierungschefin", "aussenminister", "aussenministerin"};
  return s;
}

const WordSet& Particles() {
  static const WordSet s = {"de",  "du",    "des", "d'",  "von",  "van",  "der", "den",
                            "ter", "ten",   "la",  "le",  "di",   "da",   "dos", "das",
                            "del", "della", "bin", "ben", "ibn",  "al",   "el",  "abu",
                            "y",   "zu",    "vom", "af",  "bint", "ould", "san", "st"};
  return s;
}

const WordSet& FunctionWords() {
  static const WordSet s = {
      // French
      "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces",
      "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "tu", "mais", "et", "ou",
      "donc", "or", "ni", "car", "selon", "pour", "par", "avec", "sans", "dans", "en", "a", "au",
      "aux", "sur", "sous", "entre", "depuis", "apres", "avant", "chez", "vers", "lors", "si",
      "quand", "comme", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos",
      "votre", "vos", "leur", "leurs", "qui", "que", "qu'", "quoi", "dont", "ou", "c'", "s'", "n'",
      "y", "tout", "tous", "toute", "toutes", "aucun", "aucune", "chaque", "plusieurs", "certains",
      "quel", "quelle", "quels", "quelles", "lorsque", "puisque", "parce", "afin", "pendant",
      "durant", "malgre", "contre", "outre", "ainsi", "alors", "pourtant", "cependant", "enfin",
      "ici", "la-bas", "voici", "voila", "ceci", "cela", "ca", "celui", "celle", "ceux", "celles",
      "oui", "non", "ne", "pas", "plus", "moins", "tres", "trop", "deja", "encore", "aussi",
      // English
      "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "you",
      "i", "but", "and", "or", "in", "on", "at", "for", "with", "by", "from", "to", "of", "as",
      "after", "before", "his", "her", "its", "their", "our", "my", "your", "when", "while", "if",
      "then", "there", "here", "what", "which", "who", "whom", "whose", "why", "how", "all", "some",
      "any", "no", "not", "yes", "also", "however", "meanwhile", "since", "during", "under", "over",
      "into", "about", "against", "between", "through", "without", "within",
      // Days and months, capitalised in English and German
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
      "januar", "februar", "marz", "juni", "juli", "oktober", "dezember"};
  return s;
}

const WordSet& OrganizationHeads() {
  static const WordSet s = {
      "parti",         "union",       "comite",     "conseil",      "cour",          "banque",
      "agence",        "assemblee",   "ministere",  "organisation", "fondation",     "association",
      "societe",       "groupe",      "universite", "federation",   "commission",    "institut",
      "front",         "congres",     "senat",      "tribunal",     "armee",         "police",
      "gendarmerie",   "compagnie",   "syndicat",   "ligue",        "club",          "office",
      "autorite",      "caisse",      "centre",     "chambre",      "confederation", "mouvement",
      "rassemblement", "alliance",    "ecole",      "lycee",        "college",       "hopital",
      "musee",         "orchestre",   "eglise",     "parlement",    "gouvernement",  "party",
      "council",       "court",       "bank",       "agency",       "assembly",      "ministry",
      "organization",  "foundation",  "company",    "group",        "university",    "institute",
      "army",          "corporation", "corp",       "inc",          "ltd",           "church",
      "department",    "committee",   "league",     "federal",      "fund",          "fonds",
      "airlines",      "news",        "times",      "post",         "journal",       "press",
      "presse"};
  return s;
}

const WordSet& OrganizationCues() {
  static const WordSet s = {
      "agence",       "agences",     "journal",    "journaux",   "quotidien",    "quotidiens",
      "hebdomadaire", "magazine",    "chaine",     "chaines",    "media",        "medias",
      "source",       "sources",     "radio",      "television", "entreprise",   "entreprises",
      "societe",      "compagnie",   "firme",      "groupe",     "constructeur", "operateur",
      "banque",       "parti",       "partis",     "club",       "syndicat",     "site",
      "reseau",       "application", "plateforme", "marque",     "editeur",      "laboratoire",
      "start-up",     "agency",      "newspaper",  "company",    "firm",         "carrier",
      "broadcaster",  "outlet",      "network",    "brand",      "startup",      "maker",
      "airline",      "bank",        "party"};
  return s;
}

const WordSet& PlaceHeads() {
  static const WordSet s = {
      "ile",         "iles",     "mont",      "monts",   "lac",    "golfe",  "mer",
      "cap",         "baie",     "fleuve",    "riviere", "vallee", "plaine", "massif",
      "detroit",     "canal",    "peninsule", "desert",  "foret",  "region", "province",
      "departement", "archipel", "cote",      "saint",   "sainte", "port",   "fort",
      "pic",         "island",   "islands",   "mount",   "lake",   "gulf",   "sea",
      "bay",         "river",    "valley",    "strait",  "desert", "forest", "county",
      "state",       "city",     "north",     "south",   "east",   "west",   "new"};
  return s;
}

const WordSet& PlacePrefixes() {
  static const WordSet s = {"place",  "rue",   "avenue",   "boulevard", "square", "quai",
                            "pont",   "allee", "impasse",  "chemin",    "route",  "parc",
                            "jardin", "gare",  "aeroport", "stade",     "cours",  "esplanade",
                            "street", "road",  "bridge",   "airport",   "station"};
  return s;
}

const WordSet& PlacePrepositions() {
  static const WordSet s = {"a", "en", "au", "aux", "vers", "in", "at", "near", "pres"};
  return s;
}

constexpr uint16_t kHonorific = kHonorificClass, kRoleWord = kRoleWordClass,
                   kParticle = kParticleClass, kOrganizationCue = kOrganizationCueClass,
                   kFunctionWord = kFunctionWordClass, kOrganizationHead = kOrganizationHeadClass,
                   kPlaceHead = kPlaceHeadClass, kPlacePrefix = kPlacePrefixClass,
                   kPlacePreposition = kPlacePrepositionClass;

// All the word lists above in one flat open-addressing table of word ->
// class bits: the recognizer asks several of these questions of nearly
// every capitalised word and its neighbours, so each must be a few
// nanoseconds (FNV-1a over a short word, an L1-resident table, and words
// longer than any listed one rejected at once).
class ClassTable {
 public:
  ClassTable() {
    const std::pair<const WordSet*, uint16_t> lists[] = {{&Honorifics(), kHonorific},
                                                         {&RoleWords(), kRoleWord},
                                                         {&Particles(), kParticle},
                                                         {&OrganizationCues(), kOrganizationCue},
                                                         {&FunctionWords(), kFunctionWord},
                                                         {&OrganizationHeads(), kOrganizationHead},
                                                         {&PlaceHeads(), kPlaceHead},
                                                         {&PlacePrefixes(), kPlacePrefix},
                                                         {&PlacePrepositions(), kPlacePreposition}};
    size_t n = 0;
    for (const auto& [set, bits] : lists) n += set->size();
    size_t capacity = 16;
    while (capacity < 2 * n) capacity <<= 1;
    slots_.resize(capacity);
    for (const auto& [set, bits] : lists) {
      for (const std::string_view w : *set) {
        max_len_ = std::max(max_len_, w.size());
        Slot& slot = Probe(w);
        slot.data = w.data();
        slot.size = static_cast<uint16_t>(w.size());
        slot.bits |= bits;
      }
    }
  }

  uint16_t Find(std::string_view w) const {
    if (w.empty() || w.size() > max_len_) return 0;
    return const_cast<ClassTable*>(this)->Probe(w).bits;
  }

 private:
  struct Slot {  // 16 bytes: the table stays in L1
    const char* data = nullptr;
    uint16_t size = 0;  // 0: free
    uint16_t bits = 0;
    std::string_view word() const { return {data, size}; }
  };

  static uint32_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

  // The slot holding `w`, or the free slot where it belongs.
  Slot& Probe(std::string_view w) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(w) & mask;; i = (i + 1) & mask) {
      if (slots_[i].size == 0 || slots_[i].word() == w) return slots_[i];
    }
  }

  std::vector<Slot> slots_;
  size_t max_len_ = 0;
};

uint16_t Classes(std::string_view w) {
  static const ClassTable* table = new ClassTable();
  return table->Find(w);
}

}  // namespace

uint16_t LexiconClasses(std::string_view w) { return Classes(w); }
bool IsHonorific(std::string_view w) { return Classes(w) & kHonorific; }
bool IsRoleWord(std::string_view w) { return Classes(w) & kRoleWord; }
bool IsNameParticle(std::string_view w) { return Classes(w) & kParticle; }
bool IsOrganizationCue(std::string_view w) { return Classes(w) & kOrganizationCue; }
bool IsFunctionWord(std::string_view w) { return Classes(w) & kFunctionWord; }
bool IsOrganizationHead(std::string_view w) { return Classes(w) & kOrganizationHead; }
bool IsPlaceHead(std::string_view w) { return Classes(w) & kPlaceHead; }
bool IsPlacePrefix(std::string_view w) { return Classes(w) & kPlacePrefix; }
bool IsPlacePreposition(std::string_view w) { return Classes(w) & kPlacePreposition; }

std::vector<std::string> NameParts(std::string_view surface) {
  const std::string folded = FoldAll(surface);
  std::vector<std::string> parts;
  std::string cur;
  for (const char c : folded) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '.') {
      if (!cur.empty()) parts.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  return parts;
}

std::string NameKey(std::string_view surface) {
  std::string key;
  for (const std::string& p : NameParts(surface)) {
    if (!key.empty()) key.push_back(' ');
    key += p;
  }
  return key;
}

int EditDistance(std::string_view a, std::string_view b) {
  auto decode = [](std::string_view s) {
    std::vector<UChar32> cps;
    const int32_t n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s.data(), i, n, c);
      cps.push_back(c);
    }
    return cps;
  };
  const std::vector<UChar32> x = decode(a);
  const std::vector<UChar32> y = decode(b);
  const size_t n = x.size();
  const size_t m = y.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace veille::analyze
