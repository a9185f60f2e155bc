// `veille stories`, `story`, `copies`, `storylines` and `recluster`: the
// stories the pipeline built (docs/cli.md). `story ID --json` prints the
// object of the HTTP API's GET /api/stories/ID (serve/api_json.h).
#include <cstdio>
#include <ctime>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/json_views.h"
#include "serve/api_json.h"
#include "veille/store.h"
#include "veille/summarize.h"

namespace veille::cli {
namespace {

Result<std::unique_ptr<Store>> Open(const Config& config) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(config.db_path, config.store);
  if (!store.ok()) return store.status().At(config.db_path);
  return store;
}

int Fail(const Status& s) {
  PrintError(s);
  return s.code() == StatusCode::kNotFound ? kExitNotFound : kExitFatal;
}

// "2019-04-25 10:00" (UTC) for unix seconds.
std::string Day(int64_t t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

std::string Or(const std::string& s, const char* fallback) { return s.empty() ? fallback : s; }

void PrintWhy(const StoryMember& m) {
  if (m.why_json.empty()) {
    std::printf("article #%lld started story #%lld (no earlier article was close enough)\n",
                static_cast<long long>(m.article_id), static_cast<long long>(m.story_id));
    return;
  }
  const nlohmann::json j = nlohmann::json::parse(m.why_json, nullptr, false);
  if (!j.is_object()) {
    std::printf("%s\n", m.why_json.c_str());
    return;
  }
  auto num = [&](const char* key) { return j.value(key, 0.0); };
  std::printf("article #%lld joined story #%lld with score %.3f\n",
              static_cast<long long>(m.article_id), static_cast<long long>(m.story_id),
              num("score"));
  std::printf("  title cosine %.3f, body cosine %.3f, entity cosine %.3f\n", num("title_cosine"),
              num("body_cosine"), num("entity_cosine"));
  std::printf(
      "  length factor %.2f, time factor %.2f (gap %.1f h), date factor %.2f (gap %d days)\n",
      num("length_factor"), num("time_factor"), num("time_gap_s") / 3600.0, num("date_factor"),
      j.value("date_gap_days", 0));
  std::printf("  supported by %d member(s)\n", j.value("supporting_members", 0));
  if (j.contains("entities") && j["entities"].is_array() && !j["entities"].empty()) {
    std::printf("  shared entities:");
    for (const nlohmann::json& e : j["entities"]) {
      std::printf(" %s (%.3f)", e.value("name", std::string("?")).c_str(), e.value("weight", 0.0));
    }
    std::printf("\n");
  }
  if (j.contains("terms") && j["terms"].is_array() && !j["terms"].empty()) {
    // Title and body contributions of a term are listed apart: add them up.
    std::map<std::string, double> terms;
    for (const nlohmann::json& t : j["terms"]) {
      terms[t.value("term", std::string("?"))] += t.value("weight", 0.0);
    }
    std::printf("  shared terms:");
    for (const auto& [term, weight] : terms) std::printf(" %s (%.3f)", term.c_str(), weight);
    std::printf("\n");
  }
}

}  // namespace

int RunStories(const Config& config, const StoriesArgs& args) {
  auto store = Open(config);
  if (!store.ok()) return Fail(store.status());
  StoryListOptions options;
  options.limit = args.limit;
  options.offset = args.offset;
  if (args.order == "importance") options.order = StoryListOptions::Order::kImportance;
  auto rows = (*store)->ListStories(options);
  if (!rows.ok()) return Fail(rows.status());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const StoryRow& s : *rows) out.push_back(serve::StoryListItemJson(s));
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  for (const StoryRow& s : *rows) {
    std::printf("#%lld  %s\n", static_cast<long long>(s.id), Or(s.headline, "(untitled)").c_str());
    std::printf("      %lld article(s), %lld source(s), %s .. %s, storyline #%lld\n",
                static_cast<long long>(s.article_count), static_cast<long long>(s.source_count),
                Day(s.first_time).c_str(), Day(s.last_time).c_str(),
                static_cast<long long>(s.storyline_id));
  }
  return kExitOk;
}

