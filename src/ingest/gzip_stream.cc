// The gzip decoder behind NewGzipStream (covered by
// tests/ingest/byte_stream_test.cc). Two paths, one behaviour:
//  - a small input (the common case: one web page, one feed) is read whole
//    and inflated by libdeflate, about 2.6x zlib's speed on web pages;
//  - a large input, one whose output would be large, or one libdeflate
//    rejects goes through zlib's streaming inflate, in constant memory. zlib
//    is the reference: every error is worded by it, so a damaged input gives
//    the same bytes and the same error on either path.
// zlib runs with windowBits 16 + MAX_WBITS (gzip wrapper only: the caller has
// already seen the 1f 8b magic). When a member ends (Z_STREAM_END) and more
// input follows, inflateReset starts the next member, which must itself be a
// valid gzip member (trailing garbage is reported as corruption).
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/byte_stream.h"

namespace veille::ingest {
namespace {

// Streaming gzip decoding with zlib, in constant memory.
class ZlibGzipStream final : public ByteStream {
 public:
  static constexpr size_t kInputChunk = 64 << 10;

  explicit ZlibGzipStream(std::unique_ptr<ByteStream> compressed)
      : source_(std::move(compressed)), in_(new unsigned char[kInputChunk]) {
    std::memset(&zs_, 0, sizeof(zs_));
    if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
      status_ = Status::Internal("zlib inflateInit2 failed");
    } else {
      initialized_ = true;
    }
  }
  ~ZlibGzipStream() override {
    if (initialized_) inflateEnd(&zs_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    if (done_) return size_t{0};
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, UINT32_MAX));
    const uInt want = zs_.avail_out;
    while (zs_.avail_out == want) {
      if (zs_.avail_in == 0 && !source_eof_) {
        Result<size_t> got = source_->Read(reinterpret_cast<char*>(in_.get()), kInputChunk);
        if (!got.ok()) return Fail(got.status());
        if (*got == 0) {
          source_eof_ = true;
        } else {
          zs_.next_in = in_.get();
          zs_.avail_in = static_cast<uInt>(*got);
          read_total_ += *got;
        }
      }
      if (zs_.avail_in == 0 && source_eof_) {
        if (!in_member_) {
          done_ = true;
          break;
        }
        return Fail(Status::Corruption("truncated gzip stream (member " + std::to_string(member_) +
                                       " ends early at byte " + std::to_string(read_total_) + ")"));
      }
      if (!in_member_) {
        if (member_ > 0 && inflateReset(&zs_) != Z_OK) {
          return Fail(Status::Internal("zlib inflateReset failed"));
        }
        ++member_;
        in_member_ = true;
      }
      const int ret = inflate(&zs_, Z_NO_FLUSH);
      if (ret == Z_STREAM_END) {
        in_member_ = false;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        const char* reason = zs_.msg != nullptr ? zs_.msg : zError(ret);
        return Fail(Status::Corruption("corrupt gzip stream (member " + std::to_string(member_) +
                                       " at byte " + std::to_string(read_total_ - zs_.avail_in) +
                                       ": " + reason + ")"));
      }
    }
    return static_cast<size_t>(want - zs_.avail_out);
  }

 private:
  Status Fail(Status s) {
    status_ = std::move(s);
    return status_;
  }

  std::unique_ptr<ByteStream> source_;
  std::unique_ptr<unsigned char[]> in_;
  z_stream zs_;
  bool initialized_ = false;
  bool source_eof_ = false;
  bool in_member_ = false;
  bool done_ = false;
  int64_t member_ = 0;       // 1-based number of the current (or last) member
  uint64_t read_total_ = 0;  // compressed bytes read from source_
  Status status_;
};

// Inputs up to this size are read whole and tried with libdeflate...
constexpr size_t kWholeInputLimit = 4 << 20;
// ...as long as their output stays within this size.
constexpr size_t kWholeOutputLimit = 32 << 20;

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// A growable byte buffer that, unlike std::string, does not zero what it
// reserves: libdeflate writes every byte it reports.
class OutputBuffer {
 public:
  char* data() { return data_.get(); }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  void set_size(size_t n) { size_ = n; }
  // Grows the capacity to at least `n` (at least doubling it, never past
  // kWholeOutputLimit), keeping the first size() bytes.
  void Reserve(size_t n) {
    if (n <= capacity_) return;
    n = std::max(n, std::min(2 * capacity_, kWholeOutputLimit));
    std::unique_ptr<char[]> bigger(new char[n]);
    if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = n;
  }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// The ISIZE field of the member that ends `in` (its uncompressed size mod
// 2^32): the exact output size of a single-member input.
size_t TrailerSize(std::string_view in) {
  if (in.size() < 18) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data() + in.size() - 4);
  return static_cast<size_t>(p[0]) | static_cast<size_t>(p[1]) << 8 |
         static_cast<size_t>(p[2]) << 16 | static_cast<size_t>(p[3]) << 24;
}

