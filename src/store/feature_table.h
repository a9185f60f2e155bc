// The analysis tables (schema version 3): article_features, lsh_keys,
// term_df + meta (document frequencies), entities, entity_variants and
// article_entities. Free functions over one SqliteDb, called by SqliteStore
// (include/veille/store.h states the contracts; docs/storage-format.md the
// encodings). REQUIRES: called inside a transaction or savepoint for writes.
// Not thread-safe, like the SqliteDb they use.
#ifndef VEILLE_STORE_FEATURE_TABLE_H_
#define VEILLE_STORE_FEATURE_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sqlite_db.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

// Term vector blob: varint(n), then n times varint(len) term varint(count).
std::string EncodeTermVector(const TermVector& terms);
Result<TermVector> DecodeTermVector(std::string_view blob);
// MinHash blob: uint32 little-endian each.
std::string EncodeMinHash(const std::vector<uint32_t>& signature);
Result<std::vector<uint32_t>> DecodeMinHash(std::string_view blob);
std::string EncodeDates(const std::vector<DateMention>& dates);
Result<std::vector<DateMention>> DecodeDates(const std::string& json);
// Resolved entity mentions (entity_id != 0) as a JSON array of
// [field, begin, end, sentence, kind, entity_id, canonical, surface].
std::string EncodeMentions(const ArticleEntities& entities);
Result<std::vector<EntityMention>> DecodeMentions(const std::string& json);

Status InsertFeatures(SqliteDb& db, int64_t article_id, int64_t revision,
                      const AnalyzedArticle& features);
Result<AnalyzedArticle> SelectFeatures(SqliteDb& db, int64_t article_id, int64_t revision);
Result<bool> FeaturesExist(SqliteDb& db, int64_t article_id, int64_t revision);
Result<std::vector<int64_t>> SelectLshCandidates(SqliteDb& db, const std::vector<uint64_t>& keys,
                                                 int64_t limit);

Result<DocumentFrequencySnapshot> SelectDocumentFrequencies(SqliteDb& db);
Status UpdateDocumentFrequencies(SqliteDb& db, int64_t document_delta,
                                 const std::vector<std::pair<std::string, int64_t>>& deltas);

Result<EntityTable> SelectEntities(SqliteDb& db);
Result<std::vector<std::pair<int64_t, int64_t>>> SelectArticleEntities(SqliteDb& db,
                                                                       int64_t article_id);
Status UpsertEntities(SqliteDb& db, const std::vector<EntityRow>& entities,
                      const std::vector<EntityVariantRow>& variants);
Result<std::vector<EntitySummary>> SummarizeEntities(SqliteDb& db);

}  // namespace veille::store

#endif  // VEILLE_STORE_FEATURE_TABLE_H_
