// article_features, lsh_keys and the document frequencies (term_df, meta):
// see feature_table.h, schema.sql and docs/storage-format.md. Tested by
// tests/store/feature_table_test.cc.
//
// Term vectors are stored as a compact length-prefixed blob rather than JSON:
// varint(term count), then per term varint(byte length), the UTF-8 bytes and
// varint(count). A typical article (300 distinct stems of ~7 bytes) takes
// ~2.7 KB this way against ~6 KB as JSON, and decodes without a parser.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

#include "store/feature_table.h"

namespace veille::store {
namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    const uint8_t byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

const char* GranularityName(DateGranularity g) {
  switch (g) {
    case DateGranularity::kDay:
      return "day";
    case DateGranularity::kWeek:
      return "week";
    case DateGranularity::kMonth:
      return "month";
    case DateGranularity::kYear:
      return "year";
  }
  return "day";
}

bool ParseGranularity(const std::string& name, DateGranularity* g) {
  for (DateGranularity c : {DateGranularity::kDay, DateGranularity::kWeek, DateGranularity::kMonth,
                            DateGranularity::kYear}) {
    if (name == GranularityName(c)) {
      *g = c;
      return true;
    }
  }
  return false;
}

// Replaces the article's LSH keys with `keys`.
Status ReplaceLshKeys(SqliteDb& db, int64_t article_id, const std::vector<uint64_t>& keys) {
  {
    VEILLE_ASSIGN_OR_RETURN(Statement del,
                            db.Prepare("DELETE FROM lsh_keys WHERE article_id = ?1"));
    del.BindInt(1, article_id);
    VEILLE_RETURN_IF_ERROR(del.Run());
  }
  for (const uint64_t key : keys) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement ins,
        db.Prepare("INSERT OR IGNORE INTO lsh_keys (band_key, article_id) VALUES (?1, ?2)"));
    ins.BindInt(1, static_cast<int64_t>(key));
    ins.BindInt(2, article_id);
    VEILLE_RETURN_IF_ERROR(ins.Run());
  }
  return Status::Ok();
}

// Replaces the article's resolved entities with the counts of `entities`.
Status ReplaceArticleEntities(SqliteDb& db, int64_t article_id, const ArticleEntities& entities) {
  {
    VEILLE_ASSIGN_OR_RETURN(Statement del,
                            db.Prepare("DELETE FROM article_entities WHERE article_id = ?1"));
    del.BindInt(1, article_id);
    VEILLE_RETURN_IF_ERROR(del.Run());
  }
  std::vector<int64_t> ids;
  for (const EntityMention& m : entities.mentions) {
    if (m.entity_id > 0) ids.push_back(m.entity_id);
  }
  std::sort(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size();) {
    size_t j = i;
    while (j < ids.size() && ids[j] == ids[i]) ++j;
    VEILLE_ASSIGN_OR_RETURN(Statement ins,
                            db.Prepare("INSERT INTO article_entities (article_id, entity_id, "
                                       "mentions) VALUES (?1, ?2, ?3)"));
    ins.BindInt(1, article_id);
    ins.BindInt(2, ids[i]);
    ins.BindInt(3, static_cast<int64_t>(j - i));
    VEILLE_RETURN_IF_ERROR(ins.Run());
    i = j;
  }
  return Status::Ok();
}

}  // namespace

std::string EncodeTermVector(const TermVector& terms) {
  std::string out;
  PutVarint(terms.size(), &out);
  for (const TermCount& t : terms) {
    PutVarint(t.term.size(), &out);
    out += t.term;
    PutVarint(t.count, &out);
  }
  return out;
}

