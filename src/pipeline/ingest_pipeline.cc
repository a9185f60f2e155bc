// The ingest pipeline: inputs -> documents -> articles -> features -> store.
//
// Each input (a file, or stdin) is read by its DocumentReader; every document
// is extracted and put into the store, then analysed and its features stored
// (pipeline/analysis_state.h) in the same transaction. Transactions follow inputs: a
// transaction never spans two inputs and holds at most commit_every documents,
// so a kill loses at most the uncommitted tail of one input, and a failed Put
// (rolled back to its own savepoint by the store) loses only its document.
// Events are held until their transaction commits, so that what is reported as
// stored is stored. A failure to store features aborts the transaction (its
// documents are reported as not stored) and the analysis state is reloaded,
// so the in-memory document frequencies and registry never drift from the
// store.
#include <xxhash.h>

#include <ctime>
#include <filesystem>
#include <utility>

#include <fmt/format.h>

#include "common/iso_time.h"
#include "pipeline/analysis_state.h"
#include "pipeline/ingest_documents.h"
#include "veille/extract.h"
#include "veille/ingest.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  if (ec) p = std::filesystem::absolute(path, ec).lexically_normal();
  return p.string();
}

// "skipped: 3 request records, 1 revisit record", or "" when nothing was.
std::string SkippedLine(const std::vector<SkipCount>& skipped) {
  std::string line;
  for (const SkipCount& s : skipped) {
    line += fmt::format("{}{} {}", line.empty() ? "skipped: " : ", ", s.count, s.what);
  }
  return line;
}

// Calls on_document for each document of one opened input (see ForEachDocument).
void ReadInput(
    const std::string& input, DocumentReader& reader, const Config& config,
    const std::function<void(const std::string& input)>& on_input_start,
    const std::function<void(const RawDocument&, Result<Article>)>& on_document,
    const std::function<void(const std::string& input, const std::string& skipped)>& on_input_end,
    const std::function<void(const Status&)>& on_error) {
  on_input_start(input);
  RawDocument doc;
  while (true) {
    Result<bool> more = reader.Next(&doc);
    if (!more.ok()) {
      Status s = more.status();
      on_error(s.input().empty() ? s.At(input) : s);
      continue;
    }
    if (!*more) break;
    Result<Article> article = Extract(doc, config.extract);
    if (!article.ok() && article.status().input().empty()) {
      article = article.status().At(doc.input, doc.record);
    }
    if (article.ok()) pipeline::FillFromContainer(doc, &*article);
    on_document(doc, std::move(article));
  }
  on_input_end(input, SkippedLine(reader.Skipped()));
}

// Calls on_document for each document of each input, with its extracted
// article or the reason it failed. Reader errors go to on_error. on_input_end
// gets the reader's SkippedLine.
void ForEachDocument(
    const std::vector<std::string>& paths, const Config& config,
    const std::function<void(const std::string& input)>& on_input_start,
    const std::function<void(const RawDocument&, Result<Article>)>& on_document,
    const std::function<void(const std::string& input, const std::string& skipped)>& on_input_end,
    const std::function<void(const Status&)>& on_error) {
  for (const InputEntry& entry : ExpandInputs(paths)) {
    if (!entry.status.ok()) {
      on_error(entry.status.input().empty() ? entry.status.At(entry.path) : entry.status);
      continue;
    }
    Result<std::unique_ptr<DocumentReader>> reader = OpenInput(entry.path, config.ingest);
    if (!reader.ok()) {
      Status s = reader.status();
      on_error(s.input().empty() ? s.At(entry.path) : s);
      continue;
    }
    ReadInput(entry.path, **reader, config, on_input_start, on_document, on_input_end, on_error);
  }
}

// Holds one input's open transaction and the events waiting for its commit.
class InputBatch {
 public:
  InputBatch(Store& store, pipeline::AnalysisState* analysis, const IngestCallback& on_event,
             IngestSummary& summary)
      : store_(store), analysis_(analysis), on_event_(on_event), summary_(summary) {}

  void Start(const std::string& input) {
    input_ = input;
    Status s = store_.Begin();
    open_ = s.ok();
    if (!open_) Fail(s.WithContext("cannot start a transaction").At(input_));
  }

  void Add(IngestEvent event) { pending_.push_back(std::move(event)); }
  size_t size() const { return pending_.size(); }

