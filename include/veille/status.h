// Status and Result<T>: errors as values across module boundaries.
//
// A Status is a code, a message and the place the error happened (the input's
// name, plus a line, record or byte offset when known). An OK status carries no
// allocation. Result<T> holds either a T or a non-OK Status. Both are plain
// values: thread-compatible (distinct objects may be used from distinct threads).
#ifndef VEILLE_STATUS_H_
#define VEILLE_STATUS_H_

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace veille {

enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidInput,       // the input is malformed or not of a supported kind
  kNotFound,           // a requested item does not exist
  kCorruption,         // stored data or a compressed stream is damaged
  kIoError,            // the operating system refused a read or write
  kUnsupported,        // a valid input that this version cannot handle
  kResourceExhausted,  // a configured bound (size, count) was exceeded
  kInternal,           // a bug: an invariant did not hold
};

// Returns a short lowercase name for `code`, e.g. "invalid input".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message);

  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return {StatusCode::kInvalidInput, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {StatusCode::kUnsupported, std::move(msg)}; }
  static Status ResourceExhausted(std::string msg) {
    return {StatusCode::kResourceExhausted, std::move(msg)};
  }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // The reason, without the place. Empty for OK.
  const std::string& message() const;
  // Where it happened: an input name (path, URL or "-"), possibly empty.
  const std::string& input() const;
  // 1-based line or record number within the input; 0 when unknown.
  int64_t line() const { return rep_ ? rep_->line : 0; }

  // Returns a copy with the place set (the input's name and, if > 0, the line
  // or record number). Leaves an OK status OK.
  Status At(std::string input, int64_t line = 0) const;
  // Returns a copy whose message is prefixed with `context + ": "`.
  Status WithContext(std::string_view context) const;

  // "INPUT:LINE: message" (the place parts only when set), or "OK".
  std::string ToString() const;

 private:
  struct Rep {
    StatusCode code;
    std::string message;
    std::string input;
    int64_t line = 0;
  };
  std::unique_ptr<Rep> rep_;  // null means OK
};

// Holds a T or a non-OK Status. Constructing a Result from an OK Status is a
// programming error (it becomes kInternal).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) v_ = Status::Internal("Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: !ok() for a meaningful status; returns OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

  // REQUIRES: ok().
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace veille

#define VEILLE_STATUS_CONCAT_INNER_(a, b) a##b
#define VEILLE_STATUS_CONCAT_(a, b) VEILLE_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (a Status) is not OK.
#define VEILLE_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::veille::Status veille_status_ = (expr);        \
    if (!veille_status_.ok()) return veille_status_; \
  } while (0)

// Declares `lhs` from a Result's value, or returns its Status.
#define VEILLE_ASSIGN_OR_RETURN(lhs, rexpr) \
  VEILLE_ASSIGN_OR_RETURN_IMPL_(VEILLE_STATUS_CONCAT_(veille_result_, __LINE__), lhs, rexpr)
#define VEILLE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                  \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#endif  // VEILLE_STATUS_H_
