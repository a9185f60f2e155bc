// Entity variants within one article (tests: tests/analyze/entity_variants_test.cc).
//
// Full forms (a person named by two or more parts, any place or organisation)
// are grouped first, each group recording the rule that joined it:
//   - same NameKey: hyphen, case and accent variants ("Kim Jong-un",
//     "Kim-Jong-un", "Kim Jong Un" all key to "kim jong un");
//   - the alias table names both ("Vladimir Poutine" ~ "Vladimir Putin");
//   - the place gazetteer gives both one id ("Moscou" ~ "Moscow");
//   - typo: persons whose names have the same number of parts, all equal but
//     one that is not the last (the surname must match), which differs by at
//     most one edit (a transposition counts one) and is at least five letters
//     long ("Valdimir Poutine" ~ "Vladimir Poutine").
//     Short parts are never edited: "Kim Jong Un", "Kim Jong Il" and
//     "Kim Il Sung" differ in two-letter parts or in two parts, and stay three.
// A person form that is a leading part of a longer one of the article ("Kim
// Jong" beside "Kim Jong Un", a title cut short) is a truncation, resolved
// like a short form.
// Short forms (one part: "Kim", "M. Kim", "Poutine") are then resolved in
// reading order, the title first:
//   1. a single-part alias ("Poutine") joins the entity with that alias;
//   2. anaphora: the full forms met before it whose first or last part it is;
//      one candidate wins; several are told apart by the role word that
//      announced the short form ("le dirigeant Kim" goes to the Kim already
//      called "dirigeant"), then by recency (the most recent, if it was met
//      within `recency_sentences` and more recently than any other); else
//      the mention stays unresolved;
//   3. cataphora: none met before, but one within `cataphora_sentences` after
//      it (for a title: within the text's first cataphora_sentences + 1);
//   4. otherwise it is unanchored: a short-only entity, which the registry
//      resolves from earlier articles.
// Once resolved, a short form keeps its referent for the rest of the article
// (one sense per discourse: a "Kim" that named Kim Jong Un, or no one yet, is
// not Kim Jong Il when repeated after Kim Jong Il is mentioned in passing),
// unless another candidate was named in the same or the previous sentence.
// This rule is applied before 1-3.
// Cost: O(m^2) in the number m of mentions of the article (small).
#include "analyze/entity_variants.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "analyze/entity_lexicon.h"

namespace veille::analyze {

bool IsTypoVariant(const std::vector<std::string>& a, const std::vector<std::string>& b,
                   const EntityOptions& options) {
  if (a.size() != b.size() || a.size() < 2) return false;
  int differing = -1;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (differing >= 0) return false;
    differing = static_cast<int>(i);
  }
  // The last part must agree: it is the family name in most name orders (and a
  // one-syllable given name, too short to edit, in Korean and Chinese ones).
  if (differing < 0 || differing == static_cast<int>(a.size()) - 1) return false;
  const std::string& x = a[differing];
  const std::string& y = b[differing];
  const size_t min_chars = static_cast<size_t>(std::max(1, options.min_typo_part_chars));
  if (x.size() < min_chars || y.size() < min_chars) return false;
  return EditDistance(x, y) <= options.max_typo_edits;
}

namespace {

struct Item {
  const NameCandidate* c;
  int order;  // reading order over title then text
  int pos;    // global sentence index (title sentences first)
};

struct Group {
  std::string key;
  std::vector<int> members;  // item indexes
  int parent;
  MergeRule rule = MergeRule::kFirst;  // how it joined its parent
  bool truncated = false;
};

class Resolver {
 public:
  Resolver(const EntityGazetteer& g, const std::vector<NameCandidate>& title,
           const std::vector<NameCandidate>& text, int title_sentences)
      : g_(g), opt_(g.options()) {
    if (title_sentences < 0) {
      title_sentences = 0;
      for (const NameCandidate& c : title) {
        title_sentences = std::max(title_sentences, static_cast<int>(c.sentence) + 1);
      }
    }
    for (const NameCandidate& c : title) Add(c, static_cast<int>(c.sentence));
    for (const NameCandidate& c : text) Add(c, title_sentences + static_cast<int>(c.sentence));
  }

  ArticleEntities Run() {
    GroupFullForms();
    MergeGroups();
    BuildEntities();
    ResolveShortForms();
    return Finish();
  }

