// The story tables: see story_table.h and schema.sql. Tested by
// tests/store/story_table_test.cc.
//
// A story row's counts, times and language are derived from its members and
// updated in the statement batch that changes them (store/story_counts.h:
// incrementally for a new member or a merge), so a reader never sees a count
// that disagrees with story_members. Its headline is the summary's
// once one is stored, else the title of its earliest member.
#include "store/story_table.h"

#include "store/story_counts.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace veille::store {
namespace {

StoryRow ReadStory(const Statement& s) {
  StoryRow r;
  r.id = s.ColumnInt(0);
  r.first_time = s.ColumnInt(1);
  r.last_time = s.ColumnInt(2);
  r.article_count = s.ColumnInt(3);
  r.source_count = s.ColumnInt(4);
  r.storyline_id = s.ColumnInt(5);
  r.merged_into = s.ColumnInt(6);
  r.headline = s.ColumnText(7);
  r.lang = s.ColumnText(8);
  r.summary_json = s.ColumnText(9);
  r.updated_at = s.ColumnText(10);
  r.lead = s.ColumnText(11);
  const nlohmann::json names = nlohmann::json::parse(s.ColumnText(12), nullptr, false);
  if (names.is_array()) {
    for (const nlohmann::json& n : names) {
      if (n.is_string()) r.key_entities.push_back(n.get<std::string>());
    }
  }
  return r;
}

StoryMember ReadMember(const Statement& s, int first) {
  StoryMember m;
  m.article_id = s.ColumnInt(first);
  m.story_id = s.ColumnInt(first + 1);
  m.time = s.ColumnInt(first + 2);
  m.site = s.ColumnText(first + 3);
  m.score = s.ColumnDouble(first + 4);
  m.why_json = s.ColumnText(first + 5);
  return m;
}

Status EnsureStory(SqliteDb& db, int64_t id, const std::string& now) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s, db.Prepare("INSERT OR IGNORE INTO stories (id, first_time, last_time, "
                              "article_count, source_count, storyline_id, merged_into, headline, "
                              "lang, summary_json, updated_at, lead, key_entities) "
                              "VALUES (?1, 0, 0, 0, 0, 0, 0, '', '', '', ?2, '', '[]')"));
  s.BindInt(1, id);
  s.BindText(2, now);
  return s.Run();
}

Status DeleteProfile(SqliteDb& db, int64_t story_id) {
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("DELETE FROM story_profiles WHERE story_id = ?1"));
    s.BindInt(1, story_id);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("DELETE FROM story_entities WHERE story_id = ?1"));
  s.BindInt(1, story_id);
  return s.Run();
}

}  // namespace

Status UpsertStoryMember(SqliteDb& db, const StoryMember& member, const std::string& now) {
  if (member.story_id <= 0) return Status::InvalidInput("story member without a story id");
  int64_t previous = 0;
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT id FROM articles WHERE id = ?1"));
    s.BindInt(1, member.article_id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("article " + std::to_string(member.article_id));
  }
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT story_id FROM story_members WHERE article_id = ?1"));
    s.BindInt(1, member.article_id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) previous = s.ColumnInt(0);
  }
  VEILLE_RETURN_IF_ERROR(EnsureStory(db, member.story_id, now));
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("INSERT OR REPLACE INTO story_members "
                                       "(article_id, story_id, time, site, score, why_json) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.BindInt(1, member.article_id);
    s.BindInt(2, member.story_id);
    s.BindInt(3, member.time);
    s.BindText(4, member.site);
    s.BindDouble(5, member.score);
    s.BindText(6, member.why_json);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  // A new member is counted from itself alone; a re-placed or moved one
  // recounts its stories.
  if (previous == 0) return AddMemberCounts(db, member, now);
  VEILLE_RETURN_IF_ERROR(RecomputeStoryCounts(db, member.story_id, now));
  if (previous != member.story_id) {
    VEILLE_RETURN_IF_ERROR(RecomputeStoryCounts(db, previous, now));
  }
  return Status::Ok();
}

