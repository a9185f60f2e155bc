// `veille entities`: the canonical named entities of the stored articles,
// with their kind, variants, counts and the rule that merged each variant.
// The entity registry is not persisted by the store yet, so the command
// rebuilds it by re-analysing every stored article in id order (the order
// the pipeline would have fed it).
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/json_views.h"
#include "veille/entities.h"
#include "veille/store.h"

namespace veille::cli {
namespace {

struct Totals {
  int64_t mentions = 0;
  std::set<int64_t> articles;
};

}  // namespace

int RunEntities(const Config& config, const EntitiesArgs& args) {
  EntityOptions options = DefaultEntityOptions();
  if (!args.gazetteer_dir.empty()) options.gazetteer_dir = args.gazetteer_dir;
  if (!args.alias_path.empty()) options.alias_path = args.alias_path;
  options.user_alias_path = args.user_alias_path;
  auto resources = EntityResources::Load(options);
  if (!resources.ok()) return PrintError(resources.status()), kExitFatal;
  EntityKind only = EntityKind::kOther;
  if (!args.kind.empty() && !ParseEntityKind(args.kind, &only)) {
    PrintError(Status::InvalidInput("unknown entity kind: " + args.kind));
    return kExitUsage;
  }

  auto store = OpenSqliteStore(config.db_path, config.store);
  if (!store.ok()) return PrintError(store.status().At(config.db_path)), kExitFatal;
  EntityRegistry registry(**resources);
  std::map<int64_t, Totals> totals;
  Status s = (*store)->ForEachArticle([&](const StoredArticle& a) {
    ArticleEntities found =
        RecognizeEntities(**resources, a.article.title, a.article.text, a.article.lang);
    registry.Add(&found);
    for (const EntityMention& m : found.mentions) {
      if (m.entity_id == 0) continue;
      ++totals[m.entity_id].mentions;
      totals[m.entity_id].articles.insert(a.id);
    }
    return Status::Ok();
  });
  if (!s.ok()) return PrintError(s), kExitFatal;

  std::vector<EntityRow> rows = registry.Entities();
  if (!args.kind.empty()) {
    std::erase_if(rows, [&](const EntityRow& r) { return r.kind != only; });
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const EntityRow& a, const EntityRow& b) {
    return totals[a.id].mentions > totals[b.id].mentions;
  });
  if (args.limit > 0 && rows.size() > static_cast<size_t>(args.limit)) rows.resize(args.limit);
  std::map<int64_t, std::vector<EntityVariantRow>> variants;
  for (EntityVariantRow& v : registry.Variants()) variants[v.entity_id].push_back(std::move(v));

  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const EntityRow& r : rows) {
      nlohmann::json vs = nlohmann::json::array();
      for (const EntityVariantRow& v : variants[r.id]) {
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
           {"mentions", totals[r.id].mentions},
           {"articles", totals[r.id].articles.size()},
           {"variants", vs}});
    }
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  for (const EntityRow& r : rows) {
    std::printf("%s\n", fmt::format("#{}  {:<12}  {}  ({} mentions, {} articles)", r.id,
                                    EntityKindName(r.kind), r.canonical, totals[r.id].mentions,
                                    totals[r.id].articles.size())
                            .c_str());
    for (const EntityVariantRow& v : variants[r.id]) {
      std::printf("%s\n", fmt::format("      {:<28} {:>5}  {}{}", v.surface, v.count,
                                      MergeRuleName(v.rule), v.full_form ? "" : " (short form)")
                              .c_str());
    }
  }
  return kExitOk;
}

}  // namespace veille::cli
