// OPML lists to subscriptions (tests: tests/ingest/opml_reader_test.cc).
// One pass over the XML nodes: a stack holds the title of each open folder
// outline (an <outline> without xmlUrl), so that a subscription's category
// is the path of folders around it ("News/Asia"); a subscription outline
// can itself have children (some exporters nest) and is not a folder.
#include "ingest/opml_reader.h"

#include <set>
#include <utility>

#include "common/url.h"
#include "ingest/byte_size.h"
#include "ingest/feed_text.h"
#include "ingest/xml_stream.h"

namespace veille::ingest {
namespace {

// The first entry of OPML 2.0's category attribute ("/News/Asia,/Tech"),
// without its leading slash.
std::string FirstCategory(std::string_view attr) {
  attr = TrimXmlSpace(attr.substr(0, attr.find(',')));
  while (!attr.empty() && attr.front() == '/') attr.remove_prefix(1);
  return std::string(TrimXmlSpace(attr));
}

class OpmlReader final : public DocumentReader {
 public:
  OpmlReader(std::string input, std::unique_ptr<ByteStream> stream, const IngestOptions& options)
      : input_(std::move(input)), stream_(std::move(stream)), options_(options) {}

  Result<bool> Next(RawDocument*) override {
    if (done_) return false;
    done_ = true;
    Result<std::vector<Subscription>> subs = ReadOpmlStream(input_, std::move(stream_), options_);
    if (!subs.ok()) return subs.status();
    count_ = static_cast<int64_t>(subs->size());
    return false;
  }

  std::vector<SkipCount> Skipped() const override {
    if (count_ == 0) return {};
    return {{"feed subscriptions (import them with `veille sources add`)", count_}};
  }

 private:
  const std::string input_;
  std::unique_ptr<ByteStream> stream_;
  const IngestOptions options_;
  bool done_ = false;
  int64_t count_ = 0;
};

}  // namespace

Result<std::vector<Subscription>> ReadOpmlStream(const std::string& name,
                                                 std::unique_ptr<ByteStream> stream,
                                                 const IngestOptions& options) {
  XmlStream xml(name, std::move(stream));
  const bool name_is_url = CanonicalizeUrl(name).ok();
  std::vector<Subscription> out;
  std::set<std::string> seen;
  // Folder title at each depth ("" for a non-folder element).
  std::vector<std::string> folders;
  bool saw_root = false;
  for (;;) {
    Result<bool> more = xml.Read();
    if (!more.ok()) return more.status().At(name);
    if (!*more) break;
    if (xml.bytes_read() > 0 &&
        static_cast<size_t>(xml.bytes_read()) > options.max_document_bytes) {
      return Status::ResourceExhausted("OPML list exceeds the " +
                                       FormatByteSize(options.max_document_bytes) + " limit")
          .At(name);
    }
    if (xml.kind() != XmlStream::NodeKind::kElement) continue;
    const int depth = xml.depth();
    if (depth == 0) {
      if (xml.local_name() != "opml") {
        return Status::InvalidInput("not an OPML list: root element <" +
                                    std::string(xml.qualified_name()) + "> (expected <opml>)")
            .At(name);
      }
      saw_root = true;
    }
    folders.resize(depth + 1);
    folders[depth].clear();
    if (xml.local_name() != "outline" || !xml.namespace_uri().empty()) continue;
    std::string title = CollapseSpace(xml.Attribute("title"));
    if (title.empty()) title = CollapseSpace(xml.Attribute("text"));
    std::string url(TrimXmlSpace(xml.Attribute("xmlUrl")));
    if (url.empty()) url = std::string(TrimXmlSpace(xml.Attribute("xmlurl")));
    if (url.empty()) {
      folders[depth] = title.empty() ? "untitled" : title;
      continue;
    }
    Subscription sub;
    if (name_is_url) {
      Result<std::string> resolved = ResolveUrl(name, url);
      if (resolved.ok()) url = *resolved;
    }
    sub.url = std::move(url);
    sub.title = std::move(title);
    sub.html_url = std::string(TrimXmlSpace(xml.Attribute("htmlUrl")));
    for (int d = 0; d < depth; ++d) {
      if (folders[d].empty()) continue;
      if (!sub.category.empty()) sub.category.push_back('/');
      sub.category += folders[d];
    }
    if (sub.category.empty()) sub.category = FirstCategory(xml.Attribute("category"));
    if (seen.insert(sub.url).second) out.push_back(std::move(sub));
  }
  if (!saw_root) return Status::InvalidInput("not XML (no root element)").At(name);
  return out;
}

std::unique_ptr<DocumentReader> NewOpmlReader(std::string input, std::unique_ptr<ByteStream> stream,
                                              const IngestOptions& options) {
  return std::make_unique<OpmlReader>(std::move(input), std::move(stream), options);
}

}  // namespace veille::ingest

namespace veille {
namespace {

std::unique_ptr<ingest::ByteStream> MaybeGunzip(std::unique_ptr<ingest::ByteStream> stream,
                                                Status* status) {
  std::string head;
  *status = ingest::ReadHead(*stream, 2, &head);
  const bool gz = ingest::HasGzipMagic(head);
  stream = ingest::NewPrefixedStream(std::move(head), std::move(stream));
  return gz ? ingest::NewGzipStream(std::move(stream)) : std::move(stream);
}

}  // namespace

Result<std::vector<Subscription>> ReadOpml(std::string_view name, std::string_view bytes,
                                           const IngestOptions& options) {
  Status status;
  auto stream = MaybeGunzip(ingest::NewMemoryStream(std::string(bytes)), &status);
  return ingest::ReadOpmlStream(std::string(name), std::move(stream), options);
}

Result<std::vector<Subscription>> ReadOpmlInput(const std::string& path,
                                                const IngestOptions& options) {
  VEILLE_ASSIGN_OR_RETURN(std::unique_ptr<ingest::ByteStream> stream, ingest::OpenFileStream(path));
  Status status;
  stream = MaybeGunzip(std::move(stream), &status);
  if (!status.ok()) return status.input().empty() ? status.At(path) : status;
  return ingest::ReadOpmlStream(path, std::move(stream), options);
}

}  // namespace veille
