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
// Cost: one pass over the tokens plus hash lookups; O(tokens).
#include "analyze/entity_recognizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analyze/entity_lexicon.h"
#include "analyze/entity_tokens.h"

namespace veille::analyze {
namespace {

constexpr std::string_view kOrgCuePrefix = "org:";

class Recognizer {
 public:
  Recognizer(const EntityGazetteer& g, std::string_view text, EntityField field,
             std::string_view lang)
      : g_(g), text_(text), field_(field), toks_(PrepareNameTokens(text, lang)) {}

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
               IsNameParticle(toks_[k].t.folded) && !caps)
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
  bool KnownPart(const NameToken& k) const {
    return g_.IsFirstName(k.key) || g_.IsSurname(k.key) || g_.Alias(k.key) || g_.Place(k.key) ||
           g_.IsProperNoun(k.key);
  }

  // A dictionary word that no name list knows. Words of one or two letters
  // inside a capitalised run are name parts ("Xi", "Un", "Il"), not words.
  bool CommonPart(const NameToken& k) const {
    return k.t.lower.size() >= 3 && g_.IsCommonWord(k.t.lower) && !KnownPart(k);
  }

  // An honorific right before token s: "M. Kim", "Mme Hidalgo", "monsieur Kim".
  // Also through a particle: "M. de Lanessan".
  bool HonorificBefore(size_t s) const {
    if (s > 1 && toks_[s].joined && IsNameParticle(toks_[s - 1].t.folded) &&
        !toks_[s - 1].t.capitalized) {
      --s;
    }
    if (s == 0 || !IsHonorific(toks_[s - 1].t.folded)) return false;
    const NameToken& p = toks_[s - 1];
    std::string_view gap = text_.substr(p.t.end, toks_[s].t.begin - p.t.end);
    if (!gap.empty() && gap[0] == '.') gap.remove_prefix(1);
    return !toks_[s].glued && OnlySpaces(gap) && !gap.empty();
  }

  // NameKey of the text of tokens [s, e], joined from the tokens' keys (an
  // elision such as "d'" is written against the next word, as in the text).
  std::string KeyOf(size_t s, size_t e) const {
    std::string key = toks_[s].key;
    for (size_t k = s + 1; k <= e; ++k) {
      if (toks_[k - 1].t.kind != TokenKind::kElision) key.push_back(' ');
      key += toks_[k].key;
    }
    return key;
  }

