// CollectPipeline: fetched bytes -> documents -> articles -> features ->
// store, with the sources' polling state. Tested by tests/collect/collect_pipeline_test.cc.
//
// A poll: Fetch (conditional GET with the source's validators); a 304 only
// moves the schedule. A 200 body is opened with OpenBuffer, which detects a
// feed (one document per item, record >= 1) or a page (one document, record
// 0). Each item is extracted; when its text looks like a teaser (short, or
// ending in "…" / "Read more"), the item's link is fetched and extracted, and
// the page replaces the item if its text is clearly longer. An item whose key
// is already stored is not fetched again. Network work happens outside
// transactions (the write lock is never held across a fetch); extracted
// documents are buffered and written config.commit_every at a time, each
// batch in one transaction whose events are reported after its commit. The
// source's state is written last: validators only when the whole body was
// read and stored, so a failed or interrupted poll is read again next time.
#include <algorithm>
#include <cctype>
#include <limits>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "common/iso_time.h"
#include "common/url.h"
#include "pipeline/document_batch.h"
#include "veille/extract.h"
#include "veille/ingest.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

std::string IsoFromMs(int64_t ms) { return FormatIsoUtc(ms / 1000); }

// Milliseconds of an ISO time written by IsoFromMs; 0 ("now") for "".
int64_t MsFromIso(const std::string& iso) {
  if (iso.empty()) return 0;
  Result<std::string> norm = NormalizeIsoTime(iso);
  return norm.ok() ? IsoToUnixSeconds(*norm) * 1000 : 0;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

size_t CountChars(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

Status CollectOptions::Validate() const {
  VEILLE_RETURN_IF_ERROR(fetch.Validate());
  VEILLE_RETURN_IF_ERROR(schedule.Validate());
  if (!(full_text_min_ratio >= 1.0)) {
    return Status::InvalidInput("collect: full_text_min_ratio must be >= 1");
  }
  if (idle_recheck_s < 1) return Status::InvalidInput("collect: idle_recheck_s must be >= 1");
  return Status::Ok();
}

bool LooksLikeTeaser(std::string_view text, const CollectOptions& options) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  if (CountChars(text) < options.teaser_max_chars) return true;
  // Endings that promise more on the page ("…", "[...]", "Read more »").
  static constexpr std::string_view kEndings[] = {"…",
                                                  "...",
                                                  "[…]",
                                                  "[...]",
                                                  "read more",
                                                  "read more »",
                                                  "read more…",
                                                  "continue reading",
                                                  "lire la suite",
                                                  "lire la suite…",
                                                  "(suite)",
                                                  "more »",
                                                  "[more]"};
  std::string tail(text.substr(text.size() > 40 ? text.size() - 40 : 0));
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view ending : kEndings) {
    if (tail.size() >= ending.size() &&
        tail.compare(tail.size() - ending.size(), ending.size(), ending) == 0) {
      return true;
    }
  }
  return false;
}

class CollectPipeline::Impl {
 public:
  Impl(const Config& config, const CollectOptions& options, Fetcher& fetcher, Store& store,
       Clock& clock, IngestCallback on_event, const AnalysisResources* analysis)
      : config_(config),
        options_(options),
        fetcher_(fetcher),
        store_(store),
        clock_(clock),
        on_event_(std::move(on_event)),
        batch_(store, on_event_, summary_, config.commit_every, config.analyze, config.stories,
               analysis) {}

  // Fetches `request` and stores what the body holds; `report` gets the counts.
  // Returns the fetch result (for the validators) or the fetch error.
  Result<FetchResult> FetchAndStore(const FetchRequest& request, PollReport& report,
                                    const std::atomic<bool>* stop) {
    Result<FetchResult> fetched = fetcher_.Fetch(request);
    if (!fetched.ok()) {
      report.status = fetched.status();
      batch_.Fail(report.status);
      return fetched;
    }
    if (fetched->not_modified) {
      report.not_modified = true;
      return fetched;
    }
    const int64_t stored_before = summary_.stored + summary_.revised;
    report.status = ReadBody(request.url, *fetched, report, stop);
    batch_.Flush();
    report.new_items = summary_.stored + summary_.revised - stored_before;
    if (report.status.ok() && batch_.failed()) {
      report.status = Status::IoError("some documents could not be stored").At(request.url);
    }
    batch_.ResetFailed();
    return fetched;
  }

