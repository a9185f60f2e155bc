// ByteStream implementations: POSIX file/stdin, memory, prefix + rest. The
// gzip decoder is in gzip_stream.cc.
#include "ingest/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

  Result<size_t> AppendTo(std::string* out, size_t n) override {
    const size_t count = std::min({n, max_chunk_, data_.size() - pos_});
    out->append(data_, pos_, count);
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

  Result<size_t> AppendTo(std::string* out, size_t n) override {
    if (pos_ < prefix_.size()) {
      const size_t count = std::min(n, prefix_.size() - pos_);
      out->append(prefix_, pos_, count);
      pos_ += count;
      if (pos_ == prefix_.size()) {
        prefix_ = std::string();  // release the memory
        pos_ = 0;
      }
      return count;
    }
    return rest_->AppendTo(out, n);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> rest_;
};

}  // namespace

Result<size_t> ByteStream::AppendTo(std::string* out, size_t n) {
  const size_t old_size = out->size();
  out->resize(old_size + std::min(n, kAppendChunk));
  Result<size_t> got = Read(out->data() + old_size, out->size() - old_size);
  out->resize(old_size + (got.ok() ? *got : 0));
  return got;
}

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

bool HasGzipMagic(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

Status ReadHead(ByteStream& stream, size_t n, std::string* out) {
  // Grown as bytes come: a caller may allow far more than a stream holds
  // (the gzip reader asks for 4 MiB of a page's few KiB).
  out->clear();
  while (out->size() < n) {
    Result<size_t> got = stream.AppendTo(out, n - out->size());
    if (!got.ok()) return got.status();
    if (*got == 0) break;
  }
  return Status::Ok();
}

}  // namespace veille::ingest
