#include "datasets.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "veille/extract.h"

namespace veille::eval {
namespace {

Result<std::string> ReadGz(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError("cannot open").At(path);
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  if (n < 0) return Status::Corruption("gzip read error").At(path);
  return out;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open").At(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Splits CSV text (RFC 4180 quoting) into records of fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s, char sep) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == sep) {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string XmlUnescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
  for (const auto& [from, to] : kEntities) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
      s.replace(pos, std::strlen(from), to);
      pos += std::strlen(to);
    }
  }
  return s;
}

}  // namespace

Result<std::vector<EvalText>> LoadUci(const std::string& csv_gz) {
  VEILLE_ASSIGN_OR_RETURN(std::string data, ReadGz(csv_gz));
  const auto rows = ParseCsv(data, ',');
  if (rows.empty() || rows[0].size() < 8) return Status::InvalidInput("no header").At(csv_gz);
  std::vector<EvalText> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() != 8) return Status::InvalidInput("expected 8 fields").At(csv_gz, i + 1);
    EvalText t;
    t.title = r[1];
    t.lang = "en";
    t.gold = r[5];
    t.time = std::stoll(r[7]) / 1000;
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<EvalText>> LoadEcb(const std::string& tar_gz, const std::string& clusters_tsv) {
  VEILLE_ASSIGN_OR_RETURN(std::string tsv, ReadFile(clusters_tsv));
  std::map<std::string, std::string> gold;
  for (const auto& r : ParseCsv(tsv, '\t')) {
    if (r.size() >= 4 && r[0] != "doc_name") gold[r[0]] = r[3];
  }
  VEILLE_ASSIGN_OR_RETURN(std::string tar, ReadGz(tar_gz));
  std::vector<EvalText> out;
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
    std::map<int, std::string> sentences;
    for (size_t p = 0; (p = xml.find("<token ", p)) != std::string::npos;) {
      const size_t s = xml.find("sentence=\"", p);
      const size_t gt = xml.find('>', p);
      const size_t end = xml.find("</token>", gt);
      if (s == std::string::npos || gt == std::string::npos || end == std::string::npos) break;
      const int sentence = std::atoi(xml.c_str() + s + 10);
      std::string& text = sentences[sentence];
      if (!text.empty()) text += ' ';
      text += XmlUnescape(xml.substr(gt + 1, end - gt - 1));
      p = end;
    }
    const bool plus = base.find("ecbplus") != std::string::npos;
    EvalText t;
    t.lang = "en";
    t.gold = g->second;
    bool first = true;
    for (const auto& [idx, text] : sentences) {
      if (plus && idx == 0) continue;  // the source URL
      if (first) {
        t.title = text;
        first = false;
      } else {
        t.body += text + "\n";
      }
    }
    out.push_back(std::move(t));
  }
  if (out.empty()) return Status::InvalidInput("no documents found").At(tar_gz);
  return out;
}

Result<std::vector<TextPair>> LoadTgPairs(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".tsv") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<TextPair> out;
  for (const std::string& path : files) {
    VEILLE_ASSIGN_OR_RETURN(std::string data, ReadFile(path));
    const auto rows = ParseCsv(data, '\t');
    if (rows.empty()) continue;
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
    for (const char* need : {"INPUT:first_title", "INPUT:second_title", "INPUT:first_text",
                             "INPUT:second_text", "GOLDEN:quality"}) {
      if (!col.count(need)) return Status::InvalidInput(std::string("missing ") + need).At(path);
    }
    const std::string lang =
        std::filesystem::path(path).filename().string().rfind("ru_", 0) == 0 ? "ru" : "en";
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto& r = rows[i];
      if (r.size() < rows[0].size()) continue;
      TextPair p;
      p.a = {r[col["INPUT:first_title"]], r[col["INPUT:first_text"]], lang, kUnknownTime, ""};
      p.b = {r[col["INPUT:second_title"]], r[col["INPUT:second_text"]], lang, kUnknownTime, ""};
      const std::string& q = r[col["GOLDEN:quality"]];
      if (q != "OK" && q != "BAD") continue;
      p.same = q == "OK";
      out.push_back(std::move(p));
    }
  }
  return out;
}

namespace {

// The publication dates the seed pages came with (the flattened pages lost
// them; the pipeline gets them from the feed or the page's metadata), noon
// UTC. kUnknownTime for a page not listed.
int64_t SeedPublished(const std::string& name) {
  struct Known {
    const char* prefix;
    int year, month, day;
  };
  static const Known kKnown[] = {{"000_", 2019, 4, 25},
                                 {"001_", 2019, 4, 23},
                                 {"002_", 2024, 6, 19},
                                 {"003_", 2019, 4, 24},
                                 {"004_", 2019, 4, 25}};
  for (const Known& k : kKnown) {
    if (name.rfind(k.prefix, 0) == 0) {
      return static_cast<int64_t>(DaysFromCivil(k.year, k.month, k.day)) * 86400 + 12 * 3600;
    }
  }
  return kUnknownTime;
}

}  // namespace

Result<std::vector<EvalText>> LoadSeeds(const std::string& dir, bool with_dates) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<EvalText> out;
  for (const std::string& path : files) {
    RawDocument raw;
    raw.input = path;
    raw.format = DocFormat::kText;
    VEILLE_ASSIGN_OR_RETURN(raw.bytes, ReadFile(path));
    VEILLE_ASSIGN_OR_RETURN(Article a, Extract(raw, ExtractOptions{}));
    EvalText t;
    t.title = a.title;
    t.body = a.text;
    t.lang = a.lang.empty() ? "fr" : a.lang;
    const std::string name = std::filesystem::path(path).filename().string();
    // Expected: 000, 001, 003, 004 report the 2019 Vladivostok summit; 002
    // the 2024 Pyongyang visit.
    t.gold = name.rfind("002_", 0) == 0 ? "pyongyang-2024" : "vladivostok-2019";
    if (with_dates) t.time = SeedPublished(name);
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<EvalText>> LoadFrenchBackground(const std::string& bio_gz, size_t max_docs) {
  VEILLE_ASSIGN_OR_RETURN(std::string data, ReadGz(bio_gz));
  std::vector<EvalText> out;
  EvalText cur;
  cur.lang = "fr";
  size_t words = 0;
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line) && out.size() < max_docs) {
    const size_t sp = line.rfind(' ');
    if (sp == std::string::npos) continue;
    cur.body += line.substr(0, sp);
    cur.body += ' ';
    if (++words >= 300) {
      out.push_back(cur);
      cur.body.clear();
      words = 0;
    }
  }
  return out;
}

}  // namespace veille::eval
