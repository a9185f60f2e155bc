#include "ingest/line_reader.h"

#include <cstring>
#include <utility>

namespace veille::ingest {
namespace {
constexpr size_t kBufferBytes = 64 << 10;
}  // namespace

LineReader::LineReader(std::unique_ptr<ByteStream> stream, size_t max_line_bytes)
    : stream_(std::move(stream)), max_line_bytes_(max_line_bytes), buf_(kBufferBytes, '\0') {}

bool LineReader::Fill() {
  pos_ = end_ = 0;
  Result<size_t> got = stream_->Read(buf_.data(), buf_.size());
  if (!got.ok()) {
    failed_ = true;
    status_ = got.status();
    return false;
  }
  if (*got == 0) {
    at_end_ = true;
    return false;
  }
  end_ = *got;
  return true;
}

Result<bool> LineReader::Next(std::string* line) {
  line->clear();
  if (at_end_ || failed_) return false;
  bool started = false;  // a byte of this line (or its terminator) was seen
  bool too_long = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (failed_) {
        if (!started) ++line_number_;  // the error belongs to the line being read
        line->clear();
        return std::exchange(status_, Status());
      }
      break;  // end of stream: a last unterminated line, or nothing
    }
    if (!started) {
      started = true;
      ++line_number_;
    }
    const char* begin = buf_.data() + pos_;
    const void* nl = std::memchr(begin, '\n', end_ - pos_);
    const size_t count = nl ? static_cast<const char*>(nl) - begin : end_ - pos_;
    if (!too_long) {
      // Allow one extra byte for a "\r" that may precede the "\n".
      if (line->size() + count > max_line_bytes_ + 1) {
        too_long = true;
        std::string().swap(*line);
      } else {
        line->append(begin, count);
      }
    }
    pos_ += count;
    if (nl != nullptr) {
      ++pos_;
      break;
    }
  }
  if (!started) return false;
  if (!too_long && !line->empty() && line->back() == '\r') line->pop_back();
  if (too_long || line->size() > max_line_bytes_) {
    line->clear();
    return Status::ResourceExhausted("line exceeds the limit of " +
                                     std::to_string(max_line_bytes_) + " bytes");
  }
  return true;
}

}  // namespace veille::ingest
