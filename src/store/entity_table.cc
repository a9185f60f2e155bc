// The entity registry's tables (entities, entity_variants) and the
// article_entities counts: see feature_table.h, schema.sql and
// docs/storage-format.md. Tested by tests/store/feature_table_test.cc.
#include <algorithm>
#include <map>

#include "store/feature_table.h"

namespace veille::store {
namespace {

Status ReadVariants(Statement& s, std::vector<EntityVariantRow>* out, const std::string& path) {
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::Ok();
    EntityVariantRow v;
    v.entity_id = s.ColumnInt(0);
    v.surface = s.ColumnText(1);
    if (!ParseMergeRule(s.ColumnText(2), &v.rule)) {
      return Status::Corruption("entity_variants: unknown rule '" + s.ColumnText(2) + "'").At(path);
    }
    v.full_form = s.ColumnInt(3) != 0;
    v.count = s.ColumnInt(4);
    v.articles = s.ColumnInt(5);
    out->push_back(std::move(v));
  }
}

}  // namespace

Result<EntityTable> SelectEntities(SqliteDb& db) {
  EntityTable table;
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare("SELECT id, kind, canonical, alias_of, place_id FROM entities ORDER BY id"));
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      EntityRow r;
      r.id = s.ColumnInt(0);
      if (!ParseEntityKind(s.ColumnText(1), &r.kind)) {
        return Status::Corruption("entities: unknown kind '" + s.ColumnText(1) + "'").At(db.path());
      }
      r.canonical = s.ColumnText(2);
      r.alias_of = s.ColumnText(3);
      r.place_id = s.ColumnText(4);
      table.entities.push_back(std::move(r));
    }
  }
  VEILLE_ASSIGN_OR_RETURN(
      Statement s, db.Prepare("SELECT entity_id, surface, rule, full_form, count, articles "
                              "FROM entity_variants ORDER BY entity_id, count DESC, surface"));
  VEILLE_RETURN_IF_ERROR(ReadVariants(s, &table.variants, db.path()));
  return table;
}

Result<std::vector<std::pair<int64_t, int64_t>>> SelectArticleEntities(SqliteDb& db,
                                                                       int64_t article_id) {
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("SELECT entity_id, mentions FROM article_entities "
                                     "WHERE article_id = ?1 ORDER BY entity_id"));
  s.BindInt(1, article_id);
  std::vector<std::pair<int64_t, int64_t>> out;
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.ColumnInt(0), s.ColumnInt(1));
  }
}

Status UpsertEntities(SqliteDb& db, const std::vector<EntityRow>& entities,
                      const std::vector<EntityVariantRow>& variants) {
  for (const EntityRow& r : entities) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("INSERT OR REPLACE INTO entities (id, kind, canonical, alias_of, "
                                "place_id) VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.BindInt(1, r.id);
    s.BindText(2, EntityKindName(r.kind));
    s.BindText(3, r.canonical);
    s.BindText(4, r.alias_of);
    s.BindText(5, r.place_id);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  for (const EntityVariantRow& v : variants) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare("INSERT OR REPLACE INTO entity_variants (entity_id, surface, rule, full_form, "
                   "count, articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.BindInt(1, v.entity_id);
    s.BindText(2, v.surface);
    s.BindText(3, MergeRuleName(v.rule));
    s.BindInt(4, v.full_form ? 1 : 0);
    s.BindInt(5, v.count);
    s.BindInt(6, v.articles);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Result<std::vector<EntitySummary>> SummarizeEntities(SqliteDb& db) {
  VEILLE_ASSIGN_OR_RETURN(EntityTable table, SelectEntities(db));
  std::map<int64_t, EntitySummary> by_id;
  for (EntityRow& r : table.entities) by_id[r.id].entity = std::move(r);
  for (EntityVariantRow& v : table.variants) {
    auto it = by_id.find(v.entity_id);
    if (it != by_id.end()) it->second.variants.push_back(std::move(v));
  }
  VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT entity_id, sum(mentions), count(*) "
                                                  "FROM article_entities GROUP BY entity_id"));
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) break;
    auto it = by_id.find(s.ColumnInt(0));
    if (it == by_id.end()) continue;
    it->second.mentions = s.ColumnInt(1);
    it->second.articles = s.ColumnInt(2);
  }
  std::vector<EntitySummary> out;
  out.reserve(by_id.size());
  for (auto& [id, e] : by_id) out.push_back(std::move(e));
  std::stable_sort(out.begin(), out.end(), [](const EntitySummary& a, const EntitySummary& b) {
    return a.mentions > b.mentions;
  });
  return out;
}

}  // namespace veille::store
