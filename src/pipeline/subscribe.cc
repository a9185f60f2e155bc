// Subscribe (include/veille/pipeline.h): URLs and OPML lists into the
// sources table, without fetching. Tested by collect_pipeline_test.cc
// (SubscribesUrlsAndOpml) and cli_test.
#include <utility>

#include "common/url.h"
#include "veille/ingest.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

// Adds one source; counts the outcome in *summary or reports the error.
void AddOne(const std::string& url, SourceKind kind, const std::string& title,
            const CollectOptions& options, Store& store, SubscribeSummary* summary,
            const std::function<void(const Status&)>& on_error) {
  Result<std::string> canonical = CanonicalizeUrl(url);
  if (!canonical.ok()) {
    ++summary->errors;
    on_error(Status::InvalidInput("cannot subscribe: not an http(s) URL").At(url));
    return;
  }
  Source source;
  source.url = *canonical;
  source.kind = kind;
  source.title = title;
  source.poll_interval_s = options.schedule.initial_interval_s;
  Result<AddSourceResult> added = store.AddSource(source);
  if (!added.ok()) {
    ++summary->errors;
    on_error(added.status().At(url));
    return;
  }
  ++(added->added ? summary->added : summary->already);
}

}  // namespace

SubscribeSummary Subscribe(const std::vector<std::string>& urls,
                           const std::vector<std::string>& opml_paths, const Config& config,
                           const CollectOptions& options, Store& store,
                           const std::function<void(const Status&)>& on_error) {
  SubscribeSummary summary;
  for (const std::string& url : urls) {
    AddOne(url, SourceKind::kAuto, "", options, store, &summary, on_error);
  }
  for (const std::string& path : opml_paths) {
    Result<std::vector<Subscription>> subs = ReadOpmlInput(path, config.ingest);
    if (!subs.ok()) {
      ++summary.errors;
      on_error(subs.status().input().empty() ? subs.status().At(path) : subs.status());
      continue;
    }
    // One transaction per list: all its subscriptions or none.
    if (Status s = store.Begin(); !s.ok()) {
      ++summary.errors;
      on_error(s.At(path));
      continue;
    }
    SubscribeSummary list;
    for (const Subscription& sub : *subs) {
      AddOne(sub.url, SourceKind::kFeed, sub.title, options, store, &list, on_error);
    }
    if (Status s = store.Commit(); !s.ok()) {
      (void)store.Rollback();
      ++summary.errors;
      on_error(s.WithContext("subscriptions not saved").At(path));
      continue;
    }
    summary.added += list.added;
    summary.already += list.already;
    summary.errors += list.errors;
  }
  return summary;
}

}  // namespace veille
