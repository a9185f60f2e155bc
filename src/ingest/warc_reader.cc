// WARC records to RawDocuments (tests: tests/ingest/warc_reader_test.cc).
//
// A WARC file is a sequence of records, each "WARC/1.x" CRLF, header fields,
// CRLF, then exactly Content-Length bytes of block, then CRLF CRLF (ISO
// 28500, sections 4-6). The reader pulls bytes through a small window
// (Window: 64 KiB reads, compacted as it goes) and holds at most one block:
// blocks of records that cannot become documents are discarded as they
// stream past when larger than the document bound. Content-Length is the
// only framing, so it is checked: after the block must come CRLF CRLF and
// then either the end or the next "WARC/" line. When it does not, the length
// lied; the record is dropped with an error and the reader resynchronises
// on the next line starting with "WARC/1.": first inside the dropped block
// (a length too long swallowed the next record), then in the bytes that
// follow (a length too short left the reader inside the payload). Response
// payloads go through warc_http.h (status, headers, chunked, gzip/deflate).
// Cost: linear in the archive; memory O(max_document_bytes).
#include "ingest/warc_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <utility>

#include "common/iso_time.h"
#include "common/rfc822_time.h"
#include "ingest/byte_size.h"
#include "ingest/format_detect.h"
#include "ingest/warc_http.h"

