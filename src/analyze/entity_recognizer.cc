// Entity recognizer (tests: tests/analyze/entity_recognizer_test.cc).
//
// A name is a run of capitalised words, possibly joined by lowercase name
// particles ("Charles de Gaulle", "Bashar al-Assad", "Ursula von der Leyen"),
// within one sentence and with nothing but spaces between its words. The run
// is then trimmed and typed:
//   - sentence-initial words are capitalised by grammar, not by name: at the
//     start of a sentence, a line, a quote or a title-snippet junction, leading
//     function words and dictionary words are dropped ("Première rencontre",
//     "La Corée du Nord" -> "Corée du Nord"), and a lone word left there is a
//     name only if some list knows it (else it is kept "weak", confirmed only
//     when the article names it elsewhere);
//   - honorifics and capitalised role words before a name are cues, not part
//     of it ("M. Kim" -> "Kim", person);
//   - all-capital runs are section labels or acronyms ("CORÉE DU NORD -",
//     "KCNA"): a place or an organisation when a list says so, never a person;
//   - words glued by a lost line break ("PoutineLe", "JongKim") are split at
//     the lowercase-uppercase junction, which then ends the run.
// The type comes from the first rule that applies: a place prefix ("place
// Kim Il Sung" is a place), the alias table, an honorific, the place
// gazetteer, a role word before the name ("le ministre des Affaires
// étrangères Sergey Lavrov", also shared by coordination: "les présidents
// sud-coréen Moon Jae-in et chinois Xi Jinping"), a known first name or
// surname, an organisation or place head word ("Parti", "Île"), the proper
// noun list, a place preposition ("à Hanoï"), and last the shape: two to four
// capitalised non-dictionary words read as a person, weakly.
// In German, which capitalises all nouns, only the strong cues (alias,
// gazetteer, honorific, role, first name, surname, organisation head in a
// longer run, acronym) type a name on their own; shape-typed forms are weak,
// kept only when the article confirms them.
// Cost: one pass over the tokens plus hash lookups; O(tokens).
#include "analyze/entity_recognizer.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analyze/entity_lexicon.h"
#include "analyze/entity_tokens.h"
#include "analyze/entity_variants.h"

namespace veille::analyze {
namespace {

constexpr std::string_view kOrgCuePrefix = "org:";

// Languages whose spelling capitalises every noun: there a capital is no
// evidence of a name by itself.
bool CapitalisesNouns(std::string_view lang) { return lang == "de" || lang == "lb"; }

class Recognizer {
 public:
  Recognizer(const EntityGazetteer& g, std::string_view text, const std::vector<Token>& tokens,
             const std::vector<SentenceSpan>& sentences, EntityField field, std::string_view lang)
      : g_(g), text_(text), field_(field), strict_caps_(CapitalisesNouns(lang)) {
    PrepareNameTokens(text, tokens, sentences, &name_tokens_);
    lex_.resize(toks_.size());
    out_.reserve(toks_.size() / 8 + 4);
  }

  std::vector<NameCandidate> Run() {
    const size_t n = toks_.size();
    for (size_t i = 0; i < n; ++i) {
      if (!IsCapWord(toks_[i])) continue;
      const bool caps = toks_[i].t.all_caps;
      size_t e = i;
      while (e + 1 < n && toks_[e + 1].joined) {
        const NameToken& nx = toks_[e + 1];
        if (IsCapWord(nx) && (nx.t.all_caps == caps || nx.t.lower.size() == 1)) {
          ++e;
          continue;
        }
        // Up to two particles between capitalised words: "de la", "von der".
        size_t k = e + 1;
        while (k < n && k < e + 3 && toks_[k].joined && !IsCapWord(toks_[k]) &&
               Has(toks_[k], kParticleClass) && !caps)
          ++k;
        if (k > e + 1 && k < n && toks_[k].joined && IsCapWord(toks_[k]) && !toks_[k].t.all_caps) {
          e = k;
          continue;
        }
        break;
      }
      Process(i, e, caps);
      i = e;
    }
    return std::move(out_);
  }