Result<TermVector> DecodeTermVector(std::string_view blob) {
  uint64_t n = 0;
  if (!GetVarint(&blob, &n) || n > blob.size()) return Status::Corruption("bad term vector size");
  TermVector terms(n);
  for (TermCount& t : terms) {
    uint64_t len = 0;
    uint64_t count = 0;
    if (!GetVarint(&blob, &len) || len > blob.size()) {
      return Status::Corruption("bad term length in term vector");
    }
    t.term.assign(blob.substr(0, len));
    blob.remove_prefix(len);
    if (!GetVarint(&blob, &count) || count > UINT32_MAX) {
      return Status::Corruption("bad term count in term vector");
    }
    t.count = static_cast<uint32_t>(count);
  }
  if (!blob.empty()) return Status::Corruption("trailing bytes after term vector");
  return terms;
}

std::string EncodeMinHash(const std::vector<uint32_t>& signature) {
  std::string out;
  out.reserve(signature.size() * 4);
  for (const uint32_t v : signature) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  return out;
}

Result<std::vector<uint32_t>> DecodeMinHash(std::string_view blob) {
  if (blob.size() % 4 != 0) return Status::Corruption("MinHash blob size not a multiple of 4");
  std::vector<uint32_t> out(blob.size() / 4);
  for (size_t i = 0; i < out.size(); ++i) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b)
      v |= static_cast<uint32_t>(static_cast<uint8_t>(blob[4 * i + b])) << (8 * b);
    out[i] = v;
  }
  return out;
}

std::string EncodeDates(const std::vector<DateMention>& dates) {
  nlohmann::json arr = nlohmann::json::array();
  for (const DateMention& d : dates) {
    arr.push_back({{"begin", d.begin},
                   {"end", d.end},
                   {"year", d.year},
                   {"month", d.month},
                   {"day", d.day},
                   {"granularity", GranularityName(d.granularity)},
                   {"relative", d.relative},
                   {"sentence", d.sentence},
                   {"sentence_begin", d.sentence_begin},
                   {"sentence_end", d.sentence_end}});
  }
  return arr.dump();
}

