// `veille entities`: the canonical named entities of the stored articles,
// with their kind, variants, counts and the rule that merged each variant.
// Reads the entity registry that ingest keeps in the store (tables entities,
// entity_variants, article_entities; docs/storage-format.md): nothing is
// re-analysed, so the listing is what later stages see.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/json_views.h"
#include "veille/entities.h"
#include "veille/store.h"

namespace veille::cli {

int RunEntities(const Config& config, const EntitiesArgs& args) {
  EntityKind only = EntityKind::kOther;
  if (!args.kind.empty() && !ParseEntityKind(args.kind, &only)) {
    PrintError(Status::InvalidInput("unknown entity kind: " + args.kind));
    return kExitUsage;
  }
  auto store = OpenSqliteStore(config.db_path, config.store);
  if (!store.ok()) return PrintError(store.status().At(config.db_path)), kExitFatal;
  Result<std::vector<EntitySummary>> listed = (*store)->ListEntities();
  if (!listed.ok()) return PrintError(listed.status()), kExitFatal;
  std::vector<EntitySummary> rows = std::move(listed).value();
  if (!args.kind.empty()) {
    std::erase_if(rows, [&](const EntitySummary& r) { return r.entity.kind != only; });
  }
  // Entities no stored article mentions any more (their articles were
  // revised) are kept in the registry but not listed.
  std::erase_if(rows, [](const EntitySummary& r) { return r.mentions == 0; });
  if (args.limit > 0 && rows.size() > static_cast<size_t>(args.limit)) rows.resize(args.limit);

  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const EntitySummary& s : rows) {
      const EntityRow& r = s.entity;
      nlohmann::json vs = nlohmann::json::array();
      for (const EntityVariantRow& v : s.variants) {
        vs.push_back({{"surface", v.surface},
                      {"rule", MergeRuleName(v.rule)},
                      {"full_form", v.full_form},
                      {"count", v.count},
                      {"articles", v.articles}});
      }
      out.push_back(
          {{"id", r.id},
           {"kind", EntityKindName(r.kind)},
           {"name", r.canonical},
           {"alias_of", r.alias_of.empty() ? nlohmann::json() : nlohmann::json(r.alias_of)},
           {"place_id", r.place_id.empty() ? nlohmann::json() : nlohmann::json(r.place_id)},
           {"mentions", s.mentions},
           {"articles", s.articles},
           {"variants", vs}});
    }
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  for (const EntitySummary& s : rows) {
    const EntityRow& r = s.entity;
    std::printf("%s\n", fmt::format("#{}  {:<12}  {}  ({} mentions, {} articles)", r.id,
                                    EntityKindName(r.kind), r.canonical, s.mentions, s.articles)
                            .c_str());
    for (const EntityVariantRow& v : s.variants) {
      std::printf("%s\n", fmt::format("      {:<28} {:>5}  {}{}", v.surface, v.count,
                                      MergeRuleName(v.rule), v.full_form ? "" : " (short form)")
                              .c_str());
    }
  }
  return kExitOk;
}

}  // namespace veille::cli