 private:
  // What the gazetteers say of one token, looked up once per token (a run
  // asks about its words several times; the lists are large, and each
  // probe is a likely cache miss).
  enum LexBit : uint8_t {
    kFirstName = 1,
    kSurname = 2,
    kAliasKey = 4,
    kPlaceKey = 8,
    kProperNoun = 16,
    kCommonWord = 32,
  };
  struct LexMemo {
    uint8_t done = 0;  // LexBits looked up
    uint8_t value = 0;
    const AliasEntry* alias = nullptr;
    const PlaceEntry* place = nullptr;
    bool classes_done = false;
    uint16_t classes = 0;
  };
  bool Lex(const NameToken& k, LexBit bit) const {
    LexMemo& m = lex_[static_cast<size_t>(&k - toks_.data())];
    if (!(m.done & bit)) {
      if (bit == kCommonWord) {
        m.done |= kCommonWord;
        if (g_.IsCommonWord(k.t.lower)) m.value |= kCommonWord;
      } else {  // the name lists, all in one probe
        const LexicalInfo& info = g_.Lookup(k.key);
        m.done |= kFirstName | kSurname | kAliasKey | kPlaceKey | kProperNoun;
        m.alias = info.alias;
        m.place = info.place;
        m.value |= (info.flags & LexicalInfo::kFirstName ? kFirstName : 0) |
                   (info.flags & LexicalInfo::kSurname ? kSurname : 0) |
                   (info.flags & LexicalInfo::kProperNoun ? kProperNoun : 0) |
                   (info.alias ? kAliasKey : 0) | (info.place ? kPlaceKey : 0);
      }
    }
    return m.value & bit;
  }
  // What the alias table and place gazetteer say of the name of tokens
  // [s, e]: memoised for one token; for a run, looked up only when its key
  // is no longer than the longest listed name (a long run of capitalised
  // German nouns and articles is never one).
  LexicalInfo NameInfo(size_t s, size_t e) const {
    if (s == e) {
      Lex(toks_[s], kAliasKey);
      return LexicalInfo{0, lex_[s].alias, lex_[s].place};
    }
    size_t bytes = toks_[s].key.size();
    for (size_t k = s + 1; k <= e; ++k) bytes += toks_[k].key.size() + 1;
    if (bytes > g_.max_name_key_bytes() + (e - s)) return LexicalInfo{};
    AppendKey(s, e, &key_buffer_);
    return g_.Lookup(key_buffer_);
  }
  const AliasEntry* AliasOf(size_t s, size_t e) const { return NameInfo(s, e).alias; }
  const PlaceEntry* PlaceOf(size_t s, size_t e) const { return NameInfo(s, e).place; }
  bool KnownName(size_t s, size_t e) const {
    const LexicalInfo info = NameInfo(s, e);
    return info.alias != nullptr || info.place != nullptr;
  }

  // The closed word classes of a token (entity_lexicon.h), looked up once.
  bool Has(const NameToken& k, uint16_t cls) const {
    LexMemo& m = lex_[static_cast<size_t>(&k - toks_.data())];
    if (!m.classes_done) {
      m.classes = LexiconClasses(k.t.folded);
      m.classes_done = true;
    }
    return m.classes & cls;
  }

  bool KnownPart(const NameToken& k) const {
    return Lex(k, kFirstName) || Lex(k, kSurname) || Lex(k, kAliasKey) || Lex(k, kPlaceKey) ||
           Lex(k, kProperNoun);
  }

  // A dictionary word that no name list knows. Words of one or two letters
  // inside a capitalised run are name parts ("Xi", "Un", "Il"), not words.
  bool CommonPart(const NameToken& k) const {
    return k.t.lower.size() >= 3 && Lex(k, kCommonWord) && !KnownPart(k);
  }

  // An honorific right before token s: "M. Kim", "Mme Hidalgo", "monsieur Kim".
  // Also through a particle: "M. de Lanessan".
  bool HonorificBefore(size_t s) const {
    if (s > 1 && toks_[s].joined && Has(toks_[s - 1], kParticleClass) &&
        !toks_[s - 1].t.capitalized) {
      --s;
    }
    if (s == 0 || !Has(toks_[s - 1], kHonorificClass)) return false;
    const NameToken& p = toks_[s - 1];
    std::string_view gap = text_.substr(p.t.end, toks_[s].t.begin - p.t.end);
    if (!gap.empty() && gap[0] == '.') gap.remove_prefix(1);
    return !toks_[s].glued && OnlySpaces(gap) && !gap.empty();
  }