Status RemoveArticleFromStories(SqliteDb& db, int64_t article_id, const std::string& now) {
  {
    // Its copies become originals; a link naming it as a copy goes too.
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("DELETE FROM copy_links WHERE copy_id = ?1 OR original_id = ?1"));
    s.BindInt(1, article_id);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  int64_t story = 0;
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT story_id FROM story_members WHERE article_id = ?1"));
    s.BindInt(1, article_id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::Ok();
    story = s.ColumnInt(0);
  }
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("DELETE FROM story_members WHERE article_id = ?1"));
    s.BindInt(1, article_id);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  {
    // The summary may quote the article: cleared, so that the recount
    // takes the earliest remaining member's title as the headline.
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("UPDATE stories SET summary_json = '', lead = '', "
                                       "key_entities = '[]' WHERE id = ?1"));
    s.BindInt(1, story);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  VEILLE_RETURN_IF_ERROR(RecomputeStoryCounts(db, story, now));
  VEILLE_ASSIGN_OR_RETURN(Statement left,
                          db.Prepare("SELECT 1 FROM story_members WHERE story_id = ?1 LIMIT 1"));
  left.BindInt(1, story);
  VEILLE_ASSIGN_OR_RETURN(const bool any, left.Step());
  if (!any) return DeleteProfile(db, story);
  return Status::Ok();
}

const char kRepointMergedSql[] =
    "UPDATE stories SET merged_into = ?2 WHERE merged_into = ?1 AND merged_into <> 0";

Status MergeStoryRows(SqliteDb& db, int64_t from, int64_t into, const std::string& now) {
  if (from == into) return Status::InvalidInput("MergeStories: a story cannot merge into itself");
  VEILLE_RETURN_IF_ERROR(EnsureStory(db, into, now));
  VEILLE_RETURN_IF_ERROR(EnsureStory(db, from, now));
  VEILLE_RETURN_IF_ERROR(MergeStoryCounts(db, from, into, now));  // moves the members too
  {
    // Stories merged into `from` earlier now resolve to `into` directly.
    VEILLE_RETURN_IF_ERROR(db.Run(kRepointMergedSql, {from, into}));
  }
  {
    // The surviving story keeps the merged one's storyline if it had none.
    VEILLE_RETURN_IF_ERROR(
        db.Run("UPDATE stories SET storyline_id = (SELECT storyline_id FROM stories "
               "WHERE id = ?1) WHERE id = ?2 AND storyline_id = 0",
               {from, into}));
  }
  {
    VEILLE_RETURN_IF_ERROR(
        db.Run("UPDATE stories SET merged_into = ?2, "
               "summary_json = '', lead = '', key_entities = '[]' WHERE id = ?1",
               {from, into}));
  }
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("INSERT OR REPLACE INTO story_merges (from_id, into_id, "
                                       "merged_at) VALUES (?1, ?2, ?3)"));
    s.BindInt(1, from);
    s.BindInt(2, into);
    s.BindText(3, now);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  return DeleteProfile(db, from);
}

