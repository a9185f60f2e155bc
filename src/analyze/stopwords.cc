#include "analyze/stopwords.h"

#include <filesystem>
#include <fstream>

#include "analyze/text_fold.h"

namespace veille::analyze {

Status StopWords::LoadFile(const std::string& path, const std::string& lang) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read stop words").At(path);
  std::string line;
  while (std::getline(in, line)) {
    if (const size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.pop_back();
    size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    if (start < line.size()) Add(lang, std::string_view(line).substr(start));
  }
  return in.bad() ? Status::IoError("read error").At(path) : Status::Ok();
}

Status StopWords::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("no stop-word directory").At(dir);
  int loaded = 0;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    // "fr.txt" (not "fr.supplement.txt", loaded with it).
    if (name.size() != 6 || name.compare(2, 4, ".txt") != 0) continue;
    const std::string lang = name.substr(0, 2);
    VEILLE_RETURN_IF_ERROR(LoadFile(entry.path().string(), lang));
    const fs::path supplement = fs::path(dir) / (lang + ".supplement.txt");
    if (fs::exists(supplement, ec)) VEILLE_RETURN_IF_ERROR(LoadFile(supplement.string(), lang));
    ++loaded;
  }
  if (ec) return Status::IoError(ec.message()).At(dir);
  if (loaded == 0) return Status::NotFound("no stop-word list (<lang>.txt)").At(dir);
  return Status::Ok();
}

void StopWords::Add(std::string_view lang, std::string_view word) {
  auto it = lists_.find(lang);
  if (it == lists_.end()) it = lists_.emplace(std::string(lang), WordSet()).first;
  it->second.insert(FoldCase(word));
}

const StopWords::WordSet* StopWords::ListFor(std::string_view lang) const {
  const auto it = lists_.find(lang);
  return it == lists_.end() ? nullptr : &it->second;
}

bool StopWords::Contains(std::string_view lang, std::string_view word) const {
  const auto it = lists_.find(lang);
  return it != lists_.end() && it->second.find(word) != it->second.end();
}

}  // namespace veille::analyze
