// JSONL records to RawDocuments. nlohmann::json is the parser; its exceptions
// are caught here and turned into per-line Status values, so none leaves this
// file. Each line is pre-scanned for its nesting depth (linear, no allocation)
// before parsing, because serialising an absurdly deep value is recursive.
#include "ingest/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>
#include <utility>

#include "common/iso_time.h"
#include "ingest/byte_size.h"
#include "ingest/line_reader.h"

namespace veille::ingest {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxReasonChars = 200;

bool IsBlankLine(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// The deepest nesting of '[' and '{' outside strings, stopping once over `limit`.
int NestingDepth(std::string_view line, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest && (deepest = depth) > limit) break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// `column` is the 1-based byte column, or 0 when unknown.
// nlohmann's messages read "[json.exception.parse_error.101] parse error at
// line 1, column 5: syntax error while parsing value - invalid literal; last
// read: 'tru'; expected ..."; keep the reason, drop the echoed input.
Status DescribeParseError(const Json::exception& e, size_t column) {
  std::string_view what = e.what();
  if (size_t bracket = what.find("] "); bracket != std::string_view::npos) {
    what.remove_prefix(bracket + 2);
  }
  if (size_t colon = what.find("column "); colon != std::string_view::npos) {
    if (size_t sep = what.find(": ", colon); sep != std::string_view::npos) {
      what.remove_prefix(sep + 2);
    }
  }
  std::string reason(what.substr(0, what.find("; last read:")));
  if (size_t expected = what.rfind("; expected ");
      expected != std::string_view::npos && expected > what.find("; last read:")) {
    reason += what.substr(expected);
  }
  if (reason.size() > kMaxReasonChars) reason.resize(kMaxReasonChars);
  if (reason.find("ill-formed UTF-8") != std::string::npos) {
    return Status::InvalidInput("invalid UTF-8 in JSON string (column " + std::to_string(column) +
                                ")");
  }
  if (column == 0) return Status::InvalidInput("malformed JSON: " + reason);
  return Status::InvalidInput("malformed JSON at column " + std::to_string(column) + ": " + reason);
}

// Moves a string field into *out (absent when null). Fails for other types.
Status TakeString(const std::string& key, Json& value, std::optional<std::string>* out) {
  if (value.is_null()) return Status::Ok();
  if (!value.is_string()) {
    return Status::InvalidInput("field \"" + key + "\" must be a string (found " +
                                value.type_name() + ")");
  }
  *out = std::move(value.get_ref<std::string&>());
  return Status::Ok();
}

Status TakeString(const std::string& key, Json& value, std::string* out) {
  std::optional<std::string> s;
  VEILLE_RETURN_IF_ERROR(TakeString(key, value, &s));
  if (s) *out = std::move(*s);
  return Status::Ok();
}

// Fills *doc (all but input and record) from one JSON line.
Status ParseRecord(std::string_view line, RawDocument* doc) {
  if (NestingDepth(line, kMaxJsonDepth) > kMaxJsonDepth) {
    return Status::InvalidInput("JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                                " levels");
  }
  Json record;
  try {
    record = Json::parse(line);
  } catch (const Json::parse_error& e) {
    return DescribeParseError(e, e.byte);
  } catch (const Json::exception& e) {
    return DescribeParseError(e, 0);
  }
  if (!record.is_object()) {
    return Status::InvalidInput(std::string("record is not a JSON object (found ") +
                                record.type_name() + ")");
  }
  std::optional<std::string> text, html, site, source, published;
  Json extra = Json::object();
  for (auto& [key, value] : record.get_ref<Json::object_t&>()) {
    Status s;
    if (key == "url") {
      s = TakeString(key, value, &doc->url);
    } else if (key == "title") {
      s = TakeString(key, value, &doc->title);
    } else if (key == "content_type") {
      s = TakeString(key, value, &doc->content_type);
    } else if (key == "site") {
      s = TakeString(key, value, &site);
    } else if (key == "source") {
      s = TakeString(key, value, &source);
    } else if (key == "published") {
      s = TakeString(key, value, &published);
    } else if (key == "text") {
      s = TakeString(key, value, &text);
    } else if (key == "html") {
      s = TakeString(key, value, &html);
    } else {
      extra[key] = std::move(value);
    }
    VEILLE_RETURN_IF_ERROR(s);
  }
  if (!text && !html) return Status::InvalidInput("record has neither \"text\" nor \"html\"");
  if (html) {
    doc->format = DocFormat::kHtml;
    doc->bytes = std::move(*html);
    if (text) extra["text"] = std::move(*text);
  } else {
    doc->format = DocFormat::kText;
    doc->bytes = std::move(*text);
  }
  if (site) {
    doc->site = std::move(*site);
    if (source) extra["source"] = std::move(*source);
  } else if (source) {
    doc->site = std::move(*source);
  }
  if (published && !published->empty()) {
    Result<std::string> normal = NormalizeIsoTime(*published);
    if (!normal.ok()) {
      return Status::InvalidInput("invalid date in \"published\": " + normal.status().message());
    }
    doc->published = std::move(normal).value();
  }
  if (!extra.empty()) {
    try {
      doc->extra_json = extra.dump(-1, ' ', false, Json::error_handler_t::replace);
    } catch (const Json::exception& e) {
      return Status::Internal(std::string("cannot serialise extra fields: ") + e.what());
    }
  }
  doc->bytes_are_utf8 = true;
  return Status::Ok();
}

class JsonlReader final : public DocumentReader {
 public:
  JsonlReader(std::string input, std::unique_ptr<ByteStream> stream, size_t max_line_bytes)
      : input_(std::move(input)),
        lines_(std::move(stream), max_line_bytes),
        max_line_bytes_(max_line_bytes) {}

  Result<bool> Next(RawDocument* doc) override {
    while (!done_) {
      Result<bool> got = lines_.Next(&line_);
      if (!got.ok()) {
        if (got.status().code() == StatusCode::kResourceExhausted) {
          return Status::ResourceExhausted("record exceeds the " + FormatByteSize(max_line_bytes_) +
                                           " limit")
              .At(input_, lines_.line_number());
        }
        done_ = true;
        return got.status().At(input_, lines_.line_number());
      }
      if (!*got) {
        done_ = true;
        break;
      }
      if (IsBlankLine(line_)) continue;
      RawDocument record;
      VEILLE_RETURN_IF_ERROR(ParseRecord(line_, &record).At(input_, lines_.line_number()));
      record.input = input_;
      record.record = lines_.line_number();
      *doc = std::move(record);
      return true;
    }
    return false;
  }

 private:
  const std::string input_;
  LineReader lines_;
  const size_t max_line_bytes_;
  std::string line_;  // reused across lines to keep its capacity
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentReader> NewJsonlReader(std::string input,
                                               std::unique_ptr<ByteStream> stream,
                                               const IngestOptions& options) {
  return std::make_unique<JsonlReader>(std::move(input), std::move(stream),
                                       options.max_document_bytes);
}

}  // namespace veille::ingest
