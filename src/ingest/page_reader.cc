#include "ingest/page_reader.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <utility>

#include "ingest/byte_size.h"

namespace veille::ingest {
namespace {

bool IsBlankPage(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return std::all_of(bytes.begin(), bytes.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

class PageReader final : public DocumentReader {
 public:
  PageReader(std::string input, std::unique_ptr<ByteStream> stream, DocFormat format,
             size_t max_bytes)
      : input_(std::move(input)),
        stream_(std::move(stream)),
        format_(format),
        max_bytes_(max_bytes) {
    assert(format_ == DocFormat::kHtml || format_ == DocFormat::kText);
  }

  Result<bool> Next(RawDocument* doc) override {
    if (done_) return false;
    done_ = true;
    std::string bytes;
    for (;;) {
      // Ask for up to one byte more than the limit allows, to see whether it is crossed.
      const size_t room = max_bytes_ - bytes.size();
      Result<size_t> got = stream_->AppendTo(&bytes, room < SIZE_MAX ? room + 1 : room);
      if (!got.ok()) return got.status().input().empty() ? got.status().At(input_) : got.status();
      if (*got == 0) break;
      if (bytes.size() > max_bytes_) {
        return Status::ResourceExhausted("document exceeds the " + FormatByteSize(max_bytes_) +
                                         " limit (more than " + std::to_string(max_bytes_) +
                                         " bytes after decoding)")
            .At(input_);
      }
    }
    if (IsBlankPage(bytes)) return Status::InvalidInput("empty input").At(input_);
    *doc = RawDocument{};
    doc->input = input_;
    doc->record = 0;
    doc->format = format_;
    doc->bytes = std::move(bytes);
    return true;
  }

 private:
  const std::string input_;
  std::unique_ptr<ByteStream> stream_;
  const DocFormat format_;
  const size_t max_bytes_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentReader> NewPageReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              DocFormat format, const IngestOptions& options) {
  return std::make_unique<PageReader>(std::move(input), std::move(stream), format,
                                      options.max_document_bytes);
}

}  // namespace veille::ingest
