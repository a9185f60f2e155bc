// StorySummary <-> JSON (format in docs/summarize.md). nlohmann::json's
// exceptions stay inside this file: parsing errors become kInvalidInput.
#include <nlohmann/json.hpp>

#include "veille/summarize.h"

namespace veille {
namespace {

using nlohmann::json;

json Time(int64_t t) { return t == kUnknownPublished ? json(nullptr) : json(t); }
int64_t TimeOf(const json& j) { return j.is_null() ? kUnknownPublished : j.get<int64_t>(); }

DateGranularity GranularityOf(const std::string& name) {
  for (const DateGranularity g : {DateGranularity::kDay, DateGranularity::kWeek,
                                  DateGranularity::kMonth, DateGranularity::kYear}) {
    if (name == DateGranularityName(g)) return g;
  }
  throw std::invalid_argument("unknown granularity \"" + name + "\"");
}

template <typename T>
T Get(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

}  // namespace

std::string SummaryToJson(const StorySummary& s) {
  json j;
  j["version"] = 1;
  j["headline"] = s.headline;
  j["headline_article"] = s.headline_article_id;
  j["lang"] = s.lang;
  j["article_count"] = s.article_count;
  j["sentences"] = json::array();
  for (const SummarySentence& x : s.sentences) {
    j["sentences"].push_back(
        {{"text", x.text}, {"articles", x.article_ids}, {"begin", x.begin}, {"end", x.end}});
  }
  j["entities"] = json::array();
  for (const KeyEntity& e : s.entities) {
    j["entities"].push_back({{"id", e.id},
                             {"name", e.name},
                             {"kind", EntityKindName(e.kind)},
                             {"count", e.count},
                             {"articles", e.article_ids}});
  }
  j["timeline"] = json::array();
  for (const TimelineEntry& t : s.timeline) {
    j["timeline"].push_back({{"date", t.date},
                             {"granularity", DateGranularityName(t.granularity)},
                             {"sentence", t.sentence},
                             {"article", t.article_id},
                             {"articles", t.article_ids}});
  }
  j["sources"] = json::array();
  for (const SummarySource& src : s.sources) {
    j["sources"].push_back({{"site", src.site},
                            {"first_published", Time(src.first_published)},
                            {"articles", src.article_ids},
                            {"copy", src.is_copy},
                            {"copy_of", src.copy_of}});
  }
  j["first_source"] = {{"site", s.first_source}, {"article", s.first_article_id}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<StorySummary> ParseSummaryJson(std::string_view text) {
  try {
    const json j = json::parse(text);
    if (!j.is_object()) return Status::InvalidInput("summary JSON is not an object");
    StorySummary s;
    s.headline = Get<std::string>(j, "headline", "");
    s.headline_article_id = Get<int64_t>(j, "headline_article", 0);
    s.lang = Get<std::string>(j, "lang", "");
    s.article_count = Get<int64_t>(j, "article_count", 0);
    for (const json& x : j.value("sentences", json::array())) {
      s.sentences.push_back({x.at("text").get<std::string>(),
                             Get<std::vector<int64_t>>(x, "articles", {}),
                             Get<uint32_t>(x, "begin", 0), Get<uint32_t>(x, "end", 0)});
    }
    for (const json& x : j.value("entities", json::array())) {
      KeyEntity e;
      e.id = x.at("id").get<int64_t>();
      e.name = Get<std::string>(x, "name", "");
      if (!ParseEntityKind(Get<std::string>(x, "kind", "other"), &e.kind))
        return Status::InvalidInput("unknown entity kind in summary JSON");
      e.count = Get<int64_t>(x, "count", 0);
      e.article_ids = Get<std::vector<int64_t>>(x, "articles", {});
      s.entities.push_back(std::move(e));
    }
    for (const json& x : j.value("timeline", json::array())) {
      TimelineEntry t;
      t.date = x.at("date").get<std::string>();
      t.granularity = GranularityOf(Get<std::string>(x, "granularity", "day"));
      t.sentence = Get<std::string>(x, "sentence", "");
      t.article_id = Get<int64_t>(x, "article", 0);
      t.article_ids = Get<std::vector<int64_t>>(x, "articles", {});
      s.timeline.push_back(std::move(t));
    }
    for (const json& x : j.value("sources", json::array())) {
      SummarySource src;
      src.site = Get<std::string>(x, "site", "");
      src.first_published =
          x.contains("first_published") ? TimeOf(x["first_published"]) : kUnknownPublished;
      src.article_ids = Get<std::vector<int64_t>>(x, "articles", {});
      src.is_copy = Get<bool>(x, "copy", false);
      src.copy_of = Get<std::vector<int64_t>>(x, "copy_of", {});
      s.sources.push_back(std::move(src));
    }
    if (auto it = j.find("first_source"); it != j.end() && it->is_object()) {
      s.first_source = Get<std::string>(*it, "site", "");
      s.first_article_id = Get<int64_t>(*it, "article", 0);
    }
    return s;
  } catch (const std::exception& e) {
    return Status::InvalidInput(std::string("bad summary JSON: ") + e.what());
  }
}

}  // namespace veille
