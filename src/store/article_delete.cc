// See article_delete.h. Tested by tests/store/article_delete_test.cc.
#include "store/article_delete.h"

#include <algorithm>
#include <string>
#include <utility>

#include "store/feature_table.h"
#include "store/story_table.h"

namespace veille::store {
namespace {

// The distinct terms of title and body: what the document frequencies
// counted for this article (as the pipeline's AnalysisState).
std::vector<std::pair<std::string, int64_t>> NegativeDfDeltas(const TermVector& title,
                                                              const TermVector& body) {
  std::vector<std::string> terms;
  terms.reserve(title.size() + body.size());
  for (const TermCount& t : title) terms.push_back(t.term);
  for (const TermCount& t : body) terms.push_back(t.term);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::vector<std::pair<std::string, int64_t>> deltas;
  deltas.reserve(terms.size());
  for (std::string& t : terms) deltas.emplace_back(std::move(t), -1);
  return deltas;
}

Status DeleteById(SqliteDb& db, const char* sql, int64_t id) {
  VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare(sql));
  s.BindInt(1, id);
  return s.Run();
}

}  // namespace

Result<std::vector<ArticleTerms>> SelectArticleTerms(SqliteDb& db,
                                                     const std::vector<int64_t>& ids) {
  std::vector<ArticleTerms> out;
  out.reserve(ids.size());
  for (int64_t id : ids) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare("SELECT r.title, r.site, r.published, f.title_terms, f.body_terms "
                   "FROM articles a JOIN revisions r ON r.article_id = a.id "
                   "AND r.revision = a.latest_revision JOIN article_features f "
                   "ON f.article_id = a.id AND f.revision = a.latest_revision WHERE a.id = ?1"));
    s.BindInt(1, id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) continue;
    ArticleTerms t;
    t.id = id;
    t.title = s.ColumnText(0);
    t.site = s.ColumnText(1);
    t.published = s.ColumnText(2);
    Result<TermVector> title = DecodeTermVector(s.ColumnBlob(3));
    Result<TermVector> body = DecodeTermVector(s.ColumnBlob(4));
    for (const Status& st : {title.status(), body.status()}) {
      if (!st.ok()) {
        return st.WithContext("term vectors of article " + std::to_string(id)).At(db.path());
      }
    }
    t.title_terms = std::move(title).value();
    t.body_terms = std::move(body).value();
    out.push_back(std::move(t));
  }
  return out;
}

Status DeleteArticleRows(SqliteDb& db, int64_t id, const std::string& now) {
  int64_t latest = 0;
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT latest_revision FROM articles WHERE id = ?1"));
    s.BindInt(1, id);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("no article with id " + std::to_string(id));
    latest = s.ColumnInt(0);
  }
  // Its latest features were counted in the document frequencies.
  {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT title_terms, body_terms FROM article_features "
                                       "WHERE article_id = ?1 AND revision = ?2"));
    s.BindInt(1, id);
    s.BindInt(2, latest);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (row) {
      Result<TermVector> title = DecodeTermVector(s.ColumnBlob(0));
      Result<TermVector> body = DecodeTermVector(s.ColumnBlob(1));
      if (!title.ok()) return title.status().WithContext("article " + std::to_string(id));
      if (!body.ok()) return body.status().WithContext("article " + std::to_string(id));
      VEILLE_RETURN_IF_ERROR(UpdateDocumentFrequencies(db, -1, NegativeDfDeltas(*title, *body)));
    }
  }
  VEILLE_RETURN_IF_ERROR(RemoveArticleFromStories(db, id, now));
  VEILLE_RETURN_IF_ERROR(DeleteById(db, "DELETE FROM article_entities WHERE article_id = ?1", id));
  VEILLE_RETURN_IF_ERROR(DeleteById(db, "DELETE FROM lsh_keys WHERE article_id = ?1", id));
  VEILLE_RETURN_IF_ERROR(DeleteById(db, "DELETE FROM article_features WHERE article_id = ?1", id));
  VEILLE_RETURN_IF_ERROR(DeleteById(db, "DELETE FROM articles_fts WHERE rowid = ?1", id));
  std::vector<int64_t> raw_ids;
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("SELECT DISTINCT raw_id FROM revisions WHERE article_id = ?1"));
    s.BindInt(1, id);
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      raw_ids.push_back(s.ColumnInt(0));
    }
  }
  VEILLE_RETURN_IF_ERROR(DeleteById(db, "DELETE FROM revisions WHERE article_id = ?1", id));
  VEILLE_RETURN_IF_ERROR(DeleteById(db, "DELETE FROM articles WHERE id = ?1", id));
  // Raw bytes are shared by content: keep those another revision still uses.
  for (int64_t raw : raw_ids) {
    VEILLE_RETURN_IF_ERROR(DeleteById(db,
                                      "DELETE FROM raw_documents WHERE id = ?1 AND NOT EXISTS "
                                      "(SELECT 1 FROM revisions WHERE raw_id = ?1)",
                                      raw));
  }
  return Status::Ok();
}

}  // namespace veille::store
