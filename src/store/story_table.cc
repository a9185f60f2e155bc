// The story tables: see story_table.h and schema.sql. Tested by
// tests/store/story_table_test.cc.
//
// A story row's counts, times and language are derived from its members and
// refreshed in the statement batch that changes them, so a reader never sees
// a count that disagrees with story_members. Its headline is the summary's
// once one is stored, else the title of its earliest member.
#include "store/story_table.h"

#include <algorithm>
#include <set>

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
                              "lang, summary_json, updated_at) "
                              "VALUES (?1, 0, 0, 0, 0, 0, 0, '', '', '', ?2)"));
  s.BindInt(1, id);
  s.BindText(2, now);
  return s.Run();
}

// Recomputes a story's derived columns from its members.
Status RefreshStory(SqliteDb& db, int64_t id, const std::string& now) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare(
          "UPDATE stories SET "
          "first_time = COALESCE((SELECT MIN(time) FROM story_members WHERE story_id = ?1), 0), "
          "last_time = COALESCE((SELECT MAX(time) FROM story_members WHERE story_id = ?1), 0), "
          "article_count = (SELECT COUNT(*) FROM story_members WHERE story_id = ?1), "
          "source_count = (SELECT COUNT(DISTINCT site) FROM story_members "
          "  WHERE story_id = ?1 AND site <> ''), "
          "lang = COALESCE((SELECT r.lang FROM story_members m "
          "  JOIN articles a ON a.id = m.article_id "
          "  JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "
          "  WHERE m.story_id = ?1 AND r.lang <> '' "
          "  GROUP BY r.lang ORDER BY COUNT(*) DESC, r.lang LIMIT 1), ''), "
          "headline = CASE WHEN summary_json <> '' THEN headline ELSE COALESCE((SELECT r.title "
          "  FROM story_members m JOIN articles a ON a.id = m.article_id "
          "  JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "
          "  WHERE m.story_id = ?1 ORDER BY m.time, m.article_id LIMIT 1), '') END, "
          "updated_at = ?2 WHERE id = ?1"));
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
  VEILLE_RETURN_IF_ERROR(RefreshStory(db, member.story_id, now));
  if (previous != 0 && previous != member.story_id) {
    VEILLE_RETURN_IF_ERROR(RefreshStory(db, previous, now));
  }
  return Status::Ok();
}

Status MergeStoryRows(SqliteDb& db, int64_t from, int64_t into, const std::string& now) {
  if (from == into) return Status::InvalidInput("MergeStories: a story cannot merge into itself");
  VEILLE_RETURN_IF_ERROR(EnsureStory(db, into, now));
  VEILLE_RETURN_IF_ERROR(EnsureStory(db, from, now));
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("UPDATE story_members SET story_id = ?2 WHERE story_id = ?1"));
    s.BindInt(1, from);
    s.BindInt(2, into);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  {
    // Stories merged into `from` earlier now resolve to `into` directly.
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("UPDATE stories SET merged_into = ?2 WHERE merged_into = ?1"));
    s.BindInt(1, from);
    s.BindInt(2, into);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare("UPDATE stories SET merged_into = ?2, "
                                                    "summary_json = '' WHERE id = ?1"));
    s.BindInt(1, from);
    s.BindInt(2, into);
    VEILLE_RETURN_IF_ERROR(s.Run());
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
  VEILLE_RETURN_IF_ERROR(RefreshStory(db, from, now));
  VEILLE_RETURN_IF_ERROR(DeleteProfile(db, from));
  return RefreshStory(db, into, now);
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
                                     "updated_at = ?4 WHERE id = ?1"));
  s.BindInt(1, story_id);
  s.BindText(2, headline);
  s.BindText(3, summary_json);
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
  return db.Exec(
      "DELETE FROM story_members; DELETE FROM story_merges; DELETE FROM stories; "
      "DELETE FROM story_profiles; DELETE FROM story_entities;");
}

Status UpsertStoryProfile(SqliteDb& db, const StoredStoryProfile& profile) {
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
  std::set<int64_t> found;
  for (int64_t entity : entity_ids) {
    VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT e.story_id FROM story_entities e "
                                                    "JOIN stories s ON s.id = e.story_id "
                                                    "WHERE e.entity_id = ?1 AND s.merged_into = 0 "
                                                    "ORDER BY e.weight DESC LIMIT ?2"));
    s.BindInt(1, entity);
    s.BindInt(2, std::max<int64_t>(limit, 0));
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      found.insert(s.ColumnInt(0));
    }
  }
  std::vector<int64_t> out(found.begin(), found.end());
  if (static_cast<int64_t>(out.size()) > limit) out.resize(static_cast<size_t>(limit));
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
      db.Prepare(
          "SELECT id, first_time, last_time, article_count, source_count, storyline_id, "
          "merged_into, headline, lang, summary_json, updated_at FROM stories WHERE id = ?1"));
  s.BindInt(1, id);
  VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::NotFound("story " + std::to_string(id));
  return ReadStory(s);
}

Result<std::vector<StoryRow>> SelectStories(SqliteDb& db, const StoryListOptions& options) {
  // Two statements (one per order); each optional filter is a no-op when its
  // parameter holds the "any" value.
#define VEILLE_STORY_FILTER                                                                    \
  "SELECT id, first_time, last_time, article_count, source_count, storyline_id, merged_into, " \
  "headline, lang, summary_json, updated_at FROM stories s "                                   \
  "WHERE s.merged_into = 0 AND s.article_count > 0 AND s.last_time >= ?1 "                     \
  "AND s.first_time <= ?2 AND (?3 = '' OR s.lang = ?3) AND (?4 = 0 OR s.storyline_id = ?4) "   \
  "AND (?5 = '' OR EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.id "             \
  "  AND m.site = ?5)) "                                                                       \
  "AND (?6 = 0 OR EXISTS (SELECT 1 FROM story_members m JOIN article_entities e "              \
  "  ON e.article_id = m.article_id WHERE m.story_id = s.id AND e.entity_id = ?6)) "
  static constexpr const char* kByRecent =
      VEILLE_STORY_FILTER "ORDER BY s.last_time DESC, s.id DESC LIMIT ?7 OFFSET ?8";
  static constexpr const char* kByImportance = VEILLE_STORY_FILTER
      "ORDER BY s.source_count DESC, s.article_count DESC, "
      "s.last_time DESC, s.id DESC LIMIT ?7 OFFSET ?8";
#undef VEILLE_STORY_FILTER
  const bool importance = options.order == StoryListOptions::Order::kImportance;
  VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare(importance ? kByImportance : kByRecent));
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

Result<std::vector<StoryMemberView>> SelectStoryMembers(SqliteDb& db, int64_t story_id) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT m.article_id, m.story_id, m.time, m.site, m.score, m.why_json, "
                 "a.url, r.input, r.title, r.published, r.lang, "
                 "COALESCE((SELECT original_id FROM copy_links WHERE copy_id = m.article_id), 0) "
                 "FROM story_members m JOIN articles a ON a.id = m.article_id "
                 "JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "
                 "WHERE m.story_id = ?1 ORDER BY m.time, m.article_id"));
  s.BindInt(1, story_id);
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
  return db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM stories");
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