std::string EncodeMentions(const ArticleEntities& entities) {
  nlohmann::json arr = nlohmann::json::array();
  for (const EntityMention& m : entities.mentions) {
    if (m.entity_id == 0) continue;
    arr.push_back(
        nlohmann::json::array({m.field == EntityField::kTitle ? 0 : 1, m.begin, m.end, m.sentence,
                               EntityKindName(m.kind), m.entity_id, m.canonical, m.surface}));
  }
  return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::vector<EntityMention>> DecodeMentions(const std::string& json) {
  std::vector<EntityMention> out;
  if (json.empty()) return out;  // written before schema 4
  const nlohmann::json arr = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!arr.is_array()) return Status::Corruption("article_features.mentions_json is not an array");
  for (const nlohmann::json& m : arr) {
    EntityMention e;
    if (!m.is_array() || m.size() != 8 || !m[0].is_number_integer() || !m[1].is_number_unsigned() ||
        !m[2].is_number_unsigned() || !m[3].is_number_unsigned() || !m[4].is_string() ||
        !ParseEntityKind(m[4].get<std::string>(), &e.kind) || !m[5].is_number_integer() ||
        !m[6].is_string() || !m[7].is_string()) {
      return Status::Corruption("article_features.mentions_json: bad mention");
    }
    e.field = m[0].get<int>() == 0 ? EntityField::kTitle : EntityField::kText;
    e.begin = m[1].get<uint32_t>();
    e.end = m[2].get<uint32_t>();
    e.sentence = m[3].get<uint32_t>();
    e.entity_id = m[5].get<int64_t>();
    e.canonical = m[6].get<std::string>();
    e.surface = m[7].get<std::string>();
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<DateMention>> DecodeDates(const std::string& json) {
  const nlohmann::json arr = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!arr.is_array()) return Status::Corruption("article_features.dates_json is not an array");
  std::vector<DateMention> out;
  for (const nlohmann::json& d : arr) {
    if (!d.is_object()) return Status::Corruption("article_features.dates_json: not an object");
    DateMention m;
    auto num = [&](const char* key, auto* field) {
      const auto it = d.find(key);
      if (it == d.end() || !it->is_number_integer()) return false;
      *field = it->get<std::remove_pointer_t<decltype(field)>>();
      return true;
    };
    const auto g = d.find("granularity");
    const auto rel = d.find("relative");
    if (!num("begin", &m.begin) || !num("end", &m.end) || !num("year", &m.year) ||
        !num("month", &m.month) || !num("day", &m.day) || !num("sentence", &m.sentence) ||
        !num("sentence_begin", &m.sentence_begin) || !num("sentence_end", &m.sentence_end) ||
        g == d.end() || !g->is_string() ||
        !ParseGranularity(g->get<std::string>(), &m.granularity) || rel == d.end() ||
        !rel->is_boolean()) {
      return Status::Corruption("article_features.dates_json: bad date mention");
    }
    m.relative = rel->get<bool>();
    out.push_back(m);
  }
  return out;
}

Status InsertFeatures(SqliteDb& db, int64_t article_id, int64_t revision,
                      const AnalyzedArticle& f) {
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("SELECT 1 FROM revisions WHERE article_id = ?1 AND revision = ?2"));
    s.BindInt(1, article_id);
    s.BindInt(2, revision);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) {
      return Status::NotFound("PutFeatures: no article " + std::to_string(article_id) +
                              " revision " + std::to_string(revision));
    }
  }
  // Bound without copying (SQLITE_STATIC): these must outlive the Run.
  const std::string title = EncodeTermVector(f.title_terms);
  const std::string body = EncodeTermVector(f.body_terms);
  const std::string minhash = EncodeMinHash(f.minhash);
  const std::string dates = EncodeDates(f.dates);
  const std::string mentions = EncodeMentions(f.entities);
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("INSERT OR REPLACE INTO article_features (article_id, revision, lang, stemmed, "
                 "title_terms, body_terms, simhash, minhash, reference_date, dates_json, "
                 "mentions_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  s.BindInt(1, article_id);
  s.BindInt(2, revision);
  s.BindText(3, f.lang);
  s.BindInt(4, f.stemmed ? 1 : 0);
  s.BindBlob(5, title);
  s.BindBlob(6, body);
  s.BindInt(7, static_cast<int64_t>(f.simhash));
  s.BindBlob(8, minhash);
  s.BindText(9, f.reference_date);
  s.BindText(10, dates);
  s.BindText(11, mentions);
  VEILLE_RETURN_IF_ERROR(s.Run());
  VEILLE_RETURN_IF_ERROR(ReplaceLshKeys(db, article_id, f.lsh_keys));
  return ReplaceArticleEntities(db, article_id, f.entities);
}

Result<AnalyzedArticle> SelectFeatures(SqliteDb& db, int64_t article_id, int64_t revision) {
  const std::string where =
      "features of article " + std::to_string(article_id) + " revision " + std::to_string(revision);
  AnalyzedArticle f;
  {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("SELECT lang, stemmed, title_terms, body_terms, simhash, minhash, "
                                "reference_date, dates_json, mentions_json FROM article_features "
                                "WHERE article_id = ?1 AND revision = ?2"));
    s.BindInt(1, article_id);
    s.BindInt(2, revision);
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("no " + where);
    f.lang = s.ColumnText(0);
    f.stemmed = s.ColumnInt(1) != 0;
    Result<TermVector> title = DecodeTermVector(s.ColumnBlob(2));
    Result<TermVector> body = DecodeTermVector(s.ColumnBlob(3));
    Result<std::vector<uint32_t>> minhash = DecodeMinHash(s.ColumnBlob(5));
    Result<std::vector<DateMention>> dates = DecodeDates(s.ColumnText(7));
    Result<std::vector<EntityMention>> mentions = DecodeMentions(s.ColumnText(8));
    for (const Status& st :
         {title.status(), body.status(), minhash.status(), dates.status(), mentions.status()}) {
      if (!st.ok()) return st.WithContext(where).At(db.path());
    }
    f.title_terms = std::move(title).value();
    f.body_terms = std::move(body).value();
    f.simhash = static_cast<uint64_t>(s.ColumnInt(4));
    f.minhash = std::move(minhash).value();
    f.reference_date = s.ColumnText(6);
    f.dates = std::move(dates).value();
    f.entities.mentions = std::move(mentions).value();
  }
  // The LSH keys are kept for the article's latest features only.
  VEILLE_ASSIGN_OR_RETURN(Statement latest,
                          db.Prepare("SELECT latest_revision FROM articles WHERE id = ?1"));
  latest.BindInt(1, article_id);
  VEILLE_ASSIGN_OR_RETURN(const bool found, latest.Step());
  if (found && latest.ColumnInt(0) == revision) {
    VEILLE_ASSIGN_OR_RETURN(Statement keys,
                            db.Prepare("SELECT band_key FROM lsh_keys WHERE article_id = ?1"));
    keys.BindInt(1, article_id);
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, keys.Step());
      if (!row) break;
      f.lsh_keys.push_back(static_cast<uint64_t>(keys.ColumnInt(0)));
    }
  }
  return f;
}