  PollReport Poll(Source& source, const std::atomic<bool>* stop) {
    PollReport report;
    report.url = source.url;
    source.last_fetch = IsoFromMs(clock_.NowMs());
    Result<FetchResult> fetched =
        FetchAndStore({source.url, source.etag, source.last_modified}, report, stop);
    if (fetched.ok()) source.last_status = fetched->http_status;
    if (report.status.ok() && !report.interrupted) {
      if (!report.not_modified) {
        source.etag = fetched->etag;
        source.last_modified = fetched->last_modified;
        source.kind = report.kind;
      }
      source.items_seen += report.new_items;
      source.error_count = 0;
      source.last_error.clear();
      source.poll_interval_s =
          NextPollInterval(source.poll_interval_s, report.new_items, options_.schedule);
      source.next_poll = IsoFromMs(clock_.NowMs() + source.poll_interval_s * 1000);
    } else if (report.interrupted) {
      source.items_seen += report.new_items;
      source.next_poll.clear();  // read the rest as soon as watched again
    } else {
      source.items_seen += report.new_items;
      if (!fetched.ok()) source.last_status = 0;
      ++source.error_count;
      source.last_error = report.status.ToString();
      source.next_poll =
          IsoFromMs(clock_.NowMs() + ErrorBackoff(source.error_count, options_.schedule) * 1000);
    }
    if (Status s = store_.UpdateSourceState(source); !s.ok()) {
      batch_.Fail(s.WithContext("cannot save the source's state").At(source.url));
      if (report.status.ok()) report.status = s;
    }
    return report;
  }

  PollReport FetchOnce(const std::string& url) {
    // Sources are subscribed under their canonical URL.
    Result<std::string> canonical = CanonicalizeUrl(url);
    Result<Source> source = store_.FindSource(canonical.ok() ? *canonical : url);
    if (source.ok()) {
      PollReport report = Poll(*source, nullptr);
      batch_.SettleSummaries();
      return report;
    }
    PollReport report;
    report.url = url;
    if (source.status().code() != StatusCode::kNotFound) {
      report.status = source.status();
      batch_.Fail(report.status.At(url));
      return report;
    }
    (void)FetchAndStore({url, "", ""}, report, nullptr);
    batch_.SettleSummaries();
    return report;
  }

  Status Watch(const std::atomic<bool>& stop,
               const std::function<void(const PollReport&)>& on_poll) {
    // When each source polled by this loop is due again, as computed in
    // memory: if its state could not be saved, the stored next_poll is stale
    // and must not make the loop poll it again at once.
    std::unordered_map<int64_t, int64_t> due_ms;
    auto due = [&](const Source& s) {
      const auto it = due_ms.find(s.id);
      return std::max(MsFromIso(s.next_poll), it == due_ms.end() ? 0 : it->second);
    };
    while (!stop.load()) {
      VEILLE_ASSIGN_OR_RETURN(std::vector<Source> sources, store_.ListSources());
      std::stable_sort(sources.begin(), sources.end(),
                       [&](const Source& a, const Source& b) { return due(a) < due(b); });
      int64_t next_due = clock_.NowMs() + options_.idle_recheck_s * 1000;
      for (Source& source : sources) {
        if (stop.load()) break;
        if (due(source) <= clock_.NowMs()) {
          const PollReport report = Poll(source, &stop);
          due_ms[source.id] = MsFromIso(source.next_poll);
          if (on_poll) on_poll(report);
        }
        next_due = std::min(next_due, due(source));
      }
      batch_.SettleSummaries();  // idle until the next poll: summaries made whole
      if (stop.load()) break;
      clock_.SleepUntilMs(next_due, &stop);
    }
    return Status::Ok();
  }

  const IngestSummary& summary() const { return summary_; }
  void SettleSummaries() { batch_.SettleSummaries(); }

 private:
  // Reads every document of a fetched body into the batch.
  Status ReadBody(const std::string& url, FetchResult& fetched, PollReport& report,
                  const std::atomic<bool>* stop) {
    Result<std::unique_ptr<DocumentReader>> reader = OpenBuffer(
        fetched.final_url, std::move(fetched.body), fetched.content_type, config_.ingest);
    fetched.body.clear();
    if (!reader.ok()) {
      batch_.Fail(reader.status().At(url));
      return reader.status().At(url);
    }
    Status first_error;
    RawDocument doc;
    for (;;) {
      if (stop != nullptr && stop->load()) {
        report.interrupted = true;
        return Status::Ok();
      }
      Result<bool> more = (*reader)->Next(&doc);
      if (!more.ok()) {
        Status s = more.status().input().empty() ? more.status().At(url) : more.status();
        batch_.Fail(s);
        if (first_error.ok()) first_error = s;
        continue;
      }
      if (!*more) break;
      ++report.documents;
      ++summary_.documents;
      summary_.bytes += static_cast<int64_t>(doc.bytes.size());
      if (doc.record > 0) {
        report.kind = SourceKind::kFeed;
        AddItem(url, std::move(doc), report);
      } else {
        report.kind = SourceKind::kPage;
        if (doc.url.empty()) doc.url = fetched.final_url;  // the page's identity
        AddDocument(std::move(doc));
      }
      doc = RawDocument();
    }
    return first_error;
  }