  // NameKey of the text of tokens [s, e], joined from the tokens' keys (an
  // elision such as "d'" is written against the next word, as in the text).
  std::string KeyOf(size_t s, size_t e) const {
    std::string key;
    AppendKey(s, e, &key);
    return key;
  }
  // The same into `key` (cleared first), reusing its capacity.
  void AppendKey(size_t s, size_t e, std::string* key) const {
    key->assign(toks_[s].key);
    for (size_t k = s + 1; k <= e; ++k) {
      if (toks_[k - 1].t.kind != TokenKind::kElision) key->push_back(' ');
      key->append(toks_[k].key);
    }
  }

  // The role word announcing the name starting at token s, or "". An
  // organisation cue word comes back prefixed with kOrgCuePrefix.
  std::string RoleBefore(size_t s) const {
    int content = 0;
    bool crossed_de = false;
    for (size_t k = s, steps = 0; k-- > 0 && steps < 7; ++steps) {
      const NameToken& t = toks_[k];
      if (t.sentence != toks_[s].sentence || t.t.kind == TokenKind::kNumber) break;
      const std::string_view f = t.t.folded;
      if (Has(t, kRoleWordClass)) return std::string(f);
      // "l'agence KCNA", "sources d'information russes Interfax", but not
      // "le site de Donald Trump" (the name completes the noun).
      if (Has(t, kOrganizationCueClass) && !IsCapWord(t) && !crossed_de) {
        return std::string(kOrgCuePrefix) + std::string(f);
      }
      if (f == "de" || f == "des" || f == "du" || f == "d'" || f == "la" || f == "l'") {
        crossed_de |= k + 1 == s && f != "la" && f != "l'";  // "de" right before the name
        continue;
      }
      if (IsCapWord(t) && (Lex(t, kCommonWord) || Lex(t, kPlaceKey))) continue;
      if (!IsCapWord(t) && t.t.kind == TokenKind::kWord && !Has(t, kFunctionWordClass) &&
          content < 2) {
        ++content;
        continue;
      }
      break;
    }
    return "";
  }

  // True when "de"/"d'" right before token s follows a role word ("maire de").
  bool RoleOf(size_t s) const {
    if (s < 2 || !toks_[s].joined) return false;
    const std::string_view d = toks_[s - 1].t.folded;
    if (d != "de" && d != "d'") return false;
    return Has(toks_[s - 2], kRoleWordClass);
  }

  // A role shared by coordination: "présidents X et chinois Y".
  std::string CoordinatedRole(size_t s) const {
    if (last_role_.empty() || last_end_ + 1 >= s) return "";
    int content = 0;
    bool conj = false;
    for (size_t k = last_end_ + 1; k < s; ++k) {
      const std::string_view f = toks_[k].t.folded;
      if (toks_[k].sentence != toks_[s].sentence) return "";
      if (f == "et" || f == "and") {
        conj = true;
      } else if (!IsCapWord(toks_[k]) && !Has(toks_[k], kFunctionWordClass) && content < 2) {
        ++content;
      } else {
        return "";
      }
    }
    return conj ? last_role_ : "";
  }

  void Emit(NameCandidate&& c, size_t e) {
    last_end_ = e;
    last_role_ = c.kind == EntityKind::kPerson || c.kind == EntityKind::kOrganization ? c.role : "";
    // "MM. Limon et Meunier": the honorific is shared too.
    if (c.kind == EntityKind::kPerson && c.honorific && last_role_.empty())
      last_role_.assign(1, 'm');  // (not = "m": a GCC 12 -Wrestrict false positive)
    out_.push_back(std::move(c));
  }

