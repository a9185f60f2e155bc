// ner_eval: precision, recall and F1 per entity type of RecognizeEntities.
//   ner_eval --bio FILE      one "token TAG" per line (IOB1/IOB2, PER/LOC/ORG),
//                            "-" for stdin; tokens are detokenised into
//                            pseudo-articles of about --chunk tokens.
//   ner_eval --inline FILE   one sentence a line with gold names written
//                            "[PER Kim Jong Un]"; blank lines separate articles.
//   --errors N               also print N missed and N spurious names per type.
// Scores are exact matches of (type, span); a second figure counts a
// prediction right when it overlaps a gold name of the same type. Mentions
// typed "other" are not predictions. Prints one table.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "veille/entities.h"

namespace {

struct Span {
  size_t begin, end;
  std::string type;
  bool operator<(const Span& o) const {
    return std::tie(begin, end, type) < std::tie(o.begin, o.end, o.type);
  }
};

struct Doc {
  std::string text;
  std::vector<Span> gold;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0, overlap_tp = 0, overlap_fp = 0;
};

const char* TypeOf(veille::EntityKind k) {
  switch (k) {
    case veille::EntityKind::kPerson:
      return "PER";
    case veille::EntityKind::kPlace:
      return "LOC";
    case veille::EntityKind::kOrganization:
      return "ORG";
    default:
      return nullptr;
  }
}

bool NoSpaceBefore(const std::string& t) {
  static const std::set<std::string> k = {",", ".", ";", ":", ")", "!", "?", "»", "]", "%", "..."};
  return k.count(t) > 0;
}
bool NoSpaceAfter(const std::string& t) {
  return t == "(" || t == "«" || t == "[" || (!t.empty() && (t.back() == '\'' || t == "’"));
}

std::vector<Doc> ReadBio(std::istream& in, size_t chunk) {
  std::vector<Doc> docs(1);
  std::string line, prev_tok, cur_type;
  size_t tokens = 0, open_begin = 0;
  auto close = [&](Doc& d) {
    if (!cur_type.empty()) d.gold.push_back(Span{open_begin, d.text.size(), cur_type});
    cur_type.clear();
  };
  while (std::getline(in, line)) {
    const size_t sp = line.find_last_of(" \t");
    if (line.empty() || sp == std::string::npos) continue;
    const std::string tok = line.substr(0, sp);
    const std::string tag = line.substr(sp + 1);
    Doc& d = docs.back();
    const std::string type = tag.size() > 2 ? tag.substr(2) : "";
    const bool begins = tag.rfind("B-", 0) == 0;
    if (type != cur_type || begins) close(d);
    if (!d.text.empty() && !NoSpaceBefore(tok) && !NoSpaceAfter(prev_tok)) d.text += ' ';
    if (!type.empty() && cur_type.empty()) {
      cur_type = type;
      open_begin = d.text.size();
    }
    d.text += tok;
    prev_tok = tok;
    ++tokens;
    // End a pseudo-article at a sentence end once it is long enough.
    if (tokens >= chunk && (tok == "." || tok == "!" || tok == "?") && cur_type.empty()) {
      docs.emplace_back();
      tokens = 0;
      prev_tok.clear();
    }
  }
  close(docs.back());
  return docs;
}

std::vector<Doc> ReadInline(std::istream& in) {
  std::vector<Doc> docs(1);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      if (!docs.back().text.empty()) docs.emplace_back();
      continue;
    }
    Doc& d = docs.back();
    if (!d.text.empty()) d.text += "\n\n";
    for (size_t i = 0; i < line.size();) {
      if (line[i] == '[') {
        const size_t sp = line.find(' ', i);
        const size_t close = line.find(']', i);
        const std::string type = line.substr(i + 1, sp - i - 1);
        const size_t b = d.text.size();
        d.text += line.substr(sp + 1, close - sp - 1);
        d.gold.push_back(Span{b, d.text.size(), type});
        i = close + 1;
      } else {
        d.text += line[i++];
      }
    }
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode, path;
  size_t chunk = 300;
  size_t show_errors = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--bio" || a == "--inline") {
      mode = a;
      path = argv[i + 1];
    } else if (a == "--chunk") {
      chunk = std::stoul(argv[i + 1]);
    } else if (a == "--errors") {
      show_errors = std::stoul(argv[i + 1]);
    }
  }
  if (mode.empty()) {
    std::cerr << "usage: ner_eval (--bio FILE|- [--chunk N] | --inline FILE)\n";
    return 2;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) {
      std::cerr << "ner_eval: cannot read " << path << "\n";
      return 1;
    }
    in = &file;
  }
  const std::vector<Doc> docs = mode == "--bio" ? ReadBio(*in, chunk) : ReadInline(*in);
  auto res = veille::EntityResources::Load(veille::DefaultEntityOptions());
  if (!res.ok()) {
    std::cerr << "ner_eval: " << res.status().ToString() << "\n";
    return 1;
  }
  std::map<std::string, Counts> by_type;
  std::map<std::string, std::vector<std::string>> missed, spurious;
  auto note = [&](std::vector<std::string>* list, const Doc& d, const Span& sp) {
    if (list->size() >= show_errors) return;
    const size_t from = sp.begin >= 30 ? sp.begin - 30 : 0;
    std::string ctx = d.text.substr(from, sp.begin - from) + "[" +
                      d.text.substr(sp.begin, sp.end - sp.begin) + "]" + d.text.substr(sp.end, 30);
    for (char& ch : ctx) ch = ch == '\n' ? ' ' : ch;
    list->push_back(ctx);
  };
  for (const Doc& d : docs) {
    std::set<Span> gold(d.gold.begin(), d.gold.end()), pred;
    for (const veille::EntityMention& m :
         veille::RecognizeEntities(**res, "", d.text, "fr").mentions) {
      if (const char* t = TypeOf(m.kind)) pred.insert(Span{m.begin, m.end, t});
    }
    for (const Span& p : pred) {
      Counts& c = by_type[p.type];
      if (gold.count(p)) {
        ++c.tp;
      } else {
        ++c.fp;
        note(&spurious[p.type], d, p);
      }
      bool overlaps = false;
      for (const Span& g : gold) overlaps |= g.type == p.type && g.begin < p.end && p.begin < g.end;
      if (overlaps)
        ++c.overlap_tp;
      else
        ++c.overlap_fp;
    }
    for (const Span& g : gold) {
      if (!pred.count(g)) {
        ++by_type[g.type].fn;
        note(&missed[g.type], d, g);
      }
    }
  }
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  std::printf("%-5s %6s %6s %6s %7s %7s %7s   %s\n", "type", "gold", "pred", "exact", "P", "R",
              "F1", "overlap P");
  Counts all;
  for (auto& [type, c] : by_type) {
    all.tp += c.tp, all.fp += c.fp, all.fn += c.fn;
    all.overlap_tp += c.overlap_tp, all.overlap_fp += c.overlap_fp;
  }
  by_type["all"] = all;
  for (const auto& [type, c] : by_type) {
    const double p = c.tp + c.fp ? double(c.tp) / (c.tp + c.fp) : 0;
    const double r = c.tp + c.fn ? double(c.tp) / (c.tp + c.fn) : 0;
    const double op =
        c.overlap_tp + c.overlap_fp ? double(c.overlap_tp) / (c.overlap_tp + c.overlap_fp) : 0;
    std::printf("%-5s %6d %6d %6d %7.3f %7.3f %7.3f   %7.3f\n", type.c_str(), c.tp + c.fn,
                c.tp + c.fp, c.tp, p, r, f1(p, r), op);
  }
  std::printf("(%zu documents)\n", docs.size());
  for (const auto& [type, list] : missed) {
    for (const std::string& e : list) std::printf("missed   %s  %s\n", type.c_str(), e.c_str());
  }
  for (const auto& [type, list] : spurious) {
    for (const std::string& e : list) std::printf("spurious %s  %s\n", type.c_str(), e.c_str());
  }
  return 0;
}
