// JSON views of the values the CLI prints (and, later, the HTTP API serves).
// Pure functions; thread-safe.
#ifndef VEILLE_CLI_JSON_VIEWS_H_
#define VEILLE_CLI_JSON_VIEWS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "veille/article.h"
#include "veille/store.h"

namespace veille::cli {

// {"input","url","title","author","published","site","lang","text","related"}:
// unknown fields are null. This is `veille extract`'s line format.
nlohmann::json ExtractView(const std::string& input, const Article& article);

// Appends Dump(ExtractView(input, article)) (compact) to *out, byte for byte,
// without building the JSON value: keys in the map's order, nlohmann's
// escapes. A string that is not valid UTF-8 makes it fall back to Dump.
void AppendExtractLine(const std::string& input, const Article& article, std::string* out);

// One stored article: id, revision, metadata, text (when with_text), input.
nlohmann::json StoredArticleView(const StoredArticle& a, bool with_text);

// One export record, readable back by `veille ingest` (JSONL reader fields:
// url, title, text, published, site, plus author, lang, id as extra fields).
nlohmann::json ExportView(const StoredArticle& a);

// Serialises for output: invalid UTF-8 cannot occur (the store holds UTF-8),
// but is replaced rather than thrown on, to be safe.
std::string Dump(const nlohmann::json& j, int indent = -1);

}  // namespace veille::cli

#endif  // VEILLE_CLI_JSON_VIEWS_H_