namespace veille::ingest {
namespace {

constexpr size_t kChunk = 64 << 10;
constexpr size_t kMaxHeaderBytes = 64 << 10;
constexpr std::string_view kMagic = "WARC/1.";

// Why a record was skipped; the order of Skipped()'s output.
enum Skip : int {
  kWarcinfo,
  kRequest,
  kMetadata,
  kRevisit,
  kConversion,
  kContinuation,
  kOtherType,
  kNonHttp,
  kNon2xx,
  kNonHtml,
  kNonHtmlResource,
  kSkipKinds
};
constexpr std::string_view kSkipNames[kSkipKinds] = {
    "warcinfo records",   "request records",      "metadata records",        "revisit records",
    "conversion records", "continuation records", "records of unknown type", "non-HTTP responses",
    "non-2xx responses",  "non-HTML responses",   "non-HTML resources"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// A pull window over a ByteStream with push-back, for framing.
class Window {
 public:
  explicit Window(std::unique_ptr<ByteStream> stream) : stream_(std::move(stream)) {}

  // Ensures at least `n` bytes are buffered, unless the stream ends first.
  // Returns the stream's error, if any.
  Status Want(size_t n) {
    while (size() < n && !eof_) {
      if (pos_ > 0 && pos_ >= buf_.size() / 2) {
        buf_.erase(0, pos_);
        pos_ = 0;
      }
      const size_t old = buf_.size();
      buf_.resize(old + kChunk);
      Result<size_t> got = stream_->Read(buf_.data() + old, kChunk);
      buf_.resize(old + (got.ok() ? *got : 0));
      if (!got.ok()) return got.status();
      if (*got == 0) eof_ = true;
    }
    return Status::Ok();
  }
  size_t size() const { return buf_.size() - pos_; }
  std::string_view view() const { return std::string_view(buf_).substr(pos_); }
  void Skip(size_t n) { pos_ += n; }
  bool AtEnd() const { return eof_ && size() == 0; }
  // Puts `bytes` back in front of the unread bytes.
  void Unread(std::string_view bytes) {
    buf_ = std::string(bytes) + std::string(view());
    pos_ = 0;
  }
  // Moves `n` bytes (or fewer at the end) to *out (appending), or discards
  // them when out is null. Returns the number moved, or the stream's error.
  Result<size_t> Take(size_t n, std::string* out) {
    size_t done = 0;
    while (done < n) {
      VEILLE_RETURN_IF_ERROR(Want(1));
      if (size() == 0) break;
      const size_t k = std::min(n - done, size());
      if (out != nullptr) out->append(view().substr(0, k));
      Skip(k);
      done += k;
    }
    return done;
  }

 private:
  std::unique_ptr<ByteStream> stream_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

class WarcReader final : public DocumentReader {
 public:
  WarcReader(std::string input, std::unique_ptr<ByteStream> stream, size_t max_bytes)
      : input_(std::move(input)), window_(std::move(stream)), max_bytes_(max_bytes) {}

  Result<bool> Next(RawDocument* doc) override;
  std::vector<SkipCount> Skipped() const override {
    std::vector<SkipCount> out;
    for (int i = 0; i < kSkipKinds; ++i) {
      if (skipped_[i] > 0) out.push_back({std::string(kSkipNames[i]), skipped_[i]});
    }
    return out;
  }

 private:
  // One record's header fields, names lowercased.
  struct Header {
    std::vector<std::pair<std::string, std::string>> fields;
    std::string_view Get(std::string_view name) const {
      for (const auto& [k, v] : fields) {
        if (k == name) return v;
      }
      return {};
    }
  };

  Status ReadHeader(Header* header);
  Status CheckBoundary(size_t length);
  // Moves to the next line starting with "WARC/1.", looking first inside
  // `dropped_block`; `at_line_start` tells whether the unread bytes start a
  // line. Returns false at the end of the input.
  bool Resync(std::string_view dropped_block, bool at_line_start);
  // Fills *doc from a page record, or counts a skipped one and returns false.
  // With `head_only`, `block` is the first bytes of a larger block: only
  // whether it is a page is decided (true), *doc is left alone.
  Result<bool> MakeDocument(const Header& header, std::string block, RawDocument* doc,
                            bool head_only);
  Status Error(Status s) const { return s.At(input_, record_); }
  Status StreamError(const Status& s) {
    done_ = true;
    return s.input().empty() ? s.At(input_, record_) : s;
  }

  const std::string input_;
  Window window_;
  const size_t max_bytes_;
  int64_t record_ = 0;
  std::array<int64_t, kSkipKinds> skipped_{};
  bool done_ = false;
};

// Reads "WARC/1.x" and the header fields up to the blank line.
Status WarcReader::ReadHeader(Header* header) {
  std::string_view v = window_.view();
  size_t end = std::string_view::npos;
  for (size_t want = 512;; want *= 2) {
    VEILLE_RETURN_IF_ERROR(window_.Want(std::min(want, kMaxHeaderBytes + 4)));
    v = window_.view();
    end = v.find("\r\n\r\n");
    size_t lf_end = v.find("\n\n");
    if (lf_end != std::string_view::npos && (end == std::string_view::npos || lf_end < end)) {
      end = lf_end;
    }
    if (end != std::string_view::npos || want > kMaxHeaderBytes || v.size() < want) break;
  }
  const size_t first_eol = v.find('\n');
  std::string_view first = Trim(v.substr(0, first_eol));
  if (!first.starts_with(kMagic)) {
    std::string shown(first.substr(0, 40));
    for (char& c : shown) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
    }
    window_.Skip(first_eol == std::string_view::npos ? v.size() : first_eol + 1);
    return Status::InvalidInput("expected a WARC/1.x record header, found \"" + shown + "\"");
  }
  if (end == std::string_view::npos) {
    // Past the "WARC/1." line (or all of it when it has no end), so that
    // resynchronisation moves on.
    window_.Skip(first_eol == std::string_view::npos ? v.size() : first_eol + 1);
    return Status::InvalidInput(v.size() > kMaxHeaderBytes
                                    ? "WARC header longer than " + FormatByteSize(kMaxHeaderBytes)
                                    : "WARC header cut short by the end of the input");
  }
  const std::string_view head = v.substr(first_eol + 1, end - first_eol - 1);
  const size_t consumed = end + (v.substr(end, 4) == "\r\n\r\n" ? 4 : 2);
  size_t pos = 0;
  while (pos < head.size()) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view line = head.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line.front() == ' ' || line.front() == '\t') && !header->fields.empty()) {
      header->fields.back().second.append(" ").append(Trim(line));
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      window_.Skip(first_eol + 1);
      return Status::InvalidInput("malformed WARC header line \"" +
                                  std::string(line.substr(0, 40)) + "\"");
    }
    header->fields.emplace_back(Lower(Trim(line.substr(0, colon))),
                                std::string(Trim(line.substr(colon + 1))));
  }
  window_.Skip(consumed);
  return Status::Ok();
}

