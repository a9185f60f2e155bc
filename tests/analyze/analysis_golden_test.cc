// Regression guard for the analysis stage on real pages: every output of
// the analysis (tokens with their folded forms and case flags, sentences,
// term vectors, SimHash, MinHash, LSH keys, dates, entities) of the article
// texts that Extract() takes from the trafilatura and Zyte evaluation pages
// must equal the digests recorded in testdata/analysis_golden.tsv. It lets a
// speed-up of the tokenizer, stemmer or recognizer prove that it changes no
// output. A page whose extracted input differs from the recorded one (the
// extractor changed) is not compared, and counted.
//
// A deliberate change of the analysis's output regenerates the file:
//   VEILLE_WRITE_ANALYSIS_GOLDEN=tests/analyze/testdata/analysis_golden.tsv
//   build/tests/analyze/analysis_golden_test
// and VEILLE_DUMP_ANALYSIS=FILE writes the full outputs as text, to diff two
// builds and see what changed.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/sentence_splitter.h"
#include "analyze/tokenizer.h"
#include "veille/analyze.h"
#include "veille/extract.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

bool Gunzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, n);
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

// FNV-1a, 64 bits: a digest that does not depend on the standard library.
uint64_t Fnv(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string Hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// The pages of both corpora, as "corpus/file" names and paths, sorted.
std::vector<std::pair<std::string, fs::path>> Pages() {
  std::vector<std::pair<std::string, fs::path>> out;
  const fs::path shared = fs::path(VEILLE_SHARED_DIR) / "data";
  const std::pair<const char*, const char*> dirs[] = {
      {"trafilatura", "trafilatura_eval/eval"},
      {"trafilatura", "trafilatura_eval/cache"},
      {"zyte", "zyte_article_extraction_benchmark/html"}};
  for (const auto& [corpus, sub] : dirs) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(shared / sub, ec)) {
      if (e.path().extension() == ".gz")
        out.emplace_back(std::string(corpus) + "/" + e.path().filename().string(), e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void PutTokens(const std::vector<analyze::Token>& tokens, std::ostringstream* o) {
  for (const auto& t : tokens) {
    *o << t.begin << ' ' << t.end << ' ' << static_cast<int>(t.kind) << ' ' << t.capitalized
       << t.all_caps << ' ' << t.lower << ' ' << t.folded << '\n';
  }
}

void PutSentences(const std::vector<analyze::SentenceSpan>& spans, std::ostringstream* o) {
  for (const auto& s : spans) *o << s.begin << ' ' << s.end << ' ' << s.paragraph << '\n';
}

void PutTerms(const TermVector& terms, std::ostringstream* o) {
  for (const auto& t : terms) *o << t.term << ' ' << t.count << '\n';
}

// The outputs of one article, one text block per component.
struct Outputs {
  std::string input, tokens, sentences, terms, hashes, dates, entities;
};

Outputs Analyze(const Analyzer& analyzer, const Article& a) {
  Outputs r;
  r.input = a.lang + "\n" + a.published + "\n" + a.title + "\n" + a.text;
  const AnalyzedArticle f = analyzer.Analyze(a, "2020-01-01");
  std::ostringstream o;
  for (const std::string* field : {&a.title, &a.text}) {
    PutTokens(analyze::Tokenize(*field, f.lang), &o);
    o << "--\n";
  }
  r.tokens = o.str();
  o.str("");
  for (const std::string* field : {&a.title, &a.text}) {
    PutSentences(analyze::SplitSentences(*field, f.lang), &o);
    o << "--\n";
  }
  r.sentences = o.str();
  o.str("");
  o << f.lang << ' ' << f.stemmed << '\n';
  PutTerms(f.title_terms, &o);
  o << "--\n";
  PutTerms(f.body_terms, &o);
  r.terms = o.str();
  o.str("");
  o << f.simhash << '\n';
  for (const uint32_t v : f.minhash) o << v << ' ';
  o << '\n';
  for (const uint64_t v : f.lsh_keys) o << v << ' ';
  r.hashes = o.str();
  o.str("");
  o << f.reference_date << '\n';
  for (const auto& d : f.dates) {
    o << d.begin << ' ' << d.end << ' ' << d.Iso() << ' ' << DateGranularityName(d.granularity)
      << ' ' << d.relative << ' ' << d.sentence << ' ' << d.sentence_begin << ' ' << d.sentence_end
      << '\n';
  }
  r.dates = o.str();
  o.str("");
  for (const auto& m : f.entities.mentions) {
    o << m.surface << '|' << static_cast<int>(m.field) << '|' << m.begin << '|' << m.end << '|'
      << m.sentence << '|' << EntityKindName(m.kind) << '|' << m.cue << '|' << m.local_entity << '|'
      << MergeRuleName(m.rule) << '\n';
  }
  for (const auto& e : f.entities.entities) {
    o << EntityKindName(e.kind) << '|' << e.name << '|' << e.alias_of << '|' << e.place_id << '|'
      << e.short_only << '|';
    for (const int32_t c : e.candidates) o << c << ',';
    o << '\n';
  }
  r.entities = o.str();
  return r;
}

const char* const kComponents[] = {"tokens", "sentences", "terms", "hashes", "dates", "entities"};

std::vector<std::string> Digests(const Outputs& r) {
  return {Hex(Fnv(r.tokens)), Hex(Fnv(r.sentences)), Hex(Fnv(r.terms)),
          Hex(Fnv(r.hashes)), Hex(Fnv(r.dates)),     Hex(Fnv(r.entities))};
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

TEST(AnalysisGoldenTest, OutputsOnRealPagesAreUnchanged) {
  const auto pages = Pages();
  if (pages.empty()) GTEST_SKIP() << "no evaluation pages under " << VEILLE_SHARED_DIR;
  AnalyzeOptions options;
  options.data_dir = std::string(VEILLE_SOURCE_DIR) + "/data";
  auto analyzer = Analyzer::Create(options);
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();

  const fs::path golden_path =
      fs::path(VEILLE_SOURCE_DIR) / "tests/analyze/testdata/analysis_golden.tsv";
  std::map<std::string, std::vector<std::string>> golden;  // page -> input digest, components
  {
    std::ifstream in(golden_path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto fields = SplitTabs(line);
      if (fields.size() != 2 + std::size(kComponents)) continue;
      const std::string page = fields[0];
      fields.erase(fields.begin());
      golden[page] = std::move(fields);
    }
  }
  const char* write_path = std::getenv("VEILLE_WRITE_ANALYSIS_GOLDEN");
  const char* dump_path = std::getenv("VEILLE_DUMP_ANALYSIS");
  std::ofstream write, dump;
  if (write_path != nullptr) {
    write.open(write_path);
    write << "# page\tinput\t";
    for (const char* c : kComponents) write << c << (c == kComponents[5] ? "\n" : "\t");
  }
  if (dump_path != nullptr) dump.open(dump_path);
  if (write_path == nullptr && golden.empty()) FAIL() << "no digests in " << golden_path;

  int compared = 0, input_changed = 0, missing = 0, differing = 0;
  for (const auto& [name, path] : pages) {
    RawDocument doc;
    doc.input = path.string();
    doc.format = DocFormat::kHtml;
    if (!Gunzip(path.string(), &doc.bytes)) continue;
    auto article = Extract(doc, ExtractOptions());
    if (!article.ok() || (article->text.empty() && article->title.empty())) continue;
    const Outputs r = Analyze(**analyzer, *article);
    const std::string input = Hex(Fnv(r.input));
    const std::vector<std::string> digests = Digests(r);
    if (write.is_open()) {
      write << name << '\t' << input;
      for (const auto& d : digests) write << '\t' << d;
      write << '\n';
    }
    if (dump.is_open()) {
      dump << "=== " << name << " input " << input << '\n'
           << r.tokens << "== sentences\n"
           << r.sentences << "== terms\n"
           << r.terms << "== hashes\n"
           << r.hashes << "\n== dates\n"
           << r.dates << "== entities\n"
           << r.entities;
    }
    const auto it = golden.find(name);
    if (it == golden.end()) {
      ++missing;
      continue;
    }
    if (it->second[0] != input) {
      ++input_changed;
      continue;
    }
    ++compared;
    bool same = true;
    for (size_t c = 0; c < digests.size(); ++c) {
      if (digests[c] != it->second[c + 1]) {
        same = false;
        ADD_FAILURE() << name << ": " << kComponents[c] << " differ from the recorded analysis";
      }
    }
    differing += !same;
  }
  std::printf(
      "analysis golden: %d pages compared, %d differing, %d with a changed extracted input, %d "
      "not recorded\n",
      compared, differing, input_changed, missing);
  if (write_path != nullptr) return;
  if (compared == 0) GTEST_SKIP() << "no page's extracted input matches the recorded one";
  // With most inputs changed the guard guards little: say so.
  if (compared < static_cast<int>(golden.size()) / 2)
    GTEST_SKIP() << "the extractor changed most inputs: regenerate " << golden_path;
}

}  // namespace
}  // namespace veille
