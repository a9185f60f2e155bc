// ByteStream implementations: POSIX file/stdin, memory, prefix + rest, gzip.
// The gzip decoder (covered by tests/ingest/byte_stream_test.cc) runs zlib's
// inflate with windowBits 16 + MAX_WBITS (gzip wrapper only: the caller has
// already seen the 1f 8b magic). When a member ends (Z_STREAM_END) and more
// input follows, inflateReset starts the next member, which must itself be a
// valid gzip member (trailing garbage is reported as corruption).
#include "ingest/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace veille::ingest {
namespace {

std::string ErrnoText(int err) { return std::error_code(err, std::generic_category()).message(); }

class FileStream final : public ByteStream {
 public:
  FileStream(int fd, bool owned, std::string path)
      : fd_(fd), owned_(owned), path_(std::move(path)) {}
  ~FileStream() override {
    if (owned_) ::close(fd_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    for (;;) {
      const ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) {
        offset_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (errno == EINTR) continue;
      const int err = errno;
      status_ = (err == EISDIR ? Status::InvalidInput("is a directory")
                               : Status::IoError("read failed at byte " + std::to_string(offset_) +
                                                 ": " + ErrnoText(err)))
                    .At(path_);
      return status_;
    }
  }

 private:
  const int fd_;
  const bool owned_;
  const std::string path_;
  uint64_t offset_ = 0;
  Status status_;
};

class MemoryStream final : public ByteStream {
 public:
  MemoryStream(std::string data, size_t max_chunk) : data_(std::move(data)), max_chunk_(max_chunk) {
    assert(max_chunk_ > 0);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    const size_t count = std::min({n, max_chunk_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, count);
    pos_ += count;
    return count;
  }

 private:
  const std::string data_;
  const size_t max_chunk_;
  size_t pos_ = 0;
};

class PrefixedStream final : public ByteStream {
 public:
  PrefixedStream(std::string prefix, std::unique_ptr<ByteStream> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}

  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      const size_t count = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, count);
      pos_ += count;
      if (pos_ == prefix_.size()) {
        prefix_ = std::string();  // release the memory
        pos_ = 0;
      }
      return count;
    }
    return rest_->Read(buf, n);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> rest_;
};

class GzipStream final : public ByteStream {
 public:
  static constexpr size_t kInputChunk = 64 << 10;

  explicit GzipStream(std::unique_ptr<ByteStream> compressed)
      : source_(std::move(compressed)), in_(new unsigned char[kInputChunk]) {
    std::memset(&zs_, 0, sizeof(zs_));
    if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
      status_ = Status::Internal("zlib inflateInit2 failed");
    } else {
      initialized_ = true;
    }
  }
  ~GzipStream() override {
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

}  // namespace

Result<std::unique_ptr<ByteStream>> OpenFileStream(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteStream>(new FileStream(STDIN_FILENO, false, path));
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    const int err = errno;
    const std::string why = "cannot open: " + ErrnoText(err);
    return (err == ENOENT || err == ENOTDIR ? Status::NotFound(why) : Status::IoError(why))
        .At(path);
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InvalidInput("is a directory").At(path);
  }
  return std::unique_ptr<ByteStream>(new FileStream(fd, true, path));
}

std::unique_ptr<ByteStream> NewMemoryStream(std::string data, size_t max_chunk) {
  return std::make_unique<MemoryStream>(std::move(data), max_chunk);
}

std::unique_ptr<ByteStream> NewPrefixedStream(std::string prefix,
                                              std::unique_ptr<ByteStream> rest) {
  return std::make_unique<PrefixedStream>(std::move(prefix), std::move(rest));
}

std::unique_ptr<ByteStream> NewGzipStream(std::unique_ptr<ByteStream> compressed) {
  return std::make_unique<GzipStream>(std::move(compressed));
}

bool HasGzipMagic(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

Status ReadHead(ByteStream& stream, size_t n, std::string* out) {
  out->assign(n, '\0');
  size_t have = 0;
  while (have < n) {
    Result<size_t> got = stream.Read(out->data() + have, n - have);
    if (!got.ok()) {
      out->resize(have);
      return got.status();
    }
    if (*got == 0) break;
    have += *got;
  }
  out->resize(have);
  return Status::Ok();
}

}  // namespace veille::ingest