Status UpdateStorySummary(SqliteDb& db, int64_t story_id, std::string_view headline,
                          std::string_view summary_json, const std::string& now) {
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT id FROM stories WHERE id = ?1"));
    s.BindInt(1, story_id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("story " + std::to_string(story_id));
  }
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("UPDATE stories SET headline = ?2, summary_json = ?3, "
                                     "lead = ?5, key_entities = ?6, "
                                     "updated_at = ?4 WHERE id = ?1"));
  s.BindInt(1, story_id);
  s.BindText(2, headline);
  s.BindText(3, summary_json);
  // What a story list shows, extracted once here rather than at every read.
  std::string lead;
  nlohmann::json names = nlohmann::json::array();
  const nlohmann::json summary = nlohmann::json::parse(summary_json, nullptr, false);
  // Readers may splice the stored text into JSON as it is: only an object
  // (or "" for none) is stored.
  if (!summary_json.empty() && !summary.is_object()) {
    return Status::InvalidInput("summary of story " + std::to_string(story_id) +
                                " is not a JSON object");
  }
  if (summary.is_object()) {
    const auto sentences = summary.find("sentences");
    if (sentences != summary.end() && sentences->is_array() && !sentences->empty() &&
        (*sentences)[0].is_object() && (*sentences)[0].contains("text") &&
        (*sentences)[0]["text"].is_string()) {
      lead = (*sentences)[0]["text"].get<std::string>();
    }
    const auto ents = summary.find("entities");
    if (ents != summary.end() && ents->is_array()) {
      for (const nlohmann::json& e : *ents) {
        if (names.size() >= 5) break;
        if (e.is_object() && e.contains("name") && e["name"].is_string())
          names.push_back(e["name"]);
      }
    }
  }
  const std::string names_json =
      names.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  s.BindText(5, lead);
  s.BindText(6, names_json);
  s.BindText(4, now);
  return s.Run();
}

Status UpdateStorylines(SqliteDb& db, const std::vector<std::pair<int64_t, int64_t>>& assignments) {
  for (const auto& [story, storyline] : assignments) {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("UPDATE stories SET storyline_id = ?2 WHERE id = ?1"));
    s.BindInt(1, story);
    s.BindInt(2, storyline);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Status UpsertCopyLink(SqliteDb& db, const CopyLinkRow& link) {
  if (link.copy_id == link.original_id) {
    return Status::InvalidInput("copy link of article " + std::to_string(link.copy_id) +
                                " to itself");
  }
  VEILLE_ASSIGN_OR_RETURN(
      Statement s, db.Prepare("INSERT OR REPLACE INTO copy_links (copy_id, original_id, overlap, "
                              "exact) VALUES (?1, ?2, ?3, ?4)"));
  s.BindInt(1, link.copy_id);
  s.BindInt(2, link.original_id);
  s.BindDouble(3, link.overlap);
  s.BindInt(4, link.exact ? 1 : 0);
  return s.Run();
}

Status DeleteAllStories(SqliteDb& db) {
  // Keep the largest id used, so that new stories never reuse an old id.
  return db.Exec(
      "INSERT INTO meta (key, value) SELECT 'story_id_high', COALESCE(MAX(id), 0) FROM stories "
      "WHERE true ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value); "
      "DELETE FROM story_members; DELETE FROM story_merges; DELETE FROM stories; "
      "DELETE FROM story_profiles; DELETE FROM story_entities; DELETE FROM story_langs;");
}

Status UpsertStoryProfile(SqliteDb& db, const StoredStoryProfile& profile) {
  {
    // Only live stories have profiles (SelectStoriesByEntities relies on it).
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT merged_into FROM stories WHERE id = ?1"));
    s.BindInt(1, profile.story_id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row && s.ColumnInt(0) != 0) {
      return Status::InvalidInput("story " + std::to_string(profile.story_id) +
                                  " was merged: no profile");
    }
  }
  VEILLE_RETURN_IF_ERROR(DeleteProfile(db, profile.story_id));
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& [term, weight] : profile.terms)
    terms.push_back(nlohmann::json::array({term, weight}));
  nlohmann::json entities = nlohmann::json::array();
  for (const auto& [id, weight] : profile.entities)
    entities.push_back(nlohmann::json::array({id, weight}));
  {
    // Bound without copying: the texts must outlive the Run.
    const std::string terms_json =
        terms.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string entities_json = entities.dump();
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("INSERT INTO story_profiles (story_id, terms_json, "
                                       "entities_json) VALUES (?1, ?2, ?3)"));
    s.BindInt(1, profile.story_id);
    s.BindText(2, terms_json);
    s.BindText(3, entities_json);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  std::set<int64_t> seen;
  for (const auto& [id, weight] : profile.entities) {
    if (!seen.insert(id).second) continue;
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("INSERT INTO story_entities (entity_id, story_id, weight) "
                                       "VALUES (?1, ?2, ?3)"));
    s.BindInt(1, id);
    s.BindInt(2, profile.story_id);
    s.BindDouble(3, weight);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Result<StoredStoryProfile> SelectStoryProfile(SqliteDb& db, int64_t story_id) {
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("SELECT terms_json, entities_json FROM story_profiles "
                                     "WHERE story_id = ?1"));
  s.BindInt(1, story_id);
  VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::NotFound("profile of story " + std::to_string(story_id));
  StoredStoryProfile p;
  p.story_id = story_id;
  const nlohmann::json terms = nlohmann::json::parse(s.ColumnText(0), nullptr, false);
  const nlohmann::json entities = nlohmann::json::parse(s.ColumnText(1), nullptr, false);
  auto bad = [&] {
    return Status::Corruption("story_profiles row of story " + std::to_string(story_id))
        .At(db.path());
  };
  if (!terms.is_array() || !entities.is_array()) return bad();
  for (const nlohmann::json& t : terms) {
    if (!t.is_array() || t.size() != 2 || !t[0].is_string() || !t[1].is_number()) return bad();
    p.terms.emplace_back(t[0].get<std::string>(), t[1].get<float>());
  }
  for (const nlohmann::json& e : entities) {
    if (!e.is_array() || e.size() != 2 || !e[0].is_number_integer() || !e[1].is_number()) {
      return bad();
    }
    p.entities.emplace_back(e[0].get<int64_t>(), e[1].get<float>());
  }
  return p;
}