  // Commits the open transaction and reports its events; on failure reports
  // one error for the documents lost.
  void Commit() {
    if (!open_) return;
    Status s = analysis_->Flush();
    if (s.ok()) s = store_.Commit();
    open_ = false;
    if (!s.ok()) {
      Abort(s.WithContext("commit failed"));
      return;
    }
    analysis_->Committed();
    for (IngestEvent& e : pending_) {
      switch (e.kind) {
        case IngestEvent::Kind::kStored:
          ++summary_.stored;
          break;
        case IngestEvent::Kind::kKnown:
          ++summary_.known;
          break;
        case IngestEvent::Kind::kRevised:
          ++summary_.revised;
          break;
        default:
          break;
      }
      on_event_(e);
    }
    pending_.clear();
  }

  // Rolls the open transaction back after a failure `s`, reloads the
  // analysis state and reports one error for the documents lost.
  void Abort(const Status& s) {
    (void)store_.Rollback();
    open_ = false;
    Status reload = analysis_->Reload();
    Fail(s.WithContext(fmt::format("{} document(s) not stored", pending_.size())).At(input_));
    if (!reload.ok()) Fail(reload.WithContext("reloading the analysis state").At(input_));
    pending_.clear();
  }

  void Fail(const Status& s) {
    ++summary_.errors;
    IngestEvent e;
    e.kind = IngestEvent::Kind::kError;
    e.input = s.input();
    e.record = s.line();
    e.error = s;
    on_event_(e);
  }

  bool open() const { return open_; }

 private:
  Store& store_;
  pipeline::AnalysisState* analysis_;
  const IngestCallback& on_event_;
  IngestSummary& summary_;
  std::string input_;
  bool open_ = false;
  std::vector<IngestEvent> pending_;
};

}  // namespace

std::string DocumentKey(const RawDocument& raw, const Article& article) {
  if (!article.url.empty()) return article.url;
  if (raw.input == "-") {
    return fmt::format("stdin:{:016x}", XXH3_64bits(raw.bytes.data(), raw.bytes.size()));
  }
  std::string key = "file:" + AbsolutePath(raw.input);
  if (raw.record > 0) key += fmt::format("#{}", raw.record);
  return key;
}

IngestSummary IngestPaths(const std::vector<std::string>& paths, const Config& config, Store& store,
                          const IngestCallback& on_event) {
  Result<std::unique_ptr<const AnalysisResources>> analysis =
      AnalysisResources::Load(config.analyze);
  if (!analysis.ok()) {
    IngestSummary summary;
    summary.errors = 1;
    IngestEvent e;
    e.kind = IngestEvent::Kind::kError;
    e.error = analysis.status().WithContext("cannot load the analysis data (see --data-dir)");
    e.input = e.error.input();
    on_event(e);
    return summary;
  }
  return IngestPaths(paths, config, **analysis, store, on_event);
}

IngestSummary IngestPaths(const std::vector<std::string>& paths, const Config& config,
                          const AnalysisResources& analysis, Store& store,
                          const IngestCallback& on_event) {
  return pipeline::IngestDocuments(paths, nullptr, config, analysis, store, on_event);
}