Result<bool> FeaturesExist(SqliteDb& db, int64_t article_id, int64_t revision) {
  VEILLE_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT 1 FROM article_features WHERE article_id = ?1 AND revision = ?2"));
  s.BindInt(1, article_id);
  s.BindInt(2, revision);
  return s.Step();
}

Result<std::vector<int64_t>> SelectLshCandidates(SqliteDb& db, const std::vector<uint64_t>& keys,
                                                 int64_t limit) {
  std::vector<int64_t> ids;
  for (const uint64_t key : keys) {
    VEILLE_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT article_id FROM lsh_keys WHERE band_key = ?1"));
    s.BindInt(1, static_cast<int64_t>(key));
    for (;;) {
      VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      ids.push_back(s.ColumnInt(0));
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (limit >= 0 && ids.size() > static_cast<size_t>(limit)) ids.resize(limit);
  return ids;
}

Result<DocumentFrequencySnapshot> SelectDocumentFrequencies(SqliteDb& db) {
  DocumentFrequencySnapshot snap;
  VEILLE_ASSIGN_OR_RETURN(snap.documents, db.QueryInt("SELECT coalesce((SELECT value FROM meta "
                                                      "WHERE key = 'df_documents'), 0)"));
  VEILLE_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT term, df FROM term_df"));
  for (;;) {
    VEILLE_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return snap;
    snap.terms.emplace_back(s.ColumnText(0), s.ColumnInt(1));
  }
}

Status UpdateDocumentFrequencies(SqliteDb& db, int64_t document_delta,
                                 const std::vector<std::pair<std::string, int64_t>>& deltas) {
  if (document_delta != 0) {
    VEILLE_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("INSERT INTO meta (key, value) VALUES ('df_documents', max(0, ?1)) "
                                "ON CONFLICT (key) DO UPDATE SET value = max(0, value + ?1)"));
    s.BindInt(1, document_delta);
    VEILLE_RETURN_IF_ERROR(s.Run());
  }
  for (const auto& [term, delta] : deltas) {
    if (delta == 0) continue;
    VEILLE_ASSIGN_OR_RETURN(Statement up,
                            db.Prepare("INSERT INTO term_df (term, df) VALUES (?1, ?2) "
                                       "ON CONFLICT (term) DO UPDATE SET df = df + ?2"));
    up.BindText(1, term);
    up.BindInt(2, delta);
    VEILLE_RETURN_IF_ERROR(up.Run());
    if (delta < 0) {
      VEILLE_ASSIGN_OR_RETURN(Statement del,
                              db.Prepare("DELETE FROM term_df WHERE term = ?1 AND df <= 0"));
      del.BindText(1, term);
      VEILLE_RETURN_IF_ERROR(del.Run());
    }
  }
  return Status::Ok();
}

}  // namespace veille::store
