// EntityRegistry: canonical entities across articles (tests:
// tests/analyze/entity_registry_test.cc).
//
// Each article's local entities are matched against the registry in turn:
//   1. by the alias table's canonical name ("Vladimir Poutine" in one article
//      and "Putin" in another are both "Vladimir Putin");
//   2. by the NameKey of any full form already seen (hyphen, case and accent
//      variants: "Kim Jong-Un" finds the entity of "Kim Jong Un");
//   3. by the place gazetteer id ("Moscou" finds "Moscow");
//   4. for persons, by a typo of one name part, the other parts identical
//      (IsTypoVariant), through an index of each name with one part blanked:
//      "valdimir poutine" and "vladimir poutine" both index "* poutine";
//   5. else a new entity.
// Kinds must agree, except that "other" adopts the registry's kind.
// Short-only local entities ("Kim" with no full form before it in its
// article) take the entity that the same short form named most often in
// earlier articles (at least registry_prior_min_count times and twice as often
// as the runner-up), else their one candidate in the article, else stand
// alone (no candidate) or stay unresolved (several).
// Each variant (surface) keeps the rule that first tied it to its entity, its
// mention count and article count. The canonical name is the alias table's
// form where one exists, else the most frequent full form.
// Cost per article: O(mentions x parts) hash lookups.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "analyze/entity_gazetteer.h"
#include "analyze/entity_lexicon.h"
#include "analyze/entity_variants.h"
#include "veille/entities.h"

namespace veille {

using analyze::NameKey;
using analyze::NameParts;

class EntityRegistry::Impl {
 public:
  explicit Impl(const EntityResources& r) : opt_(r.options()) {}

  struct Variant {
    std::string surface;
    MergeRule rule = MergeRule::kFirst;
    bool full_form = true;
    int64_t count = 0;
    int64_t articles = 0;
  };
  struct Entity {
    int64_t id = 0;
    EntityKind kind = EntityKind::kOther;
    std::string alias_of, place_id, canonical;
    std::vector<Variant> variants;
  };