IngestSummary pipeline::IngestDocuments(const std::vector<std::string>& paths, BufferInput* buffer,
                                        const Config& config, const AnalysisResources& analysis,
                                        Store& store, const IngestCallback& on_event,
                                        std::unique_ptr<AnalysisState>* kept_state) {
  IngestSummary summary;
  std::unique_ptr<AnalysisState> own_state;
  std::unique_ptr<AnalysisState>* state = kept_state != nullptr ? kept_state : &own_state;
  if (*state != nullptr && (*state)->broken()) state->reset();  // a failed reload: start over
  if (*state == nullptr) {
    Result<std::unique_ptr<AnalysisState>> loaded =
        AnalysisState::Load(analysis, store, config.stories);
    if (!loaded.ok()) {
      summary.errors = 1;
      IngestEvent e;
      e.kind = IngestEvent::Kind::kError;
      e.error = loaded.status().WithContext("cannot load the analysis state from the store");
      e.input = e.error.input();
      on_event(e);
      return summary;
    }
    *state = std::move(loaded).value();
  }
  InputBatch batch(store, state->get(), on_event, summary);
  // OPML lists are subscriptions, not articles: they go to the sources table.
  std::vector<std::string> document_paths;
  std::vector<std::string> opml_paths;
  for (const InputEntry& entry : ExpandInputs(paths)) {
    Result<DocFormat> format = entry.status.ok() && entry.path != "-"
                                   ? DetectInputFormat(entry.path, config.ingest)
                                   : Result<DocFormat>(DocFormat::kUnknown);
    (format.ok() && *format == DocFormat::kOpml ? opml_paths : document_paths)
        .push_back(entry.path);
  }
  if (!opml_paths.empty()) {
    summary.inputs += static_cast<int64_t>(opml_paths.size());
    const SubscribeSummary subscribed = Subscribe({}, opml_paths, config, CollectOptions(), store,
                                                  [&](const Status& s) { batch.Fail(s); });
    summary.sources_added += subscribed.added;
    summary.sources_known += subscribed.already;
  }
  auto on_start = [&](const std::string& input) {
    ++summary.inputs;
    batch.Start(input);
  };
  auto on_document = [&](const RawDocument& raw, Result<Article> article) {
    ++summary.documents;
    summary.bytes += static_cast<int64_t>(raw.bytes.size());
    if (!article.ok()) {
      batch.Fail(article.status());
      return;
    }
    for (const std::string& w : article->warnings) {
      ++summary.warnings;
      IngestEvent e;
      e.kind = IngestEvent::Kind::kWarning;
      e.input = raw.input;
      e.record = raw.record;
      e.warning = w;
      on_event(e);
    }
    if (!batch.open()) {
      batch.Start(raw.input);
      if (!batch.open()) return;
    }
    const std::string key =
        buffer != nullptr ? BufferDocumentKey(raw, *article) : DocumentKey(raw, *article);
    Result<PutResult> put = store.PutArticle(key, raw, *article);
    if (!put.ok()) {
      batch.Fail(put.status().At(raw.input, raw.record));
      return;
    }
    IngestEvent e;
    e.kind = pipeline::KindOf(put->outcome);
    e.input = raw.input;
    e.record = raw.record;
    e.article_id = put->article_id;
    e.revision = put->revision;
    e.title = article->title;
    e.bytes = static_cast<int64_t>(raw.bytes.size());
    batch.Add(std::move(e));
    if (Status s = (*state)->Add(*put, *article, FormatIsoUtc(std::time(nullptr))); !s.ok()) {
      batch.Abort(s.WithContext("storing the features of " + raw.input));
      return;
    }
    if (static_cast<int64_t>(batch.size()) >= config.commit_every) batch.Commit();
  };
  auto on_end = [&](const std::string& input, const std::string& skipped) {
    batch.Commit();
    if (!skipped.empty()) {
      IngestEvent e;
      e.kind = IngestEvent::Kind::kInfo;
      e.input = input;
      e.warning = skipped;
      on_event(e);
    }
  };
  auto on_error = [&](const Status& s) { batch.Fail(s); };
  if (buffer != nullptr) {
    ReadInput(buffer->name, *buffer->reader, config, on_start, on_document, on_end, on_error);
  } else {
    ForEachDocument(document_paths, config, on_start, on_document, on_end, on_error);
  }
  // Big stories whose summaries waited for more members are summarised
  // once, so that a run leaves every summary whole.
  if ((*state)->has_waiting_summaries()) {
    batch.Start(buffer != nullptr ? buffer->name : "story summaries");
    if (batch.open()) {
      if (Status s = (*state)->SettleSummaries(); !s.ok()) {
        batch.Abort(s.WithContext("summarising the stories that waited"));
      } else {
        batch.Commit();
      }
    }
  }
  return summary;
}

void ExtractPaths(const std::vector<std::string>& paths, const Config& config,
                  const std::function<void(const RawDocument&, const Article&)>& on_article,
                  const std::function<void(const Status&)>& on_error) {
  auto on_document = [&](const RawDocument& raw, Result<Article> article) {
    if (article.ok()) {
      on_article(raw, *article);
    } else {
      on_error(article.status());
    }
  };
  ForEachDocument(
      paths, config, [](const std::string&) {}, on_document,
      [](const std::string&, const std::string&) {}, on_error);
}

}  // namespace veille