Result<std::vector<int64_t>> SelectStoriesByEntities(SqliteDb& db,
                                                     const std::vector<int64_t>& entity_ids,
                                                     int64_t limit) {
  // Each story's weight summed over the asked entities (an entity asked
  // twice counts twice); the heaviest first (ties: the most recent id), at
  // most `limit`. Each distinct entity is looked up once, in
  // story_entities alone: a merged story has no profile rows (MergeStoryRows,
  // migration 7), so no story row is read.
  std::map<int64_t, double> weight;
  const int64_t per_entity = std::max<int64_t>(limit, 0);
  std::map<int64_t, std::vector<std::pair<int64_t, double>>> rows_of;
  for (int64_t entity : entity_ids) {
    auto [it, fresh] = rows_of.try_emplace(entity);
    if (fresh) {
      VEILLE_ASSIGN_OR_RETURN(Statement s,
                              db.Prepare("SELECT story_id, weight FROM story_entities "
                                         "WHERE entity_id = ?1 "
                                         "ORDER BY weight DESC, story_id DESC LIMIT ?2"));
      s.BindInt(1, entity);
      s.BindInt(2, per_entity);
      for (;;) {
        VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
        if (!row) break;
        it->second.emplace_back(s.ColumnInt(0), s.ColumnDouble(1));
      }
    }
    for (const auto& [story, w] : it->second) weight[story] += w;
  }
  std::vector<std::pair<double, int64_t>> ranked;
  for (const auto& [story, w] : weight) ranked.emplace_back(-w, -story);
  std::sort(ranked.begin(), ranked.end());
  if (static_cast<int64_t>(ranked.size()) > per_entity)
    ranked.resize(static_cast<size_t>(per_entity));
  std::vector<int64_t> out;
  for (const auto& [w, story] : ranked) out.push_back(-story);
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<int64_t>> SelectStorylineStories(SqliteDb& db, int64_t storyline_id) {
  VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT id FROM stories WHERE storyline_id = ?1 "
                                                  "AND merged_into = 0 ORDER BY id"));
  s.BindInt(1, storyline_id);
  std::vector<int64_t> out;
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    out.push_back(s.ColumnInt(0));
  }
}