  void Process(size_t s, size_t e, bool caps) {
    NameCandidate c;
    c.field = field_;
    // Leading honorifics and capitalised role words are cues.
    bool stripped = false;
    while (s <= e && !caps && (Has(toks_[s], kHonorificClass) || Has(toks_[s], kRoleWordClass))) {
      if (Has(toks_[s], kHonorificClass)) {
        c.honorific = true;
      } else {
        c.role = toks_[s].t.folded;
      }
      ++s;
      stripped = true;
    }
    if (!stripped && HonorificBefore(s)) c.honorific = true;  // "M. Kim", "monsieur Kim"
    // Grammar capitals: drop leading function words, and dictionary words at
    // a sentence start.
    // Organisation and place head words stay ("La Confédération générale").
    const bool initial = toks_[s <= e ? s : e].initial;
    bool determiner = false;
    while (s <= e && (initial || stripped) && !caps) {
      const NameToken& t = toks_[s];
      const bool whole_known = KnownName(s, e);
      if (whole_known || Has(t, kOrganizationHeadClass) || Has(t, kPlaceHeadClass)) break;
      if (Has(t, kFunctionWordClass) || Has(t, kParticleClass) || (initial && CommonPart(t))) {
        determiner = Has(t, kFunctionWordClass);
        ++s;
        continue;
      }
      break;
    }
    // A name does not end with a pronoun or determiner that starts the next
    // clause ("le cardinal Labouré Ce qu'on dit"); "Un" and "Il" may be
    // Korean name parts, so they are not in this list.
    while (e > s && !caps && IsClauseStart(toks_[e].t.folded) && !AliasOf(s, e)) --e;
    if (s > e || (s == e && Has(toks_[s], kFunctionWordClass))) return;  // "Thursday"
    if (caps) return ProcessCaps(s, e);
    // A known name at the start of a longer run stands alone ("France Actualités").
    if (e > s && !KnownName(s, e)) {
      for (size_t m = e; m-- > s + 1;) {
        if (KnownName(s, m)) {
          Process(s, m, false);
          if (!toks_[m + 1].initial) toks_[m + 1].initial = true;
          Process(m + 1, e, false);
          return;
        }
      }
    }
    c.begin = toks_[s].t.begin;
    c.end = toks_[e].t.end;
    c.sentence = toks_[s].sentence;
    c.paragraph = toks_[s].paragraph;
    c.key = KeyOf(s, e);  // surface and parts: FinishCandidates, for the kept ones only
    const LexicalInfo whole_info = NameInfo(s, e);
    c.alias = whole_info.alias;
    c.place = whole_info.place;
    const bool single = s == e;
    const NameToken& first = toks_[s];
    const NameToken& last = toks_[e];
    if (c.role.empty()) c.role = RoleBefore(s);
    if (c.role.empty()) c.role = CoordinatedRole(s);
    const bool org_cue = c.role.rfind(kOrgCuePrefix, 0) == 0;
    // "le maire de Dinan", "l'archevêque de Lyon": the name completes the
    // role noun; it is where the person holds office, not the person.
    const bool role_of = !c.role.empty() && !org_cue && RoleOf(s);
    if (role_of) c.role.clear();
    const bool common = single && Lex(first, kCommonWord);
    // No part is a dictionary word: "Kim Jong Un", "Charles de Gaulle", not
    // "Maison Blanche" or "Nations Unies".
    const bool all_uncommon = [&] {
      for (size_t k = s; k <= e; ++k) {
        if (!Has(toks_[k], kParticleClass) && CommonPart(toks_[k])) return false;
      }
      return true;
    }();

    if (s > 0 && first.joined && Has(toks_[s - 1], kPlacePrefixClass) &&
        !toks_[s - 1].t.capitalized) {
      c.begin = toks_[s - 1].t.begin;
      c.key = NameKey(text_.substr(c.begin, c.end - c.begin));
      c.kind = EntityKind::kPlace, c.cue = "place-prefix", c.alias = nullptr, c.place = nullptr;
    } else if (c.alias) {
      c.kind = c.alias->kind, c.cue = "alias";
    } else if (c.honorific) {
      c.kind = EntityKind::kPerson, c.cue = "honorific";
    } else if (c.place) {
      c.kind = EntityKind::kPlace, c.cue = "gazetteer";
    } else if (org_cue && !common) {
      c.kind = EntityKind::kOrganization, c.cue = "org-cue";
    } else if (!c.role.empty() && !common && all_uncommon) {
      c.kind = EntityKind::kPerson, c.cue = "role";
    } else if (!single && Lex(first, kFirstName) && all_uncommon) {
      c.kind = EntityKind::kPerson, c.cue = "first-name";
    } else if (!single && Lex(last, kSurname) && all_uncommon) {
      c.kind = EntityKind::kPerson, c.cue = "surname";
    } else if (!single &&
               (Has(first, kOrganizationHeadClass) || Has(last, kOrganizationHeadClass))) {
      // Head first in French ("Banque de France"), last in English ("World Bank").
      c.kind = EntityKind::kOrganization, c.cue = "org-head";
    } else if (!single && (Has(first, kPlaceHeadClass) || Has(last, kPlaceHeadClass))) {
      c.kind = EntityKind::kPlace, c.cue = "place-head";
    } else if (single && (Has(first, kOrganizationHeadClass) || Has(first, kPlaceHeadClass)) &&
               (!first.initial || determiner)) {
      // "la Chambre", "l'Etat", "le Sénat": a capitalised institution.
      const bool org = Has(first, kOrganizationHeadClass);
      c.kind = org ? EntityKind::kOrganization : EntityKind::kPlace;
      c.cue = org ? "org-head" : "place-head";
    } else if (single && Lex(first, kProperNoun)) {
      c.kind = EntityKind::kPlace, c.cue = "proper-noun";
    } else if (single && !common && (Lex(first, kFirstName) || Lex(first, kSurname))) {
      c.kind = EntityKind::kOther, c.cue = "name-list";
    } else if (single && role_of && !common) {
      c.kind = EntityKind::kPlace, c.cue = "role-of";
    } else if (single && s > 0 && first.joined && Has(toks_[s - 1], kPlacePrepositionClass) &&
               !common) {
      c.kind = EntityKind::kPlace, c.cue = "preposition", c.weak = true;
    } else if (!single && e - s <= 3 && all_uncommon) {
      c.kind = EntityKind::kPerson, c.cue = "shape", c.weak = first.initial;
    } else if (single && !common) {
      c.kind = EntityKind::kOther, c.cue = "capitalised", c.weak = true;
      if (Lex(first, kFirstName) || Lex(first, kSurname)) c.cue = "name-list";
      c.weak = first.initial && c.cue == "capitalised";
    } else {
      return;  // a capitalised dictionary word: a heading or an emphasis
    }
    // German capitalises every noun, and the dictionary of common words is
    // French and English: there, a form typed by its capitals alone (a lone
    // capitalised or name-list word, a bare head word, an unknown run) is
    // kept only when the article confirms it, as an anaphor of a full name
    // typed by stronger evidence (gazetteer, alias, first name, honorific or
    // role cue).
    if (strict_caps_ && !c.weak) {
      const bool bare_head = single && (c.cue == "org-head" || c.cue == "place-head");
      c.weak = bare_head || c.cue == "capitalised" || c.cue == "name-list" ||
               c.cue == "proper-noun" || c.cue == "shape";
    }
    Emit(std::move(c), e);
  }