// After a block: CRLF CRLF, then the end or the next record.
Status WarcReader::CheckBoundary(size_t length) {
  VEILLE_RETURN_IF_ERROR(window_.Want(4 + 64 + kMagic.size()));
  std::string_view v = window_.view();
  size_t i = 0;
  if (v.starts_with("\r\n\r\n")) {
    i = 4;
  } else if (v.starts_with("\n\n")) {
    i = 2;
  } else if (v.empty()) {
    i = 0;  // a missing trailer at the very end: tolerated
  } else {
    return Status::InvalidInput("declared Content-Length " + std::to_string(length) +
                                " does not end at a record boundary");
  }
  while (i < v.size() && (v[i] == '\r' || v[i] == '\n')) ++i;  // extra blank lines
  const std::string_view rest = v.substr(i);
  if (!rest.empty() && !rest.starts_with("WARC/")) {
    return Status::InvalidInput("declared Content-Length " + std::to_string(length) +
                                " does not end at a record boundary");
  }
  window_.Skip(i);
  return Status::Ok();
}

bool WarcReader::Resync(std::string_view dropped_block, bool at_line_start) {
  for (size_t at = dropped_block.find(kMagic, 1); at != std::string_view::npos;
       at = dropped_block.find(kMagic, at + 1)) {
    if (dropped_block[at - 1] == '\n') {
      window_.Unread(dropped_block.substr(at));
      return true;
    }
  }
  bool line_start = at_line_start;
  for (;;) {
    if (!window_.Want(kMagic.size() + 1).ok()) return false;
    const std::string_view v = window_.view();
    if (v.size() < kMagic.size()) return false;
    for (size_t i = 0; i + kMagic.size() <= v.size(); ++i) {
      if ((i > 0 ? v[i - 1] == '\n' : line_start) && v.substr(i, kMagic.size()) == kMagic) {
        window_.Skip(i);
        return true;
      }
    }
    const size_t keep = kMagic.size();
    if (v.size() <= keep) return false;
    line_start = v[v.size() - keep - 1] == '\n';
    window_.Skip(v.size() - keep);
  }
}

Result<bool> WarcReader::Next(RawDocument* doc) {
  while (!done_) {
    // Blank lines between records are tolerated.
    for (;;) {
      if (Status s = window_.Want(1); !s.ok()) return StreamError(s);
      const std::string_view v = window_.view();
      size_t i = 0;
      while (i < v.size() && (v[i] == '\r' || v[i] == '\n')) ++i;
      window_.Skip(i);
      if (i == 0 || window_.AtEnd()) break;
    }
    if (window_.AtEnd()) {
      done_ = true;
      return false;
    }
    ++record_;
    Header header;
    if (Status s = ReadHeader(&header); !s.ok()) {
      if (s.code() == StatusCode::kIoError || s.code() == StatusCode::kCorruption) {
        return StreamError(s);
      }
      if (!Resync({}, true)) done_ = true;
      return Error(s);
    }
    const std::string_view length_text = header.Get("content-length");
    size_t length = 0;
    bool length_ok = !length_text.empty() && length_text.size() <= 15;
    for (char c : length_text) {
      if (c < '0' || c > '9') length_ok = false;
      if (length_ok) length = length * 10 + static_cast<size_t>(c - '0');
    }
    if (!length_ok) {
      if (!Resync({}, true)) done_ = true;
      return Error(Status::InvalidInput(length_text.empty() ? "missing Content-Length"
                                                            : "malformed Content-Length \"" +
                                                                  std::string(length_text) + "\""));
    }
    const std::string type = Lower(header.Get("warc-type"));
    const bool may_be_page = type == "response" || type == "resource";
    // A block larger than the bound is not held: its first bytes are kept
    // (to tell a page from an image by its HTTP head) and the rest discarded.
    std::string block;
    const bool keep = length <= max_bytes_;
    const size_t held = keep ? length : std::min(length, kMaxHeaderBytes);
    Result<size_t> got = window_.Take(held, &block);
    if (got.ok() && !keep) {
      Result<size_t> rest = window_.Take(length - held, nullptr);
      got = rest.ok() ? Result<size_t>(*got + *rest) : rest;
    }
    if (!got.ok()) return StreamError(got.status());
    if (*got < length) {
      done_ = true;
      return Error(Status::InvalidInput("declared Content-Length " + std::to_string(length) +
                                        " runs past the end of the input (" + std::to_string(*got) +
                                        " bytes left)"));
    }
    if (Status s = CheckBoundary(length); !s.ok()) {
      if (s.code() != StatusCode::kInvalidInput) return StreamError(s);
      if (!Resync(block, false)) done_ = true;
      return Error(s);
    }
    if (!may_be_page) {
      Skip kind = kOtherType;
      if (type == "warcinfo") kind = kWarcinfo;
      if (type == "request") kind = kRequest;
      if (type == "metadata") kind = kMetadata;
      if (type == "revisit") kind = kRevisit;
      if (type == "conversion") kind = kConversion;
      if (type == "continuation") kind = kContinuation;
      ++skipped_[kind];
      continue;
    }
    if (!keep) {
      // Classified from its head; a page that large is an error, anything
      // else (a video, an archive) is skipped and counted like a small one.
      Result<bool> page = MakeDocument(header, std::move(block), doc, /*head_only=*/true);
      if (!page.ok() || !*page) continue;
      return Error(Status::ResourceExhausted("record exceeds the " + FormatByteSize(max_bytes_) +
                                             " limit (" + std::to_string(length) + " bytes)"));
    }
    Result<bool> made = MakeDocument(header, std::move(block), doc, false);
    if (!made.ok()) return Error(made.status());
    if (*made) return true;
  }
  return false;
}