  void Add(ArticleEntities* article) {
    std::vector<int64_t> ids(article->entities.size(), 0);
    std::vector<MergeRule> how(article->entities.size(), MergeRule::kFirst);
    // Full entities first, then short-only ones (which may point at them).
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < article->entities.size(); ++i) {
        const LocalEntity& le = article->entities[i];
        if (le.short_only != (pass == 1)) continue;
        ids[i] = pass == 0 ? MatchFull(*article, i, &how[i]) : MatchShort(le, ids, &how[i]);
      }
    }
    std::set<std::pair<int64_t, std::string>> seen_in_article;
    for (EntityMention& m : article->mentions) {
      m.entity_id = m.local_entity >= 0 ? ids[m.local_entity] : 0;
      m.canonical.clear();
      if (m.entity_id == 0) continue;
      Entity& e = entities_[m.entity_id];
      const bool full = (e.kind != EntityKind::kPerson || NameParts(m.surface).size() > 1) &&
                        m.rule != MergeRule::kTruncated;
      MergeRule rule = m.rule;
      if (how[m.local_entity] != MergeRule::kFirst &&
          (rule == MergeRule::kFirst || rule == MergeRule::kSame)) {
        rule = how[m.local_entity];
      }
      if (article->entities[m.local_entity].short_only) {
        rule = how[m.local_entity];
      } else if (HasSurface(e, m.surface)) {
        rule = MergeRule::kSame;
      }
      m.rule = rule;
      Variant& v = AddVariant(&e, m.surface, rule, full);
      ++v.count;
      if (seen_in_article.emplace(e.id, m.surface).second) ++v.articles;
      if (!full) ++prior_[NameKey(m.surface)][e.id];
    }
    for (int64_t id : ids) {
      if (id) UpdateCanonical(&entities_[id]);
    }
    for (EntityMention& m : article->mentions) {
      if (m.entity_id) m.canonical = entities_[m.entity_id].canonical;
      if (m.entity_id) m.kind = entities_[m.entity_id].kind;
    }
  }

  std::vector<EntityRow> Entities() const {
    std::vector<EntityRow> rows;
    for (const auto& [id, e] : entities_) AppendRow(e, &rows);
    return rows;
  }

  std::vector<EntityVariantRow> Variants() const {
    std::vector<EntityVariantRow> rows;
    for (const auto& [id, e] : entities_) AppendVariants(e, &rows);
    return rows;
  }

  void RowsFor(const std::vector<int64_t>& ids, std::vector<EntityRow>* entities,
               std::vector<EntityVariantRow>* variants) const {
    std::vector<int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (int64_t id : sorted) {
      auto it = entities_.find(id);
      if (it == entities_.end()) continue;
      AppendRow(it->second, entities);
      AppendVariants(it->second, variants);
    }
  }

  static void AppendRow(const Entity& e, std::vector<EntityRow>* rows) {
    rows->push_back(EntityRow{e.id, e.kind, e.canonical, e.alias_of, e.place_id});
  }

  static void AppendVariants(const Entity& e, std::vector<EntityVariantRow>* rows) {
    std::vector<Variant> vs = e.variants;
    std::stable_sort(vs.begin(), vs.end(),
                     [](const Variant& a, const Variant& b) { return a.count > b.count; });
    for (const Variant& v : vs) {
      rows->push_back(EntityVariantRow{e.id, v.surface, v.rule, v.full_form, v.count, v.articles});
    }
  }

  Status Load(const std::vector<EntityRow>& entities,
              const std::vector<EntityVariantRow>& variants) {
    Impl fresh(opt_);
    for (const EntityRow& r : entities) {
      if (r.id <= 0 || fresh.entities_.count(r.id)) {
        return Status::InvalidInput("entity id repeated or not positive: " + std::to_string(r.id));
      }
      Entity& e = fresh.entities_[r.id];
      e.id = r.id;
      e.kind = r.kind;
      e.canonical = r.canonical;
      e.alias_of = r.alias_of;
      e.place_id = r.place_id;
      fresh.next_id_ = std::max(fresh.next_id_, r.id + 1);
      fresh.IndexEntity(e);
    }
    for (const EntityVariantRow& v : variants) {
      auto it = fresh.entities_.find(v.entity_id);
      if (it == fresh.entities_.end()) {
        return Status::InvalidInput("variant of unknown entity " + std::to_string(v.entity_id));
      }
      it->second.variants.push_back(Variant{v.surface, v.rule, v.full_form, v.count, v.articles});
      fresh.IndexVariant(it->second, it->second.variants.back());
      if (!v.full_form) fresh.prior_[NameKey(v.surface)][v.entity_id] += v.count;
    }
    *this = std::move(fresh);
    return Status::Ok();
  }

 private:
  Impl(const EntityOptions& o) : opt_(o) {}  // NOLINT: for Load

  static bool HasSurface(const Entity& e, const std::string& surface) {
    for (const Variant& v : e.variants) {
      if (v.surface == surface) return true;
    }
    return false;
  }

  static bool KindsAgree(EntityKind a, EntityKind b) {
    return a == b || a == EntityKind::kOther || b == EntityKind::kOther;
  }

  int64_t Find(const std::multimap<std::string, int64_t>& index, const std::string& key,
               EntityKind kind) const {
    auto [lo, hi] = index.equal_range(key);
    for (auto it = lo; it != hi; ++it) {
      if (KindsAgree(entities_.at(it->second).kind, kind)) return it->second;
    }
    return 0;
  }

  // Keys of a person name with one part blanked, for typo lookups.
  static std::vector<std::string> TypoKeys(const std::vector<std::string>& parts) {
    std::vector<std::string> keys;
    if (parts.size() < 2) return keys;
    for (size_t j = 0; j < parts.size(); ++j) {
      std::string k;
      for (size_t i = 0; i < parts.size(); ++i) {
        k += i == j ? std::string("*") : parts[i];
        k += ' ';
      }
      keys.push_back(std::move(k));
    }
    return keys;
  }

  int64_t MatchFull(const ArticleEntities& article, size_t local, MergeRule* how) {
    const LocalEntity& le = article.entities[local];
    std::vector<std::string> surfaces;
    for (const EntityMention& m : article.mentions) {
      if (m.local_entity == static_cast<int32_t>(local)) surfaces.push_back(m.surface);
    }
    int64_t id = 0;
    if (!le.alias_of.empty()) {
      id = Find(by_alias_, le.alias_of, le.kind);
      if (id) *how = MergeRule::kAlias;
    }
    for (size_t i = 0; !id && i < surfaces.size(); ++i) {
      id = Find(by_key_, NameKey(surfaces[i]), le.kind);
      if (id) *how = MergeRule::kNormalized;
    }
    if (!id && !le.place_id.empty()) {
      id = Find(by_place_, le.place_id, le.kind);
      if (id) *how = MergeRule::kPlaceId;
    }
    for (size_t i = 0; !id && le.kind == EntityKind::kPerson && i < surfaces.size(); ++i) {
      const std::vector<std::string> parts = NameParts(surfaces[i]);
      for (const std::string& tk : TypoKeys(parts)) {
        auto [lo, hi] = by_typo_.equal_range(tk);
        for (auto it = lo; it != hi && !id; ++it) {
          if (analyze::IsTypoVariant(parts, NameParts(it->second.first), opt_)) {
            id = it->second.second;
            *how = MergeRule::kTypo;
          }
        }
        if (id) break;
      }
    }
    if (!id) {
      id = next_id_++;
      Entity& e = entities_[id];
      e.id = id;
      e.kind = le.kind;
      *how = MergeRule::kFirst;
    }
    Entity& e = entities_[id];
    if (e.kind == EntityKind::kOther) e.kind = le.kind;
    if (e.alias_of.empty() && !le.alias_of.empty()) e.alias_of = le.alias_of;
    if (e.place_id.empty() && !le.place_id.empty()) e.place_id = le.place_id;
    IndexEntity(e);
    return id;
  }

  int64_t MatchShort(const LocalEntity& le, const std::vector<int64_t>& ids, MergeRule* how) {
    auto p = prior_.find(NameKey(le.name));
    if (p != prior_.end()) {
      std::vector<std::pair<int64_t, int64_t>> counts;  // (count, id)
      for (auto [id, n] : p->second) counts.emplace_back(n, id);
      std::sort(counts.rbegin(), counts.rend());
      if (counts[0].first >= opt_.registry_prior_min_count &&
          (counts.size() == 1 || counts[0].first >= 2 * counts[1].first)) {
        *how = MergeRule::kRegistryPrior;
        return counts[0].second;
      }
    }
    if (le.candidates.size() == 1) {
      *how = MergeRule::kShortForm;
      return ids[le.candidates[0]];
    }
    if (!le.candidates.empty()) return 0;
    int64_t id = Find(by_key_, NameKey(le.name), le.kind);
    if (!id) {
      id = next_id_++;
      Entity& e = entities_[id];
      e.id = id;
      e.kind = le.kind;
    }
    *how = MergeRule::kFirst;
    return id;
  }

  Variant& AddVariant(Entity* e, const std::string& surface, MergeRule rule, bool full) {
    for (Variant& v : e->variants) {
      if (v.surface == surface) return v;
    }
    const std::string key = NameKey(surface);
    bool key_known = false;
    for (const Variant& v : e->variants) key_known |= NameKey(v.surface) == key;
    if (e->variants.empty()) {
      rule = MergeRule::kFirst;
    } else if (key_known) {
      rule = MergeRule::kNormalized;
    } else if (rule == MergeRule::kFirst || rule == MergeRule::kSame) {
      rule = MergeRule::kNormalized;
    }
    e->variants.push_back(Variant{surface, rule, full, 0, 0});
    IndexVariant(*e, e->variants.back());
    return e->variants.back();
  }

  void IndexEntity(const Entity& e) {
    if (!e.alias_of.empty() && !Find(by_alias_, e.alias_of, e.kind)) {
      by_alias_.emplace(e.alias_of, e.id);
    }
    if (!e.place_id.empty() && !Find(by_place_, e.place_id, e.kind)) {
      by_place_.emplace(e.place_id, e.id);
    }
  }

  void IndexVariant(const Entity& e, const Variant& v) {
    if (!v.full_form) return;
    const std::string key = NameKey(v.surface);
    if (Find(by_key_, key, e.kind) != e.id) by_key_.emplace(key, e.id);
    if (e.kind == EntityKind::kPerson) {
      for (const std::string& tk : TypoKeys(NameParts(v.surface))) {
        by_typo_.emplace(tk, std::make_pair(v.surface, e.id));
      }
    }
  }

  static void UpdateCanonical(Entity* e) {
    if (!e->alias_of.empty()) {
      e->canonical = e->alias_of;
      return;
    }
    const Variant* best = nullptr;
    for (const Variant& v : e->variants) {
      if (v.full_form && (!best || v.count > best->count)) best = &v;
    }
    if (!best && !e->variants.empty()) best = &e->variants.front();
    if (best) e->canonical = best->surface;
  }

  EntityOptions opt_;
  int64_t next_id_ = 1;
  std::map<int64_t, Entity> entities_;
  std::multimap<std::string, int64_t> by_key_, by_alias_, by_place_;
  std::multimap<std::string, std::pair<std::string, int64_t>> by_typo_;
  std::unordered_map<std::string, std::map<int64_t, int64_t>> prior_;  // short key -> id -> n
};

EntityRegistry::EntityRegistry(const EntityResources& resources)
    : impl_(std::make_unique<Impl>(resources)) {}
EntityRegistry::~EntityRegistry() = default;
void EntityRegistry::Add(ArticleEntities* article) { impl_->Add(article); }
std::vector<EntityRow> EntityRegistry::Entities() const { return impl_->Entities(); }
std::vector<EntityVariantRow> EntityRegistry::Variants() const { return impl_->Variants(); }
void EntityRegistry::RowsFor(const std::vector<int64_t>& ids, std::vector<EntityRow>* entities,
                             std::vector<EntityVariantRow>* variants) const {
  impl_->RowsFor(ids, entities, variants);
}
Status EntityRegistry::Load(const std::vector<EntityRow>& entities,
                            const std::vector<EntityVariantRow>& variants) {
  return impl_->Load(entities, variants);
}

}  // namespace veille