  void ProcessCaps(size_t s, size_t e) {
    NameCandidate c;
    c.field = field_;
    c.begin = toks_[s].t.begin;
    c.end = toks_[e].t.end;
    c.sentence = toks_[s].sentence;
    c.paragraph = toks_[s].paragraph;
    c.key = NameKey(text_.substr(c.begin, c.end - c.begin));
    c.alias = g_.Alias(c.key);
    if (!c.alias) c.alias = g_.Alias(std::string(kAcronymKeyPrefix).append(c.key));
    c.place = g_.Place(c.key);
    // A capitalised word that is only a region's name ("POOL") is a label.
    if (c.place && c.place->id.rfind("region:", 0) == 0 && s == e) c.place = nullptr;
    const size_t letters = toks_[s].t.lower.size();
    const bool roman = toks_[s].t.folded.find_first_not_of("ivxlcdm") == std::string::npos;
    if (c.place) {
      c.kind = EntityKind::kPlace, c.cue = "gazetteer";
    } else if (c.alias && c.alias->kind != EntityKind::kPerson) {
      c.kind = c.alias->kind, c.cue = "alias";
    } else if (s == e && letters >= 2 && letters <= 6 && !Lex(toks_[s], kCommonWord) && !roman &&
               !Has(toks_[s], kHonorificClass) && !Has(toks_[s], kFunctionWordClass)) {
      c.kind = EntityKind::kOrganization, c.cue = "acronym";
    } else {
      return;  // a section label or shouted words: never a person
    }
    Emit(std::move(c), e);
  }

