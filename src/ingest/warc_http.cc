// HTTP/1.x response heads and body codings, as WARC response records keep
// them (tests: tests/ingest/warc_reader_test.cc). RFC 9112 sections 4-7
// (status line, fields, chunked coding) and RFC 9110 section 8.4 (content
// codings). zlib inflates gzip (windowBits 16+15), zlib-wrapped deflate (15)
// and, as browsers accept it, raw deflate (-15); output is produced 64 KiB at
// a time and stops at the size bound, so a decompression bomb costs at most
// `max_bytes`.
#include "ingest/warc_http.h"

#include <zlib.h>

#include <cstring>

#include "ingest/byte_size.h"

namespace veille::ingest {
namespace {

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

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes a chunked body. Returns false when `in` is not chunked-shaped.
bool Dechunk(std::string_view in, size_t max_bytes, std::string* out, bool* too_big) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    const size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view line = Trim(in.substr(pos, eol - pos));
    line = line.substr(0, line.find(';'));  // chunk extensions
    if (line.empty() || line.size() > 15) return false;
    size_t size = 0;
    for (char c : line) {
      const int v = HexValue(c);
      if (v < 0) return false;
      size = size * 16 + static_cast<size_t>(v);
    }
    pos = eol + 1;
    if (size == 0) return true;  // trailer fields, if any, are ignored
    if (size > in.size() - pos) return false;
    if (out->size() + size > max_bytes) {
      *too_big = true;
      return false;
    }
    out->append(in.substr(pos, size));
    pos += size;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
}

constexpr int kTooBig = 100;  // not a zlib code

// Inflates `in` with zlib window bits `wbits`. Returns Z_OK on success (a
// truncated stream keeps what was decoded), kTooBig when the output bound is
// hit, Z_DATA_ERROR for bad data.
int Inflate(std::string_view in, int wbits, size_t max_bytes, std::string* out) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  if (inflateInit2(&zs, wbits) != Z_OK) return Z_MEM_ERROR;
  out->clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  char chunk[64 << 10];
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof(chunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof(chunk) - zs.avail_out;
    if (out->size() + produced > max_bytes) {
      rc = kTooBig;
      break;
    }
    out->append(chunk, produced);
    if (rc == Z_STREAM_END && zs.avail_in > 0 && (wbits & 16) != 0) {
      inflateReset(&zs);  // another gzip member
      rc = Z_OK;
    } else if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      rc = Z_STREAM_END;  // truncated: keep what was decoded
    }
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? Z_OK : rc;
}

}  // namespace

std::string_view HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

Result<HttpResponse> ParseHttpResponseHead(std::string_view message) {
  HttpResponse r;
  size_t eol = message.find('\n');
  if (eol == std::string_view::npos) return Status::InvalidInput("malformed HTTP status line");
  const std::string_view status_line = Trim(message.substr(0, eol));
  // "HTTP/1.1 200 OK", "HTTP/2 200"
  if (!status_line.starts_with("HTTP/")) return Status::InvalidInput("malformed HTTP status line");
  const size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos || sp + 4 > status_line.size() + 1) {
    return Status::InvalidInput("malformed HTTP status line");
  }
  const std::string_view code = status_line.substr(sp + 1, 3);
  if (code.size() != 3 || HexValue(code[0]) < 1 || code[0] > '9' || code[1] < '0' ||
      code[1] > '9' || code[2] < '0' || code[2] > '9') {
    return Status::InvalidInput("malformed HTTP status line");
  }
  r.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  size_t pos = eol + 1;
  for (;;) {
    eol = message.find('\n', pos);
    if (eol == std::string_view::npos) return Status::InvalidInput("HTTP headers do not end");
    std::string_view line = message.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !r.headers.empty()) {
      r.headers.back().second += " ";
      r.headers.back().second += Trim(line);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;  // tolerated, as browsers do
    r.headers.emplace_back(Lower(Trim(line.substr(0, colon))),
                           std::string(Trim(line.substr(colon + 1))));
  }
  r.body_offset = pos;
  return r;
}

std::string MediaType(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';'))));
}

Status DecodeHttpBody(const HttpResponse& response, size_t max_bytes, std::string* body) {
  const std::string transfer = Lower(response.Header("transfer-encoding"));
  if (transfer.find("chunked") != std::string::npos) {
    std::string plain;
    bool too_big = false;
    if (Dechunk(*body, max_bytes, &plain, &too_big)) {
      *body = std::move(plain);
    } else if (too_big) {
      return Status::ResourceExhausted("decoded body exceeds the " + FormatByteSize(max_bytes) +
                                       " limit");
    }
  }
  const std::string coding = Lower(Trim(response.Header("content-encoding")));
  if (coding.empty() || coding == "identity" || coding == "none") return Status::Ok();
  int wbits = 0;
  if (coding == "gzip" || coding == "x-gzip") {
    if (body->size() < 2 || (*body)[0] != '\x1f' || (*body)[1] != '\x8b') return Status::Ok();
    wbits = 16 + MAX_WBITS;
  } else if (coding == "deflate") {
    wbits = MAX_WBITS;
  } else {
    return Status::Unsupported("unsupported Content-Encoding \"" + coding + "\"");
  }
  std::string plain;
  int rc = Inflate(*body, wbits, max_bytes, &plain);
  if (rc == Z_DATA_ERROR && wbits == MAX_WBITS) rc = Inflate(*body, -MAX_WBITS, max_bytes, &plain);
  if (rc == kTooBig) {
    return Status::ResourceExhausted("decoded body exceeds the " + FormatByteSize(max_bytes) +
                                     " limit");
  }
  if (rc != Z_OK) {
    // "deflate" on a body that is plainly not compressed: stored decoded.
    if (wbits == MAX_WBITS && body->find('<') != std::string::npos && body->find('<') < 64) {
      return Status::Ok();
    }
    return Status::Corruption("corrupt " + coding + " body");
  }
  *body = std::move(plain);
  return Status::Ok();
}

}  // namespace veille::ingest
