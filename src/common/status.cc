#include "veille/status.h"

#include <string>

namespace veille {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidInput:
      return "invalid input";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kCorruption:
      return "corruption";
    case StatusCode::kIoError:
      return "I/O error";
    case StatusCode::kUnsupported:
      return "unsupported";
    case StatusCode::kResourceExhausted:
      return "resource exhausted";
    case StatusCode::kInternal:
      return "internal error";
  }
  return "unknown";
}

Status::Status(StatusCode code, std::string message) {
  if (code == StatusCode::kOk) return;
  rep_ = std::make_unique<Rep>(Rep{code, std::move(message), {}, 0});
}

Status::Status(const Status& other)
    : rep_(other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
  return *this;
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return rep_ ? rep_->message : kEmpty;
}

const std::string& Status::input() const {
  static const std::string kEmpty;
  return rep_ ? rep_->input : kEmpty;
}

Status Status::At(std::string input, int64_t line) const {
  Status s(*this);
  if (s.rep_) {
    s.rep_->input = std::move(input);
    if (line > 0) s.rep_->line = line;
  }
  return s;
}

Status Status::WithContext(std::string_view context) const {
  Status s(*this);
  if (s.rep_) s.rep_->message = std::string(context) + ": " + s.rep_->message;
  return s;
}

std::string Status::ToString() const {
  if (!rep_) return "OK";
  std::string out;
  if (!rep_->input.empty()) {
    out += rep_->input;
    if (rep_->line > 0) out += ":" + std::to_string(rep_->line);
    out += ": ";
  }
  out += rep_->message;
  return out;
}

}  // namespace veille
