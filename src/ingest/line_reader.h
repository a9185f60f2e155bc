// LineReader: splits a ByteStream into lines of bounded length, in memory
// bounded by the line limit plus one 64 KiB buffer whatever the input size.
// A line longer than the limit is reported and skipped without being held.
// Used from one thread at a time.
#ifndef VEILLE_INGEST_LINE_READER_H_
#define VEILLE_INGEST_LINE_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "veille/status.h"

namespace veille::ingest {

class LineReader {
 public:
  // Reads lines from `stream`; a line may hold at most `max_line_bytes` bytes
  // (not counting its "\n" or "\r\n" terminator).
  LineReader(std::unique_ptr<ByteStream> stream, size_t max_line_bytes);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into *line (replacing it, without its terminator; a
  // last line without "\n" is returned too). Returns true when a line was read,
  // false at the end of the stream, kResourceExhausted for a line over the
  // limit (the line is skipped: the next call reads the line after it), or the
  // stream's error, once: the partial line is dropped and later calls return
  // false.
  Result<bool> Next(std::string* line);

  // 1-based number of the line last returned (or skipped, or being read when
  // the stream failed); 0 before the first call.
  int64_t line_number() const { return line_number_; }

 private:
  // Refills buf_ from the stream. Returns false (and sets at_end_/status_) at
  // the end or on error.
  bool Fill();

  std::unique_ptr<ByteStream> stream_;
  const size_t max_line_bytes_;
  std::string buf_;
  size_t pos_ = 0;  // next unread byte of buf_
  size_t end_ = 0;  // end of the valid bytes of buf_
  bool at_end_ = false;
  bool failed_ = false;
  Status status_;
  int64_t line_number_ = 0;
};

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_LINE_READER_H_
