// The ingest stage's entry points: OpenInput picks the byte source (file,
// stdin, gzip), rejects binary data and hands the stream to the reader of the
// detected format; ExpandInputs turns command-line paths into input files.
#include "veille/ingest.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <string_view>
#include <system_error>
#include <utility>

#include "ingest/byte_stream.h"
#include "ingest/feed_reader.h"
#include "ingest/format_detect.h"
#include "ingest/jsonl_reader.h"
#include "ingest/opml_reader.h"
#include "ingest/page_reader.h"
#include "ingest/warc_reader.h"

namespace veille {
namespace fs = std::filesystem;

namespace {

// Sets each document's content type (an HTTP header's charset hint) on the
// way out of the reader it wraps.
class ContentTypeReader final : public DocumentReader {
 public:
  ContentTypeReader(std::unique_ptr<DocumentReader> inner, std::string content_type)
      : inner_(std::move(inner)), content_type_(std::move(content_type)) {}
  Result<bool> Next(RawDocument* doc) override {
    Result<bool> more = inner_->Next(doc);
    if (more.ok() && *more && doc->content_type.empty()) doc->content_type = content_type_;
    return more;
  }
  std::vector<SkipCount> Skipped() const override { return inner_->Skipped(); }

 private:
  std::unique_ptr<DocumentReader> inner_;
  std::string content_type_;
};

// Reads the head of `*stream` (gunzipping it when it is gzip data) and
// detects its format; *stream is left ready to be read from the start. A
// WARC file is recognised before binary sniffing (its payloads may be
// binary). Returns kInvalidInput for binary content.
Result<DocFormat> SniffStream(const std::string& name, const std::string& path_hint,
                              std::unique_ptr<ingest::ByteStream>* stream,
                              const IngestOptions& options) {
  std::string head;
  if (Status s = ingest::ReadHead(**stream, ingest::kSniffBytes, &head); !s.ok()) {
    return s.input().empty() ? s.At(name) : s;
  }
  if (ingest::HasGzipMagic(head)) {
    *stream = ingest::NewGzipStream(ingest::NewPrefixedStream(std::move(head), std::move(*stream)));
    // A decoding error here is left in the (failed) stream: the reader returns
    // the documents decoded before it, then the error.
    (void)ingest::ReadHead(**stream, ingest::kSniffBytes, &head);
  }
  const bool warc = options.forced_format == DocFormat::kWarc ||
                    (options.forced_format == DocFormat::kUnknown && ingest::HasWarcMagic(head));
  if (std::string_view why = ingest::SniffBinary(head); !warc && !why.empty()) {
    return Status::InvalidInput("binary content (" + std::string(why) + ")").At(name);
  }
  const DocFormat format = options.forced_format != DocFormat::kUnknown
                               ? options.forced_format
                               : ingest::DetectFormat(head, path_hint);
  *stream = ingest::NewPrefixedStream(std::move(head), std::move(*stream));
  return format;
}

// The reader of `format` over `stream` (positioned at the start).
Result<std::unique_ptr<DocumentReader>> NewReader(const std::string& name, DocFormat format,
                                                  std::unique_ptr<ingest::ByteStream> stream,
                                                  const IngestOptions& options) {
  switch (format) {
    case DocFormat::kJsonl:
      return ingest::NewJsonlReader(name, std::move(stream), options);
    case DocFormat::kFeed:
      return ingest::NewFeedReader(name, std::move(stream), options);
    case DocFormat::kOpml:
      return ingest::NewOpmlReader(name, std::move(stream), options);
    case DocFormat::kWarc:
      return ingest::NewWarcReader(name, std::move(stream), options);
    case DocFormat::kHtml:
    case DocFormat::kText:
    case DocFormat::kUnknown:
      break;
  }
  return ingest::NewPageReader(name, std::move(stream),
                               format == DocFormat::kUnknown ? DocFormat::kText : format, options);
}

}  // namespace

Result<std::unique_ptr<DocumentReader>> OpenInput(const std::string& path,
                                                  const IngestOptions& options) {
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<ingest::ByteStream> stream, ingest::OpenFileStream(path));
  VEILLE_ASSIGN_OR_RETURN(const DocFormat format,
                          SniffStream(path, path == "-" ? "" : path, &stream, options));
  return NewReader(path, format, std::move(stream), options);
}

