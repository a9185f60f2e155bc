#include "story_sets.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "veille/analyze.h"

namespace veille::eval {
namespace {

Result<std::string> ReadGz(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound("cannot open").At(path);
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  if (n < 0) return Status::Corruption("gzip read error").At(path);
  return out;
}

std::string XmlUnescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
  for (const auto& [from, to] : kEntities) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += std::strlen(to))
      s.replace(pos, std::strlen(from), to);
  }
  return s;
}

// Joins PTB-style tokens into text: no space before closing punctuation
// and clitics, none after an opening bracket.
std::string Detokenize(const std::vector<std::string>& tokens) {
  static const char* kNoSpaceBefore[] = {",",   ".",   ";",   ":",   "!",  "?",  ")",  "%",  "'s",
                                         "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "..."};
  std::string out;
  bool glue = true;
  bool open_quote = false;
  for (const std::string& t : tokens) {
    bool before = false;
    for (const char* p : kNoSpaceBefore) before = before || t == p;
    if (t == "\"") before = open_quote;
    if (!glue && !before) out += ' ';
    const bool quote = t == "\"" || t == "``";
    out += t == "``" || t == "''" ? "\"" : t;
    glue = t == "(" || t == "$" || t == "``" || (t == "\"" && !open_quote);
    if (quote) open_quote = !open_quote;
  }
  return out;
}

std::string HostOf(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  const size_t end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

}  // namespace

Result<std::vector<EvalStory>> LoadEcbStories(const std::string& dir) {
  std::ifstream tsv_in(dir + "/doc_clusters.tsv");
  if (!tsv_in) return Status::NotFound("cannot open doc_clusters.tsv").At(dir);
  std::map<std::string, std::string> gold;
  for (std::string line; std::getline(tsv_in, line);) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string x; std::getline(ls, x, '\t');) f.push_back(x);
    if (f.size() >= 4 && f[0] != "doc_name") gold[f[0]] = f[3];
  }
  VEILLE_ASSIGN_OR_RETURN(std::string tar, ReadGz(dir + "/ECB+_topics1-35.tar.gz"));
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<Analyzer> analyzer, Analyzer::Create(AnalyzeOptions()));
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<const EntityResources> resources,
                          EntityResources::Load(DefaultEntityOptions()));
  EntityRegistry registry(*resources);
  std::map<std::string, EvalStory> stories;
  int64_t next_id = 1;
  for (size_t off = 0; off + 512 <= tar.size();) {
    const char* h = tar.data() + off;
    if (h[0] == '\0') break;
    const std::string name(h, strnlen(h, 100));
    const size_t size = std::strtoull(std::string(h + 124, 12).c_str(), nullptr, 8);
    const char type = h[156];
    const size_t data = off + 512;
    off = data + (size + 511) / 512 * 512;
    if (type != '0' && type != '\0') continue;
    const std::string base = std::filesystem::path(name).filename().string();
    auto g = gold.find(base);
    if (g == gold.end()) continue;
    const std::string xml = tar.substr(data, size);
    std::map<int, std::vector<std::string>> sentences;
    for (size_t p = 0; (p = xml.find("<token ", p)) != std::string::npos;) {
      const size_t s = xml.find("sentence=\"", p);
      const size_t gt = xml.find('>', p);
      const size_t end = xml.find("</token>", gt);
      if (s == std::string::npos || gt == std::string::npos || end == std::string::npos) break;
      sentences[std::atoi(xml.c_str() + s + 10)].push_back(
          XmlUnescape(xml.substr(gt + 1, end - gt - 1)));
      p = end;
    }
    const bool plus = base.find("ecbplus") != std::string::npos;
    Article article;
    article.lang = "en";
    article.site = "ecb:" + base;
    bool first = true;
    for (const auto& [idx, tokens] : sentences) {
      if (plus && idx == 0) {
        std::string url;
        for (const std::string& t : tokens) url += t;
        article.url = url;
        if (!HostOf(url).empty()) article.site = HostOf(url);
        continue;
      }
      const std::string text = Detokenize(tokens);
      if (first) {
        article.title = text;
        first = false;
      } else {
        if (!article.text.empty()) article.text += ' ';
        article.text += text;
      }
    }
    AnalyzedArticle features = analyzer->Analyze(article, "");
    registry.Add(&features.entities);
    SummaryArticle a;
    a.id = next_id++;
    a.site = article.site;
    a.url = article.url;
    a.title = article.title;
    a.text = std::move(article.text);
    a.lang = "en";
    a.dates = std::move(features.dates);
    a.entities = std::move(features.entities.mentions);
    EvalStory& story = stories[g->second];
    story.name = g->second;
    story.articles.push_back(std::move(a));
  }
  std::vector<EvalStory> out;
  for (auto& [label, story] : stories) out.push_back(std::move(story));
  if (out.empty()) return Status::InvalidInput("no documents found").At(dir);
  return out;
}

}  // namespace veille::eval