  // The role word announcing the name starting at token s, or "". An
  // organisation cue word comes back prefixed with kOrgCuePrefix.
  std::string RoleBefore(size_t s) const {
    int content = 0;
    bool crossed_de = false;
    for (size_t k = s, steps = 0; k-- > 0 && steps < 7; ++steps) {
      const NameToken& t = toks_[k];
      if (t.sentence != toks_[s].sentence || t.t.kind == TokenKind::kNumber) break;
      const std::string& f = t.t.folded;
      if (IsRoleWord(f)) return f;
      // "l'agence KCNA", "sources d'information russes Interfax", but not
      // "le site de Donald Trump" (the name completes the noun).
      if (IsOrganizationCue(f) && !IsCapWord(t) && !crossed_de) {
        return std::string(kOrgCuePrefix) + f;
      }
      if (f == "de" || f == "des" || f == "du" || f == "d'" || f == "la" || f == "l'") {
        crossed_de |= k + 1 == s && f != "la" && f != "l'";  // "de" right before the name
        continue;
      }
      if (IsCapWord(t) && (g_.IsCommonWord(t.t.lower) || g_.Place(t.key))) continue;
      if (!IsCapWord(t) && t.t.kind == TokenKind::kWord && !IsFunctionWord(f) && content < 2) {
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
    const std::string& d = toks_[s - 1].t.folded;
    if (d != "de" && d != "d'") return false;
    return IsRoleWord(toks_[s - 2].t.folded);
  }

  // A role shared by coordination: "présidents X et chinois Y".
  std::string CoordinatedRole(size_t s) const {
    if (last_role_.empty() || last_end_ + 1 >= s) return "";
    int content = 0;
    bool conj = false;
    for (size_t k = last_end_ + 1; k < s; ++k) {
      const std::string& f = toks_[k].t.folded;
      if (toks_[k].sentence != toks_[s].sentence) return "";
      if (f == "et" || f == "and") {
        conj = true;
      } else if (!IsCapWord(toks_[k]) && !IsFunctionWord(f) && content < 2) {
        ++content;
      } else {
        return "";
      }
    }
    return conj ? last_role_ : "";
  }

  void Emit(NameCandidate c, size_t e) {
    last_end_ = e;
    last_role_ = c.kind == EntityKind::kPerson || c.kind == EntityKind::kOrganization ? c.role : "";
    // "MM. Limon et Meunier": the honorific is shared too.
    if (c.kind == EntityKind::kPerson && c.honorific && last_role_.empty()) last_role_ = "m";
    out_.push_back(std::move(c));
  }

  void Process(size_t s, size_t e, bool caps) {
    NameCandidate c;
    c.field = field_;
    // Leading honorifics and capitalised role words are cues.
    bool stripped = false;
    while (s <= e && !caps && (IsHonorific(toks_[s].t.folded) || IsRoleWord(toks_[s].t.folded))) {
      if (IsHonorific(toks_[s].t.folded)) {
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
      const bool whole_known = g_.Alias(KeyOf(s, e)) || g_.Place(KeyOf(s, e));
      if (whole_known || IsOrganizationHead(t.t.folded) || IsPlaceHead(t.t.folded)) break;
      if (IsFunctionWord(t.t.folded) || IsNameParticle(t.t.folded) || (initial && CommonPart(t))) {
        determiner = IsFunctionWord(t.t.folded);
        ++s;
        continue;
      }
      break;
    }
    // A name does not end with a pronoun or determiner that starts the next
    // clause ("le cardinal Labouré Ce qu'on dit"); "Un" and "Il" may be
    // Korean name parts, so they are not in this list.
    while (e > s && !caps && IsClauseStart(toks_[e].t.folded) && !g_.Alias(KeyOf(s, e))) --e;
    if (s > e || (s == e && IsFunctionWord(toks_[s].t.folded))) return;  // "Thursday"
    if (caps) return ProcessCaps(s, e);
    // A known name at the start of a longer run stands alone ("France Actualités").
    const std::string whole = KeyOf(s, e);
    if (e > s && !g_.Alias(whole) && !g_.Place(whole)) {
      for (size_t m = e; m-- > s;) {
        const std::string head = KeyOf(s, m);
        if ((g_.Alias(head) || g_.Place(head)) && m > s) {
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
    c.surface = std::string(text_.substr(c.begin, c.end - c.begin));
    c.parts = NameParts(c.surface);
    c.key = whole;
    c.alias = g_.Alias(whole);
    c.place = g_.Place(whole);
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
    const bool common = single && g_.IsCommonWord(first.t.lower);
    // No part is a dictionary word: "Kim Jong Un", "Charles de Gaulle", not
    // "Maison Blanche" or "Nations Unies".
    const bool all_uncommon = [&] {
      for (size_t k = s; k <= e; ++k) {
        if (!IsNameParticle(toks_[k].t.folded) && CommonPart(toks_[k])) return false;
      }
      return true;
    }();

    if (s > 0 && first.joined && IsPlacePrefix(toks_[s - 1].t.folded) &&
        !toks_[s - 1].t.capitalized) {
      c.begin = toks_[s - 1].t.begin;
      c.surface = std::string(text_.substr(c.begin, c.end - c.begin));
      c.parts = NameParts(c.surface);
      c.key = NameKey(c.surface);
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
    } else if (!single && g_.IsFirstName(first.key) && all_uncommon) {
      c.kind = EntityKind::kPerson, c.cue = "first-name";
    } else if (!single && g_.IsSurname(last.key) && all_uncommon) {
      c.kind = EntityKind::kPerson, c.cue = "surname";
    } else if (!single &&
               (IsOrganizationHead(first.t.folded) || IsOrganizationHead(last.t.folded))) {
      // Head first in French ("Banque de France"), last in English ("World Bank").
      c.kind = EntityKind::kOrganization, c.cue = "org-head";
    } else if (!single && (IsPlaceHead(first.t.folded) || IsPlaceHead(last.t.folded))) {
      c.kind = EntityKind::kPlace, c.cue = "place-head";
    } else if (single && (IsOrganizationHead(first.t.folded) || IsPlaceHead(first.t.folded)) &&
               (!first.initial || determiner)) {
      // "la Chambre", "l'Etat", "le Sénat": a capitalised institution.
      const bool org = IsOrganizationHead(first.t.folded);
      c.kind = org ? EntityKind::kOrganization : EntityKind::kPlace;
      c.cue = org ? "org-head" : "place-head";
    } else if (single && g_.IsProperNoun(first.key)) {
      c.kind = EntityKind::kPlace, c.cue = "proper-noun";
    } else if (single && !common && (g_.IsFirstName(first.key) || g_.IsSurname(first.key))) {
      c.kind = EntityKind::kOther, c.cue = "name-list";
    } else if (single && role_of && !common) {
      c.kind = EntityKind::kPlace, c.cue = "role-of";
    } else if (single && s > 0 && first.joined && IsPlacePreposition(toks_[s - 1].t.folded) &&
               !common) {
      c.kind = EntityKind::kPlace, c.cue = "preposition", c.weak = true;
    } else if (!single && e - s <= 3 && all_uncommon) {
      c.kind = EntityKind::kPerson, c.cue = "shape", c.weak = first.initial;
    } else if (single && !common) {
      c.kind = EntityKind::kOther, c.cue = "capitalised", c.weak = true;
      if (g_.IsFirstName(first.key) || g_.IsSurname(first.key)) c.cue = "name-list";
      c.weak = first.initial && c.cue == "capitalised";
    } else {
      return;  // a capitalised dictionary word: a heading or an emphasis
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
    c.surface = std::string(text_.substr(c.begin, c.end - c.begin));
    c.parts = NameParts(c.surface);
    c.key = NameKey(c.surface);
    c.alias = g_.Alias(c.key);
    if (!c.alias) c.alias = g_.Alias(std::string(kAcronymKeyPrefix) + c.key);
    c.place = g_.Place(c.key);
    // A capitalised word that is only a region's name ("POOL") is a label.
    if (c.place && c.place->id.rfind("region:", 0) == 0 && s == e) c.place = nullptr;
    const size_t letters = toks_[s].t.lower.size();
    const bool roman = toks_[s].t.folded.find_first_not_of("ivxlcdm") == std::string::npos;
    if (c.place) {
      c.kind = EntityKind::kPlace, c.cue = "gazetteer";
    } else if (c.alias && c.alias->kind != EntityKind::kPerson) {
      c.kind = c.alias->kind, c.cue = "alias";
    } else if (s == e && letters >= 2 && letters <= 6 && !g_.IsCommonWord(toks_[s].t.lower) &&
               !roman && !IsHonorific(toks_[s].t.folded) && !IsFunctionWord(toks_[s].t.folded)) {
      c.kind = EntityKind::kOrganization, c.cue = "acronym";
    } else {
      return;  // a section label or shouted words: never a person
    }
    Emit(std::move(c), e);
  }

  const EntityGazetteer& g_;
  std::string_view text_;
  EntityField field_;
  std::vector<NameToken> toks_;
  std::vector<NameCandidate> out_;
  size_t last_end_ = 0;
  std::string last_role_;
};

}  // namespace

std::vector<NameCandidate> FindNameCandidates(const EntityGazetteer& gazetteer,
                                              std::string_view text, EntityField field,
                                              std::string_view lang) {
  if (text.empty()) return {};
  return Recognizer(gazetteer, text, field, lang).Run();
}

}  // namespace veille::analyze