Result<bool> WarcReader::MakeDocument(const Header& header, std::string block, RawDocument* doc,
                                      bool head_only) {
  const std::string type = Lower(header.Get("warc-type"));
  const std::string record_type = MediaType(header.Get("content-type"));
  std::string content_type;
  int status = 0;
  std::string last_modified;
  if (type == "response") {
    if (record_type != "application/http") {
      ++skipped_[kNonHttp];
      return false;
    }
    Result<HttpResponse> http = ParseHttpResponseHead(block);
    if (!http.ok()) return http.status();
    status = http->status;
    if (status < 200 || status > 299) {
      ++skipped_[kNon2xx];
      return false;
    }
    content_type = std::string(http->Header("content-type"));
    block.erase(0, http->body_offset);
    const std::string media = MediaType(content_type);
    if (head_only) {
      const bool html = media == "text/html" || media == "application/xhtml+xml" || media.empty();
      if (!html) ++skipped_[kNonHtml];
      return html;
    }
    VEILLE_RETURN_IF_ERROR(DecodeHttpBody(*http, max_bytes_, &block));
    const bool html = media == "text/html" || media == "application/xhtml+xml" ||
                      (media.empty() && DetectFormat(block, "") == DocFormat::kHtml);
    if (!html) {
      ++skipped_[kNonHtml];
      return false;
    }
    if (Result<std::string> lm = NormalizeRfc822Time(http->Header("last-modified")); lm.ok()) {
      last_modified = *lm;
    }
  } else {
    if (record_type != "text/html" && record_type != "application/xhtml+xml") {
      ++skipped_[kNonHtmlResource];
      return false;
    }
    content_type = std::string(header.Get("content-type"));
  }
  if (head_only) return true;
  *doc = RawDocument{};
  doc->input = input_;
  doc->record = record_;
  doc->format = DocFormat::kHtml;
  doc->bytes = std::move(block);
  std::string_view uri = Trim(header.Get("warc-target-uri"));
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
    uri = uri.substr(1, uri.size() - 2);
  doc->url = std::string(uri);
  doc->content_type = std::move(content_type);
  doc->http_status = status;
  if (Result<std::string> date = NormalizeIsoTime(header.Get("warc-date")); date.ok()) {
    doc->fetched_at = *date;
  }
  nlohmann::json extra = nlohmann::json::object();
  if (const std::string_view id = header.Get("warc-record-id"); !id.empty()) {
    extra["warc_record_id"] = std::string(id);
  }
  extra["warc_type"] = type;
  if (!last_modified.empty()) extra["last_modified"] = last_modified;
  doc->extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return true;
}

}  // namespace

std::unique_ptr<DocumentReader> NewWarcReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              const IngestOptions& options) {
  return std::make_unique<WarcReader>(std::move(input), std::move(stream),
                                      options.max_document_bytes);
}

}  // namespace veille::ingest
