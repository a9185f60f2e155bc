// DocumentBatch (document_batch.h). Tested through collect_pipeline_test.cc.
#include "pipeline/document_batch.h"

#include <ctime>

#include <fmt/format.h>

#include "common/iso_time.h"

namespace veille::pipeline {

Status DocumentBatch::EnsureState() {
  if (state_ != nullptr) return Status::Ok();
  if (analysis_ == nullptr) {
    VEILLE_ASSIGN_OR_RETURN(owned_analysis_, AnalysisResources::Load(analyze_options_));
    analysis_ = owned_analysis_.get();
  }
  VEILLE_ASSIGN_OR_RETURN(state_, AnalysisState::Load(*analysis_, store_, story_options_));
  return Status::Ok();
}

void DocumentBatch::Add(RawDocument raw, Article article) {
  FillFromContainer(raw, &article);
  for (const std::string& w : article.warnings) Warn(raw.input, raw.record, w);
  queued_.emplace_back(std::move(raw), std::move(article));
  if (static_cast<int64_t>(queued_.size()) >= max_size_) Flush();
}

void DocumentBatch::SettleSummaries() {
  if (state_ == nullptr || !state_->has_waiting_summaries()) return;
  if (Status s = store_.Begin(); !s.ok()) {
    Fail(s.WithContext("cannot start a transaction to summarise the stories that waited"));
    return;
  }
  Status s = state_->SettleSummaries();
  if (s.ok()) s = state_->Flush();
  if (s.ok()) s = store_.Commit();
  if (!s.ok()) {
    (void)store_.Rollback();
    Fail(s.WithContext("summarising the stories that waited"));
    if (Status reload = state_->Reload(); !reload.ok()) {
      Fail(reload.WithContext("reloading the analysis state"));
    }
    return;
  }
  state_->Committed();
}

void DocumentBatch::Flush() {
  if (queued_.empty()) return;
  std::vector<std::pair<RawDocument, Article>> queued = std::move(queued_);
  queued_.clear();
  if (Status s = EnsureState(); !s.ok()) {
    store_failed_ = true;
    Fail(s.WithContext(fmt::format("cannot load the analysis state, {} document(s) not stored",
                                   queued.size()))
             .At(queued.front().first.input));
    return;
  }
  if (Status s = store_.Begin(); !s.ok()) {
    store_failed_ = true;
    Fail(s.WithContext(
              fmt::format("cannot start a transaction, {} document(s) not stored", queued.size()))
             .At(queued.front().first.input));
    return;
  }
  std::vector<IngestEvent> pending;
  const std::string now = FormatIsoUtc(std::time(nullptr));
  // Rolls everything back after `s` and reloads the analysis state.
  auto abort = [&](const Status& s) {
    (void)store_.Rollback();
    store_failed_ = true;
    const Status reload = state_->Reload();
    Fail(s.WithContext(fmt::format("{} document(s) not stored", pending.size()))
             .At(queued.front().first.input));
    if (!reload.ok()) Fail(reload.WithContext("reloading the analysis state"));
  };
  for (auto& [raw, article] : queued) {
    Result<PutResult> put = store_.PutArticle(DocumentKey(raw, article), raw, article);
    if (!put.ok()) {
      store_failed_ = true;
      Fail(put.status().At(raw.input, raw.record));
      continue;
    }
    IngestEvent e;
    e.kind = KindOf(put->outcome);
    e.input = raw.input;
    e.record = raw.record;
    e.article_id = put->article_id;
    e.revision = put->revision;
    e.title = article.title;
    e.bytes = static_cast<int64_t>(raw.bytes.size());
    pending.push_back(std::move(e));
    if (Status s = state_->Add(*put, article, now); !s.ok()) {
      abort(s.WithContext("storing the features of " + raw.input));
      return;
    }
  }
  Status s = state_->Flush();
  if (s.ok()) s = store_.Commit();
  if (!s.ok()) {
    abort(s.WithContext("commit failed"));
    return;
  }
  state_->Committed();
  for (const IngestEvent& e : pending) {
    if (e.kind == IngestEvent::Kind::kStored) ++summary_.stored;
    if (e.kind == IngestEvent::Kind::kKnown) ++summary_.known;
    if (e.kind == IngestEvent::Kind::kRevised) ++summary_.revised;
    on_event_(e);
  }
}

void DocumentBatch::Fail(const Status& status) {
  ++summary_.errors;
  IngestEvent e;
  e.kind = IngestEvent::Kind::kError;
  e.input = status.input();
  e.record = status.line();
  e.error = status;
  on_event_(e);
}

void DocumentBatch::Warn(const std::string& input, int64_t record, const std::string& warning) {
  ++summary_.warnings;
  IngestEvent e;
  e.kind = IngestEvent::Kind::kWarning;
  e.input = input;
  e.record = record;
  e.warning = warning;
  on_event_(e);
}

}  // namespace veille::pipeline
