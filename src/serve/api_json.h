// JSON objects of the API that views.h (shared with the CLI) does not
// provide: list rows, search hits, similar articles, entities, ingest
// reports. Pure functions; thread-safe.
#ifndef VEILLE_SERVE_API_JSON_H_
#define VEILLE_SERVE_API_JSON_H_

#include <nlohmann/json.hpp>

#include "serve/catalog.h"
#include "veille/store.h"

namespace veille::serve {

// A story row as listed: id, headline, times, counts, storyline, lang, and
// the summary's first sentence and key entities when summarised.
nlohmann::json StoryListItemJson(const StoryRow& s);
// One story with its parsed summary, members and copy links.
// Without with_summary the "summary" key is left out (see WithRawSummary).
nlohmann::json StoryJson(const StoryRow& s, const std::vector<StoryMemberView>& members,
                         bool with_summary = true);
// `story` (an object without "summary") as text with "summary" set to the
// stored summary_json as it is (null when there is none): saves
// parsing and re-serialising a large summary at every request.
std::string WithRawSummary(const nlohmann::json& story, const std::string& summary_json);
// One stored article (text when with_text), its copy links and its story id.
nlohmann::json ArticleJson(const StoredArticle& a, bool with_text);
nlohmann::json SearchHitJson(const SearchHit& h);
nlohmann::json SimilarJson(const SimilarArticle& s);
nlohmann::json EntityJson(const EntitySummary& e);
nlohmann::json IngestReportJson(const IngestReport& r);

// The stored summary parsed (null when absent or not JSON).
nlohmann::json ParsedSummary(const std::string& summary_json);

}  // namespace veille::serve

#endif  // VEILLE_SERVE_API_JSON_H_