int RunStory(const Config& config, int64_t id, const StoryArgs& args) {
  auto store = Open(config);
  if (!store.ok()) return Fail(store.status());
  auto row = (*store)->GetStory(id);
  if (!row.ok()) return Fail(row.status());
  // A merged story answers for the story it went into.
  int64_t hops = 0;
  while (row->merged_into != 0 && hops++ < 64) {
    row = (*store)->GetStory(row->merged_into);
    if (!row.ok()) return Fail(row.status());
  }
  if (args.why != 0) {
    auto member = (*store)->GetStoryMember(args.why);
    if (!member.ok()) return Fail(member.status());
    if (member->story_id != row->id) {
      return Fail(Status::NotFound(fmt::format("article #{} is in story #{}, not #{}", args.why,
                                               member->story_id, row->id)));
    }
    if (args.json) {
      nlohmann::json j = {{"article_id", member->article_id},
                          {"story_id", member->story_id},
                          {"score", member->score}};
      j["why"] = member->why_json.empty() ? nlohmann::json(nullptr)
                                          : nlohmann::json::parse(member->why_json, nullptr, false);
      std::printf("%s\n", Dump(j, 2).c_str());
    } else {
      PrintWhy(*member);
    }
    return kExitOk;
  }
  auto members = (*store)->ListStoryMembers(row->id);
  if (!members.ok()) return Fail(members.status());
  if (args.json) {
    std::printf("%s\n", Dump(serve::StoryJson(*row, *members), 2).c_str());
    return kExitOk;
  }
  std::printf("#%lld  %s\n", static_cast<long long>(row->id),
              Or(row->headline, "(untitled)").c_str());
  std::printf("%lld article(s), %lld source(s), %s .. %s UTC, storyline #%lld\n",
              static_cast<long long>(row->article_count), static_cast<long long>(row->source_count),
              Day(row->first_time).c_str(), Day(row->last_time).c_str(),
              static_cast<long long>(row->storyline_id));
  Result<StorySummary> summary = ParseSummaryJson(row->summary_json);
  if (summary.ok()) {
    std::printf("\nSummary\n");
    for (const SummarySentence& s : summary->sentences) {
      std::string ids;
      for (int64_t a : s.article_ids) ids += fmt::format("{}#{}", ids.empty() ? "" : " ", a);
      std::printf("  - %s [%s]\n", s.text.c_str(), ids.c_str());
    }
    if (!summary->entities.empty()) {
      std::printf("\nEntities\n ");
      for (const KeyEntity& e : summary->entities) {
        std::printf(" %s (%lld)", e.name.c_str(), static_cast<long long>(e.count));
      }
      std::printf("\n");
    }
    if (!summary->timeline.empty()) {
      std::printf("\nTimeline\n");
      for (const TimelineEntry& t : summary->timeline) {
        std::printf("  %-10s  %s [#%lld]\n", t.date.c_str(), t.sentence.c_str(),
                    static_cast<long long>(t.article_id));
      }
    }
    if (!summary->sources.empty()) {
      std::printf("\nSources\n");
      for (const SummarySource& s : summary->sources) {
        std::printf("  %s  %s%s\n", Or(s.site, "(unknown site)").c_str(),
                    s.first_published == kUnknownPublished ? "-" : Day(s.first_published).c_str(),
                    s.is_copy ? "  (copy)" : "");
      }
    }
  }
  std::printf("\nArticles\n");
  for (const StoryMemberView& m : *members) {
    std::printf("  #%lld  %s  %s  %s%s\n", static_cast<long long>(m.member.article_id),
                Day(m.member.time).c_str(), Or(m.member.site, "-").c_str(),
                Or(m.title, "(untitled)").c_str(),
                m.original_id != 0 ? fmt::format("  (copy of #{})", m.original_id).c_str() : "");
    std::printf("        %s\n", Or(m.url, m.input.c_str()).c_str());
  }
  return kExitOk;
}

int RunCopies(const Config& config, int64_t id, bool json) {
  auto store = Open(config);
  if (!store.ok()) return Fail(store.status());
  if (auto a = (*store)->GetArticle(id); !a.ok()) return Fail(a.status());
  auto links = (*store)->ListCopies(id);
  if (!links.ok()) return Fail(links.status());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const CopyLinkRow& l : *links) {
      out.push_back({{"original_id", l.original_id},
                     {"copy_id", l.copy_id},
                     {"overlap", l.overlap},
                     {"exact", l.exact}});
    }
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  if (links->empty()) {
    std::printf("article #%lld has no known copy\n", static_cast<long long>(id));
    return kExitOk;
  }
  std::printf("original #%lld\n", static_cast<long long>(links->front().original_id));
  for (const CopyLinkRow& l : *links) {
    std::printf("  copy #%lld  overlap %.2f%s\n", static_cast<long long>(l.copy_id), l.overlap,
                l.exact ? "  (exact)" : "");
  }
  return kExitOk;
}

int RunStorylines(const Config& config, bool json) {
  auto store = Open(config);
  if (!store.ok()) return Fail(store.status());
  auto pairs = (*store)->ListStorylines();
  if (!pairs.ok()) return Fail(pairs.status());
  std::map<int64_t, std::vector<int64_t>> lines;
  for (const auto& [story, line] : *pairs) lines[line].push_back(story);
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [line, stories] : lines) {
      out.push_back({{"id", line}, {"story_ids", stories}});
    }
    std::printf("%s\n", Dump(out, 2).c_str());
    return kExitOk;
  }
  for (const auto& [line, stories] : lines) {
    std::printf("storyline #%lld: %zu stor%s\n", static_cast<long long>(line), stories.size(),
                stories.size() == 1 ? "y" : "ies");
    for (int64_t id : stories) {
      auto row = (*store)->GetStory(id);
      if (!row.ok()) return Fail(row.status());
      std::printf("  #%lld  %s .. %s  %s\n", static_cast<long long>(id),
                  Day(row->first_time).c_str(), Day(row->last_time).c_str(),
                  Or(row->headline, "(untitled)").c_str());
    }
  }
  return kExitOk;
}

int RunRecluster(const Config& config, bool json) {
  auto store = Open(config);
  if (!store.ok()) return Fail(store.status());
  auto analysis = AnalysisResources::Load(config.analyze);
  if (!analysis.ok()) return Fail(analysis.status());
  const std::clock_t start = std::clock();
  auto report = Recluster(config, **analysis, **store);
  if (!report.ok()) return Fail(report.status());
  const double cpu_s = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  if (json) {
    std::printf("%s\n", Dump({{"articles", report->articles},
                              {"stories", report->stories},
                              {"kept_ids", report->kept_ids},
                              {"storylines", report->storylines},
                              {"cpu_seconds", cpu_s}},
                             2)
                            .c_str());
  } else {
    std::printf(
        "recluster: %lld article(s) in %lld stories (%lld kept their id), "
        "%lld storyline(s), %.2f s CPU\n",
        static_cast<long long>(report->articles), static_cast<long long>(report->stories),
        static_cast<long long>(report->kept_ids), static_cast<long long>(report->storylines),
        cpu_s);
  }
  return kExitOk;
}

}  // namespace veille::cli
