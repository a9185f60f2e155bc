// A story row's derived columns (first/last time, article and source counts,
// main language, and the headline while it has no summary), kept equal to
// what its story_members say. Adding a member or merging two stories updates
// them from the change alone, in O(log n) indexed lookups (the site index
// story_members_by_site tells whether an outlet is new to the story; the
// per-story language counts live in story_langs); a removal, a move between
// stories, a re-placed member or a member's new revision recomputes the
// story exactly from all its members. Free functions over one SqliteDb.
// REQUIRES: writes run inside a transaction or savepoint. Not thread-safe.
#ifndef VEILLE_STORE_STORY_COUNTS_H_
#define VEILLE_STORE_STORY_COUNTS_H_

#include <cstdint>
#include <string>

#include "store/sqlite_db.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

// Recomputes story `id`'s derived columns and language counts from all its
// members (O(members)). `now` goes to updated_at. OK for an id without a row.
Status RecomputeStoryCounts(SqliteDb& db, int64_t id, const std::string& now);

// Counts `member`, just inserted into story_members as a member of no other
// story before, into its story's row. REQUIRES: the story row exists and
// agreed with its other members.
Status AddMemberCounts(SqliteDb& db, const StoryMember& member, const std::string& now);

// Moves story `from`'s members and counts into story `into` (from's row is
// left empty, with no headline). REQUIRES: both rows exist.
Status MergeStoryCounts(SqliteDb& db, int64_t from, int64_t into, const std::string& now);

// After a new revision of `article_id`: recomputes its story, if any (its
// language or title may have changed).
Status RefreshRevisedMember(SqliteDb& db, int64_t article_id, const std::string& now);

}  // namespace veille::store

#endif  // VEILLE_STORE_STORY_COUNTS_H_