 private:
  void Add(const NameCandidate& c, int pos) {
    items_.push_back(Item{&c, static_cast<int>(items_.size()), pos});
  }

  static bool IsPerson(const NameCandidate& c) { return c.kind == EntityKind::kPerson; }
  static bool IsFull(const NameCandidate& c) {
    if (c.kind == EntityKind::kOther) return false;
    if (IsPerson(c)) return c.parts.size() >= 2;
    return true;
  }

  int Root(int g) {
    while (groups_[g].parent != g) g = groups_[g].parent;
    return g;
  }
  void Union(int a, int b, MergeRule rule) {
    a = Root(a), b = Root(b);
    if (a == b) return;
    // The group the alias table knows, then the larger, then the earlier
    // stays the root: a misspelling joins the right spelling, not the reverse.
    const auto rank = [&](int g) {
      return std::make_pair(Head(groups_[g]).alias != nullptr, groups_[g].members.size());
    };
    if (rank(b) > rank(a)) std::swap(a, b);
    groups_[b].parent = a;
    groups_[b].rule = rule;
  }

  void GroupFullForms() {
    std::map<std::string, int> by_key;
    for (const Item& it : items_) {
      if (!IsFull(*it.c)) continue;
      auto [pos, fresh] = by_key.emplace(it.c->key, static_cast<int>(groups_.size()));
      if (fresh) groups_.push_back(Group{it.c->key, {}, static_cast<int>(groups_.size())});
      groups_[pos->second].members.push_back(it.order);
    }
    // Drop person groups typed by shape alone at a sentence start.
    for (Group& gr : groups_) {
      const bool all_weak = std::all_of(gr.members.begin(), gr.members.end(),
                                        [&](int m) { return items_[m].c->weak; });
      if (all_weak) gr.members.clear();
    }
    // Truncations: "Kim Jong" beside "Kim Jong Un".
    for (Group& a : groups_) {
      if (a.members.empty() || !IsPerson(*items_[a.members[0]].c)) continue;
      const auto& pa = items_[a.members[0]].c->parts;
      for (const Group& b : groups_) {
        if (b.members.empty() || &a == &b || !IsPerson(*items_[b.members[0]].c)) continue;
        const auto& pb = items_[b.members[0]].c->parts;
        if (pb.size() > pa.size() && std::equal(pa.begin(), pa.end(), pb.begin()) &&
            !items_[a.members[0]].c->alias) {
          a.truncated = true;
        }
      }
    }
  }

  const NameCandidate& Head(const Group& g) const { return *items_[g.members[0]].c; }

  void MergeGroups() {
    for (size_t a = 0; a < groups_.size(); ++a) {
      if (groups_[a].members.empty() || groups_[a].truncated) continue;
      const NameCandidate& ca = Head(groups_[a]);
      for (size_t b = a + 1; b < groups_.size(); ++b) {
        if (groups_[b].members.empty() || groups_[b].truncated) continue;
        const NameCandidate& cb = Head(groups_[b]);
        if (ca.alias && cb.alias && ca.alias->canonical == cb.alias->canonical) {
          Union(static_cast<int>(a), static_cast<int>(b), MergeRule::kAlias);
        } else if (ca.place && cb.place && ca.place->id == cb.place->id) {
          Union(static_cast<int>(a), static_cast<int>(b), MergeRule::kPlaceId);
        } else if (IsPerson(ca) && IsPerson(cb) && IsTypoVariant(ca.parts, cb.parts, opt_)) {
          Union(static_cast<int>(a), static_cast<int>(b), MergeRule::kTypo);
        }
      }
    }
  }

