// Article-level reads and deletion beyond the basic Put/Get: the term
// vectors similarity needs (without the text) and DeleteArticle's rows.
// Free functions over one SqliteDb, called by SqliteStore
// (include/veille/store.h states the contracts). Not thread-safe.
#ifndef VEILLE_STORE_ARTICLE_DELETE_H_
#define VEILLE_STORE_ARTICLE_DELETE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "store/sqlite_db.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

Result<std::vector<ArticleTerms>> SelectArticleTerms(SqliteDb& db, const std::vector<int64_t>& ids);

// Deletes every row of article `id` (see Store::DeleteArticle); kNotFound
// when there is none. REQUIRES: inside a transaction or savepoint (the
// caller rolls back on error).
Status DeleteArticleRows(SqliteDb& db, int64_t id, const std::string& now);

}  // namespace veille::store

#endif  // VEILLE_STORE_ARTICLE_DELETE_H_