Result<DocFormat> DetectInputFormat(const std::string& path, const IngestOptions& options) {
  if (path == "-")
    return Status::InvalidInput("cannot detect the format of standard input ahead").At(path);
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<ingest::ByteStream> stream, ingest::OpenFileStream(path));
  Result<DocFormat> format = SniffStream(path, path, &stream, options);
  if (!format.ok() && format.status().code() == StatusCode::kInvalidInput)
    return DocFormat::kUnknown;
  return format;
}

Result<std::unique_ptr<DocumentReader>> OpenBuffer(std::string name, std::string bytes,
                                                   std::string content_type,
                                                   const IngestOptions& options) {
  std::unique_ptr<ingest::ByteStream> stream = ingest::NewMemoryStream(std::move(bytes));
  VEILLE_ASSIGN_OR_RETURN(const DocFormat format, SniffStream(name, "", &stream, options));
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<DocumentReader> reader,
                          NewReader(name, format, std::move(stream), options));
  // The content type is the page's own; a container's documents (feed items,
  // JSONL records, WARC pages) have theirs.
  if (content_type.empty() || (format != DocFormat::kHtml && format != DocFormat::kText)) {
    return reader;
  }
  return std::unique_ptr<DocumentReader>(
      std::make_unique<ContentTypeReader>(std::move(reader), std::move(content_type)));
}

namespace {

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// In a folder walk, only files that can be documents are taken: a known
// document extension (optionally followed by .gz), or no extension at all (as
// crawlers often save pages). READMEs, images, scripts and the like that sit
// beside a corpus are left out. A file named on the command line is always read.
bool IsDocumentName(const fs::path& p) {
  fs::path name = p.filename();
  if (name.extension() == ".gz") name = name.stem();
  std::string ext = name.extension().string();
  if (ext.empty()) return true;
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::string_view kExtensions[] = {
      ".html", ".htm", ".xhtml", ".shtml", ".txt",  ".text", ".jsonl", ".ndjson",
      ".json", ".rss", ".atom",  ".xml",   ".opml", ".warc", ".rdf"};
  return std::find(std::begin(kExtensions), std::end(kExtensions), ext) != std::end(kExtensions);
}

// Appends the files under `dir`, depth first, each folder's entries sorted by
// name (bytewise), so that the order is stable across runs and machines.
void Walk(const fs::path& dir, std::vector<InputEntry>* out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    out->push_back(
        {dir.string(), Status::IoError("cannot read directory: " + ec.message()).At(dir.string())});
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path().filename().native() < b.path().filename().native();
            });
  for (const fs::directory_entry& entry : entries) {
    if (IsHidden(entry.path())) continue;
    const std::string path = entry.path().string();
    const fs::file_status own = entry.symlink_status(ec);
    if (ec) {
      out->push_back({path, Status::IoError("cannot stat: " + ec.message()).At(path)});
    } else if (fs::is_directory(own)) {
      Walk(entry.path(), out);
    } else if (fs::is_regular_file(own)) {
      if (IsDocumentName(entry.path())) out->push_back({path, Status()});
    } else if (fs::is_symlink(own)) {
      // Symlinked files are read; symlinked folders are not followed (no cycles).
      const fs::file_status target = entry.status(ec);
      if (ec || !fs::exists(target)) {
        out->push_back({path, Status::NotFound("broken symbolic link").At(path)});
      } else if (fs::is_regular_file(target) && IsDocumentName(entry.path())) {
        out->push_back({path, Status()});
      }
    }
    // Sockets, FIFOs and devices found in a walk are skipped.
  }
}

}  // namespace

std::vector<InputEntry> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<InputEntry> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({path, Status()});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) {
      out.push_back({path, Status::IoError("cannot stat: " + ec.message()).At(path)});
    } else if (!fs::exists(st)) {
      out.push_back({path, Status::NotFound("no such file or directory").At(path)});
    } else if (fs::is_directory(st)) {
      Walk(path, &out);
    } else {
      out.push_back({path, Status()});
    }
  }
  return out;
}

}  // namespace veille
