#include "seed_story.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/iso_time.h"
#include "veille/analyze.h"
#include "veille/extract.h"

namespace veille::testing {

Result<std::vector<SummaryArticle>> LoadSeedStory(const std::string& seeds_dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(seeds_dir)) return Status::NotFound("no seed folder").At(seeds_dir);
  const std::pair<const char*, const char*> kSeeds[] = {{"000_", "2019-04-25"},
                                                        {"001_", "2019-04-23"},
                                                        {"003_", "2019-04-24"},
                                                        {"004_", "2019-04-25"}};
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<Analyzer> analyzer, Analyzer::Create(AnalyzeOptions()));
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<const EntityResources> resources,
                          EntityResources::Load(DefaultEntityOptions()));
  EntityRegistry registry(*resources);
  std::vector<SummaryArticle> out;
  for (const auto& [prefix, date] : kSeeds) {
    fs::path path;
    for (const auto& e : fs::directory_iterator(seeds_dir)) {
      if (e.path().filename().string().rfind(prefix, 0) == 0) path = e.path();
    }
    if (path.empty()) return Status::NotFound(std::string("no seed ") + prefix).At(seeds_dir);
    RawDocument raw;
    raw.input = path.string();
    raw.format = DocFormat::kText;
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    raw.bytes = ss.str();
    raw.published = date;
    VEILLE_ASSIGN_OR_RETURN(Article article, Extract(raw, ExtractOptions()));
    if (article.published.empty()) article.published = date;
    AnalyzedArticle features = analyzer->Analyze(article, date);
    registry.Add(&features.entities);
    SummaryArticle a;
    a.id = static_cast<int64_t>(out.size()) + 1;
    a.site = article.site.empty() ? path.filename().string() : article.site;
    a.url = article.url;
    a.title = article.title;
    a.text = article.text;
    a.lang = features.lang.empty() ? article.lang : features.lang;
    VEILLE_ASSIGN_OR_RETURN(std::string iso, NormalizeIsoTime(article.published));
    a.published = IsoToUnixSeconds(iso);
    a.dates = std::move(features.dates);
    a.entities = std::move(features.entities.mentions);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace veille::testing