  void BuildEntities() {
    std::map<int, int> root_to_entity;
    for (size_t gi = 0; gi < groups_.size(); ++gi) {
      if (groups_[gi].members.empty() || groups_[gi].truncated) continue;
      const int root = Root(static_cast<int>(gi));
      auto [it, fresh] = root_to_entity.emplace(root, static_cast<int>(entities_.size()));
      if (fresh) {
        entities_.emplace_back();
        ent_full_.emplace_back();
      }
      for (int m : groups_[gi].members) {
        assign_[m] = it->second;
        ent_full_[it->second].push_back(m);
        // The rule of the group's own join; the first group's members are
        // first/same/normalized, decided in Finish().
        rule_[m] = gi == static_cast<size_t>(root) ? MergeRule::kFirst : groups_[gi].rule;
      }
    }
    for (size_t e = 0; e < entities_.size(); ++e) {
      std::sort(ent_full_[e].begin(), ent_full_[e].end());
      LocalEntity& le = entities_[e];
      std::map<EntityKind, int> kinds;
      std::map<std::string, int> names;
      for (int m : ent_full_[e]) {
        const NameCandidate& c = *items_[m].c;
        if (c.alias) le.alias_of = c.alias->canonical;
        if (c.place) le.place_id = c.place->id;
        ++kinds[c.kind];
        ++names[c.surface];
      }
      le.kind = std::max_element(kinds.begin(), kinds.end(), [](auto& a, auto& b) {
                  return a.second < b.second;
                })->first;
      int best = -1;
      for (int m : ent_full_[e]) {  // most frequent, then first
        if (best < 0 || names[items_[m].c->surface] > names[le.name]) {
          le.name = items_[m].c->surface;
          best = m;
        }
      }
    }
  }

  // Entities a short form (or truncation) could stand for.
  std::vector<int> Candidates(const NameCandidate& c) const {
    std::vector<int> out;
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (entities_[e].kind != EntityKind::kPerson || ent_full_[e].empty()) continue;
      const auto& parts = items_[ent_full_[e][0]].c->parts;
      bool match = false;
      for (int m : ent_full_[e]) {
        const auto& p = items_[m].c->parts;
        if (c.parts.size() == 1) {
          match |= p.front() == c.parts[0] || p.back() == c.parts[0];
        } else {
          match |=
              p.size() > c.parts.size() && std::equal(c.parts.begin(), c.parts.end(), p.begin());
        }
      }
      (void)parts;
      if (match) out.push_back(static_cast<int>(e));
    }
    return out;
  }

  int Resolve(const Item& it, MergeRule* rule) {
    const NameCandidate& c = *it.c;
    *rule = c.parts.size() > 1 ? MergeRule::kTruncated : MergeRule::kShortForm;
    if (c.alias && c.parts.size() == 1) {
      for (size_t e = 0; e < entities_.size(); ++e) {
        if (entities_[e].alias_of == c.alias->canonical) return *rule = MergeRule::kAlias, e;
      }
    }
    const std::vector<int> cands = Candidates(c);
    // Before / after this mention: each candidate's nearest full mentions.
    std::vector<int> before;
    std::map<int, int> last_pos, first_after;
    for (int e : cands) {
      for (int m : ent_full_[e]) {
        if (m < it.order) {
          last_pos[e] = items_[m].pos;
        } else if (!first_after.count(e)) {
          first_after[e] = m;
        }
      }
      if (last_pos.count(e)) before.push_back(e);
    }
    // One sense per discourse: the short form keeps the entity it named
    // before in this article, unless another was named in the same or the
    // previous sentence (more recently than that entity's full form).
    auto sense = sense_.find(c.key);
    if (sense != sense_.end()) {
      const int own = sense->second;
      for (int e : before) {
        if (e != own && it.pos - last_pos[e] <= 1 &&
            (!last_pos.count(own) || last_pos[e] > last_pos[own])) {
          return e;
        }
      }
      return own;
    }
    if (before.size() == 1) return before[0];
    if (before.size() > 1) {
      if (!c.role.empty()) {
        std::vector<int> same_role;
        for (int e : before) {
          if (roles_[e].count(c.role)) same_role.push_back(e);
        }
        if (same_role.size() == 1) return same_role[0];
      }
      std::sort(before.begin(), before.end(),
                [&](int a, int b) { return last_pos[a] > last_pos[b]; });
      if (it.pos - last_pos[before[0]] <= opt_.recency_sentences &&
          last_pos[before[0]] > last_pos[before[1]]) {
        return before[0];
      }
      return -1;
    }
    std::vector<int> ahead;
    for (auto [e, m] : first_after) {
      const Item& f = items_[m];
      const bool near = c.field == EntityField::kTitle
                            ? f.c->field == EntityField::kText &&
                                  static_cast<int>(f.c->sentence) <= opt_.cataphora_sentences
                            : f.c->field == c.field && f.pos - it.pos <= opt_.cataphora_sentences;
      if (near) ahead.push_back(e);
    }
    if (ahead.size() == 1) return ahead[0];
    if (ahead.size() > 1) return -1;
    if (c.alias && c.parts.size() == 1) {  // an alias met alone: "Poutine"
      LocalEntity le;
      le.kind = c.alias->kind;
      le.name = c.surface;
      le.alias_of = c.alias->canonical;
      entities_.push_back(le);
      ent_full_.emplace_back();
      *rule = MergeRule::kFirst;
      return static_cast<int>(entities_.size()) - 1;
    }
    if (c.weak || c.parts.size() > 1) return -2;  // unconfirmed: dropped
    LocalEntity le;
    le.kind =
        c.kind == EntityKind::kOther && (c.honorific || !c.role.empty() || c.cue == "name-list")
            ? EntityKind::kPerson
            : c.kind;
    le.name = c.surface;
    le.short_only = le.kind == EntityKind::kPerson;
    entities_.push_back(le);
    ent_full_.emplace_back();
    const int e = static_cast<int>(entities_.size()) - 1;
    *rule = MergeRule::kFirst;
    return e;
  }

