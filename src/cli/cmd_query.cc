// `veille articles`, `show`, `search`, `stats` and `export`: read-only views of the store.
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/json_views.h"
#include "veille/store.h"

namespace veille::cli {
namespace {

Result<std::unique_ptr<Store>> Open(const Config& config) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(config.db_path, config.store);
  if (!store.ok()) return store.status().At(config.db_path);
  return store;
}

// The first line of a text, cut to about `max_chars` characters on a UTF-8
// boundary.
std::string FirstLine(const std::string& text, size_t max_chars) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() <= max_chars) return line;
  size_t cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}

std::string Or(const std::string& s, const char* fallback) { return s.empty() ? fallback : s; }

std::string CsvField(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int RunArticles(const Config& config, const ListArgs& args) {
  auto store = Open(config);
  if (!store.ok()) return PrintError(store.status()), kExitFatal;
  auto rows = (*store)->ListArticles({args.limit, args.offset});
  if (!rows.ok()) return PrintError(rows.status()), kExitFatal;
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const StoredArticle& a : *rows) out.push_back(StoredArticleView(a, false));
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  for (const StoredArticle& a : *rows) {
    std::printf("#%lld  [%s]  %s  —  %s\n", static_cast<long long>(a.id),
                Or(a.article.lang, "??").c_str(), Or(a.article.title, "(untitled)").c_str(),
                Or(a.article.site, "(unknown site)").c_str());
    std::printf("      %s\n", Or(FirstLine(a.article.text, 160), "(no text)").c_str());
  }
  return kExitOk;
}

int RunShow(const Config& config, int64_t id, bool json) {
  auto store = Open(config);
  if (!store.ok()) return PrintError(store.status()), kExitFatal;
  auto a = (*store)->GetArticle(id);
  if (!a.ok()) {
    PrintError(a.status());
    return a.status().code() == StatusCode::kNotFound ? kExitNotFound : kExitFatal;
  }
  if (json) {
    std::printf("%s\n", Dump(StoredArticleView(*a, true), 2).c_str());
    return kExitOk;
  }
  const Article& art = a->article;
  std::printf("#%lld  %s\n", static_cast<long long>(a->id), Or(art.title, "(untitled)").c_str());
  std::printf("site: %s   lang: %s   published: %s   author: %s\n", Or(art.site, "-").c_str(),
              Or(art.lang, "-").c_str(), Or(art.published, "-").c_str(),
              Or(art.author, "-").c_str());
  std::printf("url: %s\ninput: %s   revision %lld of %lld   ingested %s\n\n",
              Or(art.url, "-").c_str(), a->input.c_str(), static_cast<long long>(a->revision),
              static_cast<long long>(a->revision_count), a->ingested_at.c_str());
  std::printf("%s\n", art.text.c_str());
  if (!art.related.empty()) {
    std::printf("\nrelated:\n");
    for (const RelatedLink& r : art.related) std::printf("  - %s\n", r.title.c_str());
  }
  return kExitOk;
}

int RunSearch(const Config& config, const std::string& query, const ListArgs& args) {
  auto store = Open(config);
  if (!store.ok()) return PrintError(store.status()), kExitFatal;
  auto hits = (*store)->Search(query, args.limit);
  if (!hits.ok()) return PrintError(hits.status()), kExitUsage;
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const SearchHit& h : *hits) {
      out.push_back({{"id", h.id},
                     {"title", h.title},
                     {"site", h.site},
                     {"snippet", h.snippet},
                     {"score", h.score}});
    }
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  for (const SearchHit& h : *hits) {
    std::string snippet = h.snippet;
    for (char& c : snippet) c = c == '\n' ? ' ' : c;
    std::printf("#%lld  %s  —  %s\n      %s\n", static_cast<long long>(h.id),
                Or(h.title, "(untitled)").c_str(), Or(h.site, "?").c_str(), snippet.c_str());
  }
  if (hits->empty()) std::printf("no match\n");
  return kExitOk;
}

int RunStats(const Config& config, bool json) {
  auto store = Open(config);
  if (!store.ok()) return PrintError(store.status()), kExitFatal;
  auto st = (*store)->Stats();
  if (!st.ok()) return PrintError(st.status()), kExitFatal;
  if (json) {
    nlohmann::json j = {{"articles", st->articles},
                        {"revisions", st->revisions},
                        {"raw_documents", st->raw_documents},
                        {"raw_bytes", st->raw_bytes},
                        {"raw_stored_bytes", st->raw_stored_bytes},
                        {"schema_version", st->schema_version},
                        {"feature_rows", st->feature_rows},
                        {"feature_bytes", st->feature_bytes},
                        {"terms", st->terms},
                        {"entities", st->entities},
                        {"stories", st->stories},
                        {"storylines", st->storylines},
                        {"copy_links", st->copy_links},
                        {"by_lang", st->by_lang},
                        {"by_site", st->by_site}};
    std::printf("%s\n", Dump(j, 2).c_str());
    return kExitOk;
  }
  std::printf("articles: %lld (revisions: %lld)\n", static_cast<long long>(st->articles),
              static_cast<long long>(st->revisions));
  std::printf("raw documents: %lld, %lld bytes stored as %lld\n",
              static_cast<long long>(st->raw_documents), static_cast<long long>(st->raw_bytes),
              static_cast<long long>(st->raw_stored_bytes));
  std::printf("schema version: %lld\n", static_cast<long long>(st->schema_version));
  std::printf(
      "features: %lld revision(s), %lld bytes (%lld per revision); %lld term(s), %lld "
      "entit(ies)\n",
      static_cast<long long>(st->feature_rows), static_cast<long long>(st->feature_bytes),
      static_cast<long long>(st->feature_rows ? st->feature_bytes / st->feature_rows : 0),
      static_cast<long long>(st->terms), static_cast<long long>(st->entities));
  std::printf("stories: %lld in %lld storyline(s); %lld article(s) linked as copies\n",
              static_cast<long long>(st->stories), static_cast<long long>(st->storylines),
              static_cast<long long>(st->copy_links));
  for (const auto& [lang, n] : st->by_lang) {
    std::printf("  lang %-6s %lld\n", Or(lang, "??").c_str(), static_cast<long long>(n));
  }
  for (const auto& [site, n] : st->by_site) {
    std::printf("  site %-30s %lld\n", Or(site, "?").c_str(), static_cast<long long>(n));
  }
  return kExitOk;
}

int RunExport(const Config& config, const ExportArgs& args) {
  auto store = Open(config);
  if (!store.ok()) return PrintError(store.status()), kExitFatal;
  std::ofstream file;
  if (args.output != "-") {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) return PrintError(Status::IoError("cannot write").At(args.output)), kExitFatal;
  }
  std::ostream& out = args.output == "-" ? std::cout : file;
  const bool csv = args.format == "csv";
  if (csv) out << "id,url,title,author,published,site,lang,text\n";
  Status s = (*store)->ForEachArticle([&](const StoredArticle& a) {
    if (csv) {
      const Article& art = a.article;
      out << a.id << ',' << CsvField(art.url) << ',' << CsvField(art.title) << ','
          << CsvField(art.author) << ',' << CsvField(art.published) << ',' << CsvField(art.site)
          << ',' << CsvField(art.lang) << ',' << CsvField(art.text) << '\n';
    } else {
      out << Dump(ExportView(a)) << '\n';
    }
    return out ? Status::Ok() : Status::IoError("write failed").At(args.output);
  });
  out.flush();
  if (!s.ok()) return PrintError(s), kExitFatal;
  return kExitOk;
}

}  // namespace veille::cli