  // Extracts `doc` and adds it to the batch, or reports why it failed.
  void AddDocument(RawDocument doc) {
    Result<Article> article = Extract(doc, config_.extract);
    if (!article.ok()) {
      batch_.Fail(article.status().input().empty() ? article.status().At(doc.input, doc.record)
                                                   : article.status());
      return;
    }
    batch_.Add(std::move(doc), std::move(article).value());
  }

  // A feed item: stored as is, or replaced by its page when it is a teaser.
  void AddItem(const std::string& feed_url, RawDocument item, PollReport& report) {
    Article teaser;
    if (!item.bytes.empty()) {
      Result<Article> extracted = Extract(item, config_.extract);
      if (!extracted.ok()) {
        batch_.Fail(extracted.status().At(feed_url, item.record));
        return;
      }
      teaser = std::move(extracted).value();
      if (teaser.text.empty() && item.format == DocFormat::kText) {
        // A one-line plain-text description is all the item has: page
        // heuristics (short lines need punctuation) must not drop it.
        teaser.text = std::string(TrimSpace(item.bytes));
      }
    } else {
      Result<std::string> canonical = CanonicalizeUrl(item.url);
      teaser.url = canonical.ok() ? *canonical : std::string();
      teaser.title = item.title;
      teaser.published = item.published;
      teaser.author = item.author;
    }
    if (!options_.fetch_full_text || item.url.empty() || !LooksLikeTeaser(teaser.text, options_)) {
      batch_.Add(std::move(item), std::move(teaser));
      return;
    }
    const std::string key = DocumentKey(item, teaser);
    if (Result<bool> known = store_.HasArticle(key); known.ok() && *known) {
      ++summary_.known;  // its page was stored by an earlier poll: not fetched again
      return;
    }
    Result<FetchResult> page = fetcher_.Fetch({item.url, "", ""});
    if (page.ok() && !page->body.empty()) {
      Result<std::unique_ptr<DocumentReader>> reader =
          OpenBuffer(page->final_url, std::move(page->body), page->content_type, config_.ingest);
      RawDocument page_doc;
      Result<bool> got = reader.ok() ? (*reader)->Next(&page_doc) : Result<bool>(reader.status());
      if (got.ok() && *got && page_doc.record == 0) {
        if (page_doc.url.empty()) page_doc.url = page->final_url;
        if (page_doc.title.empty()) page_doc.title = item.title;
        if (page_doc.published.empty()) page_doc.published = item.published;
        if (page_doc.site.empty()) page_doc.site = item.site;
        if (page_doc.author.empty()) page_doc.author = item.author;
        Result<Article> full = Extract(page_doc, config_.extract);
        if (full.ok() && static_cast<double>(CountChars(full->text)) >=
                             options_.full_text_min_ratio * static_cast<double>(std::max<size_t>(
                                                                CountChars(teaser.text), 1))) {
          page_doc.input = feed_url;
          page_doc.record = item.record;
          ++report.full_text;
          batch_.Add(std::move(page_doc), std::move(full).value());
          return;
        }
      }
    } else if (!page.ok()) {
      batch_.Warn(feed_url, item.record,
                  "full text not fetched, teaser kept: " + page.status().ToString());
    }
    batch_.Add(std::move(item), std::move(teaser));
  }

  const Config& config_;
  const CollectOptions options_;
  Fetcher& fetcher_;
  Store& store_;
  Clock& clock_;
  const IngestCallback on_event_;
  IngestSummary summary_;
  pipeline::DocumentBatch batch_;
};

CollectPipeline::CollectPipeline(const Config& config, const CollectOptions& options,
                                 Fetcher& fetcher, Store& store, Clock& clock,
                                 IngestCallback on_event, const AnalysisResources* analysis)
    : impl_(std::make_unique<Impl>(config, options, fetcher, store, clock, std::move(on_event),
                                   analysis)) {}

// Stories whose summaries still wait (a caller's own Poll loop) are
// summarised before the pipeline goes.
CollectPipeline::~CollectPipeline() {
  try {
    impl_->SettleSummaries();
  } catch (...) {
    // A destructor must not throw; the summaries are made whole at the next
    // ingest or poll of their stories.
  }
}

PollReport CollectPipeline::FetchOnce(const std::string& url) { return impl_->FetchOnce(url); }

PollReport CollectPipeline::Poll(Source& source, const std::atomic<bool>* stop) {
  return impl_->Poll(source, stop);
}

Status CollectPipeline::Watch(const std::atomic<bool>& stop,
                              const std::function<void(const PollReport&)>& on_poll) {
  return impl_->Watch(stop, on_poll);
}

const IngestSummary& CollectPipeline::summary() const { return impl_->summary(); }

}  // namespace veille
