// The story tables (schema version 4): stories, story_members, story_merges
// and copy_links. Free functions over one SqliteDb, called by SqliteStore
// (include/veille/store.h states the contracts; schema.sql the columns).
// REQUIRES: writes run inside a transaction or savepoint. Not thread-safe,
// like the SqliteDb they use.
#ifndef VEILLE_STORE_STORY_TABLE_H_
#define VEILLE_STORE_STORY_TABLE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sqlite_db.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

// MergeStoryRows' statement that re-points the stories merged into `from`
// (?1) earlier to `into` (?2); it must probe the merged_into index (schema
// version 6). Exposed so that a test can check its query plan.
extern const char kRepointMergedSql[];

// `now` is the ISO 8601 UTC time written to updated_at / merged_at.
Status UpsertStoryMember(SqliteDb& db, const StoryMember& member, const std::string& now);
// Removes an article from its story (refreshing the story, clearing its
// summary, dropping its profile when it is left empty) and from copy links.
Status RemoveArticleFromStories(SqliteDb& db, int64_t article_id, const std::string& now);
Status MergeStoryRows(SqliteDb& db, int64_t from, int64_t into, const std::string& now);
Status UpdateStorySummary(SqliteDb& db, int64_t story_id, std::string_view headline,
                          std::string_view summary_json, const std::string& now);
Status UpdateStorylines(SqliteDb& db, const std::vector<std::pair<int64_t, int64_t>>& assignments);
Status UpsertCopyLink(SqliteDb& db, const CopyLinkRow& link);
Status DeleteAllStories(SqliteDb& db);
Status UpsertStoryProfile(SqliteDb& db, const StoredStoryProfile& profile);
Result<StoredStoryProfile> SelectStoryProfile(SqliteDb& db, int64_t story_id);
Result<std::vector<int64_t>> SelectStoriesByEntities(SqliteDb& db,
                                                     const std::vector<int64_t>& entity_ids,
                                                     int64_t limit);
Result<std::vector<int64_t>> SelectStorylineStories(SqliteDb& db, int64_t storyline_id);

Result<StoryRow> SelectStory(SqliteDb& db, int64_t id);
Result<std::vector<StoryRow>> SelectStories(SqliteDb& db, const StoryListOptions& options);
// `limit` < 0: all of them.
Result<std::vector<StoryMemberView>> SelectStoryMembers(SqliteDb& db, int64_t story_id,
                                                        int64_t limit, int64_t offset);
Result<StoryMember> SelectStoryMember(SqliteDb& db, int64_t article_id);
Status SelectRecentMembers(SqliteDb& db, int64_t since, int64_t latest_articles,
                           const std::function<Status(const StoryMember&)>& fn);
Result<int64_t> SelectLatestStoryTime(SqliteDb& db);
Result<int64_t> SelectMaxStoryId(SqliteDb& db);
Result<std::vector<CopyLinkRow>> SelectCopies(SqliteDb& db, int64_t article_id);
Result<std::vector<std::pair<int64_t, int64_t>>> SelectStorylines(SqliteDb& db);

}  // namespace veille::store

#endif  // VEILLE_STORE_STORY_TABLE_H_