// Inflates every member of `in` into *out with libdeflate. Returns false,
// with *out unspecified, when a member is damaged or truncated, carries a
// header CRC, or the output would exceed kWholeOutputLimit: the caller then
// decodes with zlib.
bool InflateWhole(std::string_view in, OutputBuffer* out) {
  // One decompressor per thread (it holds only tables, rebuilt per block).
  thread_local const std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> d(
      libdeflate_alloc_decompressor());
  if (d == nullptr) return false;
  out->set_size(0);
  size_t pos = 0;
  while (pos < in.size()) {
    // libdeflate skips a header CRC (FLG.FHCRC) without checking it: such a
    // rare member goes to zlib, which does.
    constexpr unsigned char kFlagHeaderCrc = 0x02;
    if (in.size() - pos > 3 && (static_cast<unsigned char>(in[pos + 3]) & kFlagHeaderCrc) != 0) {
      return false;
    }
    // First guess: the last member's ISIZE, exact when this member is the
    // last; a guess too small is doubled (the member decoded again).
    size_t guess = std::max<size_t>({TrailerSize(in), 4 * (in.size() - pos), 64 << 10});
    for (;;) {
      const size_t room = std::min(guess, kWholeOutputLimit - out->size());
      out->Reserve(out->size() + room);
      size_t used_in = 0, used_out = 0;
      const libdeflate_result r =
          libdeflate_gzip_decompress_ex(d.get(), in.data() + pos, in.size() - pos,
                                        out->data() + out->size(), room, &used_in, &used_out);
      if (r == LIBDEFLATE_SUCCESS) {
        out->set_size(out->size() + used_out);
        pos += used_in;
        break;
      }
      if (r != LIBDEFLATE_INSUFFICIENT_SPACE || out->size() + room >= kWholeOutputLimit) {
        return false;
      }
      guess = 2 * room;
    }
  }
  return true;
}

// NewGzipStream's stream: libdeflate over a small input read whole, else
// ZlibGzipStream.
class GzipStream final : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> compressed) : source_(std::move(compressed)) {}

  Result<size_t> Read(char* buf, size_t n) override {
    if (!started_) {
      started_ = true;
      Start();
    }
    if (streaming_ != nullptr) return streaming_->Read(buf, n);
    const size_t count = std::min(n, whole_.size() - pos_);
    if (count > 0) std::memcpy(buf, whole_.data() + pos_, count);
    pos_ += count;
    return count;
  }

  Result<size_t> AppendTo(std::string* out, size_t n) override {
    if (!started_) {
      started_ = true;
      Start();
    }
    if (streaming_ != nullptr) return streaming_->AppendTo(out, n);
    const size_t count = std::min(n, whole_.size() - pos_);
    out->append(whole_.data() + pos_, count);
    pos_ += count;
    return count;
  }

 private:
  // Reads up to kWholeInputLimit + 1 bytes into a string that is handed,
  // moved, to zlib when libdeflate does not decode it: about 4 MiB at most is
  // held for the input, never copied.
  void Start() {
    std::string in;
    size_t size = 0;
    Status read;
    while (size <= kWholeInputLimit) {
      if (size == in.size()) {
        // 64 KiB, doubled, the last step straight to kWholeInputLimit + 1:
        // each size at least twice the last, so that the string allocates
        // just that (a growth policy rounds a smaller step up to doubling).
        size_t next = in.empty() ? size_t{64} << 10 : 2 * in.size();
        if (next >= kWholeInputLimit) next = kWholeInputLimit + 1;
        in.resize(next);
      }
      Result<size_t> got = source_->Read(in.data() + size, in.size() - size);
      if (!got.ok()) {
        read = got.status();
        break;
      }
      if (*got == 0) break;
      size += *got;
    }
    in.resize(size);
    if (read.ok() && size <= kWholeInputLimit && InflateWhole(in, &whole_)) return;
    whole_ = OutputBuffer();
    // zlib re-reads what was read, then the rest (or the source's error).
    streaming_ =
        std::make_unique<ZlibGzipStream>(NewPrefixedStream(std::move(in), std::move(source_)));
  }

  std::unique_ptr<ByteStream> source_;
  bool started_ = false;
  OutputBuffer whole_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> streaming_;  // set when zlib decodes
};

}  // namespace

std::unique_ptr<ByteStream> NewGzipStream(std::unique_ptr<ByteStream> compressed) {
  return std::make_unique<GzipStream>(std::move(compressed));
}

}  // namespace veille::ingest
