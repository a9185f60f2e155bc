// ByteStream: a small pull interface over the bytes of one input (a file,
// standard input, memory, or a gzip decoder wrapping another stream), so that
// readers see plain bytes in bounded memory whatever the source.
// A stream is used from one thread at a time; distinct streams are independent.
#ifndef VEILLE_INGEST_BYTE_STREAM_H_
#define VEILLE_INGEST_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille::ingest {

class ByteStream {
 public:
  ByteStream() = default;
  ByteStream(const ByteStream&) = delete;  // streams own descriptors and decoder state
  ByteStream& operator=(const ByteStream&) = delete;
  virtual ~ByteStream() = default;

  // Reads up to `n` bytes into buf[0, n). Returns the number of bytes read,
  // which is 0 only at the end of the stream (REQUIRES: n > 0), or an error
  // (kIoError, kCorruption). After an error the stream is failed and every
  // further call returns the same error.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;

  // Appends up to `n` bytes to *out, as Read would give them (REQUIRES:
  // n > 0). Returns the number appended, 0 only at the end, or Read's
  // error (*out then unchanged). The default reads through Read, at most
  // kAppendChunk bytes a call, into space that it zeroes first; a stream
  // that holds its bytes in memory appends them all at once, copying each
  // byte once.
  virtual Result<size_t> AppendTo(std::string* out, size_t n);

  static constexpr size_t kAppendChunk = 64 << 10;
};

// Opens a file for reading, or standard input for "-" (not closed at the end).
// Returns kNotFound when the path does not exist, kInvalidInput "is a
// directory" for a directory, kIoError for other failures; the status names
// the path. Reads retry on EINTR.
Result<std::unique_ptr<ByteStream>> OpenFileStream(const std::string& path);

// A stream over `data`, held by the stream. Each Read returns at most
// `max_chunk` bytes (tests use small chunks to exercise buffer boundaries).
// REQUIRES: max_chunk > 0.
std::unique_ptr<ByteStream> NewMemoryStream(std::string data, size_t max_chunk = SIZE_MAX);

// Yields `prefix` and then the bytes of `rest`: lets a caller sniff the first
// bytes of a stream and hand the whole stream on.
std::unique_ptr<ByteStream> NewPrefixedStream(std::string prefix, std::unique_ptr<ByteStream> rest);

// Decodes gzip data read from `compressed` (RFC 1952). Concatenated members are
// decoded one after the other, as gzip(1) does. A member cut short yields
// kCorruption "truncated gzip stream (member N ends early at byte X)"; damaged
// data yields kCorruption "corrupt gzip stream (member N at byte X: reason)",
// X being the offset in the compressed input. An input of at most 4 MiB whose
// output fits in 32 MiB is read and decoded whole (libdeflate, the fast
// path); any other input streams through zlib in constant memory (its state
// plus a 64 KiB input buffer) whatever the expansion ratio. Both paths give
// the same bytes, and every error comes from zlib. The whole read means the
// first bytes of a small input arrive only once all of it has (a slow gzip
// pipe on stdin is read to its end or to 4 MiB first).
std::unique_ptr<ByteStream> NewGzipStream(std::unique_ptr<ByteStream> compressed);

// True when `head` starts with the gzip magic bytes 1f 8b.
bool HasGzipMagic(std::string_view head);

// Reads from `stream` until `n` bytes or the end, into *out (replacing it).
// Reads through AppendTo. Returns the stream's error, if any; *out then
// holds the bytes read before it.
Status ReadHead(ByteStream& stream, size_t n, std::string* out);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_BYTE_STREAM_H_
