// A story row's derived columns: see story_counts.h. Tested by
// tests/store/story_counts_test.cc, which checks every row against a
// recount from story_members after adds, moves, merges, revisions and
// deletions.
#include "store/story_counts.h"

namespace veille::store {
namespace {

// The story's main language (most members, then the smallest code), from
// story_langs; and its headline while it has no summary: the title of its
// earliest member (story_members_by_story walks (time, article_id) in order).
#define VEILLE_STORY_LANG_SQL                                          \
  "lang = COALESCE((SELECT lang FROM story_langs WHERE story_id = ?1 " \
  "  ORDER BY members DESC, lang LIMIT 1), ''), "
#define VEILLE_STORY_HEADLINE_SQL                                                        \
  "headline = CASE WHEN summary_json <> '' THEN headline ELSE COALESCE((SELECT r.title " \
  "  FROM story_members m JOIN articles a ON a.id = m.article_id "                       \
  "  JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "        \
  "  WHERE m.story_id = ?1 ORDER BY m.time, m.article_id LIMIT 1), '') END, "

}  // namespace

Status RecomputeStoryCounts(SqliteDb& db, int64_t id, const std::string& now) {
  VEILLE_RETURN_IF_ERROR(db.Run("DELETE FROM story_langs WHERE story_id = ?1", {id}));
  VEILLE_RETURN_IF_ERROR(
      db.Run("INSERT INTO story_langs (story_id, lang, members) SELECT ?1, r.lang, COUNT(*) "
             "FROM story_members m JOIN articles a ON a.id = m.article_id "
             "JOIN revisions r ON r.article_id = a.id AND r.revision = a.latest_revision "
             "WHERE m.story_id = ?1 AND r.lang <> '' GROUP BY r.lang",
             {id}));
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare(
          "UPDATE stories SET "
          "first_time = COALESCE((SELECT MIN(time) FROM story_members WHERE story_id = ?1), 0), "
          "last_time = COALESCE((SELECT MAX(time) FROM story_members WHERE story_id = ?1), 0), "
          "article_count = (SELECT COUNT(*) FROM story_members WHERE story_id = ?1), "
          "source_count = (SELECT COUNT(DISTINCT site) FROM story_members "
          "  WHERE story_id = ?1 AND site <> ''), " VEILLE_STORY_LANG_SQL VEILLE_STORY_HEADLINE_SQL
          "updated_at = ?2 WHERE id = ?1"));
  s.BindInt(1, id);
  s.BindText(2, now);
  return s.Run();
}

Status AddMemberCounts(SqliteDb& db, const StoryMember& member, const std::string& now) {
  std::string lang;
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare("SELECT r.lang FROM articles a JOIN revisions r ON r.article_id = a.id "
                   "AND r.revision = a.latest_revision WHERE a.id = ?1"));
    s.BindInt(1, member.article_id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) lang = s.ColumnText(0);
  }
  if (!lang.empty()) {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("INSERT INTO story_langs (story_id, lang, members) "
                                       "VALUES (?1, ?2, 1) ON CONFLICT (story_id, lang) "
                                       "DO UPDATE SET members = members + 1"));
    s.BindInt(1, member.story_id);
    s.BindText(2, lang);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  bool new_source = false;
  if (!member.site.empty()) {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT 1 FROM story_members WHERE story_id = ?1 "
                                       "AND site = ?2 AND article_id <> ?3 LIMIT 1"));
    s.BindInt(1, member.story_id);
    s.BindText(2, member.site);
    s.BindInt(3, member.article_id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    new_source = !row;
  }
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare(
          "UPDATE stories SET "
          "first_time = CASE WHEN article_count = 0 THEN ?2 ELSE min(first_time, ?2) END, "
          "last_time = CASE WHEN article_count = 0 THEN ?2 ELSE max(last_time, ?2) END, "
          "article_count = article_count + 1, "
          "source_count = source_count + ?3, " VEILLE_STORY_LANG_SQL VEILLE_STORY_HEADLINE_SQL
          "updated_at = ?4 WHERE id = ?1"));
  s.BindInt(1, member.story_id);
  s.BindInt(2, member.time);
  s.BindInt(3, new_source ? 1 : 0);
  s.BindText(4, now);
  return s.Run();
}

Status MergeStoryCounts(SqliteDb& db, int64_t from, int64_t into, const std::string& now) {
  if (from == into) return Status::InvalidInput("MergeStoryCounts: the same story");
  int64_t first = 0, last = 0, count = 0, new_sources = 0;
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare("SELECT first_time, last_time, article_count FROM stories WHERE id = ?1"));
    s.BindInt(1, from);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("story " + std::to_string(from));
    first = s.ColumnInt(0);
    last = s.ColumnInt(1);
    count = s.ColumnInt(2);
  }
  {
    // The outlets of `from` that `into` lacks (one index probe per member).
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare("SELECT COUNT(DISTINCT f.site) FROM story_members f WHERE f.story_id = ?1 "
                   "AND f.site <> '' AND NOT EXISTS (SELECT 1 FROM story_members i "
                   "WHERE i.story_id = ?2 AND i.site = f.site)"));
    s.BindInt(1, from);
    s.BindInt(2, into);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) new_sources = s.ColumnInt(0);
  }
  VEILLE_RETURN_IF_ERROR(
      db.Run("INSERT INTO story_langs (story_id, lang, members) "
             "SELECT ?2, lang, members FROM story_langs WHERE story_id = ?1 AND true "
             "ON CONFLICT (story_id, lang) DO UPDATE SET members = members + "
             "excluded.members",
             {from, into}));
  VEILLE_RETURN_IF_ERROR(db.Run("DELETE FROM story_langs WHERE story_id = ?1", {from}));
  VEILLE_RETURN_IF_ERROR(
      db.Run("UPDATE story_members SET story_id = ?2 WHERE story_id = ?1", {from, into}));
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare("UPDATE stories SET first_time = 0, last_time = 0, article_count = 0, "
                   "source_count = 0, lang = '', headline = '', updated_at = ?2 WHERE id = ?1"));
    s.BindInt(1, from);
    s.BindText(2, now);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare(
          "UPDATE stories SET "
          "first_time = CASE WHEN ?4 = 0 THEN first_time WHEN article_count = 0 THEN ?2 "
          "  ELSE min(first_time, ?2) END, "
          "last_time = CASE WHEN ?4 = 0 THEN last_time WHEN article_count = 0 THEN ?3 "
          "  ELSE max(last_time, ?3) END, "
          "article_count = article_count + ?4, "
          "source_count = source_count + ?5, " VEILLE_STORY_LANG_SQL VEILLE_STORY_HEADLINE_SQL
          "updated_at = ?6 WHERE id = ?1"));
  s.BindInt(1, into);
  s.BindInt(2, first);
  s.BindInt(3, last);
  s.BindInt(4, count);
  s.BindInt(5, new_sources);
  s.BindText(6, now);
  return s.Run();
}

Status RefreshRevisedMember(SqliteDb& db, int64_t article_id, const std::string& now) {
  VEILLE_ASSIGN_OR_RETURN(Statement s,
                          db.Prepare("SELECT story_id FROM story_members WHERE article_id = ?1"));
  s.BindInt(1, article_id);
  VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::Ok();
  const int64_t story = s.ColumnInt(0);
  return RecomputeStoryCounts(db, story, now);
}

#undef VEILLE_STORY_LANG_SQL
#undef VEILLE_STORY_HEADLINE_SQL

}  // namespace veille::store
