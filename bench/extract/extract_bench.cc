// bench/extract: pages per second of the extraction stage alone (read,
// gunzip, decode, parse, extract, metadata) on one thread, in CPU time, over
// the given pages; optionally writes what was extracted, one JSON object per
// page, so that two builds can be compared page by page. The `veille
// extract` command (bench/extract/run) adds the ingest reader and JSON
// printing to the same work.
// Usage: extract_bench [--repeat N] [--dump FILE] [--format html|text] PAGE...
//   (plain or .gz; --format text reads the pages as flattened text pages)
#include <time.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "veille/extract.h"

namespace {

// CPU time of this thread, in seconds: what "one core" costs, unaffected by
// other processes taking the core away.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// The file's bytes, gunzipped when it is gzip (gzread passes plain files).
bool ReadPage(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, n);
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 1;
  std::string dump;
  veille::DocFormat format = veille::DocFormat::kHtml;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
      dump = argv[++i];
    } else if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
      ++i;
      format =
          std::strcmp(argv[i], "text") == 0 ? veille::DocFormat::kText : veille::DocFormat::kHtml;
    } else {
      paths.emplace_back(argv[i]);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr,
                 "usage: extract_bench [--repeat N] [--dump FILE] [--format html|text] PAGE...\n");
    return 2;
  }
  std::ofstream out;
  if (!dump.empty()) out.open(dump);
  const veille::ExtractOptions options;
  double best = 0;
  size_t bytes = 0;
  size_t failed = 0;
  for (int round = 0; round < repeat; ++round) {
    bytes = failed = 0;
    const double start = ThreadCpuSeconds();
    for (const std::string& path : paths) {
      veille::RawDocument doc;
      doc.input = path;
      doc.format = format;
      if (!ReadPage(path, &doc.bytes)) {
        ++failed;
        continue;
      }
      bytes += doc.bytes.size();
      veille::Result<veille::Article> article = veille::Extract(doc, options);
      if (!article.ok()) {
        ++failed;
        continue;
      }
      if (round == 0 && out.is_open()) {
        const nlohmann::json j = {{"input", path},
                                  {"title", article->title},
                                  {"published", article->published},
                                  {"author", article->author},
                                  {"site", article->site},
                                  {"url", article->url},
                                  {"lang", article->lang},
                                  {"image", article->image_url},
                                  {"text", article->text}};
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      }
    }
    const double secs = ThreadCpuSeconds() - start;
    if (round == 0 || secs < best) best = secs;
  }
  std::printf(
      "%zu pages, %.1f MB of HTML, %zu failed: %.3f s CPU (best of %d), %.0f pages/s, %.1f MB/s\n",
      paths.size(), bytes / 1e6, failed, best, repeat, paths.size() / best, bytes / 1e6 / best);
  return 0;
}