Result<StoryRow> SelectStory(SqliteDb& db, int64_t id) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT id, first_time, last_time, article_count, source_count, storyline_id, "
                 "merged_into, headline, lang, summary_json, updated_at, lead, key_entities "
                 "FROM stories WHERE id = ?1"));
  s.BindInt(1, id);
  VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::NotFound("story " + std::to_string(id));
  return ReadStory(s);
}

namespace {

// The SQL of SelectStories for one combination of active filters (bit i of
// `mask`: filter ?(i+1) is active) and order. Only active filters appear, so
// that SQLite walks the partial index of the order (stories_by_importance or
// stories_by_recency) and stops after LIMIT rows instead of sorting every
// story; each string lives for the process (SqliteDb::Prepare caches by
// pointer).
const char* StoryListSql(unsigned mask, bool importance) {
  static const std::vector<std::string> kSql = [] {
    std::vector<std::string> all;
    for (unsigned i = 0; i < 128; ++i) {
      std::string sql =
          "SELECT id, first_time, last_time, article_count, source_count, storyline_id, "
          "merged_into, headline, lang, '', updated_at, lead, key_entities FROM stories s ";
      // Without a selective filter, walk the order's index (the planner would
      // otherwise take a time range on stories_by_last_time and sort it all).
      if ((i & (8 | 16 | 32)) == 0) {
        sql +=
            (i & 64) != 0 ? "INDEXED BY stories_by_importance " : "INDEXED BY stories_by_recency ";
      }
      sql += "WHERE s.merged_into = 0 AND s.article_count > 0 ";
      if ((i & 1) != 0) sql += "AND s.last_time >= ?1 ";
      if ((i & 2) != 0) sql += "AND s.first_time <= ?2 ";
      if ((i & 4) != 0) sql += "AND s.lang = ?3 ";
      if ((i & 8) != 0) sql += "AND s.storyline_id = ?4 ";
      if ((i & 16) != 0) {
        sql +=
            "AND EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.id AND m.site = ?5) ";
      }
      if ((i & 32) != 0) {
        sql +=
            "AND s.id IN (SELECT m.story_id FROM article_entities e JOIN story_members m "
            "ON m.article_id = e.article_id WHERE e.entity_id = ?6) ";
      }
      sql += (i & 64) != 0 ? "ORDER BY s.source_count DESC, s.article_count DESC, "
                             "s.last_time DESC, s.id DESC "
                           : "ORDER BY s.last_time DESC, s.id DESC ";
      sql += "LIMIT ?7 OFFSET ?8";
      all.push_back(std::move(sql));
    }
    return all;
  }();
  return kSql[(mask & 63) | (importance ? 64 : 0)].c_str();
}

}  // namespace

Result<std::vector<StoryRow>> SelectStories(SqliteDb& db, const StoryListOptions& options) {
  unsigned mask = 0;
  if (options.since != std::numeric_limits<int64_t>::min()) mask |= 1;
  if (options.until != std::numeric_limits<int64_t>::max()) mask |= 2;
  if (!options.lang.empty()) mask |= 4;
  if (options.storyline_id != 0) mask |= 8;
  if (!options.site.empty()) mask |= 16;
  if (options.entity_id != 0) mask |= 32;
  const bool importance = options.order == StoryListOptions::Order::kImportance;
  VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare(StoryListSql(mask, importance)));
  s.BindInt(1, options.since);
  s.BindInt(2, options.until);
  s.BindText(3, options.lang);
  s.BindInt(4, options.storyline_id);
  s.BindText(5, options.site);
  s.BindInt(6, options.entity_id);
  s.BindInt(7, std::clamp<int64_t>(options.limit, 0, 10000));
  s.BindInt(8, std::max<int64_t>(options.offset, 0));
  std::vector<StoryRow> out;
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    out.push_back(ReadStory(s));
  }
}