  const EntityGazetteer& g_;
  std::string_view text_;
  EntityField field_;
  const bool strict_caps_;  // the language capitalises common nouns (German)
  NameTokens name_tokens_;
  std::vector<NameToken>& toks_ = name_tokens_.tokens;
  mutable std::vector<LexMemo> lex_;  // parallel to toks_
  std::vector<NameCandidate> out_;
  size_t last_end_ = 0;
  std::string last_role_;
  mutable std::string key_buffer_;  // NameInfo's probe key, reused
};

// Fills in the surface and parts of the candidates of `text` that `keep`
// accepts (all when null) and drops the others, keeping the order.
void FinishCandidates(std::string_view text, const std::function<bool(const NameCandidate&)>& keep,
                      std::vector<NameCandidate>* candidates) {
  // Decide first: `keep` may look at other candidates' keys, which moving
  // would disturb.
  std::vector<bool> kept_flags(candidates->size(), true);
  if (keep) {
    for (size_t i = 0; i < candidates->size(); ++i) kept_flags[i] = keep((*candidates)[i]);
  }
  size_t kept = 0;
  for (size_t i = 0; i < candidates->size(); ++i) {
    if (!kept_flags[i]) continue;
    NameCandidate& c = (*candidates)[i];
    c.surface.assign(text.substr(c.begin, c.end - c.begin));
    c.parts = NameParts(c.surface);
    if (kept != i) (*candidates)[kept] = std::move(c);
    ++kept;
  }
  candidates->resize(kept);
}

}  // namespace

std::vector<NameCandidate> FindNameCandidates(const EntityGazetteer& gazetteer,
                                              std::string_view text,
                                              const std::vector<Token>& tokens,
                                              const std::vector<SentenceSpan>& sentences,
                                              EntityField field, std::string_view lang) {
  if (text.empty()) return {};
  std::vector<NameCandidate> out =
      Recognizer(gazetteer, text, tokens, sentences, field, lang).Run();
  FinishCandidates(text, nullptr, &out);
  return out;
}

std::vector<NameCandidate> FindNameCandidates(const EntityGazetteer& gazetteer,
                                              std::string_view text, EntityField field,
                                              std::string_view lang) {
  if (text.empty()) return {};
  const std::vector<Token> tokens = Tokenize(text, lang);
  const std::vector<SentenceSpan> sentences = SplitSentences(text, lang);
  return FindNameCandidates(gazetteer, text, tokens, sentences, field, lang);
}

ArticleEntities RecognizeFieldEntities(const EntityGazetteer& gazetteer, const FieldAnalysis& title,
                                       const FieldAnalysis& text, std::string_view lang) {
  std::vector<NameCandidate> in_title, in_text;
  if (!title.text.empty()) {
    in_title = Recognizer(gazetteer, title.text, *title.tokens, *title.sentences,
                          EntityField::kTitle, lang)
                   .Run();
  }
  if (!text.text.empty()) {
    in_text =
        Recognizer(gazetteer, text.text, *text.tokens, *text.sentences, EntityField::kText, lang)
            .Run();
  }
  int title_sentences = 0;
  for (const NameCandidate& c : in_title) {
    title_sentences = std::max(title_sentences, static_cast<int>(c.sentence) + 1);
  }
  // A weak candidate survives resolution only if the article confirms it
  // (ResolveArticleEntities): a strong candidate with its key, or a strong
  // name of several parts of which it is the first or last part, or a
  // leading run of parts. The others are dropped here, before their surface
  // and parts are built: in German, where every noun is capitalised, they
  // are most candidates. (Kinds are not checked: a group's kind is decided
  // by its members, so any strong name may end up a person.)
  std::unordered_set<std::string_view> strong_keys, heads, tails;
  for (const auto* list : {&in_title, &in_text}) {
    for (const NameCandidate& c : *list) {
      if (c.weak) continue;
      strong_keys.insert(c.key);
      const size_t first = c.key.find(' ');
      if (first == std::string::npos) continue;
      heads.insert(std::string_view(c.key).substr(0, first));
      tails.insert(std::string_view(c.key).substr(c.key.rfind(' ') + 1));
    }
  }
  const auto keep = [&](const NameCandidate& c) {
    if (!c.weak || strong_keys.count(c.key) > 0) return true;
    const size_t first = c.key.find(' ');
    if (first == std::string::npos) return heads.count(c.key) > 0 || tails.count(c.key) > 0;
    return heads.count(std::string_view(c.key).substr(0, first)) > 0;
  };
  std::vector<bool> keep_title, keep_text;
  for (const NameCandidate& c : in_title) keep_title.push_back(keep(c));
  for (const NameCandidate& c : in_text) keep_text.push_back(keep(c));
  size_t i = 0, j = 0;
  FinishCandidates(
      title.text, [&](const NameCandidate&) { return keep_title[i++]; }, &in_title);
  FinishCandidates(
      text.text, [&](const NameCandidate&) { return keep_text[j++]; }, &in_text);
  return ResolveArticleEntities(gazetteer, in_title, in_text, title_sentences);
}

}  // namespace veille::analyze
