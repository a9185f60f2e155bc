#include "serve/api_json.h"

#include "common/iso_time.h"

namespace veille::serve {
namespace {

nlohmann::json TimeJson(int64_t t) {
  return t > 0 ? nlohmann::json(FormatIsoUtc(t)) : nlohmann::json(nullptr);
}

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

nlohmann::json ParsedSummary(const std::string& summary_json) {
  if (summary_json.empty()) return nullptr;
  nlohmann::json j = nlohmann::json::parse(summary_json, nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : nlohmann::json(nullptr);
}

nlohmann::json StoryListItemJson(const StoryRow& s) {
  nlohmann::json j = {{"id", s.id},
                      {"headline", s.headline},
                      {"first_time", TimeJson(s.first_time)},
                      {"last_time", TimeJson(s.last_time)},
                      {"article_count", s.article_count},
                      {"source_count", s.source_count},
                      {"storyline_id", s.storyline_id == 0 ? nlohmann::json(nullptr)
                                                           : nlohmann::json(s.storyline_id)},
                      {"lang", OrNull(s.lang)},
                      {"updated_at", OrNull(s.updated_at)}};
  const nlohmann::json lead = s.lead.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.lead);
  nlohmann::json entities = nlohmann::json::array();
  for (const std::string& name : s.key_entities) entities.push_back(name);
  j["lead"] = lead;
  j["key_entities"] = entities;
  return j;
}

nlohmann::json StoryJson(const StoryRow& s, const std::vector<StoryMemberView>& members,
                         bool with_summary) {
  nlohmann::json j = StoryListItemJson(s);
  j["merged_into"] = s.merged_into == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.merged_into);
  if (with_summary) j["summary"] = ParsedSummary(s.summary_json);
  nlohmann::json articles = nlohmann::json::array();
  nlohmann::json copies = nlohmann::json::array();
  for (const StoryMemberView& m : members) {
    articles.push_back({{"id", m.member.article_id},
                        {"title", m.title},
                        {"url", OrNull(m.url)},
                        {"site", OrNull(m.member.site)},
                        {"published", OrNull(m.published)},
                        {"lang", OrNull(m.lang)},
                        {"time", TimeJson(m.member.time)},
                        {"score", m.member.score},
                        {"copy_of", m.original_id == 0 ? nlohmann::json(nullptr)
                                                       : nlohmann::json(m.original_id)}});
    if (m.original_id != 0) {
      copies.push_back({{"copy_id", m.member.article_id}, {"original_id", m.original_id}});
    }
  }
  j["articles"] = std::move(articles);
  j["copies"] = std::move(copies);
  return j;
}

nlohmann::json ArticleJson(const StoredArticle& a, bool with_text) {
  const Article& art = a.article;
  nlohmann::json j = {{"id", a.id},
                      {"revision", a.revision},
                      {"revisions", a.revision_count},
                      {"url", OrNull(art.url)},
                      {"title", art.title},
                      {"author", OrNull(art.author)},
                      {"published", OrNull(art.published)},
                      {"site", OrNull(art.site)},
                      {"lang", OrNull(art.lang)},
                      {"ingested_at", a.ingested_at},
                      {"input", a.input}};
  if (with_text) j["text"] = art.text;
  return j;
}

nlohmann::json SearchHitJson(const SearchHit& h) {
  return {{"id", h.id},
          {"title", h.title},
          {"site", OrNull(h.site)},
          {"snippet", h.snippet},
          {"score", h.score}};
}

nlohmann::json SimilarJson(const SimilarArticle& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"site", OrNull(s.site)},
          {"published", OrNull(s.published)},
          {"score", s.score}};
}

nlohmann::json EntityJson(const EntitySummary& e) {
  nlohmann::json variants = nlohmann::json::array();
  for (const EntityVariantRow& v : e.variants) {
    variants.push_back({{"surface", v.surface},
                        {"rule", MergeRuleName(v.rule)},
                        {"full_form", v.full_form},
                        {"count", v.count},
                        {"articles", v.articles}});
  }
  return {{"id", e.entity.id},          {"kind", EntityKindName(e.entity.kind)},
          {"name", e.entity.canonical}, {"mentions", e.mentions},
          {"articles", e.articles},     {"variants", std::move(variants)}};
}

nlohmann::json IngestReportJson(const IngestReport& r) {
  const IngestSummary& s = r.summary;
  nlohmann::json errors = nlohmann::json::array();
  nlohmann::json stored = nlohmann::json::array();
  for (const IngestEvent& e : r.events) {
    if (e.kind == IngestEvent::Kind::kError) {
      errors.push_back({{"input", e.input}, {"record", e.record}, {"message", e.error.ToString()}});
    } else if (e.kind == IngestEvent::Kind::kStored || e.kind == IngestEvent::Kind::kKnown ||
               e.kind == IngestEvent::Kind::kRevised) {
      const char* kind = e.kind == IngestEvent::Kind::kStored  ? "stored"
                         : e.kind == IngestEvent::Kind::kKnown ? "known"
                                                               : "revised";
      stored.push_back({{"id", e.article_id},
                        {"revision", e.revision},
                        {"outcome", kind},
                        {"title", e.title},
                        {"record", e.record}});
    }
  }
  return {{"documents", s.documents}, {"stored", s.stored}, {"known", s.known},
          {"revised", s.revised},     {"errors", s.errors}, {"warnings", s.warnings},
          {"bytes", s.bytes},         {"articles", stored}, {"error_list", errors}};
}

std::string WithRawSummary(const nlohmann::json& story, const std::string& summary_json) {
  std::string out = story.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The stored text is spliced in as it is: the store only keeps a JSON
  // object there (Store::PutStorySummary), and a summary can be tens of KiB.
  const bool valid =
      !summary_json.empty() && summary_json.front() == '{' && summary_json.back() == '}';
  if (!out.empty() && out.back() == '}') {
    out.pop_back();
    out += out.size() > 1 ? ",\"summary\":" : "\"summary\":";
    out += valid ? summary_json : "null";
    out += '}';
  }
  return out;
}

}  // namespace veille::serve