  void ResolveShortForms() {
    roles_.resize(entities_.size());
    for (const Item& it : items_) {
      if (assign_.count(it.order) && !it.c->role.empty())
        roles_[assign_[it.order]].insert(it.c->role);
    }
    for (const Item& it : items_) {
      if (assign_.count(it.order)) continue;
      if (IsFull(*it.c) && !IsTruncation(it)) continue;  // a dropped weak full form
      MergeRule rule;
      const int e = Resolve(it, &rule);
      roles_.resize(entities_.size());
      if (e == -2) continue;
      assign_[it.order] = e;
      rule_[it.order] = rule;
      if (e >= 0 && it.c->parts.size() == 1) sense_[it.c->key] = e;
      if (e >= 0 && !it.c->role.empty()) roles_[e].insert(it.c->role);
    }
    // Later full forms an unanchored short form could name.
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (!entities_[e].short_only) continue;
      NameCandidate probe;
      probe.parts = NameParts(entities_[e].name);
      entities_[e].candidates.clear();
      for (int cand : Candidates(probe)) {
        if (cand != static_cast<int>(e)) entities_[e].candidates.push_back(cand);
      }
    }
  }

  bool IsTruncation(const Item& it) const {
    for (const Group& g : groups_) {
      if (g.truncated && std::find(g.members.begin(), g.members.end(), it.order) != g.members.end())
        return true;
    }
    return false;
  }

  ArticleEntities Finish() {
    ArticleEntities out;
    out.entities = entities_;
    std::vector<std::set<std::string>> surfaces(entities_.size()), keys(entities_.size());
    for (const Item& it : items_) {
      auto a = assign_.find(it.order);
      if (a == assign_.end()) continue;
      const NameCandidate& c = *it.c;
      EntityMention m;
      m.surface = c.surface;
      m.field = c.field;
      m.begin = c.begin;
      m.end = c.end;
      m.sentence = c.sentence;
      m.cue = c.cue;
      m.local_entity = a->second;
      m.kind = a->second >= 0 ? entities_[a->second].kind : c.kind;
      if (a->second < 0 && m.kind == EntityKind::kOther) m.kind = EntityKind::kPerson;
      m.rule = rule_[it.order];
      if (a->second >= 0) {
        const int e = a->second;
        if (surfaces[e].count(c.surface)) {
          m.rule = MergeRule::kSame;
        } else if (m.rule == MergeRule::kFirst && !surfaces[e].empty()) {
          m.rule = keys[e].count(c.key) ? MergeRule::kNormalized : MergeRule::kSame;
        }
        surfaces[e].insert(c.surface);
        keys[e].insert(c.key);
      }
      out.mentions.push_back(std::move(m));
    }
    return out;
  }

  const EntityGazetteer& g_;
  const EntityOptions& opt_;
  std::vector<Item> items_;
  std::vector<Group> groups_;
  std::vector<LocalEntity> entities_;
  std::vector<std::vector<int>> ent_full_;  // item indexes of each entity's full forms
  std::vector<std::set<std::string>> roles_;
  std::map<int, int> assign_;         // item -> entity (-1: unresolved)
  std::map<int, MergeRule> rule_;     // item -> rule
  std::map<std::string, int> sense_;  // short key -> the entity it last named
};

}  // namespace

ArticleEntities ResolveArticleEntities(const EntityGazetteer& gazetteer,
                                       const std::vector<NameCandidate>& title,
                                       const std::vector<NameCandidate>& text,
                                       int title_sentences) {
  return Resolver(gazetteer, title, text, title_sentences).Run();
}

}  // namespace veille::analyze