Result<std::vector<StoryMemberView>> SelectStoryMembers(SqliteDb& db, int64_t story_id,
                                                        int64_t limit, int64_t offset) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT m.article_id, m.story_id, m.time, m.site, m.score, m.why_json, "
                 "a.url, r.input, r.title, r.published, r.lang, "
                 "COALESCE((SELECT original_id FROM copy_links WHERE copy_id = m.article_id), 0) "
                 "FROM story_members m JOIN articles a ON a.id = m.article_id "
                 "JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "
                 "WHERE m.story_id = ?1 ORDER BY m.time, m.article_id LIMIT ?2 OFFSET ?3"));
  s.BindInt(1, story_id);
  s.BindInt(2, limit < 0 ? -1 : limit);  // SQLite: a negative LIMIT is none
  s.BindInt(3, std::max<int64_t>(offset, 0));
  std::vector<StoryMemberView> out;
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    StoryMemberView v;
    v.member = ReadMember(s, 0);
    v.url = s.ColumnText(6);
    v.input = s.ColumnText(7);
    v.title = s.ColumnText(8);
    v.published = s.ColumnText(9);
    v.lang = s.ColumnText(10);
    v.original_id = s.ColumnInt(11);
    out.push_back(std::move(v));
  }
}

Result<StoryMember> SelectStoryMember(SqliteDb& db, int64_t article_id) {
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("SELECT article_id, story_id, time, site, score, why_json "
                                     "FROM story_members WHERE article_id = ?1"));
  s.BindInt(1, article_id);
  VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::NotFound("article " + std::to_string(article_id) + " in a story");
  return ReadMember(s, 0);
}

Status SelectRecentMembers(SqliteDb& db, int64_t since, int64_t latest_articles,
                           const std::function<Status(const StoryMember&)>& fn) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT m.article_id, m.story_id, m.time, m.site, m.score, m.why_json "
                 "FROM story_members m JOIN stories s ON s.id = m.story_id "
                 "WHERE s.last_time >= ?1 OR s.id IN (SELECT story_id FROM story_members "
                 "  ORDER BY article_id DESC LIMIT ?2) ORDER BY m.time, m.article_id"));
  s.BindInt(1, since);
  s.BindInt(2, std::max<int64_t>(latest_articles, 0));
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::Ok();
    VEILLE_RETURN_IF_ERROR(fn(ReadMember(s, 0)));
  }
}

Result<int64_t> SelectLatestStoryTime(SqliteDb& db) {
  return db.QueryInt("SELECT COALESCE(MAX(time), 0) FROM story_members");
}

Result<int64_t> SelectMaxStoryId(SqliteDb& db) {
  return db.QueryInt(
      "SELECT max(COALESCE((SELECT MAX(id) FROM stories), 0), "
      "COALESCE((SELECT value FROM meta WHERE key = 'story_id_high'), 0))");
}

Result<std::vector<CopyLinkRow>> SelectCopies(SqliteDb& db, int64_t article_id) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT original_id, copy_id, overlap, exact FROM copy_links WHERE original_id = "
                 "COALESCE((SELECT original_id FROM copy_links WHERE copy_id = ?1), ?1) "
                 "ORDER BY copy_id"));
  s.BindInt(1, article_id);
  std::vector<CopyLinkRow> out;
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    CopyLinkRow l;
    l.original_id = s.ColumnInt(0);
    l.copy_id = s.ColumnInt(1);
    l.overlap = s.ColumnDouble(2);
    l.exact = s.ColumnInt(3) != 0;
    out.push_back(l);
  }
}

Result<std::vector<std::pair<int64_t, int64_t>>> SelectStorylines(SqliteDb& db) {
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("SELECT id, storyline_id FROM stories WHERE merged_into = 0 "
                                     "AND article_count > 0 ORDER BY storyline_id, id"));
  std::vector<std::pair<int64_t, int64_t>> out;
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.ColumnInt(0), s.ColumnInt(1));
  }
}

}  // namespace veille::store
